"""One-line summaries of an import, shared by the CLI and the web pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from afterview.playbook.facts import InterviewFormat

if TYPE_CHECKING:
    from afterview.services.invites import InviteResult
    from afterview.services.vcards import CardOutcome, VCardImport


def describe_invite(result: InviteResult) -> str:
    """One line: what happened, to which interview, when and where, and to whom."""
    from afterview.playbook.timing import local

    where = f"opportunity {result.opportunity_id} ({result.company})"
    if result.opportunity_created:
        where = f"new {where}"
    start, end = local(result.start, result.tz), local(result.end, result.tz)
    city = result.tz.split("/")[-1].replace("_", " ")
    when = f"{start:%a %d %b %H:%M}–{end:%H:%M} {city}"
    if start.date() != end.date():
        when = f"{start:%a %d %b %H:%M}–{end:%a %d %b %H:%M} {city}"
    if result.all_day:
        when = f"{start:%a %d %b}, all day ({start:%H:%M}–{end:%H:%M} {city})"
    detail = f"{when}{_place(result)}{_people(result, known=result.action == 'added')}"
    interview = f"Interview {result.interview_id}"
    if result.action == "added":
        return f"{interview} added to {where}: {detail}."
    if result.action == "moved":
        return f"{interview} of {where} moved to {detail}; the plan follows, decisions kept."
    if result.action == "updated":
        return f"{interview} of {where} updated: {detail}."
    if result.action == "cancelled":
        return f"{interview} of {where} cancelled, as the invitation says; its steps are dropped."
    return f"{interview} of {where} unchanged: {when}{_place(result)}."


def _place(result: InviteResult) -> str:
    if result.meeting_url:
        return f", {result.meeting_provider or 'video'} link"
    if result.format is InterviewFormat.PHONE:
        return f", by phone ({result.location})" if result.location else ", by phone"
    return f", at {result.location}" if result.location else ""


def _people(result: InviteResult, known: bool) -> str:
    added, already = len(result.people_added), len(result.people_known)
    parts = []
    if added:
        parts.append(f"{added} {'person' if added == 1 else 'people'} added")
    if already and known:
        parts.append(f"{already} already known")
    return "; " + ", ".join(parts) if parts else ""


def describe_vcards(result: VCardImport) -> str:
    where = f"Opportunity {result.opportunity_id} ({result.company})"
    parts = []
    if result.created:
        parts.append(f"{_count(result.created)} added ({_names(result.created)})")
    if result.updated:
        changed = ", ".join(f"{o.name}: {', '.join(o.changed)}" for o in result.updated)
        parts.append(f"{_count(result.updated)} updated ({changed})")
    if result.unchanged:
        parts.append(f"{_count(result.unchanged)} already up to date ({_names(result.unchanged)})")
    return f"{where}: {'; '.join(parts)}."


def _count(outcomes: tuple[CardOutcome, ...]) -> str:
    return f"{len(outcomes)} {'person' if len(outcomes) == 1 else 'people'}"


def _names(outcomes: tuple[CardOutcome, ...]) -> str:
    return ", ".join(f"{o.name} [{o.person_id}]" for o in outcomes)
