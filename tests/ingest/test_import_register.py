"""Issue 16: the import at a municipality's scale keeps every rule while it does less work per row.

Each speed lever (``benchmarks/bench_register.py`` measures them) has its behaviour pinned here: what is
worked out once per sheet or once per distinct value gives what the row-by-row work gave.
"""

from __future__ import annotations

from lib.ingest.references import is_repeated_header


def test_the_header_again_is_recognised_per_sheet_whichever_sheet_came_before() -> None:
    contacts = ["Navn", "E-mail"]
    reversed_columns = ["E-mail", "Navn"]
    grouped = ["Kontaktperson – Fornavn", "Kontaktperson – Efternavn"]
    for _ in range(2):  # alternating sheets: what one sheet's columns answer to never sticks to another's
        assert is_repeated_header(["navn", " E-MAIL "], contacts)
        assert not is_repeated_header(["navn", "E-mail"], reversed_columns)
        assert is_repeated_header(["E-mail", "Navn"], reversed_columns)
        assert is_repeated_header(["Fornavn", "Efternavn"], grouped)  # the label under a merged group
        assert is_repeated_header(["Kontaktperson – Fornavn", "Efternavn"], grouped)
        assert not is_repeated_header(["Navn", "Jens Hansen"], contacts)
        assert not is_repeated_header(["Navn", None, "E-mail"], contacts)  # a cell past the last column
        assert not is_repeated_header(["Navn"], contacts)  # one cell alone is a name, not the header
