"""The phrases nearly every email holds draw no finding at all (P5: a checker that cries
wolf on "I hope you're well" teaches the candidate to ignore it). Written for these tests;
the list grows whenever a real letter shows a stock phrase the checker misread ("Hope
all is well with you" once drew a verb-form warning, "I hope you're well" a your/you're
one)."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext

PHRASES = [
    "I hope you're well.",
    "Hope you're well.",
    "I hope you are well.",
    "I trust you're well.",
    "Hope you're keeping well.",
    "I hope this email finds you well.",
    "Hope all is well with you.",
    "Thanks for getting back to me so quickly.",
    "Thank you for your time yesterday.",
    "It was great to meet you on Tuesday.",
    "It was a pleasure speaking with you today.",
    "Thanks again for the chance to meet the team.",
    "I really enjoyed our conversation about the roadmap.",
    "Please let me know if you have any questions.",
    "Let me know if there's anything else you need.",
    "I've attached the file you asked for.",
    "I look forward to hearing from you.",
    "Looking forward to hearing from you soon.",
    "I'm looking forward to the next steps.",
    "Have a great weekend.",
    "Thanks in advance for your help.",
    "Sorry for the delay in getting back to you.",
    "Apologies for the late reply.",
    "Just following up on my email from last week.",
    "I wanted to check in on the status of my application.",
    "Could we move our call to Thursday?",
    "Does 3pm work for you?",
    "I'm available any time next week.",
    "Happy to help if you need anything else.",
    "You're welcome.",
    "You're right, I missed that.",
    "Let's catch up next week.",
    "Can you send me the slides when you get a chance?",
    "I'll get back to you by Friday.",
    "Please keep me posted.",
    "That sounds great, thanks.",
    "No problem at all.",
    "See you then.",
    "Talk soon.",
]


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
def test_stock_phrases_draw_no_finding(language: str) -> None:
    flagged = {
        phrase: [(f.rule, phrase[f.offset : f.offset + f.length]) for f in found]
        for phrase in PHRASES
        if (found := check_text(phrase, CheckContext(language=language)).findings)
    }
    assert flagged == {}
