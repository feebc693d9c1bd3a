"""Two-step sign-in (RFC 6238) on the real PostgreSQL: turning it on with a code,
signing in in two steps with no session after the first, no code accepted twice,
wrong codes throttled with wrong passwords, turning it off with the password, and
the recovery by an administrator or from the command line."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from afterview.errors import BadInput, NotFound
from afterview.server import accounts, admin, totp
from afterview.server import tables as t
from afterview.server.accounts import User
from afterview.server.store import ServerStore
from afterview.server.web import ServerMode
from afterview.web.app import create_app
from cli.conftest import Runner, child_environment, console_script

from .conftest import NOW, PASSWORD, Agency, csrf_of

pytestmark = pytest.mark.postgres
IP = "192.0.2.40"


def code(secret: str, at: datetime) -> str:
    return str(pyotp.TOTP(secret).at(at))


def browser(store: ServerStore) -> tuple[TestClient, ServerMode]:
    """A client and its server's clock (`mode.clock`), moved by the test, never slept."""
    mode = ServerMode(store, hosts=["testserver"], secure_cookies=False, clock=NOW)
    return TestClient(create_app(None, server=mode), base_url="https://testserver"), mode


def post_password(client: TestClient, user: User, next: str = "/") -> httpx.Response:
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token, "next": next},
        follow_redirects=False,
    )


def with_totp(store: ServerStore, user: User, at: datetime = NOW) -> str:
    secret = totp.new_secret()
    totp.enable(store, user, secret, code(secret, at), at)
    return secret


def pending_of(store: ServerStore, user: User, at: datetime, ip: str = IP) -> str:
    with pytest.raises(accounts.CodeNeeded) as needed:
        accounts.login(store, user.email, PASSWORD, ip=ip, now=at)
    return needed.value.pending


def audit_actions(store: ServerStore, agency_id: int) -> list[tuple[str, int | None]]:
    with store.agency(agency_id) as conn:
        rows = conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.actor_id).order_by(t.audit_log.c.id)
        ).all()
    return [(r.action, r.actor_id) for r in rows]


def test_turning_it_on_then_signing_in_in_two_steps(agency: Agency) -> None:
    ana = agency.user(name="Ana Lima")
    client, mode = browser(agency.store)
    with client:
        assert post_password(client, ana).status_code == 303
        page = client.get("/account/security")
        assert page.status_code == 200 and "Off." in page.text
        secret = re.search(r'id="totp-secret">([A-Z2-7]{32})<', page.text)
        assert secret is not None
        secret_text = secret.group(1)
        uri = f"otpauth://totp/Afterview:{ana.email.replace('@', '%40')}?secret={secret_text}"
        assert uri in page.text
        assert "<svg" in page.text and "<path" in page.text  # the QR code, inline
        form = {"csrf_token": csrf_of(page.text), "secret": secret_text}

        wrong = client.post("/account/security/enable", data={**form, "code": "000000"})
        assert wrong.status_code == 400
        assert "The code is wrong" in wrong.text and "Nothing was saved" in wrong.text
        assert secret_text in wrong.text  # the same secret: the app already holds it
        assert not totp.is_enabled(agency.store, ana)

        right = client.post(
            "/account/security/enable",
            data={**form, "code": code(secret_text, NOW)},
            follow_redirects=False,
        )
        assert right.status_code == 303
        assert "Two-step sign-in is on" in client.get("/account/security").text

    later = NOW + timedelta(minutes=2)
    client, mode = browser(agency.store)
    mode.clock = later
    with client:
        first = post_password(client, ana, next="/opportunities")
        assert first.status_code == 200 and "Sign in: your code" in first.text
        assert not any("afterview_session=" in v for v in first.headers.get_list("set-cookie"))
        assert client.get("/", follow_redirects=False).status_code == 303  # not signed in
        pending = re.search(r'name="pending" value="([^"]+)"', first.text)
        assert pending is not None
        second = client.post(
            "/login/code",
            data={
                "csrf_token": csrf_of(first.text),
                "pending": pending.group(1),
                "code": code(secret_text, later),
                "next": "/opportunities",
            },
            follow_redirects=False,
        )
        assert second.status_code == 303
        assert second.headers["location"] == "/opportunities"
        assert client.get("/opportunities").status_code == 200
    assert [a for a, _ in audit_actions(agency.store, agency.id) if a.startswith("totp")] == [
        "totp.enable"
    ]


def test_the_password_step_opens_no_session_and_keeps_only_a_hash(agency: Agency) -> None:
    ana = agency.user(role="consultant")
    with_totp(agency.store, ana)
    pending = pending_of(agency.store, ana, NOW)
    with agency.store.agency(agency.id) as conn:
        sessions = conn.execute(
            select(func.count()).where(t.sessions.c.user_id == ana.id)
        ).scalar_one()
        stored = list(
            conn.execute(
                select(t.login_challenges.c.token_hash).where(
                    t.login_challenges.c.user_id == ana.id
                )
            ).scalars()
        )
    assert sessions == 0
    assert stored == [accounts.token_hash(pending)]
    assert accounts.resolve(agency.store, pending, NOW) is None  # not a session token


def test_no_code_is_accepted_twice(agency: Agency) -> None:
    store, ana = agency.store, agency.user(role="consultant")
    secret = with_totp(store, ana, NOW)
    with pytest.raises(accounts.LoginRefused, match="already been used"):
        totp.finish_login(store, pending_of(store, ana, NOW), code(secret, NOW), ip=IP, now=NOW)
    t1 = NOW + timedelta(minutes=1)
    token, user = totp.finish_login(
        store, pending_of(store, ana, t1), code(secret, t1), ip=IP, now=t1
    )
    assert accounts.resolve(store, token, t1) == user == ana
    replay = t1 + timedelta(seconds=10)  # the same code, still within its window
    with pytest.raises(accounts.LoginRefused, match="already been used"):
        totp.finish_login(
            store, pending_of(store, ana, replay), code(secret, t1), ip=IP, now=replay
        )
    earlier = code(secret, t1 - timedelta(seconds=30))  # within the drift, but older
    with pytest.raises(accounts.LoginRefused, match="already been used"):
        totp.finish_login(store, pending_of(store, ana, replay), earlier, ip=IP, now=replay)


def test_a_pending_sign_in_is_used_once_and_expires(agency: Agency) -> None:
    store, ana = agency.store, agency.user(role="consultant")
    secret = with_totp(store, ana, NOW)
    t1 = NOW + timedelta(minutes=1)
    pending = pending_of(store, ana, t1)
    totp.finish_login(store, pending, code(secret, t1), ip=IP, now=t1)
    t2 = t1 + timedelta(minutes=1)
    with pytest.raises(accounts.LoginRefused, match="expired"):
        totp.finish_login(store, pending, code(secret, t2), ip=IP, now=t2)
    stale = pending_of(store, ana, t2)
    t3 = t2 + accounts.CHALLENGE_LIFETIME
    with pytest.raises(accounts.LoginRefused, match="expired"):
        totp.finish_login(store, stale, code(secret, t3), ip=IP, now=t3)


def test_wrong_codes_count_toward_the_sign_in_throttle(agency: Agency) -> None:
    store, ana = agency.store, agency.user(role="consultant")
    secret = with_totp(store, ana, NOW)
    t1 = NOW + timedelta(minutes=1)
    with pytest.raises(accounts.LoginRefused):
        accounts.login(store, ana.email, "not the password", ip=IP, now=t1)
    pending = pending_of(store, ana, t1)
    for _ in range(accounts.MAX_FAILURES_PER_EMAIL - 1):
        with pytest.raises(accounts.LoginRefused, match="The code is wrong"):
            totp.finish_login(store, pending, "123 456", ip=IP, now=t1)
    with pytest.raises(accounts.Throttled):  # even the right code, now
        totp.finish_login(store, pending, code(secret, t1), ip=IP, now=t1)
    with pytest.raises(accounts.Throttled):  # and the password step too
        accounts.login(store, ana.email, PASSWORD, ip="198.51.100.1", now=t1)
    after = t1 + accounts.FAILURE_WINDOW + timedelta(minutes=1)
    token, _ = totp.finish_login(
        store, pending_of(store, ana, after), code(secret, after), ip=IP, now=after
    )
    assert accounts.resolve(store, token, after) == ana


def test_wrong_codes_on_the_page_say_so_and_keep_the_step(agency: Agency) -> None:
    ana = agency.user(role="consultant")
    with_totp(agency.store, ana)
    client, _ = browser(agency.store)
    with client:
        first = post_password(client, ana)
        pending = re.search(r'name="pending" value="([^"]+)"', first.text)
        assert pending is not None
        form = {"csrf_token": csrf_of(first.text), "pending": pending.group(1)}
        wrong = client.post("/login/code", data={**form, "code": "12"})
        assert wrong.status_code == 401
        assert "The code is wrong" in wrong.text and pending.group(1) in wrong.text
        for _ in range(accounts.MAX_FAILURES_PER_EMAIL - 1):
            client.post("/login/code", data={**form, "code": "000000"})
        throttled = client.post("/login/code", data={**form, "code": "000000"})
        assert throttled.status_code == 429 and "wait 15 minutes" in throttled.text
        gone = client.post("/login/code", data={**form, "pending": "made-up", "code": "1"})
        assert gone.status_code == 401 and "give your password again" in gone.text
        assert "Traceback" not in gone.text


def test_a_disabled_account_cannot_finish_signing_in(agency: Agency) -> None:
    store, ana = agency.store, agency.user(role="consultant")
    boss = agency.user(role="admin", name="Bea Admin")
    secret = with_totp(store, ana, NOW)
    t1 = NOW + timedelta(minutes=1)
    pending = pending_of(store, ana, t1)
    admin.set_disabled(store, boss, ana.id, True, t1)
    with pytest.raises(accounts.LoginRefused, match="expired"):
        totp.finish_login(store, pending, code(secret, t1), ip=IP, now=t1)


def test_turning_it_off_needs_the_password(agency: Agency) -> None:
    ana = agency.user(role="consultant", name="Ana Lima")
    secret = with_totp(agency.store, ana)
    t1 = NOW + timedelta(minutes=1)
    client, mode = browser(agency.store)
    mode.clock = t1
    with client:
        first = post_password(client, ana)
        pending = re.search(r'name="pending" value="([^"]+)"', first.text)
        assert pending is not None
        client.post(
            "/login/code",
            data={
                "csrf_token": csrf_of(first.text),
                "pending": pending.group(1),
                "code": code(secret, t1),
            },
        )
        page = client.get("/account/security")  # staff reach it too
        assert page.status_code == 200 and "On." in page.text
        form = {"csrf_token": csrf_of(page.text)}
        wrong = client.post("/account/security/disable", data={**form, "password": "guess"})
        assert wrong.status_code == 400 and "not your password" in wrong.text
        assert totp.is_enabled(agency.store, ana)
        off = client.post(
            "/account/security/disable",
            data={**form, "password": PASSWORD},
            follow_redirects=False,
        )
        assert off.status_code == 303
        assert not totp.is_enabled(agency.store, ana)
    actions = audit_actions(agency.store, agency.id)
    assert ("totp.disable", ana.id) in actions


def test_turning_it_on_without_a_session_or_the_csrf_token_is_refused(agency: Agency) -> None:
    ana = agency.user(role="consultant")
    client, _ = browser(agency.store)
    with client:
        anonymous = client.post("/account/security/enable", data={}, follow_redirects=False)
        assert anonymous.status_code == 401
        post_password(client, ana)
        forged = client.post(
            "/account/security/enable", data={"secret": "A" * 32, "code": "123456"}
        )
        assert forged.status_code == 403
        tampered = client.post(
            "/account/security/enable",
            data={
                "csrf_token": csrf_of(client.get("/account/security").text),
                "secret": "not base32!",
                "code": "123456",
            },
        )
        assert tampered.status_code == 400 and "start again" in tampered.text
    assert not totp.is_enabled(agency.store, ana)


def test_an_administrator_resets_it_within_their_agency_only(
    agency: Agency, other_agency: Agency
) -> None:
    store, ana = agency.store, agency.user(role="consultant")
    boss, colleague = agency.user(role="admin"), agency.user(role="consultant")
    stranger = other_agency.user(role="admin")
    with_totp(store, ana)
    with pytest.raises(NotFound):
        totp.reset(store, stranger, ana.id, NOW)
    with pytest.raises(NotFound):
        totp.reset(store, colleague, ana.id, NOW)
    assert totp.is_enabled(store, ana)
    totp.reset(store, boss, ana.id, NOW)
    assert not totp.is_enabled(store, ana)
    token, _ = accounts.login(store, ana.email, PASSWORD, ip=IP, now=NOW)  # password alone
    assert accounts.resolve(store, token, NOW) == ana
    assert ("totp.reset", boss.id) in audit_actions(store, agency.id)
    assert not [a for a in audit_actions(store, other_agency.id) if a[0] == "totp.reset"]


def test_enabling_twice_is_refused(agency: Agency) -> None:
    ana = agency.user(role="consultant")
    with_totp(agency.store, ana)
    secret = totp.new_secret()
    with pytest.raises(BadInput, match="already on"):
        totp.enable(agency.store, ana, secret, code(secret, NOW), NOW)


@pytest.mark.slow
def test_reset_totp_from_the_command_line(
    agency: Agency, _postgres_admin: str, tmp_path: Path
) -> None:
    store, ana = agency.store, agency.user(role="consultant")
    with_totp(store, ana)
    env = child_environment(tmp_path, _postgres_admin) | {
        "AFTERVIEW_SERVER_PREFIX": store.naming.prefix
    }
    run = Runner(console_script(), env, tmp_path)
    done = run.ok("server", "reset-totp", "--email", ana.email.upper())
    assert done.stdout == (
        f"Two-step sign-in is off for {ana.email}; they sign in with their password alone.\n"
    )
    assert not totp.is_enabled(store, ana)
    assert ("totp.reset", None) in audit_actions(store, agency.id)
    unknown = run("server", "reset-totp", "--email", "nobody@example.com")
    assert unknown.returncode == 2
    assert unknown.error_lines == ["afterview: No account for nobody@example.com."]
