"""Drafts about real jobs at real organisations pass Afterview's own check (P5, P7, P8,
P12: the candidate checks every draft before sending, so a draft the checker flags
for words Afterview itself put there costs them trust and time).

The job titles and organisation names are real ones, as employers spell them, from
public lists (corpus/roles/SOURCES.md, ORGANISATIONS-SOURCES.md): "Head of
Development", "VP, Engineering", "Procter & Gamble", "The Home Depot". Found
using the product: "the Head of Development role" drew "needs 'the': of the
Development role", and the subject "Thank you — Head of Development interview" an
agreement warning, on every thank-you to such a role.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext, KnownPerson
from afterview.writing.drafts import compose
from afterview.writing.drafts_model import KINDS, DraftRequest, Profile, Recipient
from afterview.writing.findings import Severity

ROLES = Path(__file__).parent / "corpus" / "roles"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
CANDIDATE = "Aoife Ní Bhriain"
# Clean notes, so that each thank-you is whole (no slot left to write).
NUGGETS = (
    "the team is moving its reporting to a new platform next spring",
    "They are opening a second office in Leeds this year",
    "the board wants to double individual giving by 2028",
)
RECIPIENTS = ("Siobhán O'Rourke", "Dana Kim", "José Álvarez", "Priya Natarajan", "Tom Lee")


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = (ROLES / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _request(index: int, role: str, organisation: str, kind: str) -> DraftRequest:
    start = datetime(2026, 3, 2, 10, tzinfo=UTC) + timedelta(days=index % 200, hours=index % 7)
    return DraftRequest(
        kind=kind,
        profile=Profile(
            name=CANDIDATE,
            email="aoife@example.org",
            skills=("stakeholder management", "budgeting", "Excel"),
            experience="six years in operations",
            language="en-US" if index % 2 else "en-GB",
        ),
        organisation=organisation,
        role=role,
        recipient=Recipient(RECIPIENTS[index % len(RECIPIENTS)]),
        interview_start=start,
        interview_round=1 + index % 2,
        nugget=NUGGETS[index % len(NUGGETS)],
        decision_date=date(2026, 4, 1) + timedelta(days=index % 90),
        last_contact=start.date() + timedelta(days=3),
        follow_ups_sent=index % 3,
        seed=index,
        written_on=start.date() + timedelta(days=index % 2),
    )


def _unwanted(role: str, organisation: str, kind: str, index: int) -> list[str]:
    """What the checker says about a draft it should pass: (finding, the words)."""
    request = _request(index, role, organisation, kind)
    draft = compose(request)
    assert request.recipient is not None
    recipient = request.recipient.name
    text = f"Subject: {draft.subject}\nTo: {recipient} <someone@example.org>\n\n{draft.body}"
    known = {organisation, role, CANDIDATE, recipient}
    known |= {w for name in (organisation, role, CANDIDATE, recipient) for w in WORD.findall(name)}
    ctx = CheckContext(
        language=request.profile.language,
        kind=kind,
        people=(KnownPerson(recipient),),
        organisation=organisation,
        role=role,
        known_words=frozenset(known),
    )
    report = check_text(text, ctx)
    return [
        f"{kind} / {role} / {organisation}: {f.rule} {text[f.offset : f.offset + f.length]!r}"
        for f in report.findings
        if f.severity is not Severity.INFO
    ]


def test_the_corpus_is_there_and_varied() -> None:
    titles, organisations = _lines("titles.txt"), _lines("organisations.txt")
    assert len(titles) >= 300 and len(set(titles)) == len(titles)
    assert len(organisations) >= 200 and len(set(organisations)) == len(organisations)
    assert sum(" of " in t for t in titles) >= 20  # "Head of …", "Director of …"
    assert any("&" in o for o in organisations) and any(o.startswith("The ") for o in organisations)


@pytest.mark.parametrize("kind", KINDS)
def test_drafts_for_real_titles_and_organisations_pass_the_check(kind: str) -> None:
    titles, organisations = _lines("titles.txt"), _lines("organisations.txt")
    offset = KINDS.index(kind)
    found: list[str] = []
    # each title in two kinds (a third of them per kind), each time with another
    # organisation and recipient: every organisation is met too
    for index, role in enumerate(titles):
        if index % 3 != offset % 3:
            continue
        organisation = organisations[(index * 7 + offset) % len(organisations)]
        found.extend(_unwanted(role, organisation, kind, index + offset))
    assert found == [], f"{len(found)} findings, e.g.:\n" + "\n".join(found[:25])
