"""Value parsers: the clean value for what people really type, a translated problem otherwise."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.core.errors import ValidationFailed
from lib.core.i18n import TEXTS, t
from lib.core.normalize import (
    clean_text,
    column_is_month_first,
    join_name,
    name_key,
    normalise_email,
    normalise_person_name,
    normalise_phone,
    normalise_website,
    parse_bool,
    parse_date,
    parse_number,
    parse_strength,
    split_multi,
    split_person_name,
)


def problem(parser, *args) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        parser(*args)
    return caught.value


# -- text and names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Jens \xa0 Hansen\t\n", "Jens Hansen"),
        (12345678, "12345678"),
        (12345678.0, "12345678"),
        (3.5, "3.5"),
        ("'=SUM(A1:A3)", "=SUM(A1:A3)"),
        ("'+4520123456", "+4520123456"),
        ("'-5", "-5"),
        ("'@Kulturhuset", "@Kulturhuset"),
        ("'hej", "'hej"),  # an ordinary apostrophe is part of the text
        ("''=A1", "''=A1"),  # the guard is one apostrophe directly before the formula sign
        ("'\tx", "x"),
        ("\ufeffFirst Name", "First Name"),
        ("Bjo\u0308rn", "Björn"),  # decomposed ö composed
        (dt.date(2024, 3, 1), "2024-03-01"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize("empty", [None, "", "   ", "\xa0\t\n", float("nan")])
def test_clean_text_empty_is_none(empty):
    assert clean_text(empty) is None


def test_clean_text_too_long():
    error = problem(clean_text, "x" * 11, 10)
    assert error.key == "value.too_long"
    assert error.params == {"length": 11, "max": 10}


@given(st.text())
@pytest.mark.slow
def test_clean_text_is_idempotent_and_single_spaced(text):
    once = clean_text(text)
    if once is not None and not once.startswith("'"):
        assert clean_text(once) == once
        assert "  " not in once and once == once.strip()


def test_name_key_equal_for_the_same_name_written_differently():
    assert name_key("Jens  Hansen ") == name_key("jens hansen") == name_key("JENS HANSEN.") == "jens hansen"
    assert name_key("»Søren Ærø«") == "søren ærø"
    assert name_key("Åse Øster") != name_key("Aase Oster")  # Danish letters are not folded away
    assert name_key(None) == ""


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Hansen, Jens", "Jens Hansen"),
        ("Møller Hansen, Anne-Marie", "Anne-Marie Møller Hansen"),
        ("Ærø, Søren", "Søren Ærø"),
        ("Jens Hansen", "Jens Hansen"),
        ("Aarhus Kommune, Børn og Unge", "Aarhus Kommune, Børn og Unge"),
        ("Hansen, Jens, bibliotekar", "Hansen, Jens, bibliotekar"),
        ("Kulturhuset 2, Aarhus", "Kulturhuset 2, Aarhus"),
    ],
)
def test_normalise_person_name(raw, name):
    assert normalise_person_name(raw) == name


def test_split_and_join_names():
    assert split_person_name("Jens Peter Hansen") == ("Jens Peter", "Hansen")
    assert split_person_name("Hansen, Jens") == ("Jens", "Hansen")
    assert split_person_name("Ludwig van Beethoven") == ("Ludwig", "van Beethoven")
    assert split_person_name("Søren") == ("Søren", None)
    assert split_person_name("  ") == (None, None)
    assert join_name("Jens", None, " Hansen") == "Jens Hansen"
    assert join_name("Anne", "Marie", "Østergård") == "Anne Marie Østergård"
    assert join_name(None, "", None) is None


# -- e-mail, phone, website -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "email"),
    [
        ("Jens.Hansen@Aarhus.DK", "jens.hansen@aarhus.dk"),
        (" mailto:Jens@Kulturhuset.dk ", "jens@kulturhuset.dk"),
        ("<soren@bibliotek.dk>", "soren@bibliotek.dk"),
        ("Søren Ærø <Soren@Bibliotek.dk>", "soren@bibliotek.dk"),
        ("Ærø, Søren <Soren@Bibliotek.dk>", "soren@bibliotek.dk"),
        ('"Jens Hansen" <jh@x.dk>', "jh@x.dk"),
        ("jens@bøger.dk", "jens@bøger.dk"),
    ],
)
def test_normalise_email(raw, email):
    assert normalise_email(raw) == email


@pytest.mark.parametrize("bad", ["jens", "jens@", "jens@localhost", "jens hansen@x.dk", "@x.dk", "a@b"])
def test_normalise_email_invalid(bad):
    error = problem(normalise_email, bad)
    assert error.key == "value.email_invalid"
    assert error.params["value"] == bad


def test_normalise_email_refuses_two_addresses_in_one_value():
    error = problem(normalise_email, "a@x.dk; b@y.dk")
    assert error.key == "value.email_several"


def test_normalise_email_empty():
    assert normalise_email("  ") is None
    assert normalise_email(None) is None


@pytest.mark.parametrize(
    ("raw", "phone"),
    [
        ("12 34 56 78", "+4512345678"),
        ("+45 12345678", "+4512345678"),
        ("0045 1234 5678", "+4512345678"),
        ("(+45) 12-34-56-78", "+4512345678"),
        (12345678, "+4512345678"),
        (12345678.0, "+4512345678"),
        ("20 12 34 56", "+4520123456"),
        ("tel:+4520123456", "+4520123456"),
        ("+45 20 12 34 56 lok. 12", "+4520123456"),
        (4520123456, "+4520123456"),  # Excel dropped the "+"
        ("+46 8 123 456 78", "+46812345678"),
        ("0046 8 123 456 78", "+46812345678"),
        ("+1 650 253 0000", "+16502530000"),
        ("'+4520123456", "+4520123456"),
    ],
)
def test_normalise_phone(raw, phone):
    assert normalise_phone(raw) == phone


@pytest.mark.parametrize(
    "bad", ["123", "1234 567", "ring til Jens", "+45 1234 56789 0", True, "201234567", 46812345678]
)
def test_normalise_phone_invalid(bad):
    assert problem(normalise_phone, bad).key == "value.phone_invalid"


def test_normalise_phone_other_default_region():
    assert normalise_phone("08-123 456 78", region="SE") == "+46812345678"


@given(st.integers(min_value=20_000_000, max_value=99_999_999))
def test_normalise_phone_is_idempotent(number):
    once = normalise_phone(number)
    assert once == f"+45{number}"
    assert normalise_phone(once) == once


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("www.bibliotek.dk", "https://www.bibliotek.dk"),
        ("Aarhus.DK/Kultur", "https://aarhus.dk/Kultur"),
        ("http://kulturhuset.dk/", "http://kulturhuset.dk"),
        ("https://kb.dk:8080/a?b=1", "https://kb.dk:8080/a?b=1"),
        ("//bibliotek.dk/om", "https://bibliotek.dk/om"),
        ("https://bøger.dk", "https://bøger.dk"),
    ],
)
def test_normalise_website(raw, url):
    assert normalise_website(raw) == url


@pytest.mark.parametrize(
    "bad", ["javascript:alert(1)", "jens@bibliotek.dk", "ikke en side", "localhost", "ftp://x.dk", "https://a:b@x.dk"]
)
def test_normalise_website_invalid(bad):
    assert problem(normalise_website, bad).key == "value.website_invalid"


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        (45000, dt.date(2023, 3, 15)),
        (45000.75, dt.date(2023, 3, 15)),
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
        ("24-12-2023", dt.date(2023, 12, 24)),
        ("24.12.2023", dt.date(2023, 12, 24)),
        ("24/12/2023", dt.date(2023, 12, 24)),
        ("24/12/23", dt.date(2023, 12, 24)),
        ("1/2/2024", dt.date(2024, 2, 1)),  # day first: 1 February, never 2 January
        ("03/04/2024", dt.date(2024, 4, 3)),
        ("2023-12-24", dt.date(2023, 12, 24)),
        ("2023-12-24T10:00:00", dt.date(2023, 12, 24)),
        ("2023-12-24 10:00", dt.date(2023, 12, 24)),
        ("24-12-2023 kl. 10.00", dt.date(2023, 12, 24)),
        ("3. marts 2024", dt.date(2024, 3, 3)),
        ("3 mar 2024", dt.date(2024, 3, 3)),
        ("3. Maj 2024", dt.date(2024, 5, 3)),
        ("17. okt. 2023", dt.date(2023, 10, 17)),
        ("15 Mar 2024", dt.date(2024, 3, 15)),  # LinkedIn "Connected On"
        ("March 3, 2024", dt.date(2024, 3, 3)),
        ("mandag den 4. marts 2024", dt.date(2024, 3, 4)),
        (dt.datetime(2024, 1, 2, 15, 30), dt.date(2024, 1, 2)),
        (dt.date(2024, 1, 2), dt.date(2024, 1, 2)),
    ],
)
def test_parse_date(raw, date):
    assert parse_date(raw) == date


@pytest.mark.parametrize("bad", ["31-02-2024", "hej", "13/13/2024", "2024", 60, 0, -5, True, "03/15/2024"])
def test_parse_date_invalid(bad):
    assert problem(parse_date, bad).key == "value.date_invalid"


@pytest.mark.parametrize("bad", ["24-12-1850", "1-1-2150", dt.date(1850, 1, 1)])
def test_parse_date_implausible_year(bad):
    assert problem(parse_date, bad).key == "value.date_out_of_range"


def test_parse_date_month_first_only_when_asked():
    assert parse_date("03/15/2024", month_first=True) == dt.date(2024, 3, 15)
    assert column_is_month_first(["03/15/2024", "01/02/2024"]) is True
    assert column_is_month_first(["15/03/2024", "03/15/2024"]) is False
    assert column_is_month_first(["01/02/2024", "24-12-2023"]) is False


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)))
def test_parse_date_reads_danish_display_and_excel_serial(date):
    assert parse_date(date.strftime("%d-%m-%Y")) == date
    assert parse_date((date - dt.date(1899, 12, 30)).days) == date


# -- strength, yes/no, numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "strength"),
    [
        (3, 3),
        (3.0, 3),
        ("3", 3),
        ("3,0", 3),
        ("4/5", 4),
        ("4 af 5", 4),
        ("stærk", 4),
        ("Meget stærk", 5),
        ("svag", 2),
        ("★★★", 3),
        (1, 1),
        (5, 5),
    ],
)
def test_parse_strength(raw, strength):
    assert parse_strength(raw) == strength


@pytest.mark.parametrize("bad", [0, 6, 3.5, "3,5", "høj", True, "7/5"])
def test_parse_strength_invalid(bad):
    assert problem(parse_strength, bad).key == "value.strength_invalid"


@pytest.mark.parametrize(
    ("raw", "answer"),
    [
        ("ja", True),
        ("Ja", True),
        ("x", True),
        ("X", True),
        ("✓", True),
        ("yes", True),
        ("1", True),
        (1, True),
        ("sand", True),
        ("TRUE", True),
        (True, True),
        ("nej", False),
        ("no", False),
        ("0", False),
        (0, False),
        ("falsk", False),
        (False, False),
    ],
)
def test_parse_bool(raw, answer):
    assert parse_bool(raw) is answer


def test_parse_bool_empty_and_invalid():
    assert parse_bool("") is None
    assert problem(parse_bool, "måske").key == "value.bool_invalid"
    assert problem(parse_bool, 2).key == "value.bool_invalid"


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("1.234,5", 1234.5),
        ("3,5", 3.5),
        ("1,234.5", 1234.5),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        ("1 234,5", 1234.5),
        ("-2,5", -2.5),
        ("3.5", 3.5),
        ("1.234", 1234.0),
        ("0.125", 0.125),
        (7, 7.0),
        ("42", 42.0),
    ],
)
def test_parse_number(raw, number):
    assert parse_number(raw) == number


@pytest.mark.parametrize("bad", ["1.2.3", "abc", "1,23,4", "3,5 kr", ",", ".", float("inf")])
def test_parse_number_invalid(bad):
    assert problem(parse_number, bad).key == "value.number_invalid"


cell_values = st.one_of(
    st.none(),
    st.text(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@given(cell_values)
def test_parsers_give_a_value_or_a_validation_problem_never_a_crash(value):
    parsers = (
        clean_text,
        name_key,
        normalise_person_name,
        split_person_name,
        normalise_email,
        normalise_phone,
        normalise_website,
        parse_date,
        parse_strength,
        parse_bool,
        parse_number,
    )
    for parser in parsers:
        try:
            parser(value)
        except ValidationFailed as error:
            assert error.key in TEXTS
    for field in ("email", "phone", "organisation", "name"):
        assert all(isinstance(part, str) and part for part in split_multi(value, field))


# -- several values in one cell -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "field", "parts"),
    [
        ("a@x.dk; b@y.dk", "email", ["a@x.dk", "b@y.dk"]),
        ("a@x.dk, b@y.dk\nc@z.dk", "email", ["a@x.dk", "b@y.dk", "c@z.dk"]),
        ("a@x.dk b@y.dk", "email", ["a@x.dk", "b@y.dk"]),
        ("A@x.dk; a@x.dk", "email", ["A@x.dk"]),
        ("Jens Hansen <a@b.dk>; c@d.dk", "email", ["a@b.dk", "c@d.dk"]),
        ("Hansen, Jens <jh@x.dk>; Ærø, Søren <s@x.dk>", "email", ["jh@x.dk", "s@x.dk"]),
        ("jens hansen; b@y.dk", "email", ["jens", "hansen", "b@y.dk"]),  # not addresses: reported, not lost
        ("20 12 34 56 / 30 40 50 60", "phone", ["20 12 34 56", "30 40 50 60"]),
        ("20123456, 30405060; 40506070", "phone", ["20123456", "30405060", "40506070"]),
        ("20123456 eller 30405060", "phone", ["20123456", "30405060"]),
        ("Aarhus Kommune, Børn og Unge", "organisation", ["Aarhus Kommune, Børn og Unge"]),
        ("Hansen A/S / Kulturhuset; Dokk1", "organisation", ["Hansen A/S", "Kulturhuset", "Dokk1"]),
        ("Kulturhuset\nDokk1\nKulturhuset", "organisation", ["Kulturhuset", "Dokk1"]),
        ("Jens; Hansen", "name", ["Jens; Hansen"]),
        (" ; ;", "email", []),
        (None, "phone", []),
        (20123456, "phone", ["20123456"]),
    ],
)
def test_split_multi(raw, field, parts):
    assert split_multi(raw, field) == parts


def test_split_then_normalise_each_email():
    assert [normalise_email(part) for part in split_multi("A@X.dk; b@y.dk", "email")] == ["a@x.dk", "b@y.dk"]


# -- messages --------------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_value_key_in_the_code_exists_in_both_languages_with_the_same_placeholders():
    core = Path(__file__).resolve().parents[2] / "lib" / "core"
    parsers = ("normalize.py", "text.py", "dates.py", "contact_details.py")
    source = "".join((core / name).read_text(encoding="utf-8") for name in parsers)
    keys = set(re.findall(r'"(value\.[a-z_]+)"', source))
    assert len(keys) >= 9
    for key in keys:
        assert set(TEXTS[key]) == {"da", "en"}, key
        da_fields = {name for _, name, _, _ in string.Formatter().parse(TEXTS[key]["da"]) if name}
        en_fields = {name for _, name, _, _ in string.Formatter().parse(TEXTS[key]["en"]) if name}
        assert da_fields == en_fields, key


@pytest.mark.parametrize(
    ("parser", "args"),
    [
        (clean_text, ("x" * 20, 5)),
        (normalise_email, ("jens",)),
        (normalise_email, ("a@x.dk; b@y.dk",)),
        (normalise_phone, ("123",)),
        (normalise_website, ("ikke en side",)),
        (parse_date, ("hej",)),
        (parse_date, ("1-1-1800",)),
        (parse_strength, (9,)),
        (parse_bool, ("måske",)),
        (parse_number, ("abc",)),
    ],
)
def test_problem_messages_fill_every_placeholder(parser, args):
    error = problem(parser, *args)
    for lang in ("da", "en"):
        message = error.message(lang)
        assert message != error.key
        assert not PLACEHOLDER.search(message), message
    assert t(error.key, "da") != t(error.key, "en")


# --- the fast paths agree with the libraries they shortcut ------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ATOM = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-æøåÆØÅéüöÄ×÷ÿ",
    min_size=1,
    max_size=12,
)
_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(
    local=st.lists(_ATOM, min_size=1, max_size=3),
    labels=st.lists(_LABEL, min_size=1, max_size=3),
    top=st.sampled_from(["dk", "com", "org", "museum", "test", "local", "Dk"]),
)
@pytest.mark.slow
def test_plain_email_fast_path_agrees_with_email_validator(local: list[str], labels: list[str], top: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    from lib.core.contact_details import _plain_address

    address = ".".join(local) + "@" + ".".join([*labels, top])
    fast = _plain_address(address)
    try:
        slow = validate_email(address, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        slow = None
    if fast is not None:
        assert fast == slow


@settings(max_examples=300, deadline=None)
@given(
    digits=st.from_regex(r"[2-9][0-9]{7}", fullmatch=True),
    prefix=st.sampled_from(["", "+45", "+45 ", "0045 ", "0045"]),
    style=st.sampled_from(["plain", "pairs", "fours", "dashes"]),
)
@pytest.mark.slow
def test_danish_phone_fast_path_agrees_with_phonenumbers(digits: str, prefix: str, style: str) -> None:
    import phonenumbers

    from lib.core.contact_details import _e164, _parse_phone

    body = {
        "plain": digits,
        "pairs": " ".join(digits[i : i + 2] for i in range(0, 8, 2)),
        "fours": digits[:4] + " " + digits[4:],
        "dashes": "-".join(digits[i : i + 2] for i in range(0, 8, 2)),
    }
    text = prefix + body[style]
    parsed = _parse_phone(text, "DK")
    slow = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) if parsed else None
    assert _e164(text, "DK") == slow


# --- a cell in everyday form is answered at once, as the whole way would answer it ---------------------

#: Text of every kind an e-mail or phone cell may hold: separators, spaces of several kinds, brackets,
#: the formula guard, invisible and combining characters, letters beyond Latin-1.
_CELL_CHARACTERS = st.sampled_from(
    list("abcxyzABCÆØÅæøåéü0123456789@.-_+'\"<>;,/:() \t\n\u00a0\u00ad\u200b\u0301=!#%&*?^`{|}~ß∂")
)
_CELL_TEXT = st.text(_CELL_CHARACTERS, max_size=30)


def _whole_way(cell: str, field: str, parse: Any) -> tuple[str, ...] | None:
    """A cell's values the way the importer's row reader reads every cell (``RowValues.many``); None
    when one of them is a problem."""
    from lib.ingest.row_values import RowValues

    row = RowValues("f.xlsx", "Ark", 2, {field: [("Kolonne", cell)]})
    values = row.many(field, parse, severity="warning")
    return None if row.problems else tuple(values)


_EVERYDAY_ADDRESS = st.builds(
    lambda local, labels, top, case: (
        (".".join(local) + "@" + ".".join([*labels, top])).swapcase()
        if case
        else ".".join(local) + "@" + ".".join([*labels, top])
    ),
    st.lists(_ATOM, min_size=1, max_size=3),
    st.lists(_LABEL, min_size=1, max_size=3),
    st.sampled_from(["dk", "com", "org", "museum", "test", "local", "Dk", "invalid"]),
    st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(cell=st.one_of(_CELL_TEXT, _EVERYDAY_ADDRESS, st.builds(lambda a, b: a + b, _CELL_TEXT, _EVERYDAY_ADDRESS)))
@pytest.mark.slow
def test_an_everyday_address_cell_is_answered_as_the_whole_way_and_email_validator_answer(cell: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    from lib.core.contact_details import everyday_email

    fast = everyday_email(cell)
    if fast is None:
        return
    assert _whole_way(cell, "email", normalise_email) == (fast,)
    try:
        assert validate_email(cell, check_deliverability=False).normalized.lower() == fast
    except EmailNotValidError:  # pragma: no cover - the assertion is the point
        pytest.fail(f"{cell!r} answered {fast!r}, which email_validator refuses")


def test_the_everyday_address_answer_is_given_for_everyday_cells_only() -> None:
    from lib.core.contact_details import everyday_email

    assert everyday_email("Anne.Holm7@Viby.DK") == "anne.holm7@viby.dk"
    assert everyday_email("søs.ærø@bib.dk") == "søs.ærø@bib.dk"
    for cell in (" a@b.dk", "a@b.dk;", "mailto:a@b.dk", "<a@b.dk>", "'a@b.dk", "a@b", "a\u00ad@b.dk", "a@b.local"):
        assert everyday_email(cell) is None, cell


_DANISH_PHONE_CELL = st.builds(
    lambda prefix, digits, separator: prefix + separator.join([digits[:2], digits[2:4], digits[4:6], digits[6:]]),
    st.sampled_from(["", "+45", "+45 ", "0045", "0045-", "+45.", "45 ", "+46 ", "'"]),
    st.from_regex(r"[0-9]{8}", fullmatch=True),
    st.sampled_from(["", " ", "-", ".", "  ", "/"]),
)


@settings(max_examples=400, deadline=None)
@given(
    cell=st.one_of(
        _DANISH_PHONE_CELL,
        st.text(st.sampled_from(list("0123456789+ -./;,()tel:xlok\u00a0\u200b")), max_size=24),
        st.builds(lambda a, b: a + b, _DANISH_PHONE_CELL, _CELL_TEXT),
    )
)
@pytest.mark.slow
def test_an_everyday_danish_phone_cell_is_answered_as_the_whole_way_and_phonenumbers_answer(cell: str) -> None:
    import phonenumbers

    from lib.core.contact_details import everyday_danish_phone

    fast = everyday_danish_phone(cell)
    if fast is None:
        return
    assert _whole_way(cell, "phone", normalise_phone) == (fast,)
    parsed = phonenumbers.parse(cell, "DK")
    assert phonenumbers.is_possible_number(parsed)
    assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == fast


def test_the_everyday_danish_phone_answer_is_given_for_everyday_cells_only() -> None:
    from lib.core.contact_details import everyday_danish_phone

    assert everyday_danish_phone("+45 20123456") == "+4520123456"
    assert everyday_danish_phone("87 15 00 00") == "+4587150000"
    for cell in ("12345678", "+45 20123456 ", "2012345", "+46 20123456", "20123456 lok. 12", "20123456/87654321"):
        assert everyday_danish_phone(cell) is None, cell
