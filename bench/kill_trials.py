"""kill -9 trials: every write is all or nothing, and no message ever leaves twice.

    .venv/bin/python bench/kill_trials.py                      # 200 writes + 200 sends
    .venv/bin/python bench/kill_trials.py --writes 100 --sends 100 --seed 7

Not a test (it takes minutes); the figures are in docs/benchmarks.md#durability.
Each trial starts the real `afterview` console script and kills it with SIGKILL
at a random moment, then checks the SQLite file (`PRAGMA integrity_check`) and
what the command did:

* **writes**: `afterview opp add` (an opportunity and its materialised plan) or
  `afterview interview add` (an interview, a new interviewer and the re-plan),
  alternately. Afterwards the write is either wholly absent or wholly there: the
  same rows, plan included, as the same command left undisturbed (calibrated first
  on a scratch file).
* **sends**: `afterview outbox run` with one due thank-you, against an SMTP server
  in this process (aiosmtpd on 127.0.0.1, answering the message after 0.2 s, as a
  distant server would). Afterwards two more runs (in-process,
  one a minute later, one an hour later, when a claim left `sending` is stale)
  settle the row; then the server must have received each message at most once,
  a `sent` row must have its `sent_at` and its contact (one transaction), and a
  message the server received must be `sent` or `uncertain`, never queued again.

The kill lands uniformly between 40% and 110% of the command's undisturbed run
time (the first 40% is the interpreter starting, which writes nothing). A file in
bench/out/ (a real disk), reused across trials: each one starts on whatever the
kills before it left. The outcome of each kill is counted (absent / complete;
not claimed / uncertain / sent) to show where the kills landed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from afterview.config import Config
from afterview.playbook.facts import Route
from afterview.playbook.settings import Settings
from afterview.services import drafts, mail_settings, outbox, profile, records
from afterview.services.app import App

AFTERVIEW = str(Path(sys.executable).with_name("afterview"))
OUT = Path(__file__).resolve().parent / "out"
TZ = "Europe/London"
DATA_LATENCY = 0.2  # seconds the server thinks before it answers the message


# --- the mail server -------------------------------------------------------------------


@dataclass
class Inbox:
    """aiosmtpd handler: the Message-ID of everything it accepted."""

    received: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(DATA_LATENCY)  # a real server takes its time: kills land here too
        content = envelope.original_content or envelope.content
        message_id = BytesParser().parsebytes(content, headersonly=True)["Message-ID"]
        with self.lock:
            self.received[str(message_id).strip()] += 1
        return "250 2.0.0 Ok: queued"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- running and killing the console script ----------------------------------------------


def environment(home: Path, db: Path) -> dict[str, str]:
    return {**os.environ, "AFTERVIEW_HOME": str(home), "AFTERVIEW_DB": str(db), "AFTERVIEW_TZ": TZ}


def run_to_end(env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([AFTERVIEW, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"afterview {' '.join(args)} failed: {done.stderr}")
    return time.perf_counter() - started


def run_and_kill(env: dict[str, str], delay: float, *args: str) -> bool:
    """Start the command, SIGKILL it after `delay` seconds; True if it was still running."""
    child = subprocess.Popen(
        [AFTERVIEW, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        child.wait(timeout=delay)
        return False  # finished before the kill
    except subprocess.TimeoutExpired:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        return True


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def query(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# --- writes --------------------------------------------------------------------------------


def opp_add(i: int) -> tuple[str, ...]:
    return ("opp", "add", "--company", f"Trial {i}", "--role", "Analyst", "--route", "direct")


def interview_add(opp: int, i: int) -> tuple[str, ...]:
    return (
        "interview", "add", str(opp), "--start", "2026-03-10T10:00", "--end", "2026-03-10T11:00",
        "--tz", TZ, "--interviewer", f"Person {i} <person{i}@example.org>",
    )  # fmt: skip


def opp_state(db: Path, company: str) -> tuple[int, ...] | None:
    """(actions of the opportunity) or None when it is absent; raises on two."""
    rows = query(db, "SELECT id FROM opportunities WHERE company = ?", company)
    if not rows:
        return None
    assert len(rows) == 1, f"{company} recorded {len(rows)} times"
    return opp_footprint(db, rows[0][0])


def opp_footprint(db: Path, opp: int) -> tuple[int, ...]:
    """What an opportunity holds: interviews, people, links, planned actions."""
    counts = query(
        db,
        "SELECT (SELECT count(*) FROM interviews WHERE opportunity_id = :o),"
        " (SELECT count(*) FROM people WHERE opportunity_id = :o),"
        " (SELECT count(*) FROM interview_people WHERE interview_id IN"
        "    (SELECT id FROM interviews WHERE opportunity_id = :o)),"
        " (SELECT count(*) FROM actions WHERE opportunity_id = :o)".replace(":o", "?"),
        opp, opp, opp, opp,
    )  # fmt: skip
    return tuple(counts[0])


def calibrate_writes(
    scratch: Path,
) -> tuple[float, tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Undisturbed: the commands' run time and the footprints they leave."""
    home = scratch / "home"
    db = scratch / "calibrate.sqlite3"
    env = environment(home, db)
    took = [run_to_end(env, *opp_add(-1)) for _ in range(1)]
    took += [run_to_end(env, *opp_add(-2 - k)) for k in range(2)]
    after_opp = opp_state(db, "Trial -2")
    assert after_opp is not None
    opp = query(db, "SELECT id FROM opportunities WHERE company = 'Trial -3'")[0][0]
    before_interview = opp_footprint(db, opp)
    took.append(run_to_end(env, *interview_add(opp, -3)))
    after_interview = opp_footprint(db, opp)
    return statistics.median(took), after_opp, before_interview, after_interview


def write_trials(n: int, rng: random.Random, scratch: Path) -> Counter[str]:
    duration, opp_done, before_iv, after_iv = calibrate_writes(scratch)
    home = scratch / "home"
    db = scratch / "writes.sqlite3"
    env = environment(home, db)
    run_to_end(env, "opp", "list")  # the schema in place: trials are about the data
    outcomes: Counter[str] = Counter()
    for i in range(n):
        delay = rng.uniform(0.4, 1.1) * duration
        if i % 2 == 0:
            killed = run_and_kill(env, delay, *opp_add(i))
            state = opp_state(db, f"Trial {i}")
            assert state in (None, opp_done), f"trial {i}: opp add left {state}, not {opp_done}"
            outcome = "absent" if state is None else "complete"
            what = "opp add"
        else:
            run_to_end(env, *opp_add(i))  # an opportunity to add the interview to
            opp = query(db, "SELECT id FROM opportunities WHERE company = ?", f"Trial {i}")[0][0]
            killed = run_and_kill(env, delay, *interview_add(opp, i))
            state = opp_footprint(db, opp)
            assert state in (before_iv, after_iv), f"trial {i}: interview add left {state}"
            outcome = "absent" if state == before_iv else "complete"
            what = "interview add"
        check = integrity(db)
        assert check == "ok", f"trial {i}: integrity_check says {check}"
        outcomes[f"{what}: {outcome}{'' if killed else ' (finished before the kill)'}"] += 1
    return outcomes


# --- sends ---------------------------------------------------------------------------------


def service(db: Path) -> App:
    return App(url=f"sqlite:///{db}", config=Config(settings=Settings(), timezone=TZ))


def prepare_sender(app: App, port: int, now: datetime) -> None:
    profile.set_profile(app, now=now, name="Sam Taylor", email="sam@example.org")
    mail_settings.save(
        app, now=now, smtp_host="127.0.0.1", smtp_port=port, smtp_security="none"
    )  # fmt: skip


def queue_one(app: App, i: int, due: datetime) -> tuple[int, str]:
    """A new interview, its thank-you draft, queued for `due`: (outbox id, Message-ID)."""
    made = due - timedelta(minutes=10)
    opp = records.add_opportunity(
        app, company=f"Send {i}", role="Analyst", route=Route.DIRECT, now=made
    )  # fmt: skip
    interview = records.add_interview(
        app, opp, start=made - timedelta(hours=3), end=made - timedelta(hours=2), tz=TZ,
        now=made, interviewers=(records.NewInterviewer(f"Dana {i}", f"dana{i}@example.org"),),
    )  # fmt: skip
    draft = drafts.draft_thank_you(app, interview, now=made)[0]
    entry = outbox.queue(app, draft.id, now=made, at=due)
    message_id = query(app_db(app), "SELECT message_id FROM messages WHERE id = ?", draft.id)
    return entry.id, str(message_id[0][0])


def app_db(app: App) -> Path:
    return Path(app.url.removeprefix("sqlite:///"))


def row_state(db: Path, outbox_id: int) -> str:
    return str(query(db, "SELECT state FROM outbox WHERE id = ?", outbox_id)[0][0])


def check_send(
    db: Path, outbox_id: int, message_id: str, inbox: Inbox, settled: bool = False
) -> str:
    state = row_state(db, outbox_id)
    with inbox.lock:
        copies = inbox.received[message_id]
    assert copies <= 1, f"{message_id} arrived {copies} times"
    if state == "sent":
        sent_at, contact = query(
            db,
            "SELECT m.sent_at, m.contact_id FROM messages m JOIN outbox o ON o.message_id = m.id"
            " WHERE o.id = ?",
            outbox_id,
        )[0]
        assert sent_at is not None and contact is not None, f"outbox {outbox_id}: half accepted"
        assert copies == 1, f"outbox {outbox_id} sent but the server has {copies}"
    elif copies:  # `sending` until a later run finds the claim stale
        allowed = ("uncertain",) if settled else ("uncertain", "sending")
        assert state in allowed, f"outbox {outbox_id}: delivered yet {state}"
    return state


def send_trials(n: int, rng: random.Random, scratch: Path) -> tuple[Counter[str], int]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    db = scratch / "sends.sqlite3"
    env = environment(scratch / "home", db)
    base = datetime.now(UTC).replace(microsecond=0) - timedelta(days=30)
    app = service(db)
    outcomes: Counter[str] = Counter()
    try:
        prepare_sender(app, port, base - timedelta(days=1))
        due = base - timedelta(hours=1)
        ids = queue_one(app, -1, due)
        duration = run_to_end(env, "outbox", "run", "--at", due.isoformat())
        assert row_state(db, ids[0]) == "sent", "the calibration run did not send"
        for i in range(n):
            due = base + timedelta(hours=i)
            outbox_id, message_id = queue_one(app, i, due)
            delay = rng.uniform(0.4, 1.1) * duration
            killed = run_and_kill(env, delay, "outbox", "run", "--at", due.isoformat())
            assert integrity(db) == "ok", f"trial {i}: integrity_check failed"
            landed = row_state(db, outbox_id)  # where the kill found it
            check_send(db, outbox_id, message_id, inbox)
            for later in (timedelta(minutes=1), timedelta(hours=1)):  # settle: send or flag
                outbox.run(app, now=due + later, timeout=10)
                check_send(db, outbox_id, message_id, inbox)
            final = check_send(db, outbox_id, message_id, inbox, settled=True)
            how = "" if killed else " (finished before the kill)"
            outcomes[f"killed with the row {landed} -> {final}{how}"] += 1
        assert max(inbox.received.values()) == 1, "a message arrived twice"
    finally:
        app.close()
        controller.stop()
    return outcomes, sum(inbox.received.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--sends", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    stamp = f"kill-trials-{os.getpid()}"
    scratch = OUT / stamp
    scratch.mkdir(parents=True)
    os.environ["AFTERVIEW_HOME"] = str(scratch / "home")
    started = time.perf_counter()
    results = Counter[str]()
    received = 0
    if args.writes:
        results += write_trials(args.writes, rng, scratch)
    if args.sends:
        sends, received = send_trials(args.sends, rng, scratch)
        results += sends
    print(f"{args.writes} write trials, {args.sends} send trials, seed {args.seed}, "
          f"{time.perf_counter() - started:.0f} s; integrity_check ok after every kill; "
          f"the SMTP server received {received} messages, none twice")  # fmt: skip
    for outcome, count in sorted(results.items()):
        print(f"  {count:4}  {outcome}")
    print(f"files: {scratch}")


if __name__ == "__main__":
    main()
