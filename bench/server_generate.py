"""Generate an agency-server deployment for the load benchmark, on PostgreSQL.

    python bench/server_generate.py                  # 50 consultants × 40 candidates × 20
    python bench/server_generate.py --scale 5x8x20   # a quick one

One agency; each consultant has their own candidates, each candidate their own schema
and role (provisioned by the server's own code: `ServerStore.provision_candidate`, i.e.
Alembic per schema, one transaction per candidate, as max_locks_per_transaction = 64
requires), a live link to their consultant made by `sharing.invite` + `sharing.accept`,
every opportunity shared with the default parts, and the projections published by
`sharing.publish`. Some consultants' records (a chase, client feedback) go through
`sharing.record_chase` / `record_feedback` like the consultant's form would.

The candidates' facts come from the service layer, not from hand-written rows: a set
of template candidates (one per position in a consultant's list) is built use case by
use case in single-user SQLite stores (`records.add_opportunity`, `add_interview`,
`log_contact`, `set_timeline`, `record_reply`, `record_outcome`,
`debriefs.record_debrief`), exported as backups, and each candidate gets one of them,
with its companies renamed, through `backup.import_json` (the bulk path of `afterview
server import-json`), which re-plans everything at NOW. The use cases cost about
0.2 s of CPU per opportunity here even on SQLite: running them for 40,000
opportunities would take over two hours on two cores.

The data's "now" is NOW, a Wednesday 11:00 UTC; the server's clock is frozen there.
The spread per opportunity: recruiter route three times in four; a quarter with an
interview coming in the next ten days, some ending today (calls to expect, P1), most
interviewed in the last two weeks (calls recorded, debriefs, hiring timelines passed
or to come, follow-ups, replies), a third closed weeks ago (rejected, no response,
withdrawn, an offer now and then).

The deployment is kept (prefix `benchload_<c>x<k>x<o>`) and reused when complete;
an interrupted generation resumes where it stopped. `--drop` removes it.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from afterview.config import Config
from afterview.playbook.facts import Channel, ContactKind, InterviewFormat, Outcome, Route
from afterview.playbook.settings import Settings
from afterview.server import accounts, passwords, projection, sharing
from afterview.server import tables as t
from afterview.server.accounts import User
from afterview.server.naming import Naming
from afterview.server.store import ServerStore
from afterview.services import backup, debriefs, records
from afterview.services.app import App

GENERATOR_VERSION = 1
SEED = 20261202
# Wednesday 2 December 2026, 11:00 UTC: the data's "now" and the server's frozen clock.
NOW = datetime(2026, 12, 2, 11, 0, tzinfo=UTC)
AT = NOW.isoformat()
DEFAULT_URL = os.environ.get(
    "AFTERVIEW_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
PASSWORD = "a bench consultant's long passphrase"
CONSULTANT_TZ = "Europe/London"
ZONES = (
    ("Europe/London", 60),
    ("Europe/Berlin", 12),
    ("Europe/Paris", 8),
    ("America/New_York", 10),
    ("Asia/Singapore", 5),
    ("Australia/Sydney", 5),
)
FIRST = (
    "Dana", "Grace", "Tom", "Priya", "Owen", "Sofia", "Ravi", "Maya", "Arun", "Lena", "Noah",
    "Elena", "Omar", "Chloe", "Mateo", "Hannah", "Felix", "Aisha", "Jonas", "Mei", "Lucas",
    "Zara", "Ivan", "Nora", "Samir", "Ines", "Kofi", "Freya", "Diego", "Yuki",
)  # fmt: skip
LAST = (
    "Kim", "Liu", "Reyes", "Shah", "Blake", "Marin", "Patel", "Chen", "Mehta", "Fischer",
    "Brooks", "Rossi", "Haddad", "Martin", "Garcia", "Novak", "Berg", "Okafor", "Tanaka",
    "Silva", "Dubois", "Walsh", "Kowalski", "Nguyen", "Larsen", "Moreau",
)  # fmt: skip
ADJ = (
    "Northwind", "Bluefin", "Meridian", "Harbor", "Cobalt", "Greyline", "Lumen", "Quarry",
    "Silver", "Granite", "Aurora", "Beacon", "Cedar", "Atlas", "Summit", "Vertex", "Juniper",
)  # fmt: skip
NOUN = (
    "Health", "Analytics", "Rail", "Labs", "Systems", "Bank", "Insights", "Logistics",
    "Energy", "Foods", "Media", "Robotics", "Capital", "Mobility", "Cloud", "Retail",
)  # fmt: skip
ROLES = (
    "Data Engineer", "Analytics Engineer", "Platform Engineer", "Backend Developer",
    "Site Reliability Engineer", "Machine Learning Engineer", "Engineering Manager",
)  # fmt: skip
# Where an opportunity stands at NOW, and how often.
STAGES = (("upcoming", 25), ("today", 8), ("recent", 37), ("closed", 30))


@dataclass(frozen=True)
class Scale:
    consultants: int
    candidates: int  # per consultant
    opportunities: int  # per candidate

    @classmethod
    def parse(cls, text: str) -> Scale:
        try:
            c, k, o = (int(part) for part in text.lower().split("x"))
        except ValueError:
            raise SystemExit(
                f"--scale takes CONSULTANTSxCANDIDATESxOPPORTUNITIES, not {text!r}"
            ) from None
        if min(c, k, o) < 1:
            raise SystemExit("--scale: every number must be at least 1")
        return cls(c, k, o)

    @property
    def prefix(self) -> str:
        return f"benchload_{self.consultants}x{self.candidates}x{self.opportunities}"

    @property
    def agency_name(self) -> str:
        return f"Load benchmark agency (generator {GENERATOR_VERSION})"

    def __str__(self) -> str:
        return (
            f"{self.consultants} consultants × {self.candidates} candidates × "
            f"{self.opportunities} opportunities"
        )


def open_store(url: str, scale: Scale) -> ServerStore:
    return ServerStore.open(url, Naming(scale.prefix))


# --- templates: one candidate's facts, made by the service layer ------------------------


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def _at_hour(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def build_template(index: int, opportunities: int, workdir: Path) -> tuple[str, dict[str, Any]]:
    """(time zone, backup document) of one template candidate."""
    rng = random.Random(SEED * 1000 + index)
    tz = _pick(rng, ZONES)
    app = App(
        url=f"sqlite:///{workdir / f'template-{index}.sqlite3'}",
        config=Config(settings=Settings(), timezone=tz),
    )
    try:
        for _ in range(opportunities):
            _opportunity(app, rng, tz)
        return tz, backup.export_json(app, NOW)
    finally:
        app.close()


def _opportunity(app: App, rng: random.Random, tz: str) -> None:  # noqa: PLR0912
    stage = _pick(rng, STAGES)
    recruiter = rng.random() < 0.75
    added = NOW - timedelta(
        days={"upcoming": 4, "today": 12, "recent": 20, "closed": 45}[stage] + rng.randint(0, 8)
    )
    opp = records.add_opportunity(
        app,
        company=f"{rng.choice(ADJ)} {rng.choice(NOUN)}",
        role=rng.choice(ROLES),
        route=Route.RECRUITER if recruiter else Route.DIRECT,
        now=added,
        recruiter_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}" if recruiter else None,
    )
    # The interviews' ends, oldest first; the last is the one that matters at NOW.
    if stage == "upcoming":
        starts = [_at_hour(NOW + timedelta(days=rng.randint(1, 10)), rng.randint(8, 15))]
    elif stage == "today":
        earlier = [_at_hour(NOW - timedelta(days=rng.randint(6, 10)), rng.randint(8, 15))]
        starts = [*earlier[: rng.randint(0, 1)], _at_hour(NOW, rng.randint(7, 14), 30)]
    elif stage == "recent":
        last = NOW - timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 6))
        starts = [last - timedelta(days=5 * n) for n in reversed(range(rng.randint(1, 3)))]
        starts = [_at_hour(s, rng.randint(8, 15)) for s in starts]
    else:
        last = NOW - timedelta(days=rng.randint(15, 35))
        starts = [last - timedelta(days=6 * n) for n in reversed(range(rng.randint(1, 3)))]
        starts = [_at_hour(s, rng.randint(8, 15)) for s in starts]
    ends = []
    for start in starts:
        end = start + timedelta(minutes=rng.choice((45, 60, 90)))
        interview = records.add_interview(
            app,
            opp,
            start=start,
            end=end,
            tz=tz,
            now=min(added + timedelta(hours=1), start - timedelta(hours=1)),
            format=rng.choice(tuple(InterviewFormat)),
            interviewers=(records.NewInterviewer(f"{rng.choice(FIRST)} {rng.choice(LAST)}", None),),
        )
        ends.append((interview, end))
        if end > NOW:
            continue
        if recruiter and rng.random() < 0.8 and end + timedelta(hours=2) < NOW:
            records.log_contact(
                app,
                opp,
                kind=ContactKind.RECRUITER_CALL,
                channel=Channel.PHONE,
                at=end + timedelta(hours=2),
                now=end + timedelta(hours=2),
                note=rng.choice((None, "Went well, they liked the migration story")),
            )
        if rng.random() < 0.6 and end + timedelta(hours=3) < NOW:
            debriefs.record_debrief(
                app,
                interview,
                {
                    "overall": rng.choice(("good", "mixed", "poor")),
                    "went_well": [rng.choice(("Clear system design", "Good rapport"))],
                    "cover_more": [rng.choice(("On-call experience", "Cost control"))],
                    "liked": ["Hands-on team"],
                },
                end + timedelta(hours=3),
            )
    last_end = ends[-1][1]
    if stage == "recent":
        if rng.random() < 0.55:
            said = last_end + timedelta(days=1)
            records.set_timeline(
                app,
                opp,
                now=min(said, NOW),
                decision_by=(NOW + timedelta(days=rng.randint(-6, 10))).date(),
            )
        if rng.random() < 0.3 and last_end + timedelta(days=5) < NOW:
            at = last_end + timedelta(days=5)
            records.log_contact(
                app, opp, kind=ContactKind.FOLLOW_UP, channel=Channel.EMAIL, at=at, now=at
            )
        if rng.random() < 0.25:
            at = min(NOW - timedelta(hours=2), last_end + timedelta(days=2))
            if at > last_end:
                records.record_reply(app, opp, at=at, now=at, note="Still deciding, more soon")
        if rng.random() < 0.15:
            at = min(NOW - timedelta(hours=1), last_end + timedelta(days=3))
            if at > last_end:
                records.record_outcome(app, opp, Outcome.NEXT_ROUND, at=at, now=at)
    elif stage == "closed":
        outcome = rng.choices(
            (Outcome.REJECTED, Outcome.NO_RESPONSE, Outcome.WITHDRAWN, Outcome.OFFER),
            (50, 25, 15, 10),
        )[0]
        at = last_end + timedelta(days=rng.randint(2, 9))
        records.record_outcome(app, opp, outcome, at=at, now=at)


def renamed(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A template's backup with other companies and roles: every candidate differs."""
    doc = copy.deepcopy(document)
    for row in doc["tables"].get("opportunities", ()):
        row["company"] = f"{rng.choice(ADJ)} {rng.choice(NOUN)}"
        row["role"] = rng.choice(ROLES)
    return doc


# --- the deployment ------------------------------------------------------------------------


def consultant_email(c: int) -> str:
    return f"consultant-{c:03d}@bench.example"


def candidate_email(c: int, k: int) -> str:
    return f"candidate-{c:03d}-{k:03d}@bench.example"


def agency_id(store: ServerStore, scale: Scale) -> int | None:
    with store.owner() as conn:
        found = conn.execute(
            select(t.agencies.c.id).where(t.agencies.c.name == scale.agency_name)
        ).first()
    return int(found[0]) if found else None


def complete(store: ServerStore, scale: Scale) -> bool:
    """Every candidate linked and every opportunity published."""
    if store.server_revision() is None or agency_id(store, scale) is None:
        return False
    with store.owner() as conn:
        published = conn.execute(
            select(func.count()).select_from(t.shares).where(t.shares.c.facts.is_not(None))
        ).scalar_one()
        linked = conn.execute(
            select(func.count())
            .select_from(t.consultant_links)
            .where(t.consultant_links.c.accepted_at.is_not(None))
        ).scalar_one()
    total = scale.consultants * scale.candidates
    return bool(linked == total and published == total * scale.opportunities)


def _user(store: ServerStore, email: str) -> User | None:
    u = t.users.c
    with store.owner() as conn:
        row = conn.execute(
            select(u.id, u.agency_id, u.role, u.name, u.email, u.timezone).where(u.email == email)
        ).first()
    return User(int(row[0]), int(row[1]), row[2], row[3], row[4], row[5]) if row else None


@contextmanager
def _timed(into: dict[str, list[float]], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    into.setdefault(name, []).append(time.perf_counter() - start)


def _consultant_share(
    url: str,
    scale: Scale,
    c: int,
    agency: int,
    password_hash: str,
    templates: list[tuple[str, dict[str, Any]]],
) -> dict[str, list[float]]:
    """One consultant and their candidates (a worker process's task); phase timings."""
    store = open_store(url, scale)
    timings: dict[str, list[float]] = {}
    try:
        consultant = _user(store, consultant_email(c)) or accounts.add_user(
            store,
            agency_id=agency,
            email=consultant_email(c),
            name=f"{FIRST[c % len(FIRST)]} {LAST[(c * 7) % len(LAST)]} ({c})",
            role="consultant",
            password=PASSWORD,
            timezone=CONSULTANT_TZ,
            now=NOW - timedelta(days=90),
        )
        for k in range(scale.candidates):
            _candidate(store, scale, c, k, consultant, password_hash, templates[k], timings)
    finally:
        store.dispose()
    return timings


def _candidate(
    store: ServerStore,
    scale: Scale,
    c: int,
    k: int,
    consultant: User,
    password_hash: str,
    template: tuple[str, dict[str, Any]],
    timings: dict[str, list[float]],
) -> None:
    """One candidate, resumably: each step is skipped when already done."""
    rng = random.Random(SEED + c * 10_000 + k)
    email = candidate_email(c, k)
    tz, document = template
    candidate = _user(store, email)
    if candidate is None:
        # add_user without its Argon2 hash per account (every candidate shares one,
        # computed once): the same row and the same provisioning, in one transaction.
        with _timed(timings, "provision (user row + schema by Alembic)"), store.owner() as conn:
            user_id = int(
                conn.execute(
                    insert(t.users)
                    .values(
                        agency_id=consultant.agency_id,
                        email=email,
                        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                        role="candidate",
                        password_hash=password_hash,
                        timezone=tz,
                        created_at=NOW - timedelta(days=60),
                    )
                    .returning(t.users.c.id)
                ).scalar_one()
            )
            store.provision_candidate(conn, user_id)
            accounts._audit(
                conn, consultant.agency_id, None, "user.create", f"candidate {email}",
                NOW - timedelta(days=60), candidate_id=user_id,
            )  # fmt: skip
        candidate = _user(store, email)
        assert candidate is not None
    app = store.candidate_app(candidate.id, candidate.timezone)  # on the store's pool
    with app.transaction(NOW) as repo:
        empty = repo.is_empty()
    if empty:
        with _timed(timings, "import the facts (backup.import_json)"):
            backup.import_json(app, renamed(document, rng), NOW)
    live = [link for link in sharing.links(store, candidate) if link.state == "live"]
    if not live:
        with _timed(timings, "invite + accept"):
            for link in sharing.links(store, candidate):
                sharing.end_link(store, candidate, link.id, NOW - timedelta(days=50))
            link = sharing.invite(store, candidate, consultant.email, NOW - timedelta(days=50))
            sharing.accept(store, consultant, link.id, NOW - timedelta(days=49))
    with _timed(timings, "share all + publish"):
        _share_all(store, candidate, app)
    if k % 8 == 3:  # some of the consultant's own records, by the real path
        _records(store, consultant, candidate, app, rng)


def _share_all(store: ServerStore, candidate: User, app: App) -> None:
    """What ticking the default parts on every opportunity leaves (`sharing.set_parts`
    without a publish per opportunity), then one `sharing.publish`."""
    with app.transaction(NOW) as repo:
        ids = [int(r["id"]) for r in repo.list_opportunities()]
    shared = sharing.parts_by_opportunity(store, candidate)
    missing = [i for i in ids if i not in shared]
    if missing:
        with store.agency(candidate.agency_id, candidate.id) as conn:
            conn.execute(
                insert(t.shares),
                [
                    {
                        "agency_id": candidate.agency_id,
                        "candidate_id": candidate.id,
                        "opportunity_id": i,
                        "parts": list(projection.DEFAULT_PARTS),
                        "updated_at": NOW - timedelta(days=49),
                    }
                    for i in missing
                ],
            )
    sharing.publish(store, candidate, app, NOW)


def _records(
    store: ServerStore, consultant: User, candidate: User, app: App, rng: random.Random
) -> None:
    with store.agency(consultant.agency_id, consultant.id) as conn:
        notes = conn.execute(
            select(func.count())
            .select_from(t.client_notes)
            .where(t.client_notes.c.candidate_id == candidate.id)
        ).scalar_one()
    if notes:
        return
    day, _ = sharing.day(store, consultant, NOW)
    mine = [w for w in day.decisions if w.opening.candidate_id == candidate.id]
    for watch in mine[:1]:
        sharing.record_feedback(
            store,
            consultant,
            lambda _user: app,
            candidate.id,
            watch.opening.opportunity_id,
            note="The client liked the system design answer; panel next week",
            decision_by=(NOW + timedelta(days=rng.randint(3, 9))).date(),
            now=NOW,
        )


def generate(url: str, scale: Scale, jobs: int = 2, quiet: bool = False) -> dict[str, float]:
    """Make (or finish) the deployment; the median seconds of each phase, per candidate."""
    say = (lambda *_: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    store = open_store(url, scale)
    try:
        store.initialise()  # also brings a kept deployment's shared schema up to date
        if complete(store, scale):
            say(f"# {scale.prefix}: already generated ({scale})")
            return {}
        started = time.perf_counter()
        agency = agency_id(store, scale) or accounts.create_agency(
            store, scale.agency_name, NOW - timedelta(days=120)
        )
    finally:
        store.dispose()
    with tempfile.TemporaryDirectory() as workdir, ProcessPoolExecutor(jobs) as pool:
        begun = time.perf_counter()
        templates = list(
            pool.map(
                build_template,
                range(scale.candidates),
                [scale.opportunities] * scale.candidates,
                [Path(workdir)] * scale.candidates,
            )
        )
        say(
            f"# {len(templates)} template candidates by the service layer: "
            f"{time.perf_counter() - begun:.1f} s"
        )
    password_hash = passwords.hash_password(PASSWORD)
    timings: dict[str, list[float]] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(_consultant_share, url, scale, c, agency, password_hash, templates)
            for c in range(scale.consultants)
        ]
        for n, future in enumerate(futures, 1):
            for name, values in future.result().items():
                timings.setdefault(name, []).extend(values)
            say(
                f"# consultant {n}/{scale.consultants} done ({time.perf_counter() - started:.0f} s)"
            )
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, value in medians.items():
        say(f"# median per candidate, {name}: {value * 1000:.0f} ms (n={len(timings[name])})")
    say(f"# generated {scale} in {time.perf_counter() - started:.0f} s with {jobs} processes")
    store = open_store(url, scale)
    try:
        if not complete(store, scale):
            raise SystemExit("the generated deployment is incomplete")
    finally:
        store.dispose()
    return medians


def drop(url: str, scale: Scale) -> None:
    store = open_store(url, scale)
    try:
        store.drop_everything()
    finally:
        store.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=Scale.parse, default=Scale(50, 40, 20))
    parser.add_argument("--url", default=DEFAULT_URL, help="PostgreSQL (a role with CREATEROLE)")
    parser.add_argument("--jobs", type=int, default=2, help="generating processes")
    parser.add_argument("--drop", action="store_true", help="remove the deployment")
    args = parser.parse_args()
    if args.drop:
        drop(args.url, args.scale)
        return 0
    generate(args.url, args.scale, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
