"""Generate a realistic Afterview database of N opportunities, fast.

    python bench/generate.py 10000                   # -> bench/out/agenda-n10000-g2-….sqlite3
    python bench/generate.py 100000 --activity 10000  # same recent activity, 10x the history

The file is created by `afterview.store.engine.connect` (so the schema comes from the
real migrations); the facts are then bulk-inserted with sqlite3, and the
materialised plan (the `actions` table) is computed by the real playbook
(`plan_opportunity` + `resolve` + `planning.to_row`) as the use cases would have
left it after the last one, at NOW (including `Repository.close_expired` where the
application has it). A sample of opportunities is then re-planned through the real
`Repository` and compared row for row, so the bulk load cannot drift from what the
application itself would write. The `meta` fingerprints are those of the
environment of the timed runs (`bench_env`), so the agenda takes its light path.

The candidate: ~3 years of job hunting ending at NOW, one new opportunity every
1095/N days, about three interview rounds each in a handful of IANA zones; most
processes long closed (rejected, no response, withdrawn, offer declined), the last
few weeks' still open. The candidate handled nearly every step of a closed process
(done, skipped, or satisfied by a recorded fact); steps that expire (a checklist, a
brief, a lessons review, a step gone stale) are ticked off about half the time and
otherwise left to lapse, as in real use. On open processes some overdue steps are
still waiting: that is the agenda.

No opportunity ever records an *accepted* offer: one would end the search and
every other process for good (P9, P12), which is not the steady state to measure.

Databases are cached under bench/out/ (git-ignored), keyed by N, GENERATOR_VERSION,
the schema revision and a hash of the playbook's source; `--force` rebuilds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from functools import cache
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
HOME = OUT / "home"  # AFTERVIEW_HOME of generation and of the timed runs (holds no config)
TZ = "Europe/London"
GENERATOR_VERSION = 2
SEED = 20251112

# The data's "now": a Wednesday late morning. The timed runs ask `--at` this moment.
NOW = datetime(2025, 11, 12, 11, 0, tzinfo=UTC)
AT = "2025-11-12T11:00:00+00:00"
SPAN = timedelta(days=3 * 365)
START = NOW - SPAN
RECENT = timedelta(days=120)  # everything open at NOW was added within this window

ZONES = (
    ("Europe/London", 52),
    ("America/New_York", 12),
    ("Europe/Berlin", 10),
    ("Europe/Paris", 6),
    ("America/Los_Angeles", 6),
    ("Asia/Singapore", 5),
    ("America/Toronto", 5),
    ("Australia/Sydney", 4),
)
FIRST = (
    "Dana",
    "Grace",
    "Tom",
    "Priya",
    "Owen",
    "Sofia",
    "Ravi",
    "Maya",
    "Arun",
    "Lena",
    "Noah",
    "Elena",
    "Omar",
    "Chloe",
    "Mateo",
    "Hannah",
    "Felix",
    "Aisha",
    "Jonas",
    "Mei",
    "Lucas",
    "Zara",
    "Ivan",
    "Nora",
    "Samir",
    "Ines",
    "Kofi",
    "Freya",
    "Diego",
    "Yuki",
)
LAST = (
    "Kim",
    "Liu",
    "Reyes",
    "Shah",
    "Blake",
    "Marin",
    "Patel",
    "Chen",
    "Mehta",
    "Fischer",
    "Brooks",
    "Rossi",
    "Haddad",
    "Martin",
    "Garcia",
    "Novak",
    "Berg",
    "Okafor",
    "Tanaka",
    "Silva",
    "Dubois",
    "Walsh",
    "Kowalski",
    "Nguyen",
    "Larsen",
    "Moreau",
)
ADJ = (
    "Northwind",
    "Bluefin",
    "Meridian",
    "Harbor",
    "Cobalt",
    "Greyline",
    "Lumen",
    "Quarry",
    "Silver",
    "Granite",
    "Aurora",
    "Beacon",
    "Cedar",
    "Atlas",
    "Summit",
    "Vertex",
    "Juniper",
    "Orchid",
    "Copper",
    "Falcon",
    "Tidal",
    "Maple",
    "Onyx",
    "Polar",
)
NOUN = (
    "Health",
    "Analytics",
    "Rail",
    "Labs",
    "Systems",
    "Bank",
    "Insights",
    "Logistics",
    "Energy",
    "Foods",
    "Media",
    "Robotics",
    "Capital",
    "Mobility",
    "Games",
    "Cloud",
    "Security",
    "Retail",
    "Insurance",
    "Pharma",
)
ROLES = (
    "Data Engineer",
    "Analytics Engineer",
    "Platform Engineer",
    "Backend Developer",
    "Senior Data Engineer",
    "Data Platform Engineer",
    "Site Reliability Engineer",
    "Machine Learning Engineer",
    "Software Engineer",
    "Engineering Manager",
)
SKIP_REASONS = (
    "Forgot, too late now",
    "No time that week",
    "They had already replied",
    "Did it on paper",
    "Not relevant for this one",
)
DEBRIEF_LINES = {
    "went_well": ("Walked through the migration clearly", "Good rapport with the panel"),
    "cover_more": ("On-call experience", "Cost control", "Testing strategy"),
    "nugget": ("They are rebuilding the churn model", "New event platform next year"),
    "new_question": ("Who owns data quality today?", "How is on-call shared?"),
    "liked": ("Concrete examples with numbers", "Hands-on migration detail"),
    "disliked": ("Vague answer on cost", "Rambling intro"),
}
QUESTIONS = (
    "Tell me about a time you disagreed with your manager",
    "How would you test a data pipeline?",
    "How do you size a Kafka cluster?",
    "Describe a production incident you owned",
    "Why do you want to leave your current role?",
)
ID_BLOCK = {  # ids are allocated in fixed blocks per opportunity, so workers never collide
    "people": 16,
    "interviews": 8,
    "timelines": 8,
    "contacts": 64,
    "replies": 8,
    "reflections": 8,
    "outcomes": 8,
    "competitors": 4,
}

COLUMNS = {
    "opportunities": ("id", "company", "role", "route", "created_at", "tz", "status", "closed"),
    "people": ("id", "opportunity_id", "name", "role", "email", "phone", "title", "source"),
    "interviews": (
        "id",
        "opportunity_id",
        "round",
        "start_at",
        "end_at",
        "tz",
        "format",
        "location",
        "recruiter_call_at",
        "cancelled",
        "invite_uid",
        "invite_sequence",
    ),
    "interview_people": ("interview_id", "person_id", "position"),
    "timelines": (
        "id",
        "opportunity_id",
        "recorded_at",
        "decision_by",
        "follow_up_with",
        "follow_up_how",
        "follow_up_on",
    ),
    "contacts": ("id", "opportunity_id", "at", "kind", "channel", "person_id", "note", "flag"),
    "replies": ("id", "opportunity_id", "at", "note"),
    "debriefs": ("interview_id", "recorded_at", "overall"),
    "debrief_items": ("interview_id", "section", "position", "text"),
    "debrief_questions": (
        "interview_id",
        "position",
        "question",
        "quality",
        "reason",
        "add_next_time",
    ),
    "reflections": (
        "id",
        "opportunity_id",
        "interview_id",
        "recorded_at",
        "fit",
        "growth",
        "culture",
        "values",
        "happy",
        "concerns",
        "decision",
    ),
    "outcomes": ("id", "opportunity_id", "at", "outcome"),
    "competitors": ("id", "opportunity_id", "name"),
    "decisions": ("key", "opportunity_id", "kind", "at", "reason", "until"),
    "search_log": ("id", "closed_at", "kind"),
}
# Parents before children (foreign keys are not enforced during the load, but keep it tidy).
TABLE_ORDER = tuple(COLUMNS)


def bench_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of generation and of every timed run.

    Only AFTERVIEW_HOME and AFTERVIEW_TZ among AFTERVIEW_* variables: any other
    would change `settings_source_fingerprint()` and send the agenda down the
    re-planning path.
    """
    env = {k: v for k, v in (base or dict(os.environ)).items() if not k.startswith("AFTERVIEW_")}
    env["AFTERVIEW_HOME"] = str(HOME)
    env["AFTERVIEW_TZ"] = TZ
    return env


@cache
def plan_source_hash() -> str:
    """Changes when the playbook, the planning service or the migrations change."""
    import hashlib

    import afterview

    root = Path(afterview.__file__).resolve().parent
    digest = hashlib.sha256()
    files = [
        *root.glob("playbook/**/*.py"),
        root / "services" / "planning.py",
        *root.glob("store/migrations/**/*.py"),
    ]
    for file in sorted(files):
        digest.update(file.relative_to(root).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:8]


def _prefix(n: int, activity: int | None) -> str:
    return f"agenda-n{n}-" + (f"a{activity}-" if activity else "") + "g"


def db_path(n: int, activity: int | None = None) -> Path:
    """The cached database: keyed by N, the generator, the schema and the playbook."""
    from afterview.store import HEAD_REVISION

    key = f"{GENERATOR_VERSION}-{HEAD_REVISION}-p{plan_source_hash()}"
    return OUT / f"{_prefix(n, activity)}{key}.sqlite3"


def stats_path(n: int, activity: int | None = None) -> Path:
    return db_path(n, activity).with_suffix(".json")


def created_base(opp_id: int, n: int, activity: int | None) -> datetime:
    """When opportunity `opp_id` was added (ids are chronological, like the store's).

    Uniform over the three years by default. With `activity`, the last RECENT days
    are as busy as with `activity` opportunities and the rest is older history:
    same agenda, more past (measures what history alone costs).
    """
    if activity is None or activity >= n:
        return START + SPAN * ((opp_id - 1) / n)
    recent = max(1, round(activity * (RECENT / SPAN)))
    old = n - recent
    if opp_id <= old:
        return START + (SPAN - RECENT) * ((opp_id - 1) / old)
    return NOW - RECENT + RECENT * ((opp_id - old - 1) / recent)


# --- text forms, exactly as the store writes them ---------------------------------


def ts(moment: datetime) -> str:
    """UTCDateTime on SQLite ('2024-03-12T09:30:00.000000Z'); see store/types.py."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def day_text(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


# --- the facts of one opportunity ---------------------------------------------------


@dataclass
class Built:
    """One opportunity's facts as domain objects and as table rows."""

    opp: Any
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    debrief_at: datetime | None = None
    first_end: tuple[datetime, str] | None = None

    def add(self, table: str, *values: Any) -> None:
        self.rows.setdefault(table, []).append(values)


class Ids:
    def __init__(self, opp_id: int) -> None:
        self.opp_id = opp_id
        self.used: Counter[str] = Counter()

    def next(self, table: str) -> int:
        block = ID_BLOCK[table]
        n = self.used[table]
        if n >= block:
            raise RuntimeError(f"opportunity {self.opp_id} needs more than {block} {table} ids")
        self.used[table] += 1
        return self.opp_id * block + n


def working_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def local_slot(rng: random.Random, day: date, tz: str, first: int = 9, last: int = 16) -> datetime:
    from afterview.playbook.timing import at_local

    slot = clock(rng.randint(first, last), rng.choice((0, 0, 15, 30, 45)))
    return at_local(working_day(day), slot, tz).astimezone(UTC)


def build(  # noqa: PLR0912, PLR0915 - one story, told in order
    opp_id: int, n: int, activity: int | None = None
) -> Built:
    """The facts of opportunity `opp_id` of `n`, deterministic (seeded by the id)."""
    from afterview.playbook import facts as f
    from afterview.playbook.timing import local

    rng = random.Random(SEED * 1_000_003 + opp_id)
    ids = Ids(opp_id)
    created = created_base(opp_id, n, activity) + timedelta(minutes=rng.randint(0, 600))
    created = created.replace(microsecond=0)
    route = f.Route.RECRUITER if rng.random() < 0.45 else f.Route.DIRECT
    company = f"{rng.choice(ADJ)} {rng.choice(NOUN)}"
    role = rng.choice(ROLES)
    tz = rng.choices([z for z, _ in ZONES], [w for _, w in ZONES])[0]
    slug = company.lower().replace(" ", "")
    built = Built(opp=None)

    people: list[f.Person] = []

    def person(name: str, role: f.PersonRole, email: str | None, **extra: Any) -> f.Person:
        p = f.Person(ids.next("people"), name, role, email, **extra)
        people.append(p)
        return p

    def someone() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    recruiter = None
    if route is f.Route.RECRUITER:
        name = someone()
        recruiter = person(
            name,
            f.PersonRole.RECRUITER,
            f"{name.split()[0].lower()}@talent.example",
            phone=f"+44 20 7946 {rng.randint(0, 9999):04d}",
        )
    manager_name = someone()
    manager = person(
        manager_name,
        f.PersonRole.HIRING_MANAGER,
        f"{manager_name.replace(' ', '.').lower()}@{slug}.example" if rng.random() < 0.95 else None,
        title="Head of Engineering",
        source=f.Source.INVITE,
    )
    panel_pool = [manager]
    for _ in range(rng.randint(1, 3)):
        name = someone()
        email = f"{name.replace(' ', '.').lower()}@{slug}.example" if rng.random() < 0.88 else None
        panel_pool.append(person(name, f.PersonRole.INTERVIEWER, email))

    rounds = rng.choices((1, 2, 3, 4, 5), (15, 22, 30, 23, 10))[0]
    interviews: list[f.Interview] = []
    timelines: list[f.Timeline] = []
    contacts: list[f.Contact] = []
    replies: list[f.Reply] = []
    debriefs: list[f.Debrief] = []
    reflections: list[f.Reflection] = []
    outcomes: list[tuple[int, datetime, f.Outcome]] = []
    competitors: list[str] = []
    panels: list[tuple[int, int, int]] = []

    def contact(at: datetime, kind: f.ContactKind, channel: f.Channel, pid: int | None) -> None:
        if at <= NOW:
            contacts.append(f.Contact(ids.next("contacts"), at, kind, channel, pid))

    def outcome(at: datetime, what: f.Outcome) -> bool:
        if at > NOW:
            return False
        outcomes.append((ids.next("outcomes"), at, what))
        return True

    scheduled = created + timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 6))
    day = local(created, tz).date() + timedelta(days=rng.randint(5, 14))
    withdrew = False
    for number in range(1, rounds + 1):
        if scheduled > NOW:
            break  # not arranged yet
        start = local_slot(rng, day, tz)
        end = start + timedelta(minutes=rng.choice((45, 60, 60, 90)))
        fmt = rng.choices(list(f.InterviewFormat), (35, 50, 15))[0]
        location = (
            f"https://meet.example/{slug}-{opp_id}-{number}"
            if fmt is f.InterviewFormat.VIDEO
            else f"{rng.randint(1, 200)} High Street"
            if fmt is f.InterviewFormat.ONSITE
            else None
        )
        call_at = end + timedelta(hours=1) if recruiter and rng.random() < 0.2 else None
        size = min(len(panel_pool), rng.choice((1, 1, 2, 2, 3)))
        panel = rng.sample(panel_pool, size)
        if number == rounds and manager not in panel:
            panel[0] = manager
        interview = f.Interview(
            ids.next("interviews"),
            number,
            start,
            end,
            tz,
            fmt,
            location,
            tuple(p.id for p in panel),
            call_at,
        )
        interviews.append(interview)
        panels += [(interview.id, p.id, k) for k, p in enumerate(panel)]
        if built.first_end is None:
            built.first_end = (end, tz)
        # Around and after the interview.
        follow_with = recruiter or manager
        if rng.random() < 0.5:
            told_at = end - timedelta(minutes=5)
        elif rng.random() < 0.4:
            told_at = end + timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 5))
        else:
            told_at = None
        if told_at is not None and told_at <= NOW:
            timelines.append(
                f.Timeline(
                    told_at,
                    decision_by=local(end, tz).date() + timedelta(days=rng.randint(5, 14)),
                    follow_up_with=follow_with.id,
                    follow_up_how=f.Channel.PHONE if rng.random() < 0.2 else f.Channel.EMAIL,
                )
            )
        if recruiter and rng.random() < 0.9:
            called = (call_at or end) + timedelta(minutes=rng.randint(20, 100))
            contact(called, f.ContactKind.RECRUITER_CALL, f.Channel.PHONE, recruiter.id)
        if (opp_id == 1 and number == 1) or rng.random() < 0.35:
            recorded = end + timedelta(minutes=rng.randint(30, 90))
            if recorded <= NOW:
                debriefs.append(_debrief(rng, f, interview.id, recorded))
                if built.debrief_at is None or recorded < built.debrief_at:
                    built.debrief_at = recorded
        for p in panel:
            if rng.random() < 0.93:
                sent = end + timedelta(hours=rng.randint(2, 20), minutes=rng.randint(0, 59))
                contact(sent, f.ContactKind.THANK_YOU, f.Channel.EMAIL, p.id)
        if rng.random() < 0.4:
            at = end + timedelta(days=rng.randint(2, 3), hours=rng.randint(0, 4))
            if at <= NOW:
                leave = rng.random() < 0.04
                reflections.append(
                    f.Reflection(
                        ids.next("reflections"),
                        at,
                        *(rng.randint(1, 5) for _ in range(5)),
                        decision=f.FitDecision.WITHDRAW if leave else f.FitDecision.CONTINUE,
                        concerns="Long commute" if rng.random() < 0.2 else None,
                        interview_id=interview.id,
                    )
                )
                if leave:
                    contact(
                        at + timedelta(hours=2),
                        f.ContactKind.WITHDRAWAL,
                        f.Channel.EMAIL,
                        follow_with.id,
                    )
                    withdrew = True
                    break
        if rng.random() < 0.15:
            at = end + timedelta(days=rng.randint(2, 6), hours=rng.randint(0, 8))
            if at <= NOW:
                replies.append(f.Reply(ids.next("replies"), at, "Thanks, we will be in touch"))
        if number < rounds:
            passed = local_slot(rng, local(end, tz).date() + timedelta(days=rng.randint(1, 5)), tz)
            if not outcome(passed, f.Outcome.NEXT_ROUND):
                break
            scheduled = passed + timedelta(minutes=10)
            day = local(passed, tz).date() + timedelta(days=rng.randint(3, 10))
    else:
        if interviews and not withdrew:
            _close(rng, f, interviews[-1], follow_with, contact, outcome, contacts)

    if any(d.overall is f.Overall.GOOD for d in debriefs) and rng.random() < 0.3:
        competitors = [f"{rng.choice(ADJ)} {rng.choice(NOUN)}"]
        for name in competitors:
            built.add("competitors", ids.next("competitors"), opp_id, name)

    # Rows, and the Opportunity exactly as Repository.load_opportunity would build it.
    for p in people:
        built.add(
            "people", p.id, opp_id, p.name, p.role.value, p.email, p.phone, p.title, p.source.value
        )
    for i in interviews:
        built.add(
            "interviews",
            i.id,
            opp_id,
            i.round,
            ts(i.start),
            ts(i.end),
            i.tz,
            i.format.value,
            i.location,
            ts(i.recruiter_call_at) if i.recruiter_call_at else None,
            0,
            None,
            None,
        )
    built.rows["interview_people"] = panels
    timeline_rows = [(ids.next("timelines"), t) for t in timelines]
    for tid, t in timeline_rows:
        built.add(
            "timelines",
            tid,
            opp_id,
            ts(t.recorded_at),
            day_text(t.decision_by),
            t.follow_up_with,
            t.follow_up_how.value if t.follow_up_how else None,
            day_text(t.follow_up_on),
        )
    for c in contacts:
        built.add(
            "contacts",
            c.id,
            opp_id,
            ts(c.at),
            c.kind.value,
            c.channel.value,
            c.person_id,
            None,
            None,
        )
    for r in replies:
        built.add("replies", r.id, opp_id, ts(r.at), r.note)
    for d in debriefs:
        built.add(
            "debriefs", d.interview_id, ts(d.recorded_at), d.overall.value if d.overall else None
        )
        for attr, section in (
            ("went_well", "went_well"),
            ("cover_more", "cover_more"),
            ("nuggets", "nugget"),
            ("new_questions", "new_question"),
            ("liked", "liked"),
            ("disliked", "disliked"),
        ):
            for k, text in enumerate(getattr(d, attr)):
                built.add("debrief_items", d.interview_id, section, k, text)
        for k, q in enumerate(d.questions):
            built.add(
                "debrief_questions",
                d.interview_id,
                k,
                q.question,
                q.quality.value,
                q.reason.value if q.reason else None,
                q.add_next_time,
            )
    for r in reflections:
        built.add(
            "reflections",
            r.id,
            opp_id,
            r.interview_id,
            ts(r.recorded_at),
            r.fit,
            r.growth,
            r.culture,
            r.values,
            r.happy,
            r.concerns,
            r.decision.value,
        )
    for oid, at, what in outcomes:
        built.add("outcomes", oid, opp_id, ts(at), what.value)

    built.opp = f.Opportunity(
        id=opp_id,
        company=company,
        role=role,
        route=route,
        created_at=created,
        people=tuple(people),
        interviews=tuple(sorted(interviews, key=lambda i: (i.start, i.id))),
        timelines=tuple(
            t for _, t in sorted(timeline_rows, key=lambda r: (r[1].recorded_at, r[0]))
        ),
        contacts=tuple(sorted(contacts, key=lambda c: (c.at, c.id))),
        replies=tuple(sorted(replies, key=lambda r: (r.at, r.id))),
        debriefs=tuple(sorted(debriefs, key=lambda d: (d.recorded_at, d.interview_id))),
        reflections=tuple(sorted(reflections, key=lambda r: (r.recorded_at, r.id))),
        outcomes=tuple(
            f.OutcomeEvent(at, what) for _, at, what in sorted(outcomes, key=lambda o: (o[1], o[0]))
        ),
        competitors=tuple(competitors),
        tz=TZ,
    )
    return built


def _debrief(rng: random.Random, f: Any, interview_id: int, recorded: datetime) -> Any:
    def some(section: str, most: int) -> tuple[str, ...]:
        return tuple(rng.sample(DEBRIEF_LINES[section], rng.randint(0, most)))

    questions = []
    for question in rng.sample(QUESTIONS, rng.randint(1, 2)):
        quality = rng.choices(list(f.AnswerQuality), (6, 3, 1))[0]
        weak = quality is not f.AnswerQuality.GOOD
        questions.append(
            f.QuestionReview(
                question,
                quality,
                rng.choice(list(f.AnswerReason)) if weak else None,
                "Use the rollout-freeze example" if weak else None,
            )
        )
    return f.Debrief(
        interview_id=interview_id,
        recorded_at=recorded,
        went_well=some("went_well", 2),
        cover_more=some("cover_more", 1),
        nuggets=some("nugget", 1),
        questions=tuple(questions),
        new_questions=some("new_question", 1),
        liked=some("liked", 1),
        disliked=some("disliked", 1),
        overall=rng.choices(list(f.Overall), (5, 3, 2))[0],
    )


def _close(
    rng: random.Random,
    f: Any,
    last: Any,
    whom: Any,
    contact: Any,
    outcome: Any,
    contacts: list[Any],
) -> None:
    """How the process ended after its last round (if that is before NOW)."""
    ending = rng.choices(("rejected", "no-response", "withdrawn", "offer"), (55, 25, 8, 12))[0]
    thanks = [c.at for c in contacts if c.kind is f.ContactKind.THANK_YOU and c.at >= last.start]
    thanked = min(thanks, default=last.end)
    chase = thanked + timedelta(days=7, hours=rng.randint(0, 6))
    channel = f.Channel.EMAIL
    if ending == "no-response":
        for _ in range(3):
            contact(chase, f.ContactKind.FOLLOW_UP, channel, whom.id)
            chase += timedelta(days=rng.randint(7, 10))
        outcome(chase, f.Outcome.NO_RESPONSE)
        return
    decided = last.end + timedelta(days=rng.randint(3, 20), hours=rng.randint(0, 8))
    if decided > chase:
        contact(chase, f.ContactKind.FOLLOW_UP, channel, whom.id)
    if ending == "rejected":
        outcome(decided, f.Outcome.REJECTED)
    elif ending == "withdrawn":
        if outcome(decided, f.Outcome.WITHDRAWN):
            contact(decided + timedelta(hours=1), f.ContactKind.WITHDRAWAL, channel, whom.id)
    elif outcome(decided, f.Outcome.OFFER):
        answered = decided + timedelta(days=rng.randint(1, 2))
        outcome(answered, f.Outcome.DECLINED)


# --- planning and the candidate's decisions -----------------------------------------


@dataclass(frozen=True)
class Shared:
    """What every worker needs: settings, calendar and the cross-opportunity context."""

    n: int
    activity: int | None
    lessons_since: datetime | None
    first_end: tuple[datetime, str] | None


_STATE: dict[str, Any] = {}


def plan_context(shared: Shared, default_tz: str) -> Any:
    """What services.planning.plan_context would read from the finished database."""
    from afterview.playbook.facts import PlanContext

    return PlanContext(
        accepted_offer_opp=None,
        accepted_offer_at=None,
        has_lessons=shared.lessons_since is not None,
        lessons_since=shared.lessons_since,
        default_tz=default_tz,
        home_tz=default_tz,
    )


def _init_worker(shared: Shared) -> None:
    from afterview import config
    from afterview.playbook.timing import WorkingCalendar, holiday_lookup

    cfg = config.load()
    _STATE["shared"] = shared
    _STATE["settings"] = cfg.settings
    _STATE["calendar"] = WorkingCalendar(cfg.settings, holiday_lookup(cfg.settings))
    _STATE["context"] = plan_context(shared, cfg.timezone)


def plan_chunk(bounds: tuple[int, int]) -> dict[str, Any]:
    """Facts, decisions and the materialised plan of opportunities [lo, hi)."""
    from afterview.playbook.actions import Decision, DecisionKind, State, resolve
    from afterview.playbook.facts import CLOSED_STATUSES, Channel, ContactKind
    from afterview.playbook.plan import plan_opportunity
    from afterview.playbook.status import status

    shared: Shared = _STATE["shared"]
    settings, calendar, context = _STATE["settings"], _STATE["calendar"], _STATE["context"]
    tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS}
    tables["actions"] = []
    counts: Counter[str] = Counter()
    for opp_id in range(*bounds):
        built = build(opp_id, shared.n, shared.activity)
        opp = built.opp
        current = status(opp, NOW)
        closed = current in CLOSED_STATUSES
        counts[f"status:{current.value}"] += 1
        rng = random.Random(SEED * 7_000_003 + opp_id)
        next_contact = opp_id * ID_BLOCK["contacts"] + len(opp.contacts)  # for `done` below
        for action in plan_opportunity(opp, settings, context, calendar):
            decision = None
            pending = action.satisfied_at is None
            overdue = action.due < NOW - timedelta(days=1)
            if pending and overdue and (closed or rng.random() < 0.6):
                decision = _decide(rng, action, closed)
            elif pending and overdue and rng.random() < 0.12:
                until = NOW + timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 8))
                decision = Decision(
                    action.key, DecisionKind.SNOOZED, NOW - timedelta(hours=2), until=until
                )
            if decision is not None:
                tables["decisions"].append(
                    (
                        decision.key,
                        opp_id,
                        decision.kind.value,
                        ts(decision.at),
                        decision.reason,
                        ts(decision.until) if decision.until else None,
                    )
                )
                if decision.kind is DecisionKind.DONE and action.logs is ContactKind.REQUEST:
                    # `afterview done` logs the request it stands for (no rule reads those)
                    if next_contact >= (opp_id + 1) * ID_BLOCK["contacts"]:
                        raise RuntimeError(f"opportunity {opp_id} needs more contact ids")
                    tables["contacts"].append(
                        (
                            next_contact,
                            opp_id,
                            ts(decision.at),
                            "request",
                            Channel.EMAIL.value,
                            action.person_id,
                            None,
                            None,
                        )
                    )
                    next_contact += 1
            resolved = resolve(action, decision)
            row = to_row(resolved, opp)
            tables["actions"].append(tuple(row.get(c) for c in action_columns()))
            counts["actions"] += 1
            counts[f"state:{resolved.state.value}"] += 1
            if resolved.state in (State.PENDING, State.SNOOZED):
                counts["open"] += 1
        counts["opportunities"] += 1
        counts["open_opportunities"] += 0 if closed else 1
        counts["interviews"] += len(opp.interviews)
        tables["opportunities"].append(
            (
                opp_id,
                opp.company,
                opp.role,
                opp.route.value,
                ts(opp.created_at),
                opp.tz,
                current.value,
                int(closed),
            )
        )
        for name, rows in built.rows.items():
            tables[name].extend(rows)
    return {"tables": tables, "counts": counts}


def _decide(rng: random.Random, action: Any, closed: bool) -> Any:
    """What the candidate did about a step that fell due more than a day ago."""
    from afterview.playbook.actions import Decision, DecisionKind

    done_at = min(action.due + timedelta(minutes=rng.randint(10, 180)), NOW)
    lapses = action.expires is not None and rng.random() < 0.5
    if lapses:
        return None  # let it lapse: the agenda stops showing it once it expires
    if action.logs is not None and action.logs.value != "request":
        # `done` would log a call, thank-you or follow-up, which re-plans; the facts
        # already hold the ones that happened, so what is left was skipped.
        return Decision(action.key, DecisionKind.SKIPPED, done_at, reason=rng.choice(SKIP_REASONS))
    if action.expires is not None:  # a checklist, a brief, a lessons review…
        return Decision(action.key, DecisionKind.DONE, min(done_at, action.expires))
    if rng.random() < 0.8:
        return Decision(action.key, DecisionKind.DONE, done_at)
    return Decision(action.key, DecisionKind.SKIPPED, done_at, reason=rng.choice(SKIP_REASONS))


def to_row(item: Any, opp: Any) -> dict[str, Any]:
    """`services.planning.to_row` as the use cases call it, materialising at NOW.

    Newer versions take the moment of materialisation (a step already moot then is
    stored closed); older ones do not.
    """
    from afterview.services import planning

    if _takes_now():
        return planning.to_row(item, opp, NOW)  # type: ignore[call-arg]
    return planning.to_row(item, opp)


@cache
def _takes_now() -> bool:
    import inspect

    from afterview.services import planning

    return len(inspect.signature(planning.to_row).parameters) >= 3


@cache
def action_columns() -> tuple[str, ...]:
    """The `actions` columns, in table order (from the schema, not restated here)."""
    from afterview.store.repository import ACTION_COLUMNS

    return ACTION_COLUMNS


def shared_facts(n: int, activity: int | None) -> Shared:
    """The earliest debrief (P11) and interview end (P9) over all opportunities.

    Opportunity 1 always debriefs its first round, and ids are chronological, so
    only opportunities created in the first month can hold anything earlier.
    """
    cutoff = START + timedelta(days=30)
    lessons: datetime | None = None
    first: tuple[datetime, str] | None = None
    for opp_id in range(1, n + 1):
        if created_base(opp_id, n, activity) > cutoff:
            break
        built = build(opp_id, n, activity)
        if built.debrief_at is not None and (lessons is None or built.debrief_at < lessons):
            lessons = built.debrief_at
        for i in built.opp.live_interviews:
            if first is None or i.end < first[0]:
                first = (i.end, i.tz)
    return Shared(n, activity, lessons, first)


def search_rows(
    shared: Shared,
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """P9's weekly reminders, closed weekly by the candidate: rows as refresh_search writes."""
    from afterview import config
    from afterview.playbook.actions import Decision, DecisionKind, resolve
    from afterview.playbook.facts import SearchLog
    from afterview.playbook.rules.keep_searching import plan_search
    from afterview.playbook.timing import WorkingCalendar, add_days, holiday_lookup

    cfg = config.load()
    calendar = WorkingCalendar(cfg.settings, holiday_lookup(cfg.settings))
    if shared.first_end is None:
        return [], [], []
    end, tz = shared.first_end
    closes: list[datetime] = []
    due = calendar.next_working_morning(end, tz)
    rng = random.Random(SEED)
    while due < NOW - timedelta(days=2):
        closed = due + timedelta(hours=rng.randint(1, 30))
        closes.append(closed)
        due = add_days(closed, cfg.settings.keep_searching_every_days, tz)
    actions = plan_search(end, SearchLog(tuple(closes)), True, cfg.settings, calendar, tz)
    decided = {
        a.key: Decision(a.key, DecisionKind.DONE, a.satisfied_at)
        for a in actions
        if a.satisfied_at is not None
    }
    action_rows = [
        tuple(to_row(resolve(a, decided.get(a.key)), None).get(c) for c in action_columns())
        for a in actions
    ]
    decisions = [(d.key, None, "done", ts(d.at), None, None) for d in decided.values()]
    log = [(k, ts(c), "done") for k, c in enumerate(closes, start=1)]
    return action_rows, decisions, log


# --- the database ---------------------------------------------------------------------


def generate(
    n: int,
    *,
    activity: int | None = None,
    workers: int | None = None,
    force: bool = False,
    verify: int = 200,
    quiet: bool = False,
) -> Path:
    """Build (or reuse) the database of `n` opportunities; returns its path."""
    path = db_path(n, activity)
    if path.exists() and stats_path(n, activity).exists() and not force:
        return path
    HOME.mkdir(parents=True, exist_ok=True)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(bench_env(saved))  # what the timed runs will see, workers included
    try:
        return _generate(n, activity, path, workers, verify, quiet)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _generate(
    n: int, activity: int | None, path: Path, workers: int | None, verify: int, quiet: bool
) -> Path:
    name = f"{n}" + (f", activity of {activity}" if activity else "")

    def say(text: str) -> None:
        if not quiet:
            print(f"[generate {name}] {text}", file=sys.stderr, flush=True)

    began = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    from afterview.store.engine import connect

    engine = connect(str(partial))  # the real migrations create the schema
    engine.dispose()

    shared = shared_facts(n, activity)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    conn.execute("BEGIN")
    totals: Counter[str] = Counter()
    chunk = max(50, min(1000, n // 40))
    bounds = [(lo, min(lo + chunk, n + 1)) for lo in range(1, n + 1, chunk)]
    workers = workers or os.cpu_count() or 1
    say(f"planning {n} opportunities on {workers} process(es)")
    if workers > 1:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with context.Pool(workers, _init_worker, (shared,)) as pool:
            for result in pool.imap(plan_chunk, bounds):
                _insert(conn, result["tables"])
                totals.update(result["counts"])
                say(f"{totals['opportunities']} done, {time.perf_counter() - began:.0f} s")
    else:
        _init_worker(shared)
        for b in bounds:
            result = plan_chunk(b)
            _insert(conn, result["tables"])
            totals.update(result["counts"])
    actions, decisions, log = search_rows(shared)
    _insert(conn, {"actions": actions, "decisions": decisions, "search_log": log})
    number_steps(conn)
    totals["actions"] += len(actions)
    totals["open"] += sum(1 for row in actions if row[action_columns().index("is_open")])
    _set_meta(conn)
    conn.commit()
    conn.execute("PRAGMA journal_mode=WAL")  # as the application leaves it
    conn.close()

    totals["swept"] = sweep(partial)
    if verify:
        say(f"verifying {verify} opportunities through the real Repository")
        verify_sample(partial, shared, verify)
    stats = _finish(partial, path, shared, totals, time.perf_counter() - began)
    say(f"wrote {path.name} ({stats['bytes'] / 1e6:.0f} MB) in {stats['seconds']:.0f} s")
    return path


def _finish(
    partial: Path, path: Path, shared: Shared, totals: Counter[str], seconds: float
) -> dict[str, Any]:
    """Count, move into place, write the statistics next to it, drop stale versions."""
    for table in ("opportunities", "interviews", "people", "contacts", "debriefs", "decisions"):
        totals[f"rows:{table}"] = _count(partial, table)
    totals.update(agenda_counts(partial))
    os.replace(partial, path)
    stats = {
        "n": shared.n,
        "activity": shared.activity,
        "generator_version": GENERATOR_VERSION,
        "now": AT,
        "seconds": round(seconds, 1),
        "bytes": path.stat().st_size,
        **dict(totals),
    }
    stats_path(shared.n, shared.activity).write_text(
        json.dumps(stats, indent=2, sort_keys=True) + "\n"
    )
    _prune(shared.n, shared.activity, keep=path)
    return stats


def _prune(n: int, activity: int | None, keep: Path) -> None:
    """Drop databases of this size built by an older generator, schema or playbook."""
    for old in OUT.glob(_prefix(n, activity) + "*"):
        if not old.name.startswith((keep.name, keep.with_suffix(".json").name)):
            old.unlink(missing_ok=True)


def sweep(path: Path) -> int:
    """What the end of every write transaction does to the plan, if this version does it.

    (`Repository.close_expired`: steps whose moment has passed leave the open set.)
    """
    from afterview import config
    from afterview.services.app import App
    from afterview.store.repository import Repository

    if not hasattr(Repository, "close_expired"):
        return 0
    app = App(url=f"sqlite:///{path}", config=config.load())
    try:
        with app.engine.begin() as conn:
            return int(Repository(conn).close_expired(NOW.strftime("%Y-%m-%dT%H:%M:%SZ")))
    finally:
        app.close()


def _insert(conn: sqlite3.Connection, tables: dict[str, list[tuple[Any, ...]]]) -> None:
    for name in (*TABLE_ORDER, "actions"):
        rows = tables.get(name)
        if not rows:
            continue
        columns = action_columns() if name == "actions" else COLUMNS[name]
        marks = ", ".join("?" for _ in columns)
        quoted = ", ".join(f'"{c}"' for c in columns)
        conn.executemany(f"INSERT INTO {name} ({quoted}) VALUES ({marks})", rows)


def number_steps(conn: sqlite3.Connection) -> None:
    """Short step ids (schema 0005), one per planned key, as its migration numbers them."""
    if "step_id" not in action_columns():
        return
    conn.execute(
        "INSERT INTO step_ids (key, opportunity_id) SELECT key, opportunity_id "
        "FROM actions ORDER BY is_open DESC, effective_due_utc, key"
    )
    conn.execute(
        "UPDATE actions SET step_id = (SELECT s.id FROM step_ids s WHERE s.key = actions.key)"
    )


def settings_meta() -> dict[str, str]:
    """The meta rows App._replan_if_settings_changed and the light read path compare."""
    from afterview import config, paths
    from afterview.services.app import SETTINGS_KEY, SOURCE_KEY

    cfg = config.load()
    return {
        SETTINGS_KEY: f"{cfg.settings.fingerprint()}:{cfg.timezone}",
        SOURCE_KEY: paths.settings_source_fingerprint(),
    }


def _set_meta(conn: sqlite3.Connection) -> None:
    for key, value in settings_meta().items():
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def read_meta(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def agenda_counts(path: Path) -> dict[str, int]:
    """Open actions in the plan, those not expired at NOW, and those due by NOW."""
    now = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = sqlite3.connect(path)
    try:

        def one(sql: str) -> int:
            return int(conn.execute(sql, {"now": now}).fetchone()[0])

        live = "is_open = 1 AND (expires_utc IS NULL OR expires_utc > :now)"
        return {
            "open_rows": one("SELECT count(*) FROM actions WHERE is_open = 1"),
            "open_live": one(f"SELECT count(*) FROM actions WHERE {live}"),
            "due_now": one(
                f"SELECT count(*) FROM actions WHERE {live} AND effective_due_utc <= :now"
            ),
        }
    finally:
        conn.close()


def verify_sample(path: Path, shared: Shared, size: int) -> None:
    """Re-plan a sample through the real Repository and compare with the bulk load."""
    from dataclasses import replace

    from afterview import config
    from afterview.playbook.actions import resolve
    from afterview.playbook.facts import ContactKind
    from afterview.playbook.plan import plan_opportunity
    from afterview.playbook.status import status
    from afterview.services import planning
    from afterview.services.app import App
    from afterview.store.repository import Repository

    n = shared.n
    rng = random.Random(SEED)
    sample = sorted(set(rng.sample(range(1, n + 1), min(size, n))) | {1, n})
    app = App(url=f"sqlite:///{path}", config=config.load())
    try:
        with app.engine.connect() as conn:
            repo = Repository(conn)
            context = planning.plan_context(app, repo)
            if context != plan_context(shared, app.timezone):
                raise AssertionError(f"plan context differs from the generator's: {context}")
            for opp_id in sample:
                opp = repo.load_opportunity(opp_id)
                logged = tuple(c for c in opp.contacts if c.kind is not ContactKind.REQUEST)
                if replace(opp, contacts=logged) != build(opp_id, n, shared.activity).opp:
                    raise AssertionError(f"opportunity {opp_id} does not load as generated")
                decisions = repo.decisions_for(opp_id)
                rows = [
                    to_row(resolve(a, decisions.get(a.key)), opp)
                    for a in plan_opportunity(opp, app.settings, context, app.calendar)
                ]
                stored = {
                    r["key"]: {k: v for k, v in r.items() if k != "step_id"}
                    for r in repo.actions_for(opp_id)
                }
                fresh = {r["key"]: {**r} for r in rows}
                if stored != fresh:
                    raise AssertionError(f"opportunity {opp_id}: stored plan differs")
                row = repo.get_opportunity_row(opp_id)
                if row["status"] != status(opp, NOW):
                    raise AssertionError(f"opportunity {opp_id}: status differs")
            meta = {k: repo.get_meta(k) for k in settings_meta()}
            if meta != settings_meta():
                raise AssertionError("meta fingerprints differ")
    finally:
        app.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int, help="numbers of opportunities")
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    parser.add_argument("--workers", type=int, help="processes (default: all cores)")
    parser.add_argument("--verify", type=int, default=200, help="opportunities to re-check")
    parser.add_argument(
        "--activity",
        type=int,
        help="recent activity of this many opportunities; the rest is history",
    )
    args = parser.parse_args(argv)
    for n in args.sizes:
        path = generate(
            n, activity=args.activity, workers=args.workers, force=args.force, verify=args.verify
        )
        print(path)
        print(stats_path(n, args.activity).read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
