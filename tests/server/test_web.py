"""The agency server's web app over real PostgreSQL: sign-in, the session gate, CSRF,
cookies, and no candidate reaching another's records by id (IDOR)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from afterview.playbook.settings import Settings
from afterview.server.accounts import User
from afterview.server.store import ServerStore
from afterview.server.web import ServerMode
from afterview.services import demo
from afterview.services.backup import export_json
from afterview.web.app import create_app
from afterview.web.pages.settings import setting_groups

from .conftest import NOW, PASSWORD, Agency, csrf_of

pytestmark = pytest.mark.postgres


def _app(store: ServerStore, secure: bool = False) -> TestClient:
    mode = ServerMode(store, hosts=["testserver"], secure_cookies=secure, clock=NOW)
    return TestClient(create_app(None, server=mode), base_url="https://testserver")


@pytest.fixture
def client(server_store: ServerStore) -> Iterator[TestClient]:
    with _app(server_store) as c:
        yield c


def sign_in(client: TestClient, user: User, next: str = "/") -> None:
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token, "next": next},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


def test_without_a_session_pages_send_to_sign_in_and_the_api_says_401(
    client: TestClient,
) -> None:
    page = client.get("/opportunities?x=1", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fopportunities%3Fx%3D1"
    api = client.get("/api/opportunities")
    assert api.status_code == 401
    assert api.json() == {"error": "Sign in first."}


def test_a_candidate_signs_in_and_lands_where_they_were_going(
    client: TestClient, agency: Agency
) -> None:
    ana = agency.user(name="Ana Lima")
    sign_in(client, ana, next="/opportunities")
    page = client.get("/opportunities")
    assert page.status_code == 200
    assert "Ana Lima" in page.text and "Sign out" in page.text
    assert "nothing leaves this machine" not in page.text  # not true of a server


def test_sign_in_never_sends_to_another_site(client: TestClient, agency: Agency) -> None:
    ana = agency.user()
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={
            "email": ana.email,
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.test/",
        },
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/"


def test_a_wrong_password_shows_the_form_again(client: TestClient, agency: Agency) -> None:
    ana = agency.user()
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login", data={"email": ana.email, "password": "nope", "csrf_token": token}
    )
    assert answer.status_code == 401
    assert "The email address or the password is wrong." in answer.text
    assert ana.email in answer.text  # kept in the field


def test_sign_in_needs_the_csrf_token(client: TestClient, agency: Agency) -> None:
    ana = agency.user()
    client.get("/login")
    answer = client.post("/login", data={"email": ana.email, "password": PASSWORD})
    assert answer.status_code == 403


def test_session_fixation_a_planted_cookie_is_never_adopted(
    client: TestClient, agency: Agency
) -> None:
    ana = agency.user()
    client.cookies.set("afterview_session", "planted-by-someone-else", domain="testserver.local")
    assert client.get("/", follow_redirects=False).status_code == 303
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={"email": ana.email, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    issued = [v for v in answer.headers.get_list("set-cookie") if "afterview_session=" in v]
    assert len(issued) == 1
    assert "planted-by-someone-else" not in issued[0]


def test_sign_out_ends_the_session(client: TestClient, agency: Agency) -> None:
    ana = agency.user()
    sign_in(client, ana)
    token = client.cookies.get("afterview_session")
    page = client.get("/")
    client.post("/logout", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
    client.cookies.set("afterview_session", token or "")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_writes_need_the_csrf_token_when_signed_in(client: TestClient, agency: Agency) -> None:
    sign_in(client, agency.user())
    answer = client.post("/api/opportunities", json={"company": "Acme", "role": "Analyst"})
    assert answer.status_code == 403


def test_behind_https_every_cookie_is_secure(server_store: ServerStore, agency: Agency) -> None:
    ana = agency.user()
    with _app(server_store, secure=True) as c:
        login_page = c.get("/login")
        assert all("Secure" in v for v in login_page.headers.get_list("set-cookie"))
        answer = c.post(
            "/login",
            data={"email": ana.email, "password": PASSWORD, "csrf_token": csrf_of(login_page.text)},
            follow_redirects=False,
        )
        cookies = answer.headers.get_list("set-cookie")
        assert any(v.startswith("__Host-afterview_session=") for v in cookies)
        assert all("Secure" in v and "HttpOnly" in v for v in cookies)


def test_an_unknown_host_is_refused(client: TestClient) -> None:
    assert client.get("/login", headers={"host": "evil.test"}).status_code == 400


def test_staff_reach_no_candidate_pages(client: TestClient, agency: Agency) -> None:
    sign_in(client, agency.user("consultant", name="Kim Park"))
    assert client.get("/", follow_redirects=False).headers["location"] == "/agency"
    assert client.get("/api/opportunities").status_code == 404
    home = client.get("/agency")
    assert home.status_code == 200 and "Kim Park" in home.text


def test_candidates_reach_no_staff_pages(client: TestClient, agency: Agency) -> None:
    sign_in(client, agency.user())
    assert client.get("/agency").status_code == 404


def test_each_candidate_has_a_calendar_feed_of_their_own(
    client: TestClient, agency: Agency, server_store: ServerStore
) -> None:
    """The feed's address names the account; a calendar app polls it without a session.
    Another account's id, a wrong token, a disabled account: the same 404 as any page."""
    ana, ben = agency.user(name="Ana Lima"), agency.user(name="Ben Okafor")
    demo.create(server_store.candidate_app(ana.id, "UTC"), NOW)
    sign_in(client, ana)
    token = csrf_of(client.get("/settings/mail").text)
    made = client.post("/settings/mail/feed", data={"csrf_token": token})
    assert "Your calendar address is ready" in made.text
    url = re.search(r'id="feed-url" value="https://testserver([^"]+)"', made.text)
    assert url, made.text
    path = url.group(1)
    assert path.startswith(f"/calendar/{agency.id}/{ana.id}/")
    with _app(server_store) as anonymous:  # a calendar app: no cookie at all
        feed = anonymous.get(path)
        assert feed.status_code == 200 and "BEGIN:VCALENDAR" in feed.text
        assert "Northwind" in feed.text or "SUMMARY" in feed.text
        feed_token = path.rsplit("/", 1)[1]
        for wrong in (
            f"/calendar/{agency.id}/{ben.id}/{feed_token}",  # another candidate
            f"/calendar/{agency.id + 1}/{ana.id}/{feed_token}",  # another agency
            f"/calendar/{agency.id}/{ana.id}/{'x' * 32}.ics",  # a wrong token
            f"/calendar/{feed_token}",  # the single-user form
        ):
            assert anonymous.get(wrong).status_code == 404, wrong


def _leaves(routes: Any) -> Iterator[tuple[str, set[str], list[str]]]:
    """Every endpoint as (path template, methods, path parameters), through included
    routers (FastAPI resolves those lazily; their candidates carry the full path)."""
    for route in routes:
        nested = getattr(route, "effective_candidates", None)
        if nested is not None:
            yield from _leaves(nested())
        elif getattr(route, "methods", None) and hasattr(route, "param_convertors"):
            yield route.path, set(route.methods), list(route.param_convertors)


def _ids(store: ServerStore, user: User) -> dict[str, str]:
    """The highest id of each kind in `user`'s store, and one action key."""
    from sqlalchemy import text

    with store.candidate_app(user.id, "UTC").transaction(NOW) as repo:

        def top(table: str) -> str:
            return str(repo.conn.execute(text(f"SELECT max(id) FROM {table}")).scalar())

        key = repo.conn.execute(text("SELECT key FROM actions ORDER BY key LIMIT 1")).scalar()
        return {
            "opp_id": top("opportunities"),
            "person_id": top("people"),
            "interview_id": top("interviews"),
            "message_id": top("messages"),
            "outbox_id": "1",
            "key": str(key),
            "token": "x" * 40,
            "user_id": str(user.id),  # the administrators' routes (test_admin.py)
        }


def test_no_route_shows_or_changes_another_candidates_records(
    client: TestClient, agency: Agency, other_agency: Agency
) -> None:
    """Every route with an id, every method: another candidate's ids (of this agency
    or of another) answer 404 or a refusal, show nothing of theirs and change nothing."""
    from afterview.server import sharing

    store = agency.store
    owner = agency.user(name="Ana Lima")
    app = store.candidate_app(owner.id, "UTC")
    demo.create(app, NOW)
    ids = _ids(store, owner)
    # Ana shares with her consultant, so the sharing and staff routes have ids to try.
    consultant = agency.user("consultant", "Dee Marsh")
    link = sharing.invite(store, owner, consultant.email, NOW)
    sharing.accept(store, consultant, link.id, NOW)
    sharing.set_parts(store, owner, app, int(ids["opp_id"]), ("interviews", "drafts"), NOW)
    ids.update(link_id=str(link.id), candidate_id=str(owner.id), agency_id=str(agency.id))
    before = json.dumps(export_json(store.candidate_app(owner.id, "UTC"), NOW), sort_keys=True)
    routes = [r for r in _leaves(client.app.routes) if r[2] and not r[0].startswith("/static")]  # type: ignore[attr-defined]
    assert len(routes) >= 30
    intruders = (
        agency.user(name="Ben Okafor"),
        other_agency.user(name="Cara Diaz"),
        agency.user("consultant", "Eli Stone"),  # a colleague Ana did not invite
        other_agency.user("consultant", "Fay Lund"),
    )
    for intruder in intruders:
        with _app(store) as c:
            sign_in(c, intruder)
            token = csrf_of(c.get("/" if intruder.role == "candidate" else "/agency").text)
            for template, methods, params in routes:
                path = template
                for name in params:
                    path = path.replace("{" + name + "}", ids[name])
                for method in sorted(methods):
                    if method == "HEAD":
                        continue
                    answer = c.request(
                        method, path, headers={"x-csrf-token": token}, follow_redirects=False
                    )
                    where = f"{method} {path} as another candidate"
                    refusals = {404, 403, 422}
                    if not path.startswith("/api/"):
                        refusals.add(303)  # a page's form: back, with the refusal as notice
                    assert answer.status_code in refusals, f"{where}: {answer.status_code}"
                    staff_page = intruder.role != "candidate" and not path.startswith(
                        ("/agency", "/api/", "/invitation/", "/calendar/")  # open: 404 for all
                    )
                    if method == "GET" and staff_page:  # staff are sent to their own page
                        assert answer.headers.get("location") == "/agency", where
                    elif method == "GET":
                        assert answer.status_code == 404, where
                    assert "Sam Taylor" not in answer.text, where
    after = json.dumps(export_json(store.candidate_app(owner.id, "UTC"), NOW), sort_keys=True)
    assert after == before
    assert [x.state for x in sharing.links(store, owner)] == ["live"]
    assert sharing.parts_by_opportunity(store, owner) == {
        int(ids["opp_id"]): ("interviews", "drafts")
    }


def test_each_candidate_has_their_own_settings_seen_by_every_process(
    server_store: ServerStore, agency: Agency
) -> None:
    """P1's window set to 3 hours by Ana changes Ana's plan only; another server process
    (another app, its own cache) picks the change up on her next request."""
    ana, ben = agency.user(name="Ana Lima"), agency.user(name="Ben Okafor")
    with _app(server_store) as first, _app(server_store) as second:
        sign_in(first, ana)
        before = second  # signs in before the change, so it holds Ana's old service
        sign_in(before, ana)
        assert 'name="recruiter_call_within_hours"' in before.get("/settings").text
        token = csrf_of(first.get("/settings").text)
        form: dict[str, Any] = {"csrf_token": token, "timezone": "Europe/Lisbon"}
        for group in setting_groups(Settings()):  # the form as the page fills it
            for control in group.controls:
                form[control.name] = list(control.selected_days) or control.value
        form["recruiter_call_within_hours"] = "3"
        saved = first.post("/settings/timing", data=form)
        assert "Saved: recruiter call within hours, timezone" in saved.text, saved.text
        again = before.get("/settings").text
        assert re.search(r'name="recruiter_call_within_hours"[^>]*value="3"', again)
        assert "<option selected>Europe/Lisbon</option>" in again
        assert "Saved with your account" in again
        bad = first.post("/settings/timing", data={**form, "recruiter_call_within_hours": "-1"})
        assert bad.status_code == 400
    with _app(server_store) as other:
        sign_in(other, ben)
        page = other.get("/settings").text
        assert re.search(r'name="recruiter_call_within_hours"[^>]*value="2"', page)
