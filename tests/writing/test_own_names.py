"""The candidate's own name is never a misspelling (P5: a checker that knows your
interview): "Catrin" is not "Catering", "Aoife" is not "Alive"."""

from __future__ import annotations

from typing import Any

from afterview.check_context import NAMES_SQL, PROFILE_SQL, gather
from afterview.writing.checker import check_text
from afterview.writing.findings import Severity

ROWS: dict[str, list[tuple[Any, ...]]] = {
    PROFILE_SQL: [("en-GB", "Python\nSQL", "", "Aoife Ní Bhriain\nData Engineer", "Catrin Jones")],
    NAMES_SQL: [("Priya Raman",), ("Northwind Analytics",), ("Head of Platform",)],
}


def run(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The database's answers, as `gather` reads them (the SQL is the real one)."""
    del params
    return ROWS.get(sql, [])


def test_own_name_signature_and_roles_are_known_words() -> None:
    ctx = gather(run)
    assert {"Catrin", "Jones", "Aoife", "Bhriain", "Priya", "Northwind", "Platform"} <= set(
        ctx.known_words
    )


def test_a_note_signed_with_the_candidates_own_name_has_no_error() -> None:
    text = (
        "Catrin here: thank you for the call, Priya. Aoife sends her regards.\n\n"
        "Best wishes,\nCatrin\n"
    )
    report = check_text(text, gather(run))
    assert [f for f in report.findings if f.severity is not Severity.INFO] == []
