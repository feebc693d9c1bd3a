"""A thank-you written days late says sorry once, briefly; one on time never does (P5)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext
from afterview.writing.drafts import compose
from afterview.writing.drafts.wording import days_late
from afterview.writing.drafts_model import DraftRequest, Profile, Recipient

LONDON = ZoneInfo("Europe/London")
APOLOGY = "sorry this note comes a little late"
NAMES = frozenset({"Priya", "Shah", "Alex", "Morgan", "Kotlin"})  # as the records give them


def _draft(start: datetime, written_on: date) -> str:
    request = DraftRequest(
        kind="thank-you",
        profile=Profile(name="Alex Morgan", email="alex@example.com", language="en-GB"),
        organisation="Acme",
        role="Data Engineer",
        recipient=Recipient("Priya Shah", "Head of Data", "hiring-manager"),
        interview_start=start,
        written_on=written_on,
        nugget="They are moving the billing platform to Kotlin.",
    )
    return compose(request).body


@pytest.mark.parametrize(
    ("start", "written_on", "late"),
    [
        pytest.param(datetime(2026, 3, 3, 10, 0), date(2026, 3, 3), 0, id="same-day"),
        pytest.param(datetime(2026, 3, 3, 14, 0), date(2026, 3, 4), 0, id="next-morning"),
        pytest.param(datetime(2026, 3, 6, 14, 0), date(2026, 3, 9), 0, id="friday-to-monday"),
        pytest.param(datetime(2026, 3, 3, 14, 0), date(2026, 3, 5), 1, id="two-days-on"),
        pytest.param(datetime(2026, 3, 3, 14, 0), date(2026, 3, 11), 5, id="a-week-on"),
    ],
)
def test_the_apology_appears_only_when_working_days_have_passed(
    start: datetime, written_on: date, late: int
) -> None:
    start = start.replace(tzinfo=LONDON)
    assert days_late(start, written_on) == late
    body = _draft(start, written_on)
    assert (APOLOGY in body) is (late > 0)
    assert body.count("sorry") == (1 if late else 0)


def test_the_late_draft_passes_the_whole_check() -> None:
    """The apology is courtesy, not a negative statement, and keeps P5's shape."""
    body = _draft(datetime(2026, 3, 3, 14, 0, tzinfo=LONDON), date(2026, 3, 11))
    assert APOLOGY in body
    context = CheckContext(kind="thank-you", organisation="Acme", known_words=NAMES)
    report = check_text(body, context)
    assert [(f.rule, f.message) for f in report.findings] == []
