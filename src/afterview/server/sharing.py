"""Sharing between a candidate and their consultant: the server's use cases.

A candidate invites a consultant of their agency by address; the consultant accepts.
Per opportunity, the candidate chooses which parts are shared (`projection.PARTS`).
The server publishes a projection of exactly those facts into the shared schema
whenever the candidate's facts change (`publish`), so a consultant's request never
opens a candidate's schema; row-level security (migration s0002) shows a consultant
only the candidates whose link with them is live.

What a consultant records (a call received, a chase of the client, client feedback)
goes into the candidate's own store as the fact it is, so the candidate's plan
reacts exactly as if they had recorded it (P1 done, P8 paced, P8 paused), and into
`client_notes` for the consultant's day view. Every read of a candidate's details and
every change is audit-logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, and_, delete, func, insert, select, update
from sqlalchemy import cast as sa_cast
from sqlalchemy.dialects.postgresql import ARRAY, array
from sqlalchemy.dialects.postgresql import insert as pg_insert

from afterview import validation
from afterview.errors import BadInput, NotFound
from afterview.playbook.consultant import ClientNote, ConsultantDay, Opening, consultant_day
from afterview.playbook.facts import Channel, ContactKind, PlanContext
from afterview.playbook.plan import plan_opportunity
from afterview.playbook.settings import Settings
from afterview.playbook.timing import calendar_for
from afterview.server import projection
from afterview.server import tables as t
from afterview.server.accounts import User, _audit

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from afterview.server.store import ServerStore
    from afterview.services.app import App

log = logging.getLogger(__name__)

AppFor = Callable[[User], "App"]
# The same note twice within this span is a double submission, not two events.
REPEAT_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class Link:
    id: int
    candidate: str
    consultant: str
    consultant_email: str
    state: str  # pending | live
    invited_at: datetime


@dataclass(frozen=True)
class SharedView:
    """One shared opportunity on the consultant's screen."""

    opening: Opening
    facts: dict[str, Any]
    notes: list[ClientNote]


# --- the candidate's side ---------------------------------------------------------------


def invite(store: ServerStore, candidate: User, email: str, now: datetime) -> Link:
    """Invite a consultant of the candidate's own agency (they accept on their page)."""
    _require(candidate, "candidate")
    address = validation.email(email, "The consultant's email address").lower()
    u = t.users.c
    with store.agency(candidate.agency_id, candidate.id) as conn:
        found = conn.execute(
            select(u.id, u.name, u.email).where(
                u.email == address, u.role == "consultant", u.disabled_at.is_(None)
            )
        ).first()
        if found is None:
            raise BadInput(
                f"No consultant at your agency has the address {address}. Check it with "
                "your consultant, or ask the agency to add them."
            )
        live = conn.execute(
            select(t.consultant_links.c.id).where(
                t.consultant_links.c.candidate_id == candidate.id,
                t.consultant_links.c.consultant_id == found.id,
                t.consultant_links.c.ended_at.is_(None),
            )
        ).first()
        if live is not None:
            raise BadInput(f"You have already invited {found.name}.")
        link_id = conn.execute(
            insert(t.consultant_links)
            .values(
                agency_id=candidate.agency_id,
                candidate_id=candidate.id,
                consultant_id=found.id,
                invited_at=now,
            )
            .returning(t.consultant_links.c.id)
        ).scalar_one()
        _audit(
            conn,
            candidate.agency_id,
            candidate.id,
            "share.invite",
            address,
            now,
            candidate_id=candidate.id,
        )
    return Link(int(link_id), candidate.name, found.name, found.email, "pending", now)


def links(store: ServerStore, user: User) -> list[Link]:
    """The candidate's links (or a consultant's), live and pending, oldest first."""
    with store.agency(user.agency_id, user.id) as conn:
        return _links(conn)


def _links(conn: Connection) -> list[Link]:
    lk = t.consultant_links.c
    cand = t.users.alias("cand")
    cons = t.users.alias("cons")
    rows = conn.execute(
        select(lk.id, lk.invited_at, lk.accepted_at, cand.c.name, cons.c.name, cons.c.email)
        .join(cand, cand.c.id == lk.candidate_id)
        .join(cons, cons.c.id == lk.consultant_id)
        .where(lk.ended_at.is_(None))
        .order_by(lk.invited_at, lk.id)
    ).all()
    return [Link(int(r[0]), r[3], r[4], r[5], "live" if r[2] else "pending", r[1]) for r in rows]


def end_link(store: ServerStore, user: User, link_id: int, now: datetime) -> None:
    """Stop sharing (the candidate) or decline / leave (the consultant)."""
    _change_link(store, user, link_id, "share.end", now, ended_at=now)


def accept(store: ServerStore, consultant: User, link_id: int, now: datetime) -> None:
    _require(consultant, "consultant")
    lk = t.consultant_links.c
    _change_link(
        store,
        consultant,
        link_id,
        "share.accept",
        now,
        lk.consultant_id == consultant.id,
        lk.accepted_at.is_(None),
        accepted_at=now,
    )


def _change_link(
    store: ServerStore,
    user: User,
    link_id: int,
    action: str,
    now: datetime,
    *conditions: Any,
    **values: Any,
) -> None:
    """One live link the user may see (row-level security), changed and audit-logged."""
    lk = t.consultant_links.c
    with store.agency(user.agency_id, user.id) as conn:
        row = conn.execute(
            select(lk.candidate_id).where(lk.id == link_id, lk.ended_at.is_(None), *conditions)
        ).first()
        if row is None:
            raise NotFound("There is no such invitation.")
        conn.execute(update(t.consultant_links).where(lk.id == link_id).values(**values))
        _audit(
            conn,
            user.agency_id,
            user.id,
            action,
            str(link_id),
            now,
            candidate_id=int(row.candidate_id),
        )


def parts_by_opportunity(store: ServerStore, candidate: User) -> dict[int, tuple[str, ...]]:
    s = t.shares.c
    with store.agency(candidate.agency_id, candidate.id) as conn:
        rows = conn.execute(
            select(s.opportunity_id, s.parts).where(s.candidate_id == candidate.id)
        ).all()
    return {int(r[0]): tuple(r[1]) for r in rows}


def set_parts(
    store: ServerStore,
    candidate: User,
    app: App,
    opp_id: int,
    parts: Sequence[str],
    now: datetime,
) -> tuple[str, ...]:
    """What this opportunity shares from now on; none stops sharing it. Publishes at once."""
    _require(candidate, "candidate")
    try:
        chosen = projection.checked_parts(parts)
    except ValueError as exc:
        raise BadInput(f"Unknown part to share: {exc}.") from None
    from afterview.services import queries

    queries.show_opportunity(app, opp_id, now)  # NotFound for another candidate's id
    s = t.shares.c
    with store.agency(candidate.agency_id, candidate.id) as conn:
        if chosen:
            statement = pg_insert(t.shares).values(
                agency_id=candidate.agency_id,
                candidate_id=candidate.id,
                opportunity_id=opp_id,
                parts=list(chosen),
                updated_at=now,
            )
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[s.candidate_id, s.opportunity_id],
                    set_={"parts": list(chosen), "updated_at": now},
                )
            )
        else:
            conn.execute(
                delete(t.shares).where(s.candidate_id == candidate.id, s.opportunity_id == opp_id)
            )
        _audit(
            conn,
            candidate.agency_id,
            candidate.id,
            "share.parts",
            f"opportunity {opp_id}: {', '.join(chosen) or 'nothing'}",
            now,
            candidate_id=candidate.id,
        )
    publish(store, candidate, app, now)
    return chosen


def publish(store: ServerStore, candidate: User, app: App, now: datetime) -> int:
    """Refresh the projection of every opportunity the candidate shares; returns how
    many. Runs after each of the candidate's changes (and a consultant's on their
    behalf); an opportunity deleted since is unshared."""
    s = t.shares.c
    with store.agency(candidate.agency_id, candidate.id) as conn:
        chosen = {
            int(r[0]): tuple(r[1])
            for r in conn.execute(
                select(s.opportunity_id, s.parts).where(s.candidate_id == candidate.id)
            ).all()
        }
    if not chosen:
        return 0
    published: dict[int, dict[str, Any] | None] = {}
    with app.transaction(now) as repo:
        known = {int(r["id"]) for r in repo.list_opportunities()}
        context = PlanContext(default_tz=app.timezone)
        for opp_id, parts in chosen.items():
            if opp_id not in known:
                published[opp_id] = None
                continue
            opp = repo.load_opportunity(opp_id)
            plan = plan_opportunity(opp, app.settings, context, app.calendar)
            drafts: list[Any] = repo.list_messages(opp_id) if "drafts" in parts else []
            published[opp_id] = projection.project(
                opp, parts, plan=plan, drafts=drafts, published_at=now, tz=app.timezone
            )
    with store.agency(candidate.agency_id, candidate.id) as conn:
        for opp_id, facts in published.items():
            where = and_(s.candidate_id == candidate.id, s.opportunity_id == opp_id)
            if facts is None:
                conn.execute(delete(t.shares).where(where))
            else:
                conn.execute(update(t.shares).where(where).values(facts=facts, published_at=now))
    return sum(1 for f in published.values() if f is not None)


def publish_quietly(store: ServerStore, candidate: User, app: App, now: datetime) -> None:
    """`publish` after a request already answered: a failure is logged, never raised
    (the candidate's change stands; the next change publishes again)."""
    try:
        publish(store, candidate, app, now)
    except Exception:
        log.exception("publishing candidate %s's shared opportunities failed", candidate.id)


# --- the consultant's side --------------------------------------------------------------


def day(
    store: ServerStore,
    consultant: User,
    now: datetime,
    settings: Settings | None = None,
    *,
    audit: bool = True,
) -> tuple[ConsultantDay, list[Link]]:
    """The consultant's day across every candidate sharing with them, and the
    invitations waiting for an answer: one transaction (three queries, the audit line)."""
    _require(consultant, "consultant")
    settings = settings or Settings()
    with store.agency(consultant.agency_id, consultant.id) as conn:
        openings = [view.opening for view in _shared(conn, now, linked_to=consultant.id)]
        notes = _notes(conn, None, None, linked_to=consultant.id)
        if openings and audit:  # what they saw: one line per look, naming how many candidates
            seen = len({o.candidate_id for o in openings})
            _audit(
                conn,
                consultant.agency_id,
                consultant.id,
                "share.day",
                f"{seen} candidate{'s' if seen != 1 else ''}, {len(openings)} opportunities",
                now,
            )
        pending = [link for link in _links(conn) if link.state == "pending"]
    found = consultant_day(
        openings,
        notes,
        now=now,
        tz=consultant.timezone,
        settings=settings,
        calendar=calendar_for(settings),
    )
    return found, pending


def candidate_openings(
    store: ServerStore, consultant: User, candidate_id: int, now: datetime
) -> list[Opening]:
    """Everything one candidate shares with this consultant; the look is audit-logged."""
    _require(consultant, "consultant")
    with store.agency(consultant.agency_id, consultant.id) as conn:
        found = [view.opening for view in _shared(conn, now, candidate_id, linked_to=consultant.id)]
        if not found:
            raise NotFound("There is no such candidate sharing with you.")
        _audit(
            conn,
            consultant.agency_id,
            consultant.id,
            "share.candidate",
            f"{len(found)} opportunities",
            now,
            candidate_id=candidate_id,
        )
    return found


def shared_opportunity(
    store: ServerStore, consultant: User, candidate_id: int, opp_id: int, now: datetime
) -> SharedView:
    """One shared opportunity in full (as far as shared); the read is audit-logged."""
    _require(consultant, "consultant")
    with store.agency(consultant.agency_id, consultant.id) as conn:
        found = _shared(conn, now, candidate_id, opp_id)
        if not found:
            raise NotFound("There is no such shared opportunity.")
        view = found[0]
        view.notes.extend(_notes(conn, candidate_id, opp_id))
        _audit(
            conn,
            consultant.agency_id,
            consultant.id,
            "share.view",
            f"opportunity {opp_id}",
            now,
            candidate_id=candidate_id,
        )
    return view


def record_call(
    store: ServerStore,
    consultant: User,
    app_for: AppFor,
    candidate_id: int,
    opp_id: int,
    *,
    at: datetime,
    now: datetime,
) -> None:
    """The candidate called (P1): their plan marks the call done."""
    from afterview.services import records

    def write(app: App) -> None:
        records.log_contact(
            app,
            opp_id,
            kind=ContactKind.RECRUITER_CALL,
            channel=Channel.PHONE,
            at=at,
            now=now,
            note=f"Call received by {consultant.name} (recorded at the agency)",
        )

    _on_behalf(store, consultant, app_for, candidate_id, opp_id, "call", write, now, at=at)


def record_chase(
    store: ServerStore,
    consultant: User,
    app_for: AppFor,
    candidate_id: int,
    opp_id: int,
    *,
    at: datetime,
    channel: Channel,
    note: str | None,
    now: datetime,
    asking_timeline: bool = False,
) -> str | None:
    """The consultant chased the client (P8 through the recruiter). It is a follow-up
    of the opportunity, so it paces the candidate's own follow-ups too; one inside the
    weekly guard is recorded but flagged, as P8 says of any follow-up made anyway.
    Asking for a missing timeline (P6) is a request, which the guard does not count."""
    from afterview.services import records

    note = validation.note(note)
    flag: list[str | None] = [None]
    kind = ContactKind.REQUEST if asking_timeline else ContactKind.FOLLOW_UP
    said = "asked the client for their timeline" if asking_timeline else "chased the client"

    def write(app: App) -> None:
        logged = records.log_contact(
            app,
            opp_id,
            kind=kind,
            channel=channel,
            at=at,
            now=now,
            note=f"{consultant.name} {said}" + (f": {note}" if note else ""),
        )
        flag[0] = logged.flag

    _on_behalf(
        store,
        consultant,
        app_for,
        candidate_id,
        opp_id,
        "ask" if asking_timeline else "chase",
        write,
        now,
        at=at,
        note=note,
        flag_of=lambda: flag[0],
    )
    return flag[0]


def record_feedback(
    store: ServerStore,
    consultant: User,
    app_for: AppFor,
    candidate_id: int,
    opp_id: int,
    *,
    note: str,
    decision_by: date | None,
    now: datetime,
) -> None:
    """Client feedback, recorded once: a reply on the candidate's timeline (it pauses
    their chasing, P8) and, with a new decision date, a new hiring timeline (P6)."""
    from afterview.services import records

    text = validation.note(note, "The feedback")
    if not text:
        raise BadInput("Write the client's feedback first.")

    def write(app: App) -> None:
        records.record_reply(
            app, opp_id, at=now, now=now, note=f"Client feedback via {consultant.name}: {text}"
        )
        if decision_by is not None:
            records.set_timeline(app, opp_id, now=now, decision_by=decision_by)

    _on_behalf(
        store,
        consultant,
        app_for,
        candidate_id,
        opp_id,
        "feedback",
        write,
        now,
        at=now,
        note=text,
        decision_by=decision_by,
    )


# --- helpers ------------------------------------------------------------------------------


def _on_behalf(
    store: ServerStore,
    consultant: User,
    app_for: AppFor,
    candidate_id: int,
    opp_id: int,
    kind: str,
    write: Callable[[App], None],
    now: datetime,
    *,
    at: datetime,
    note: str | None = None,
    decision_by: date | None = None,
    flag_of: Callable[[], str | None] = lambda: None,
) -> None:
    """Check the opportunity is shared with this consultant, refuse a double submission,
    write into the candidate's store, keep the consultant's note, publish again."""
    _require(consultant, "consultant")
    c = t.client_notes.c
    with store.agency(consultant.agency_id, consultant.id) as conn:
        if not _shared(conn, now, candidate_id, opp_id):
            raise NotFound("There is no such shared opportunity.")
        repeat = conn.execute(
            select(func.count()).where(
                c.candidate_id == candidate_id,
                c.opportunity_id == opp_id,
                c.kind == kind,
                c.consultant_id == consultant.id,
                c.at > now - REPEAT_WINDOW,
                c.note.is_not_distinct_from(note),
            )
        ).scalar_one()
        candidate = _candidate(conn, candidate_id)
    if repeat:
        raise BadInput("You recorded this a moment ago; it is on the timeline already.")
    app = app_for(candidate)
    write(app)
    with store.agency(consultant.agency_id, consultant.id) as conn:
        conn.execute(
            insert(t.client_notes).values(
                agency_id=consultant.agency_id,
                candidate_id=candidate_id,
                opportunity_id=opp_id,
                consultant_id=consultant.id,
                kind=kind,
                at=at,
                note=note,
                decision_by=decision_by,
                flag=flag_of(),
            )
        )
        _audit(
            conn,
            consultant.agency_id,
            consultant.id,
            f"share.{kind}",
            f"opportunity {opp_id}",
            now,
            candidate_id=candidate_id,
        )
    publish(store, candidate, app, now)


def _shared(
    conn: Connection,
    now: datetime,
    candidate_id: int | None = None,
    opp_id: int | None = None,
    *,
    linked_to: int | None = None,
) -> list[SharedView]:
    """Published shares this transaction's user may read (row-level security decides).

    `linked_to` (the consultant) names the rows row-level security would show anyway,
    through the consultant's live links, so PostgreSQL starts from those links and
    reads only their candidates' shares; without it, the policy's filter alone would
    visit every share of the agency (docs/server-mode.md, capacity)."""
    s = t.shares.c
    u = t.users.c
    # Lists read only what `projection.read` does: the parts shown on one opportunity's
    # page stay in the database (a quarter of the bytes; docs/benchmarks.md).
    column = s.facts if opp_id is not None else s.facts.op("-")(_PAGE_ONLY).label("facts")
    query = (
        select(s.candidate_id, s.opportunity_id, column, u.name)
        .join(t.users, u.id == s.candidate_id)
        .where(s.facts.is_not(None))
        .order_by(u.name, s.candidate_id, s.opportunity_id)
    )
    if linked_to is not None:
        query = query.join(t.consultant_links, _live_link(s.candidate_id, linked_to))
    if candidate_id is not None:
        query = query.where(s.candidate_id == candidate_id)
    if opp_id is not None:
        query = query.where(s.opportunity_id == opp_id)
    views = []
    for row in conn.execute(query).all():
        facts = dict(row.facts)
        opening = projection.read(
            int(row.candidate_id), row.name, int(row.opportunity_id), facts, now
        )
        views.append(SharedView(opening, facts, []))
    return views


_PAGE_ONLY = sa_cast(array(["debriefs", "calls", "drafts", "reflection"]), ARRAY(Text))


def _notes(
    conn: Connection,
    candidate_id: int | None,
    opp_id: int | None,
    *,
    linked_to: int | None = None,
) -> list[ClientNote]:
    c = t.client_notes.c
    u = t.users.c
    query = (
        select(c.candidate_id, c.opportunity_id, c.kind, c.at, c.note, c.decision_by, u.name)
        .outerjoin(t.users, u.id == c.consultant_id)
        .order_by(c.at, c.id)
    )
    if linked_to is not None:
        query = query.join(t.consultant_links, _live_link(c.candidate_id, linked_to))
    if candidate_id is not None:
        query = query.where(c.candidate_id == candidate_id, c.opportunity_id == opp_id)
    return [
        ClientNote(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], r[6])
        for r in conn.execute(query).all()
    ]


def _live_link(candidate_id: Any, consultant_id: int) -> Any:
    """The join to the consultant's live link with the row's candidate (at most one:
    uq_consultant_links_live), the same rule as the row-level security policy."""
    lk = t.consultant_links.c
    return and_(
        lk.candidate_id == candidate_id,
        lk.consultant_id == consultant_id,
        lk.accepted_at.is_not(None),
        lk.ended_at.is_(None),
    )


def _candidate(conn: Connection, candidate_id: int) -> User:
    u = t.users.c
    row = conn.execute(
        select(u.id, u.agency_id, u.role, u.name, u.email, u.timezone).where(
            u.id == candidate_id, u.role == "candidate"
        )
    ).one()
    return User(int(row.id), int(row.agency_id), row.role, row.name, row.email, row.timezone)


def _require(user: User, role: str) -> None:
    if user.role != role:
        raise NotFound("There is no such page.")
