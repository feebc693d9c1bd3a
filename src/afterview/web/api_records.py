"""The JSON API for recording facts: opportunities, interviews, people, timelines (P6),
contacts (P8), replies and outcomes (P12) — the same use cases as the pages and the CLI.

Mounted under /api by `afterview.web.api`. Bodies are validated by pydantic (422
with `{"error", "detail"}`); values the playbook refuses give 400, unknown ids 404,
each as `{"error": message}`. Times are ISO 8601 text: without an offset they are
read in the interview's zone (`tz`) or the user's.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from afterview.parsing import MAX_YEAR, MIN_YEAR, parse_datetime, parse_zone
from afterview.playbook.facts import (
    Channel,
    ContactKind,
    InterviewFormat,
    Outcome,
    PersonRole,
    Route,
    Source,
)
from afterview.services import queries, records
from afterview.web.pages.common import now, service

router = APIRouter(tags=["records"])

MAX_ID = 2_147_483_647
LINE = r"^[^\x00-\x1f\x7f]*$"  # one line: no control characters
TEXT = r"^[^\x00]*$"  # free text: anything but NUL, which no database stores

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
OppId = Annotated[int, Path(ge=1, le=MAX_ID, description="The opportunity's id.")]
Name = Annotated[str, Field(min_length=1, max_length=200, pattern=LINE)]
Line200 = Annotated[str, Field(min_length=1, max_length=200, pattern=LINE)]
EMAIL = r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]+$"
# ISO 8601 as Python reads it (a date, or a date and a time, with an optional offset), or `now`
ISO_TIME = (
    r"^(now|(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?)?)$"
)
Email = Annotated[
    str, Field(min_length=3, max_length=254, pattern=EMAIL, examples=["dana.kim@northwind.example"])
]
Phone = Annotated[str, Field(min_length=1, max_length=40, pattern=LINE)]
Note = Annotated[str, Field(max_length=2000, pattern=TEXT)]
Zone = Annotated[str, Field(min_length=1, max_length=64, pattern=LINE, examples=["Europe/London"])]
When = Annotated[
    str,
    Field(
        min_length=3,
        max_length=40,
        pattern=ISO_TIME,
        description="ISO 8601, e.g. 2026-03-13T14:00 or 2026-03-13T14:00+00:00; or `now`. "
        "Without an offset it is read in the interview's zone, or the user's.",
        examples=["2026-03-13T14:00"],
    ),
]


def _sane_year(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"the year must be from {MIN_YEAR} to {MAX_YEAR}")
    return value


Day = Annotated[
    date,
    AfterValidator(_sane_year),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "description": f"A date from {MIN_YEAR} to {MAX_YEAR}, e.g. 2026-03-20.",
        }
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(BaseModel):
    error: str


class Problem(BaseModel):
    loc: list[str]
    msg: str


class InvalidOut(BaseModel):
    error: str = Field(examples=["Invalid request."])
    detail: list[Problem]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A value the playbook cannot use"},
    404: {"model": ErrorOut, "description": "No such opportunity or person"},
    409: {"model": ErrorOut, "description": "Refused by the playbook or the store's state"},
    422: {"model": InvalidOut, "description": "The request does not match this schema"},
}


class OpportunityRow(BaseModel):
    id: int
    company: str
    role: str
    route: Route
    status: str
    interviews: int
    next_interview: str | None = Field(description="ISO 8601 in the interview's zone.")


class Created(BaseModel):
    id: int


class ContactLogged(BaseModel):
    id: int
    flag: str | None = Field(
        description="Set when a follow-up was made within a week of another (P8)."
    )


class Recorded(BaseModel):
    ok: bool = True


class NewOpportunity(Strict):
    company: Name
    role: Name
    route: Route
    recruiter_name: Name | None = None
    recruiter_email: Email | None = None
    recruiter_phone: Phone | None = None


class InterviewerIn(Strict):
    name: Name
    email: Email | None = None


class NewInterview(Strict):
    start: When
    end: When
    tz: Zone | None = Field(default=None, description="IANA zone; default: the user's.")
    format: InterviewFormat = InterviewFormat.ONSITE
    location: Line200 | None = None
    interviewers: list[InterviewerIn] = Field(default_factory=list, max_length=20)
    interviewer_ids: list[Id] = Field(
        default_factory=list, max_length=20, description="People already recorded."
    )
    recruiter_call_at: When | None = Field(
        default=None, description="A call with the recruiter already arranged (P1)."
    )


class NewPerson(Strict):
    name: Name
    role: PersonRole
    email: Email | None = None
    phone: Phone | None = None
    title: Line200 | None = None
    source: Source = Source.TYPED


class NewTimeline(Strict):
    """At least one of the four: what the candidate was told (P6)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    # null is "not given", and the schema says so: four nulls are the 400 below
    decision_by: Day | None = None
    follow_up_with: Id | None = Field(default=None, description="A person's id.")
    follow_up_how: Channel | None = None
    follow_up_on: Day | None = None


class NewContact(Strict):
    kind: ContactKind
    channel: Channel
    at: When = "now"
    person_id: Id | None = None
    note: Note | None = None


class NewReply(Strict):
    at: When = "now"
    note: Note | None = None


class NewOutcome(Strict):
    outcome: Outcome
    at: When = "now"


@router.get("/opportunities", summary="Every opportunity with its status (P12)", responses=ERRORS)
def list_opportunities(request: Request) -> list[OpportunityRow]:
    rows = queries.list_opportunities(service(request), now())
    return [OpportunityRow.model_validate(row) for row in rows]


@router.get(
    "/opportunities/{opp_id}",
    summary="One opportunity: facts, status and plan (as `opp show --json`)",
    responses=ERRORS,
)
def show_opportunity(request: Request, opp_id: OppId) -> dict[str, Any]:
    return queries.show_opportunity(service(request), opp_id, now()).to_json()


@router.post("/opportunities", status_code=201, summary="Add an opportunity", responses=ERRORS)
def add_opportunity(request: Request, body: NewOpportunity) -> Created:
    from afterview.errors import BadInput

    if (body.recruiter_email or body.recruiter_phone) and not body.recruiter_name:
        raise BadInput("Give recruiter_name with the recruiter's email or phone.")
    if body.recruiter_name and body.route is not Route.RECRUITER:
        raise BadInput("A recruiter was given but the route is 'direct'; use route 'recruiter'.")
    opp_id = records.add_opportunity(
        service(request),
        company=body.company,
        role=body.role,
        route=body.route,
        now=now(),
        recruiter_name=body.recruiter_name,
        recruiter_email=body.recruiter_email,
        recruiter_phone=body.recruiter_phone,
    )
    return Created(id=opp_id)


@router.post(
    "/opportunities/{opp_id}/interviews",
    status_code=201,
    summary="Add an interview; the plan (P1–P11) follows it",
    responses=ERRORS,
)
def add_interview(request: Request, opp_id: OppId, body: NewInterview) -> Created:
    from afterview.parsing import parse_email

    app = service(request)
    moment = now()
    tz = parse_zone(body.tz).key if body.tz else app.timezone
    people = tuple(
        records.NewInterviewer(p.name.strip(), parse_email(p.email) if p.email else None)
        for p in body.interviewers
    )
    if any(not p.name for p in people):
        from afterview.errors import BadInput

        raise BadInput("An interviewer needs a name.")
    interview_id = records.add_interview(
        app,
        opp_id,
        start=parse_datetime(body.start, tz, moment),
        end=parse_datetime(body.end, tz, moment),
        tz=tz,
        now=moment,
        format=body.format,
        location=body.location.strip() or None if body.location else None,
        interviewers=people,
        interviewer_ids=tuple(body.interviewer_ids),
        recruiter_call_at=parse_datetime(body.recruiter_call_at, tz, moment)
        if body.recruiter_call_at
        else None,
    )
    return Created(id=interview_id)


@router.post(
    "/opportunities/{opp_id}/people",
    status_code=201,
    summary="Add a person: interviewer, recruiter, receptionist… (P3)",
    responses=ERRORS,
)
def add_person(request: Request, opp_id: OppId, body: NewPerson) -> Created:
    person_id = records.add_person(
        service(request),
        opp_id,
        name=body.name,
        role=body.role,
        now=now(),
        email=body.email,
        phone=body.phone,
        title=body.title,
        source=body.source,
    )
    return Created(id=person_id)


@router.post(
    "/opportunities/{opp_id}/timeline",
    status_code=201,
    summary="Record the hiring timeline you were told (P6); follow-ups restart from it (P8)",
    responses=ERRORS,
)
def set_timeline(request: Request, opp_id: OppId, body: NewTimeline) -> Recorded:
    if not any((body.decision_by, body.follow_up_with, body.follow_up_how, body.follow_up_on)):
        from afterview.errors import BadInput

        raise BadInput(
            "Give at least one of decision_by, follow_up_with, follow_up_how, follow_up_on."
        )
    records.set_timeline(
        service(request),
        opp_id,
        now=now(),
        decision_by=body.decision_by,
        follow_up_with=body.follow_up_with,
        follow_up_how=body.follow_up_how,
        follow_up_on=body.follow_up_on,
    )
    return Recorded()


@router.post(
    "/opportunities/{opp_id}/contacts",
    status_code=201,
    summary="Log a contact you made; a follow-up within a week of another is flagged (P8)",
    responses=ERRORS,
)
def log_contact(request: Request, opp_id: OppId, body: NewContact) -> ContactLogged:
    app = service(request)
    moment = now()
    logged = records.log_contact(
        app,
        opp_id,
        kind=body.kind,
        channel=body.channel,
        at=parse_datetime(body.at, app.timezone, moment),
        now=moment,
        person_id=body.person_id,
        note=body.note.strip() or None if body.note else None,
    )
    return ContactLogged(id=logged.id, flag=logged.flag)


@router.post(
    "/opportunities/{opp_id}/replies",
    status_code=201,
    summary="They replied: follow-ups pause (P8)",
    responses=ERRORS,
)
def record_reply(request: Request, opp_id: OppId, body: NewReply) -> Created:
    app = service(request)
    moment = now()
    reply_id = records.record_reply(
        app,
        opp_id,
        at=parse_datetime(body.at, app.timezone, moment),
        now=moment,
        note=body.note.strip() or None if body.note else None,
    )
    return Created(id=reply_id)


@router.post(
    "/opportunities/{opp_id}/outcomes",
    status_code=201,
    summary="Record an outcome (P12): next-round, offer, rejected, accepted…",
    responses=ERRORS,
)
def record_outcome(request: Request, opp_id: OppId, body: NewOutcome) -> Recorded:
    app = service(request)
    moment = now()
    records.record_outcome(
        app, opp_id, body.outcome, at=parse_datetime(body.at, app.timezone, moment), now=moment
    )
    return Recorded()
