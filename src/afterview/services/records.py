"""Use cases that record facts: opportunities, people, interviews, timelines, contacts…

Each validates its input, writes in one transaction, re-plans the opportunity, and
returns plain data. Nothing is written when validation fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from afterview import validation
from afterview.errors import BadInput, UnknownPerson
from afterview.playbook.facts import (
    Channel,
    ContactKind,
    FitDecision,
    InterviewFormat,
    Opportunity,
    Outcome,
    Person,
    PersonRole,
    Route,
    Source,
    Timeline,
)
from afterview.playbook.pacing import guard_verdict
from afterview.playbook.status import outcome_events
from afterview.playbook.timing import describe_local
from afterview.services.app import App
from afterview.services.planning import early_follow_up, refresh_all, refresh_opportunity

if TYPE_CHECKING:
    from afterview.store.repository import Repository

FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class NewInterviewer:
    name: str
    email: str | None = None


@dataclass(frozen=True)
class LoggedContact:
    id: int
    flag: str | None
    early: str | None = None  # P8: a follow-up before the stated date, and from when it fits


def add_opportunity(
    app: App,
    *,
    company: str,
    role: str,
    route: Route,
    now: datetime,
    recruiter_name: str | None = None,
    recruiter_email: str | None = None,
    recruiter_phone: str | None = None,
    org_tz: str | None = None,
    holiday_country: str | None = None,
) -> int:
    company, role = validation.opportunity(company, role)
    place = {
        "org_tz": organisation_zone(org_tz) if org_tz else None,
        "holiday_country": holiday_region(holiday_country) if holiday_country else None,
    }
    if (recruiter_email or recruiter_phone) and not recruiter_name:
        raise BadInput("Give --recruiter-name with the recruiter's email or phone.")
    if recruiter_name and route is not Route.RECRUITER:
        raise BadInput("A recruiter was given but the route is 'direct'; use --route recruiter.")
    recruiter = (
        validation.person(
            recruiter_name, recruiter_email, recruiter_phone, what="The recruiter's name"
        )
        if recruiter_name
        else None
    )
    with app.transaction(now) as repo:
        opp_id = repo.add_opportunity(company, role, route, now, app.timezone)
        if any(place.values()):
            repo.update_opportunity(opp_id, **place)
        if recruiter is not None:
            repo.add_person(opp_id, role=PersonRole.RECRUITER, source=Source.TYPED, **recruiter)
        refresh_opportunity(app, repo, opp_id, now)
    return opp_id


def set_organisation_place(
    app: App,
    opp_id: int,
    now: datetime,
    *,
    org_tz: str | None = None,
    holiday_country: str | None = None,
) -> None:
    """Where the organisation works and whose public holidays it keeps (P5, P8 land in
    its working hours). `None` leaves a value as it is; "" clears it (the interview's
    zone, the setting's holidays again). Both are checked before anything is written."""
    fields: dict[str, str | None] = {}
    if org_tz is not None:
        fields["org_tz"] = organisation_zone(org_tz)
    if holiday_country is not None:
        fields["holiday_country"] = holiday_region(holiday_country)
    with app.transaction(now) as repo:
        repo.get_opportunity_row(opp_id)
        if fields:
            repo.update_opportunity(opp_id, **fields)
        refresh_opportunity(app, repo, opp_id, now)


def organisation_zone(text: str) -> str | None:
    from afterview.parsing import parse_zone

    return parse_zone(text).key if text.strip() else None


def holiday_region(text: str) -> str | None:
    """ "US", "gb-sct" → "GB-SCT": a country (and region) the `holidays` package knows."""
    from afterview.playbook.settings import SettingsError
    from afterview.playbook.timing import holiday_calendar, split_region

    if not text.strip():
        return None
    country, subdivision = split_region(text)
    if not country.isalpha() or len(country) not in (2, 3):
        raise BadInput(f"Holidays {text!r}: give an ISO country code such as US, GB or GB-SCT.")
    try:
        holiday_calendar(country, subdivision)
    except SettingsError:
        raise BadInput(
            f"Holidays {text!r}: the holidays package knows no such country or region; "
            "give an ISO code such as US, GB or GB-SCT."
        ) from None
    return f"{country}-{subdivision}" if subdivision else country


def add_competitor(app: App, opp_id: int, name: str, now: datetime) -> None:
    name = validation.line(name, "The competitor's name")
    with app.transaction(now) as repo:
        repo.get_opportunity_row(opp_id)
        repo.add_competitor(opp_id, name)
        refresh_opportunity(app, repo, opp_id, now)


def add_person(
    app: App,
    opp_id: int,
    *,
    name: str,
    role: PersonRole,
    now: datetime,
    email: str | None = None,
    phone: str | None = None,
    title: str | None = None,
    source: Source = Source.TYPED,
) -> int:
    checked = validation.person(name, email, phone, title)
    with app.transaction(now) as repo:
        repo.get_opportunity_row(opp_id)
        person_id = repo.add_person(opp_id, role=role, source=source, **checked)
        refresh_opportunity(app, repo, opp_id, now)
    return person_id


def edit_person(app: App, person_id: int, now: datetime, **changes: object) -> None:
    """Change a person's details; only the given fields change."""
    fields = {k: v for k, v in changes.items() if v is not None}
    if not fields:
        raise BadInput("Nothing to change: give at least one of --name, --email, --phone…")
    fields = validation.person_changes(fields)
    with app.transaction(now) as repo:
        opp_id, _ = repo.get_person(person_id)
        repo.update_person(person_id, **fields)
        refresh_opportunity(app, repo, opp_id, now)


def add_interview(
    app: App,
    opp_id: int,
    *,
    start: datetime,
    end: datetime,
    tz: str,
    now: datetime,
    format: InterviewFormat = InterviewFormat.ONSITE,
    location: str | None = None,
    interviewers: tuple[NewInterviewer, ...] = (),
    interviewer_ids: tuple[int, ...] = (),
    recruiter_call_at: datetime | None = None,
) -> int:
    _check_span(start, end)
    location = validation.location(location)
    for new in interviewers:
        validation.person(new.name, new.email)
    if recruiter_call_at is not None and recruiter_call_at < end:
        raise BadInput(
            f"The recruiter call ({recruiter_call_at.isoformat()}) is before the interview ends "
            f"({end.isoformat()}); P1 is the call after it. Check --recruiter-call-at."
        )
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(opp_id)
        if recruiter_call_at is not None and opp.route is not Route.RECRUITER:
            raise BadInput("--recruiter-call-at is for the recruiter route; this one is direct.")
        ids = list(_known_people(opp.people, interviewer_ids, opp_id))
        for new in interviewers:
            ids.append(_find_or_add_interviewer(repo, opp_id, opp.people, new))
        interview_id = repo.add_interview(
            opp_id,
            round=repo.next_round(opp_id),
            start=start,
            end=end,
            tz=tz,
            format=format,
            location=location,
            recruiter_call_at=recruiter_call_at,
            interviewer_ids=list(dict.fromkeys(ids)),
            recorded_at=now,
        )
        refresh_opportunity(app, repo, opp_id, now)
    return interview_id


def move_interview(
    app: App,
    interview_id: int,
    *,
    start: datetime,
    end: datetime,
    now: datetime,
    tz: str | None = None,
) -> None:
    """The interview moved: re-plan, keeping every decision the user made (keys are stable)."""
    _check_span(start, end)
    changes: dict[str, object] = {"start": start, "end": end}
    if tz:
        changes["tz"] = tz
    with app.transaction(now) as repo:
        opp_id = repo.interview_opportunity(interview_id)
        repo.update_interview(interview_id, **changes)
        refresh_opportunity(app, repo, opp_id, now)


def cancel_interview(app: App, interview_id: int, now: datetime) -> None:
    with app.transaction(now) as repo:
        opp_id = repo.interview_opportunity(interview_id)
        repo.update_interview(interview_id, cancelled=True)
        refresh_opportunity(app, repo, opp_id, now)


def set_timeline(
    app: App,
    opp_id: int,
    *,
    now: datetime,
    decision_by: date | None = None,
    follow_up_with: int | None = None,
    follow_up_how: Channel | None = None,
    follow_up_on: date | None = None,
    none_given: bool = False,
) -> None:
    """Record what the candidate was told about the decision (P1, P2, P6); restarts P8.

    `none_given`: they asked and were told there is no timeline yet; P6 asks again
    later rather than counting the question as answered.
    """
    told = any((decision_by, follow_up_with, follow_up_how, follow_up_on))
    if none_given and told:
        raise BadInput("--none-yet says no timeline was given: leave out the dates and contact.")
    if not told and not none_given:
        raise BadInput(
            "Give at least one of --decision-by, --follow-up-with, --follow-up-how, "
            "--follow-up-on, or --none-yet when they gave no timeline yet."
        )
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(opp_id)
        if follow_up_with is not None and opp.person(follow_up_with) is None:
            raise UnknownPerson(follow_up_with, opp_id)
        repo.add_timeline(
            opp_id,
            Timeline(
                recorded_at=now,
                decision_by=decision_by,
                follow_up_with=follow_up_with,
                follow_up_how=follow_up_how,
                follow_up_on=follow_up_on,
                none_given=none_given,
            ),
        )
        refresh_opportunity(app, repo, opp_id, now)


def log_contact(
    app: App,
    opp_id: int,
    *,
    kind: ContactKind,
    channel: Channel,
    at: datetime,
    now: datetime,
    person_id: int | None = None,
    note: str | None = None,
) -> LoggedContact:
    """Log a contact already made. A follow-up inside the weekly guard is kept but flagged (P8)."""
    _not_in_future(at, now, "A contact")
    note = validation.note(note)
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(opp_id)
        if person_id is not None and opp.person(person_id) is None:
            raise UnknownPerson(person_id, opp_id)
        flag = guard_flag(app, opp, kind, at)
        early = early_follow_up(app, repo, opp, at) if kind is ContactKind.FOLLOW_UP else None
        contact_id = repo.add_contact(opp_id, at, kind, channel, person_id, note, flag)
        refresh_opportunity(app, repo, opp_id, now)
    return LoggedContact(contact_id, flag, early)


def guard_flag(app: App, opp: Opportunity, kind: ContactKind, at: datetime) -> str | None:
    """The warning a follow-up made inside the weekly guard is logged with (P8)."""
    if kind is not ContactKind.FOLLOW_UP:
        return None
    tz = opp.zone(app.timezone)
    verdict = guard_verdict(opp.contacts, at, app.settings.follow_up_guard_days, tz)
    if verdict.allowed or verdict.conflicting is None:
        return None
    return (
        f"within {app.settings.follow_up_guard_days} days of the follow-up of "
        f"{describe_local(verdict.conflicting, tz)} (P8: at most one a week)"
    )


def record_reply(
    app: App, opp_id: int, *, at: datetime, now: datetime, note: str | None = None
) -> int:
    """A reply or news pauses follow-ups until a new timeline (P8)."""
    _not_in_future(at, now, "A reply")
    note = validation.note(note)
    with app.transaction(now) as repo:
        repo.get_opportunity_row(opp_id)
        reply_id = repo.add_reply(opp_id, at, note)
        refresh_opportunity(app, repo, opp_id, now)
    return reply_id


def reflect(
    app: App,
    opp_id: int,
    *,
    scores: dict[str, int],
    decision: FitDecision,
    now: datetime,
    concerns: str | None = None,
) -> int:
    """The fit reflection (P7); `withdraw` closes the opportunity and plans the withdrawal."""
    for what, value in scores.items():
        validation.score(value, f"--{what}")
    concerns = validation.note(concerns, "The concerns")
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(opp_id)
        ended = [i for i in opp.live_interviews if i.end <= now]
        interview_id = ended[-1].id if ended else None
        reflection_id = repo.add_reflection(
            opp_id,
            interview_id=interview_id,
            recorded_at=now,
            concerns=concerns,
            decision=decision,
            **scores,
        )
        refresh_opportunity(app, repo, opp_id, now)
    return reflection_id


def record_outcome(app: App, opp_id: int, outcome: Outcome, *, at: datetime, now: datetime) -> None:
    """P12. Accepting an offer ends P8/P9 everywhere and plans courteous withdrawals."""
    _not_in_future(at, now, "An outcome")
    with app.transaction(now) as repo:
        repo.get_opportunity_row(opp_id)
        if outcome is Outcome.ACCEPTED:
            accepted = repo.accepted_offer()
            if accepted is not None and accepted[0] != opp_id:
                raise BadInput(
                    f"You already accepted an offer (opportunity {accepted[0]}); record "
                    "'declined' or 'withdrawn' here instead."
                )
        if outcome in ANSWERS_TO_AN_OFFER:
            _require_standing_offer(repo.load_opportunity(opp_id), outcome, at)
        stood_accepted = repo.accepted_offer()
        repo.add_outcome(opp_id, at, outcome)
        # Accepting, or correcting an accepted offer, changes every other plan (P8, P9, P12).
        if outcome is Outcome.ACCEPTED or (stood_accepted and stood_accepted[0] == opp_id):
            refresh_all(app, repo, now)
        else:
            refresh_opportunity(app, repo, opp_id, now)


ANSWERS_TO_AN_OFFER = (Outcome.ACCEPTED, Outcome.DECLINED)


def _require_standing_offer(opp: Opportunity, outcome: Outcome, at: datetime) -> None:
    """P12: "accepted" (or "declined") answers an offer, so an offer must stand at `at`."""
    before = [e for e in outcome_events(opp) if e.at <= at]
    if before and before[-1].outcome is Outcome.OFFER:
        return
    where = (
        f"its latest outcome is {before[-1].outcome.value}" if before else "no outcome is recorded"
    )
    raise BadInput(
        f"Opportunity {opp.id} has no offer to answer as {outcome.value} ({where}). "
        f"If they made you one, record the offer first."
    )


def _check_span(start: datetime, end: datetime) -> None:
    validation.year_in_range(start, "The start")
    validation.year_in_range(end, "The end")
    if end == start:
        raise BadInput(
            f"The end ({end.isoformat()}) must be after the start ({start.isoformat()}): "
            "an interview cannot start and end at the same moment."
        )
    if end < start:
        raise BadInput(
            f"The end ({end.isoformat()}) must be after the start ({start.isoformat()})."
        )
    if end - start > timedelta(hours=24):
        raise BadInput("An interview longer than 24 hours? Check --start and --end.")


def _not_in_future(at: datetime, now: datetime, what: str) -> None:
    if at > now + FUTURE_TOLERANCE:
        raise BadInput(f"{what} is recorded once it has happened; --at {at.isoformat()} is ahead.")


def _known_people(people: tuple[Person, ...], ids: tuple[int, ...], opp_id: int) -> list[int]:
    known = {p.id for p in people}
    for person_id in ids:
        if person_id not in known:
            raise UnknownPerson(person_id, opp_id)
    return list(ids)


def _find_or_add_interviewer(
    repo: Repository, opp_id: int, people: tuple[Person, ...], new: NewInterviewer
) -> int:
    """Reuse a person with the same email (or, without one, the same name)."""
    for person in people:
        same_email = new.email and person.email and person.email.lower() == new.email.lower()
        same_name = not new.email and person.name.casefold() == new.name.casefold()
        if same_email or same_name:
            return person.id
    return repo.add_person(
        opp_id,
        name=new.name,
        role=PersonRole.INTERVIEWER,
        email=new.email,
        phone=None,
        title=None,
        source=Source.TYPED,
    )


def interview_zone(app: App, interview_id: int, now: datetime) -> str:
    """The zone an interview was recorded in (times typed for it are read there)."""
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(repo.interview_opportunity(interview_id))
    return next(i.tz for i in opp.interviews if i.id == interview_id)
