"""The next-round brief (P10) and the lessons across every interview (P11)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from afterview.playbook.timing import local
from afterview.services import queries
from afterview.web.lessons_chart import legend, render_chart, rule_name
from afterview.web.pages.common import now, service
from afterview.web.templating import render

router = APIRouter()

QUALITY_WORDS = {"weak": "answered weakly", "wrong": "answered wrongly"}
REASON_WORDS = {
    "misread": "misread the question",
    "forgot": "forgot key information",
    "incorrect": "answered incorrectly",
    "other": "another reason",
}


@router.get("/opportunities/{opp_id}/brief", response_class=HTMLResponse, summary="Brief (P10)")
def brief_page(request: Request, opp_id: int) -> Response:
    """P10: weak answers and what to add, questions to ask, reactions, nuggets, who was met."""
    app = service(request)
    moment = now()
    brief = queries.brief(app, opp_id, moment)
    opp = queries.show_opportunity(app, opp_id, moment).opportunity
    upcoming = [i for i in opp.live_interviews if i.start > moment]
    next_round = None
    if upcoming:
        first = upcoming[0]
        start = local(first.start, first.tz)
        next_round = {
            "id": first.id,
            "round": first.round,
            "when": f"{start:%A %d %B, %H:%M} ({first.tz})",
        }
    debriefed = {d.interview_id for d in opp.debriefs}
    to_debrief = [
        {"id": i.id, "round": i.round}
        for i in opp.live_interviews
        if i.end <= moment and i.id not in debriefed
    ]
    return render(
        request,
        "brief.html",
        {
            "brief": brief,
            "opp_id": opp_id,
            "next_round": next_round,
            "to_debrief": to_debrief,
            "quality_words": QUALITY_WORDS,
            "reason_words": REASON_WORDS,
        },
    )


@router.get("/lessons", response_class=HTMLResponse, summary="Lessons (P11)")
def lessons_page(request: Request) -> Response:
    """P11: recurring weak questions, reactions, and how often each step was on time."""
    report = queries.lessons(service(request), now())
    rows = [
        {
            "rule": r.rule,
            "name": rule_name(r.rule),
            "record": r,
            "share": f"{r.on_time_share:.0%}" if r.on_time_share is not None else "—",
        }
        for r in report.rules
    ]
    return render(
        request,
        "lessons.html",
        {
            "report": report,
            "rows": rows,
            "chart": render_chart(report.rules),
            "legend": legend(),
            "reason_words": REASON_WORDS,
        },
    )
