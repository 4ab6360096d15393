"""The page "Partnerskaber" driven like a user would, with AppTest, on the demo workspace."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from components.safe_markdown import escape_markdown
from lib.core.i18n import format_date, t
from lib.db import ContactLogEntry, Database, Organisation, Partnership
from lib.planning import partnerships as ps
from tests import apptest_support
from tests.apptest_support import rerun

PAGE = "../pages/partnerships.py"
OPEN = "pships_open_widget"
run_page = partial(apptest_support.run_page, PAGE)


def open_partnership(at: AppTest, partnership_id: int) -> AppTest:
    at.selectbox(key=OPEN).set_value(partnership_id)
    return rerun(at)


def partnership_id_by(db: Database, **where: object) -> int:
    with db.read() as session:
        query = select(Partnership.id).order_by(Partnership.id)
        for name, value in where.items():
            query = query.where(getattr(Partnership, name) == value)
        return int(session.scalars(query).first())


def test_empty_workspace_shows_a_friendly_info(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Partnerskaber"
    assert [i.value for i in at.info] == [t("partnerships_page.empty", "da")]
    assert not at.get("plotly_chart")
    assert at.button(key="pships_new_submit")  # the first partnership can be registered right here


def test_alerts_shown_match_the_library(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        found = ps.alerts(session, apptest_support.workspace_today())
    assert len(found) >= 3  # the demo has partnerships needing attention
    expected = sorted(a.message("da", quote=escape_markdown) for a in found)
    shown = sorted(e.value for e in [*at.error, *at.warning] if e.value in expected)
    assert shown == expected
    high = sum(1 for a in found if a.severity == "high")
    assert sum(1 for e in at.error if e.value in expected) == high
    assert at.caption[1].value == t("partnerships_page.alerts.count", "da", count=len(found))


def test_stage_chart_counts_per_stage(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        counts = ps.pipeline_counts(session)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bar = spec["data"][0]
    assert bar["x"] == [t(f"partnerships.stage.{s}", "da") for s in ps.PIPELINE_COLUMNS]
    assert bar["y"] == [counts[s] for s in ps.PIPELINE_COLUMNS]
    assert sum(bar["y"]) > 0 and counts["ended"] >= 1
    # The board's column headings carry the same counts.
    markdown = [m.value for m in at.markdown]
    for stage in ps.PIPELINE_COLUMNS:
        heading = t(
            "partnerships_page.pipeline.column", "da", stage=t(f"partnerships.stage.{stage}", "da"), count=counts[stage]
        )
        assert f"**{escape_markdown(heading)}**" in markdown


def test_new_partnership_with_empty_title_is_refused(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        before = len(session.scalars(select(Partnership.id)).all())
    at.text_input(key="pships_new_title").set_value("   ")
    at.button(key="pships_new_submit").click()
    rerun(at)
    assert t("partnerships.title_required", "da") in [e.value for e in at.error]
    with demo.read() as session:
        assert len(session.scalars(select(Partnership.id)).all()) == before


def test_new_partnership_is_stored_with_its_organisations(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        orgs = session.scalars(select(Organisation.id).order_by(Organisation.id).limit(2)).all()
    at.text_input(key="pships_new_title").set_value("Sommerlæsning med Spejderne")
    at.multiselect(key="pships_new_organisations").set_value(list(orgs))
    at.selectbox(key="pships_new_stage").set_value("scoping_building")
    at.button(key="pships_new_submit").click()
    rerun(at)
    with demo.read() as session:
        new = session.scalars(select(Partnership).where(Partnership.title == "Sommerlæsning med Spejderne")).one()
        assert new.stage == "scoping_building"
        assert sorted(o for o, _ in ps.organisations_of(session, [new.id])[new.id]) == sorted(orgs)
        new_id = new.id
    assert t("partnerships_page.new.done", "da", title="Sommerlæsning med Spejderne") in [s.value for s in at.success]
    assert at.selectbox(key=OPEN).value == new_id  # opened right away
    assert at.text_input(key="pships_new_title").value == ""  # the form is empty again


def test_moving_the_stage_and_saving_changes_the_database(demo: Database) -> None:
    pid = partnership_id_by(demo, stage="idea", closed=False)
    at = open_partnership(run_page(), pid)
    prefix = f"pships_edit_{pid}_"
    at.selectbox(key=prefix + "stage").set_value("managing_maintaining")
    at.number_input(key=prefix + "contact_rhythm_days").set_value(45)
    at.button(key=prefix + "save").click()
    rerun(at)
    assert t("partnerships_page.saved", "da") in [s.value for s in at.success]
    with demo.read() as session:
        stored = session.get(Partnership, pid)
        assert (stored.stage, stored.contact_rhythm_days) == ("managing_maintaining", 45)
        counts = ps.pipeline_counts(session)
    bar = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert bar["y"] == [counts[s] for s in ps.PIPELINE_COLUMNS]


def test_invalid_dates_show_a_danish_message_and_store_nothing(demo: Database) -> None:
    pid = partnership_id_by(demo, closed=False)
    at = open_partnership(run_page(), pid)
    prefix = f"pships_edit_{pid}_"
    at.date_input(key=prefix + "start_date").set_value(date(2026, 5, 1))
    at.date_input(key=prefix + "end_date").set_value(date(2026, 4, 1))
    at.button(key=prefix + "save").click()
    rerun(at)
    assert t("partnerships.dates_order", "da") in [e.value for e in at.error]
    with demo.read() as session:
        assert session.get(Partnership, pid).end_date != date(2026, 4, 1)


def test_filling_the_agreement_raises_completeness(demo: Database) -> None:
    pid = partnership_id_by(demo, stage="idea", closed=False)
    with demo.read() as session:
        before = ps.agreement_form(session, pid)["completeness"]
        missing_before = ps.agreement_form(session, pid)["missing"]
    at = open_partnership(run_page(), pid)
    prefix = f"pships_agreement_{pid}_"
    filled = [name for name in missing_before if name not in ps.AGREEMENT_DATE_FIELDS][:3]
    assert len(filled) == 3
    for name in filled:
        at.text_area(key=prefix + name).set_value(f"Tekst til {name}")
    at.button(key=prefix + "save").click()
    rerun(at)
    with demo.read() as session:
        after = ps.agreement_form(session, pid)["completeness"]
    total = len(ps.AGREEMENT_FIELDS)
    assert after == pytest.approx(before + 3 / total)
    expected = t(
        "partnerships_page.agreement.completeness",
        "da",
        percent=round(after * 100),
        filled=round(after * total),
        total=total,
    )
    progress = at.get("progress")
    assert len(progress) == 1 and progress[0].proto.text == expected
    assert progress[0].proto.value == round(after * 100)
    assert at.get("download_button")  # the one-page summary can be fetched


def test_adding_a_contact_updates_next_contact_due(demo: Database) -> None:
    pid = partnership_id_by(demo, stage="idea", closed=False)
    at = open_partnership(run_page(), pid)
    edit = f"pships_edit_{pid}_"
    at.number_input(key=edit + "contact_rhythm_days").set_value(30)
    at.button(key=edit + "save").click()
    rerun(at)
    prefix = f"pships_contact_{pid}_"
    when = dt.date.today() - dt.timedelta(days=3)
    at.date_input(key=prefix + "date").set_value(when)
    at.selectbox(key=prefix + "channel").set_value("phone")
    at.text_area(key=prefix + "note").set_value("Aftalte næste møde")
    at.button(key=prefix + "add").click()
    rerun(at)
    with demo.read() as session:
        entries = session.scalars(select(ContactLogEntry).where(ContactLogEntry.partnership_id == pid)).all()
        assert [(e.contacted_on, e.channel, e.note) for e in entries if e.note == "Aftalte næste møde"] == [
            (when, "phone", "Aftalte næste møde")
        ]
    due = when + dt.timedelta(days=30)
    assert t("partnerships_page.contacts.due", "da", date=due) in [i.value for i in at.info]
    assert format_date(due, "da") in t("partnerships_page.contacts.due", "da", date=due)


def test_a_logged_contact_can_be_deleted(demo: Database) -> None:
    with demo.read() as session:
        pid, entry_id = session.execute(
            select(ContactLogEntry.partnership_id, ContactLogEntry.id).order_by(ContactLogEntry.id)
        ).first()
        count = len(ps.contact_log(session, pid))
    at = open_partnership(run_page(), pid)
    key = f"pships_contact_{pid}_delete"
    assert len(at.selectbox(key=key + "_pick").options) == count
    at.selectbox(key=key + "_pick").set_value(entry_id)
    at.button(key=key + "_button").click()
    rerun(at)
    with demo.read() as session:
        assert [e["id"] for e in ps.contact_log(session, pid) if e["id"] == entry_id] == []
        assert len(ps.contact_log(session, pid)) == count - 1
    assert "Posten er slettet." in [s.value for s in at.success]


def test_partnerships_load_from_the_template_and_undo(demo: Database) -> None:
    from lib.core.spreadsheets import xlsx_bytes
    from lib.planning.templates import template_frames

    frames = template_frames("partnerships", "da")
    sheet = next(iter(frames))
    row = {column: None for column in frames[sheet].columns}
    first, *_ = frames[sheet].columns
    frames[sheet] = pd.DataFrame([{**row, first: "Sommerlæsning med Byskolen"}, {**row, first: None}])
    at = run_page()
    assert at.get("download_button")[0].proto.label == "Hent Excel-skabelon"
    at.file_uploader(key="partnerships_uploader_0").set_value(
        ("p.xlsx", xlsx_bytes(frames), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    )
    rerun(at)
    assert {m.label: m.value for m in at.metric}["Nye"] == "1"
    with demo.read() as session:
        before = session.scalars(select(Partnership.title)).all()
    assert "Sommerlæsning med Byskolen" not in before  # the preview stored nothing
    at.button(key="partnerships_import_commit").click()
    rerun(at)
    with demo.read() as session:
        assert len(session.scalars(select(Partnership.title)).all()) == len(before) + 1
    assert any(s.value.startswith("Indlæst: 1 partnerskab") for s in at.success)
    at.button(key="partnerships_import_undo").click()
    rerun(at)
    with demo.read() as session:
        assert sorted(session.scalars(select(Partnership.title)).all()) == sorted(before)


def test_close_and_reopen(demo: Database) -> None:
    pid = partnership_id_by(demo, closed=False)
    at = open_partnership(run_page(), pid)
    at.button(key=f"pships_edit_{pid}_close").click()
    rerun(at)
    with demo.read() as session:
        assert session.get(Partnership, pid).closed is True
    at.button(key=f"pships_edit_{pid}_reopen").click()
    rerun(at)
    with demo.read() as session:
        assert session.get(Partnership, pid).closed is False


def test_summary_download_holds_the_agreement(demo: Database) -> None:
    pid = partnership_id_by(demo, formalisation="written")
    at = open_partnership(run_page(), pid)
    buttons = [b for b in at.get("download_button") if b.key == f"pships_agreement_{pid}_download"]
    assert len(buttons) == 1
    assert buttons[0].proto.label == t("partnerships_page.agreement.download", "da")


def test_the_agreement_to_sign_downloads_as_word_and_pdf_and_is_logged(
    demo: Database, downloads: dict[str, Callable[[], Any]]
) -> None:
    import io

    import pypdfium2 as pdfium
    from docx import Document

    from lib.db import Event

    pid = partnership_id_by(demo, formalisation="written")
    at = open_partnership(run_page(), pid)
    labels = {
        b.key: b.proto.label for b in at.get("download_button") if b.key.startswith(f"pships_agreement_{pid}_document")
    }
    assert labels == {
        f"pships_agreement_{pid}_document_docx": t("partnerships_page.agreement.download_docx", "da"),
        f"pships_agreement_{pid}_document_pdf": t("partnerships_page.agreement.download_pdf", "da"),
    }
    with demo.read() as session:
        summary = ps.agreement_summary(session, pid, "da")
    word = Document(io.BytesIO(downloads[f"samarbejdsaftale-{pid}.docx"]()))
    text = "\n".join(p.text for p in word.paragraphs)
    assert summary["title"] in text and all(name in text for name in summary["organisations"])
    assert "Underskrifter" in text
    pdf = pdfium.PdfDocument(downloads[f"samarbejdsaftale-{pid}.pdf"]())
    assert "Samarbejdsaftale" in pdf[0].get_textpage().get_text_range()
    with demo.read() as session:
        logged = list(session.scalars(select(Event).where(Event.action == "agreement_document_exported")))
    assert sorted(e.details["format"] for e in logged) == ["docx", "pdf"]
    assert {e.details["partnership"] for e in logged} == {pid}


def test_english(demo: Database) -> None:
    at = run_page("en")
    assert at.title[0].value == "Partnerships"
    assert at.subheader[0].value == "Needs attention"
    bar = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert bar["x"][0] == "Idea" and bar["x"][-1] == "Ended"


def test_every_page_text_exists_in_both_languages() -> None:
    import re
    from pathlib import Path

    from lib.core.i18n import TEXTS

    root = Path(__file__).resolve().parents[2]
    source = "".join(
        (root / name).read_text()
        for name in (
            "components/partnerships_views.py",
            "pages/partnerships.py",
            "lib/planning/partnerships_page.py",
            "lib/planning/figures.py",
        )
    )
    used = set(re.findall(r'"(partnerships_page\.[a-z_.]+)"', source))
    assert len(used) > 30
    for key in used:
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key


def test_open_partnership_in_english_shows_no_raw_keys(demo: Database) -> None:
    pid = partnership_id_by(demo, formalisation="written")
    at = open_partnership(run_page("en"), pid)
    shown = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader")
        for e in getattr(at, kind)
    ]
    shown += [w.label for w in [*at.text_area, *at.selectbox, *at.date_input, *at.button]]
    assert not [text for text in shown if "partnerships_page." in str(text) or "partnerships." in str(text)]
    assert t("partnerships_page.tab.agreement", "en") in [tab.label for tab in at.tabs]


# --- an agreement belongs to its partnership (issue 12, item 2) -----------------------------------


def test_finding_2_the_agreement_form_edits_the_partnerships_dates_and_resources(demo: Database) -> None:
    pid = partnership_id_by(demo, stage="idea", closed=False)
    at = open_partnership(run_page(), pid)
    agreement, details = f"pships_agreement_{pid}_", f"pships_edit_{pid}_"
    end = apptest_support.workspace_today() + dt.timedelta(days=20)
    at.date_input(key=agreement + "start_date").set_value(date(2026, 1, 5))
    at.date_input(key=agreement + "end_date").set_value(end)
    at.text_area(key=agreement + "contributions_library").set_value("Lokaler og en bibliotekar")
    at.text_area(key=agreement + "contributions_partner").set_value("Frivillige fortællere")
    at.button(key=agreement + "save").click()
    rerun(at)
    with demo.read() as session:
        p = session.get(Partnership, pid)
        stored = (p.start_date, p.end_date, p.library_resources, p.partner_resources)
        alerts = [
            (a.kind, a.date) for a in ps.alerts(session, apptest_support.workspace_today()) if a.partnership_id == pid
        ]
    assert stored == (date(2026, 1, 5), end, "Lokaler og en bibliotekar", "Frivillige fortællere")
    # The details tab shows the same dates and resources, and saving it does not put the old ones back.
    assert at.date_input(key=details + "start_date").value == date(2026, 1, 5)
    assert at.date_input(key=details + "end_date").value == end
    assert at.text_area(key=details + "library_resources").value == "Lokaler og en bibliotekar"
    at.button(key=details + "save").click()
    rerun(at)
    with demo.read() as session:
        assert session.get(Partnership, pid).end_date == end
    # The agreement's end date is the partnership's: the alert "ends soon" follows it.
    assert alerts == [("ending_soon", end)]


def test_finding_2_the_details_form_edits_what_the_agreement_shows(demo: Database) -> None:
    pid = partnership_id_by(demo, formalisation="contract")
    at = open_partnership(run_page(), pid)
    agreement, details = f"pships_agreement_{pid}_", f"pships_edit_{pid}_"
    at.date_input(key=details + "end_date").set_value(date(2027, 6, 30))
    at.text_area(key=details + "partner_resources").set_value("Lærere og klasselokaler")
    at.button(key=details + "save").click()
    rerun(at)
    assert at.date_input(key=agreement + "end_date").value == date(2027, 6, 30)
    assert at.text_area(key=agreement + "contributions_partner").value == "Lærere og klasselokaler"
    with demo.read() as session:
        fields = {f["field"]: f["value"] for f in ps.agreement_summary(session, pid, "da")["fields"]}
    assert (fields["end_date"], fields["contributions_partner"]) == (date(2027, 6, 30), "Lærere og klasselokaler")


def test_finding_2_formalisation_and_written_agreement_never_disagree_on_the_page(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        frame = ps.partnerships_frame(session, apptest_support.workspace_today())
        cards = [item for column in ps.pipeline(session) for item in column.partnerships]
    captions = [c.value for c in at.caption]
    assert len(cards) == len(frame) == 12
    for item in cards:
        # The card says what formalisation_of says, and that is written or contract exactly when the
        # partnership has a written agreement.
        words = [
            item["owner"] or t("partnerships_page.pipeline.no_owner", "da"),
            t(f"partnerships.depth.{item['depth']}", "da") if item["depth"] else "",
            t(f"partnerships.formalisation.{item['formalisation']}", "da") if item["formalisation"] else "",
        ]
        assert escape_markdown(" · ".join(w for w in words if w)) in captions, item["title"]
        assert (item["formalisation"] in ps.WRITTEN_FORMALISATIONS) == item["written_agreement"], item["title"]
    alerted = [e.value for e in at.error]
    for row in frame[frame["stage"].isin(ps.ACTIVE_STAGES) & ~frame["closed"]].itertuples():
        alert = ps.Alert(0, row.title, "no_written_agreement", "high", None, None).message("da", quote=escape_markdown)
        assert (alert in alerted) == (not row.written_agreement), row.title
    # The draft in the demo: a "written" mark on an agreement nobody signed is shown as a draft.
    draft = frame[frame["title"] == "Læseklubber på plejecentre"].iloc[0]
    assert draft["formalisation"] == "draft" and not draft["written_agreement"]


def test_finding_2_signing_on_the_agreement_tab_makes_it_written_everywhere(demo: Database) -> None:
    pid = partnership_id_by(demo, title="Læseklubber på plejecentre")
    at = open_partnership(run_page(), pid)
    details, agreement = f"pships_edit_{pid}_", f"pships_agreement_{pid}_"
    assert at.selectbox(key=details + "formalisation").value == "draft"
    assert at.selectbox(key=details + "formalisation").options == [
        t("partnerships_page.field.none", "da"),
        *(t(f"partnerships.formalisation.{c}", "da") for c in ("informal", "oral", "draft")),
    ]
    at.date_input(key=agreement + "signed_on").set_value(date(2026, 10, 1))
    at.button(key=agreement + "save").click()
    rerun(at)
    alert = ps.Alert(0, "Læseklubber på plejecentre", "no_written_agreement", "high", None, None).message(
        "da", quote=escape_markdown
    )
    assert alert not in [e.value for e in at.error]
    box = at.selectbox(key=details + "formalisation")
    assert box.value == "written"
    assert box.options == [
        t("partnerships.formalisation.written", "da"),
        t("partnerships.formalisation.contract", "da"),
    ]
    assert any(c.value.endswith(t("partnerships.formalisation.written", "da")) for c in at.caption)
    with demo.read() as session:
        p = session.get(Partnership, pid)
        assert p.formalisation == "written" and ps.has_written_agreement(p, ps.get_agreement(session, pid))
