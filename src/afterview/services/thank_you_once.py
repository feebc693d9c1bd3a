"""P5: one thank-you per person met, per interview, unless the candidate asks for another.

A second thank-you to the same interviewer for the same meeting reads as a mistake
(or worse, as a template fired twice). Drafting, marking sent and the outbox all ask
this module first, so no path can thank someone twice without `--again`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from afterview.errors import Refused
from afterview.playbook.facts import ContactKind, Opportunity
from afterview.playbook.timing import describe_local
from afterview.store import outbox_store

if TYPE_CHECKING:
    from sqlalchemy.engine import RowMapping

    from afterview.store.repository import Repository

OUTBOX_WORDS = {"queued": "queued", "sending": "being sent", "uncertain": "maybe sent"}


@dataclass(frozen=True)
class EarlierThanks:
    """A thank-you that already exists for this person and interview."""

    state: str  # sent, queued, being sent, maybe sent, drafted, logged
    at: datetime | None
    message_id: int | None = None

    @property
    def reached_them(self) -> bool:
        """Sent, on its way, or maybe sent: anything but a draft nobody sent."""
        return self.state != "drafted"

    def describe(self, tz: str) -> str:
        when = f" {describe_local(self.at, tz)}" if self.at is not None else ""
        what = f"draft {self.message_id}, " if self.message_id is not None else ""
        verb = {"logged": "logged as sent", "queued": "queued for"}.get(self.state, self.state)
        return f"{what}{verb}{when}"


def earlier_thanks(
    repo: Repository,
    opp: Opportunity,
    interview_id: int,
    person_id: int,
    *,
    exclude_message: int | None = None,
) -> list[EarlierThanks]:
    """Thank-yous to `person_id` for `interview_id`: messages (sent, in the outbox or
    drafted) and thank-you contacts logged by hand after the interview began."""
    found: list[EarlierThanks] = []
    counted_contacts: set[int] = set()
    for row in repo.list_messages(opp_id=opp.id, person_id=person_id):
        if row["kind"] != "thank-you" or row["interview_id"] != interview_id:
            continue
        if row["contact_id"] is not None:
            counted_contacts.add(row["contact_id"])
        if row["id"] == exclude_message:
            continue
        found.append(_message_state(repo, row))
    interview = next((i for i in opp.interviews if i.id == interview_id), None)
    since = interview.start if interview is not None else None
    for contact in opp.contacts_of(ContactKind.THANK_YOU):
        if contact.person_id != person_id or contact.id in counted_contacts:
            continue
        if since is None or contact.at >= since:
            found.append(EarlierThanks("logged", contact.at))
    return found


def refuse_second_thanks(
    repo: Repository,
    opp: Opportunity,
    interview_id: int,
    person_id: int,
    tz: str,
    *,
    exclude_message: int | None = None,
    drafts_count: bool = False,
    since: datetime | None = None,
) -> None:
    """Refused (exit 2 on the CLI) when this person is already thanked for the interview.

    `drafts_count` also counts unsent drafts (when drafting, a second draft is the
    start of a second email). `since` is for a queued message as it leaves: only a
    thank-you logged by hand from then on holds it back, since every other path
    (drafting, marking sent, queueing) already refused a second one unless --again.
    """
    earlier = [
        e
        for e in earlier_thanks(repo, opp, interview_id, person_id, exclude_message=exclude_message)
        if (drafts_count or e.reached_them) and (since is None or _learnt_after(e, since))
    ]
    if not earlier:
        return
    person = opp.person(person_id)
    name = person.name if person is not None else f"person {person_id}"
    listed = "; ".join(e.describe(tz) for e in earlier)
    if all(not e.reached_them for e in earlier):
        raise Refused(
            f"{name} already has a thank-you draft for this interview ({listed}): edit that "
            "one, or ask for another with --again (P5: one thank-you each)."
        )
    raise Refused(
        f"{name} is already thanked for this interview ({listed}). P5 asks for one "
        "thank-you each; use --again if you really mean to send another."
    )


def refuse_second_thank_you(repo: Repository, message_id: int, default_tz: str) -> None:
    """For a thank-you draft about to be queued or marked sent (any other message passes)."""
    row = repo.get_message(message_id)
    if row is None or row["kind"] != "thank-you" or row["sent_at"] is not None:
        return  # unknown and already-sent messages get their own errors
    if row["interview_id"] is None or row["person_id"] is None:
        return
    opp = repo.load_opportunity(row["opportunity_id"])
    interview = next((i for i in opp.interviews if i.id == row["interview_id"]), None)
    tz = interview.tz if interview is not None else opp.zone(default_tz)
    refuse_second_thanks(
        repo, opp, row["interview_id"], row["person_id"], tz, exclude_message=message_id
    )


def _learnt_after(earlier: EarlierThanks, since: datetime) -> bool:
    return earlier.state == "logged" and earlier.at is not None and earlier.at >= since


def _message_state(repo: Repository, row: RowMapping) -> EarlierThanks:
    message_id = row["id"]
    if row["sent_at"] is not None:
        return EarlierThanks("sent", row["sent_at"], message_id)
    entry = outbox_store.for_message(repo.conn, message_id)
    if entry is not None and entry["state"] in OUTBOX_WORDS:
        when = entry["started_at"] or entry["due_at"]
        return EarlierThanks(OUTBOX_WORDS[entry["state"]], when, message_id)
    return EarlierThanks("drafted", row["created_at"], message_id)
