"""Roles and permissions: who may see and change what (lib/core/access.py)."""

from __future__ import annotations

import pytest

from lib.core import access
from lib.core.access import AccessDenied, Principal, RoleConfig, can, principal_for, require, role_for


def test_each_role_includes_the_ones_below() -> None:
    viewer, editor, admin = (Principal(email="x@bib.dk", role=r) for r in access.ROLES)
    assert [can(viewer, p) for p in ("view_board", "view_contacts", "edit", "import", "erase")] == [
        True,
        False,
        False,
        False,
        False,
    ]
    assert [can(editor, p) for p in ("view_board", "view_contacts", "edit", "import", "export", "erase")] == [
        True,
        True,
        True,
        True,
        True,
        False,
    ]
    assert all(can(admin, p) for p in access.PERMISSIONS)


def test_a_refusal_says_what_and_why_in_danish_and_english() -> None:
    with pytest.raises(AccessDenied) as caught:
        require(Principal(email="bestyrelse@kommune.dk", role="viewer"), "import")
    assert caught.value.message("da").startswith("Din rolle (læser) giver ikke adgang til at importere filer.")
    assert caught.value.message("en").startswith("Your role (viewer) does not allow you to import files.")


def test_roles_from_email_lists_ignore_case_and_the_highest_wins() -> None:
    config = RoleConfig.from_mapping(
        {"admins": ["Chef@Bib.dk"], "editors": ["chef@bib.dk", "mette@bib.dk"], "viewers": ["udvalg@kommune.dk"]}
    )
    assert role_for("CHEF@bib.dk", {}, config) == "admin"
    assert role_for("mette@bib.dk", {}, config) == "editor"
    assert role_for("udvalg@kommune.dk", {}, config) == "viewer"
    assert role_for("someone@else.dk", {}, config) == "viewer"  # the default


def test_roles_from_a_claim_with_mapped_values() -> None:
    config = RoleConfig.from_mapping(
        {"claim": "roles", "default": "none", "claim_values": {"admin": "Radar.Admin", "editor": "Radar.Editor"}}
    )
    assert role_for("a@bib.dk", {"roles": ["Other", "radar.editor"]}, config) == "editor"
    assert role_for("a@bib.dk", {"roles": "Radar.Admin"}, config) == "admin"
    assert role_for("a@bib.dk", {"roles": ["Other"]}, config) is None  # default none: no access
    assert principal_for({"email": "a@bib.dk", "roles": ["Other"]}, config) is None


def test_a_typo_in_the_role_set_up_is_an_error_not_a_grant() -> None:
    with pytest.raises(ValueError):
        RoleConfig.from_mapping({"default": "admn"})
    with pytest.raises(ValueError):
        RoleConfig.from_mapping({"claim": "roles", "claim_values": {"superuser": "X"}})


def test_principal_of_a_logged_in_user() -> None:
    config = RoleConfig.from_mapping({"editors": ["mette@bib.dk"]})
    principal = principal_for({"email": "Mette@Bib.dk", "name": "Mette"}, config)
    assert principal == Principal(email="mette@bib.dk", role="editor", name="Mette")
    assert principal.actor == "mette@bib.dk" and not principal.local
    assert access.LOCAL.role == "admin" and access.LOCAL.local


def test_the_shipped_secrets_example_is_a_valid_role_set_up() -> None:
    import tomllib
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / ".streamlit" / "secrets.toml.example"
    secrets = tomllib.loads(example.read_text(encoding="utf-8"))
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"} <= set(
        secrets["auth"]
    )
    config = RoleConfig.from_mapping(secrets["roles"])
    assert role_for("x@y.dk", {"roles": ["Partnerskabsradar.Editor"]}, config) == "editor"
    assert role_for("x@y.dk", {}, config) is None


def test_the_database_refuses_what_a_role_may_not_do(db) -> None:
    from lib import contacts
    from lib.reporting.workspace_export import export_workspace_frames

    with db.write() as session:
        person_id = contacts.create_person(session, {"name": "Anne Holm", "email": "anne@holm.dk"})
    viewer = db.acting_as(Principal(email="udvalg@kommune.dk", role="viewer"))
    with pytest.raises(AccessDenied), viewer.read() as session:
        contacts.search_people(session, "Anne")
    with pytest.raises(AccessDenied), viewer.read() as session:
        contacts.person_details(session, person_id)
    with pytest.raises(AccessDenied), viewer.read() as session:
        export_workspace_frames(session)
    with pytest.raises(AccessDenied), viewer.write() as session:
        contacts.update_person(session, person_id, {"name": "Anne H."})
    editor = db.acting_as(Principal(email="mette@bib.dk", role="editor"))
    with editor.write() as session:
        contacts.update_person(session, person_id, {"name": "Anne H."})
    with editor.read() as session:
        assert [row["name"] for row in contacts.search_people(session, "Anne").to_dict("records")] == ["Anne H."]
