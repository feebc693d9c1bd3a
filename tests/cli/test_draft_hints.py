"""The draft command shown under an action in `today` (cli/draft_hints.py)."""

from __future__ import annotations

import pytest

from afterview.cli.draft_hints import draft_command


@pytest.mark.parametrize(
    ("key", "opp", "expected"),
    [
        ("P5:thank-you:interview=4:person=9", 2, "afterview draft thank-you 4 --to 9"),
        ("P5:thank-you:interview=4", 2, "afterview draft thank-you 4"),
        ("P1:recruiter-call:interview=4", 2, "afterview draft recruiter-call 2"),
        ("P8:follow-up:opp=2:n=3", 2, "afterview draft follow-up 2"),
        ("P7:withdrawal:opp=2", 2, "afterview draft withdrawal 2"),
        ("P12:withdraw-after-acceptance:opp=5", 5, "afterview draft withdrawal 5"),
        ("P12:offer-reply:opp=5", 5, "afterview draft accept 5 (or: afterview draft decline 5)"),
        ("P4:debrief:interview=4", 2, None),
        ("P9:keep-searching:n=1", None, None),
        ("P8:follow-up:opp=2:n=3", None, None),
    ],
)
def test_draft_command(key: str, opp: int | None, expected: str | None) -> None:
    assert draft_command({"key": key, "opportunity_id": opp}) == expected
