"""Danish a librarian would write (issue 12, item 6): plural forms chosen by the number, no "(er)"
shortcuts, Streamlit's own texts set where the API lets us, event types and phone numbers in words."""

from __future__ import annotations

import re
import string

import pytest

from lib.core.i18n import TEXTS, choose_plurals, plural, t

#: "partnerskab(er)", "runde(r)", "medarbejder(e)", "response(s)": a word with its ending in brackets.
SHORTCUT = re.compile(r"[^\W\d_]\((?:er|r|e|s|n|en|ne|es|et|ene)\)")

#: Singular and plural of the words that stand next to a number in the texts.
NOUNS = {
    "da": [
        ("partnerskab", "partnerskaber"),
        ("organisation", "organisationer"),
        ("kontakt", "kontakter"),
        ("tilknytning", "tilknytninger"),
        ("relation", "relationer"),
        ("kolonne", "kolonner"),
        ("person", "personer"),
        ("række", "rækker"),
        ("runde", "runder"),
        ("medarbejder", "medarbejdere"),
        ("besvarelse", "besvarelser"),
        ("måling", "målinger"),
        ("vurdering", "vurderinger"),
        ("idé", "idéer"),
        ("dag", "dage"),
        ("måned", "måneder"),
        ("problem", "problemer"),
        ("forbindelse", "forbindelser"),
        ("punkt", "punkter"),
        ("partner", "partnere"),
        ("evalueringsrunde", "evalueringsrunder"),
        ("organisationstype", "organisationstyper"),
        ("opmærksomhedspunkt", "opmærksomhedspunkter"),
        ("samarbejdsaftale", "samarbejdsaftaler"),
        ("aftale", "aftaler"),
        ("hændelse", "hændelser"),
        ("ændring", "ændringer"),
        ("celle", "celler"),
        ("sekund", "sekunder"),
        ("kriterium", "kriterier"),
        ("dublet", "dubletter"),
        ("netværksansvarlig", "netværksansvarlige"),
        ("type", "typer"),
        ("partnerskabsansvarlig", "partnerskabsansvarlige"),
        ("sektor", "sektorer"),
        ("fil", "filer"),
        ("relationstype", "relationstyper"),
        ("kollega", "kolleger"),
        ("post", "poster"),
        ("uge", "uger"),
        ("mål", "mål"),
        ("tilbud", "tilbud"),
        ("par", "par"),
        ("bånd", "bånd"),
        ("tegn", "tegn"),
    ],
    "en": [
        ("partnership", "partnerships"),
        ("organisation", "organisations"),
        ("contact", "contacts"),
        ("affiliation", "affiliations"),
        ("relation", "relations"),
        ("column", "columns"),
        ("person", "people"),
        ("row", "rows"),
        ("round", "rounds"),
        ("staff member", "staff members"),
        ("response", "responses"),
        ("measurement", "measurements"),
        ("assessment", "assessments"),
        ("idea", "ideas"),
        ("day", "days"),
        ("month", "months"),
        ("problem", "problems"),
        ("tie", "ties"),
        ("node", "nodes"),
        ("point", "points"),
        ("partner", "partners"),
        ("goal", "goals"),
        ("section", "sections"),
        ("character", "characters"),
        ("cell", "cells"),
        ("event", "events"),
        ("change", "changes"),
        ("second", "seconds"),
        ("criterion", "criteria"),
        ("offer", "offers"),
        ("answer", "answers"),
        ("duplicate", "duplicates"),
        ("evaluation round", "evaluation rounds"),
        ("organisation type", "organisation types"),
        ("collaboration agreement", "collaboration agreements"),
        ("pair", "pairs"),
        ("network lead", "network leads"),
        ("partnership owner", "partnership owners"),
        ("record", "records"),
        ("file", "files"),
        ("week", "weeks"),
    ],
}
#: Words that may stand between the number and the noun.
BETWEEN = {
    "da": r"(?:(?:ny|nye|mulig|mulige|aktivt|aktive|kørende|nuværende|mistet|mistede|anden|andre) )?",
    "en": r"(?:(?:new|possible|active|running|current|lost|more|other) )?",
}
#: English verbs that must agree with a number directly before their noun ("1 goal is", "2 goals are").
VERBS = [("is", "are"), ("has", "have"), ("was", "were"), ("needs", "need"), ("knows", "know")]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _count_bearing() -> list[tuple[str, str]]:
    """Every (key, language) whose text has a number field."""
    return [(key, lang) for key, entry in TEXTS.items() for lang in ("da", "en") if _fields(entry.get(lang, ""))]


def _rendered(key: str, lang: str, n: int) -> str:
    """The text with every field set to ``n`` (a name or a date field then reads "2"; harmless here)."""
    params = {name: n for name in _fields(TEXTS[key][lang])}
    params.pop("lang", None)
    return t(key, lang, **params)


def _disagreements(text: str, lang: str, n: int) -> list[str]:
    """Places in ``text`` where the number ``n`` stands before the wrong form of a known noun or verb."""
    found = []
    nouns = sorted(NOUNS[lang], key=lambda pair: -len(pair[1]))
    for match in re.finditer(rf"(?<![\d.,]){n} {BETWEEN[lang]}", text):
        rest = text[match.end() :]
        for singular, plural_form in nouns:
            # the longest word that stands here decides ("organisation types" is not "organisation")
            word = next(
                (
                    w
                    for w in sorted((singular, plural_form), key=len, reverse=True)
                    if re.match(rf"{re.escape(w)}(?![\w-])", rest)
                ),
                None,
            )
            if word is None:
                continue
            if singular != plural_form and word != (singular if n == 1 else plural_form):
                found.append(text[match.start() : match.end() + len(word)])
            after = rest[len(word) :]
            if lang == "en":
                for one, other in VERBS:
                    wrong = other if n == 1 else one
                    if re.match(rf" {wrong}\b", after):
                        found.append(text[match.start() : match.end() + len(word) + len(wrong) + 1])
            break
    return found


def test_plural_picks_the_form_by_the_number() -> None:
    assert [plural(n, "runde", "runder") for n in (0, 1, 2, 1.0, "1", "< 5")] == [
        "runder",
        "runde",
        "runder",
        "runde",
        "runde",
        "runder",
    ]
    assert choose_plurals("{n} {n:partnerskab|partnerskaber}", {"n": 1}) == "{n} partnerskab"
    assert t("board.network.untouched", "da", count=1) == "1 organisation har ingen kontakt med biblioteket endnu."
    assert t("board.network.untouched", "en", count=2) == "2 organisations have no contact with the library yet."


def test_finding_6_no_translation_uses_a_bracket_shortcut() -> None:
    offenders = [
        (key, lang, text) for key, entry in TEXTS.items() for lang, text in entry.items() if SHORTCUT.search(text)
    ]
    assert offenders == []
    assert SHORTCUT.search("partnerskab(er)") and SHORTCUT.search("runde(r)") and SHORTCUT.search("response(s)")


def test_finding_6_no_plural_is_split_over_two_keys() -> None:
    """One helper chooses every plural: no pair of keys ``x.one`` / ``x.other`` is left to pick in code."""
    pairs = sorted(key[:-4] for key in TEXTS if key.endswith(".one") and key[:-4] + ".other" in TEXTS)
    assert pairs == []


@pytest.mark.parametrize("n", [0, 1, 2])
def test_finding_6_every_number_agrees_with_its_noun(n: int) -> None:
    wrong = {
        (key, lang): found
        for key, lang in _count_bearing()
        if (found := _disagreements(_rendered(key, lang, n), lang, n))
    }
    assert wrong == {}


def test_the_agreement_check_sees_the_findings_of_the_issue() -> None:
    """The check above would have caught what the issue quotes."""
    assert _disagreements("I 1 partnerskaber", "da", 1) == ["1 partnerskaber"]
    assert _disagreements("1 organisationer har ingen kontakt", "da", 1) == ["1 organisationer"]
    assert _disagreements("1 kolonner bruges ikke", "da", 1) == ["1 kolonner"]
    assert _disagreements("2 organisation types", "en", 2) == []
    assert _disagreements("1 goals are on track", "en", 1) == ["1 goals", "1 goals are"]
    assert _disagreements("1 goal are on track", "en", 1) == ["1 goal are"]
    assert _disagreements("2 nye partnerskab", "da", 2) == ["2 nye partnerskab"]


@pytest.mark.parametrize(
    ("key", "params", "da", "en"),
    [
        (
            "organisation.library.summary",
            {"partnership": 1, "organisation": 1, "contact": 2},
            "1 partnerskab · 1 organisation · 2 kontakter",
            "1 partnership · 1 organisation · 2 contacts",
        ),
        (
            "board.evaluations.gaps",
            {"count": 1},
            "I 1 partnerskab ser biblioteket og partneren forskelligt på tingene (1 point eller mere).",
            "In 1 partnership the library and the partner see things differently (1 point or more).",
        ),
        ("evaluations_page.pick.label", {"title": "Læseklub", "count": 1}, "Læseklub (1 runde)", "Læseklub (1 round)"),
    ],
)
def test_finding_6_sentences_from_the_issue_read_right(key: str, params: dict, da: str, en: str) -> None:
    assert (t(key, "da", **params), t(key, "en", **params)) == (da, en)


# --- the event log in words (item 6c) --------------------------------------------------------------

import ast  # noqa: E402
import datetime as dt  # noqa: E402
import pathlib  # noqa: E402

from lib.workspace import events  # noqa: E402
from lib.workspace.events import EXPORT_KINDS  # noqa: E402

LIB = pathlib.Path(__file__).resolve().parents[2] / "lib"
#: Parameters of log_event that are not details.
_NOT_DETAILS = {"entity", "entity_id", "actor", "action"}


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _trees() -> dict[pathlib.Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in LIB.rglob("*.py")}


def written_event_log_parts() -> tuple[set[str], set[str], set[str]]:
    """(actions, entities, detail fields) the code of lib can write to the event log.

    An action is ``log_event``'s second argument; where that is a parameter of the function around it
    (``_add_record(..., action, ...)``), the texts passed for that parameter are the actions.
    """
    trees = _trees()
    relays: dict[str, tuple[int, str]] = {"log_event": (1, "action")}
    for tree in trees.values():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            params = [a.arg for a in function.args.args]
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and _called(call) == "log_event" and len(call.args) > 1:
                    arg = call.args[1]
                    if isinstance(arg, ast.Name) and arg.id in params:
                        relays[function.name] = (params.index(arg.id), arg.id)
    actions: set[str] = set()
    entities: set[str] = set()
    fields: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id.endswith("ENTITY")
                and isinstance(node.value, ast.Constant)
            ):
                entities.add(node.value.value)
            if not isinstance(node, ast.Call) or _called(node) not in relays:
                continue
            index, name = relays[_called(node)]
            given = [node.args[index]] if len(node.args) > index else []
            given += [k.value for k in node.keywords if k.arg == name]
            actions |= {
                c.value for g in given for c in ast.walk(g) if isinstance(c, ast.Constant) and isinstance(c.value, str)
            }
            for keyword in node.keywords:
                if keyword.arg == "entity" and isinstance(keyword.value, ast.Constant):
                    entities.add(keyword.value.value)
                elif keyword.arg and keyword.arg not in _NOT_DETAILS:
                    fields.add(keyword.arg)
    # log_export writes f"{kind}_exported" for each of its kinds; its keywords are details like log_event's.
    actions.discard("_exported")
    actions |= {f"{kind}_exported" for kind in EXPORT_KINDS}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) == "log_export":
                fields |= {k.arg for k in node.keywords if k.arg and k.arg not in _NOT_DETAILS}
    return actions, entities, fields


@pytest.mark.slow
def test_finding_6_every_event_the_code_writes_has_words() -> None:
    actions, entities, fields = written_event_log_parts()
    assert {"checklist_assessment_created", "person_created", "workspace_exported"} <= actions  # the scan works
    assert {"checklist_assessment", "partnership", "import_batch"} <= entities
    for lang in ("da", "en"):
        assert [a for a in sorted(actions) if f"admin.action.{a}" not in TEXTS] == []
        assert [e for e in sorted(entities) if f"admin.entity.{e}" not in TEXTS] == []
        assert [f for f in sorted(fields) if f"admin.detail.{f}" not in TEXTS] == []
        assert events.entity_label("checklist_assessment", lang) != "checklist_assessment"


def test_finding_6_event_details_read_as_field_and_value() -> None:
    details = {
        "changes": {"stage": ["idea", "ended"], "start_date": [None, "2025-03-01"]},
        "format": "xlsx",
        "counts": {"people": 3, "organisations": 1200},
        "found": True,
        "batch": 1234,
    }
    da = events.details_text(details, "da")
    assert da == (
        "Fase: Idé → Afsluttet; Startdato: – → 01-03-2025; Format: xlsx; "
        "Antal: Personer: 3, Organisationer: 1.200; Fundet: Ja; Import nr.: 1234"
    )
    en = events.details_text(details, "en")
    assert en.startswith("Stage: Idea → Ended; Start date: – → 2025-03-01;")
    assert "{" not in da + en and '"' not in da + en


def test_finding_6_event_log_shows_kinds_and_details_in_words(tmp_path) -> None:
    from lib.db import log_event, open_database

    db = open_database(f"sqlite:///{tmp_path / 'events.db'}")
    with db.write() as session:
        log_event(
            session,
            "checklist_assessment_created",
            entity="checklist_assessment",
            entity_id=7,
            actor="leder@bib.dk",
            assessed_on=dt.date(2025, 3, 1).isoformat(),
        )
    with db.read() as session:
        row = events.events_frame(session, lang="da").iloc[0]
    assert (row["action_label"], row["entity_label"], row["details"]) == (
        "Tjekliste udfyldt",
        "Tjekliste-vurdering",
        "Vurderet den: 01-03-2025",
    )


# --- phone numbers as people write them (item 6d) --------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+4587150000", "+45 87 15 00 00"),
        ("+4520123456", "+45 20 12 34 56"),
        ("+46701234567", "+46 70 123 45 67"),
        ("+447911123456", "+44 7911 123456"),
        ("", None),
        (None, None),
    ],
)
def test_finding_6_phone_numbers_in_danish_grouping(stored: str | None, shown: str | None) -> None:
    from lib.core.normalize import display_phone, normalise_phone

    assert display_phone(stored) == shown
    if shown:
        assert normalise_phone(shown) == stored  # what is shown reads back to what is stored


def test_finding_6_person_export_and_event_log_group_the_phone() -> None:
    from lib.privacy.personal_data import PERSON_FIELDS, record_frame

    record = {name: None for name in PERSON_FIELDS} | {
        "name": "Ida",
        "phone": "+4587150000",
        "other_phones": ["+4520123456"],
    }
    values = record_frame(record, "da").iloc[:, 1].tolist()
    assert "+45 87 15 00 00" in values and "+45 20 12 34 56" in values
    assert events.details_text({"changes": {"phone": ["+4587150000", None]}}, "da") == "Telefon: +45 87 15 00 00 → –"


# --- Streamlit's own texts, set where the API lets us (item 6b) ------------------------------------

ROOT = LIB.parent
#: What each widget must set, and the helper that gives it in the user's language.
_SET_THROUGH = {
    "selectbox": ("placeholder", "tr"),
    "multiselect": ("placeholder", "tr"),
    "date_input": ("format", "date_input_format"),
}


def widget_calls_without_words() -> list[str]:
    """Every st.selectbox / st.multiselect / st.date_input call in pages/, components/ and the router that
    does not set its placeholder through the translation table (``tr(...)``) or its date format through
    ``date_input_format()``."""
    paths = [
        *sorted((ROOT / "pages").rglob("*.py")),
        *sorted((ROOT / "components").rglob("*.py")),
        ROOT / "dashboard.py",
    ]
    offenders = []
    for path in paths:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in _SET_THROUGH
            ):
                continue
            keyword, helper = _SET_THROUGH[call.func.attr]
            value = next((k.value for k in call.keywords if k.arg == keyword), None)
            if not (isinstance(value, ast.Call) and _called(value) == helper):
                offenders.append(f"{path.relative_to(ROOT)}:{call.lineno} {call.func.attr}")
    return offenders


def multiselects_offering_select_all() -> list[str]:
    """Every st.multiselect call in pages/ and components/ that leaves Streamlit's own "Select all"
    option on: its label is English and cannot be translated (a page that needs it has its own button)."""
    offenders = []
    for path in [*sorted((ROOT / "pages").rglob("*.py")), *sorted((ROOT / "components").rglob("*.py"))]:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "multiselect":
                value = next((k.value for k in call.keywords if k.arg == "select_all"), None)
                if not (isinstance(value, ast.Constant) and value.value is False):
                    offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    return offenders


def test_finding_6_every_choice_and_date_widget_speaks_the_users_language() -> None:
    assert widget_calls_without_words() == []
    assert multiselects_offering_select_all() == []
    assert (t("widget.choose_one", "da"), t("widget.choose_many", "da")) == ("Vælg", "Vælg en eller flere")


def test_date_inputs_read_day_month_year_in_danish() -> None:
    from components.tables import date_input_format

    assert (date_input_format("da"), date_input_format("en")) == ("DD-MM-YYYY", "YYYY-MM-DD")


# --- network measures in everyday words (item 6e) --------------------------------------------------


def test_finding_6_a_bridge_builder_is_shown_by_its_place_not_a_fraction() -> None:
    import pandas as pd

    from lib.network.metrics import rank_of

    metrics = pd.DataFrame({"betweenness": [0.314, 0.05, 0.314, 0.0]}, index=["a", "b", "c", "d"])
    assert [rank_of(metrics, "betweenness", node) for node in "abcd"] == [(1, 4), (3, 4), (1, 4), (4, 4)]
    assert rank_of(metrics, "betweenness", "x") is None
    assert t("network.metric.rank", "da", place=3, total=120) == "nr. 3 af 120"
    assert t("network.metric.betweenness.help", "da").startswith("Forbinder grupper, der ellers ikke kender hinanden")


def test_finding_6_network_figures_use_words_a_librarian_uses() -> None:
    figures = {"nodes": 120, "edges": 90, "density": "1,3 %", "components": 4}
    words = " ".join(
        t(key, lang, **figures)
        for key in ("network.figure.density", "network.figure.components", "cli.network_figures")
        for lang in ("da", "en")
    )
    for jargon in ("Tæthed", "tæthed", "Adskilte dele", "adskilte dele", "density", "Density", "Separate parts"):
        assert jargon not in words


def test_a_percentage_is_written_as_each_language_writes_it() -> None:
    from lib.core.i18n import format_percent

    assert format_percent(45.7, "da", 1) == "45,7 %"
    assert format_percent(1234, "en") == "1,234%"
    assert format_percent(89, "da") == "89 %"
    # English texts put the sign right after the number, as the English pages do.
    assert [key for key, texts in TEXTS.items() if re.search(r"\} %", texts.get("en", ""))] == []
