"""The administrators' accounts page on the real PostgreSQL: administrators only,
their own agency only, invitations that work once and expire, disabling that ends
sessions, every change audit-logged."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from afterview.errors import BadInput
from afterview.server import accounts, admin, totp
from afterview.server import tables as t
from afterview.server.accounts import User
from afterview.server.store import ServerStore
from afterview.server.web import ServerMode
from afterview.services.queries import list_opportunities
from afterview.web.app import create_app

from .conftest import NOW, PASSWORD, Agency, csrf_of

pytestmark = pytest.mark.postgres
IP = "192.0.2.60"
NEW_PASSWORD = "blue kettles sing at dawn"
PAGE = "/agency/accounts"


def browser(store: ServerStore) -> tuple[TestClient, ServerMode]:
    mode = ServerMode(store, hosts=["testserver"], secure_cookies=False, clock=NOW)
    return TestClient(create_app(None, server=mode), base_url="https://testserver"), mode


def sign_in(client: TestClient, user: User, password: str = PASSWORD) -> httpx.Response:
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={"email": user.email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return answer


def actions(store: ServerStore, agency_id: int) -> list[tuple[str, int | None, str | None]]:
    a = t.audit_log.c
    with store.agency(agency_id) as conn:
        rows = conn.execute(select(a.action, a.actor_id, a.target).order_by(a.id)).all()
    return [(r.action, r.actor_id, r.target) for r in rows]


def invite_form(client: TestClient, **values: str) -> httpx.Response:
    token = csrf_of(client.get(PAGE).text)
    return client.post(PAGE, data={"csrf_token": token, **values})


def link_of(html: str) -> str:
    found = re.search(r'id="invitation-link" readonly value="https://testserver([^"]+)"', html)
    assert found, "no invitation link on the page"
    return found.group(1)


def test_the_administrator_sees_their_agencys_accounts(agency: Agency) -> None:
    boss = agency.user(role="admin", name="Bea Admin")
    ana = agency.user(name="Ana Lima")
    with_code = agency.user(role="consultant", name="Carl Code")
    secret = totp.new_secret()
    import pyotp

    totp.enable(agency.store, with_code, secret, pyotp.TOTP(secret).at(NOW), NOW)
    accounts.login(agency.store, ana.email, PASSWORD, ip=IP, now=NOW + timedelta(hours=1))
    client, _ = browser(agency.store)
    with client:
        sign_in(client, boss)
        page = client.get(PAGE)
    assert page.status_code == 200
    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<tr data-account="(\d+)">(.*?)</tr>', page.text, re.S)
    }
    assert set(rows) == {str(boss.id), str(ana.id), str(with_code.id)}
    assert ana.email in rows[str(ana.id)] and "Fri 04 Dec 13:00" in rows[str(ana.id)]
    assert "<td>on</td>" in rows[str(with_code.id)] and "never" in rows[str(with_code.id)]
    assert f"/agency/accounts/{boss.id}/disable" not in page.text  # not oneself
    assert 'href="/agency/accounts"' in page.text  # in the header, for administrators


@pytest.mark.parametrize("role", ["consultant", "candidate"])
def test_only_administrators_reach_the_page(agency: Agency, role: str) -> None:
    someone, ana = agency.user(role=role), agency.user(role="consultant")
    client, _ = browser(agency.store)
    with client:
        sign_in(client, someone)
        token = csrf_of(client.get("/account/security").text)
        page = client.get(PAGE)
        assert page.status_code == 404 and ana.email not in page.text
        assert 'href="/agency/accounts"' not in client.get("/account/security").text
        for action in ("disable", "enable", "reset-totp", "invitation"):
            answer = client.post(f"{PAGE}/{ana.id}/{action}", data={"csrf_token": token})
            assert answer.status_code == 404, action
        made = client.post(
            PAGE,
            data={"csrf_token": token, "name": "X Y", "email": "xy@example.com",
                  "role": "admin", "timezone": "UTC"},
        )  # fmt: skip
        assert made.status_code == 404
    with agency.store.owner() as conn:
        assert (
            conn.execute(select(t.users).where(t.users.c.email == "xy@example.com")).first() is None
        )
    assert accounts.resolve(
        agency.store, accounts.login(agency.store, ana.email, PASSWORD, ip=IP, now=NOW)[0], NOW
    )


def test_another_agencys_administrator_gets_404_for_these_accounts(
    agency: Agency, other_agency: Agency
) -> None:
    ana = agency.user(role="consultant", name="Ana Lima")
    stranger = other_agency.user(role="admin", name="Sol Stranger")
    before = actions(agency.store, agency.id)
    client, _ = browser(agency.store)
    with client:
        sign_in(client, stranger)
        page = client.get(PAGE)
        assert page.status_code == 200 and ana.email not in page.text
        token = csrf_of(page.text)
        for action in ("disable", "enable", "reset-totp", "invitation"):
            answer = client.post(f"{PAGE}/{ana.id}/{action}", data={"csrf_token": token})
            assert answer.status_code == 404, action
            assert ana.email not in answer.text and "Ana Lima" not in answer.text
    assert actions(agency.store, agency.id) == before
    token, _ = accounts.login(agency.store, ana.email, PASSWORD, ip=IP, now=NOW)
    assert accounts.resolve(agency.store, token, NOW) == ana  # still enabled


def test_an_invited_person_sets_their_own_password_once(agency: Agency) -> None:
    boss = agency.user(role="admin", name="Bea Admin")
    client, mode = browser(agency.store)
    with client:
        sign_in(client, boss)
        invited = invite_form(
            client, name="Dee Newman", email="Dee.Newman@Example.com", role="candidate",
            timezone="Europe/Lisbon",
        )  # fmt: skip
        assert invited.status_code == 200
        link = link_of(invited.text)
        assert "invited" in client.get(PAGE).text
        assert link not in client.get(PAGE).text  # shown once
    dee = accounts.candidate_by_email(agency.store, "dee.newman@example.com")
    assert dee.timezone == "Europe/Lisbon"
    assert list_opportunities(agency.store.candidate_app(dee.id, dee.timezone), NOW) == []
    with pytest.raises(accounts.LoginRefused, match="email address or the password is wrong"):
        accounts.login(agency.store, dee.email, "", ip=IP, now=NOW)

    newcomer, mode = browser(agency.store)
    mode.clock = NOW + timedelta(days=6)
    with newcomer:
        form = newcomer.get(link)
        assert form.status_code == 200 and "Welcome, Dee Newman" in form.text
        data = {"csrf_token": csrf_of(form.text)}
        differ = newcomer.post(link, data={**data, "password": NEW_PASSWORD, "confirmation": "x"})
        assert differ.status_code == 400 and "The two passwords differ" in differ.text
        weak = newcomer.post(link, data={**data, "password": "short", "confirmation": "short"})
        assert weak.status_code == 400 and "at least 12 characters" in weak.text
        done = newcomer.post(
            link, data={**data, "password": NEW_PASSWORD, "confirmation": NEW_PASSWORD}
        )
        assert done.status_code == 200 and "Your password is set" in done.text
        again = newcomer.get(link)
        assert again.status_code == 404 and "expired or has already been used" in again.text
        reused = newcomer.post(link, data={**data, "password": "x" * 20, "confirmation": "x" * 20})
        assert reused.status_code == 404
        sign_in(newcomer, dee, NEW_PASSWORD)
        assert newcomer.get("/opportunities").status_code == 200
    assert [a[0] for a in actions(agency.store, agency.id)][-4:] == [
        "user.create", "user.invite", "invitation.accept", "session.login",
    ]  # fmt: skip


def test_an_invitation_expires_after_seven_days(agency: Agency) -> None:
    boss = agency.user(role="admin")
    _, token = admin.invite(
        agency.store, boss, email="late@example.com", name="Lee Late", role="consultant",
        timezone="UTC", now=NOW,
    )  # fmt: skip
    last_moment = NOW + admin.INVITATION_LIFETIME - timedelta(seconds=1)
    assert admin.open_invitation(agency.store, token, last_moment).email == "late@example.com"
    expired = NOW + admin.INVITATION_LIFETIME
    with pytest.raises(admin.InvitationGone):
        admin.accept_invitation(agency.store, token, NEW_PASSWORD, NEW_PASSWORD, ip=IP, now=expired)
    client, mode = browser(agency.store)
    mode.clock = expired
    with client:
        assert client.get(f"/invitation/{token}").status_code == 404
    with agency.store.owner() as conn:
        hashed = conn.execute(
            select(t.users.c.password_hash).where(t.users.c.email == "late@example.com")
        ).scalar_one()
    assert hashed is None


def test_a_new_link_replaces_the_old_one(agency: Agency) -> None:
    boss = agency.user(role="admin")
    person, first = admin.invite(
        agency.store, boss, email="twice@example.com", name="Tom Twice", role="admin",
        timezone="UTC", now=NOW,
    )  # fmt: skip
    client, _ = browser(agency.store)
    with client:
        sign_in(client, boss)
        token = csrf_of(client.get(PAGE).text)
        again = client.post(f"{PAGE}/{person.id}/invitation", data={"csrf_token": token})
        assert again.status_code == 200
        second = link_of(again.text).rsplit("/", 1)[1]
    with pytest.raises(admin.InvitationGone):
        admin.open_invitation(agency.store, first, NOW)
    admin.accept_invitation(agency.store, second, NEW_PASSWORD, NEW_PASSWORD, ip=IP, now=NOW)
    with pytest.raises(BadInput, match="already set a password"):
        admin.new_invitation(agency.store, boss, person.id, NOW)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"email": "not an address"}, "email address"),
        ({"name": ""}, "name"),
        ({"role": "owner"}, "The role must be one of"),
        ({"timezone": "Mars/Olympus"}, "time zone"),
    ],
)
def test_a_bad_invitation_is_refused_on_the_page_and_leaves_nothing(
    agency: Agency, values: dict[str, str], message: str
) -> None:
    boss = agency.user(role="admin")
    form = {"name": "Eve Error", "email": "eve.error@example.com", "role": "consultant",
            "timezone": "UTC", **values}  # fmt: skip
    client, _ = browser(agency.store)
    with client:
        sign_in(client, boss)
        answer = invite_form(client, **form)
    assert answer.status_code == 400
    assert 'id="add-error"' in answer.text and message in answer.text
    assert "Nothing was saved" in answer.text and "Traceback" not in answer.text
    with agency.store.owner() as conn:
        found = conn.execute(select(t.users.c.id).where(t.users.c.name == "Eve Error")).first()
    assert found is None


def test_an_address_already_in_use_is_refused(agency: Agency, other_agency: Agency) -> None:
    boss, elsewhere = agency.user(role="admin"), other_agency.user(role="consultant")
    client, _ = browser(agency.store)
    with client:
        sign_in(client, boss)
        answer = invite_form(
            client, name="Copy Cat", email=elsewhere.email, role="candidate", timezone="UTC"
        )
    assert answer.status_code == 400
    assert f"There is already an account for {elsewhere.email}" in answer.text


def test_disabling_ends_the_accounts_sessions_and_enabling_lets_it_back(
    agency: Agency,
) -> None:
    boss, ana = agency.user(role="admin"), agency.user(name="Ana Lima")
    victim, _ = browser(agency.store)
    client, _ = browser(agency.store)
    with victim, client:
        sign_in(victim, ana)
        assert victim.get("/", follow_redirects=False).status_code == 200
        sign_in(client, boss)
        token = csrf_of(client.get(PAGE).text)
        off = client.post(f"{PAGE}/{ana.id}/disable", data={"csrf_token": token})
        assert off.status_code == 200 and "account is disabled and signed out" in off.text
        assert victim.get("/", follow_redirects=False).status_code == 303  # signed out
        with agency.store.agency(agency.id) as conn:
            left = conn.execute(select(t.sessions).where(t.sessions.c.user_id == ana.id)).all()
        assert left == []
        with pytest.raises(accounts.LoginRefused):
            accounts.login(agency.store, ana.email, PASSWORD, ip=IP, now=NOW)
        on = client.post(f"{PAGE}/{ana.id}/enable", data={"csrf_token": token})
        assert on.status_code == 200 and "enabled again" in on.text
        self_off = client.post(f"{PAGE}/{boss.id}/disable", data={"csrf_token": token})
        assert "cannot disable your own account" in self_off.text
        assert client.get(PAGE).status_code == 200  # still signed in
    sign_in(victim, ana)
    log = actions(agency.store, agency.id)
    assert ("user.disable", boss.id, ana.email) in log
    assert ("user.enable", boss.id, ana.email) in log


def test_the_administrator_resets_two_step_sign_in_from_the_page(agency: Agency) -> None:
    import pyotp

    boss, ana = agency.user(role="admin"), agency.user(role="consultant", name="Ana Lima")
    secret = totp.new_secret()
    totp.enable(agency.store, ana, secret, pyotp.TOTP(secret).at(NOW), NOW)
    client, _ = browser(agency.store)
    with client:
        sign_in(client, boss)
        page = client.get(PAGE)
        assert f"{PAGE}/{ana.id}/reset-totp" in page.text
        done = client.post(f"{PAGE}/{ana.id}/reset-totp", data={"csrf_token": csrf_of(page.text)})
        assert done.status_code == 200 and "Two-step sign-in is off for Ana Lima" in done.text
    assert not totp.is_enabled(agency.store, ana)
    assert ("totp.reset", boss.id, ana.email) in actions(agency.store, agency.id)


def test_actions_need_the_csrf_token(agency: Agency) -> None:
    boss, ana = agency.user(role="admin"), agency.user(role="consultant")
    client, _ = browser(agency.store)
    with client:
        sign_in(client, boss)
        assert client.post(f"{PAGE}/{ana.id}/disable").status_code == 403
        assert client.post(PAGE, data={"name": "N", "email": "n@example.com"}).status_code == 403
    token, _ = accounts.login(agency.store, ana.email, PASSWORD, ip=IP, now=NOW)
    assert accounts.resolve(agency.store, token, NOW) == ana
