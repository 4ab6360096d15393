"""The library's set-up: the service (checked values, one transaction, the event log), the logo's
checks, the staff table, ``python -m lib setup``, and where the name, address and logo show up: the
start page of an empty workspace, the banner of a filled one, the browser tab, the network's library
node, the strengths flyer and the board pack."""

from __future__ import annotations

import base64
import io
import json
import secrets
import struct
import subprocess
import sys
import zlib
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from sqlalchemy import func, select

from components.safe_markdown import escape_markdown
from lib.core.access import AccessDenied, Principal
from lib.core.errors import ValidationFailed
from lib.db import Database, Event, Person, WorkspaceSetting, get_setting
from lib.library import setup
from tests import apptest_support
from tests.apptest_support import rerun

ROOT = Path(__file__).resolve().parents[2]
run_start_page = partial(apptest_support.run_page, "../dashboard.py")
run_library_page = partial(apptest_support.run_page, "../pages/library.py")

PROFILE = {
    "name": "  Solhøj   Bibliotek ",
    "description": "Folkebibliotek med to filialer",
    "address": "Torvet 1, 9999 Solhøj",
    "email": "Bibliotek@Solhoej.Example.dk",
    "phone": "99 12 34 56",
}


def events(db: Database, action: str) -> list[Event]:
    with db.read() as session:
        return list(session.scalars(select(Event).where(Event.action == action).order_by(Event.id)))


def settings(db: Database) -> dict[str, str | None]:
    with db.read() as session:
        return {row.key: row.value for row in session.scalars(select(WorkspaceSetting))}


def picture(kind: str = "PNG", size: tuple[int, int] = (80, 40), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (31, 95, 139)).save(out, format=kind, **options)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def press(at: apptest_support.AppTest, key: str) -> apptest_support.AppTest:
    at.button(key=key).click()
    return rerun(at)


def save(db: Database, values: dict, **options: object) -> list[str]:
    with db.write() as session:
        return setup.save_library_profile(session, values, **options)


# --- the profile -----------------------------------------------------------------------------------


def test_the_profile_is_stored_tidied_and_logged_once(db: Database) -> None:
    changed = save(db, PROFILE)
    assert changed == ["name", "description", "address", "email", "phone"]
    with db.read() as session:
        profile = setup.library_profile(session)
    assert (profile.name, profile.email, profile.phone) == (
        "Solhøj Bibliotek",
        "bibliotek@solhoej.example.dk",
        "+4599123456",
    )
    assert profile.timezone == "Europe/Copenhagen" and profile.is_set_up
    [logged] = events(db, "library_profile_updated")
    assert logged.details["changes"]["name"] == [None, "Solhøj Bibliotek"]
    assert save(db, PROFILE) == []  # the same values again: nothing changed, nothing logged
    assert len(events(db, "library_profile_updated")) == 1


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("email", "bibliotek-at-solhoej", "value.email_invalid"),
        ("phone", "ring til os", "value.phone_invalid"),
        ("timezone", "Europe/Solhøj", "setup.timezone_invalid"),
        ("name", "   ", "setup.name_required"),
    ],
)
@pytest.mark.slow
def test_a_bad_value_stores_nothing_and_names_its_field(db: Database, field: str, value: str, key: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        save(db, {**PROFILE, field: value})
    assert (refused.value.key, refused.value.params["field"]) == (key, field)
    assert settings(db) == {}
    assert events(db, "library_profile_updated") == []


def test_a_viewer_cannot_change_the_profile(db: Database) -> None:
    with pytest.raises(AccessDenied), db.acting_as(Principal(email="b@bib.dk", role="viewer")).write() as session:
        setup.save_library_profile(session, PROFILE)
    assert settings(db) == {}


# --- the logo --------------------------------------------------------------------------------------


def test_a_png_or_jpeg_logo_is_redrawn_as_a_small_png_without_metadata(db: Database) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Kamera A/S"  # Make
    photo = picture("JPEG", (1600, 800), exif=exif.tobytes())
    assert b"Kamera A/S" in photo
    changed = save(db, PROFILE, logo=photo)
    assert "logo" in changed
    with db.read() as session:
        stored = setup.stored_logo(session)
    assert stored.startswith(b"\x89PNG") and b"Kamera A/S" not in stored
    assert Image.open(io.BytesIO(stored)).size == (setup.LOGO_STORED_SIDE, setup.LOGO_STORED_SIDE // 2)
    save(db, {}, remove_logo=True)
    with db.read() as session:
        assert setup.stored_logo(session) is None


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "setup.logo_empty"),
        (picture("GIF"), "setup.logo_kind"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "setup.logo_kind"),
        (picture("PNG")[:60], "setup.logo_broken"),
        (b"\xff\xd8\xff" + b"\0" * 200, "setup.logo_broken"),
        (png_claiming(60_000, 60_000), "setup.logo_too_many_pixels"),
        (png_claiming(9_000, 10), "setup.logo_too_many_pixels"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (setup.LOGO_MAX_BYTES + 1), "setup.logo_too_large"),
    ],
)
def test_a_logo_that_is_not_a_small_png_or_jpeg_is_refused_and_nothing_stored(
    db: Database, data: bytes, key: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        save(db, PROFILE, logo=data)
    assert (refused.value.key, refused.value.params["field"]) == (key, "logo")
    assert settings(db) == {}  # not even the name of the same call


# --- staff -----------------------------------------------------------------------------------------


def staff(db: Database) -> dict[str, tuple]:
    with db.read() as session:
        return {p.name: (p.email, p.team, p.staff_role) for p in session.scalars(select(Person).where(Person.is_staff))}


def save_staff(db: Database, rows: list[dict]) -> setup.StaffSaved:
    with db.write() as session:
        return setup.save_staff(session, rows)


def test_staff_are_added_with_team_and_role_in_one_go(db: Database) -> None:
    with db.write() as session:  # a contact the library already had is the same person as the staff row
        session.add(Person(name="Jonas Friis", name_key="jonas friis", email="jonas@solhoej.example.dk"))
    saved = save_staff(
        db,
        [
            {
                "name": "Mette Holm",
                "email": "Mette@Solhoej.Example.dk",
                "team": "Børn",
                "staff_role": "Netværksansvarlig",
            },
            {"name": None, "email": None, "team": None, "staff_role": None},
            {
                "name": "Jonas Friis",
                "email": "jonas@solhoej.example.dk",
                "team": "børn ",
                "staff_role": "partnership_owner",
            },
            {"name": "Emil Skov", "email": None, "team": "Voksne", "staff_role": None},
        ],
    )
    assert (len(saved.added), len(saved.changed)) == (2, 1)
    assert staff(db) == {
        "Mette Holm": ("mette@solhoej.example.dk", "Børn", "network_lead"),
        "Jonas Friis": ("jonas@solhoej.example.dk", "Børn", "partnership_owner"),
        "Emil Skov": (None, "Voksne", "staff"),
    }
    assert len(events(db, "staff_added")) == 2 and len(events(db, "staff_updated")) == 1


def test_staff_rows_with_problems_store_nothing_and_every_problem_is_named(db: Database) -> None:
    save_staff(db, [{"name": "Mette Holm", "email": "mette@solhoej.example.dk"}])
    with pytest.raises(setup.StaffNotSaved) as refused:
        save_staff(
            db,
            [
                {"name": "Bo Berg", "email": "bo@solhoej.example.dk", "staff_role": "medarbejder"},
                {"name": "", "email": "uden-navn@solhoej.example.dk"},
                {"name": "Ida Juul", "email": "ida(at)solhoej"},
                {"name": "Ole Lind", "email": "BO@solhoej.example.dk"},
                {"name": "Mette Hansen", "email": "mette@solhoej.example.dk"},
                {"name": "Per Krog", "staff_role": "chef"},
            ],
        )
    problems = {p.row: p.error.key for p in refused.value.problems}
    assert problems == {
        2: "setup.staff.name_required",
        3: "value.email_invalid",
        4: "setup.staff.email_twice",
        5: "setup.staff.email_taken",
        6: "setup.staff.unknown_role",
    }
    message = refused.value.message("da")
    assert (
        message.startswith("Intet er gemt: 5 rækker skal rettes.") and "Række 6: Rollen »chef« kendes ikke" in message
    )
    assert list(staff(db)) == ["Mette Holm"]
    # Where the message is shown as markup, the texts the user typed in the rows are marked up too.
    marked = refused.value.message("en", quote=lambda text: f"`{text}`")
    assert "The e-mail `mette@solhoej.example.dk` already belongs to `Mette Holm`." in marked


def test_the_staff_table_changes_a_staff_member_by_id(db: Database) -> None:
    save_staff(db, [{"name": "Mette Holm", "email": "mette@solhoej.example.dk"}])
    with db.read() as session:
        [row] = setup.staff_rows(session)
    save_staff(db, [{**row, "name": "Mette Holm Berg", "team": "Ledelse", "staff_role": "network_lead"}])
    assert staff(db) == {"Mette Holm Berg": ("mette@solhoej.example.dk", "Ledelse", "network_lead")}


# --- the command line ------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lib", "setup", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )


@pytest.mark.slow
def test_the_command_line_sets_the_library_up(db: Database, db_url: str, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(picture())
    done = run_cli(
        "--library-name",
        "Solhøj Bibliotek",
        "--email",
        "bib@solhoej.example.dk",
        "--phone",
        "99 12 34 56",
        "--timezone",
        "Europe/Copenhagen",
        "--logo",
        str(logo),
        "--json",
        "--db",
        db_url,
    )
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["name"] == "Solhøj Bibliotek" and printed["phone"] == "+4599123456"
    assert printed["logo_bytes"] > 0 and "logo" in printed["changed"]
    done = run_cli("--library-name", "Solhøj Bibliotekerne", "--db", db_url)  # the rest stays as it was
    assert done.returncode == 0, done.stderr
    assert "Solhøj Bibliotekerne" in done.stdout
    with db.read() as session:
        profile = setup.library_profile(session)
    assert (profile.name, profile.email, profile.logo is not None) == (
        "Solhøj Bibliotekerne",
        "bib@solhoej.example.dk",
        True,
    )


@pytest.mark.parametrize("bad", [["--email", "bib-solhoej"], ["--phone", "123"], ["--timezone", "Solhøj/Torvet"]])
@pytest.mark.slow
def test_the_command_line_refuses_a_bad_value_with_one_line_and_stores_nothing(
    db: Database, db_url: str, bad: list[str]
) -> None:
    done = run_cli("--library-name", "Solhøj Bibliotek", *bad, "--db", db_url)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and done.stdout == ""
    assert settings(db) == {}


# --- where the set-up shows ------------------------------------------------------------------------


def test_the_network_centre_carries_the_librarys_name(db: Database) -> None:
    from lib.network.graph import build_graph

    save(db, PROFILE)
    with db.read() as session:
        assert build_graph(session).nodes["L"]["label"] == "Solhøj Bibliotek"


def test_the_strengths_flyer_carries_name_address_email_phone_and_logo(db: Database) -> None:
    import datetime as dt

    from lib.library.strengths import flyer_pdf

    save(db, PROFILE, logo=picture())
    with db.read() as session:
        data = flyer_pdf(session, "da", dt.date(2026, 3, 2))
    document = pdfium.PdfDocument(data)
    assert len(document) == 1
    text = " ".join(document[0].get_textpage().get_text_range().split())
    for shown in (
        "Solhøj Bibliotek",
        "Torvet 1, 9999 Solhøj",
        "bibliotek@solhoej.example.dk",
        "+45 99 12 34 56",
        "Folkebibliotek med to filialer",
    ):
        assert shown in text
    images = [o for o in document[0].get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 1


def test_the_flyer_shows_only_the_contact_details_that_are_set(db: Database) -> None:
    import datetime as dt

    from lib.library.strengths import flyer_pdf

    save(db, {"name": "Solhøj Bibliotek", "email": "bibliotek@solhoej.example.dk"})
    with db.read() as session:
        first = " ".join(
            pdfium.PdfDocument(flyer_pdf(session, "da", dt.date(2026, 3, 2)))[0].get_textpage().get_text_range().split()
        )
    assert "bibliotek@solhoej.example.dk" in first and "Torvet" not in first and "None" not in first
    # one detail alone: no separator before or after it
    assert "· bibliotek@solhoej" not in first and "solhoej.example.dk ·" not in first
    save(db, {"address": "Torvet 1, 9999 Solhøj", "phone": "99 12 34 56"})
    with db.read() as session:
        second = " ".join(
            pdfium.PdfDocument(flyer_pdf(session, "da", dt.date(2026, 3, 2)))[0].get_textpage().get_text_range().split()
        )
    assert "Torvet 1, 9999 Solhøj · bibliotek@solhoej.example.dk · +45 99 12 34 56" in second


def test_the_board_pack_carries_the_name_and_the_logo(db: Database) -> None:
    import datetime as dt

    from lib.reporting.boardpack import build, render

    save(db, PROFILE, logo=picture())
    with db.read() as session:
        pack = build(session, None, None, "da", ["title"], dt.date(2026, 3, 2))
    slide = Presentation(io.BytesIO(render(pack, "pptx"))).slides[0]
    assert "Solhøj Bibliotek" in " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert [shape.shape_type for shape in slide.shapes].count(13) == 1  # 13: a picture (the logo)
    appendix = load_workbook(io.BytesIO(render(pack, "xlsx")))
    assert "Solhøj Bibliotek" in [cell for row in appendix.worksheets[0].iter_rows(values_only=True) for cell in row]


def test_the_browser_tab_carries_the_librarys_name(db: Database) -> None:
    from components.setup_views import browser_title

    assert browser_title() == "Partnerskabsradar"
    save(db, PROFILE)
    assert browser_title() == "Solhøj Bibliotek · Partnerskabsradar"


# --- the pages -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_empty_workspace_opens_the_set_up_and_it_leads_to_the_start_page(db: Database) -> None:
    at = run_start_page()
    assert at.subheader[0].value == "Velkommen til Partnerskabsradar"
    at.text_input(key="setup_name").set_value("Solhøj Bibliotek")
    at.text_input(key="setup_address").set_value("Torvet 1, 9999 Solhøj")
    at.text_input(key="setup_email").set_value("bibliotek(at)solhoej")
    press(at, "setup_profile_save")
    assert at.error[0].value.startswith(escape_markdown("Fælles e-mail: »bibliotek(at)solhoej«"))
    assert settings(db) == {}
    at.text_input(key="setup_email").set_value("bibliotek@solhoej.example.dk")
    press(at, "setup_profile_save")
    assert at.title[0].value == "Solhøj Bibliotek"
    assert get_setting_of(db, "library_address") == "Torvet 1, 9999 Solhøj"
    # Still empty (no people): the set-up stays, now with the name filled in.
    assert at.text_input(key="setup_name").value == "Solhøj Bibliotek"
    editor = "setup_staff_editor_0"
    at.session_state[editor] = {
        "edited_rows": {
            0: {"name": "Mette Holm", "email": "mette@solhoej.example.dk", "team": "Børn", "staff_role": "network_lead"}
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    rerun(at)
    press(at, "setup_staff_save")
    assert staff(db) == {"Mette Holm": ("mette@solhoej.example.dk", "Børn", "network_lead")}
    assert "1 medarbejder er tilføjet." in [s.value.replace("\\", "") for s in at.success]
    assert [m.label for m in at.metric][:1] == ["Aktive partnerskaber"]  # the ordinary start page now
    assert not [b for b in at.button if b.key == "setup_banner_dismiss"]  # the name is set: no banner


def get_setting_of(db: Database, key: str) -> str | None:
    with db.read() as session:
        return get_setting(session, key)


@pytest.mark.slow
def test_a_filled_workspace_without_a_name_opens_normally_with_a_banner_that_can_be_dismissed(db: Database) -> None:
    save_staff(db, [{"name": "Mette Holm", "email": "mette@solhoej.example.dk"}])
    at = run_start_page()
    assert at.title[0].value == "Partnerskabsradar"
    assert "Sæt biblioteket op" in at.markdown[0].value
    assert [m.label for m in at.metric][:1] == ["Aktive partnerskaber"]
    press(at, "setup_banner_dismiss")
    assert not [b for b in at.button if b.key == "setup_banner_dismiss"]
    assert not any("Sæt biblioteket op" in m.value for m in at.markdown)


def test_a_viewer_of_an_empty_workspace_is_asked_to_find_an_editor(db: Database) -> None:
    at = run_start_page(
        secrets={
            "auth": {
                "redirect_uri": "http://localhost:8501/oauth2callback",
                "cookie_secret": secrets.token_urlsafe(48),
                "client_id": "c",
                "client_secret": "s",
                "server_metadata_url": "http://localhost/.well-known/openid-configuration",
            },
            "roles": {"default": "viewer"},
        },
        user={"is_logged_in": True, "email": "bestyrelse@solhoej.example.dk"},
    )
    assert "Bed en redaktør" in at.info[0].value
    assert not at.text_input


@pytest.mark.slow
def test_a_name_typed_with_markup_is_shown_as_typed(db: Database) -> None:
    save(db, {"name": "**Bib** <b>[x](http://x.example)</b>"})
    save_staff(db, [{"name": "Mette Holm", "email": "mette@solhoej.example.dk"}])
    at = run_start_page()
    assert at.title[0].value == escape_markdown("**Bib** <b>[x](http://x.example)</b>")


def test_the_library_page_edits_the_profile_later(db: Database) -> None:
    save(db, PROFILE)
    at = run_library_page("en")
    assert at.title[0].value == "The library"
    assert at.text_input(key="setup_name").value == "Solhøj Bibliotek"
    at.text_input(key="setup_phone").set_value("+45 99 12 34 57")
    press(at, "setup_profile_save")
    assert get_setting_of(db, "library_phone") == "+4599123457"
    assert at.success[0].value == escape_markdown("The library's details were saved.")
    assert at.text_input(key="setup_phone").value == "+45 99 12 34 57"  # drawn again as stored


def test_every_setup_text_is_in_danish_and_english() -> None:
    from lib.core.i18n import TEXTS
    from lib.core.translations import setup as texts

    for key in texts.TEXTS:
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key


def test_a_stored_logo_that_is_not_ours_is_ignored(db: Database) -> None:
    from lib.db import set_setting

    with db.write() as session:
        set_setting(session, setup.LOGO_SETTING, base64.b64encode(b"GIF89a....").decode())
        assert setup.stored_logo(session) is None
    with db.write() as session:
        set_setting(session, setup.LOGO_SETTING, "not base64 !!")
        assert setup.stored_logo(session) is None
    with db.read() as session:
        assert session.scalar(select(func.count(WorkspaceSetting.key))) == 1
