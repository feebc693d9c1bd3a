"""Where on the web each step gets done, and its advice in the web's words.

The playbook says what to do (its guidance names CLI commands, the CLI being the
first front end); each front end says how. This map sends every step to the form
where its fact is recorded — the debrief (P4), the reflection (P7), a person's
email (P3), the hiring timeline (P1, P6), the outcome (P8, P12), the competitors
(P9), the brief (P10), the lessons (P11) — and rewrites the CLI sentences of its
advice into the web's. Recording the fact completes the step (the playbook's
`satisfied_at`), so for those steps a bare "Done" asks for the fact instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_ID = re.compile(r"(interview|opp|person)=(\d+)")


@dataclass(frozen=True)
class Place:
    label: str  # the button: what the person does there
    url: str
    needs_fact: bool  # recording there completes the step; "Done" alone asks for it
    ask: str = ""  # what a bare "Done" is answered with


def ids(key: str) -> dict[str, int]:
    return {name: int(value) for name, value in _ID.findall(key)}


def anchor(key: str) -> str:
    """A unique, valid HTML id for a step's card (action keys are unique)."""
    return "step-" + re.sub(r"[^A-Za-z0-9]+", "-", key).strip("-").lower()


def place_of(item: dict[str, Any]) -> Place | None:
    key: str = item["key"]
    found = ids(key)
    opp = item.get("opportunity_id") or found.get("opp")
    interview = found.get("interview") or item.get("interview_id")
    person = found.get("person") or item.get("person_id")
    if key.startswith("P4:debrief:") and interview:
        return Place(
            "Write the debrief",
            f"/interviews/{interview}#debrief",
            True,
            "Write the debrief here: saving it completes the step (P4).",
        )
    if key.startswith("P7:reflect:") and interview:
        return Place(
            "Answer the reflection",
            f"/interviews/{interview}#reflection",
            True,
            "Answer the five questions here: recording continue or withdraw completes "
            "the step (P7).",
        )
    if key.startswith("P3:contact-details:") and opp and person:
        return Place(
            "Add the email address",
            f"/opportunities/{opp}#person-{person}",
            True,
            "Type the email address here: saving it completes the step (P3).",
        )
    if key.startswith(("P6:timeline:", "P2:ask-before-leaving:")) and opp:
        needs = key.startswith("P6:")
        return Place(
            "Record the timeline",
            f"/opportunities/{opp}#hiring-timeline",
            needs,
            "Record what they said about the decision here: it completes the step (P6)."
            if needs
            else "",
        )
    if key.startswith("P1:recruiter-call:") and opp:
        return Place(
            "Record the timeline they gave", f"/opportunities/{opp}#hiring-timeline", False
        )
    if key.startswith("P8:close-no-response:") and opp:
        return Place(
            "Close or keep chasing",
            f"/opportunities/{opp}#outcome",
            True,
            "Record “no response” here to close it, or choose “Keep chasing” on Today (P8).",
        )
    if key.startswith("P12:offer-reply:") and opp:
        return Place(
            "Record your answer",
            f"/opportunities/{opp}#outcome",
            True,
            "Record accepted or declined here: it completes the step (P12).",
        )
    if key.startswith("P9:competitors:") and opp:
        return Place("Add competitors", f"/opportunities/{opp}#competitors", False)
    if key.startswith("P10:brief:") and opp:
        return Place("Read the brief", f"/opportunities/{opp}/brief", False)
    if key.startswith("P11:review-lessons:"):
        return Place("Read your lessons", "/lessons", False)
    if key.startswith("P5:thank-you:") and "person=" not in key and opp:
        return Place("Add the interviewers", f"/opportunities/{opp}#people", False)
    return None


# The CLI's sentences, in the web's words (the rest of the advice is the playbook's).
_WEB_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (
            r"Afterwards record the answers with `afterview timeline`\.",
            "Afterwards record the answers under “Hiring timeline” on the opportunity's page.",
        ),
        (
            r"Record it with `afterview person edit [^`]*`\.",
            "Record it with “Add the email address”.",
        ),
        (r"`afterview debrief [^`]*` asks for each\.", "The debrief form asks for each."),
        (r" \(`afterview reflect [^`]*`\)", " on the interview's page"),
        (
            r"Record the outcome with `afterview outcome [^`]*no-response`",
            "Record the outcome “No response” on the opportunity's page",
        ),
        (
            r"Record it with `afterview timeline [^`]*`\.",
            "Record it under “Hiring timeline” on the opportunity's page.",
        ),
        (
            r"Add names with `afterview opp competitor [^`]*`\.",
            "Add names under “Competitors to look at”.",
        ),
        (r"`afterview brief [^`]*` gathers", "The brief gathers"),
        (r"`afterview lessons` shows", "Lessons shows"),
        (
            r"record `afterview outcome [^`]*accepted` or `declined`",
            "record “Accepted” or “Declined” under Outcome",
        ),
        (r" \(`afterview timeline`\)", " (under “Hiring timeline”)"),
        (
            r" Add the interviewers \(`afterview person add`\) to address it\.",
            " Add the interviewers on the opportunity's page to address it.",
        ),
    )
)
_ANY_COMMAND = re.compile(r"\s*\(?`afterview [^`]*`\)?")


def web_guidance(text: str | None) -> str:
    """The playbook's advice with its CLI commands put in the web's words."""
    if not text:
        return ""
    for pattern, words in _WEB_WORDS:
        text = pattern.sub(words, text)
    return _ANY_COMMAND.sub("", text)  # a command added later never reaches a person
