"""What the editor says about a draft, in plain words and without flattering it.

- Rule ids (`shape.p5.order`) are for code and the CLI's `--json`; people read
  `RULE_NAMES` ("P5: the parts are out of order").
- P5's "one specific point" is found only when it is specific: the general line a
  thank-you falls back to without a debrief nugget, or an unfinished slot
  (`slot.unfinished`, "[one sentence about: …]"), is not one.
- A draft with no recipient address can be neither marked sent nor queued: "No
  findings" would otherwise read as "ready to go".
"""

from __future__ import annotations

import re

from afterview.writing.drafts.thank_you import GENERAL_POINTS

SLOT_RULE = "slot.unfinished"
POINT = "specific-point"

RULE_NAMES = {
    "brevity": "Length",
    "brevity.long": "Too long for a brief email (P5)",
    "brevity.long-sentence": "A very long sentence",
    "grammar": "Grammar",
    "grammar.a-an": "“a” or “an”",
    "grammar.apostrophe": "A contraction without its apostrophe",
    "grammar.capital-start": "Sentence starts in lower case",
    "grammar.double-space": "Two spaces",
    "grammar.lowercase-i": "“i” for “I”",
    "grammar.repeated-word": "A word twice",
    "grammar.usage": "Usage",
    "leftovers": "A template placeholder is left",
    "names": "A name",
    "names.organisation": "The organisation's name as recorded",
    "names.person": "A person's name as recorded",
    "shape": "The email's shape (P5)",
    "shape.p5.missing": "P5: a part is missing",
    "shape.p5.order": "P5: the parts are out of order",
    "shape.p5.sell-incomplete": "P5: the sell is incomplete",
    "slot.unfinished": "A sentence still to write",
    "spelling": "Spelling",
    "spelling.capital": "A name without its capital",
    "spelling.compound": "Spelling: one word or two",
    "spelling.name": "Spelling of a name",
    "tone": "Tone",
    "tone.negative-statement": "A negative statement",
    "tone.negative-word": "A negative word",
}


def rule_name(rule: str) -> str:
    """Plain words for a rule id; an unknown id falls back to its family's words."""
    if rule in RULE_NAMES:
        return RULE_NAMES[rule]
    family = rule.split(".", 1)[0]
    return RULE_NAMES.get(family, "A check")


def general_sentences(company: str) -> list[str]:
    """The general lines a thank-you uses when the debrief has no nugget."""
    return [line.replace("{org}", company) for line in GENERAL_POINTS]


def point_is_specific(body: str, rules: set[str], company: str) -> bool:
    """False when the "specific point" is a slot left unfinished or the general line."""
    if SLOT_RULE in rules:
        return False
    flat = re.sub(r"\s+", " ", body)
    return not any(line in flat for line in general_sentences(company))
