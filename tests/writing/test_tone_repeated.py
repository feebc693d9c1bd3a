"""tone_repeated: a failure told as a habit is a complaint (P5: no negative statements;
P7, P8); the same words about the writer's own slip, or without a failure, are not.
Sentences written for these tests, as people write email in a hurry."""

from __future__ import annotations

import pytest

from .test_tone_criticism import statements


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Once again the print shop sent the brochures in the wrong size.",
            "Once again the print shop sent the brochures in the wrong size",
        ),
        ("As always, payroll lost my timesheet.", "As always, payroll lost my timesheet"),
        ("Yet again the vendor forgot to invoice us.", "Yet again the vendor forgot to invoice us"),
        (
            "Facilities, true to form, never called back.",
            "Facilities, true to form, never called back",
        ),
        (
            "For the fourth time this year, the agency misplaced my references.",
            "For the fourth time this year, the agency misplaced my references",
        ),
        (
            "Their office, as usual, has sent no agenda.",
            "Their office, as usual, has sent no agenda",
        ),
        ("The couriers mislaid the contracts again.", "The couriers mislaid the contracts again"),
        (
            "I expect little from Marketing, who have ignored us twice already.",
            "I expect little from Marketing, who have ignored us twice already",
        ),
        (
            "The landlord lied to us three times this month.",
            "The landlord lied to us three times this month",
        ),
    ],
)
def test_a_failure_told_as_a_habit_is_a_complaint(text: str, quoted: str) -> None:
    assert statements(text) == [quoted]


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own slip, told the same way: an apology
        "Once again I forgot to attach the schedule.",
        "As usual we lost the first draft, so here is the second.",
        "Sorry, once again the file I sent was the wrong one.",
        "I sent the wrong file again; here is the right one.",
        # a word of repetition without a failure
        "Once again, thank you for meeting me on Tuesday.",
        "As always, let me know if anything is unclear.",
        "For the second time this year, the team won the award.",
        # a failure without a habit
        "The courier lost the parcel, so I have sent another copy.",
        # a request to repeat
        "If the fax did not come through, I can send it again.",
        "Could you send it again? The link has expired.",
    ],
)
def test_an_apology_a_courtesy_or_a_single_mishap_is_not(text: str) -> None:
    assert statements(text) == []
