"""Mail per account on the agency server, through the job queue, on real PostgreSQL
and real SMTP servers (aiosmtpd): the candidate's own settings and password (typed
on the web page, kept encrypted), jobs for several candidates, workers in separate
processes at once, and nothing sent for a disabled account."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from afterview.playbook.facts import Route
from afterview.server import queue, server_key
from afterview.server import tables as t
from afterview.server.accounts import User
from afterview.server.mail_secrets import AccountPasswords
from afterview.server.server_key import ServerKey
from afterview.server.store import ServerStore
from afterview.server.web import ServerMode
from afterview.services import outbox, profile, records
from afterview.services.mail_settings import Server
from afterview.web.app import create_app
from afterview.writing.slots import SLOT
from cli.conftest import child_environment, console_script
from integrations.helpers import TZ, at
from integrations.smtp_server import MailServer, Running, serving

from .conftest import NOW, PASSWORD, Agency, csrf_of

pytestmark = [
    pytest.mark.postgres,
    # logins in plain text to a server on 127.0.0.1 keep the tests fast; TLS is tested elsewhere
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS"),
]
SENT_AT = at(10, 17)  # the worker's "now": after every message below is due


@dataclass
class AccountMail(MailServer):
    """An SMTP server that accepts one account's login only, and says when DATA
    commands arrive (so two senders are known to overlap, without sleeping)."""

    login: str = ""
    secret: str = ""
    arrivals: int = 0  # DATA commands begun, held or not
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        given = (data.login.decode(), data.password.decode())
        ok = isinstance(data, LoginPassword) and given == (self.login, self.secret)
        return AuthResult(success=ok, handled=False)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.arrived:
            self.arrivals += 1
            self.arrived.notify_all()
        return await super().handle_DATA(server, session, envelope)


@dataclass
class Candidate:
    user: User
    email: str
    smtp_password: str
    drafts: list[int]


def seed(store: ServerStore, user: User, email: str, interviewers: int) -> list[int]:
    """An interview with `interviewers` people, a thank-you drafted to each (P5)."""
    from afterview.services import debriefs, drafts

    app = store.candidate_app(user.id, TZ)
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(2, 9)
    )
    people = tuple(
        records.NewInterviewer(f"Interviewer {i}", f"person{i}@northwind.example")
        for i in range(interviewers)
    )
    interview = records.add_interview(
        app, opp, start=at(10, 14), end=at(10, 15), tz=TZ, now=at(2, 9), interviewers=people
    )
    nuggets = [f"the Lisbon office's plan number {i + 1}" for i in range(interviewers)]
    debriefs.record_debrief(app, interview, {"nuggets": nuggets}, now=at(10, 15, 30))
    profile.set_profile(
        app, now=at(10, 15, 30), name=user.name, email=email, language="en-GB",
        skills="Python", experience="six years building data platforms",
    )  # fmt: skip
    made = []
    for view in drafts.draft_thank_you(app, interview, now=at(10, 16)):
        body = SLOT.sub("I enjoyed hearing how the Lisbon office will start.", view.body)
        drafts.edit_draft(app, view.id, now=at(10, 16, 5), body=body)  # the slot written
        made.append(view.id)
    return made


def queue_all(store: ServerStore, user: User, draft_ids: list[int]) -> None:
    app = store.candidate_app(user.id, TZ)
    for draft in draft_ids:
        outbox.queue(app, draft, now=at(10, 16, 10), at=at(10, 16, 30))


def configure(client: TestClient, running: Running, login: str, secret: str) -> str:
    """Through the candidate's Mail & calendar page, as they would; returns the page."""
    page = client.get("/settings/mail")
    assert page.status_code == 200
    saved = client.post(
        "/settings/mail",
        data={
            "csrf_token": csrf_of(page.text),
            "smtp_host": "127.0.0.1",
            "smtp_port": str(running.port),
            "smtp_security": "none",
            "smtp_user": login,
            "smtp_password": secret,
        },
    )
    assert saved.status_code == 200, saved.text
    assert "SMTP password kept encrypted on the server" in saved.text
    return saved.text


def sign_in(client: TestClient, user: User) -> None:
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


@pytest.fixture
def key() -> ServerKey:
    return ServerKey(os.urandom(32), "the test")


@contextmanager
def web(store: ServerStore, key: ServerKey | None) -> Iterator[TestClient]:
    mode = ServerMode(store, hosts=["testserver"], secure_cookies=False, clock=NOW, key=key)
    try:
        with TestClient(create_app(None, server=mode), base_url="https://testserver") as c:
            yield c
    finally:
        mode.jobs.close()


@contextmanager
def candidates(
    store: ServerStore, agency: Agency, key: ServerKey, count: int, interviewers: int = 1
) -> Iterator[tuple[list[Candidate], list[Running]]]:
    """`count` candidates, each with an SMTP server of their own that takes only
    their login, configured through the web page, their thank-yous queued."""
    with ExitStack() as stack:
        made, servers = [], []
        for n in range(count):
            user = agency.user(name=f"Candidate {n}", tz=TZ)
            login = f"cand{n}@mail.example"
            secret = f"their own secret number {n} {os.urandom(4).hex()}"
            running = stack.enter_context(
                serving(AccountMail(login=login, secret=secret), auth=True)
            )
            email = f"cand{n}-{user.id}@example.org"
            drafts = seed(store, user, email, interviewers)
            with web(store, key) as client:
                sign_in(client, user)
                configure(client, running, login, secret)
            queue_all(store, user, drafts)
            made.append(Candidate(user, email, secret, drafts))
            servers.append(running)
        yield made, servers


def states(store: ServerStore, user: User) -> list[tuple[str, int]]:
    app = store.candidate_app(user.id, TZ)
    return [(e.state, e.attempts) for e in outbox.list_entries(app, now=SENT_AT)]


def test_jobs_for_two_candidates_send_through_each_ones_server_as_each_one(
    server_store: ServerStore, agency: Agency, key: ServerKey
) -> None:
    with candidates(server_store, agency, key, 2) as (people, servers):
        jobs = queue.JobQueue(server_store)
        try:
            assert jobs.send_outbox(people[0].user.id)
            assert not jobs.send_outbox(people[0].user.id)  # one waits already: not twice
            assert jobs.send_outbox(people[1].user.id)
        finally:
            jobs.close()
        queue.run_worker(server_store, key, until_idle=True, clock=lambda: SENT_AT)
        for person, running in zip(people, servers, strict=True):
            (got,) = running.handler.received
            assert got.mail_from == person.email
            assert got.rcpt_tos == ("person0@northwind.example",)
            assert got.message["From"].addresses[0].addr_spec == person.email
            assert states(server_store, person.user) == [("sent", 1)]
        with server_store.owner() as conn:
            schema = server_store.naming.queue_schema
            left = conn.execute(text(f'SELECT count(*) FROM "{schema}".procrastinate_jobs'))
        assert left.scalar() == 0  # done jobs are not kept


def test_a_password_is_never_in_any_table_in_clear_nor_shown_again(
    server_store: ServerStore, agency: Agency, key: ServerKey
) -> None:
    with candidates(server_store, agency, key, 1) as (people, _servers):
        person = people[0]
        with web(server_store, key) as client:
            sign_in(client, person.user)
            page = client.get("/settings/mail").text
        assert person.smtp_password not in page
        assert "Now: kept, encrypted, on the server." in page
        needles = [person.smtp_password, person.smtp_password.encode().hex()]
        n = server_store.naming
        with server_store.owner() as conn:
            tables = conn.execute(
                text(
                    "SELECT table_schema, table_name FROM information_schema.tables "
                    "WHERE table_schema IN (:a, :b, :c) AND table_type = 'BASE TABLE'"
                ),
                {
                    "a": n.server_schema,
                    "b": n.queue_schema,
                    "c": n.candidate_schema(person.user.id),
                },
            ).all()
            assert len(tables) > 20
            for schema, table in tables:
                query = f'SELECT t::text FROM "{schema}"."{table}" t'
                rows = conn.exec_driver_sql(query).scalars()
                for row in rows:
                    assert not any(needle in row for needle in needles), (schema, table)
            stored = conn.execute(
                select(t.mail_passwords.c.entry, t.mail_passwords.c.key_id).where(
                    t.mail_passwords.c.user_id == person.user.id
                )
            ).one()
        assert stored.entry == "smtp:cand0@mail.example@127.0.0.1"
        assert stored.key_id == key.key_id
        # only this server's key opens it, and only for the server it was typed for
        mine = AccountPasswords(server_store, key, person.user.id, agency.id)
        server = Server("127.0.0.1", 25, "none", "cand0@mail.example")
        assert mine.password("smtp", server) == person.smtp_password
        elsewhere = Server("evil.example", 25, "none", "cand0@mail.example")
        assert mine.password("smtp", elsewhere) is None
        stranger = ServerKey(os.urandom(32), "another key")
        other = AccountPasswords(server_store, stranger, person.user.id, agency.id)
        with pytest.raises(server_key.WrongKey):
            other.password("smtp", server)


def _worker(store: ServerStore, home: Path, key_file: Path) -> subprocess.Popen[str]:
    env = child_environment(home, str(store.engine.url.render_as_string(hide_password=False)))
    return subprocess.Popen(
        [
            console_script(), "server", "worker", "--until-idle",
            "--prefix", store.naming.prefix, "--key-file", str(key_file),
            "--at", SENT_AT.isoformat(),
        ],
        env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_two_worker_processes_at_once_send_every_message_once(
    server_store: ServerStore, agency: Agency, tmp_path: Path
) -> None:
    key_file = tmp_path / "server.key"
    key, made = server_key.ensure(key_file)
    assert made == key_file and key_file.stat().st_mode & 0o077 == 0
    with candidates(server_store, agency, key, 3, interviewers=3) as (people, servers):
        jobs = queue.JobQueue(server_store)
        try:  # a job for each, and a second one each that no queueing lock stops
            for person in people:
                assert jobs.send_outbox(person.user.id)
                assert jobs._defer(queue.SEND_TASK, None, person.user.id)
        finally:
            jobs.close()
        workers = [_worker(server_store, tmp_path, key_file) for _ in range(2)]
        for process in workers:
            _out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        for person, running in zip(people, servers, strict=True):
            ids = sorted(r.message["Message-ID"] for r in running.handler.received)
            assert len(ids) == 3 and len(set(ids)) == 3
            assert {r.mail_from for r in running.handler.received} == {person.email}
            assert states(server_store, person.user) == [("sent", 1)] * 3


def test_the_outbox_claim_holds_across_processes_without_the_queue(
    server_store: ServerStore, agency: Agency, key: ServerKey, tmp_path: Path
) -> None:
    """Two processes run one candidate's outbox at the same moment (no lock between
    them): each message leaves once, whichever process claimed it."""
    key_file = tmp_path / "server.key"
    key_file.write_text(server_key.encode(key.secret))
    with candidates(server_store, agency, key, 1, interviewers=2) as (people, servers):
        person, handler = people[0], servers[0].handler
        assert isinstance(handler, AccountMail)
        handler.hold = threading.Event()
        code = (
            "import sys; from datetime import datetime\n"
            "from afterview.server import mail_jobs, server_key\n"
            "from afterview.server.naming import Naming\n"
            "from afterview.server.store import ServerStore\n"
            "store = ServerStore.open(sys.argv[1], Naming(sys.argv[2]))\n"
            "report = mail_jobs.send_due(store, server_key.load(sys.argv[3]), int(sys.argv[4]),"
            " now=datetime.fromisoformat(sys.argv[5]))\n"
            "print(sorted(line.outbox_id for line in report.lines if line.result == 'sent'))\n"
        )
        url = server_store.engine.url.render_as_string(hide_password=False)
        args = [url, server_store.naming.prefix, str(key_file), str(person.user.id)]

        def start() -> subprocess.Popen[str]:
            return subprocess.Popen(
                [sys.executable, "-c", code, *args, SENT_AT.isoformat()],
                text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env=child_environment(tmp_path, None),
            )  # fmt: skip

        first = start()
        with handler.arrived:
            assert handler.arrived.wait_for(lambda: handler.arrivals >= 1, timeout=60)
        second = start()  # the first holds message 1 in DATA: the second takes message 2
        with handler.arrived:
            assert handler.arrived.wait_for(lambda: handler.arrivals >= 2, timeout=60)
        handler.hold.set()
        sent = []
        for process in (first, second):
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
            sent.append(out.strip())
        assert len(handler.received) == 2
        assert len({r.message["Message-ID"] for r in handler.received}) == 2
        assert sorted(sent) == ["[1]", "[2]"]  # one each: neither sent the other's
        assert states(server_store, person.user) == [("sent", 1), ("sent", 1)]


def test_a_job_for_a_disabled_account_does_nothing(
    server_store: ServerStore, agency: Agency, key: ServerKey
) -> None:
    with candidates(server_store, agency, key, 1) as (people, servers):
        person = people[0]
        with server_store.owner() as conn:
            conn.execute(
                t.users.update().where(t.users.c.id == person.user.id).values(disabled_at=NOW)
            )
        jobs = queue.JobQueue(server_store)
        try:
            assert jobs.send_outbox(person.user.id)
        finally:
            jobs.close()
        from afterview.server import mail_jobs

        assert person.user.id not in mail_jobs.candidates_with_due_mail(server_store, now=SENT_AT)
        queue.run_worker(server_store, key, until_idle=True, clock=lambda: SENT_AT)
        assert servers[0].handler.received == []
        assert states(server_store, person.user) == [("queued", 0)]


def test_the_sweep_finds_due_candidates_and_queues_one_job_each(
    server_store: ServerStore, agency: Agency, key: ServerKey
) -> None:
    from afterview.server import mail_jobs

    with candidates(server_store, agency, key, 2) as (people, servers):
        ids = [p.user.id for p in people]
        due = mail_jobs.candidates_with_due_mail(server_store, now=SENT_AT)
        assert set(ids) <= set(due)
        early = mail_jobs.candidates_with_due_mail(server_store, now=at(10, 16, 20))
        assert not set(ids) & set(early)  # queued for 16:30: not yet due at 16:20
        app = queue.worker_app(server_store, key, clock=lambda: SENT_AT)
        with app.open():
            sweep = app.tasks[queue.SWEEP_SEND_TASK]
            sweep.defer(timestamp=0)
        queue.run_worker(server_store, key, until_idle=True, clock=lambda: SENT_AT)
        for person, running in zip(people, servers, strict=True):
            assert [r.mail_from for r in running.handler.received] == [person.email]


def test_the_mail_buttons_queue_a_job(
    server_store: ServerStore, agency: Agency, key: ServerKey
) -> None:
    user = agency.user(tz=TZ)
    with web(server_store, key) as client:
        sign_in(client, user)
        token = csrf_of(client.get("/settings/mail").text)
        answer = client.post("/outbox/run", data={"csrf_token": token})
        assert answer.status_code == 200
        assert "Asked the server to send your due messages now" in answer.text
        answer = client.post("/sync/run", data={"csrf_token": token})
        assert "Asked the server to read your replies now" in answer.text
        assert client.get("/calendar/x.ics").status_code == 404  # feeds name their account
    with server_store.owner() as conn:
        rows = conn.execute(
            text(
                f'SELECT task_name, args, lock FROM "{server_store.naming.queue_schema}"'
                ".procrastinate_jobs WHERE args->>'user_id' = :id ORDER BY id"
            ),
            {"id": str(user.id)},
        ).all()
    assert [(r.task_name, r.lock) for r in rows] == [
        (queue.SEND_TASK, f"candidate:{user.id}"),
        (queue.SYNC_TASK, f"candidate:{user.id}"),
    ]
    # without a server key a password is refused with a clear error, the servers kept
    with web(server_store, None) as client:
        sign_in(client, user)
        page = client.get("/settings/mail")
        saved = client.post(
            "/settings/mail",
            data={
                "csrf_token": csrf_of(page.text),
                "smtp_host": "127.0.0.1",
                "smtp_user": "someone",
                "smtp_password": "a secret",
            },
        )
        assert saved.status_code == 400
        assert "The servers were saved, but not the password" in saved.text
        assert "no key to keep mail passwords" in saved.text
