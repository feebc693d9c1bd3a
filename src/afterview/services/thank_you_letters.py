"""A panel's thank-you letters (P5): who gets which nugget, who was met before,
what to call them, and whether the day word still holds when the email leaves.

Pure helpers over loaded facts, called by `services.drafts`:

- nuggets go to the interviewer who said them first (the debrief's `said_by`, or
  "Priya said …" in the note itself), then unattributed ones, each nugget to one
  letter; someone's own words are never reported back to them in the third person
  (`writing.drafts.reading` refuses a point that names its reader);
- more interviewers than nuggets: the extra letters get a general point, and the
  draft's notes say so;
- "again" only to someone met in an earlier round;
- never "Dear homer@example.com," nor "Dear Shah,": a display name is taken from
  an address, else the draft is refused with the command that fixes the record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from typing import Any
from zoneinfo import ZoneInfo

from afterview.errors import BadInput
from afterview.playbook.facts import Debrief, Interview, Opportunity, Person
from afterview.writing.drafts.reading import fold, name_words, read, speaker_of
from afterview.writing.drafts.wording import stale_day_word


@dataclass(frozen=True)
class Letter:
    """One recipient's nugget (None: a general point) and the notes for the draft."""

    person: Person
    nugget: str | None
    notes: tuple[str, ...] = ()


def attributed(debrief: Debrief | None, people: Sequence[Person]) -> list[tuple[str, int | None]]:
    """Each nugget with who said it: as recorded, else as the note itself says."""
    if debrief is None:
        return []
    result = []
    for index, text in enumerate(debrief.nuggets):
        who = debrief.said_by(index)
        if who is None:
            who = _named(speaker_of(text), people)
        result.append((text, who))
    return result


def _named(speaker: str | None, people: Sequence[Person]) -> int | None:
    if not speaker:
        return None
    words = name_words(speaker)
    found = [p.id for p in people if words and words <= name_words(p.name)]
    if not found:
        found = [p.id for p in people if words & name_words(p.name)]
    return found[0] if len(found) == 1 else None


def assign(
    nuggets: Sequence[tuple[str, int | None]],
    recipients: Sequence[Person],
    used: dict[int, set[str]],
    interview_id: int,
) -> list[Letter]:
    """One nugget per letter, each nugget once: the recipient's own first, then
    unattributed ones, then the rest; a nugget that would need a slot comes after
    one that reads cleanly. `used`: nuggets already in drafts to each person."""
    free = list(range(len(nuggets)))
    chosen: dict[int, int] = {}
    for pass_ in (0, 1, 2):
        for person in recipients:
            if person.id in chosen or not free:
                continue
            picks = [i for i in free if _rank(nuggets[i][1], person.id)[0] == pass_]
            if picks:
                best = min(picks, key=lambda i: _order(nuggets[i], person, used))
                chosen[person.id] = best
                free.remove(best)
    letters = []
    short = len(recipients) > len(nuggets) > 0
    for person in recipients:
        index = chosen.get(person.id)
        notes: list[str] = []
        if index is None and short:
            notes.append(
                f"This interview had {len(recipients)} interviewers and the debrief "
                f"{len(nuggets)} nugget{'s' if len(nuggets) != 1 else ''}: the letter to "
                f"{person.name} has a general point. Add a nugget they said "
                f"(`afterview debrief {interview_id}`) or write one in."
            )
        letters.append(Letter(person, None if index is None else nuggets[index][0], tuple(notes)))
    return letters


def _rank(said_by: int | None, person_id: int) -> tuple[int]:
    return (0 if said_by == person_id else 1 if said_by is None else 2,)


def _order(
    nugget: tuple[str, int | None], person: Person, used: dict[int, set[str]]
) -> tuple[int, int]:
    reading = read(nugget[0], recipient=person.name)
    clean = reading is not None and reading.point is not None
    return (1 if nugget[0] in used.get(person.id, set()) else 0, 0 if clean else 1)


def slot_note(nugget: str | None, recipient: str) -> str | None:
    """The draft's note when its nugget is kept as a slot, else None."""
    reading = read(nugget, recipient=recipient)
    if reading is None or reading.point is not None:
        return None
    why = "it is your own talking point" if reading.own else "it is a note, not a sentence yet"
    return (
        f"The nugget “{reading.topic}” is kept as a slot ({why}): write that sentence "
        "yourself with `afterview draft edit`; the draft is not sent until you do."
    )


def met_before(opp: Opportunity, interview: Interview, person: Person) -> bool:
    """Whether the person was an interviewer of an earlier round: only then "again"."""
    return any(
        person.id in other.interviewer_ids
        for other in opp.interviews
        if other.id != interview.id and not other.cancelled and other.start < interview.start
    )


SURNAME_FRAGMENT = re.compile(r"^[^,]+,\s*(?:[^\W\d_]\.?)?\s*$")


def greeting_name(person: Person) -> str:
    """The name to greet: never an email address or a bare "Surname," fragment (P5)."""
    name = person.name.strip()
    fix = f'`afterview person edit {person.id} --name "Given Surname"`'
    if "@" in name:
        display, _address = parseaddr(name)
        display = display.strip().strip("\"'")
        if display and "@" not in display:
            return display
        raise BadInput(
            f"Person {person.id}'s name is an email address ({name}): a thank-you cannot "
            f"greet it. Give their name first: {fix}."
        )
    if SURNAME_FRAGMENT.match(name) or not any(len(w) > 1 for w in name_words(name)):
        raise BadInput(
            f"Person {person.id}'s name {name!r} has no given name to greet. "
            f"Give their full name first: {fix}."
        )
    return name


def same_organisation(company: str, other: str) -> bool:
    return fold(company.strip()) == fold(other.strip())


def lands(
    actions: Callable[[str], Any], interview_id: int, person_id: int | None, now: datetime
) -> datetime:
    """When a thank-you should land: the start of P5's window (the interviewers' working
    morning) if still ahead, else now. The outbox sends it then by default, and a draft
    due to land on a later day says so in its notes. `actions` reads a plan row by key."""
    base = f"P5:thank-you:interview={interview_id}"
    keys = ([f"{base}:person={person_id}"] if person_id is not None else []) + [base]
    for key in keys:
        action = actions(key)
        if action is not None:
            land = action["send_at_utc"] or action["due_utc"]
            return max(datetime.fromisoformat(str(land).replace("Z", "+00:00")), now)
    return now


def day_word_warning(
    body: str, interview: Interview, sent_at: datetime, language: str
) -> str | None:
    """One line when the thanks' day word is no longer true at `sent_at` (P5)."""
    zone = ZoneInfo(interview.tz)
    start = interview.start.astimezone(zone)
    stale = stale_day_word(body, start, sent_at.astimezone(zone).date(), language)
    if stale is None:
        return None
    said, should = stale
    return (
        f"The thank-you says “{said}” but leaves {sent_at.astimezone(zone):%a %d %b %H:%M}, "
        f"when the interview was “{should}”."
    )
