"""Recording facts (services/records.py): validation, re-planning, decisions kept."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from afterview.errors import (
    AfterviewError,
    BadInput,
    UnknownInterview,
    UnknownOpportunity,
    UnknownPerson,
)
from afterview.playbook.facts import Channel, ContactKind, FitDecision, Outcome, PersonRole, Route
from afterview.services import decisions, records
from afterview.services.app import App
from afterview.services.backup import export_json
from afterview.services.queries import list_opportunities

from .helpers import (
    NEW_YORK,
    TZ,
    at,
    follow_up,
    iso,
    newcomer,
    open_keys,
    plan,
    plan_view,
    thank,
    utc,
)


def content(app: App) -> dict[str, Any]:
    """Every recorded row; equal before and after a refused use case."""
    tables = export_json(app, at(1, 0))["tables"]
    tables.pop("_id_counters")  # PostgreSQL sequences advance even when rolled back
    return tables  # type: ignore[no-any-return]


# --- opportunities and people -------------------------------------------------------


def test_add_opportunity_with_a_recruiter_records_the_recruiter(app: App) -> None:
    opp = records.add_opportunity(
        app,
        company="Acme",
        role="Analyst",
        route=Route.RECRUITER,
        now=at(1, 9),
        recruiter_name="Priya Shah",
        recruiter_email="Priya@TalentBridge.example",
        recruiter_phone="+44 20 7946 0000",
    )
    (person,) = plan_view(app, opp, at(1, 9)).opportunity.people
    assert (person.name, person.role, person.phone) == (
        "Priya Shah",
        PersonRole.RECRUITER,
        "+44 20 7946 0000",
    )
    assert person.email is not None and person.email.endswith("@talentbridge.example")
    assert list_opportunities(app, at(1, 9)) == [
        {
            "id": opp,
            "company": "Acme",
            "role": "Analyst",
            "route": "recruiter",
            "status": "new",
            "interviews": 0,
            "next_interview": None,
        }
    ]


SQLITE_ONLY = pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)


@SQLITE_ONLY  # refused before the database is opened
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"company": "  "}, "The company must not be empty."),
        ({"role": "a\nb"}, "The role must be a single line."),
        ({"company": "x" * 201}, "too long"),
        ({"recruiter_email": "priya@", "recruiter_name": "P"}, "Invalid email address 'priya@'"),
        ({"recruiter_email": "p@example.com"}, "Give --recruiter-name"),
        ({"recruiter_name": "Priya", "route": Route.DIRECT}, "route is 'direct'"),
    ],
)
def test_add_opportunity_refuses_bad_input_and_writes_nothing(
    app: App, changes: dict[str, Any], message: str
) -> None:
    given: dict[str, Any] = {"company": "Acme", "role": "Analyst", "route": Route.RECRUITER}
    with pytest.raises(BadInput, match=re.escape(message)):
        records.add_opportunity(app, now=at(1, 9), **(given | changes))
    assert list_opportunities(app, at(1, 9)) == []


def test_people_are_validated_and_belong_to_their_opportunity(app: App) -> None:
    first = newcomer(app)
    other = records.add_opportunity(
        app, company="Other", role="R", route=Route.DIRECT, now=at(1, 9)
    )
    before = content(app)
    with pytest.raises(BadInput, match="Invalid email"):
        records.add_person(
            app, first.opp, name="Sam", role=PersonRole.OTHER, now=at(1, 9), email="not-an-email"
        )
    with pytest.raises(UnknownOpportunity):
        records.add_person(app, 999, name="Sam", role=PersonRole.OTHER, now=at(1, 9))
    with pytest.raises(UnknownPerson):  # Dana is the first opportunity's
        records.add_interview(
            app,
            other,
            start=at(12, 10),
            end=at(12, 11),
            tz=TZ,
            now=at(1, 9),
            interviewer_ids=(first.dana,),
        )
    with pytest.raises(BadInput, match="Nothing to change"):
        records.edit_person(app, first.dana, at(1, 9))
    with pytest.raises(UnknownPerson):
        records.edit_person(app, 999, at(1, 9), name="X")
    assert content(app) == before


def test_editing_an_interviewers_email_clears_the_contact_details_step(app: App) -> None:
    n = newcomer(app)
    tom = records.add_person(
        app, n.opp, name="Tom Reyes", role=PersonRole.INTERVIEWER, now=at(1, 9)
    )
    records.add_interview(
        app, n.opp, start=at(17, 14), end=at(17, 15), tz=TZ, now=at(1, 9), interviewer_ids=(tom,)
    )
    key = f"P3:contact-details:person={tom}"
    assert plan(app, n.opp, at(17, 16))[key]["state"] == "pending"
    records.edit_person(app, tom, at(17, 16), email="tom@northwind.example")
    assert key not in open_keys(app, at(17, 16))


# --- interviews -----------------------------------------------------------------------


def test_an_interview_plans_p1_to_p8_with_exact_due_times(app: App) -> None:
    n = newcomer(app)
    dues = {key: item["due"] for key, item in plan(app, n.opp, at(10, 8)).items()}
    assert dues == {
        "P2:ask-before-leaving:interview=1": iso(10, 9),
        "P4:debrief:interview=1": iso(10, 12),
        "P1:recruiter-call:interview=1": iso(10, 13),
        f"P5:thank-you:interview=1:person={n.dana}": iso(10, 17, 30),
        "P6:timeline:interview=1": iso(11, 11),
        "P7:reflect:interview=1": iso(12, 11),
        "P8:follow-up:opp=1:n=1": iso(17, 17, 30),
    }
    assert open_keys(app, at(10, 8), rule="P9") == ["P9:keep-searching:n=1"]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (at(10, 11), at(10, 10), r"The end .* must be after the start"),
        (at(10, 11), at(10, 11), r"The end .* must be after the start"),
        (at(10, 9), at(11, 10), "longer than 24 hours"),
    ],
)
def test_an_interview_must_end_after_it_starts(
    app: App, start: Any, end: Any, message: str
) -> None:
    n = newcomer(app)
    before = content(app)
    with pytest.raises(BadInput, match=message):
        records.add_interview(app, n.opp, start=start, end=end, tz=TZ, now=at(1, 9))
    with pytest.raises(BadInput, match=message):
        records.move_interview(app, n.interview, start=start, end=end, now=at(1, 9))
    assert content(app) == before


def test_an_arranged_recruiter_call_is_due_when_arranged(app: App) -> None:
    n = newcomer(app)
    second = records.add_interview(
        app,
        n.opp,
        start=at(17, 10),
        end=at(17, 11),
        tz=TZ,
        now=at(12, 9),
        recruiter_call_at=at(17, 16, 15),
    )
    item = plan(app, n.opp, at(12, 9))[f"P1:recruiter-call:interview={second}"]
    assert item["due"] == iso(17, 16, 15)
    assert item["why"] == "call arranged for Tue 17 Mar 16:15 (P1)"


def test_a_recruiter_call_before_the_end_or_without_a_recruiter_is_refused(app: App) -> None:
    n = newcomer(app)
    direct = records.add_opportunity(
        app, company="Direct Co", role="R", route=Route.DIRECT, now=at(1, 9)
    )
    before = content(app)
    with pytest.raises(BadInput, match="is before the interview ends"):
        records.add_interview(
            app,
            n.opp,
            start=at(17, 10),
            end=at(17, 11),
            tz=TZ,
            now=at(1, 9),
            recruiter_call_at=at(17, 10, 30),
        )
    with pytest.raises(BadInput, match="for the recruiter route"):
        records.add_interview(
            app,
            direct,
            start=at(17, 10),
            end=at(17, 11),
            tz=TZ,
            now=at(1, 9),
            recruiter_call_at=at(17, 12),
        )
    assert content(app) == before


def test_unknown_ids_are_refused_with_their_own_error(app: App) -> None:
    newcomer(app)
    before = content(app)
    calls = [
        lambda: records.add_interview(
            app, 9, start=at(12, 10), end=at(12, 11), tz=TZ, now=at(1, 9)
        ),
        lambda: records.move_interview(app, 9, start=at(12, 10), end=at(12, 11), now=at(1, 9)),
        lambda: records.cancel_interview(app, 9, at(1, 9)),
        lambda: records.set_timeline(app, 9, now=at(11, 9), decision_by=date(2026, 3, 20)),
        lambda: records.set_timeline(app, 1, now=at(11, 9), follow_up_with=99),
        lambda: records.log_contact(
            app, 9, kind=ContactKind.OTHER, channel=Channel.EMAIL, at=at(11, 9), now=at(11, 9)
        ),
        lambda: records.log_contact(
            app,
            1,
            kind=ContactKind.OTHER,
            channel=Channel.EMAIL,
            at=at(11, 9),
            now=at(11, 9),
            person_id=99,
        ),
        lambda: records.record_reply(app, 9, at=at(11, 9), now=at(11, 9)),
        lambda: records.reflect(
            app, 9, scores={"fit": 3}, decision=FitDecision.CONTINUE, now=at(12, 9)
        ),
        lambda: records.record_outcome(app, 9, Outcome.OFFER, at=at(12, 9), now=at(12, 9)),
        lambda: records.add_competitor(app, 9, "Rival", at(12, 9)),
    ]
    expected = (UnknownOpportunity, UnknownInterview, UnknownPerson)
    for call in calls:
        with pytest.raises(expected) as caught:
            call()
        assert caught.value.exit_code == 2
    assert content(app) == before


def test_the_same_interviewer_email_is_one_person(app: App) -> None:
    n = newcomer(app)
    records.add_interview(
        app,
        n.opp,
        start=at(17, 10),
        end=at(17, 11),
        tz=TZ,
        now=at(12, 9),
        interviewers=(
            records.NewInterviewer("Dana K.", "DANA@northwind.example"),
            records.NewInterviewer("Sam Lee"),
        ),
    )
    view = plan_view(app, n.opp, at(12, 9))
    names = [p.name for p in view.opportunity.people]
    assert names == ["Priya Shah", "Dana Kim", "Sam Lee"]
    assert view.opportunity.interviews[1].interviewer_ids == (n.dana, view.opportunity.people[2].id)
    assert view.opportunity.interviews[1].round == 2


def test_moving_an_interview_replans_and_keeps_every_decision(app: App) -> None:
    n = newcomer(app)
    thank_key = f"P5:thank-you:interview={n.interview}:person={n.dana}"
    decisions.snooze(app, thank_key, until=at(20, 9), now=at(9, 12))
    decisions.skip(app, "P1:recruiter-call:interview=1", reason="agency closed", now=at(9, 12))
    decisions.done(app, "P7:reflect:interview=1", at=at(9, 12), now=at(9, 12))

    records.move_interview(app, n.interview, start=at(11, 14), end=at(11, 15), now=at(9, 13))

    items = plan(app, n.opp, at(9, 13))
    assert (items[thank_key]["state"], items[thank_key]["snoozed_until"]) == ("snoozed", iso(20, 9))
    assert items[thank_key]["due"] == iso(12, 12)  # afternoon → by the end of the next morning
    assert (
        items["P1:recruiter-call:interview=1"]["state"],
        items["P1:recruiter-call:interview=1"]["reason"],
    ) == ("skipped", "agency closed")
    assert items["P7:reflect:interview=1"]["state"] == "done"
    assert items["P4:debrief:interview=1"]["due"] == iso(11, 16)


def test_moving_an_interview_to_another_zone_reads_its_own_clock(app: App) -> None:
    n = newcomer(app)
    start = at(10, 10, tz=NEW_YORK)
    records.move_interview(
        app,
        n.interview,
        start=start,
        end=start + timedelta(hours=1),
        now=at(1, 9),
        tz="America/New_York",
    )
    item = plan(app, n.opp, at(1, 9))["P4:debrief:interview=1"]
    assert (item["due"], item["tz"]) == ("2026-03-10T12:00:00-04:00", "America/New_York")


def test_cancelling_an_interview_takes_its_steps_off_the_plan(app: App) -> None:
    n = newcomer(app)
    records.cancel_interview(app, n.interview, at(9, 9))
    assert open_keys(app, at(9, 9)) == []
    assert list_opportunities(app, at(9, 9))[0]["interviews"] == 0


# --- timeline, contacts, replies --------------------------------------------------------


def test_a_timeline_needs_something_and_restarts_the_follow_ups(app: App) -> None:
    n = newcomer(app)
    with pytest.raises(BadInput, match="Give at least one of"):
        records.set_timeline(app, n.opp, now=at(10, 13))
    records.set_timeline(
        app,
        n.opp,
        now=at(10, 13),
        decision_by=date(2026, 3, 20),
        follow_up_with=n.dana,
        follow_up_how=Channel.PHONE,
    )
    assert open_keys(app, at(10, 13), rule="P6") == []  # the timeline is known
    follow = plan(app, n.opp, at(10, 13))["P8:follow-up:opp=1:n=1"]
    assert follow["send_at"] == utc(23, 9)  # Friday 20th passes → Monday morning
    assert follow["title"] == "Follow up with Dana Kim (Northwind Health) by call"
    assert follow["person_id"] == n.dana


def test_a_contact_cannot_be_logged_ahead_of_time(app: App) -> None:
    n = newcomer(app)
    with pytest.raises(BadInput, match="once it has happened"):
        records.log_contact(
            app,
            n.opp,
            kind=ContactKind.THANK_YOU,
            channel=Channel.EMAIL,
            at=at(10, 17),
            now=at(10, 16),
        )
    records.log_contact(
        app,
        n.opp,
        kind=ContactKind.THANK_YOU,
        channel=Channel.EMAIL,
        at=at(10, 16, 4),
        now=at(10, 16),
    )  # a few minutes of clock skew


def test_the_thank_you_completes_p5_and_starts_the_first_follow_up(app: App) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40), n.dana)
    items = plan(app, n.opp, at(10, 17))
    assert items[f"P5:thank-you:interview=1:person={n.dana}"]["state"] == "done"
    assert items["P8:follow-up:opp=1:n=1"]["send_at"] == utc(17, 16, 40)


def test_a_follow_up_inside_the_weekly_guard_is_kept_and_flagged(app: App) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    assert follow_up(app, n.opp, at(17, 17)) is None
    flag = follow_up(app, n.opp, at(20, 10), Channel.PHONE)
    assert flag == "within 7 days of the follow-up of Tue 17 Mar 17:00 (P8: at most one a week)"
    view = plan_view(app, n.opp, at(20, 11))
    assert list(view.flags.values()) == [flag]
    assert [c["flag"] for c in view.to_json()["contacts"]] == [None, None, flag]
    assert view.actions[-1]["key"] == "P8:follow-up:opp=1:n=3"
    assert view.actions[-1]["send_at"] == utc(27, 10)  # a week after the last one


def test_the_thank_you_does_not_start_the_weekly_guard(app: App) -> None:
    """P8: a follow-up the working day after the decision date is fine, whatever the thanks."""
    n = newcomer(app)
    records.set_timeline(app, n.opp, now=at(10, 13), decision_by=date(2026, 3, 12))
    thank(app, n.opp, at(10, 16, 40))
    assert plan(app, n.opp, at(12, 9))["P8:follow-up:opp=1:n=1"]["send_at"] == utc(13, 9)
    assert follow_up(app, n.opp, at(13, 9, 30)) is None


def test_a_reply_pauses_the_follow_ups(app: App) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    assert "P8:follow-up:opp=1:n=1" in open_keys(app, at(12, 9))
    records.record_reply(app, n.opp, at=at(12, 9), now=at(12, 9), note="Decision next week")
    follow = plan(app, n.opp, at(12, 9))["P8:follow-up:opp=1:n=1"]
    assert follow["send_at"] == utc(26, 9)  # paused: resumes 14 days after the reply (setting)
    assert "paused follow-ups" in follow["why"]
    with pytest.raises(BadInput, match="once it has happened"):
        records.record_reply(app, n.opp, at=at(13, 9), now=at(12, 9))


def test_a_new_timeline_after_a_reply_restarts_the_follow_ups(app: App) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    records.record_reply(app, n.opp, at=at(12, 9), now=at(12, 9))
    records.set_timeline(app, n.opp, now=at(12, 9, 5), decision_by=date(2026, 3, 18))
    assert open_keys(app, at(12, 10), rule="P8") == ["P8:follow-up:opp=1:n=1"]
    assert plan(app, n.opp, at(12, 10))["P8:follow-up:opp=1:n=1"]["send_at"] == utc(19, 9)


# --- reflection and outcomes ---------------------------------------------------------------


@SQLITE_ONLY  # refused before the database is opened
@pytest.mark.parametrize("score", [0, 6, -1])
def test_reflection_scores_are_one_to_five(app: App, score: int) -> None:
    n = newcomer(app)
    before = content(app)
    scores = {"fit": 3, "growth": 3, "culture": 3, "values": score, "happy": 3}
    with pytest.raises(BadInput, match=f"--values must be a score from 1 to 5, not {score}"):
        records.reflect(app, n.opp, scores=scores, decision=FitDecision.CONTINUE, now=at(12, 9))
    assert content(app) == before


def test_withdrawing_cancels_follow_ups_and_plans_the_withdrawal(app: App) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    scores = {"fit": 2, "growth": 2, "culture": 1, "values": 2, "happy": 1}
    records.reflect(
        app,
        n.opp,
        scores=scores,
        decision=FitDecision.WITHDRAW,
        now=at(12, 10),
        concerns="Long hours",
    )
    items = plan(app, n.opp, at(12, 10))
    assert "P8:follow-up:opp=1:n=1" not in items
    assert items["P7:reflect:interview=1"]["state"] == "done"
    withdrawal = items["P7:withdrawal:opp=1"]
    assert (withdrawal["state"], withdrawal["due"], withdrawal["logs"]) == (
        "pending",
        iso(12, 10),
        "withdrawal",
    )
    assert list_opportunities(app, at(12, 10))[0]["status"] == "withdrawn"
    assert open_keys(app, at(12, 10), rule="P8") == []


def test_accepting_an_offer_ends_p8_p9_and_plans_withdrawals_elsewhere(app: App) -> None:
    first = newcomer(app, "Northwind Health")
    second = newcomer(app, "Bluefin Analytics", route=Route.DIRECT, start=at(11, 14))
    closed = records.add_opportunity(
        app, company="Closed Co", role="R", route=Route.DIRECT, now=at(1, 9)
    )
    records.record_outcome(app, closed, Outcome.REJECTED, at=at(5, 9), now=at(5, 9))
    for n in (first, second):
        thank(app, n.opp, at(11, 16, 40))
    assert open_keys(app, at(20, 9), rule="P8") and open_keys(app, at(20, 9), rule="P9")

    records.record_outcome(app, first.opp, Outcome.OFFER, at=at(20, 9), now=at(20, 9))
    records.record_outcome(app, first.opp, Outcome.ACCEPTED, at=at(21, 9), now=at(21, 9))

    assert open_keys(app, at(21, 9), rule="P8") == []
    assert open_keys(app, at(21, 9), rule="P9") == []
    assert open_keys(app, at(21, 9), rule="P12") == [
        f"P12:withdraw-after-acceptance:opp={second.opp}"
    ]
    with pytest.raises(BadInput, match="already accepted an offer"):
        records.record_outcome(app, second.opp, Outcome.ACCEPTED, at=at(22, 9), now=at(22, 9))


def test_a_mistaken_acceptance_corrected_gives_the_other_processes_their_plan_back(
    app: App,
) -> None:
    """P12: outcomes are a history in which the latest stands (issue: the first "accepted"
    ever recorded used to be read, leaving every other opportunity without P8/P9)."""
    first = newcomer(app, "Northwind Health")
    second = newcomer(app, "Bluefin Analytics", route=Route.DIRECT, start=at(11, 14))
    for n in (first, second):
        thank(app, n.opp, at(11, 16, 40))
    records.record_outcome(app, first.opp, Outcome.OFFER, at=at(20, 9), now=at(20, 9))
    records.record_outcome(app, first.opp, Outcome.ACCEPTED, at=at(21, 9), now=at(21, 9))
    assert open_keys(app, at(21, 9), rule="P8") == []

    records.record_outcome(app, first.opp, Outcome.REJECTED, at=at(21, 10), now=at(21, 10))

    assert f"P8:follow-up:opp={second.opp}:n=1" in open_keys(app, at(21, 10), rule="P8")
    assert open_keys(app, at(21, 10), rule="P9") != []
    assert not [k for k in open_keys(app, at(21, 10)) if "withdraw-after-acceptance" in k]
    statuses = {o["id"]: o["status"] for o in list_opportunities(app, at(21, 10))}
    assert statuses[first.opp] == "rejected"
    # The second one may now accept its own offer: nothing stands accepted elsewhere.
    records.record_outcome(app, second.opp, Outcome.OFFER, at=at(22, 9), now=at(22, 9))
    records.record_outcome(app, second.opp, Outcome.ACCEPTED, at=at(22, 10), now=at(22, 10))
    assert open_keys(app, at(22, 10), rule="P12") == []  # the first is closed already


@pytest.mark.parametrize(
    ("history", "answer", "why"),
    [
        ((), Outcome.ACCEPTED, "no outcome is recorded"),
        ((Outcome.REJECTED,), Outcome.ACCEPTED, "its latest outcome is rejected"),
        ((Outcome.OFFER, Outcome.REJECTED), Outcome.ACCEPTED, "its latest outcome is rejected"),
        ((Outcome.NEXT_ROUND,), Outcome.DECLINED, "its latest outcome is next-round"),
        ((Outcome.OFFER, Outcome.ACCEPTED), Outcome.ACCEPTED, "its latest outcome is accepted"),
    ],
)
def test_accepting_or_declining_needs_a_standing_offer(
    app: App, history: tuple[Outcome, ...], answer: Outcome, why: str
) -> None:
    """P12: "accepted follows an offer"; refused with the reason and nothing written."""
    n = newcomer(app)
    for hour, outcome in enumerate(history, start=9):
        records.record_outcome(app, n.opp, outcome, at=at(20, hour), now=at(20, hour))
    before = content(app)
    with pytest.raises(BadInput, match=re.escape(why)):
        records.record_outcome(app, n.opp, answer, at=at(21, 9), now=at(21, 9))
    assert content(app) == before


def test_an_offer_answered_later_in_the_history_is_read_at_its_time(app: App) -> None:
    """An answer recorded with an earlier --at is judged against the outcomes before it."""
    n = newcomer(app)
    records.record_outcome(app, n.opp, Outcome.OFFER, at=at(20, 9), now=at(20, 9))
    records.record_outcome(app, n.opp, Outcome.DECLINED, at=at(20, 12), now=at(21, 9))
    assert list_opportunities(app, at(21, 9))[0]["status"] == "declined"
    with pytest.raises(BadInput, match="no outcome is recorded"):
        records.record_outcome(app, n.opp, Outcome.ACCEPTED, at=at(19, 9), now=at(21, 9))


def test_an_outcome_cannot_be_recorded_ahead_of_time(app: App) -> None:
    n = newcomer(app)
    with pytest.raises(AfterviewError, match="once it has happened"):
        records.record_outcome(app, n.opp, Outcome.OFFER, at=at(13, 9), now=at(12, 9))


def test_a_follow_up_logged_before_the_decision_date_is_kept_with_a_warning(app: App) -> None:
    """P8: "follow up once that time has passed" — logged anyway, but said to be early."""
    n = newcomer(app)  # interviewed Tue 10 Mar 10:00 London
    records.set_timeline(app, n.opp, now=at(10, 12), decision_by=date(2026, 3, 20))
    early = records.log_contact(app, n.opp, kind=ContactKind.FOLLOW_UP, channel=Channel.EMAIL,
                                at=at(13, 10), now=at(13, 10))  # fmt: skip
    assert early.early == (
        "It is early: Northwind Health expects to decide by Fri 20 Mar, so a follow-up makes "
        "sense from Mon 23 Mar 09:00 (P8: chase once that time has passed)."
    )
    timely = records.log_contact(app, n.opp, kind=ContactKind.FOLLOW_UP, channel=Channel.EMAIL,
                                 at=at(23, 10), now=at(23, 10))  # fmt: skip
    assert timely.early is None


def test_no_timeline_yet_is_recorded_and_asked_again(app: App) -> None:
    """P6: "they have no timeline yet" is a fact; with dates it is a contradiction."""
    n = newcomer(app)
    with pytest.raises(BadInput, match="--none-yet says no timeline was given"):
        records.set_timeline(app, n.opp, now=at(10, 12), decision_by=date(2026, 3, 20),
                             none_given=True)  # fmt: skip
    with pytest.raises(BadInput, match="or --none-yet when they gave no timeline yet"):
        records.set_timeline(app, n.opp, now=at(10, 12))
    records.set_timeline(app, n.opp, now=at(10, 12), none_given=True)
    item = plan(app, n.opp, at(11, 9))["P6:timeline:interview=1"]
    assert (item["state"], item["due"]) == ("pending", iso(17, 12))
