"""The strengths profile: offers, staleness, freshness, the partner-type matrix, the demo and the flyer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pytest
from sqlalchemy import func, select

from lib.core.errors import ValidationFailed
from lib.core.vocabulary import ORGANISATION_TYPES
from lib.db import OFFER_CATEGORIES, Database, Event, Person, StrengthOffer, set_setting
from lib.demo.workspace import create_demo_workspace
from lib.library import strengths
from tests.planning_builders import add_contact, add_staff

TODAY = dt.date(2026, 11, 1)
LIBRARY = "Solbakke Bibliotekerne"


def offer(**values: Any) -> dict[str, Any]:
    """A valid offer with ``values`` changed."""
    return {
        "team": "Børn og unge",
        "category": "rooms",
        "title": "Læsehulen",
        "description": None,
        "contact_person_id": None,
        "partner_types": ["education"],
    } | values


def create(db: Database, **values: Any) -> int:
    with db.write() as session:
        return strengths.create_offer(session, offer(**values), today=TODAY, actor="test@bib.dk")


def stored(db: Database, offer_id: int) -> StrengthOffer | None:
    with db.read() as session:
        record = session.get(StrengthOffer, offer_id)
        if record is not None:
            session.expunge(record)
        return record


def offer_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(StrengthOffer.id)))


def staff_member(
    db: Database,
    name: str,
    *,
    role: str | None = None,
    title: str | None = None,
    team: str | None = None,
    phone: str | None = None,
) -> int:
    with db.write() as session:
        person_id = add_staff(session, name)
        person = session.get(Person, person_id)
        person.staff_role, person.title, person.team, person.phone = role, title, team, phone
        return person_id


# --- creating, editing, confirming, deleting --------------------------------------------------------


def test_a_new_offer_is_stored_tidied_confirmed_today_and_logged(db: Database) -> None:
    anne = staff_member(db, "Anne-Sofie Kjær")
    offer_id = create(
        db,
        title="  Læsehulen   og værkstedet ",
        description="Plads til 25.\r\nGratis.",
        contact_person_id=anne,
        partner_types=["municipal", "education", "municipal"],
    )
    record = stored(db, offer_id)
    assert record.title == "Læsehulen og værkstedet"
    assert record.description == "Plads til 25.\nGratis."
    assert record.updated_on == TODAY
    assert record.contact_person_id == anne
    assert record.partner_types == ["education", "municipal"]  # once each, in the vocabulary's order
    with db.read() as session:
        event = session.scalars(select(Event).where(Event.entity_id == offer_id)).one()
    assert (event.action, event.entity, event.actor) == ("strength_offer_created", "strength_offer", "test@bib.dk")


def test_a_team_typed_differently_takes_the_known_spelling(db: Database) -> None:
    staff_member(db, "Thomas Winther", team="Digitalt")
    offer_id = create(db, team="  digitalt ")
    assert stored(db, offer_id).team == "Digitalt"
    other = create(db, team="Lokalbiblioteker")
    assert stored(db, other).team == "Lokalbiblioteker"


@pytest.mark.parametrize(
    ("values", "key", "field"),
    [
        ({"title": "  "}, "strengths.title_required", "title"),
        ({"category": None}, "strengths.category_required", "category"),
        ({"category": "coffee"}, "strengths.unknown_category", "category"),
        ({"partner_types": ["education", "aliens"]}, "strengths.unknown_partner_type", "partner_types"),
        ({"partner_types": 7}, "strengths.unknown_partner_type", "partner_types"),
        ({"title": "x" * 301}, "value.too_long", "title"),
        ({"updated_on": TODAY + dt.timedelta(days=1)}, "strengths.updated_on_future", "updated_on"),
    ],
)
def test_invalid_offers_are_refused_and_nothing_is_stored(
    db: Database, values: dict[str, Any], key: str, field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        create(db, **values)
    assert (caught.value.key, caught.value.params["field"]) == (key, field)
    assert offer_count(db) == 0


def test_the_contact_must_be_staff_and_the_message_is_danish(db: Database) -> None:
    with db.write() as session:
        contact = add_contact(session, "Kim Ekstern")
    with pytest.raises(ValidationFailed) as caught:
        create(db, contact_person_id=contact)
    assert caught.value.message("da") == "Vælg en medarbejder fra biblioteket."
    assert offer_count(db) == 0
    with pytest.raises(ValidationFailed) as missing:
        create(db, title="")
    assert missing.value.message("da") == "Tilbuddet skal have en titel."
    assert missing.value.message("en") == "The offer needs a title."


def test_an_offer_confirmed_earlier_keeps_that_day(db: Database) -> None:
    offer_id = create(db, updated_on=dt.date(2025, 1, 15))
    assert stored(db, offer_id).updated_on == dt.date(2025, 1, 15)


def test_editing_changes_the_fields_and_confirms_the_offer(db: Database) -> None:
    offer_id = create(db, updated_on=dt.date(2024, 5, 1))
    later = TODAY + dt.timedelta(days=10)
    with db.write() as session:
        changed = strengths.update_offer(
            session, offer_id, {"title": "Læsehulen 2.0", "partner_types": []}, today=later
        )
    assert sorted(changed) == ["partner_types", "title"]
    record = stored(db, offer_id)
    assert (record.title, record.partner_types, record.updated_on) == ("Læsehulen 2.0", None, later)


def test_saving_without_a_change_leaves_the_date_alone(db: Database) -> None:
    offer_id = create(db, updated_on=dt.date(2024, 5, 1))
    with db.write() as session:
        assert strengths.update_offer(session, offer_id, {"title": "Læsehulen"}, today=TODAY) == []
    assert stored(db, offer_id).updated_on == dt.date(2024, 5, 1)


def test_a_refused_edit_stores_nothing(db: Database) -> None:
    offer_id = create(db, updated_on=dt.date(2024, 5, 1))
    with pytest.raises(ValidationFailed), db.write() as session:
        strengths.update_offer(session, offer_id, {"title": "Nyt navn", "category": "nope"}, today=TODAY)
    record = stored(db, offer_id)
    assert (record.title, record.category, record.updated_on) == ("Læsehulen", "rooms", dt.date(2024, 5, 1))


def test_marking_as_still_true_moves_the_date_to_today(db: Database) -> None:
    offer_id = create(db, updated_on=dt.date(2024, 5, 1))
    with db.write() as session:
        before = strengths.confirm_offer(session, offer_id, today=TODAY, actor="a@bib.dk")
    assert before == dt.date(2024, 5, 1)
    assert stored(db, offer_id).updated_on == TODAY
    with db.read() as session:
        actions = session.scalars(select(Event.action).where(Event.entity_id == offer_id)).all()
    assert actions == ["strength_offer_created", "strength_offer_confirmed"]


def test_deleting_removes_the_offer_and_a_second_delete_says_it_is_gone(db: Database) -> None:
    offer_id = create(db)
    with db.write() as session:
        strengths.delete_offer(session, offer_id)
    assert stored(db, offer_id) is None
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        strengths.delete_offer(session, offer_id)
    assert caught.value.key == "strengths.no_such_offer"


# --- stale, freshness, teams, matrix ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("updated_on", "today", "stale"),
    [
        (dt.date(2025, 11, 1), dt.date(2026, 11, 1), False),  # exactly twelve months
        (dt.date(2025, 10, 31), dt.date(2026, 11, 1), True),  # one day more
        (dt.date(2026, 11, 1), dt.date(2026, 11, 1), False),
        (dt.date(2027, 2, 28), dt.date(2028, 2, 29), False),  # leap day counts back to 28 February
        (dt.date(2027, 2, 27), dt.date(2028, 2, 29), True),
        (None, dt.date(2026, 11, 1), True),
    ],
)
def test_stale_after_more_than_twelve_months(updated_on: dt.date | None, today: dt.date, stale: bool) -> None:
    assert strengths.is_stale(updated_on, today) is stale


def test_freshness_is_the_share_confirmed_within_twelve_months(db: Database) -> None:
    with db.read() as session:
        assert strengths.profile_freshness(session, TODAY) is None
    for days in (0, 100, 365, 366):
        create(db, updated_on=TODAY - dt.timedelta(days=days))
    with db.read() as session:
        assert strengths.profile_freshness(session, TODAY) == 0.75
        frame = strengths.offers_frame(session, TODAY)
    assert frame["stale"].sum() == 1


def test_offers_frame_carries_the_contact_and_sorts_by_team_then_category(db: Database) -> None:
    anne = staff_member(db, "Anne-Sofie Kjær", role="partnership_owner", team="Børn og unge")
    create(db, team="Voksne og kultur", category="reputation", title="Et godt navn")
    create(db, team="Børn og unge", category="digital", title="Podcast", contact_person_id=anne)
    create(db, team="Børn og unge", category="rooms", title="Læsehulen")
    create(db, team=None, category="network", title="Fælles netværk")
    with db.read() as session:
        frame = strengths.offers_frame(session, TODAY)
    assert list(frame.columns) == list(strengths.OFFER_COLUMNS)
    assert frame["title"].tolist() == ["Læsehulen", "Podcast", "Et godt navn", "Fælles netværk"]
    podcast = frame[frame["title"] == "Podcast"].iloc[0]
    assert (podcast["contact_name"], podcast["contact_role"], podcast["contact_person_id"]) == (
        "Anne-Sofie Kjær",
        "partnership_owner",
        anne,
    )
    assert frame[frame["title"] == "Læsehulen"].iloc[0]["contact_person_id"] is None


def test_teams_are_staff_teams_and_offer_teams_once_each(db: Database) -> None:
    staff_member(db, "Thomas Winther", team="Digitalt")
    staff_member(db, "Ulla Grønbæk", team="Lokalbiblioteker")
    with db.write() as session:
        contact = session.get(Person, add_contact(session, "Kim Ekstern"))
        contact.team = "Ekstern afdeling"  # not staff: not a team of the library
    create(db, team="Ledelse")
    create(db, team="digitalt")
    with db.read() as session:
        assert strengths.teams(session) == ["Digitalt", "Ledelse", "Lokalbiblioteker"]


def test_the_matrix_counts_offers_per_category_and_partner_type(db: Database) -> None:
    create(db, category="rooms", partner_types=["association", "education"])
    create(db, category="rooms", partner_types=["association"])
    create(db, category="digital", partner_types=["business"])
    create(db, category="network", partner_types=[])
    with db.read() as session:
        matrix = strengths.partner_type_matrix(session)
    assert list(matrix.index) == list(OFFER_CATEGORIES)
    assert list(matrix.columns) == list(ORGANISATION_TYPES)
    assert matrix.loc["rooms", "association"] == 2
    assert matrix.loc["rooms", "education"] == 1
    assert matrix.loc["digital", "business"] == 1
    assert int(matrix.to_numpy().sum()) == 4


def test_contact_text_names_staff_with_their_role_only() -> None:
    assert (
        strengths.contact_text("Mette Sørensen", True, "network_lead", "Bibliotekar", "da")
        == "Mette Sørensen, netværksansvarlig"
    )
    assert strengths.contact_text("Mette Sørensen", True, "network_lead", None, "en") == "Mette Sørensen, network lead"
    assert (
        strengths.contact_text("Thomas Winther", True, None, "Digital formidler", "da")
        == "Thomas Winther, Digital formidler"
    )
    assert strengths.contact_text("Kim Ekstern", False, None, "Direktør", "da") == ""
    assert strengths.contact_text(None, False, None, None, "da") == ""


# --- the demo ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_demo_profile_covers_four_teams_all_categories_and_has_stale_offers(db: Database) -> None:
    create_demo_workspace(db, today=TODAY)
    with db.read() as session:
        frame = strengths.offers_frame(session, TODAY)
        staff_ids = set(session.scalars(select(Person.id).where(Person.is_staff)))
    assert 12 <= len(frame) <= 16
    assert set(frame["team"]) == {"Børn og unge", "Voksne og kultur", "Digitalt", "Ledelse"}
    assert set(frame["category"]) == set(OFFER_CATEGORIES)
    assert set(frame["contact_person_id"]) <= staff_ids
    assert 2 <= frame["stale"].sum() <= 4
    assert all(frame["partner_types"].map(len) > 0)
    assert (frame["updated_on"] <= TODAY).all()


@pytest.mark.slow
def test_the_demo_profile_is_the_same_for_the_same_seed(db: Database, tmp_path: Any) -> None:
    from lib.db import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", cached=False)
    try:
        create_demo_workspace(db, today=TODAY)
        create_demo_workspace(other, today=TODAY)
        frames = []
        for database in (db, other):
            with database.read() as session:
                frames.append(strengths.offers_frame(session, TODAY).drop(columns=["id", "contact_person_id"]))
    finally:
        other.dispose()
    assert frames[0].equals(frames[1])


# --- the flyer --------------------------------------------------------------------------------------


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (a title may wrap onto two lines)."""
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in document:
            text_page = page.get_textpage()
            texts.append(" ".join(text_page.get_text_range().split()))
            text_page.close()
            page.close()
        return texts
    finally:
        document.close()


def inked_share(data: bytes) -> float:
    """The share of the first page's pixels that are not white."""
    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        bitmap = page.render(scale=0.5)
        pixels = bitmap.to_numpy()
        share = float(np.mean(pixels[..., :3].min(axis=-1) < 200))
        bitmap.close()
        page.close()
        return share
    finally:
        document.close()


@pytest.mark.slow
def test_the_demo_flyer_is_one_page_with_the_library_and_every_offer(demo: Database) -> None:
    with demo.read() as session:
        data = strengths.flyer_pdf(session, "da", TODAY)
        titles = strengths.offers_frame(session, TODAY)["title"].tolist()
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data)
    assert len(pages) == 1
    text = pages[0]
    assert text.startswith(LIBRARY)
    assert "Det kan vi tilbyde partnere" in text
    for title in titles:
        assert " ".join(title.split()) in text, title
    assert "Lokaler" in text and "Målgrupper vi når" in text and "Omdømme" in text
    assert "udarbejdet 01-11-2026" in text
    assert "flere tilbud" not in text
    assert 0.02 < inked_share(data) < 0.5


@pytest.mark.slow
def test_the_flyer_speaks_english(demo: Database) -> None:
    with demo.read() as session:
        text = pdf_pages(strengths.flyer_pdf(session, "en", TODAY))[0]
    assert "What we can offer partners" in text
    assert "Rooms and facilities" in text and "Target groups we reach" in text
    assert "prepared 2026-11-01" in text
    assert "Det kan vi tilbyde" not in text


def test_contacts_are_named_with_role_only_when_staff_and_never_with_a_phone(db: Database) -> None:
    with db.write() as session:
        set_setting(session, "library_name", LIBRARY)
        external = session.get(Person, add_contact(session, "Kim Ekstern"))
        external.phone = "+4529999999"
    lead = staff_member(db, "Mette Sørensen", role="network_lead", phone="+4520000000")
    create(db, title="Adgang til forvaltningerne", contact_person_id=lead)
    offer_id = create(db, title="Foreningsforum", category="network")
    with db.write() as session:  # the contact stored directly, as an import might have done
        session.get(StrengthOffer, offer_id).contact_person_id = external.id
    with db.read() as session:
        text = pdf_pages(strengths.flyer_pdf(session, "da", TODAY))[0]
    assert "Kontakt: Mette Sørensen, netværksansvarlig" in text
    assert "Foreningsforum" in text
    assert "Kim Ekstern" not in text
    assert "+45" not in text and "29999999" not in text and "20000000" not in text


@pytest.mark.slow
def test_many_offers_still_fit_one_page_with_more_counts(db: Database) -> None:
    with db.write() as session:
        set_setting(session, "library_name", LIBRARY)
        anne = add_staff(session, "Anne-Sofie Kjær")
        for category in OFFER_CATEGORIES:
            for number in range(12):
                strengths.create_offer(
                    session,
                    offer(
                        category=category,
                        title=f"{category} tilbud nummer {number:02d} med en lang titel",
                        description="En lang beskrivelse af, hvad biblioteket kan tilbyde. " * 8,
                        contact_person_id=anne,
                        partner_types=list(ORGANISATION_TYPES)[:6],
                        updated_on=TODAY - dt.timedelta(days=number),
                    ),
                    today=TODAY,
                )
        made = strengths.flyer(session, "da", TODAY)
    pages = pdf_pages(made.pdf)
    assert len(pages) == 1
    assert made.shown + made.left_out == 84 and made.left_out > 0
    text = pages[0]
    shown_per_category = made.shown // len(OFFER_CATEGORIES)
    assert text.count(f"+{12 - shown_per_category} flere tilbud") == len(OFFER_CATEGORIES)
    # The most recently confirmed come first; the oldest are the ones summed up as "+N".
    assert "rooms tilbud nummer 00" in text and "rooms tilbud nummer 11" not in text


def test_long_and_odd_text_is_shown_literally_without_spilling(db: Database) -> None:
    with db.write() as session:
        set_setting(session, "library_name", "Ayşe's <Bibliotek> & Co " + "meget langt navn " * 20)
    create(db, title="<b>Fed</b> & fræk", description="Ord" * 400, category="digital")
    create(db, title="W" * 300, category="rooms")
    with db.read() as session:
        pages = pdf_pages(strengths.flyer_pdf(session, "da", TODAY))
    assert len(pages) == 1
    assert pages[0].startswith("Ayse's <Bibliotek> & Co meget langt navn")
    assert "<b>Fed</b> & fræk" in pages[0]


def test_a_flyer_without_offers_says_so(db: Database) -> None:
    with db.read() as session:
        data = strengths.flyer_pdf(session, "da", TODAY)
    text = pdf_pages(data)[0]
    assert text.startswith("Biblioteket")  # no library name set: a plain word for it
    assert "endnu ikke beskrevet sine tilbud" in text
    assert len(pdf_pages(data)) == 1


@pytest.mark.slow
def test_the_same_profile_gives_the_same_bytes(demo: Database) -> None:
    with demo.read() as session:
        assert strengths.flyer_pdf(session, "da", TODAY) == strengths.flyer_pdf(session, "da", TODAY)


def test_every_strengths_text_exists_in_both_languages() -> None:
    from lib.core.i18n import TEXTS

    keys = [key for key in TEXTS if key.startswith(("strengths.", "strengths_page.")) or key == "nav.strengths"]
    assert len(keys) > 60
    for key in keys:
        assert TEXTS[key]["da"] and TEXTS[key]["en"], key
    for code in OFFER_CATEGORIES:
        assert f"strengths.category.{code}" in TEXTS
