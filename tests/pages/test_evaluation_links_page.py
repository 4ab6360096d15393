"""The section "Svar via link" of the page "Evaluering", driven with AppTest: a link for a partner
contact shown once with its e-mail text, the status before and after the partner answers, the
reminder, revoking, the last day to answer, and English without raw keys."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import clock
from lib.core.i18n import TEXTS, t
from lib.db import Database
from lib.planning import evaluation_links as links
from tests import apptest_support
from tests.apptest_support import rerun, shown_texts
from tests.planning_builders import link_round

PAGE = "../pages/evaluations.py"
TODAY = dt.date(2026, 3, 10)
run_page = partial(apptest_support.run_page, PAGE)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.write() as session:
        return link_round(session)


def key(ids: dict[str, int], name: str) -> str:
    return f"evals_links_{ids['round']}_{name}"


def opened(ids: dict[str, int], lang: str | None = None) -> AppTest:
    at = run_page(lang)
    at.selectbox(key="evals_pick_widget").set_value(ids["partnership"])
    return rerun(at)


def codes(at: AppTest) -> list[str]:
    return [block.value for block in at.code]


def test_a_link_for_a_partner_contact_is_shown_once_and_the_status_follows_the_answer(
    db: Database, ids: dict[str, int]
) -> None:
    at = opened(ids)
    assert t("evaluation_links.none", "da") in shown_texts(at)
    assert at.selectbox(key=key(ids, "person")).options == [
        "–",
        "Carl Holm · carl@laeselyst.dk",
        "Anna Berg · anna@bibliotek.dk",
    ]
    at.selectbox(key=key(ids, "person")).set_value(ids["carl"])
    at.button(key=f"FormSubmitter:{key(ids, 'form')}-{t('evaluation_links.add.submit', 'da')}").click()
    at = rerun(at)
    url = next(code for code in codes(at) if code.startswith("http://localhost:8501/svar/"))
    mail = next(code for code in codes(at) if code.startswith("Emne: Evaluering af partnerskabet Læseklub for unge"))
    assert url in mail and "Kære Carl Holm" in mail
    assert any("0 af 1 har svaret" in text for text in shown_texts(at))
    token = url.rsplit("/", 1)[1]
    assert links.save_answer(db, token, {"sam1": "5", "res1": "4"}, None) == "saved"

    at = opened(ids)  # a new visit: the link is not shown again, the answer is
    assert not any(url in code for code in codes(at))
    texts = shown_texts(at)
    assert any("1 af 1 har svaret" in text for text in texts)
    states = [frame.value for frame in at.dataframe if "state_label" in frame.value.columns]
    assert [frame["state_label"].tolist() for frame in states] == [["Har svaret"]]


def test_an_e_mail_the_workspace_does_not_know_becomes_a_respondent_and_can_be_revoked(
    db: Database, ids: dict[str, int]
) -> None:
    at = opened(ids)
    at.text_input(key=key(ids, "email")).input("ny.kontakt@laeselyst.dk")
    at.radio(key=key(ids, "lang")).set_value("en")
    at.button(key=f"FormSubmitter:{key(ids, 'form')}-{t('evaluation_links.add.submit', 'da')}").click()
    at = rerun(at)
    assert t("evaluation_links.add.new_person", "da", email="ny.kontakt@laeselyst.dk") in [i.value for i in at.info]
    url = next(code for code in codes(at) if "/svar/" in code and code.startswith("http"))
    assert url.endswith("?lang=en")
    assert any(code.startswith("Subject: Evaluation of the partnership") for code in codes(at))
    reminder = next(code for code in codes(at) if code.startswith("Emne: Påmindelse"))
    assert "Læseklub for unge" in reminder
    token = url.split("/svar/", 1)[1].split("?", 1)[0]
    assert links.open_form(db, token) is not None

    respondent = links.round_status(db, ids["round"]).respondents["respondent_id"].iloc[0]
    at.selectbox(key=key(ids, "revoke_pick")).set_value(int(respondent))
    at.button(key=key(ids, "revoke")).click()
    at = rerun(at)
    assert links.open_form(db, token) is None
    assert t("evaluation_links.revoke.done", "da") in [s.value for s in at.success]


def test_the_last_day_to_answer_closes_the_form(db: Database, ids: dict[str, int]) -> None:
    with db.write() as session:
        token = links.link_for(session, ids["round"], person_id=ids["carl"]).token
    at = opened(ids)
    at.date_input(key=key(ids, "closes_on")).set_value(dt.date(2026, 3, 9))
    at.button(key=f"FormSubmitter:{key(ids, 'closing_form')}-{t('evaluation_links.closing.submit', 'da')}").click()
    at = rerun(at)
    assert links.round_status(db, ids["round"]).closes_on == dt.date(2026, 3, 9)
    form = links.open_form(db, token)
    assert form is not None and not form.open


def test_english_shows_no_raw_keys_and_every_text_exists_in_both_languages(ids: dict[str, int]) -> None:
    at = opened(ids, "en")
    texts = shown_texts(at)
    assert "Answers by link" in texts
    assert [text for text in texts if re.search(r"\bevaluation_links\.[a-z_]", text)] == []
    from lib.core.translations.evaluation_links import TEXTS as LINK_TEXTS

    for name, entry in LINK_TEXTS.items():
        assert entry["da"].strip() and entry["en"].strip(), name
        assert set(re.findall(r"{(\w+)}", entry["da"])) == set(re.findall(r"{(\w+)}", entry["en"])), name
    root = Path(__file__).resolve().parents[2]
    source = (root / "components/evaluation_links_views.py").read_text(encoding="utf-8")
    for used in re.findall(r'"(evaluation_links\.[a-z_.]+[a-z_])"', source):
        assert used in TEXTS, used
