"""Issue 11: the Danish words staff write for types, sectors and kinds of relation.

* The words are recognised as staff write them: singular and plural, definite forms, compounds,
  abbreviations and English, as words or compound heads, never as chance substrings.
* What no word fits is kept as written, never a reason to reject a row, and listed once in the
  preview; the choice a person makes there applies to the preview and the commit alike, and is
  remembered for the next file. The contacts page shows the kept word and lets an editor choose.
* The command line chooses with ``--map-type WORD=CODE`` and lists the words in ``--json``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from lib.contacts import update_organisation
from lib.core import vocabulary
from lib.core.i18n import LANGUAGES, t
from lib.core.normalize import name_key
from lib.db import Database, Organisation, Person, Relation, VocabularyMapping, open_database
from lib.ingest.contact_lists import prepare_file, run_import, undo_import
from tests import apptest_support
from tests.apptest_support import rerun
from tests.sheets import xlsx

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# --- the words ---------------------------------------------------------------------------------------

ORGANISATION_TYPES = {
    # everyday words, as they stand in the example contact list and in libraries' own lists
    "kultur": "cultural",
    "uddannelse": "education",
    "kommune": "municipal",
    "Kommune": "municipal",
    "forening": "association",
    "Forening": "association",
    "virksomhed": "business",
    "erhverv": "business",
    "bibliotek": "library",
    "museum": "cultural",
    "skole": "education",
    "aftenskole": "adult_education",
    "medie": "media",
    "fond": "foundation",
    "Fond": "foundation",
    # definite and plural forms
    "foreningen": "association",
    "foreninger": "association",
    "foreningerne": "association",
    "skolen": "education",
    "skoler": "education",
    "skolerne": "education",
    "kommunen": "municipal",
    "kommuner": "municipal",
    "museet": "cultural",
    "museer": "cultural",
    "museerne": "cultural",
    "biblioteket": "library",
    "biblioteker": "library",
    "bibliotekerne": "library",
    "virksomheden": "business",
    "virksomheder": "business",
    "fonden": "foundation",
    "fonde": "foundation",
    "klubben": "association",
    "klubber": "association",
    "teatret": "cultural",
    "teatre": "cultural",
    "plejehjemmet": "municipal",
    "medier": "media",
    "mediet": "media",
    "avisen": "media",
    "gymnasiet": "education",
    "universiteter": "education",
    "institutionerne": None,
    # abbreviations
    "efterskole": "education",
    "gym.": "education",
    "HF": "education",
    "VUC": "education",
    "SOSU": "education",
    "sosu-skole": "education",
    "UCL": "education",
    "KU": "education",
    "AU": "education",
    "DR": "media",
    "TV2": "media",
    "TV 2": "media",
    "FOF": "adult_education",
    "AOF": "adult_education",
    "LOF": "adult_education",
    "DGI": "association",
    "NGO": "association",
    "NGO'er": "association",
    "ApS": "business",
    "A/S": "business",
    "I/S": "business",
    "P/S": "business",
    "kommunal": "municipal",
    "forv.": "municipal",
    "PPR": "municipal",
    "SFO": "municipal",
    "SFO'en": "municipal",
    "3F": "union",
    # compounds: the head decides
    "idrætsforening": "association",
    "boligforening": "association",
    "grundejerforening": "association",
    "Ålykke Teaterforening": "association",
    "idrætsforeningen": "association",
    "menighedsråd": "other",
    "kirke": "other",
    "folkekirken": "other",
    "musikskole": "cultural",
    "kulturhus": "cultural",
    "spillested": "cultural",
    "medborgerhus": "cultural",
    "sprogskole": "education",
    "dagtilbud": "municipal",
    "daginstitution": "municipal",
    "børnehave": "municipal",
    "vuggestue": "municipal",
    "fritidsklub": "municipal",
    "plejehjem": "municipal",
    "ældrecenter": "municipal",
    "sundhedscenter": "municipal",
    "jobcenter": "municipal",
    "kulturforvaltning": "municipal",
    "lokalarkiv": "cultural",
    "kunstmuseet": "cultural",
    "egnsteater": "cultural",
    "ungdomsskole": "education",
    "folkeskolen": "education",
    "lokalavis": "media",
    "tv-avis": "media",
    "it-virksomhed": "business",
    "enkeltmandsvirksomhed": "business",
    "skolebibliotek": "library",
    "folkebibliotekerne": "library",
    "kulturfond": "foundation",
    "bydelsnetværk": "citizen_group",
    "lokalråd": "citizen_group",
    "borgergruppe": "citizen_group",
    "socialstyrelsen": "state",
    "sygehus": "state",
    "folkehøjskole": "adult_education",
    # a word listed on its own wins over the head it ends in
    "fagforening": "union",
    "brancheforening": "union",
    "erhvervsforening": "union",
    "erhvervsskole": "education",
    "professionshøjskole": "education",
    "køreskole": "business",
    "samarbejdspartner": None,
    "boligselskab": "association",
    # phrases: the head is the last word, or the part before a preposition
    "bibliotekets fond": "foundation",
    "Fonden for Ålykke Kulturliv": "foundation",
    "lokalhistorisk arkiv": "cultural",
    "frivillig forening": "association",
    "socialøkonomisk virksomhed": "business",
    "andre biblioteker": "library",
    "faglige organisationer": "union",
    "kommunale forvaltninger": "municipal",
    "kultur- og fritidsforvaltning": "municipal",
    "børne- og ungeforvaltning": "municipal",
    "museum/arkiv": "cultural",
    "tv og radio": "media",
    "Forening (kultur)": "association",
    "Boghandel ApS": "business",
    "statslig myndighed": "state",
    # English
    "association": "association",
    "Association / NGO": "association",
    "company": "business",
    "business": "business",
    "School / university": "education",
    "schools": "education",
    "adult education": "adult_education",
    "evening schools": "adult_education",
    "municipality": "municipal",
    "municipal office": "municipal",
    "museums": "cultural",
    "theatre": "cultural",
    "music schools": "cultural",
    "newspaper": "media",
    "library": "library",
    "libraries": "library",
    "foundation": "foundation",
    "trade union": "union",
    "citizen group": "citizen_group",
    "Regional or state body": "state",
    "government": "state",
    "other": "other",
    # the codes themselves, as the workspace export writes them
    "adult_education": "adult_education",
    "citizen_group": "citizen_group",
    "region/stat": "state",
}

#: Words that must not be read as a type: the old substring matching found one in most of them.
NOT_ORGANISATION_TYPES = [
    "aktiv",
    "tvivl",
    "landet",
    "statistik",
    "arkivar",
    "bibliotekar",
    "skolebibliotekar",
    "museumsinspektør",
    "skolebestyrelse",
    "bestyrelse",
    "sundhedsplejerske",
    "område",
    "lokalområde",
    "remedie",
    "kommunevalg",
    "privatperson",
    "foreningsløs",
    "selvejende institution",
    "Lektiecafé",
    "Bydelsmødre",
    "offentlig/privat",
    "kontakt",
    "",
    "   ",
    "-",
    "?",
]

#: Words whose type the old substring matching got wrong: now the word's own type.
OLD_MISTAKES = {
    "bibliotekets fond": "foundation",  # was "library": "bibliotek" occurs in it
    "fagforening": "union",  # was "association": "forening" occurs in it
    "erhvervsskole": "education",  # was "business": "erhverv" occurs in it
    "netværk": "citizen_group",  # stays: "tv" occurs in it, and must not make it a medium
}

SECTORS = {
    "offentlig": "public",
    "Offentlig": "public",
    "offentligt": "public",
    "offentlige": "public",
    "den offentlige sektor": "public",
    "kommunal": "public",
    "kommunalt ejet": "public",
    "statslig": "public",
    "regional": "public",
    "off.": "public",
    "public": "public",
    "Public sector": "public",
    "privat": "private",
    "private": "private",
    "erhverv": "private",
    "erhvervslivet": "private",
    "kommerciel": "private",
    "Private sector": "private",
    "civilsamfund": "civil",
    "Civilsamfund": "civil",
    "civilsamfundet": "civil",
    "frivillig": "civil",
    "frivillige": "civil",
    "forening": "civil",
    "foreningslivet": "civil",
    "NGO": "civil",
    "civil society": "civil",
    "almennyttig": "civil",
    "third sector": "civil",
}
NOT_SECTORS = ["privatperson", "civilingeniør", "offentliggjort", "offentlig/privat", "blandet"]

RELATION_KINDS = {
    "kender": "knows",
    "kontakt": "knows",
    "kontakten": "knows",
    "kontaktperson": "knows",
    "knows": "knows",
    "kollega": "colleague",
    "kolleger": "colleague",
    "kollegaer": "colleague",
    "tidligere kollega": "colleague",
    "colleague": "colleague",
    "samarbejde": "works_with",
    "samarbejder med": "works_with",
    "samarbejdspartner": "works_with",
    "projektsamarbejde": "works_with",
    "works with": "works_with",
    "partner": "partner",
    "partnere": "partner",
    "partnerskab": "partner",
    "strategisk partnerskab": "partner",
    "partnership": "partner",
    "medlem": "member",
    "medlem af": "member",
    "medlemmer": "member",
    "bestyrelsesmedlem": "member",
    "member of": "member",
    "finansierer": "funds",
    "sponsor": "funds",
    "hovedsponsor": "funds",
    "støtter": "funds",
    "funds": "funds",
    "andet": "other",
    "other": "other",
}
NOT_RELATION_KINDS = ["landet", "partnerskabsaftale", "medlemsblad", "kontaktløs", "mentor", "nabo"]

LABEL_PREFIX = {"org_type": "orgtype", "sector": "sector", "relation_kind": "relkind"}


@pytest.mark.parametrize(("word", "code"), ORGANISATION_TYPES.items())
def test_organisation_type_words_staff_write(word: str, code: str | None) -> None:
    assert vocabulary.organisation_type_code(word) == code


@pytest.mark.parametrize("word", NOT_ORGANISATION_TYPES)
def test_words_that_are_no_organisation_type(word: str) -> None:
    assert vocabulary.organisation_type_code(word) is None


@pytest.mark.parametrize(("word", "code"), OLD_MISTAKES.items())
def test_a_word_inside_another_word_does_not_decide_its_type(word: str, code: str) -> None:
    assert vocabulary.organisation_type_code(word) == code


@pytest.mark.parametrize(("word", "code"), SECTORS.items())
def test_sector_words(word: str, code: str) -> None:
    assert vocabulary.sector_code(word) == code


@pytest.mark.parametrize("word", NOT_SECTORS)
def test_words_that_are_no_sector(word: str) -> None:
    assert vocabulary.sector_code(word) is None


@pytest.mark.parametrize(("word", "code"), RELATION_KINDS.items())
def test_relation_kind_words(word: str, code: str) -> None:
    assert vocabulary.relation_kind_code(word) == code


@pytest.mark.parametrize("word", NOT_RELATION_KINDS)
def test_words_that_are_no_relation_kind(word: str) -> None:
    assert vocabulary.relation_kind_code(word) is None


@pytest.mark.parametrize("name", vocabulary.VOCABULARIES)
def test_every_label_the_product_shows_reads_back_as_its_code(name: str) -> None:
    # The templates and the workspace export write labels and codes; both must import back.
    for code in vocabulary.CODES[name]:
        for lang in LANGUAGES:
            assert vocabulary.builtin_code(name, t(f"{LABEL_PREFIX[name]}.{code}", lang)) == code, (code, lang)
        assert vocabulary.builtin_code(name, code) == code


@pytest.mark.parametrize("name", vocabulary.VOCABULARIES)
def test_no_form_of_a_word_belongs_to_two_codes(name: str) -> None:
    assert vocabulary.collisions(name) == {}


# --- importing a file with words no code fits ------------------------------------------------------

HEADER = ["Organisation", "Type", "Sektor"]
ROWS = [
    ["Bydelsmødrene Nord", "Bydelsmødre", "frivillig"],
    ["Bydelsmødrene Syd", "bydelsmødre", "blandet"],
    ["Lektiecaféen", "Lektiecafé", "frivillig"],
    ["Bydelsmødrene Øst", "Bydelsmødre", None],
    ["Ålykke Idrætsforening", "idrætsforeningen", "civilsamfund"],
]


def organisations_file(rows: list[list[Any]] = ROWS) -> bytes:
    return xlsx({"Organisationer": [HEADER, *rows]})


def run(db: Database, data: bytes, *, commit: bool, name: str = "org.xlsx", **options: Any):
    prepared = prepare_file(db, name, data)
    assert prepared.error is None
    return run_import(db, prepared.sheets, commit=commit, **options)


def organisations(db: Database) -> dict[str, tuple[Any, ...]]:
    with db.read() as session:
        return {
            o.name: (o.org_type, o.org_type_text, o.sector, o.sector_text)
            for o in session.scalars(select(Organisation))
        }


def listed(result: Any, name: str) -> list[tuple[str, int, str | None]]:
    return [(use.word, use.rows, use.code) for use in result.unknown_words[name]]


def test_unknown_words_are_kept_the_rows_imported_and_the_words_listed_once(db: Database) -> None:
    result = run(db, organisations_file(), commit=True)
    assert result.counts == {"rows": 5, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 0, "skipped": 0}
    assert not [p for p in result.problems if "type" in p.key or "sector" in p.key]
    # each word once, with how many rows used it (written "Bydelsmødre" and "bydelsmødre": one word)
    assert listed(result, "org_type") == [("Bydelsmødre", 3, None), ("Lektiecafé", 1, None)]
    assert listed(result, "sector") == [("blandet", 1, None)]
    assert organisations(db) == {
        "Bydelsmødrene Nord": (None, "Bydelsmødre", "civil", None),
        "Bydelsmødrene Syd": (None, "bydelsmødre", None, "blandet"),
        "Lektiecaféen": (None, "Lektiecafé", "civil", None),
        "Bydelsmødrene Øst": (None, "Bydelsmødre", None, None),
        "Ålykke Idrætsforening": ("association", None, "civil", None),
    }
    assert result.to_json()["unknown_words"]["org_type"][0] == {
        "word": "Bydelsmødre",
        "rows": 3,
        "code": None,
        "source": None,
    }


@pytest.mark.slow
def test_a_choice_in_the_preview_is_what_the_commit_does_and_is_remembered(db: Database) -> None:
    choice = {"org_type": {"bydelsmødre": "citizen_group"}, "sector": {"blandet": None}}
    preview = run(db, organisations_file(), commit=False, words=choice)
    assert organisations(db) == {}  # a preview stores nothing
    assert listed(preview, "org_type") == [("Bydelsmødre", 3, "citizen_group"), ("Lektiecafé", 1, None)]
    committed = run(db, organisations_file(), commit=True, words=choice)
    assert committed.counts == preview.counts
    assert listed(committed, "org_type") == listed(preview, "org_type")
    stored = organisations(db)
    assert stored["Bydelsmødrene Nord"] == ("citizen_group", None, "civil", None)
    assert stored["Bydelsmødrene Øst"][:2] == ("citizen_group", None)
    assert stored["Lektiecaféen"][:2] == (None, "Lektiecafé")
    with db.read() as session:
        remembered = {(m.vocabulary, m.word_key, m.code) for m in session.scalars(select(VocabularyMapping))}
    assert remembered == {("org_type", "bydelsmødre", "citizen_group")}

    # The next file with the word maps by itself, and says so.
    later = run(db, organisations_file([["Bydelsmødrene Vest", "Bydelsmødre", None]]), commit=True)
    assert [(u.word, u.code, u.source) for u in later.unknown_words["org_type"]] == [
        ("Bydelsmødre", "citizen_group", "remembered")
    ]
    assert organisations(db)["Bydelsmødrene Vest"][:2] == ("citizen_group", None)


def test_a_persons_choice_wins_over_remembered_and_built_in_words(db: Database) -> None:
    with db.write() as session:
        session.add(VocabularyMapping(vocabulary="org_type", word_key="kultur", code="association"))
    rows = [["Ålykke Musikskole", "kultur", None], ["Ålykke Lokalarkiv", "Kultur", None]]
    remembered = run(db, organisations_file(rows), commit=False)
    assert listed(remembered, "org_type") == [("kultur", 2, "association")]  # remembered beats built-in
    chosen = run(db, organisations_file(rows), commit=True, words={"org_type": {"Kultur": "cultural"}})
    assert listed(chosen, "org_type") == [("kultur", 2, "cultural")]
    assert {name: values[0] for name, values in organisations(db).items()} == {
        "Ålykke Musikskole": "cultural",
        "Ålykke Lokalarkiv": "cultural",
    }
    with db.read() as session:
        assert session.scalars(select(VocabularyMapping.code)).all() == ["cultural"]


def test_a_type_found_later_replaces_the_kept_word_and_undo_restores_it(db: Database) -> None:
    run(db, organisations_file([["Bydelsmødrene Nord", "Bydelsmødre", None]]), commit=True)
    before = organisations(db)
    assert before == {"Bydelsmødrene Nord": (None, "Bydelsmødre", None, None)}
    # A file that knows a type replaces the kept word; one that does not keeps the type.
    typed = run(db, organisations_file([["Bydelsmødrene Nord", "forening", None]]), commit=True)
    assert organisations(db)["Bydelsmødrene Nord"] == ("association", None, "civil", None)
    untyped = run(db, organisations_file([["Bydelsmødrene Nord", "mødregruppe", None]]), commit=True)
    assert untyped.counts["unchanged"] == 1
    assert organisations(db)["Bydelsmødrene Nord"] == ("association", None, "civil", None)
    undo_import(db, typed.batch_id)
    assert organisations(db) == before


def test_an_unknown_kind_of_relation_is_kept_as_other_with_its_word(db: Database) -> None:
    people = xlsx({"Kontakter": [["Navn", "E-mail"], ["Mette Holm", "mette@bib.dk"], ["Ole Dam", "ole@x.dk"]]})
    run(db, people, commit=True, name="people.xlsx")
    relations = xlsx(
        {
            "Relationer": [
                ["Fra", "Til", "Relation"],
                ["Mette Holm", "Ole Dam", "mentor"],
                ["Ole Dam", "Mette Holm", "samarbejdspartner"],
            ]
        }
    )
    result = run(db, relations, commit=True, name="rel.xlsx")
    assert result.counts["inserted"] == 2 and result.counts["rejected"] == 0
    assert listed(result, "relation_kind") == [("mentor", 1, None)]
    with db.read() as session:
        assert sorted((r.kind, r.kind_text) for r in session.scalars(select(Relation))) == [
            ("other", "mentor"),
            ("works_with", None),
        ]


def test_the_example_contact_list_knows_all_its_type_words(db: Database) -> None:
    prepared = prepare_file(db, "kontaktliste.xlsx", (EXAMPLES / "kontaktliste.xlsx").read_bytes())
    result = run_import(db, prepared.sheets, commit=True)
    assert all(uses == [] for uses in result.unknown_words.values()), result.unknown_words
    messages = " ".join(p.message("da") for p in result.problems)
    assert "kendes ikke" not in messages
    with db.read() as session:
        found = {o.name: (o.org_type, o.sector) for o in session.scalars(select(Organisation))}
    assert found["Ålykke Musikskole"] == ("cultural", "public")
    assert found["Ålykke Lokalhistoriske Arkiv"] == ("cultural", "public")
    assert found["Ålykke Teaterforening"] == ("association", "civil")
    assert found["FOF Ålykke"] == ("adult_education", "civil")
    assert all(org_type for org_type, _sector in found.values())


# --- the import page -------------------------------------------------------------------------------

import_page = partial(apptest_support.run_page, "../pages/importer.py")


def picker(at: AppTest, word: str) -> Any:
    return next(s for s in at.selectbox if s.key and s.key.startswith("imp_word_org_type_") and word in s.label)


@pytest.mark.slow
def test_the_preview_lists_the_words_once_and_the_choice_is_used_and_remembered(db: Database) -> None:
    at = import_page()
    at.file_uploader[0].set_value(("org.xlsx", organisations_file(), XLSX_MIME))
    rerun(at)
    warnings = [w.value for w in at.warning]
    assert [w for w in warnings if "kendes ikke" in w] == [
        "2 typer kendes ikke: Bydelsmødre, Lektiecafé. Vælg en type for hver – ellers gemmes ordene, som de "
        "står, og rækkerne importeres alligevel.",
        "1 sektor kendes ikke: blandet. Vælg en sektor for den – ellers gemmes ordet, som det står, og "
        "rækkerne importeres alligevel.",
    ]
    assert picker(at, "Bydelsmødre").label == "»Bydelsmødre« · 3 rækker"
    assert picker(at, "Lektiecafé").label == "»Lektiecafé« · 1 række"
    picker(at, "Bydelsmødre").set_value("citizen_group")
    rerun(at)
    assert any(w.value.startswith("1 type kendes ikke: Lektiecafé.") for w in at.warning)
    assert picker(at, "Bydelsmødre").value == "citizen_group"
    at.button(key="imp_commit").click()
    rerun(at)
    assert organisations(db)["Bydelsmødrene Syd"][:2] == ("citizen_group", None)
    assert organisations(db)["Lektiecaféen"][:2] == (None, "Lektiecafé")

    # The next file with the word: chosen by itself, shown with the remembered choice.
    at.file_uploader[0].set_value(
        ("more.xlsx", organisations_file([["Bydelsmødrene Vest", "Bydelsmødre", None]]), XLSX_MIME)
    )
    rerun(at)
    assert not [w for w in at.warning if "kendes ikke" in w.value]
    assert picker(at, "Bydelsmødre").value == "citizen_group"
    assert "Valgt ved en tidligere import." in [c.value for c in at.caption]


@pytest.mark.slow
def test_the_picker_speaks_english(db: Database) -> None:
    at = import_page("en")
    at.file_uploader[0].set_value(("org.xlsx", organisations_file(ROWS[:3]), XLSX_MIME))
    rerun(at)
    assert any(
        w.value.startswith("2 types are not known: Bydelsmødre, Lektiecafé. Choose a type for each") for w in at.warning
    )
    assert picker(at, "Bydelsmødre").label == '"Bydelsmødre" · 2 rows'


# --- the contacts page -----------------------------------------------------------------------------

contacts_page = partial(apptest_support.run_page, "../pages/contacts.py", timeout=30)


@pytest.fixture
def kept(db: Database) -> dict[str, int]:
    """An organisation that kept a file's words, one with a type, and one with nothing at all."""
    with db.write() as session:
        network = Organisation(
            name="Bydelsmødrene", name_key=name_key("Bydelsmødrene"), org_type_text="bydelsmødre", sector_text="blandet"
        )
        club = Organisation(
            name="Læseklubben", name_key=name_key("Læseklubben"), org_type="association", sector="civil"
        )
        bare = Organisation(name="Ukendt sted", name_key=name_key("Ukendt sted"))
        session.add_all([network, club, bare])
        session.flush()
        return {"network": network.id, "club": club.id, "bare": bare.id}


def shown_texts(at: AppTest) -> list[str]:
    """The texts the page shows, and every type and sector cell of its tables."""
    texts = [str(e.value) for e in (*at.markdown, *at.caption, *at.info, *at.warning, *at.success)]
    for frame in at.dataframe:
        for column in ("type_label", "sector_label", "kind_label"):
            if column in frame.value:
                texts += [str(value) for value in frame.value[column]]
    return texts


def test_the_contacts_page_shows_kept_words_and_never_a_translation_key(db: Database, kept: dict[str, int]) -> None:
    at = contacts_page()
    table = at.dataframe(key="contacts_org_table").value.set_index("name")
    assert table.loc["Bydelsmødrene", "type_label"] == "bydelsmødre (ingen type valgt)"
    assert table.loc["Bydelsmødrene", "sector_label"] == "blandet (ingen sektor valgt)"
    assert table.loc["Læseklubben", "type_label"] == "Forening"
    assert table.loc["Ukendt sted", "type_label"] == ""
    for text in shown_texts(at):
        assert not re.search(r"orgtype\.|sector\.|\bnan\b|\bNone\b", text), text


@pytest.mark.slow
def test_an_editor_chooses_a_type_for_a_kept_word_and_it_is_remembered(db: Database, kept: dict[str, int]) -> None:
    at = contacts_page()
    at.selectbox(key="contacts_org_picker").set_value(kept["network"])
    rerun(at)
    prefix = f"contacts_oform_{kept['network']}_"
    assert "Importeret som »bydelsmødre«, som ikke passer til nogen type. Vælg en type ovenfor." in [
        c.value for c in at.caption
    ]
    at.selectbox(key=prefix + "org_type").set_value("citizen_group")
    at.checkbox(key=prefix + "remember_org_type").check()
    at.button(key=f"contacts_org_save_{kept['network']}").click()
    rerun(at)
    assert [s.value for s in at.success] == ["Gemt."]
    assert organisations(db)["Bydelsmødrene"] == ("citizen_group", None, None, "blandet")
    with db.read() as session:
        assert [(m.vocabulary, m.word_key, m.code) for m in session.scalars(select(VocabularyMapping))] == [
            ("org_type", "bydelsmødre", "citizen_group")
        ]
    # the next file with the word needs no choosing
    result = run(db, organisations_file([["Bydelsmødrene Vest", "Bydelsmødre", None]]), commit=False)
    assert listed(result, "org_type") == [("Bydelsmødre", 1, "citizen_group")]


def test_choosing_a_type_without_remembering_forgets_nothing_else(db: Database, kept: dict[str, int]) -> None:
    with db.write() as session:
        update_organisation(session, kept["network"], {"sector": "civil"})
    assert organisations(db)["Bydelsmødrene"] == (None, "bydelsmødre", "civil", None)
    with db.read() as session:
        assert session.scalars(select(VocabularyMapping)).all() == []


@pytest.mark.slow
def test_a_kept_kind_of_relation_is_shown_with_its_word(db: Database) -> None:
    with db.write() as session:
        mette = Person(name="Mette Holm", name_key=name_key("Mette Holm"), is_staff=True)
        ole = Person(name="Ole Dam", name_key=name_key("Ole Dam"))
        session.add_all([mette, ole])
        session.flush()
        session.add(Relation(from_person_id=mette.id, to_person_id=ole.id, kind="other", kind_text="mentor"))
        session.add(Relation(from_person_id=ole.id, to_person_id=mette.id, kind="knows"))
        mette_id = mette.id
    at = contacts_page()
    at.selectbox(key="contacts_person_picker").set_value(mette_id)
    rerun(at)
    relations = next(f.value for f in at.dataframe if "kind_label" in f.value)
    assert sorted(relations["kind_label"]) == ["Kender", "mentor (ingen relationstype valgt)"]


# --- the command line ------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-m", "lib", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
        timeout=120,
    )


@pytest.mark.slow
def test_the_command_line_chooses_with_map_type_and_lists_the_words(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "org.xlsx"
    path.write_bytes(organisations_file())
    dry = run_cli("import", str(path), "--dry-run", "--json", "--db", db_url)
    assert dry.returncode == 0, dry.stderr
    words = json.loads(dry.stdout)["unknown_words"]
    assert words["org_type"] == [
        {"word": "Bydelsmødre", "rows": 3, "code": None, "source": None},
        {"word": "Lektiecafé", "rows": 1, "code": None, "source": None},
    ]
    assert words["sector"] == [{"word": "blandet", "rows": 1, "code": None, "source": None}]
    assert words["relation_kind"] == []

    plain = run_cli("import", str(path), "--dry-run", "--db", db_url)
    assert "2 typer kendes ikke: Bydelsmødre (3 rækker), Lektiecafé (1 række)." in plain.stdout
    assert "--map-type ORD=KODE" in plain.stdout

    refused = run_cli("import", str(path), "--map-type", "Lektiecafé=kaffe", "--db", db_url)
    assert refused.returncode == 2 and "»kaffe« er ikke en type" in refused.stderr

    done = run_cli(
        "import",
        str(path),
        "--json",
        "--db",
        db_url,
        "--map-type",
        "Bydelsmødre=borgergruppe",
        "--map-type",
        "Lektiecafé=association",
        "--map-sector",
        "blandet=civil",
    )
    assert done.returncode == 0, done.stderr
    assert [(w["word"], w["code"], w["source"]) for w in json.loads(done.stdout)["unknown_words"]["org_type"]] == [
        ("Bydelsmødre", "citizen_group", "chosen"),
        ("Lektiecafé", "association", "chosen"),
    ]
    db = open_database(db_url)
    assert organisations(db)["Lektiecaféen"] == ("association", None, "civil", None)
    assert organisations(db)["Bydelsmødrene Syd"] == ("citizen_group", None, "civil", None)
