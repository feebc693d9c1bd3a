"""`afterview interview …`: the meetings of an opportunity, each in its own time zone."""

from __future__ import annotations

import click

from afterview.cli.common import (
    INTERVIEW_ID,
    OPP_ID,
    PERSON_ID,
    ZONE,
    Env,
    choice,
    emit_json,
    json_option,
    pass_env,
    say,
)
from afterview.playbook.facts import InterviewFormat


@click.group()
def interview() -> None:
    """Interviews: add, move, cancel. Times are read in --tz unless they carry an offset."""


@interview.command("add")
@click.argument("opp_id", type=OPP_ID)
@click.option("--start", required=True, metavar="TIME", help="e.g. 2026-03-10T10:00")
@click.option("--end", required=True, metavar="TIME", help="e.g. 2026-03-10T11:00")
@click.option(
    "--tz", type=ZONE, metavar="ZONE", help="IANA zone of the interview (default: yours)."
)
@click.option(
    "--format",
    "format_",
    type=choice(InterviewFormat),
    default=InterviewFormat.ONSITE.value,
    show_default=True,
)
@click.option("--location", help="Address or meeting link.")
@click.option(
    "--interviewer",
    "interviewers",
    multiple=True,
    metavar='"NAME <EMAIL>"',
    help="Repeat for a panel; an email is optional.",
)
@click.option(
    "--interviewer-id",
    "interviewer_ids",
    multiple=True,
    type=PERSON_ID,
    help="A person already recorded on the opportunity.",
)
@click.option(
    "--recruiter-call-at", metavar="TIME", help="A call with the recruiter already arranged (P1)."
)
@json_option
@pass_env
def add(
    env: Env,
    opp_id: int,
    start: str,
    end: str,
    tz: str | None,
    format_: str,
    location: str | None,
    interviewers: tuple[str, ...],
    interviewer_ids: tuple[int, ...],
    recruiter_call_at: str | None,
    as_json: bool,
) -> None:
    """Add an interview; prints its id and plans P1–P11 around it.

    \b
    Example:
      afterview interview add 1 --start 2026-03-10T10:00 --end 2026-03-10T11:00 \\
          --tz Europe/London --interviewer "Dana Kim <dana.kim@northwind.example>"
    """
    from afterview.parsing import parse_name_and_email, parse_zone
    from afterview.services.records import NewInterviewer, add_interview

    zone = parse_zone(tz).key if tz else env.app.timezone
    people = tuple(NewInterviewer(*parse_name_and_email(text)) for text in interviewers)
    call = env.time(recruiter_call_at, zone) if recruiter_call_at else None
    interview_id = add_interview(
        env.app,
        opp_id,
        start=env.time(start, zone),
        end=env.time(end, zone),
        tz=zone,
        now=env.now(),
        format=InterviewFormat(format_),
        location=location,
        interviewers=people,
        interviewer_ids=interviewer_ids,
        recruiter_call_at=call,
    )
    emit_json({"id": interview_id}) if as_json else say(str(interview_id))


@interview.command("move")
@click.argument("interview_id", type=INTERVIEW_ID)
@click.option("--start", required=True, metavar="TIME")
@click.option("--end", required=True, metavar="TIME")
@click.option("--tz", type=ZONE, metavar="ZONE", help="A new zone, if it changed.")
@pass_env
def move(env: Env, interview_id: int, start: str, end: str, tz: str | None) -> None:
    """The interview moved: the plan follows, your decisions are kept."""
    from afterview.parsing import parse_zone
    from afterview.services.records import move_interview

    zone = parse_zone(tz).key if tz else _zone_of(env, interview_id)
    move_interview(
        env.app,
        interview_id,
        start=env.time(start, zone),
        end=env.time(end, zone),
        now=env.now(),
        tz=zone if tz else None,
    )
    say(f"Moved interview {interview_id}; the plan is updated.")


@interview.command("cancel")
@click.argument("interview_id", type=INTERVIEW_ID)
@pass_env
def cancel(env: Env, interview_id: int) -> None:
    """Cancel an interview; its actions leave the plan."""
    from afterview.services.records import cancel_interview

    cancel_interview(env.app, interview_id, env.now())
    say(f"Cancelled interview {interview_id}.")


def _zone_of(env: Env, interview_id: int) -> str:
    from afterview.services.records import interview_zone

    return interview_zone(env.app, interview_id, env.now())
