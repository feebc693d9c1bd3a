"""Outbox throughput of the agency server's job queue, with 1, 2 and 4 worker processes.

    .venv/bin/python bench/server_queue.py                       # 8 candidates x 15, 3 runs
    .venv/bin/python bench/server_queue.py --candidates 16 --per 20 --processes 1,2,4,8

A deployment of its own (random prefix) on the PostgreSQL server of the tests
($AFTERVIEW_TEST_PG_URL, default postgresql+psycopg://postgres@127.0.0.1:5432/test):
N candidates, each with their own SMTP settings and an encrypted password (a login
the sink checks), pointing at one aiosmtpd sink in this process. For every run each
candidate gets a fresh interview with M interviewers and M thank-yous queued (not
timed), then P `afterview server worker --concurrency C` processes are started and
waited for until all have registered with the queue; the clock starts when one
"send the outbox of candidate N" job per candidate is deferred and stops when the
sink has accepted all N x M messages. Messages per second: the median of the runs,
and its ratio to the one-process median. The deployment is dropped at the end.

Every message must arrive exactly once (checked by Message-ID), or the run fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.parser import BytesParser
from importlib.metadata import version
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import text

from afterview.playbook.facts import Route
from afterview.server import accounts, queue, server_key
from afterview.server.accounts import User
from afterview.server.mail_secrets import AccountPasswords
from afterview.server.naming import Naming
from afterview.server.store import ServerStore
from afterview.services import debriefs, drafts, mail_settings, outbox, profile, records
from afterview.writing.slots import SLOT

PG_URL = os.environ.get(
    "AFTERVIEW_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TZ = "Europe/London"
AFTERVIEW = str(Path(sys.executable).with_name("afterview"))
SENT_AT = datetime(2026, 3, 10, 17, 0, tzinfo=ZoneInfo(TZ))


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, 10, hour, minute, tzinfo=ZoneInfo(TZ))


@dataclass
class Sink:
    """Accepts any login of `login-N@mail.example` with its password, counts DATA."""

    passwords: dict[str, str] = field(default_factory=dict)
    message_ids: list[str] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (
            self.passwords.get(data.login.decode()) == data.password.decode()
        )
        return AuthResult(success=ok, handled=False)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = BytesParser().parsebytes(envelope.original_content or envelope.content)
        with self.arrived:
            self.message_ids.append(str(parsed["Message-ID"]))
            self.arrived.notify_all()
        return "250 2.0.0 Ok: queued"


@contextmanager
def sink_running() -> Iterator[tuple[Sink, int]]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    sink = Sink()
    controller = Controller(
        sink,
        hostname="127.0.0.1",
        port=port,
        authenticator=sink.authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


def make_candidates(
    store: ServerStore, key: server_key.ServerKey, sink: Sink, port: int, count: int
) -> list[User]:
    agency = accounts.create_agency(store, "Benchmark Recruitment", at(9))
    made = []
    for n in range(count):
        user = accounts.add_user(
            store,
            agency_id=agency,
            email=f"candidate{n}-{uuid.uuid4().hex[:6]}@example.org",
            name=f"Candidate {n}",
            role="candidate",
            password="a long walk to the station",
            timezone=TZ,
            now=at(9),
        )
        app = store.candidate_app(user.id, TZ)
        login = f"login-{n}@mail.example"
        saved = mail_settings.save(
            app, now=at(9), smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
            smtp_user=login,
        )  # fmt: skip
        assert saved.smtp is not None
        secret = f"secret {n} {uuid.uuid4().hex}"
        AccountPasswords(store, key, user.id, agency).keep("smtp", saved.smtp, secret)
        sink.passwords[login] = secret
        profile.set_profile(
            app, now=at(9), name=user.name, email=user.email, language="en-GB",
            skills="Python", experience="six years building data platforms",
        )  # fmt: skip
        made.append(user)
    return made


def queue_messages(store: ServerStore, user: User, per: int, run: int) -> None:
    """A fresh opportunity with `per` interviewers, a finished thank-you queued to each."""
    app = store.candidate_app(user.id, TZ)
    opp = records.add_opportunity(
        app, company=f"Northwind {run}", role="Data Engineer", route=Route.DIRECT, now=at(9)
    )
    people = tuple(
        records.NewInterviewer(f"Person {i}", f"person{i}-{run}@northwind.example")
        for i in range(per)
    )
    interview = records.add_interview(
        app, opp, start=at(14), end=at(15), tz=TZ, now=at(9), interviewers=people
    )
    nuggets = [f"the Lisbon office's plan number {i + 1}" for i in range(per)]
    debriefs.record_debrief(app, interview, {"nuggets": nuggets}, now=at(15, 30))
    for view in drafts.draft_thank_you(app, interview, now=at(16)):
        body = SLOT.sub("I enjoyed hearing how the Lisbon office will start.", view.body)
        drafts.edit_draft(app, view.id, now=at(16, 5), body=body)
        outbox.queue(app, view.id, now=at(16, 10), at=at(16, 30))


def registered_workers(store: ServerStore) -> int:
    with store.owner() as conn:
        query = f'SELECT count(*) FROM "{store.naming.queue_schema}".procrastinate_workers'
        return int(conn.execute(text(query)).scalar_one())


def one_run(
    store: ServerStore,
    users: list[User],
    sink: Sink,
    key_file: Path,
    home: Path,
    processes: int,
    concurrency: int,
    expected: int,
) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AFTERVIEW_")}
    env |= {"AFTERVIEW_HOME": str(home), "AFTERVIEW_DB": PG_URL}
    command = [
        AFTERVIEW, "server", "worker", "--prefix", store.naming.prefix,
        "--key-file", str(key_file), "--concurrency", str(concurrency),
        "--at", SENT_AT.isoformat(),
    ]  # fmt: skip
    workers = [
        subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(processes)
    ]
    try:
        deadline = time.monotonic() + 60
        while registered_workers(store) < processes:  # started: imports done, pools open
            if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
                raise SystemExit("the workers did not start")
            time.sleep(0.05)
        before = len(sink.message_ids)
        jobs = queue.JobQueue(store)
        jobs._opened()  # the pool is opened before the clock starts
        start = time.perf_counter()
        for user in users:
            jobs.send_outbox(user.id)
        with sink.arrived:
            if not sink.arrived.wait_for(
                lambda: len(sink.message_ids) - before >= expected, timeout=600
            ):
                raise SystemExit("not every message arrived")
        elapsed = time.perf_counter() - start
        jobs.close()
    finally:
        for w in workers:
            w.send_signal(signal.SIGTERM)
        for w in workers:
            w.wait(timeout=60)
    return expected / elapsed


def main() -> None:
    import logging
    import warnings

    # the sink takes logins without TLS on 127.0.0.1, and says so on every connection
    warnings.filterwarnings("ignore", module="aiosmtpd")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=8)
    parser.add_argument("--per", type=int, default=15, help="due messages per candidate")
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--concurrency", type=int, default=1, help="jobs at once per process")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    counts = [int(p) for p in args.processes.split(",")]
    store = ServerStore.open(PG_URL, Naming(f"b{uuid.uuid4().hex[:10]}"))
    results: dict[int, list[float]] = {p: [] for p in counts}
    try:
        store.initialise()
        with tempfile.TemporaryDirectory() as folder, sink_running() as (sink, port):
            home = Path(folder)
            key, _ = server_key.ensure(home / "server.key")
            users = make_candidates(store, key, sink, port, args.candidates)
            expected = args.candidates * args.per
            serial = 0
            for run in range(args.runs):
                for processes in counts:  # interleaved, so drift hits every count alike
                    serial += 1
                    for user in users:
                        queue_messages(store, user, args.per, serial)
                    rate = one_run(
                        store, users, sink, home / "server.key", home, processes,
                        args.concurrency, expected,
                    )  # fmt: skip
                    results[processes].append(rate)
                    print(f"run {run + 1}, {processes} process(es): {rate:.1f} messages/s")
            ids = sink.message_ids
            assert len(ids) == len(set(ids)) == expected * serial, "a message twice or missing"
    finally:
        store.drop_everything()
        store.dispose()
    base = statistics.median(results[counts[0]])
    print()
    print(
        f"{args.candidates} candidates x {args.per} due messages, concurrency "
        f"{args.concurrency} per process, {args.runs} runs; {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, procrastinate {version('procrastinate')}, "
        f"PostgreSQL via {PG_URL.split('@')[-1]}"
    )
    print(f"{'processes':>9}  {'messages/s (median)':>20}  {'min':>7}  {'max':>7}  {'vs 1':>5}")
    for processes in counts:
        rates = results[processes]
        median = statistics.median(rates)
        print(
            f"{processes:>9}  {median:>20.1f}  {min(rates):>7.1f}  {max(rates):>7.1f}  "
            f"{median / base:>5.2f}"
        )


if __name__ == "__main__":
    main()
