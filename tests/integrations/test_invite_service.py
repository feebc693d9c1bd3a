"""Importing invitations (services/invites.py) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from afterview.errors import BadInput, UnknownOpportunity
from afterview.playbook.facts import InterviewFormat, Outcome, PersonRole, Route, Source
from afterview.services import decisions, records
from afterview.services.app import App
from afterview.services.invites import InviteAction, NewOpportunity, import_invite
from afterview.services.queries import show_opportunity

from .helpers import ME, TZ, at, content, fixture

NOW = at(5, 9)


def northwind(app: App, **people: str | None) -> int:
    """A direct opportunity at Northwind Health; `people` maps names to emails."""
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    for name, email in people.items():
        records.add_person(
            app,
            opp,
            name=name.replace("_", " "),
            role=PersonRole.INTERVIEWER,
            email=email,
            now=at(1, 9),
        )
    return opp


def imported(app: App, name: str, now: datetime = NOW, **options: Any) -> Any:
    return import_invite(app, fixture(name), now=now, own_emails=(ME,), **options)


def view(app: App, opp: int, now: datetime = NOW) -> Any:
    return show_opportunity(app, opp, now)


def dues(app: App, opp: int, now: datetime = NOW) -> dict[str, str]:
    return {item["key"]: item["due"] for item in view(app, opp, now).actions}


# --- a new invitation ------------------------------------------------------------------------


def test_an_outlook_invitation_adds_the_interview_and_its_people(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    result = imported(app, "outlook_request.ics")
    assert result.action is InviteAction.ADDED
    assert (result.opportunity_id, result.company, result.opportunity_created) == (
        opp,
        "Northwind Health",
        False,
    )  # matched by the organiser's domain
    facts = view(app, opp).opportunity
    (interview,) = facts.interviews
    assert (interview.id, interview.round) == (result.interview_id, 1)
    assert (interview.start, interview.end, interview.tz) == (at(10, 14), at(10, 15), TZ)
    assert interview.format is InterviewFormat.VIDEO
    assert interview.location == result.meeting_url and result.meeting_provider == "Teams"
    people = {p.name: p for p in facts.people}
    assert sorted(people) == ["Dana Kim", "Tom Reyes"]  # not you, not the room
    assert people["Tom Reyes"].source is Source.INVITE
    assert people["Tom Reyes"].email == "tom.reyes@northwind.example"
    assert people["Dana Kim"].source is Source.TYPED  # known already: reused, not duplicated
    assert interview.interviewer_ids == (people["Dana Kim"].id, people["Tom Reyes"].id)
    assert (result.people_added, result.people_known) == (
        (people["Tom Reyes"].id,),
        (people["Dana Kim"].id,),
    )
    plan = dues(app, opp)
    assert plan["P4:debrief:interview=1"] == at(10, 16).isoformat()  # the plan follows (P4)
    assert f"P5:thank-you:interview=1:person={people['Tom Reyes'].id}" in plan  # P5
    assert not any(key.startswith("P3:") for key in plan)  # both have addresses (P3)


def test_the_profile_email_is_never_added_as_a_person(app: App) -> None:
    from afterview.services.profile import set_profile

    set_profile(app, now=at(1, 9), name="Alex Candidate", email=ME)
    opp = northwind(app)
    import_invite(app, fixture("outlook_request.ics"), now=NOW)  # no own_emails given
    assert sorted(p.name for p in view(app, opp).opportunity.people) == ["Dana Kim", "Tom Reyes"]


def test_without_your_address_you_would_be_added(app: App) -> None:
    opp = northwind(app)
    import_invite(app, fixture("outlook_request.ics"), now=NOW, own_emails=("me@else.example",))
    names = sorted(p.name for p in view(app, opp).opportunity.people)
    assert names == ["Alex Candidate", "Dana Kim", "Tom Reyes"]


def test_a_person_without_email_is_matched_by_name_and_gets_it(app: App) -> None:
    opp = northwind(app, Tom_Reyes=None)
    result = imported(app, "outlook_request.ics")
    people = {p.name: p for p in view(app, opp).opportunity.people}
    assert sorted(people) == ["Dana Kim", "Tom Reyes"]
    assert people["Tom Reyes"].email == "tom.reyes@northwind.example"
    assert people["Tom Reyes"].source is Source.INVITE
    assert "Tom Reyes's email address taken from the invitation (P3)." in result.notes


def test_google_recruiter_organiser_is_matched_and_kept_off_the_panel(app: App) -> None:
    opp = records.add_opportunity(
        app,
        company="Contoso",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=at(1, 9),
        recruiter_name="Priya Shah",
        recruiter_email="priya.shah@talentbridge.example",
    )
    result = imported(app, "google_request.ics")
    assert result.opportunity_id == opp and result.tz == "Europe/Berlin"
    facts = view(app, opp).opportunity
    people = {p.name: p for p in facts.people}
    assert sorted(people) == ["Lena Vogel", "Priya Shah"]  # Jonas declined, the room is none
    assert people["Priya Shah"].role is PersonRole.RECRUITER
    assert facts.interviews[0].interviewer_ids == (people["Lena Vogel"].id,)
    assert facts.interviews[0].start == at(12, 10, tz="Europe/Berlin")
    assert "Jonas Weber declined the invitation; left out." in result.notes


def test_a_new_person_at_the_recruiters_agency_is_a_recruiter(app: App) -> None:
    opp = records.add_opportunity(
        app,
        company="Contoso",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=at(1, 9),
        recruiter_name="Sam Hill",
        recruiter_email="sam.hill@talentbridge.example",
    )
    imported(app, "google_request.ics")
    people = {p.name: p.role for p in view(app, opp).opportunity.people}
    assert people["Priya Shah"] is PersonRole.RECRUITER


def test_the_title_names_the_organisation_when_no_domain_matches(app: App) -> None:
    records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    litware = records.add_opportunity(
        app, company="Litware Ltd", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    result = imported(app, "zoom_request.ics")  # "Litware Data Engineer interview"
    assert result.opportunity_id == litware
    assert result.meeting_provider == "Zoom" and result.format is InterviewFormat.VIDEO
    (riley,) = view(app, litware).opportunity.people
    assert (riley.name, riley.email) == ("Riley Park", "riley.park@litware.example")


def test_two_opportunities_sharing_the_domain_are_told_apart_by_the_title(app: App) -> None:
    first = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    records.add_person(
        app,
        first,
        name="Dana Kim",
        role=PersonRole.INTERVIEWER,
        email="dana.kim@northwind.example",
        now=at(1, 9),
    )
    second = records.add_opportunity(
        app, company="Northwind Labs", role="Analyst", route=Route.DIRECT, now=at(1, 9)
    )
    records.add_person(
        app,
        second,
        name="Ann Lee",
        role=PersonRole.INTERVIEWER,
        email="ann.lee@northwind.example",
        now=at(1, 9),
    )
    assert imported(app, "outlook_request.ics").opportunity_id == first
    before = content(app)
    text = fixture("outlook_eastern.ics").replace(b"morgan.lee@adatum", b"morgan.lee@northwind")
    with pytest.raises(
        BadInput,
        match=r"could be for opportunities 1 \(Northwind Health\) or "
        r"2 \(Northwind Labs\); pass --opp OPP",
    ):
        import_invite(app, text, now=NOW, own_emails=(ME,))
    assert content(app) == before


def test_closed_opportunities_are_not_matched(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    records.record_outcome(app, opp, Outcome.REJECTED, at=at(2, 9), now=at(2, 9))
    with pytest.raises(BadInput, match="No open opportunity matches"):
        imported(app, "outlook_request.ics")
    assert imported(app, "outlook_request.ics", opp_id=opp).opportunity_id == opp


def test_no_match_says_how_to_go_on_and_writes_nothing(app: App) -> None:
    northwind(app)
    before = content(app)
    with pytest.raises(BadInput) as caught:
        imported(app, "teams_request.ics")
    assert caught.value.message == (
        'No open opportunity matches this invitation ("Fabrikam | Data Engineer | 1st '
        'interview", from Kai Nakamura). Pass --opp OPP, or create one with --create '
        '"Company" --role "Role".'
    )
    assert content(app) == before


def test_create_starts_the_opportunity_in_the_same_transaction(app: App) -> None:
    result = imported(
        app, "teams_request.ics", create=NewOpportunity("Fabrikam", "Data Engineer", Route.DIRECT)
    )
    assert result.opportunity_created and result.company == "Fabrikam"
    facts = view(app, result.opportunity_id).opportunity
    assert (facts.company, facts.role, facts.route) == ("Fabrikam", "Data Engineer", Route.DIRECT)
    assert [p.name for p in facts.people] == ["Kai Nakamura"]  # organiser and attendee: once


def test_opp_and_create_together_and_an_unknown_opp_are_refused(app: App) -> None:
    opp = northwind(app)
    before = content(app)
    with pytest.raises(BadInput, match="Give --opp or --create, not both"):
        imported(app, "outlook_request.ics", opp_id=opp, create=NewOpportunity("X", "Y"))
    with pytest.raises(UnknownOpportunity):
        imported(app, "outlook_request.ics", opp_id=99)
    with pytest.raises(BadInput, match="The company must not be empty"):
        imported(app, "outlook_request.ics", create=NewOpportunity(" ", "Y"))
    assert content(app) == before


def test_an_all_day_invitation_is_a_working_day_interview(app: App) -> None:
    opp = northwind(app)
    result = imported(app, "google_all_day.ics", opp_id=opp)
    (interview,) = view(app, opp).opportunity.interviews
    assert result.all_day and (interview.start, interview.end) == (at(18, 9), at(18, 17, 30))
    assert interview.location == "Northwind Health, 1 King Street, Leeds LS1 2HL, UK"
    assert [p.name for p in view(app, opp).opportunity.people] == ["Hiring Team"]


def test_a_second_invitation_is_the_next_round(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    imported(app, "outlook_request.ics")
    second = imported(app, "apple_request.ics", now=at(20, 9))
    interviews = view(app, opp, at(20, 9)).opportunity.interviews
    assert [i.round for i in interviews] == [1, 2] and second.interview_id == interviews[1].id
    assert interviews[1].location == "Northwind Health 1 King Street, Leeds LS1 2HL, England"
    names = sorted(p.name for p in view(app, opp, at(20, 9)).opportunity.people)
    assert names == ["Dana Kim", "Sam O'Neil", "Tom Reyes"]


# --- the same invitation again ------------------------------------------------------------------


def test_an_update_moves_the_interview_and_keeps_decisions(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    first = imported(app, "outlook_request.ics")
    decisions.skip(app, "P2:ask-before-leaving:interview=1", reason="asked by email", now=NOW)
    moved = imported(app, "outlook_update.eml", now=at(6, 9))
    assert moved.action is InviteAction.MOVED and moved.interview_id == first.interview_id
    assert (moved.sequence, moved.recorded_sequence) == (1, 0)
    (interview,) = view(app, opp, at(6, 9)).opportunity.interviews
    assert (interview.start, interview.end) == (at(11, 15, 30), at(11, 16, 30))
    plan = {item["key"]: item for item in view(app, opp, at(6, 9)).actions}
    assert plan["P4:debrief:interview=1"]["due"] == at(11, 17, 30).isoformat()
    assert plan["P2:ask-before-leaving:interview=1"]["state"] == "skipped"  # decision kept
    assert moved.people_added == () and len(moved.people_known) == 2


def test_the_same_or_an_older_sequence_changes_nothing(app: App) -> None:
    northwind(app)
    imported(app, "outlook_update.ics")
    before = content(app)
    again = imported(app, "outlook_update.ics")
    assert again.action is InviteAction.UNCHANGED
    assert again.notes[0].startswith("Nothing to change: this is the same update (sequence 1)")
    older = imported(app, "outlook_request.ics")
    assert older.action is InviteAction.UNCHANGED
    assert older.notes == (
        "Nothing to change: this is an older update (sequence 0) of the "
        "invitation already imported (sequence 1).",
    )
    assert (older.start, older.end) == (at(11, 15, 30), at(11, 16, 30))  # as recorded
    assert content(app) == before


def test_a_cancellation_cancels_and_a_second_one_changes_nothing(app: App) -> None:
    opp = northwind(app)
    imported(app, "outlook_request.ics")
    cancelled = imported(app, "outlook_cancel.ics", now=at(6, 11))
    assert cancelled.action is InviteAction.CANCELLED
    (interview,) = view(app, opp, at(6, 11)).opportunity.interviews
    assert interview.cancelled
    assert not any(
        "interview=1" in item["key"]
        for item in view(app, opp, at(6, 11)).actions
        if item["state"] == "pending"
    )
    before = content(app)
    again = imported(app, "outlook_cancel.ics", now=at(6, 12))
    assert again.action is InviteAction.UNCHANGED
    assert again.notes == ("Nothing to change: the cancellation is already cancelled.",)
    assert content(app) == before


def test_an_update_after_a_cancellation_puts_the_interview_back(app: App) -> None:
    opp = northwind(app)
    imported(app, "outlook_request.ics")
    imported(app, "outlook_cancel.ics")
    text = fixture("outlook_update.ics").replace(b"SEQUENCE:1", b"SEQUENCE:3")
    result = import_invite(app, text, now=NOW, own_emails=(ME,))
    assert result.action is InviteAction.MOVED
    assert "The interview had been cancelled; this update puts it back." in result.notes
    assert not view(app, opp).opportunity.interviews[0].cancelled


def test_an_update_with_only_a_new_place_is_an_update(app: App) -> None:
    opp = northwind(app)
    imported(app, "outlook_request.ics")
    text = (
        fixture("outlook_request.ics")
        .replace(b"SEQUENCE:0", b"SEQUENCE:1")
        .replace(
            b"LOCATION;LANGUAGE=en-GB:Microsoft Teams Meeting",
            b"LOCATION;LANGUAGE=en-GB:1 King Street\\, Leeds",
        )
        .replace(b"X-MICROSOFT-SKYPETEAMSMEETINGURL", b"X-IGNORED")
    )
    result = import_invite(app, text, now=NOW, own_emails=(ME,))
    assert result.action is InviteAction.UPDATED
    (interview,) = view(app, opp).opportunity.interviews
    assert interview.format is InterviewFormat.VIDEO  # the description still has the link
    assert interview.location.startswith("1 King Street, Leeds · https://teams.microsoft.com/")


def test_a_cancellation_of_an_unknown_invitation_writes_nothing(app: App) -> None:
    northwind(app)
    before = content(app)
    with pytest.raises(BadInput, match="cancels an invitation that was never imported"):
        imported(app, "outlook_cancel.ics")
    assert content(app) == before


def test_an_update_for_another_opportunity_is_refused(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    other = records.add_opportunity(
        app, company="Contoso", role="Analyst", route=Route.DIRECT, now=at(1, 9)
    )
    imported(app, "outlook_request.ics")
    with pytest.raises(BadInput, match=f"imported into opportunity {opp} .*not {other}"):
        imported(app, "outlook_update.ics", opp_id=other)
    moved = imported(app, "outlook_update.ics", opp_id=opp)
    assert moved.action is InviteAction.MOVED


@pytest.mark.parametrize(
    "data",
    [b"not a calendar", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", b"\x00\x01"],
)
def test_a_bad_file_writes_nothing(app: App, data: bytes) -> None:
    northwind(app)
    before = content(app)
    with pytest.raises(BadInput):
        import_invite(app, data, now=NOW, create=NewOpportunity("Fabrikam", "Data Engineer"))
    assert content(app) == before
