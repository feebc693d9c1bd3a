"""Sharing with a consultant on real PostgreSQL: invitations, the parts chosen per
opportunity, the consultant's day (P1, P6, P8, P12 from their side), what they record
landing in the candidate's own plan, and the walls between consultants."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from afterview.playbook.facts import ContactKind, Route
from afterview.server import sharing
from afterview.server.accounts import User
from afterview.server.store import ServerStore
from afterview.server.web import ServerMode
from afterview.services import debriefs, drafts, profile, queries, records
from afterview.services.app import App
from afterview.web.app import create_app

from .conftest import NOW, PASSWORD, Agency, csrf_of

pytestmark = pytest.mark.postgres

LONDON = "Europe/London"
# NOW is Friday 4 December 2026, 12:00 UTC (= London). The interview ended at 11:00.
START = datetime.fromisoformat("2026-12-04T10:00:00+00:00")
END = START + timedelta(hours=1)


def client_at(store: ServerStore, moment: datetime) -> TestClient:
    mode = ServerMode(store, hosts=["testserver"], secure_cookies=False, clock=moment)
    return TestClient(create_app(None, server=mode), base_url="https://testserver")


def sign_in(client: TestClient, user: User) -> str:
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return csrf_of(client.get("/agency" if user.role != "candidate" else "/sharing").text)


@pytest.fixture
def people(agency: Agency) -> tuple[User, User, User]:
    candidate = agency.user("candidate", "Ana Lima", LONDON)
    consultant = agency.user("consultant", "Sam Okafor", LONDON)
    colleague = agency.user("consultant", "Kim Park", LONDON)
    return candidate, consultant, colleague


def candidate_app(store: ServerStore, user: User) -> App:
    return store.candidate_app(user.id, user.timezone)


def recruiter_opportunity(app: App) -> int:
    opp = records.add_opportunity(
        app,
        company="Harbour Lights",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=START - timedelta(days=3),
        recruiter_name="Sam Okafor",
    )
    records.add_interview(
        app,
        opp,
        start=START,
        end=END,
        tz=LONDON,
        now=START - timedelta(days=3),
        interviewers=(records.NewInterviewer("Priya Shah", "priya@harbour.example"),),
    )
    return opp


@pytest.fixture
def shared(server_store: ServerStore, people: tuple[User, User, User]) -> Iterator[dict[str, Any]]:
    """Ana invites Sam, Sam accepts, Ana shares her Harbour Lights opportunity
    (the default parts) and keeps a second one private."""
    candidate, consultant, _ = people
    app = candidate_app(server_store, candidate)
    opp = recruiter_opportunity(app)
    private = records.add_opportunity(
        app, company="Quiet Co", role="Analyst", route=Route.DIRECT, now=NOW
    )
    interview = queries.show_opportunity(app, opp, NOW).opportunity.interviews[0].id
    debriefs.record_debrief(
        app,
        interview,
        {"went_well": ["the pipeline design question"], "nuggets": ["moving to Kafka in spring"]},
        NOW,
    )
    profile.set_profile(app, now=NOW, name="Ana Lima", email="ana@example.com")
    drafts.draft_thank_you(app, interview, now=NOW)
    link = sharing.invite(server_store, candidate, consultant.email, NOW)
    sharing.accept(server_store, consultant, link.id, NOW)
    sharing.set_parts(
        server_store, candidate, app, opp, ("interviews", "timeline", "calls", "debrief"), NOW
    )
    yield {"app": app, "opp": opp, "private": private, "interview": interview, "link": link}


def test_the_consultant_sees_only_the_parts_shared(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    _, consultant, _ = people
    with client_at(server_store, NOW) as client:
        sign_in(client, consultant)
        day = client.get("/agency").text
        assert "Harbour Lights" in day and "Quiet Co" not in day
        assert f'href="/agency/candidates/{people[0].id}"' in day  # one line per candidate
        listed = client.get(f"/agency/candidates/{people[0].id}").text
        assert "Harbour Lights" in listed and "Quiet Co" not in listed
        page = client.get(f"/agency/candidates/{people[0].id}/opportunities/{shared['opp']}")
        assert page.status_code == 200
        assert "the pipeline design question" in page.text  # debrief summary: shared
        assert "Not shared with you: drafts, fit reflection" in page.text
    # Nor is the draft anywhere in what the consultant's role can read.
    with server_store.agency(consultant.agency_id, consultant.id) as conn:
        facts = conn.execute(text("SELECT facts::text FROM shares")).scalars().all()
    assert len(facts) == 1
    assert "Thank you" not in facts[0] and '"drafts"' not in facts[0]
    assert "Kafka" not in facts[0]  # nuggets are not in the summary


def test_a_colleague_and_another_candidate_see_nothing(
    server_store: ServerStore,
    people: tuple[User, User, User],
    shared: dict[str, Any],
    agency: Agency,
) -> None:
    candidate, _, colleague = people
    other = agency.user("candidate", "Bo Chen", LONDON)
    url = f"/agency/candidates/{candidate.id}/opportunities/{shared['opp']}"
    with client_at(server_store, NOW) as client:
        token = sign_in(client, colleague)
        assert "Harbour Lights" not in client.get("/agency").text
        assert client.get(url).status_code == 404
        refused = client.post(url + "/feedback", data={"note": "x", "csrf_token": token})
        assert refused.status_code == 404
    # The second wall: even raw SQL as the colleague (or another candidate) finds no row.
    for who in (colleague, other):
        with server_store.agency(who.agency_id, who.id) as conn:
            assert conn.execute(text("SELECT count(*) FROM shares")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM consultant_links")).scalar() == 0
    # Without a user the sharing tables answer nothing at all.
    with server_store.agency(candidate.agency_id) as conn:
        assert conn.execute(text("SELECT count(*) FROM shares")).scalar() == 0


def test_a_candidate_cannot_invite_someone_outside_their_agency(
    server_store: ServerStore, people: tuple[User, User, User], other_agency: Agency
) -> None:
    candidate = people[0]
    outsider = other_agency.user("consultant", "Lee Grant", LONDON)
    with client_at(server_store, NOW) as client:
        token = sign_in(client, candidate)
        for address in (outsider.email, "nobody@example.com", "not an address"):
            page = client.post("/sharing/invite", data={"email": address, "csrf_token": token})
            assert page.status_code == 400
            assert 'role="alert"' in page.text
        assert sharing.links(server_store, candidate) == []


def test_p1_the_call_is_expected_then_overdue_then_recorded_by_the_consultant(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    candidate, consultant, _ = people
    # 12:00: the interview ended at 11:00; P1 wants the call by 13:00.
    found, _ = sharing.day(server_store, consultant, NOW)
    assert [(c.state, c.due) for c in found.calls] == [("expected", END + timedelta(hours=2))]
    assert found.alerts == 0
    late = END + timedelta(hours=2, minutes=30)
    found, _ = sharing.day(server_store, consultant, late)
    assert [c.state for c in found.calls] == ["overdue"] and found.alerts == 1
    with client_at(server_store, late) as client:
        token = sign_in(client, consultant)
        assert "no call yet" in client.get("/agency").text
        done = client.post(
            f"/agency/candidates/{candidate.id}/opportunities/{shared['opp']}/call",
            data={"csrf_token": token, "back": "/agency"},
        )
        assert "Call recorded" in done.text
        assert "no call yet" not in done.text
    found, _ = sharing.day(server_store, consultant, late)
    assert [c.state for c in found.calls] == ["received"]
    # The candidate's own plan: P1 is done, by the call the consultant recorded.
    opp = queries.show_opportunity(shared["app"], shared["opp"], late).opportunity
    calls = opp.contacts_of(ContactKind.RECRUITER_CALL)
    assert len(calls) == 1 and "Sam Okafor" in (calls[0].note or "")


def test_p8_chasing_the_client_after_the_decision_date_keeps_the_weekly_guard(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    candidate, consultant, _ = people
    app = shared["app"]
    records.set_timeline(app, shared["opp"], now=NOW, decision_by=date(2026, 12, 9))
    sharing.publish(server_store, candidate, app, NOW)
    found, _ = sharing.day(server_store, consultant, NOW)
    assert [d.state for d in found.decisions] == ["awaiting"]
    # Thursday 10 December, 10:00: the working morning after the date has come.
    thursday = datetime.fromisoformat("2026-12-10T10:00:00+00:00")
    found, _ = sharing.day(server_store, consultant, thursday)
    assert [d.state for d in found.decisions] == ["passed"] and found.alerts == 1
    url = f"/agency/candidates/{candidate.id}/opportunities/{shared['opp']}"
    with client_at(server_store, thursday) as client:
        token = sign_in(client, consultant)
        chased = client.post(
            url + "/chase", data={"csrf_token": token, "channel": "phone", "back": url}
        )
        assert "Chase recorded" in chased.text
    found, _ = sharing.day(server_store, consultant, thursday + timedelta(hours=1))
    assert [d.state for d in found.decisions] == ["awaiting"]
    assert found.decisions[0].chase_from == thursday + timedelta(days=7)
    # Two days later a second chase is recorded, but flagged (P8: at most one a week).
    saturday = thursday + timedelta(days=2)
    flag = sharing.record_chase(
        server_store,
        consultant,
        lambda u: candidate_app(server_store, u),
        candidate.id,
        shared["opp"],
        at=saturday,
        channel=sharing.Channel.EMAIL,
        note=None,
        now=saturday,
    )
    assert flag is not None and "at most one a week" in flag
    # The candidate's own follow-ups are paced by the consultant's chases.
    opp = queries.show_opportunity(app, shared["opp"], saturday).opportunity
    assert len(opp.contacts_of(ContactKind.FOLLOW_UP)) == 2


def test_client_feedback_is_recorded_once_and_pauses_the_candidates_chasing(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    candidate, consultant, _ = people
    url = f"/agency/candidates/{candidate.id}/opportunities/{shared['opp']}"
    with client_at(server_store, NOW) as client:
        token = sign_in(client, consultant)
        said = {"csrf_token": token, "note": "They liked her; second round likely."}
        first = client.post(url + "/feedback", data={**said, "decision_by": "2026-12-11"})
        assert "Feedback recorded" in first.text
        again = client.post(url + "/feedback", data={**said, "decision_by": "2026-12-11"})
        assert "a moment ago" in again.text
        bad_date = client.post(url + "/feedback", data={**said, "decision_by": "next week"})
        assert "is not a date" in bad_date.text
    opp = queries.show_opportunity(shared["app"], shared["opp"], NOW).opportunity
    assert [r.note for r in opp.replies] == [
        "Client feedback via Sam Okafor: They liked her; second round likely."
    ]
    assert opp.timelines[-1].decision_by == date(2026, 12, 11)
    # Ana's timeline page shows it.
    with client_at(server_store, NOW) as client:
        sign_in(client, candidate)
        assert "second round likely" in client.get(f"/opportunities/{shared['opp']}").text


def test_stopping_ends_what_the_consultant_sees(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    candidate, consultant, _ = people
    with client_at(server_store, NOW) as client:
        token = sign_in(client, candidate)
        page = client.get("/sharing").text
        assert "Sam Okafor" in page and "sees what you share" in page
        ended = client.post(f"/sharing/links/{shared['link'].id}/end", data={"csrf_token": token})
        assert "Stopped" in ended.text
    found, pending = sharing.day(server_store, consultant, NOW)
    assert found.shared == [] and pending == []
    with client_at(server_store, NOW) as client:
        sign_in(client, consultant)
        url = f"/agency/candidates/{candidate.id}/opportunities/{shared['opp']}"
        assert client.get(url).status_code == 404


def test_a_candidates_change_is_published_to_the_consultant(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    """Through the web app: Ana records an outcome; Sam's day shows the offer."""
    candidate, consultant, _ = people
    with client_at(server_store, NOW) as client:
        token = sign_in(client, candidate)
        answer = client.post(
            f"/opportunities/{shared['opp']}/outcomes",
            data={"csrf_token": token, "outcome": "offer"},
        )
        assert answer.status_code == 200, answer.text
    found, _ = sharing.day(server_store, consultant, NOW)
    assert [o.company for o in found.offers] == ["Harbour Lights"]


def test_sharing_a_part_shows_it_and_unsharing_an_opportunity_removes_it(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    candidate, consultant, _ = people
    with client_at(server_store, NOW) as client:
        token = sign_in(client, candidate)
        client.post(
            f"/sharing/opportunities/{shared['opp']}",
            data={"csrf_token": token, "part": ["interviews", "drafts"]},
        )
        unknown = client.post(
            f"/sharing/opportunities/{shared['opp']}",
            data={"csrf_token": token, "part": ["passwords"]},
        )
        assert "Unknown part" in unknown.text
        other = client.post(
            "/sharing/opportunities/999", data={"csrf_token": token, "part": ["interviews"]}
        )
        assert "No opportunity 999" in other.text
    view = sharing.shared_opportunity(server_store, consultant, candidate.id, shared["opp"], NOW)
    assert view.facts["parts"] == ["interviews", "drafts"]
    assert "debriefs" not in view.facts and view.facts["drafts"][0]["kind"] == "thank-you"
    with client_at(server_store, NOW) as client:
        token = sign_in(client, candidate)
        client.post(f"/sharing/opportunities/{shared['opp']}", data={"csrf_token": token})
    found, _ = sharing.day(server_store, consultant, NOW)
    assert found.shared == []


def test_the_audit_log_shows_the_agency_who_saw_and_changed_what(
    server_store: ServerStore,
    people: tuple[User, User, User],
    shared: dict[str, Any],
    agency: Agency,
    other_agency: Agency,
) -> None:
    candidate, consultant, _ = people
    sharing.shared_opportunity(server_store, consultant, candidate.id, shared["opp"], NOW)
    boss = agency.user("admin", "Bea Admin", LONDON)
    with client_at(server_store, NOW) as client:
        sign_in(client, boss)
        page = client.get(f"/agency/audit?candidate={candidate.id}")
        assert page.status_code == 200
        rows = re.findall(r"<tr><td[^>]*>(.*?)</tr>", page.text, re.S)
        assert any("Sam Okafor" in r and "share.view" in r and "Ana Lima" in r for r in rows)
        assert any("share.accept" in r for r in rows) and any("share.invite" in r for r in rows)
    stranger = other_agency.user("admin", "Sol Stranger", LONDON)
    with client_at(server_store, NOW) as client:
        sign_in(client, stranger)
        assert "Ana Lima" not in client.get(f"/agency/audit?candidate={candidate.id}").text
        sign_in(client, consultant)
        assert client.get("/agency/audit").status_code == 404


def test_a_browsers_icon_request_is_not_a_look_at_the_day(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    consultant = people[1]
    with client_at(server_store, NOW) as client:
        sign_in(client, consultant)
        with server_store.agency(consultant.agency_id) as conn:
            before = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
        assert client.get("/favicon.ico", follow_redirects=False).status_code == 404
        with server_store.agency(consultant.agency_id) as conn:
            assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == before


def test_the_candidates_opportunity_page_says_who_sees_what(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    with client_at(server_store, NOW) as client:
        sign_in(client, people[0])
        page = client.get(f"/opportunities/{shared['opp']}").text
        assert (
            "Shared with Sam Okafor: interviews, hiring timeline, call notes, debrief summary."
            in page
        )
        assert (
            "Not shared with your consultant"
            in client.get(f"/opportunities/{shared['private']}").text
        )


def test_the_day_reads_each_shared_opportunity_once_through_live_links_only(
    server_store: ServerStore, people: tuple[User, User, User], shared: dict[str, Any]
) -> None:
    """The day view's queries start from the consultant's live links (a large agency's
    other shares are never visited): they find what row-level security shows, no more,
    and no row twice when an ended link and a new one join the same candidate."""
    candidate, consultant, colleague = people
    app = shared["app"]
    sharing.end_link(server_store, candidate, shared["link"].id, NOW)
    again = sharing.invite(server_store, candidate, consultant.email, NOW)
    sharing.accept(server_store, consultant, again.id, NOW)
    pending = sharing.invite(server_store, candidate, colleague.email, NOW)
    sharing.record_feedback(
        server_store,
        consultant,
        lambda _user: app,
        candidate.id,
        shared["opp"],
        note="Second round likely",
        decision_by=None,
        now=NOW,
    )
    found, invitations = sharing.day(server_store, consultant, NOW)
    assert [(o.candidate_id, o.opportunity_id) for o in found.shared] == [
        (candidate.id, shared["opp"])
    ]
    assert [n.text for n in found.news if n.text] == ["Second round likely"]
    assert invitations == []
    with server_store.agency(consultant.agency_id, consultant.id) as conn:
        assert conn.execute(text("SELECT count(*) FROM shares")).scalar() == 1  # RLS agrees
    # The colleague's invitation is pending: the invitation shows, the shares do not.
    found, invitations = sharing.day(server_store, colleague, NOW)
    assert found.shared == [] and found.news == []
    assert [link.id for link in invitations] == [pending.id]
