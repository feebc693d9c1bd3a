"""The writing API: the checker and the drafts (P1, P5, P7, P8, P12) as JSON.

`POST /api/check` is what the email editor calls as the user types. Every model
carries its limits (a body of at most 100,000 characters, a subject of 200), so
the OpenAPI schema says exactly what is accepted; anything else is answered with
400/404/409/422 and `{"error": …}`, never a server error.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from afterview.parsing import parse_datetime
from afterview.services import checking, drafts
from afterview.web.pages.common import now, service
from afterview.web.pages.drafts import (
    DRAFT_KINDS,
    NewDraft,
    create_drafts,
    eml_response,
    next_steps_after_sending,
)
from afterview.writing.checker import MAX_CHARS, Report

MAX_ID = 2_147_483_647  # the database's integer ids


def _text(value: str) -> str:
    """Refuse text that cannot be stored or sent as UTF-8 (lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("the text contains invalid Unicode (a lone surrogate)") from None
    return value


Text = Annotated[str, AfterValidator(_text)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Kind = Literal["thank-you", "follow-up", "withdrawal", "recruiter-call", "accept", "decline"]
Language = Literal["en-GB", "en-US"]
assert set(DRAFT_KINDS) == set(Kind.__args__)  # type: ignore[attr-defined]


# --- models ---------------------------------------------------------------------------


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorModel(BaseModel):
    error: str


class ValidationDetail(BaseModel):
    loc: list[str]
    msg: str


class ValidationErrorModel(BaseModel):
    error: str
    detail: list[ValidationDetail] = []


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorModel, "description": "Bad input"},
    403: {"model": ErrorModel, "description": "CSRF token missing or wrong"},
    404: {"model": ErrorModel, "description": "No such draft, opportunity or interview"},
    409: {"model": ErrorModel, "description": "Refused by the playbook or the record"},
    422: {"model": ValidationErrorModel, "description": "The request does not fit the schema"},
}


class CheckBody(Strict):
    text: Annotated[Text, Field(min_length=1, max_length=MAX_CHARS)]
    opp_id: Id | None = None
    interview_id: Id | None = None
    kind: Kind | None = None
    language: Language | None = None


class FindingModel(BaseModel):
    line: int
    column: int
    offset: int = Field(description="Characters (Unicode code points) from the start.")
    length: int = Field(description="Characters (Unicode code points).")
    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    suggestions: list[str] = Field(description="Replacements for exactly the span, best first.")


class PartModel(BaseModel):
    part: str = Field(description="One of P5's parts: thanks, specific-point, sell.")
    line: int
    column: int
    offset: int
    length: int


class ReportModel(BaseModel):
    findings: list[FindingModel]
    parts: list[PartModel]
    words: int = Field(description="Words of the body (greeting and sign-off excluded).")
    word_limit: int = Field(description="P5's limit on the body's words (a setting).")
    errors: int

    @classmethod
    def of(cls, report: Report) -> ReportModel:
        return cls.model_validate(report.to_plain())


class DraftReportModel(ReportModel):
    id: int


class DraftModel(BaseModel):
    id: int
    opportunity_id: int
    interview_id: int | None
    person_id: int | None
    kind: str
    company: str
    role: str
    subject: str
    body: str
    to_name: str | None
    to_email: str | None
    nugget: str | None
    message_id: str
    created_at: str
    updated_at: str
    sent_at: str | None
    notes: list[str]
    is_call: bool

    @classmethod
    def of(cls, view: drafts.DraftView) -> DraftModel:
        return cls.model_validate({**view.to_plain(), "is_call": view.is_call})


class NewDraftBody(Strict):
    kind: Kind
    key: Annotated[
        Text | None,
        Field(
            max_length=200,
            pattern=r"^P\d{1,2}:[a-z-]{1,40}(:[a-z]{1,20}=\d{1,10}){0,4}$",
            description="An action key from the agenda, e.g. P5:thank-you:interview=3:person=7.",
        ),
    ] = None
    interview_id: Id | None = None
    opp_id: Id | None = None
    to: Id | None = Field(default=None, description="The person to write to (their id).")
    nugget: Annotated[int | None, Field(ge=1, le=1000)] = Field(
        default=None, description="Thank-you only: the debrief's Nth nugget (1 = first)."
    )


class EditBody(Strict):
    subject: Annotated[Text | None, Field(max_length=drafts.MAX_SUBJECT)] = None
    body: Annotated[Text | None, Field(max_length=MAX_CHARS)] = None
    to: Annotated[
        Text | None, Field(max_length=320, description='"Name <address>", an address or ""')
    ] = None


class SentBody(Strict):
    at: Annotated[
        Text | None,
        Field(max_length=64, description="ISO 8601; default now. Read in the user's zone."),
    ] = None


class NextStepModel(BaseModel):
    message: str
    follow_up_key: str | None
    follow_up_due: str | None


class SentModel(BaseModel):
    draft: DraftModel
    flag: str | None = Field(description="Set when P8's weekly guard was broken anyway.")
    next: NextStepModel


class MailtoModel(BaseModel):
    mailto: str


class DeletedModel(BaseModel):
    deleted: int


router = APIRouter(tags=["writing"], responses=ERRORS)
DraftId = Annotated[int, Path(ge=1, le=MAX_ID)]


# --- routes ---------------------------------------------------------------------------


@router.post("/check", summary="Check a text (spelling, names, tone, P5's shape)")
def check(request: Request, body: CheckBody) -> ReportModel:
    report = checking.check(
        service(request),
        body.text,
        now=now(),
        opp_id=body.opp_id,
        interview_id=body.interview_id,
        kind=body.kind,
        language=body.language,
    )
    return ReportModel.of(report)


@router.get("/drafts", summary="Drafts and sent messages, newest first")
def list_all(
    request: Request, opp_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None
) -> list[DraftModel]:
    views = drafts.list_drafts(service(request), now=now(), opp_id=opp_id)
    return [DraftModel.of(v) for v in reversed(views)]


@router.post(
    "/drafts", status_code=201, summary="Draft a thank-you, follow-up, withdrawal, script or reply"
)
def create(request: Request, body: NewDraftBody) -> list[DraftModel]:
    wanted = NewDraft(
        kind=body.kind,
        key=body.key,
        interview_id=body.interview_id,
        opp_id=body.opp_id,
        to=body.to,
        nugget=body.nugget,
    )
    return [DraftModel.of(v) for v in create_drafts(service(request), wanted, now=now())]


@router.get("/drafts/{message_id}", summary="One draft or sent message")
def show(request: Request, message_id: DraftId) -> DraftModel:
    return DraftModel.of(drafts.get_draft(service(request), message_id, now=now()))


@router.put("/drafts/{message_id}", summary="Change a draft's subject, body or recipient")
def edit(request: Request, message_id: DraftId, body: EditBody) -> DraftModel:
    view = drafts.edit_draft(
        service(request), message_id, now=now(), subject=body.subject, body=body.body, to=body.to
    )
    return DraftModel.of(view)


@router.post("/drafts/{message_id}/check", summary="Check a draft as saved, with all it knows")
def check_saved(request: Request, message_id: DraftId) -> DraftReportModel:
    view, report = drafts.check_draft(service(request), message_id, now=now())
    return DraftReportModel.model_validate({"id": view.id, **report.to_plain()})


@router.post(
    "/drafts/{message_id}/sent", summary="Mark sent (or the call made): logs the contact (P8)"
)
def sent(request: Request, message_id: DraftId, body: SentBody | None = None) -> SentModel:
    app = service(request)
    moment = now()
    at = moment
    if body is not None and body.at and body.at.strip():
        at = parse_datetime(body.at, app.timezone, moment)
    view, flag = drafts.mark_sent(app, message_id, at=at, now=moment)
    step = next_steps_after_sending(app, view, flag, now=moment)
    return SentModel(
        draft=DraftModel.of(view),
        flag=flag,
        next=NextStepModel(
            message=step.message, follow_up_key=step.follow_up_key, follow_up_due=step.due
        ),
    )


@router.delete("/drafts/{message_id}", summary="Delete a draft that was not sent")
def delete(request: Request, message_id: DraftId) -> DeletedModel:
    drafts.delete_draft(service(request), message_id, now=now())
    return DeletedModel(deleted=message_id)


@router.get(
    "/drafts/{message_id}/eml",
    summary="The draft as an RFC 5322 message (.eml) for a mail client",
    response_class=Response,
    responses={200: {"content": {"message/rfc822": {}}, "description": "The message"}},
)
def eml(request: Request, message_id: DraftId) -> Response:
    return eml_response(service(request), message_id)


@router.get("/drafts/{message_id}/mailto", summary="A mailto: link that opens the mail client")
def mailto(request: Request, message_id: DraftId) -> MailtoModel:
    return MailtoModel(mailto=drafts.mailto_link(service(request), message_id, now=now()))
