"""The interview page: when, where and who; the debrief form (P4); the fit reflection (P7).

The debrief is written right after the interview, often on a phone, so the form is
quick to fill and never loses what was typed: a refused save re-renders the form
with every character kept and the message shown (status 400). Question rows and
nugget rows repeat; "Add another …" clones a `<template>` with JavaScript
(static/debrief.js) or, without it, submits and re-renders the form with more empty
rows. Each nugget row names who said it (P5: their letter uses it first), chosen
among the interview's interviewers.

A withdrawal (P7) is confirmed first, then can be undone for a while: its notice
stands in the reflection's place with an Undo button (services/undo.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from afterview.errors import AfterviewError, BadInput
from afterview.playbook.facts import (
    AnswerQuality,
    AnswerReason,
    FitDecision,
    Overall,
    Person,
    PersonRole,
)
from afterview.playbook.timing import local
from afterview.services import records, undo
from afterview.services.debriefs import LIST_FIELDS, debrief_to_plain, record_debrief
from afterview.services.interviews import InterviewView, show_interview
from afterview.web.pages import notices
from afterview.web.pages.common import back, now, service, shown
from afterview.web.templating import render

router = APIRouter()
T = TypeVar("T")

EMPTY_ROWS = 3  # a new debrief starts with this many empty question rows
MORE_ROWS = 3  # "Add another question" without JavaScript adds this many
MAX_ROWS = 100  # a form with more rows than this is not a debrief
ROW_FIELD = re.compile(r"q(\d{1,3})_(question|quality|reason|add_next_time)")
NUGGET_FIELD = re.compile(r"n(\d{1,3})_(text|said_by)")

# The debrief's free-text lists (P4), in the playbook's order, with label and help.
LISTS: tuple[tuple[str, str, str], ...] = (
    ("went_well", "What went well?", "One point per line."),
    ("cover_more", "What should you have covered more?", "One point per line."),
    (
        "nuggets",
        "Nuggets about the role or the organisation",
        "One per box: a product launch, an expansion, a project. Each can be the "
        "thank-you's specific point (P5); say who said it, and their letter uses it first. "
        "Leave “—” when nobody in particular did.",
    ),
    (
        "new_questions",
        "New questions to ask in a next round",
        "One per line; the next-round brief (P10) lists them.",
    ),
    ("liked", "What did the interviewers seem to like?", "One per line."),
    ("disliked", "What did they seem to dislike?", "One per line."),
    (
        "concerns",
        "Anything that caused you concern?",
        "One per line; your fit reflection (P7) weighs them.",
    ),
)
QUALITIES = (("good", "Good"), ("weak", "Weak"), ("wrong", "Wrong"))
REASONS = (
    ("", "—"),
    ("misread", "Misread the question"),
    ("forgot", "Forgot key information"),
    ("incorrect", "Answered incorrectly"),
    ("other", "Other"),
)
OVERALLS = (("good", "Good"), ("mixed", "Mixed"), ("poor", "Poor"), ("", "Not sure yet"))
# The five questions of the fit reflection (P7), as PLAYBOOK.md asks them.
SCORES = (
    ("fit", "Is this organisation a good fit for me?"),
    ("growth", "Can I see myself growing and furthering my career here?"),
    ("culture", "Will I fit the organisation's culture?"),
    ("values", "Are our values and ethics aligned?"),
    ("happy", "Would I be happy working here?"),
)
MAX_CONCERNS = 2000
# The verbs of notices shown in the reflection's own place (where the decision was
# taken, where the redirect lands): a withdrawal, which it can undo, and the rest.
WITHDREW, REFLECTED = "withdrew", "reflected"

assert {name for name, *_ in LISTS} == set(LIST_FIELDS)
TEXT_LISTS = tuple(name for name in LIST_FIELDS if name != "nuggets")  # nuggets have rows
assert {v for v, _ in QUALITIES} == {q.value for q in AnswerQuality}
assert {v for v, _ in REASONS if v} == {r.value for r in AnswerReason}
assert {v for v, _ in OVERALLS if v} == {o.value for o in Overall}


@dataclass
class DebriefForm:
    """What the debrief form shows: text exactly as typed (or as saved)."""

    lists: dict[str, str] = field(default_factory=dict)
    overall: str = ""
    rows: list[dict[str, str]] = field(default_factory=list)
    nuggets: list[dict[str, str]] = field(default_factory=list)  # {text, said_by}

    @property
    def next_index(self) -> int:
        return len(self.rows)


@dataclass
class ReflectionForm:
    scores: dict[str, str] = field(default_factory=dict)
    concerns: str = ""


def empty_row() -> dict[str, str]:
    return {"question": "", "quality": "good", "reason": "", "add_next_time": ""}


def empty_nugget() -> dict[str, str]:
    return {"text": "", "said_by": ""}


def _padded(
    rows: list[dict[str, str]], empty: Callable[[], dict[str, str]]
) -> list[dict[str, str]]:
    """Saved rows then empty ones: up to EMPTY_ROWS, and always at least one to type in."""
    return rows + [empty() for _ in range(max(EMPTY_ROWS - len(rows), 1))]


def nugget_rows(saved: list[Any]) -> list[dict[str, str]]:
    """Saved nuggets (text, or {text, said_by}) as form rows."""
    rows = []
    for item in saved:
        if isinstance(item, dict):
            rows.append({"text": str(item["text"]), "said_by": str(item.get("said_by") or "")})
        else:
            rows.append({"text": str(item), "said_by": ""})
    return rows


def debrief_form(view: InterviewView) -> DebriefForm:
    """The saved debrief as form text, or an empty form with EMPTY_ROWS rows."""
    debrief = view.debrief
    if debrief is None:
        return DebriefForm(
            rows=[empty_row() for _ in range(EMPTY_ROWS)],
            nuggets=[empty_nugget() for _ in range(EMPTY_ROWS)],
        )
    plain = debrief_to_plain(debrief)
    rows = [
        {
            "question": q["question"],
            "quality": q["quality"],
            "reason": q["reason"] or "",
            "add_next_time": q["add_next_time"] or "",
        }
        for q in plain["questions"]
    ]
    return DebriefForm(
        lists={name: "\n".join(plain[name]) for name in TEXT_LISTS},
        overall=plain["overall"] or "",
        rows=_padded(rows, empty_row),
        nuggets=_padded(nugget_rows(plain["nuggets"]), empty_nugget),
    )


def posted_debrief(form: Any) -> DebriefForm:
    """The posted form, kept verbatim (a refused save shows it again, character for character)."""
    lists = {name: _raw(form, name) for name in TEXT_LISTS}
    found: dict[int, dict[str, str]] = {}
    said: dict[int, dict[str, str]] = {}
    for key in form:
        match = ROW_FIELD.fullmatch(str(key))
        if match:
            found.setdefault(int(match[1]), empty_row())[match[2]] = _raw(form, key)
        match = NUGGET_FIELD.fullmatch(str(key))
        if match:
            said.setdefault(int(match[1]), empty_nugget())[match[2]] = _raw(form, key)
    if len(found) > MAX_ROWS:
        raise BadInput(f"{len(found)} question rows is more than a debrief holds ({MAX_ROWS}).")
    # A page from before nugget rows posts them as one box, one a line: still read.
    lines = [{"text": line, "said_by": ""} for line in _raw(form, "nuggets").splitlines()]
    nuggets = [row for row in lines if row["text"].strip()] + [said[i] for i in sorted(said)]
    if len(nuggets) > MAX_ROWS:
        raise BadInput(f"{len(nuggets)} nugget rows is more than a debrief holds ({MAX_ROWS}).")
    rows = [found[i] for i in sorted(found)]
    return DebriefForm(lists=lists, overall=_raw(form, "overall"), rows=rows, nuggets=nuggets)


def debrief_data(state: DebriefForm, speakers: Sequence[Person] = ()) -> dict[str, Any]:
    """The form as the document `record_debrief` reads (P4): lists from lines, filled rows.

    Every nugget row goes, an empty one as "", so the service numbers them as the form
    shows them. The select posts an interviewer's id (the service checks they were at
    this interview, P5); anything else is a crafted or stale form, refused here.
    """
    data: dict[str, Any] = {
        name: [line.strip() for line in state.lists.get(name, "").splitlines() if line.strip()]
        for name in TEXT_LISTS
    }
    data["nuggets"] = [_nugget(row, n, speakers) for n, row in enumerate(state.nuggets, 1)]
    data["questions"] = [
        {
            "question": _one_line(row["question"]),
            "quality": row["quality"].strip() or "good",
            "reason": row["reason"].strip() or None,
            "add_next_time": _one_line(row["add_next_time"]) or None,
        }
        for row in state.rows
        if row["question"].strip() or row["add_next_time"].strip()
    ]
    data["overall"] = state.overall.strip() or None
    return data


def _nugget(row: dict[str, str], n: int, speakers: Sequence[Person]) -> str | dict[str, str]:
    text, who = _one_line(row["text"]), row["said_by"].strip()
    if not text or not who:
        return text
    if not who.isdigit():
        names = ", ".join(p.name for p in speakers)
        choose = f"choose {names} or “—”" if names else "leave “—”: no interviewer is recorded"
        raise BadInput(f"Who said nugget {n}: {who!r} is not on the list; {choose}.")
    return {"text": text, "said_by": who}


def reflection_form(view: InterviewView) -> ReflectionForm:
    """Pre-filled from the latest reflection (P7), so a second one starts from the first."""
    last = view.last_reflection
    if last is None:
        return ReflectionForm()
    return ReflectionForm({name: str(getattr(last, name)) for name, _ in SCORES}, "")


def posted_reflection(form: Any) -> ReflectionForm:
    return ReflectionForm({name: _raw(form, name) for name, _ in SCORES}, _raw(form, "concerns"))


def reflection_scores(state: ReflectionForm) -> dict[str, int]:
    scores: dict[str, int] = {}
    for name, question in SCORES:
        text = state.scores.get(name, "").strip()
        if not text:
            raise BadInput(f"Answer every question with a score from 1 to 5: “{question}”")
        try:
            scores[name] = int(text)
        except ValueError:
            raise BadInput(f"“{question}”: {text!r} is not a score from 1 to 5.") from None
    return scores


@router.get("/interviews/{interview_id}", response_class=HTMLResponse, summary="Interview")
def interview_page(request: Request, interview_id: int) -> Response:
    """The interview, its debrief form (P4) and the fit reflection (P7)."""
    view = show_interview(service(request), interview_id, now())
    notice = notices.take(request)
    if notice is not None and notice.verb in (WITHDREW, REFLECTED):
        page = _page(request, view, reflection_notice=notice, undoable=_undoable(view, notice))
    else:
        page = _page(request, view, notice=notice)
    return shown(request, page)


@router.post("/interviews/{interview_id}/debrief", summary="Save the interview's debrief (P4)")
async def save_debrief(request: Request, interview_id: int) -> Response:
    form = await request.form()
    app = service(request)
    view = await _call(show_interview, app, interview_id, now())
    try:
        state = posted_debrief(form)
    except AfterviewError as exc:  # only an absurd form: nothing worth keeping
        return _page(request, view, debrief_error=exc.message, status=400)
    if form.get("more") == "nugget":
        state.nuggets = (state.nuggets + [empty_nugget() for _ in range(MORE_ROWS)])[:MAX_ROWS]
        focus = len(state.nuggets) - MORE_ROWS
        return _page(request, view, debrief=state, focus_nugget=focus)
    if form.get("more") is not None:
        state.rows += [empty_row() for _ in range(MORE_ROWS)]
        state.rows = state.rows[:MAX_ROWS]
        return _page(request, view, debrief=state, focus_row=len(state.rows) - MORE_ROWS)
    try:
        data = debrief_data(state, view.interviewers)
        await _call(record_debrief, app, interview_id, data, now())
    except AfterviewError as exc:
        return _page(request, view, debrief=state, debrief_error=exc.message, status=400)
    return back(
        request,
        f"/interviews/{interview_id}?saved=debrief",
        "Debrief saved (P4). Next: thank them while it is fresh (P5).",
    )


@router.post("/interviews/{interview_id}/reflection", summary="Record the fit reflection (P7)")
async def save_reflection(request: Request, interview_id: int) -> Response:
    form = await request.form()
    app = service(request)
    view = await _call(show_interview, app, interview_id, now())
    state = posted_reflection(form)
    try:
        decision_text = str(form.get("decision") or "")
        try:
            decision = FitDecision(decision_text)
        except ValueError:
            raise BadInput("Choose Continue or Withdraw.") from None
        concerns = state.concerns.strip()
        if len(concerns) > MAX_CONCERNS:
            raise BadInput(
                f"The concerns are too long ({len(concerns)} characters; at most {MAX_CONCERNS})."
            )
        scores = reflection_scores(state)
        if decision is FitDecision.WITHDRAW and form.get("confirmed") != "1":
            return _page(request, view, reflection=state, confirm_withdraw=True)
        opp_id, said = view.opportunity.id, concerns or None
        reflection_id = await _call(_reflect, app, opp_id, scores, decision, now(), said)
    except AfterviewError as exc:
        return _page(request, view, reflection=state, reflection_error=exc.message, status=400)
    url = f"/interviews/{interview_id}?reflected={decision.value}#reflection"
    if decision is FitDecision.WITHDRAW:
        text = (
            "Withdrawal decided (P7): pending follow-ups are cancelled and the opportunity "
            "is marked withdrawn. Send a short, courteous withdrawal."
        )
        return back(request, url, notices.Notice(text, undo=str(reflection_id), verb=WITHDREW))
    return back(request, url, notices.Notice(CONTINUED, verb=REFLECTED))


CONTINUED = "Reflection recorded: you continue (P7)."


@router.post(
    "/interviews/{interview_id}/reflection/undo", summary="Undo a withdrawal just decided (P7)"
)
async def undo_reflection(request: Request, interview_id: int) -> Response:
    """The opportunity open again, its follow-ups back, the withdrawal step gone (P7, P8):
    the withdraw reflection is removed, unless something was recorded after it."""
    form = await request.form()
    app = service(request)
    here = f"/interviews/{interview_id}#reflection"
    view = await _call(show_interview, app, interview_id, now())
    try:
        text = str(form.get("reflection_id") or "")
        if not (text.isdigit() and len(text) < 12):
            raise BadInput("Which withdrawal? The form lost it; reload the page.")
        await _call(_undo, app, view.opportunity.id, int(text), now())
    except AfterviewError as exc:
        return back(request, here, notices.Notice(exc.message, "error", verb=REFLECTED))
    company = view.opportunity.company
    text = f"Withdrawal undone: {company} is open again and its follow-ups are back (P7, P8)."
    return back(request, here, notices.Notice(text, verb=REFLECTED))


def _undoable(view: InterviewView, notice: notices.Notice | None) -> int | None:
    """The withdraw reflection a fresh notice offers to undo, while it is still the last."""
    if notice is None or notice.verb != WITHDREW or not (notice.undo or "").isdigit():
        return None
    last = view.last_reflection
    wanted = int(notice.undo or "0")
    if last is None or last.id != wanted or last.decision is not FitDecision.WITHDRAW:
        return None
    return wanted


def _undo(app: Any, opp_id: int, reflection_id: int, moment: datetime) -> None:
    undo.undo_withdrawal(app, opp_id, reflection_id, now=moment)


def _reflect(
    app: Any,
    opp_id: int,
    scores: dict[str, int],
    decision: FitDecision,
    moment: datetime,
    concerns: str | None,
) -> int:
    return records.reflect(
        app, opp_id, scores=scores, decision=decision, now=moment, concerns=concerns
    )


def _page(
    request: Request,
    view: InterviewView,
    *,
    debrief: DebriefForm | None = None,
    reflection: ReflectionForm | None = None,
    debrief_error: str | None = None,
    reflection_error: str | None = None,
    notice: str | notices.Notice | None = None,
    status: int = 200,
    focus_row: int | None = None,
    focus_nugget: int | None = None,
    confirm_withdraw: bool = False,
    reflection_notice: notices.Notice | None = None,
    undoable: int | None = None,
) -> Response:
    app = service(request)
    moment = now()
    interview = view.interview
    opp = view.opportunity
    start, end = local(interview.start, interview.tz), local(interview.end, interview.tz)
    own_zone = app.timezone
    elsewhere = None
    if own_zone != interview.tz:
        mine = local(interview.start, own_zone)
        elsewhere = f"{mine:%a %d %b %H:%M} in your zone ({own_zone})"
    last = view.last_reflection
    context = {
        "view": view,
        "opp": opp,
        "interview": interview,
        "when": f"{start:%A %d %B %Y}, {start:%H:%M}–{end:%H:%M}",
        "zone": interview.tz,
        "elsewhere": elsewhere,
        "ended": interview.end <= moment,
        "upcoming": interview.start > moment,
        "location_link": (interview.location or "").startswith(("https://", "http://")),
        "interviewers": view.interviewers,
        "recruiters": [p for p in opp.people if p.role is PersonRole.RECRUITER],
        "debrief": debrief or debrief_form(view),
        "has_debrief": view.debrief is not None,
        "debrief_saved_at": _when(view.debrief.recorded_at, interview.tz) if view.debrief else None,
        "reflection": reflection or reflection_form(view),
        "last_reflection": last,
        "last_reflection_at": _when(last.recorded_at, interview.tz) if last else None,
        "withdrawn": last is not None and last.decision is FitDecision.WITHDRAW,
        "debrief_error": debrief_error,
        "reflection_error": reflection_error,
        "confirm_withdraw": confirm_withdraw,
        "notice": notice,
        "reflection_notice": reflection_notice,
        "undoable": undoable,
        "focus_row": focus_row,
        "focus_nugget": focus_nugget,
        "speakers": [(str(p.id), p.name) for p in view.interviewers],
        "lists": LISTS,
        "qualities": QUALITIES,
        "reasons": REASONS,
        "overalls": OVERALLS,
        "scores": SCORES,
        "max_concerns": MAX_CONCERNS,
        "opp_status": view.status,
    }
    return render(request, "interview.html", context, status=status)


def _when(moment: datetime, tz: str) -> str:
    return f"{local(moment, tz):%a %d %b %H:%M}"


def _one_line(text: str) -> str:
    """A question box wraps on a phone; a line break typed in it is just a space."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _raw(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


async def _call(function: Callable[..., T], *args: Any) -> T:
    """A synchronous use case, off the event loop (the service layer is blocking)."""
    return await run_in_threadpool(function, *args)
