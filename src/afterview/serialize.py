"""One serializer per type, shared by `--json` and (later) the web API.

Sorted keys, ISO 8601 with offsets, enums as their values: a stable contract that
a test pins, so scripts built on `--json` keep working.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from afterview.playbook.brief import Brief
from afterview.playbook.facts import (
    Contact,
    Debrief,
    Interview,
    Opportunity,
    Person,
    Reflection,
    Reply,
    Timeline,
)
from afterview.playbook.lessons import Lessons
from afterview.playbook.timing import local


def when(moment: datetime | None, tz: str) -> str | None:
    return local(moment, tz).isoformat(timespec="seconds") if moment else None


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def person(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "role": p.role.value,
        "email": p.email,
        "phone": p.phone,
        "title": p.title,
        "source": p.source.value,
    }


def interview(i: Interview) -> dict[str, Any]:
    return {
        "id": i.id,
        "round": i.round,
        "start": when(i.start, i.tz),
        "end": when(i.end, i.tz),
        "tz": i.tz,
        "format": i.format.value,
        "location": i.location,
        "interviewer_ids": list(i.interviewer_ids),
        "recruiter_call_at": when(i.recruiter_call_at, i.tz),
        "cancelled": i.cancelled,
    }


def timeline(t: Timeline, tz: str) -> dict[str, Any]:
    return {
        "recorded_at": when(t.recorded_at, tz),
        "decision_by": day(t.decision_by),
        "follow_up_with": t.follow_up_with,
        "follow_up_how": t.follow_up_how.value if t.follow_up_how else None,
        "follow_up_on": day(t.follow_up_on),
    }


def contact(c: Contact, tz: str, flag: str | None = None) -> dict[str, Any]:
    return {
        "id": c.id,
        "at": when(c.at, tz),
        "kind": c.kind.value,
        "channel": c.channel.value,
        "person_id": c.person_id,
        "note": c.note,
        "flag": flag,
    }


def reply(r: Reply, tz: str) -> dict[str, Any]:
    return {"id": r.id, "at": when(r.at, tz), "note": r.note}


def debrief(d: Debrief, tz: str) -> dict[str, Any]:
    from afterview.services.debriefs import debrief_to_plain

    return {"interview_id": d.interview_id, "recorded_at": when(d.recorded_at, tz)} | (
        debrief_to_plain(d)
    )


def reflection(r: Reflection, tz: str) -> dict[str, Any]:
    return {
        "id": r.id,
        "recorded_at": when(r.recorded_at, tz),
        "interview_id": r.interview_id,
        "fit": r.fit,
        "growth": r.growth,
        "culture": r.culture,
        "values": r.values,
        "happy": r.happy,
        "concerns": r.concerns,
        "decision": r.decision.value,
    }


def opportunity(
    o: Opportunity, status: str, tz: str, flags: dict[int, str] | None = None
) -> dict[str, Any]:
    flags = flags or {}
    return {
        "id": o.id,
        "company": o.company,
        "role": o.role,
        "route": o.route.value,
        "status": status,
        "created_at": when(o.created_at, tz),
        "org_tz": o.org_tz,
        "holiday_country": o.holiday_country,
        "people": [person(p) for p in o.people],
        "interviews": [interview(i) for i in o.interviews],
        "timelines": [timeline(t, tz) for t in o.timelines],
        "contacts": [contact(c, tz, flags.get(c.id)) for c in o.contacts],
        "replies": [reply(r, tz) for r in o.replies],
        "debriefs": [debrief(d, tz) for d in o.debriefs],
        "reflections": [reflection(r, tz) for r in o.reflections],
        "outcomes": [{"at": when(e.at, tz), "outcome": e.outcome.value} for e in o.outcomes],
        "competitors": list(o.competitors),
    }


def brief(b: Brief) -> dict[str, Any]:
    return {
        "company": b.company,
        "role": b.role,
        "rounds_debriefed": list(b.rounds_debriefed),
        "to_improve": [
            {
                "question": q.question,
                "quality": q.quality.value,
                "reason": q.reason.value if q.reason else None,
                "add_next_time": q.add_next_time,
            }
            for q in b.to_improve
        ],
        "questions_to_ask": list(b.questions_to_ask),
        "liked": list(b.liked),
        "disliked": list(b.disliked),
        "nuggets": list(b.nuggets),
        "cover_more": list(b.cover_more),
        "people": [
            {"name": m.name, "role": m.role, "title": m.title, "rounds": list(m.rounds)}
            for m in b.people
        ],
    }


def lessons(report: Lessons) -> dict[str, Any]:
    return {
        "interviews_debriefed": report.interviews_debriefed,
        "weak_questions": [
            {
                "question": w.question,
                "times": w.times,
                "companies": list(w.companies),
                "reasons": list(w.reasons),
                "add_next_time": list(w.add_next_time),
            }
            for w in report.weak_questions
        ],
        "liked": [{"text": text, "times": n} for text, n in report.liked],
        "disliked": [{"text": text, "times": n} for text, n in report.disliked],
        "cover_more": [{"text": text, "times": n} for text, n in report.cover_more],
        "rules": [
            {
                "rule": r.rule,
                "on_time": r.on_time,
                "late": r.late,
                "skipped": r.skipped,
                "overdue": r.overdue,
                "upcoming": r.upcoming,
                "missed": r.missed,
                "on_time_share": r.on_time_share,
            }
            for r in report.rules
        ],
    }
