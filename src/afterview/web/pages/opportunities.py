"""Opportunities: the board by status (P12), adding one, and the opportunity's own page.

The opportunity page gathers what the playbook reads — people and their addresses
(P3), interviews, the hiring timeline (P6), the contacts log with P8's flags,
replies, messages, the plan, outcomes (P12), competitors (P9) — and a visual
timeline showing when the next follow-up is allowed (P8).

Every form posts here and redirects back with a notice; a mistake re-renders the
page with the message beside the form and what was typed kept (status 400).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from afterview.errors import AfterviewError, BadInput, UnknownOpportunity, UnknownPerson
from afterview.parsing import (
    parse_date,
    parse_datetime,
    parse_email,
    parse_name_and_email,
    parse_zone,
    require_text,
)
from afterview.playbook.facts import (
    CLOSED_STATUSES,
    Channel,
    ContactKind,
    InterviewFormat,
    Opportunity,
    Outcome,
    PersonRole,
    Route,
    Source,
)
from afterview.playbook.pacing import guard_verdict
from afterview.playbook.timing import local
from afterview.services import drafts, queries, records
from afterview.services.app import App
from afterview.web.pages import notices
from afterview.web.pages.common import back, now, service, shown
from afterview.web.templating import render
from afterview.web.timeline_svg import timeline_svg

router = APIRouter()
E = TypeVar("E", bound=StrEnum)

MAX_ID = 2_147_483_647  # the store's integer ids; larger ones cannot exist
MAX_QUERY = 200
MAX_INTERVIEWERS = 20
MAX_NOTE = 2000
SEARCH_PEOPLE_LIMIT = 500  # beyond this many opportunities, names are not searched one by one

# The board's columns, in the order an opportunity moves through them (P12).
OPEN_COLUMNS = (
    ("new", "No interview yet", "Add the interview: the plan starts from it."),
    ("interview-scheduled", "Interview scheduled", "Prepare; ask before you leave (P2)."),
    ("interviewed", "Interviewed", "Debrief (P4), thank them (P5), get the timeline (P6)."),
    ("awaiting-decision", "Awaiting decision", "Follow up at a polite pace (P8)."),
    ("next-round", "Next round", "Read your brief (P10)."),
    ("offer", "Offer", "Decide, and reply (P12)."),
)
CLOSED_COLUMNS = (
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("rejected", "Rejected"),
    ("withdrawn", "Withdrawn"),
    ("no-response", "No response"),
)
STATUS_LABEL = {key: label for key, label, *_ in (*OPEN_COLUMNS, *CLOSED_COLUMNS)}
CLOSED = frozenset(s.value for s in CLOSED_STATUSES)

ROLE_LABEL = {
    PersonRole.INTERVIEWER: "Interviewer",
    PersonRole.HIRING_MANAGER: "Hiring manager",
    PersonRole.RECRUITER: "Recruiter",
    PersonRole.RECEPTIONIST: "Receptionist",
    PersonRole.OTHER: "Other",
}
SOURCE_LABEL = {
    Source.BUSINESS_CARD: "Business card",
    Source.RECEPTIONIST: "Receptionist",
    Source.RECRUITER: "Recruiter",
    Source.INVITE: "Calendar invite",
    Source.TYPED: "Typed in",
}
FORMAT_LABEL = {
    InterviewFormat.ONSITE: "On-site",
    InterviewFormat.VIDEO: "Video",
    InterviewFormat.PHONE: "Phone",
}
KIND_LABEL = {
    ContactKind.THANK_YOU: "Thank-you (P5)",
    ContactKind.FOLLOW_UP: "Follow-up (P8)",
    ContactKind.RECRUITER_CALL: "Recruiter call (P1)",
    ContactKind.REQUEST: "Request for timeline or details (P2, P3, P6)",
    ContactKind.WITHDRAWAL: "Withdrawal (P7)",
    ContactKind.OFFER_REPLY: "Offer reply (P12)",
    ContactKind.OTHER: "Other",
}
CHANNEL_LABEL = {Channel.EMAIL: "Email", Channel.PHONE: "Phone", Channel.MESSAGE: "Message"}
OUTCOME_LABEL = {
    Outcome.NEXT_ROUND: "Next round",
    Outcome.OFFER: "Offer",
    Outcome.REJECTED: "Rejected",
    Outcome.WITHDRAWN: "Withdrawn",
    Outcome.NO_RESPONSE: "No response",
    Outcome.ACCEPTED: "Accepted the offer",
    Outcome.DECLINED: "Declined the offer",
}
DRAFT_LABEL = {
    "thank-you": "Thank-you",
    "follow-up": "Follow-up",
    "withdrawal": "Withdrawal",
    "recruiter-call": "Call script",
    "accept": "Accept the offer",
    "decline": "Decline the offer",
}


class FieldError(BadInput):
    """A mistake in one field of a form: the page marks that field."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@contextmanager
def on_field(name: str) -> Iterator[None]:
    """Attribute any error raised inside to the form field `name`."""
    try:
        yield
    except FieldError:
        raise
    except AfterviewError as exc:
        raise FieldError(exc.message, name) from None


# --- the board ----------------------------------------------------------------------


@router.get("/opportunities", response_class=HTMLResponse, summary="Opportunities by status")
def board(request: Request, q: str = "") -> Response:
    """The board: one column per open status (P12), closed ones folded; `q` searches
    company, role and the people's names."""
    app = service(request)
    moment = now()
    rows = queries.list_opportunities(app, moment)
    query = " ".join(q.split())[:MAX_QUERY]
    found = _search(app, rows, query, moment) if query else rows
    found = [
        {**row, "next_step": step}
        for row, step in zip(found, _next_steps(app, found, moment), strict=True)
    ]
    columns = [
        {"status": key, "label": label, "help": help_text, "rows": _in(found, key)}
        for key, label, help_text in OPEN_COLUMNS
    ]
    closed = [
        {"status": key, "label": label, "rows": _in(found, key)} for key, label in CLOSED_COLUMNS
    ]
    page = render(
        request,
        "opportunities.html",
        {
            "columns": columns,
            "closed": closed,
            "closed_count": sum(len(c["rows"]) for c in closed),
            "q": query,
            "total": len(rows),
            "found": len(found),
            "notice": notices.take(request),
        },
    )
    return shown(request, page)


def _next_steps(
    app: Any, rows: list[dict[str, Any]], moment: datetime
) -> list[dict[str, str] | None]:
    """Each opportunity's next open step and when, from the agenda's one query; marked
    "catch up" rather than "overdue" as Today would list it (`day.mark_catch_ups`, P11),
    reading when their opportunities were entered only for the overdue ones."""
    from zoneinfo import ZoneInfo

    from afterview.agenda_query import AgendaQuery
    from afterview.day import mark_catch_ups
    from afterview.services.agenda import agenda
    from afterview.services.queries import added_at
    from afterview.web.pages.today import when_text

    first: dict[int, dict[str, Any]] = {}
    for item in agenda(app, AgendaQuery(moment, everything_ahead=True)):
        opp = item.get("opportunity_id")
        if opp is not None and opp not in first:
            first[int(opp)] = item
    mark_catch_ups(
        list(first.values()),
        moment.astimezone(ZoneInfo(app.timezone)),
        lambda ids, candidate_wide: added_at(app, ids, moment, candidate_wide),
    )
    out: list[dict[str, str] | None] = []
    for row in rows:
        step = first.get(int(row["id"]))
        if step is None:
            out.append(None)
            continue
        due = datetime.fromisoformat(step["snoozed_until"] or step["due"])
        out.append(
            {
                "title": step["title"],
                "rule": step["rule"],
                "when": when_text(due, step["tz"], app.timezone),
                "overdue": "overdue" if step["overdue"] else "",
                "catch_up": step["catch_up"],
            }
        )
    return out


def _in(rows: list[dict[str, Any]], status: str) -> list[dict[str, Any]]:
    return [r for r in rows if r["status"] == status]


def _search(
    app: App, rows: list[dict[str, Any]], query: str, moment: datetime
) -> list[dict[str, Any]]:
    """Rows whose company, role or people contain every word of `query` (any case)."""
    words = query.casefold().split()

    def matches(text: str) -> bool:
        folded = text.casefold()
        return all(word in folded for word in words)

    found = []
    look_up_people = len(rows) <= SEARCH_PEOPLE_LIMIT
    for row in rows:
        text = f"{row['company']} {row['role']}"
        if "people" in row:  # a service that lists names saves a look-up per row
            text += " " + " ".join(str(name) for name in row["people"])
        elif not matches(text) and look_up_people:
            opp = queries.show_opportunity(app, int(row["id"]), moment).opportunity
            text += " " + " ".join(p.name for p in opp.people)
        if matches(text):
            found.append(row)
    return found


# --- a new opportunity --------------------------------------------------------------


NEW_FIELDS = (
    "company",
    "role",
    "route",
    "recruiter_name",
    "recruiter_email",
    "recruiter_phone",
    "start",
    "end",
    "tz",
    "format",
    "location",
    "interviewers",
)


@router.get("/opportunities/new", response_class=HTMLResponse, summary="Add an opportunity")
def new_form(request: Request) -> Response:
    app = service(request)
    return _new_page(request, app, {"route": "recruiter", "tz": app.timezone, "format": "onsite"})


@router.post("/opportunities/new", summary="Add an opportunity and its first interview")
async def new_submit(request: Request) -> Response:
    """Validate everything first (the interview too), then write: a failed interview
    never leaves a half-made opportunity behind to be added twice."""
    form = await request.form()
    values = {name: _raw(form, name) for name in NEW_FIELDS}
    app = service(request)
    moment = now()
    try:
        route = _choice(Route, values["route"], "route", "Choose how you applied.")
        recruiter = _recruiter(values, route)
        interview = None
        if any(values[k].strip() for k in ("start", "end", "location", "interviewers")):
            interview = read_interview(values, app.timezone, moment)
        with on_field("company"):
            company = require_text(values["company"], "The company", 200)
        with on_field("role"):
            role = require_text(values["role"], "The role", 200)
        opp_id = records.add_opportunity(
            app, company=company, role=role, route=route, now=moment, **recruiter
        )
    except AfterviewError as exc:
        return _new_page(request, app, values, exc, status=400)
    url = f"/opportunities/{opp_id}"
    if interview is None:
        return back(request, url, f"Added {company}. Next: add the interview, and the plan starts.")
    try:
        records.add_interview(app, opp_id, now=moment, **interview.kwargs())
    except AfterviewError as exc:
        return back(request, url, f"Added {company}, but not the interview: {exc.message}")
    return back(request, url, f"Added {company} and the interview; every step after it is planned.")


def _new_page(
    request: Request,
    app: App,
    values: Mapping[str, str],
    error: AfterviewError | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "opportunity_new.html",
        {
            "values": values,
            "error": error.message if error else None,
            "error_field": getattr(error, "field", None),
            "zones": zones(),
            "formats": FORMAT_LABEL,
            "user_tz": app.timezone,
        },
        status=status,
    )


def _recruiter(values: Mapping[str, str], route: Route) -> dict[str, str | None]:
    name = values["recruiter_name"].strip() or None
    email = values["recruiter_email"].strip() or None
    phone = values["recruiter_phone"].strip() or None
    if route is Route.DIRECT:
        if name or email or phone:
            raise FieldError(
                "You gave a recruiter but chose “I applied directly”. Choose “Through a "
                "recruiter”, or clear the recruiter's details.",
                "route",
            )
        return {}
    if (email or phone) and not name:
        raise FieldError("Give the recruiter's name with their email or phone.", "recruiter_name")
    if name:
        with on_field("recruiter_name"):
            name = require_text(name, "The recruiter's name", 200)
    if email:
        with on_field("recruiter_email"):
            email = parse_email(email)
    if phone:
        with on_field("recruiter_phone"):
            phone = require_text(phone, "The phone number", 40)
    return {"recruiter_name": name, "recruiter_email": email, "recruiter_phone": phone}


# --- interviews (shared by the new-opportunity form and the opportunity page) ------------


@dataclass(frozen=True)
class InterviewInput:
    start: datetime
    end: datetime
    tz: str
    format: InterviewFormat
    location: str | None
    interviewers: tuple[records.NewInterviewer, ...]
    interviewer_ids: tuple[int, ...] = ()

    def kwargs(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "tz": self.tz,
            "format": self.format,
            "location": self.location,
            "interviewers": self.interviewers,
            "interviewer_ids": self.interviewer_ids,
        }


def read_interview(
    values: Mapping[str, str], default_tz: str, moment: datetime, ids: tuple[int, ...] = ()
) -> InterviewInput:
    """An interview as typed: a start, an end (a time on the same day, or a full time),
    a zone, and interviewers as "Name <email>" lines (P3 asks for every address)."""
    with on_field("tz"):
        tz = parse_zone(values["tz"]).key if values.get("tz", "").strip() else default_tz
    start_text = values.get("start", "").strip()
    if not start_text:
        raise FieldError("When does (or did) the interview start?", "start")
    with on_field("start"):
        start = parse_datetime(start_text, tz, moment)
    end_text = values.get("end", "").strip()
    if not end_text:
        raise FieldError("When does (or did) it end?", "end")
    with on_field("end"):
        end = _end_time(end_text, start, tz, moment)
    if end <= start:
        raise FieldError(
            f"It must end after it starts ({local(start, tz):%H:%M}); check the end.", "end"
        )
    if end - start > timedelta(hours=24):
        raise FieldError("An interview longer than 24 hours? Check the start and the end.", "end")
    fmt = _choice(InterviewFormat, values.get("format") or "onsite", "format", "Choose a format.")
    location = values.get("location", "").strip() or None
    if location:
        with on_field("location"):
            location = require_text(location, "The place", 200)
    people = []
    lines = [line.strip() for line in values.get("interviewers", "").splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > MAX_INTERVIEWERS:
        raise FieldError(f"At most {MAX_INTERVIEWERS} interviewers, one a line.", "interviewers")
    with on_field("interviewers"):
        for line in lines:
            name, email = parse_name_and_email(line)
            people.append(records.NewInterviewer(require_text(name, "A name", 200), email))
    return InterviewInput(start, end, tz, fmt, location, tuple(people), ids)


def _end_time(text: str, start: datetime, tz: str, moment: datetime) -> datetime:
    """`15:00` is on the start's day; anything else is a full time."""
    try:
        clock = time.fromisoformat(text)
    except ValueError:
        return parse_datetime(text, tz, moment)
    day = local(start, tz).date()
    return parse_datetime(datetime.combine(day, clock).isoformat(), tz, moment)


@lru_cache(maxsize=1)
def zones() -> tuple[str, ...]:
    from zoneinfo import available_timezones

    return tuple(sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc")))


# --- one opportunity ----------------------------------------------------------------


@router.get("/opportunities/{opp_id}", response_class=HTMLResponse, summary="An opportunity")
def show(request: Request, opp_id: int) -> Response:
    notice = notices.take(request)
    return shown(request, _opportunity_page(request, opp_id, notice=notice))


def _opportunity_page(
    request: Request,
    opp_id: int,
    *,
    notice: str | notices.Notice | None = None,
    form: str | None = None,
    values: Mapping[str, str] | None = None,
    error: AfterviewError | None = None,
) -> Response:
    """The page; after a failed form, that form shows `error` and keeps `values`."""
    if not 1 <= opp_id <= MAX_ID:
        raise UnknownOpportunity(opp_id)
    app = service(request)
    moment = now()
    view = queries.show_opportunity(app, opp_id, moment)
    opp = view.opportunity
    tz = view.tz
    closed = view.status in CLOSED
    verdict = guard_verdict(opp.contacts, moment, app.settings.follow_up_guard_days, tz)
    messages = drafts.list_drafts(app, now=moment, opp_id=opp_id)
    local_now = local(moment, app.timezone)
    server = getattr(request.app.state, "server", None)
    context = {
        "opp": opp,
        # the agency server: whom this opportunity is shared with, and what (sharing)
        "shared_with": server.shared_with(request.state.user, opp_id) if server else None,
        "status": view.status,
        "status_label": STATUS_LABEL.get(view.status, view.status),
        "closed": closed,
        # One clock: times on the person's wall clock, as on Today; the opportunity's
        # own zone is named where it differs.
        "tz": app.timezone,
        "opp_tz": tz,
        "user_tz": app.timezone,
        "notice": notice,
        "svg": timeline_svg(
            opp,
            view.actions,
            now=moment,
            tz=app.timezone,
            guard_days=app.settings.follow_up_guard_days,
            flags=view.flags,
            closed=closed,
            svg_id=f"timeline-{opp.id}",
        ),
        "guard": {
            "allowed": verdict.allowed,
            "next_allowed": verdict.next_allowed,
            "days": app.settings.follow_up_guard_days,
        },
        "people": _people(opp),
        "interviews": _interviews(opp),
        "timelines": sorted(opp.timelines, key=lambda t: t.recorded_at, reverse=True),
        "contacts": sorted(opp.contacts, key=lambda c: (c.at, c.id), reverse=True),
        "flags": view.flags,
        "replies": sorted(opp.replies, key=lambda r: r.at, reverse=True),
        "outcomes": sorted(opp.outcomes, key=lambda e: e.at, reverse=True),
        "plan": _plan(view.actions, view.now_utc, {opp.id: opp.created_at}, app.timezone),
        "messages": messages,
        "labels": {
            "role": ROLE_LABEL,
            "source": SOURCE_LABEL,
            "format": FORMAT_LABEL,
            "kind": KIND_LABEL,
            "channel": CHANNEL_LABEL,
            "outcome": OUTCOME_LABEL,
            "draft": DRAFT_LABEL,
        },
        "roles": ROLE_LABEL,
        "sources": SOURCE_LABEL,
        "formats": FORMAT_LABEL,
        "kinds": KIND_LABEL,
        "channels": CHANNEL_LABEL,
        "outcome_choices": OUTCOME_LABEL,
        "zones": zones(),
        "place": queries.opportunity_place(app, opp_id, moment),
        "now_local": local_now.strftime("%Y-%m-%dT%H:%M"),
        "form": form,
        "values": values or {},
        "error": error.message if error else None,
        "error_field": getattr(error, "field", None),
    }
    return render(request, "opportunity.html", context, status=400 if error else 200)


def _people(opp: Opportunity) -> list[dict[str, Any]]:
    interviewer_ids = {pid for i in opp.live_interviews for pid in i.interviewer_ids}
    return [
        {
            "person": p,
            "needs_email": p.email is None,
            "interviewed": p.id in interviewer_ids,
        }
        for p in opp.people
    ]


def _interviews(opp: Opportunity) -> list[dict[str, Any]]:
    rows = []
    for interview in sorted(opp.interviews, key=lambda i: (i.start, i.id)):
        names = [p.name for pid in interview.interviewer_ids if (p := opp.person(pid))]
        rows.append(
            {
                "interview": interview,
                "start": local(interview.start, interview.tz),
                "end": local(interview.end, interview.tz),
                "names": names,
                "debriefed": opp.debrief_for(interview.id) is not None,
            }
        )
    return rows


def _plan(
    actions: list[dict[str, Any]],
    now_utc: str,
    entered: dict[int | None, datetime] | None = None,
    person_tz: str = "UTC",
) -> dict[str, list[dict[str, Any]]]:
    """Open steps first (by due time), then what is decided, then what became moot.

    Each open step carries the place where it gets done (steps.py) and its draft. A step
    is a catch-up, not "overdue", exactly when Today lists it under "To catch up" (P11):
    `day.mark_catch_ups`, on the candidate's day (`person_tz`), a snoozed step due when
    its snooze ends; `entered` is when the opportunity was entered (`{opp id: moment}`).
    """
    from zoneinfo import ZoneInfo

    from afterview.day import mark_catch_ups
    from afterview.web.pages import steps
    from afterview.web.pages.today import DRAFTS, item_when

    local_now = datetime.fromisoformat(now_utc.replace("Z", "+00:00"))
    actions = [dict(item) for item in actions]
    mark_catch_ups(actions, local_now.astimezone(ZoneInfo(person_tz)), lambda *_: entered or {})
    open_, decided, missed = [], [], []
    for item in actions:
        expires = item.get("expires")
        row = {
            **item,
            "effective": item["snoozed_until"] or item["due"],
            "when": item_when(item, person_tz),
            "place": steps.place_of(item),
            "draft_kind": next((k for p, k in DRAFTS.items() if item["key"].startswith(p)), None),
        }
        if item["state"] in ("pending", "snoozed"):
            if isinstance(expires, str) and expires <= now_utc:
                missed.append(row)
            else:
                open_.append(row)
        else:
            decided.append(row)
    return {"open": open_, "decided": decided, "missed": missed}


# --- the forms on the opportunity page --------------------------------------------------


PERSON_FIELDS = ("name", "role", "email", "phone", "title", "source")


@router.post("/opportunities/{opp_id}/people", summary="Add a person (P3)")
async def add_person(request: Request, opp_id: int) -> Response:
    values = await _values(request, PERSON_FIELDS)
    app = service(request)
    try:
        with on_field("name"):
            name = require_text(values["name"], "The name", 200)
        role = _choice(PersonRole, values["role"] or "interviewer", "role", "Choose a role.")
        source = _choice(Source, values["source"] or "typed", "source", "Choose a source.")
        email = values["email"].strip() or None
        if email:
            with on_field("email"):
                email = parse_email(email)
        records.add_person(
            app,
            _opp(opp_id),
            name=name,
            role=role,
            now=now(),
            email=email,
            phone=_optional(values, "phone", "The phone number", 40),
            title=_optional(values, "title", "The job title", 200),
            source=source,
        )
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="person", values=values, error=exc)
    hint = "" if email else " Without an email you cannot thank them: P3 will remind you."
    return back(request, f"/opportunities/{opp_id}", f"Added {name}.{hint}")


@router.post("/opportunities/{opp_id}/people/{person_id}/email", summary="Add an email (P3)")
async def add_email(request: Request, opp_id: int, person_id: int) -> Response:
    values = await _values(request, ("email", "source"))
    app = service(request)
    moment = now()
    opp = queries.show_opportunity(app, _opp(opp_id), moment).opportunity
    person = opp.person(person_id)
    # the error goes beside the person's form, or atop the page when there is none
    form = f"email-{person_id}" if person and person.email is None else "page"
    try:
        if person is None:
            raise UnknownPerson(person_id, opp_id)
        text = values["email"].strip()
        if not text:
            raise FieldError(f"Type {person.name}'s email address.", "email")
        with on_field("email"):
            email = parse_email(text)
        source = _choice(Source, values["source"] or "typed", "source", "Choose a source.")
        records.edit_person(app, person_id, moment, email=email, source=source)
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form=form, values=values, error=exc)
    return back(request, f"/opportunities/{opp_id}", f"Saved {person.name}'s email (P3).")


INTERVIEW_FIELDS = ("start", "end", "tz", "format", "location", "interviewers")


@router.post("/opportunities/{opp_id}/interviews", summary="Add an interview")
async def add_interview(request: Request, opp_id: int) -> Response:
    form = await request.form()
    values = {name: _raw(form, name) for name in INTERVIEW_FIELDS}
    chosen = [v for v in form.getlist("interviewer_ids") if isinstance(v, str)]
    values["interviewer_ids"] = ",".join(chosen)
    app = service(request)
    moment = now()
    try:
        ids = tuple(_id(v, "interviewer_ids") for v in chosen)
        interview = read_interview(values, app.timezone, moment, ids)
        records.add_interview(app, _opp(opp_id), now=moment, **interview.kwargs())
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="interview", values=values, error=exc)
    when = f"{local(interview.start, interview.tz):%a %d %b %H:%M}"
    return back(
        request, f"/opportunities/{opp_id}", f"Interview added ({when}); the plan follows it."
    )


TIMELINE_FIELDS = ("decision_by", "follow_up_with", "follow_up_how", "follow_up_on")


@router.post("/opportunities/{opp_id}/timeline", summary="Record the hiring timeline (P6)")
async def set_timeline(request: Request, opp_id: int) -> Response:
    values = await _values(request, TIMELINE_FIELDS)
    app = service(request)
    moment = now()
    try:
        if not any(values[k].strip() for k in TIMELINE_FIELDS):
            raise FieldError(
                "Fill in at least one: when they decide, whom to follow up with, how, or when.",
                "decision_by",
            )
        today = local(moment, app.timezone).date()
        records.set_timeline(
            app,
            _opp(opp_id),
            now=moment,
            decision_by=_date(values, "decision_by", today),
            follow_up_with=_id(values["follow_up_with"], "follow_up_with")
            if values["follow_up_with"].strip()
            else None,
            follow_up_how=_choice(Channel, values["follow_up_how"], "follow_up_how", "How?")
            if values["follow_up_how"].strip()
            else None,
            follow_up_on=_date(values, "follow_up_on", today),
        )
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="timeline", values=values, error=exc)
    return back(
        request,
        f"/opportunities/{opp_id}",
        "Timeline recorded: follow-ups are planned from it (P6, P8).",
    )


CONTACT_FIELDS = ("kind", "channel", "at", "person_id", "note")


@router.post("/opportunities/{opp_id}/contacts", summary="Log a contact you made")
async def log_contact(request: Request, opp_id: int) -> Response:
    values = await _values(request, CONTACT_FIELDS)
    app = service(request)
    moment = now()
    try:
        kind = _choice(ContactKind, values["kind"], "kind", "Choose what kind of contact.")
        channel = _choice(Channel, values["channel"], "channel", "Choose how.")
        logged = records.log_contact(
            app,
            _opp(opp_id),
            kind=kind,
            channel=channel,
            at=_moment(values, "at", app.timezone, moment),
            now=moment,
            person_id=_id(values["person_id"], "person_id")
            if values["person_id"].strip()
            else None,
            note=_optional(values, "note", "The note", MAX_NOTE, multiline=True),
        )
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="contact", values=values, error=exc)
    message = f"Logged, but {logged.flag}." if logged.flag else "Contact logged."
    return back(request, f"/opportunities/{opp_id}", message, tone="warn" if logged.flag else "ok")


@router.post("/opportunities/{opp_id}/replies", summary="They replied (P8 pauses follow-ups)")
async def reply(request: Request, opp_id: int) -> Response:
    values = await _values(request, ("at", "note"))
    app = service(request)
    moment = now()
    try:
        records.record_reply(
            app,
            _opp(opp_id),
            at=_moment(values, "at", app.timezone, moment),
            now=moment,
            note=_optional(values, "note", "The note", MAX_NOTE, multiline=True),
        )
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="reply", values=values, error=exc)
    return back(
        request,
        f"/opportunities/{opp_id}",
        "Reply recorded: follow-ups pause. If they gave a new timeline, record it (P6).",
    )


@router.post("/opportunities/{opp_id}/outcomes", summary="Record an outcome (P12)")
async def outcome(request: Request, opp_id: int) -> Response:
    values = await _values(request, ("outcome",))
    app = service(request)
    try:
        chosen = _choice(Outcome, values["outcome"], "outcome", "Choose an outcome.")
        moment = now()
        records.record_outcome(app, _opp(opp_id), chosen, at=moment, now=moment)
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="outcome", values=values, error=exc)
    return back(
        request, f"/opportunities/{opp_id}", f"Recorded: {OUTCOME_LABEL[chosen].lower()} (P12)."
    )


@router.post("/opportunities/{opp_id}/competitors", summary="Add a competitor to look at (P9)")
async def competitor(request: Request, opp_id: int) -> Response:
    values = await _values(request, ("name",))
    app = service(request)
    try:
        with on_field("name"):
            name = require_text(values["name"], "The competitor's name", 200)
        records.add_competitor(app, _opp(opp_id), name, now())
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="competitor", values=values, error=exc)
    return back(
        request, f"/opportunities/{opp_id}", f"Added {name} to the competitors to look at (P9)."
    )


@router.post("/opportunities/{opp_id}/where", summary="Where the interviewers work (P5, P8)")
async def where(request: Request, opp_id: int) -> Response:
    values = await _values(request, ("org_tz", "holiday_country"))
    app = service(request)
    try:
        with on_field("org_tz"):
            records.organisation_zone(values["org_tz"])
        with on_field("holiday_country"):
            records.holiday_region(values["holiday_country"])
        records.set_organisation_place(
            app,
            _opp(opp_id),
            now(),
            org_tz=values["org_tz"],
            holiday_country=values["holiday_country"],
        )
    except AfterviewError as exc:
        return _opportunity_page(request, opp_id, form="where", values=values, error=exc)
    return back(
        request, f"/opportunities/{opp_id}", "Saved where they work: the plan follows (P5, P8)."
    )


# --- reading forms ----------------------------------------------------------------------


async def _values(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    form = await request.form()
    return {name: _raw(form, name) for name in names}


def _raw(form: Any, name: str) -> str:
    """What was typed, as typed (kept for re-display), capped against absurd sizes."""
    value = form.get(name)
    return value[:20_000] if isinstance(value, str) else ""


def _opp(opp_id: int) -> int:
    if not 1 <= opp_id <= MAX_ID:
        raise UnknownOpportunity(opp_id)
    return opp_id


def _id(text: str, field: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise FieldError("Choose someone from the list.", field) from None
    if not 1 <= value <= MAX_ID:
        raise FieldError("Choose someone from the list.", field)
    return value


def _choice(enum: type[E], text: str, field: str, message: str) -> E:
    try:
        return enum(text.strip())
    except ValueError:
        raise FieldError(message, field) from None


def _optional(
    values: Mapping[str, str], name: str, what: str, limit: int, *, multiline: bool = False
) -> str | None:
    text = values.get(name, "").strip()
    if not text:
        return None
    if multiline:
        if len(text) > limit:
            raise FieldError(f"{what} is too long ({len(text)} characters; at most {limit}).", name)
        if "\x00" in text:
            raise FieldError(f"{what} contains a character that cannot be stored.", name)
        return text
    with on_field(name):
        return require_text(text, what, limit)


def _date(values: Mapping[str, str], name: str, today: date) -> date | None:
    text = values.get(name, "").strip()
    if not text:
        return None
    with on_field(name):
        return parse_date(text, today)


def _moment(values: Mapping[str, str], name: str, tz: str, moment: datetime) -> datetime:
    text = values.get(name, "").strip()
    if not text:
        return moment
    with on_field(name):
        return parse_datetime(text, tz, moment)
