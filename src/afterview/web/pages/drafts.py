"""The email editor: drafts from the debrief, checked as the user types, exported, sent.

`POST /drafts/new` drafts what a Today step asks for (P1, P5, P7, P8, P12) and
opens it; `/drafts/{id}` is the editor (subject, recipient, body, the checker's
findings with fix-by-click suggestions, P5's word limit and three parts), which
works as a plain form without JavaScript. Marking a message sent logs the contact,
so the plan moves on and the page says when the next follow-up is due (P8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from afterview.errors import AfterviewError, BadInput, Refused, UnknownAction
from afterview.parsing import parse_datetime
from afterview.services import checking, drafts, queries
from afterview.services.app import App
from afterview.services.interviews import show_interview
from afterview.services.profile import get_profile
from afterview.web.pages import editor_truth as truth
from afterview.web.pages.common import back, form_text, now, pop_notice, service, shown
from afterview.web.pages.notices import Notice
from afterview.web.pages.steps import anchor as anchor_of
from afterview.web.templating import local_time, render
from afterview.writing.checker import Report

router = APIRouter()

DRAFT_KINDS = ("thank-you", "follow-up", "withdrawal", "recruiter-call", "accept", "decline")
MAX_ID = 2_147_483_647
DraftId = Annotated[int, Path(ge=1, le=MAX_ID)]

# What each kind is called, the playbook rule behind it, and the one line of advice.
KINDS: dict[str, tuple[str, str, str]] = {
    "thank-you": (
        "Thank-you email",
        "P5",
        "Brief, in three parts: thanks for their time, one specific point from the "
        "interview, then the subtle sell with an offer of anything further.",
    ),
    "follow-up": (
        "Follow-up email",
        "P8",
        "Still interested; you understand hiring takes time; where are they in the "
        "process, is there an updated timeline, would anything further help. Never pushy.",
    ),
    "withdrawal": (
        "Withdrawal email",
        "P7",
        "Short and courteous: thanks, your interests lie elsewhere, good wishes.",
    ),
    "recruiter-call": (
        "Recruiter call script",
        "P1",
        "Thank them for arranging it, ask them to follow up with the interviewers today, "
        "convey your enthusiasm, ask for the hiring timeline.",
    ),
    "accept": ("Offer acceptance", "P12", "Accept warmly and confirm the next steps."),
    "decline": ("Offer decline", "P12", "Decline graciously and keep the door open."),
}
PARTS = (
    ("thanks", "Thanks for their time"),
    ("specific-point", "One specific point from the interview"),
    ("sell", "The subtle sell"),
)
# Findings about the whole body (its length) are not underlined: the word count says it.
NOT_UNDERLINED = frozenset({"brevity.long"})


# --- drafting what a step asks for (shared with the JSON API) ------------------------


@dataclass(frozen=True)
class NewDraft:
    kind: str
    key: str | None = None
    interview_id: int | None = None
    opp_id: int | None = None
    to: int | None = None
    nugget: int | None = None


@dataclass(frozen=True)
class ActionIds:
    opp_id: int | None
    interview_id: int | None
    person_id: int | None


KEY_ID = re.compile(r":(opp|interview|person)=(\d{1,10})(?=:|$)")


def action_ids(app: App, key: str, *, now: datetime) -> ActionIds:
    """The ids an agenda action is about: from the plan, else from the key itself."""
    key = key.strip()
    with app.transaction(now) as repo:
        row = repo.get_action(key)
    if row is not None:
        return ActionIds(row["opportunity_id"], row["interview_id"], row["person_id"])
    found = {name: int(value) for name, value in KEY_ID.findall(key)}
    if not found:
        raise UnknownAction(key)
    return ActionIds(found.get("opp"), found.get("interview"), found.get("person"))


def resolve(app: App, wanted: NewDraft, *, now: datetime) -> NewDraft:
    """Fill in the ids an action key stands for (the plan knows them, P1–P12)."""
    if wanted.kind not in DRAFT_KINDS:
        raise BadInput(f"Unknown kind of draft {wanted.kind!r}: use {', '.join(DRAFT_KINDS)}.")
    if not wanted.key:
        return wanted
    ids = action_ids(app, wanted.key, now=now)
    to = wanted.to
    if wanted.kind == "thank-you" or wanted.key.startswith("P8:"):
        to = to or ids.person_id
    return replace(
        wanted,
        opp_id=wanted.opp_id or ids.opp_id,
        interview_id=wanted.interview_id or ids.interview_id,
        to=to,
    )


def create_drafts(app: App, wanted: NewDraft, *, now: datetime) -> list[drafts.DraftView]:
    """Draft what was asked for: one thank-you per interviewer (P5) or one message."""
    wanted = resolve(app, wanted, now=now)
    opp_id, interview_id = wanted.opp_id, wanted.interview_id
    if wanted.kind == "thank-you":
        if interview_id is None:
            if opp_id is None:
                raise BadInput("Which interview is the thank-you for? Give its id.")
            interview_id = _last_interview(app, opp_id, now)
        return drafts.draft_thank_you(
            app, interview_id, now=now, to=wanted.to, nugget=wanted.nugget
        )
    if opp_id is None:
        if interview_id is None:
            raise BadInput("Which opportunity is it about? Give its id.")
        opp_id = show_interview(app, interview_id, now).opportunity.id
    return [drafts.draft_for_opportunity(app, opp_id, wanted.kind, now=now, to=wanted.to)]


def unsent_draft(app: App, wanted: NewDraft, *, now: datetime) -> drafts.DraftView | None:
    """The draft already written for this very step and not sent yet, to reopen it.

    Not for follow-ups: each is written for its moment, under P8's weekly guard.
    """
    wanted = resolve(app, wanted, now=now)
    if wanted.kind == "follow-up" or (wanted.kind == "thank-you" and wanted.interview_id is None):
        return None
    opp_id = wanted.opp_id
    if opp_id is None and wanted.interview_id is not None:
        opp_id = show_interview(app, wanted.interview_id, now).opportunity.id
    if opp_id is None:
        return None
    for view in reversed(drafts.list_drafts(app, now=now, opp_id=opp_id)):
        if (
            view.sent_at is None
            and view.kind == wanted.kind
            and (wanted.to is None or view.person_id == wanted.to)
            and (wanted.kind != "thank-you" or view.interview_id == wanted.interview_id)
        ):
            return view
    return None


def existing_thank_you(app: App, wanted: NewDraft, *, now: datetime) -> drafts.DraftView | None:
    """The thank-you already written for this interview (and person, if one is named).

    P5 allows one thank-you each: asked for another, the web opens this one (an
    unsent draft first, else the latest sent) instead of answering with a refusal.
    """
    if wanted.kind != "thank-you":
        return None
    wanted = resolve(app, wanted, now=now)
    interview_id = wanted.interview_id
    if interview_id is None:
        if wanted.opp_id is None:
            return None
        interview_id = _last_interview(app, wanted.opp_id, now)
    opp_id = show_interview(app, interview_id, now).opportunity.id
    found = [
        view
        for view in drafts.list_drafts(app, now=now, opp_id=opp_id)
        if view.kind == "thank-you"
        and view.interview_id == interview_id
        and (wanted.to is None or view.person_id == wanted.to)
    ]
    unsent = [view for view in found if view.sent_at is None]
    chosen = unsent or found
    return chosen[-1] if chosen else None


def _already(app: App, view: drafts.DraftView) -> str:
    """Why the editor opened an existing thank-you rather than a new one (P5)."""
    name = view.to_name or view.to_email or "This person"
    if view.sent_at is not None:
        when = local_time(view.sent_at, app.timezone)
        return (
            f"{name} was already thanked for this interview ({when}): here is that email. "
            "P5 asks for one thank-you each."
        )
    return (
        f"{name} already has a thank-you for this interview, not sent yet: carry on here "
        "(P5: one thank-you each)."
    )


def _last_interview(app: App, opp_id: int, now: datetime) -> int:
    opp = queries.show_opportunity(app, opp_id, now).opportunity
    ended = [i for i in opp.live_interviews if i.end <= now]
    if not ended:
        raise BadInput(
            f"No interview of {opp.company} has happened yet: thank them afterwards (P5)."
        )
    return int(ended[-1].id)


@dataclass(frozen=True)
class NextStep:
    message: str
    follow_up_key: str | None = None
    due: str | None = None


def next_steps_after_sending(
    app: App, view: drafts.DraftView, flag: str | None, *, now: datetime
) -> NextStep:
    """What the plan says once the contact is logged: when the next follow-up is due (P8)."""
    opp = queries.show_opportunity(app, view.opportunity_id, now)
    said = ["Logged the call (P1)." if view.is_call else "Logged."]
    if flag:
        said.append(f"Note: {flag}")
    follow = next(
        (
            a
            for a in opp.actions
            if str(a["key"]).startswith("P8:follow-up:") and a["state"] in ("pending", "snoozed")
        ),
        None,
    )
    if follow is None:
        closing = {
            "withdrawal": "Record the outcome “withdrawn” on the opportunity so nothing more "
            "is planned for it (P7, P12).",
            "accept": "Record the offer as accepted on the opportunity: that ends the "
            "follow-ups and the search everywhere (P12).",
            "decline": "Record the outcome “declined” on the opportunity (P12).",
        }
        if view.kind in closing and opp.status not in ("withdrawn", "accepted", "declined"):
            said.append(closing[view.kind])
        else:
            said.append("No follow-up is planned for this opportunity now.")
        return NextStep(" ".join(said))
    due = datetime.fromisoformat(str(follow["snoozed_until"] or follow["due"]))
    n = re.search(r":n=(\d+)", str(follow["key"]))
    which = "first" if n is None or n.group(1) == "1" else "next"
    when = "now" if due <= now else f"{due:%a} {due.day} {due:%b}"
    said.append(f"The {which} follow-up is due {when} (P8).")
    return NextStep(" ".join(said), str(follow["key"]), due.isoformat())


def eml_response(app: App, message_id: int) -> Response:
    """The attachment both the page (`/drafts/7.eml`) and the API answer with."""
    data = drafts.export_eml(app, message_id, now=now())
    return Response(
        data,
        media_type="message/rfc822",
        headers={
            "content-disposition": f'attachment; filename="afterview-draft-{message_id}.eml"',
            "x-content-type-options": "nosniff",
        },
    )


# --- where each finding is, in the editor's fields -----------------------------------


def editable_layout(subject: str, to: str, body: str) -> tuple[str, dict[str, int]]:
    """The text the checker reads (as `DraftView.editable_text`) and where each field starts.

    editor.js builds the very same text, so offsets mean the same on both sides.
    """
    head = f"Subject: {subject}\n"
    starts = {"subject": len("Subject: ")}
    if to.strip():
        starts["to"] = len(head) + len("To: ")
        head += f"To: {to}\n"
    starts["body"] = len(head) + 1
    return f"{head}\n{body}", starts


@dataclass(frozen=True)
class Shown:
    """A finding as the editor lists it."""

    field: str
    where: str
    start: int
    length: int
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...]


def shown_findings(report: Report, text: str, starts: dict[str, int]) -> list[Shown]:
    order = sorted(starts.items(), key=lambda item: item[1])
    shown = []
    for f in report.findings:
        field, begin = "text", 0
        for name, start in order:
            if f.offset >= start:
                field, begin = name, start
        local = f.offset - begin
        if field == "body":
            line = text.count("\n", begin, f.offset) + 1
            where = f"Message, line {line}"
        else:
            where = {"subject": "Subject", "to": "To", "text": "Headers"}[field]
        shown.append(
            Shown(field, where, local, f.length, f.rule, f.severity.value, f.message, f.suggestions)
        )
    return shown


def _summary(report: Report | None, view: drafts.DraftView) -> str:
    if report is not None and not report.findings and not view.to_email:
        return "No findings in the text, but no recipient address yet (P3)."
    return report_summary(report)


def report_summary(report: Report | None) -> str:
    if report is None:
        return ""
    if not report.findings:
        return "No findings: it reads well."
    counts: dict[str, int] = {}
    for f in report.findings:
        counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    names = {"error": "error", "warning": "warning", "info": "hint"}
    parts = [
        f"{n} {names[s]}{'' if n == 1 else 's'}"
        for s in ("error", "warning", "info")
        if (n := counts.get(s, 0))
    ]
    total = len(report.findings)
    return f"{total} finding{'' if total == 1 else 's'}: {', '.join(parts)}."


# --- pages ------------------------------------------------------------------------------


@router.post("/drafts/new", summary="Draft what a step asks for, then open the editor")
async def new(request: Request) -> Response:
    form = await request.form()
    app = service(request)
    moment = now()
    came_from = _came_from(request)
    try:
        kind = form_text(form, "kind") or ""
        wanted = NewDraft(
            kind=kind,
            key=form_text(form, "key"),
            interview_id=_form_id(form, "interview_id", "interview"),
            opp_id=_form_id(form, "opp_id", "opportunity"),
            to=_form_id(form, "to", "person"),
        )
        if wanted.kind not in DRAFT_KINDS:
            raise BadInput(
                "Choose what to write: a thank-you, follow-up, withdrawal, call "
                "script, acceptance or decline."
            )
        if get_profile(app, moment) is None:
            anchor = f"#{anchor_of(wanted.key)}" if wanted.key else ""
            return back(
                request,
                f"/settings?next={quote((came_from or '/') + anchor, safe='')}#profile",
                "Set up your profile first: every draft is signed with your name and sent "
                "from your email address.",
            )
        if form_text(form, "fresh") is None:
            earlier = unsent_draft(app, wanted, now=moment)
            if earlier is not None:
                return back(
                    request,
                    f"/drafts/{earlier.id}",
                    f"Your draft from {local_time(earlier.updated_at, app.timezone)}, not sent "
                    "yet: carry on here.",
                )
        try:
            views = create_drafts(app, wanted, now=moment)
        except Refused:
            earlier = existing_thank_you(app, wanted, now=moment)
            if earlier is None:  # thanked by hand, say (no draft to open): the refusal says
                raise
            return back(request, f"/drafts/{earlier.id}", _already(app, earlier), tone="warn")
    except AfterviewError as exc:
        if came_from is not None:
            return _back_with_problem(request, came_from, exc.message)
        return render(
            request,
            "error.html",
            {"message": exc.message, "status": exc.http_status},
            status=exc.http_status,
        )
    first = views[0]
    said = []
    if len(views) > 1:
        said.append(
            f"Drafted {len(views)} thank-you emails, one per interviewer (P5): this is the "
            f"first; the others are under Drafts."
        )
    said.extend(first.notes)
    target = f"/drafts/{first.id}"
    if not said:
        return RedirectResponse(target, status_code=303)
    return back(request, target, " ".join(said), tone="warn" if first.notes else "ok")


@router.get("/drafts", response_class=HTMLResponse, summary="Drafts and sent messages")
def list_page(request: Request, opp: str | None = None) -> Response:
    notice, problem = pop_notice(request)
    app = service(request)
    moment = now()
    opp_id = int(opp) if opp and opp.isdigit() and 0 < int(opp) <= MAX_ID else None
    views = list(reversed(drafts.list_drafts(app, now=moment, opp_id=opp_id)))
    from afterview.services.outbox import entries_by_message

    waiting = entries_by_message(app, now=moment)
    opportunities = queries.list_opportunities(app, moment)
    closed = {"rejected", "withdrawn", "no-response", "accepted", "declined"}
    opportunities.sort(key=lambda o: (o["status"] in closed, -int(o["id"])))
    page = render(
        request,
        "drafts.html",
        {
            "drafts": [_with_outbox(_card(v), waiting.get(v.id)) for v in views],
            "opportunities": opportunities,
            "chosen_opp": opp_id,
            "kinds": [(k, KINDS[k][0], KINDS[k][1]) for k in DRAFT_KINDS],
            "notice": notice,
            "problem": problem,
            "has_profile": get_profile(app, moment) is not None,
        },
    )
    return shown(request, page)


@router.get("/drafts/{message_id}.eml", summary="Download the draft as a .eml file")
def download(request: Request, message_id: DraftId) -> Response:
    return eml_response(service(request), message_id)


@router.get("/drafts/{message_id}", response_class=HTMLResponse, summary="The email editor")
def editor(request: Request, message_id: DraftId) -> Response:
    view = drafts.get_draft(service(request), message_id, now=now())
    to = drafts.format_address(view.to_name, view.to_email)
    notice, problem = pop_notice(request)
    page = _editor(request, view, view.subject, to, view.body, notice=notice, error=problem)
    return shown(request, page)


@router.post("/drafts/{message_id}", summary="Save the draft (the editor's form)")
async def save(request: Request, message_id: DraftId) -> Response:
    form = await request.form()
    app = service(request)
    subject = _raw(form, "subject")
    to = _raw(form, "to")
    body = _raw(form, "body").replace("\r\n", "\n")
    try:
        drafts.edit_draft(app, message_id, now=now(), subject=subject, body=body, to=to)
    except AfterviewError as exc:
        view = drafts.get_draft(app, message_id, now=now())
        if view.sent_at is not None:
            raise
        return _editor(request, view, subject, to, body, error=exc.message, status=exc.http_status)
    return back(request, f"/drafts/{message_id}", "Saved, and checked again.")


@router.post("/drafts/{message_id}/sent", summary="Mark the draft sent (or the call made)")
async def sent(request: Request, message_id: DraftId) -> Response:
    form = await request.form()
    app = service(request)
    moment = now()
    try:
        unsent = drafts.get_draft(app, message_id, now=moment)
        if not unsent.is_call and unsent.sent_at is None and not unsent.to_email:
            raise BadInput(NO_ADDRESS)
        at_text = form_text(form, "at")
        at = parse_datetime(at_text, app.timezone, moment) if at_text else moment
        view, flag = drafts.mark_sent(app, message_id, at=at, now=moment)
    except AfterviewError as exc:
        return _back_with_problem(request, f"/drafts/{message_id}", exc.message)
    step = next_steps_after_sending(app, view, flag, now=moment)
    return back(request, f"/drafts/{message_id}", step.message, tone="warn" if flag else "ok")


@router.post("/drafts/{message_id}/delete", summary="Delete a draft that was not sent")
async def delete(request: Request, message_id: DraftId) -> Response:
    await request.form()
    try:
        drafts.delete_draft(service(request), message_id, now=now())
    except AfterviewError as exc:
        return _back_with_problem(request, f"/drafts/{message_id}", exc.message)
    return back(request, "/drafts", f"Deleted draft {message_id}.")


# --- helpers ------------------------------------------------------------------------------

NO_ADDRESS = (
    "It has no recipient address yet, so it cannot have been sent: add the address in To "
    "(Name <address>) and save first (P3)."
)


def _editor(
    request: Request,
    view: drafts.DraftView,
    subject: str,
    to: str,
    body: str,
    *,
    notice: str | Notice | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    app = service(request)
    moment = now()
    problem: str | None = None
    label, rule, advice = KINDS.get(view.kind, (view.kind, "", ""))
    report: Report | None = None
    check_error: str | None = None
    findings: list[Shown] = []
    if view.sent_at is None and not view.is_call:
        text, starts = editable_layout(subject, to, body)
        try:
            report = checking.check(
                app,
                text,
                now=moment,
                opp_id=view.opportunity_id,
                interview_id=view.interview_id,
                kind=view.kind,
            )
            findings = shown_findings(report, text, starts)
        except AfterviewError as exc:
            check_error = exc.message
    parts_found = {p.part for p in report.parts} if report else set()
    rules = {f.rule for f in report.findings} if report else set()
    if not truth.point_is_specific(body, rules, view.company or ""):
        parts_found.discard(truth.POINT)
    mailto: str | None = None
    if not view.is_call and view.sent_at is None:
        mailto = drafts.mailto_link(app, view.id, now=moment)
    siblings = [
        _card(v)
        for v in drafts.list_drafts(app, now=moment, opp_id=view.opportunity_id)
        if v.id != view.id
    ]
    other_kind = {"accept": "decline", "decline": "accept"}.get(view.kind)
    sending = None
    if not view.is_call and view.sent_at is None:
        from afterview.web.pages.outbox import send_panel

        sending = send_panel(app, view.id, moment)
    return render(
        request,
        "draft.html",
        {
            "d": view,
            "label": label,
            "rule": rule,
            "advice": advice,
            "subject": subject,
            "to": to,
            "body": body,
            "unsaved": error is not None,
            "error": error or problem,
            "notice": notice,
            "report": report,
            "summary": _summary(report, view),
            "check_error": check_error,
            "findings": findings,
            "parts": [(name, text, name in parts_found) for name, text in PARTS],
            "mailto": mailto,
            "siblings": list(reversed(siblings))[:8],
            "other_kind": other_kind,
            "other_label": KINDS[other_kind][0] if other_kind else None,
            "sending": sending,
            "rule_names": truth.RULE_NAMES,
            "general_sentences": truth.general_sentences(view.company or ""),
            "no_address": not view.to_email,
        },
        status=status,
    )


def _card(view: drafts.DraftView) -> dict[str, Any]:
    label, rule, _ = KINDS.get(view.kind, (view.kind, "", ""))
    return {
        "id": view.id,
        "label": label,
        "rule": rule,
        "subject": view.subject,
        "to": view.to_name or view.to_email or "",
        "company": view.company,
        "role": view.role,
        "sent_at": view.sent_at,
        "updated_at": view.updated_at,
        "is_call": view.is_call,
        "opportunity_id": view.opportunity_id,
    }


def _with_outbox(card: dict[str, Any], entry: Any) -> dict[str, Any]:
    """The outbox's word on an unsent draft: queued (and when), or what went wrong."""
    if entry is not None and card["sent_at"] is None and entry.state != "cancelled":
        card |= {"outbox": entry.state, "leaves": entry.next_attempt_at}
    return card


def _raw(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _form_id(form: Any, name: str, what: str) -> int | None:
    value = form_text(form, name)
    if value is None:
        return None
    if not value.isdigit() or not 0 < int(value) <= MAX_ID:
        raise BadInput(f"Cannot read the {what} id {value!r}.")
    return int(value)


def _came_from(request: Request) -> str | None:
    """The same-site page the form was on (path and query), to show a refusal there."""
    from afterview.web.security import same_site_path

    local = same_site_path(request.headers.get("referer"), request.headers.get("host", ""))
    if local is None:  # none, another site's, or forged into one (`//evil.example`)
        return None
    parts = urlsplit(local)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("notice", "problem")]
    return parts.path + (f"?{urlencode(query)}" if query else "")


def _back_with_problem(request: Request, url: str, message: str) -> RedirectResponse:
    """Back to a page, with the refusal shown in red (the one-shot notice cookie)."""
    return back(request, url, message, tone="error")
