"""Words that are no misspelling but a form a letter writes otherwise
(writing/checks/spelling.py `_plain_form`, P5): a dropped-g "-in" word and a given name in
lower case are warnings, "eg" without its stops an error; real slips stay errors."""

from __future__ import annotations

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity


def _found(text: str) -> list[tuple[str, str, Severity, tuple[str, ...]]]:
    report = check_text(text, CheckContext(language="en-US"))
    return [
        (text[f.offset : f.offset + f.length], f.rule, f.severity, f.suggestions)
        for f in report.findings
        if f.rule.startswith("spelling")
    ]


def test_a_dropped_g_is_a_warning_with_the_full_word() -> None:
    text = "Rumors are flyin a mile a minute and nothin is set."
    assert _found(text) == [
        ("flyin", "spelling.informal", Severity.WARNING, ("flying",)),
        ("nothin", "spelling.informal", Severity.WARNING, ("nothing",)),
    ]


def test_a_given_name_in_lower_case_is_a_warning_with_its_capital() -> None:
    assert _found("Please ask shirley for the records.") == [
        ("shirley", "spelling.capital", Severity.WARNING, ("Shirley",))
    ]


def test_eg_without_its_stops_is_an_error_with_the_dotted_form() -> None:
    assert _found("Use a tool, eg Dana's template.") == [
        ("eg", "spelling", Severity.ERROR, ("e.g.",))
    ]


def test_real_slips_stay_errors() -> None:
    found = _found("I recieve the gettng report.")
    assert [(w, s) for w, _r, s, _f in found] == [
        ("recieve", Severity.ERROR),
        ("gettng", Severity.ERROR),
    ]
