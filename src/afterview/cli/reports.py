"""`brief` (P10) and `lessons` (P11)."""

from __future__ import annotations

import click

from afterview.cli.common import OPP_ID, Env, emit_json, json_option, pass_env


@click.command()
@click.argument("opp_id", type=OPP_ID)
@json_option
@pass_env
def brief(env: Env, opp_id: int, as_json: bool) -> None:
    """The next-round brief (P10): what to improve, ask, and remember from earlier rounds."""
    from afterview import serialize
    from afterview.services.queries import brief as build

    result = build(env.app, opp_id, env.now())
    if as_json:
        emit_json(serialize.brief(result))
        return
    from rich.console import Console

    from afterview.text_safety import for_terminal as escape

    console = Console()
    console.print(f"[bold]Brief: {escape(result.company)} — {escape(result.role)}[/bold]")
    if result.is_empty:
        console.print("No debrief yet. Write one after each round: afterview debrief INTERVIEW")
        return
    _section(
        console,
        "Answer better this time",
        [
            f"{q.question} — {q.quality.value}"
            + (f" ({q.reason.value})" if q.reason else "")
            + (f"\n      add: {q.add_next_time}" if q.add_next_time else "")
            for q in result.to_improve
        ],
    )
    _section(console, "Questions to ask", result.questions_to_ask)
    _section(console, "They liked", result.liked)
    _section(console, "They disliked", result.disliked)
    _section(console, "Cover more", result.cover_more)
    _section(console, "Nuggets", result.nuggets)
    _section(
        console,
        "People met",
        [
            f"{m.name} ({m.role}{', ' + m.title if m.title else ''})"
            + (f" — round {', '.join(map(str, m.rounds))}" if m.rounds else "")
            for m in result.people
        ],
    )


@click.command()
@json_option
@pass_env
def lessons(env: Env, as_json: bool) -> None:
    """Lessons across every interview (P11): weak spots and steps done on time."""
    from afterview import serialize
    from afterview.services.queries import lessons as build

    report = build(env.app, env.now())
    if as_json:
        emit_json(serialize.lessons(report))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]Lessons[/bold] from {report.interviews_debriefed} debriefed interview(s)")
    _section(
        console,
        "Recurring weak questions",
        [
            f"{w.question} — {w.times}× ({', '.join(w.companies)})"
            + (f"\n      add: {'; '.join(w.add_next_time)}" if w.add_next_time else "")
            for w in report.weak_questions
        ],
    )
    _section(console, "Interviewers liked", [f"{t} ({n}×)" for t, n in report.liked])
    _section(console, "Interviewers disliked", [f"{t} ({n}×)" for t, n in report.disliked])
    table = Table(title="Playbook steps", title_justify="left")
    for column in ("Rule", "On time", "Late", "Skipped", "Missed", "Overdue", "On-time share"):
        table.add_column(column, justify="right" if column != "Rule" else "left")
    for r in report.rules:
        share = f"{r.on_time_share:.0%}" if r.on_time_share is not None else "—"
        table.add_row(
            r.rule,
            str(r.on_time),
            str(r.late),
            str(r.skipped),
            str(r.missed),
            str(r.overdue),
            share,
        )
    console.print(table)


def _section(console: object, title: str, lines: list[str] | tuple[str, ...]) -> None:
    from afterview.text_safety import for_terminal as escape

    if not lines:
        return
    console.print(f"\n[bold]{title}[/bold]")  # type: ignore[attr-defined]
    for line in lines:
        console.print(f"  • {escape(line, multiline=True)}")  # type: ignore[attr-defined]
