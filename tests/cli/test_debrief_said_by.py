"""`afterview debrief N` asks who said each nugget (P5), through the real console script.

The interview has Dana Kim and Tom Reyes on the panel; the recruiter, Priya Shah, was
not in the room. Answers are typed on stdin, one a line, as a person would.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from afterview.playbook.facts import Route
from afterview.services import queries, records

from .conftest import Runner

# went well, cover more, nuggets (each followed by who said it), questions, new
# questions, liked, disliked, concerns, overall: an empty line ends each list.
ANSWERS = [
    "the system design exercise",
    "",
    "",
    "they are opening a Lisbon office",
    "2",  # Tom Reyes
    "the board meets monthly",
    "3",  # not on the list: asked again
    "dana",  # nor is a name: asked again
    "1",  # Dana Kim
    "weekly demos every Friday",
    "",  # nobody in particular
    "",  # end of the nuggets
    "",  # no question
    "",
    "",
    "",
    "",
    "good",
]


def panel(app: Any) -> dict[str, int]:
    """Seeded in-process (fast): Priya Shah recruits; interview 1 is Dana's and Tom's."""
    moment = datetime(2026, 3, 1, 9, tzinfo=UTC)
    opp = records.add_opportunity(
        app,
        company="Northwind Health",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=moment,
        recruiter_name="Priya Shah",
        recruiter_email="priya@talentbridge.example",
    )
    start = datetime(2026, 3, 10, 10, tzinfo=UTC)
    records.add_interview(
        app,
        opp,
        start=start,
        end=start + timedelta(hours=1),
        tz="Europe/London",
        now=moment,
        interviewers=(records.NewInterviewer("Dana Kim"), records.NewInterviewer("Tom Reyes")),
    )
    people = queries.show_opportunity(app, opp, moment).opportunity.people
    return {p.name: p.id for p in people}


def nuggets(app: Any) -> list[tuple[str, int | None]]:
    opp = queries.show_opportunity(app, 1, datetime(2026, 3, 11, tzinfo=UTC)).opportunity
    debrief = opp.debrief_for(1)
    assert debrief is not None
    return [(text, debrief.said_by(n)) for n, text in enumerate(debrief.nuggets)]


def test_the_prompt_asks_who_said_each_nugget(run: Runner, app: Any) -> None:
    ids = panel(app)
    result = run.ok("debrief", "1", "--at", "2026-03-10T11:30", input="\n".join(ANSWERS) + "\n")
    assert result.stdout.count("Who said it? 1 Dana Kim, 2 Tom Reyes; Enter: nobody") == 5
    assert result.stderr.count("Type a number from 1 to 2, or press Enter") == 2
    assert "Debrief saved for interview 1." in result.stdout
    assert nuggets(app) == [
        ("they are opening a Lisbon office", ids["Tom Reyes"]),
        ("the board meets monthly", ids["Dana Kim"]),
        ("weekly demos every Friday", None),
    ]


def test_the_file_names_the_speaker_and_refuses_someone_not_there(run: Runner, app: Any) -> None:
    ids = panel(app)
    good = '{"nuggets": [{"text": "a new CTO in May", "said_by": "tom"}, "Dana: the US launch"]}'
    run.ok("debrief", "1", "--file", "-", input=good)
    assert nuggets(app) == [
        ("a new CTO in May", ids["Tom Reyes"]),
        ("the US launch", ids["Dana Kim"]),
    ]
    bad = "nuggets:\n  - text: the offer comes by Friday\n    said_by: Priya Shah\n"
    refused = run("debrief", "1", "--file", "-", input=bad)
    assert refused.returncode == 2 and len(refused.error_lines) == 1, str(refused)
    assert refused.error_lines[0].endswith(
        "Who said nugget 1: nobody called 'Priya Shah' was an interviewer at this interview; "
        f"its interviewers are Dana Kim ({ids['Dana Kim']}), Tom Reyes ({ids['Tom Reyes']})."
    )
    assert len(nuggets(app)) == 2  # the earlier debrief stands


def test_an_unknown_interview_is_refused_before_any_question(run: Runner) -> None:
    result = run("debrief", "99", input="typed for nothing\n")
    assert result.returncode == 2, str(result)
    assert result.error_lines == [
        "afterview: No interview 99. `afterview opp show OPP` lists its interviews."
    ]
    assert "What went well?" not in result.stdout
