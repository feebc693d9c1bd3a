"""Recording what happened: timeline, contacts, replies, debrief, reflection, outcome."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

import click

from afterview.cli.common import (
    INTERVIEW_ID,
    OPP_ID,
    PERSON_ID,
    Env,
    choice,
    emit_json,
    json_option,
    pass_env,
    say,
    warn,
)
from afterview.errors import BadInput
from afterview.playbook.facts import Channel, ContactKind, FitDecision, Outcome

MAX_DEBRIEF_FILE = 1_000_000


@click.command()
@click.argument("opp_id", type=OPP_ID)
@click.option("--decision-by", metavar="DATE", help="When they expect to decide.")
@click.option(
    "--follow-up-with", type=PERSON_ID, metavar="PERSON_ID", help="Whom to follow up with."
)
@click.option("--follow-up-how", type=choice(Channel), help="How to follow up.")
@click.option("--follow-up-on", metavar="DATE", help="When they said to follow up.")
@click.option(
    "--none-yet", is_flag=True, help="You asked; they have no timeline yet (P6 asks again later)."
)
@click.option("--at", metavar="TIME", default="now", show_default=True, help="When you were told.")
@pass_env
def timeline(
    env: Env,
    opp_id: int,
    decision_by: str | None,
    follow_up_with: int | None,
    follow_up_how: str | None,
    follow_up_on: str | None,
    none_yet: bool,
    at: str,
) -> None:
    """Record the hiring timeline you were told (P6); follow-ups restart from it (P8).

    \b
    Example:
      afterview timeline 1 --decision-by 2026-03-20 --follow-up-with 3 --follow-up-how email
    """
    from afterview.services.records import set_timeline

    set_timeline(
        env.app,
        opp_id,
        now=env.recorded(at),
        decision_by=env.day(decision_by),
        follow_up_with=follow_up_with,
        follow_up_how=Channel(follow_up_how) if follow_up_how else None,
        follow_up_on=env.day(follow_up_on),
        none_given=none_yet,
    )
    if none_yet:
        say(f"Noted: no timeline yet for opportunity {opp_id}; you will be asked again (P6).")
    else:
        say(f"Timeline recorded for opportunity {opp_id}.")


@click.command()
@click.argument("opp_id", type=OPP_ID)
@click.option("--kind", type=choice(ContactKind), required=True)
@click.option("--channel", type=choice(Channel), required=True)
@click.option("--at", metavar="TIME", default="now", show_default=True)
@click.option("--person", "person_id", type=PERSON_ID, metavar="PERSON_ID")
@click.option("--note")
@json_option
@pass_env
def contact(
    env: Env,
    opp_id: int,
    kind: str,
    channel: str,
    at: str,
    person_id: int | None,
    note: str | None,
    as_json: bool,
) -> None:
    """Log a contact you made. A follow-up within a week of another is kept but flagged (P8).

    \b
    Example:
      afterview contact 1 --kind thank-you --channel email --at 2026-03-10T16:40 --person 3
    """
    from afterview.services.records import log_contact

    logged = log_contact(
        env.app,
        opp_id,
        kind=ContactKind(kind),
        channel=Channel(channel),
        at=env.time(at),
        now=env.now(),
        person_id=person_id,
        note=note,
    )
    if logged.flag:
        warn(f"logged, but {logged.flag}")
    if logged.early:
        warn(f"logged; {logged.early}")
    if as_json:
        emit_json({"id": logged.id, "flag": logged.flag})
    else:
        say(str(logged.id))


@click.command()
@click.argument("opp_id", type=OPP_ID)
@click.option("--at", metavar="TIME", default="now", show_default=True)
@click.option("--note", help="What they said.")
@pass_env
def reply(env: Env, opp_id: int, at: str, note: str | None) -> None:
    """Record a reply or news from them; follow-ups pause until a new timeline (P8)."""
    from afterview.services.records import record_reply

    record_reply(env.app, opp_id, at=env.time(at), now=env.now(), note=note)
    say("Reply recorded; follow-ups are paused. Record any new timeline with `afterview timeline`.")


@click.command()
@click.argument("interview_id", type=INTERVIEW_ID)
@click.option(
    "--file",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A JSON or YAML file (- for stdin) instead of questions.",
)
@click.option("--at", metavar="TIME", default="now", show_default=True, help="When you wrote it.")
@click.option("--add", "mode", flag_value="add", help="Add these notes to the existing debrief.")
@click.option(
    "--replace", "mode", flag_value="replace", help="Replace it (the earlier one is kept)."
)
@click.option("--history", is_flag=True, help="Show the earlier versions (JSON) and stop.")
@pass_env
def debrief(
    env: Env, interview_id: int, path: Path | None, at: str, mode: str | None, history: bool
) -> None:
    """Write the interview's debrief (P4); without --file, answer a few questions.

    A second debrief of the same interview is never silently replaced: it is
    refused unless --add or --replace (asked interactively), and the earlier
    version is kept (--history shows them).

    \b
    The file's fields: went_well, cover_more, nuggets, new_questions, liked, disliked,
    concerns (lists of text), overall (good|mixed|poor), and questions: a list of
    {question, quality: good|weak|wrong, reason: misread|forgot|incorrect|other, add_next_time}.
    A nugget may be {text, said_by: PERSON_ID or a name}: who said it (P5).
    """
    from afterview.services.debriefs import debrief_history, record_debrief

    if history:
        emit_json(debrief_history(env.app, interview_id, env.now()))
        return
    when = env.recorded(at)  # a bad --at, too, is refused before any question
    if path:
        data = _read_document(path)
    else:  # the interview first: an unknown one is refused before any question
        from afterview.services.interviews import show_interview

        view = show_interview(env.app, interview_id, env.now())
        mode = mode or _ask_mode(env, interview_id)
        data = _ask_debrief([(p.id, p.name) for p in view.interviewers])
    record_debrief(env.app, interview_id, data, when, mode=_mode(mode))
    verb = {"add": "Added to the debrief", "replace": "Debrief replaced"}.get(mode or "")
    say(f"{verb or 'Debrief saved'} for interview {interview_id}.")


def _mode(mode: str | None) -> Literal["new", "add", "replace"]:
    return "add" if mode == "add" else "replace" if mode == "replace" else "new"


def _ask_mode(env: Env, interview_id: int) -> str | None:
    """With a debrief already there: say what it holds, then add, replace or stop."""
    from afterview.services.debriefs import debrief_of, describe

    earlier = debrief_of(env.app, interview_id, env.now())
    if earlier is None:
        return None
    click.echo(f"Interview {interview_id} already has a debrief: {describe(earlier)}.")
    choice = click.prompt(
        "Add to it, replace it (the earlier one is kept), or cancel?",
        type=click.Choice(["add", "replace", "cancel"]),
        default="add",
    )
    if choice == "cancel":
        raise BadInput("Nothing changed: the debrief stays as it was.")
    return str(choice)


def _read_document(path: Path) -> Any:
    from afterview.services.debriefs import read_debrief_text

    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_DEBRIEF_FILE + 1)
    else:
        try:
            if path.stat().st_size > MAX_DEBRIEF_FILE:
                raise BadInput(f"{path} is larger than 1 MB; is it really a debrief?")
            raw = path.read_bytes()
        except OSError as exc:
            raise BadInput(f"Cannot read {path}: {exc.strerror}.") from None
    if len(raw) > MAX_DEBRIEF_FILE:
        raise BadInput("The debrief is larger than 1 MB; is it really a debrief?")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"{path} is not UTF-8 text.") from None
    return read_debrief_text(text, str(path))


def _ask_list(prompt: str) -> list[str]:
    click.echo(f"{prompt} (one per line, empty line to finish)")
    items: list[str] = []
    while True:
        line = click.prompt(">", default="", show_default=False, prompt_suffix=" ")
        if not line.strip():
            return items
        items.append(line.strip())


def _ask_nuggets(interviewers: list[tuple[int, str]]) -> list[Any]:
    """Nuggets, each followed by who said it among the interviewers (P5)."""
    click.echo(
        "Nuggets about the role or organisation (for your thank-you)? "
        "(one per line, empty line to finish)"
    )
    menu = ", ".join(f"{n} {name}" for n, (_, name) in enumerate(interviewers, 1))
    nuggets: list[Any] = []
    while True:
        line = click.prompt(">", default="", show_default=False, prompt_suffix=" ").strip()
        if not line:
            return nuggets
        who = _ask_who(interviewers, menu) if interviewers else None
        nuggets.append(line if who is None else {"text": line, "said_by": who})


def _ask_who(interviewers: list[tuple[int, str]], menu: str) -> int | None:
    """The number of an interviewer, or Enter for nobody in particular."""
    last = len(interviewers)
    while True:
        answer = click.prompt(
            f"  Who said it? {menu}; Enter: nobody in particular",
            default="",
            show_default=False,
        ).strip()
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= last:
            return interviewers[int(answer) - 1][0]
        choices = "1" if last == 1 else f"a number from 1 to {last}"
        click.echo(f"  Type {choices}, or press Enter for nobody in particular.", err=True)


def _ask_debrief(interviewers: list[tuple[int, str]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "went_well": _ask_list("What went well?"),
        "cover_more": _ask_list("What should you have covered more?"),
        "nuggets": _ask_nuggets(interviewers),
    }
    questions = []
    click.echo("Questions you remember (empty question to finish)")
    while True:
        text = click.prompt("Question", default="", show_default=False).strip()
        if not text:
            break
        quality = click.prompt("How well answered", type=click.Choice(["good", "weak", "wrong"]))
        entry: dict[str, Any] = {"question": text, "quality": quality}
        if quality != "good":
            entry["reason"] = click.prompt(
                "Why", type=click.Choice(["misread", "forgot", "incorrect", "other"])
            )
            entry["add_next_time"] = click.prompt(
                "What to add next time", default="", show_default=False
            )
        questions.append(entry)
    data["questions"] = questions
    data["new_questions"] = _ask_list("New questions to ask in a next round?")
    data["liked"] = _ask_list("What did the interviewers seem to like?")
    data["disliked"] = _ask_list("What did they seem to dislike?")
    data["concerns"] = _ask_list("Anything that caused you concern?")
    data["overall"] = click.prompt(
        "Overall", type=click.Choice(["good", "mixed", "poor"]), default="mixed"
    )
    return data


@click.command()
@click.argument("opp_id", type=OPP_ID)
@click.option("--fit", type=int, required=True, help="A good fit for me? (1–5)")
@click.option("--growth", type=int, required=True, help="Can I grow here? (1–5)")
@click.option("--culture", type=int, required=True, help="Will I fit the culture? (1–5)")
@click.option("--values", type=int, required=True, help="Values and ethics aligned? (1–5)")
@click.option("--happy", type=int, required=True, help="Would I be happy here? (1–5)")
@click.option("--concerns", help="Anything seen or heard that caused concern.")
@click.option("--decision", type=choice(FitDecision), required=True)
@click.option("--at", metavar="TIME", default="now", show_default=True, help="When you decided.")
@pass_env
def reflect(
    env: Env,
    opp_id: int,
    fit: int,
    growth: int,
    culture: int,
    values: int,
    happy: int,
    concerns: str | None,
    decision: str,
    at: str,
) -> None:
    """The fit reflection (P7). `withdraw` closes it and plans a courteous withdrawal.

    \b
    Example:
      afterview reflect 1 --fit 4 --growth 5 --culture 4 --values 4 --happy 4 --decision continue
    """
    from afterview.services.records import reflect as record

    scores = {"fit": fit, "growth": growth, "culture": culture, "values": values, "happy": happy}
    record(
        env.app,
        opp_id,
        scores=scores,
        decision=FitDecision(decision),
        now=env.recorded(at),
        concerns=concerns,
    )
    if decision == FitDecision.WITHDRAW.value:
        say(
            "Withdrawal decided: pending follow-ups are cancelled; "
            "send the withdrawal (see `afterview today`)."
        )
    else:
        say("Reflection recorded: continue.")


@click.command()
@click.argument("opp_id", type=OPP_ID)
@click.argument("outcome", type=choice(Outcome), metavar="OUTCOME")
@click.option("--at", metavar="TIME", default="now", show_default=True)
@pass_env
def outcome(env: Env, opp_id: int, outcome: str, at: str) -> None:
    """Record where it ended up (P12).

    OUTCOME is one of: next-round, offer, rejected, withdrawn, no-response, accepted
    (an offer), declined (an offer). Accepting an offer ends follow-ups and the search
    everywhere, and plans a courteous withdrawal from every other open process.
    """
    from afterview.services.records import record_outcome

    record_outcome(env.app, opp_id, Outcome(outcome), at=env.time(at), now=env.now())
    say(f"Opportunity {opp_id}: {outcome}.")
