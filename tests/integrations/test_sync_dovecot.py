"""`sync` against a real IMAP server (a private Dovecot), on SQLite and PostgreSQL.

Every test has its own IMAP user, so the module's one server is shared but no
mailbox is. Clocks are passed (`now`), never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from afterview.errors import AfterviewError, BadInput
from afterview.integrations.imap_fetch import MailFetchError
from afterview.integrations.reply_match import Reason
from afterview.services.app import App
from afterview.services.sync import sync
from afterview.store import schema as t

from .dovecot import Dovecot, running_dovecot
from .helpers import at, content
from .sync_scene import Scene, configure, mail, p8_ahead, p8_due, seed, the_day_mails

SQLITE_ONLY = pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)


@pytest.fixture(scope="module")
def dovecot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dovecot]:
    with running_dovecot(tmp_path_factory.mktemp("dovecot")) as server:
        yield server


@pytest.fixture
def user(dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh IMAP account; its password and the test CA reach sync through the env."""
    name = dovecot.add_user()
    monkeypatch.setenv("AFTERVIEW_IMAP_PASSWORD", dovecot.users[name])
    monkeypatch.setenv("AFTERVIEW_IMAP_CAFILE", dovecot.cafile)
    return name


@pytest.fixture
def scene(app: App, dovecot: Dovecot, user: str) -> Scene:
    scene = seed(app)
    configure(app, dovecot, user)
    return scene


def replies(app: App) -> list[dict[str, object]]:
    with app.engine.connect() as conn:
        rows = conn.execute(select(t.replies).order_by(t.replies.c.id)).mappings()
        return [dict(r) for r in rows]


def seen(app: App) -> list[tuple[str, int, int]]:
    with app.engine.connect() as conn:
        rows = conn.execute(select(t.mail_seen.c.mailbox, t.mail_seen.c.uidvalidity,
                                   t.mail_seen.c.last_uid))  # fmt: skip
        return [tuple(r) for r in rows]


def test_replies_are_recorded_and_pause_the_follow_ups(
    app: App, dovecot: Dovecot, user: str, scene: Scene
) -> None:
    for message in the_day_mails(scene):
        dovecot.append(user, message)
    flags_before = dovecot.flags(user)
    assert p8_due(app, scene.northwind, at(18, 9)) != []  # a week after the thank-you (P8)

    report = sync(app, now=at(12, 12))

    assert report.read == 6
    assert report.restarted  # the first sync of this mailbox
    assert report.per_opportunity() == {scene.northwind: 1, scene.contoso: 1}
    assert report.ignored_by_reason() == {
        Reason.AUTO_REPLY: 1, Reason.MAILING_LIST: 1, Reason.UNRELATED: 1, Reason.OWN: 1,
    }  # fmt: skip
    dana, sam = replies(app)
    assert dana["opportunity_id"] == scene.northwind
    assert dana["answers_message_id"] == scene.thanks_id  # matched by its thread
    assert dana["mail_message_id"] == "<reply-1@northwind.example>"
    assert dana["from_email"] == "dana@northwind.example"
    assert dana["at"] == at(12, 9, 30)
    assert dana["note"] == "Re: Thank you — Hi Alex, Thank you. We expect to decide by the 20th."
    assert (sam["opportunity_id"], sam["answers_message_id"]) == (scene.contoso, None)
    assert sam["subject"] == "Next steps"

    # P8: the reply pauses the chase; it resumes 14 days later (setting) unless a timeline comes
    assert p8_due(app, scene.northwind, at(18, 9)) == []
    (paused,) = p8_ahead(app, scene.northwind, at(18, 9))
    assert "paused follow-ups" in paused["why"]
    assert paused["due"].startswith("2026-03-26")
    assert dovecot.flags(user) == flags_before  # nothing marked read: the client owns flags
    assert seen(app) == [("INBOX", dovecot.uidvalidity(user), 6)]


@SQLITE_ONLY
def test_an_out_of_office_does_not_pause_the_follow_ups(
    app: App, dovecot: Dovecot, user: str, scene: Scene
) -> None:
    """It answers the thank-you's thread, but a robot is not the employer (P8)."""
    dovecot.append(user, the_day_mails(scene)[0])
    report = sync(app, now=at(12, 12))
    assert [(i.reason, i.detail) for i in report.ignored] == [
        (Reason.AUTO_REPLY, "Auto-Submitted: auto-replied")
    ]
    assert replies(app) == []
    assert p8_due(app, scene.northwind, at(18, 9)) != []


def test_a_second_sync_records_nothing_and_new_mail_is_picked_up(
    app: App, dovecot: Dovecot, user: str, scene: Scene
) -> None:
    for message in the_day_mails(scene):
        dovecot.append(user, message)
    sync(app, now=at(12, 12))
    before = content(app)

    again = sync(app, now=at(12, 12, 5))
    assert (again.read, again.recorded, again.restarted) == (0, (), False)
    assert content(app)["replies"] == before["replies"]

    dovecot.append(
        user,
        mail("Sam Hill <sam@contoso.example>", "Re: References", at(13, 10), "Got them, thanks.",
             message_id="<next-2@contoso.example>"),
    )  # fmt: skip
    later = sync(app, now=at(13, 12))
    assert later.read == 1
    assert [(r.company, r.from_email, r.how) for r in later.recorded] == [
        ("Contoso", "sam@contoso.example", "sender")
    ]
    assert len(replies(app)) == 3
    assert seen(app)[0][2] == 7


def test_a_new_uidvalidity_rereads_without_recording_twice(
    app: App, dovecot: Dovecot, user: str, scene: Scene
) -> None:
    """The server renumbered the mailbox (here: deleted and created again)."""
    configure(app, dovecot, user, imap_mailbox="Job replies")
    dovecot.create_mailbox(user, "Job replies")
    dana = the_day_mails(scene)[4]
    dovecot.append(user, dana, "Job replies")
    first = sync(app, now=at(12, 12))
    assert len(first.recorded) == 1
    old_validity = seen(app)[0][1]

    dovecot.delete_mailbox(user, "Job replies")
    dovecot.create_mailbox(user, "Job replies")
    dovecot.append(user, dana, "Job replies")
    dovecot.append(user, the_day_mails(scene)[5], "Job replies")
    report = sync(app, now=at(12, 13))

    assert report.restarted
    assert report.read == 2
    assert [r.from_email for r in report.recorded] == ["sam@contoso.example"]
    assert report.ignored_by_reason() == {Reason.ALREADY: 1}
    assert len(replies(app)) == 2
    ((mailbox, validity, last_uid),) = seen(app)
    assert (mailbox, last_uid) == ("Job replies", 2)
    assert validity != old_validity
    assert validity == dovecot.uidvalidity(user, "Job replies")


def test_a_dry_run_writes_nothing(app: App, dovecot: Dovecot, user: str, scene: Scene) -> None:
    for message in the_day_mails(scene):
        dovecot.append(user, message)
    before = content(app)
    report = sync(app, now=at(12, 12), dry_run=True)
    assert report.dry_run
    assert [(r.company, r.reply_id) for r in report.recorded] == [
        ("Northwind Health", None),
        ("Contoso", None),
    ]
    assert content(app) == before
    assert p8_due(app, scene.northwind, at(18, 9)) != []


@pytest.fixture
def own_dovecot(tmp_path: Path) -> Iterator[Dovecot]:
    """A server of its own for a failed login: Dovecot slows every next login from the
    same address for a while (its auth penalty), which would slow the other tests."""
    with running_dovecot(tmp_path / "dovecot") as server:
        yield server


def test_a_wrong_password_is_one_clear_error_and_writes_nothing(
    app: App, own_dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dovecot = own_dovecot
    user = dovecot.add_user()
    scene = seed(app)
    configure(app, dovecot, user)
    monkeypatch.setenv("AFTERVIEW_IMAP_CAFILE", dovecot.cafile)
    dovecot.append(user, the_day_mails(scene)[4])
    monkeypatch.setenv("AFTERVIEW_IMAP_PASSWORD", "not the password")
    before = content(app)
    with pytest.raises(MailFetchError, match=f"refused the login of {user}") as caught:
        sync(app, now=at(12, 12))
    assert "afterview mail password imap" in caught.value.message
    assert "not the password" not in caught.value.message
    assert content(app) == before


@SQLITE_ONLY
@pytest.mark.parametrize("security", ["tls", "starttls", "none"])
def test_every_security_reads_the_mailbox(
    app: App, dovecot: Dovecot, user: str, scene: Scene, security: str
) -> None:
    configure(app, dovecot, user, security=security)
    dovecot.append(user, the_day_mails(scene)[4])
    assert len(sync(app, now=at(12, 12)).recorded) == 1


@SQLITE_ONLY
@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_an_unknown_certificate_is_refused(
    app: App,
    dovecot: Dovecot,
    user: str,
    scene: Scene,
    security: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configure(app, dovecot, user, security=security)
    monkeypatch.delenv("AFTERVIEW_IMAP_CAFILE")
    monkeypatch.setenv("SSL_CERT_FILE", str(Path(dovecot.cafile).with_name("nowhere.pem")))
    monkeypatch.setenv("SSL_CERT_DIR", str(Path(dovecot.cafile).parent / "no-certs"))
    with pytest.raises(MailFetchError, match=r"could not be verified.*AFTERVIEW_IMAP_CAFILE"):
        sync(app, now=at(12, 12))
    assert seen(app) == []


@SQLITE_ONLY
def test_connection_and_mailbox_errors_are_clear(
    app: App, dovecot: Dovecot, user: str, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(app, dovecot, user, imap_mailbox="Nope")
    with pytest.raises(MailFetchError, match="mailbox 'Nope' does not exist"):
        sync(app, now=at(12, 12))

    configure(app, dovecot, user, security="none", imap_port=_closed_port())
    with pytest.raises(MailFetchError, match="refused the connection"):
        sync(app, now=at(12, 12))

    monkeypatch.setenv("AFTERVIEW_IMAP_CAFILE", "/nonexistent/ca.pem")
    configure(app, dovecot, user)
    with pytest.raises(MailFetchError, match=r"CA file /nonexistent/ca\.pem does not exist"):
        sync(app, now=at(12, 12))

    monkeypatch.delenv("AFTERVIEW_IMAP_PASSWORD")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(BadInput, match="No IMAP password"):
        sync(app, now=at(12, 12))
    assert seen(app) == [] and replies(app) == []


@SQLITE_ONLY
def test_without_imap_settings_sync_says_how(app: App) -> None:
    with pytest.raises(AfterviewError, match="afterview mail set --imap-host"):
        sync(app, now=at(12, 12))


def _closed_port() -> int:
    from .dovecot import _free_port

    return _free_port()  # bound and released: nothing listens there


def test_the_serve_worker_syncs_every_15_minutes(
    app: App, dovecot: Dovecot, user: str, scene: Scene
) -> None:
    """`afterview serve` reads replies itself (web/outbox_worker.py), at most every 15 min."""
    from afterview.web.outbox_worker import OutboxWorker

    moments = [at(12, 12)]
    said: list[str] = []
    worker = OutboxWorker(app, clock=lambda: moments[0], say=said.append)
    dovecot.append(user, the_day_mails(scene)[4])  # Dana's reply
    worker.tick()
    assert [r["from_email"] for r in replies(app)] == ["dana@northwind.example"]
    assert said == [
        "afterview: reply recorded for Northwind Health from Dana Kim: Re: Thank you "
        "(follow-ups pause, P8)"
    ]
    dovecot.append(user, the_day_mails(scene)[5])  # Sam's, a minute later
    moments[0] = at(12, 12, 14)
    worker.tick()
    assert len(replies(app)) == 1  # not read again within 15 minutes
    moments[0] = at(12, 12, 15)
    worker.tick()
    assert [r["from_email"] for r in replies(app)][-1] == "sam@contoso.example"
