"""Every *(setting)* of PLAYBOOK.md, declared once.

The declaration carries a description and the rule it serves, so the same spec
validates user configuration, generates the configuration reference in the docs,
and fingerprints the settings a materialised plan was computed with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from datetime import date, time

from afterview.playbook import THANK_YOU_MAX_WORDS

# `afterview check` starts without importing typing (~3 ms); mypy reads this block.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _meta(rule: str, description: str) -> dict[str, str]:
    return {"rule": rule, "description": description}


@dataclass(frozen=True)
class Settings:
    recruiter_call_within_hours: float = field(
        default=2.0,
        metadata=_meta("P1", "Hours after the interview's end by which to call the recruiter."),
    )
    checklist_lead_minutes: int = field(
        default=60,
        metadata=_meta("P2", "Minutes before an interview to show the ask-before-you-leave list."),
    )
    debrief_within_hours: float = field(
        default=1.0, metadata=_meta("P4", "Hours after the interview's end to write the debrief.")
    )
    stale_after_days: int = field(
        default=7,
        metadata=_meta(
            "P4",
            "Days after which an undone debrief (and call, details request, thank-you: "
            "P1, P3, P5) is moot: it leaves the agenda and counts as missed.",
        ),
    )
    morning_cutoff: time = field(
        default=time(12, 0),
        metadata=_meta(
            "P5", "Interviews starting before this local time are thanked the same day."
        ),
    )
    thank_you_to: str = field(
        default="each",
        metadata=_meta(
            "P5", "Thank each interviewer ('each') or only the hiring manager ('hiring-manager')."
        ),
    )
    thank_you_max_words: int = field(
        default=THANK_YOU_MAX_WORDS,
        metadata=_meta("P5", "Warn when a thank-you email's body is longer."),
    )
    working_days: tuple[str, ...] = field(
        default=("mon", "tue", "wed", "thu", "fri"),
        metadata=_meta("timing", "Working days, as three-letter English day names."),
    )
    working_day_start: time = field(
        default=time(9, 0), metadata=_meta("timing", "When a working morning starts (local).")
    )
    working_day_end: time = field(
        default=time(17, 30), metadata=_meta("timing", "When a working day ends (local).")
    )
    holiday_country: str = field(
        default="",
        metadata=_meta(
            "timing", "ISO country code whose public holidays are not working days (e.g. GB)."
        ),
    )
    holiday_subdivision: str = field(
        default="", metadata=_meta("timing", "Region of that country, e.g. SCT or NY.")
    )
    holidays: tuple[date, ...] = field(
        default=(), metadata=_meta("timing", "Further non-working dates (ISO dates).")
    )
    timeline_check_days: int = field(
        default=1,
        metadata=_meta("P6", "Days after an interview to chase a missing hiring timeline."),
    )
    reflection_after_days: int = field(
        default=2, metadata=_meta("P7", "Days after an interview to reflect on fit.")
    )
    first_follow_up_days: int = field(
        default=7,
        metadata=_meta("P8", "Days after the thank-you for the first follow-up, with no date."),
    )
    follow_up_guard_days: int = field(
        default=7,
        metadata=_meta("P8", "Never two follow-ups of one opportunity within this many days."),
    )
    max_unanswered_follow_ups: int = field(
        default=3,
        metadata=_meta("P8", "After this many unanswered follow-ups, suggest closing instead."),
    )
    resume_after_reply_days: int = field(
        default=14,
        metadata=_meta(
            "P8",
            "Beyond: a reply without a new timeline pauses follow-ups this many days "
            "(0 pauses them until a new timeline is recorded).",
        ),
    )
    keep_searching_every_days: int = field(
        default=7, metadata=_meta("P9", "Days between two keep-searching reminders.")
    )
    brief_before_hours: int = field(
        default=24,
        metadata=_meta("P10", "Hours before a further round to prepare with its brief."),
    )
    offer_reply_within_days: int = field(
        default=2, metadata=_meta("P12", "Working days to answer an offer.")
    )

    def fingerprint(self) -> str:
        """A short hash that changes whenever any setting changes."""
        import hashlib  # here, not at the top: `afterview check` reads settings, never this
        import json

        blob = json.dumps(to_plain(self), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def is_working_weekday(self, weekday: int) -> bool:
        return WEEKDAYS[weekday] in self.working_days


class SettingsError(ValueError):
    """A setting has a value the playbook cannot use."""


def to_plain(settings: Settings) -> dict[str, Any]:
    """Settings as TOML/JSON-friendly values."""
    out: dict[str, Any] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if isinstance(value, time):
            value = value.strftime("%H:%M")
        elif isinstance(value, tuple):
            value = [v.isoformat() if isinstance(v, date) else v for v in value]
        out[f.name] = value
    return out


@dataclass(frozen=True)
class Problem:
    """One stored setting that cannot be used, and why (it falls back to its default)."""

    name: str
    message: str


def from_plain(values: dict[str, Any], base: Settings | None = None) -> Settings:
    """Build settings from user-supplied values, with a specific error for each bad one.

    For values being set (the CLI, the web form): the first problem refuses them all.
    """
    settings, problems = read_plain(values, base)
    if problems:
        raise SettingsError(problems[0].message)
    return settings


def read_plain(
    values: dict[str, Any], base: Settings | None = None, *, holidays: bool = True
) -> tuple[Settings, list[Problem]]:
    """Settings from stored values, each bad one replaced by its default and reported.

    A setting saved by an older version, edited by hand or given in the environment
    must never stop a command (`outbox run` included): the caller warns and goes on.
    """
    base = base or Settings()
    known = {f.name: f for f in fields(Settings)}
    changes: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, raw in values.items():
        key = name.replace("-", "_")
        if key not in known:
            message = f"unknown setting {name!r}; known: {', '.join(sorted(known))}"
            problems.append(Problem(name, message))
            continue
        try:
            changes[key] = _coerce(key, getattr(base, key), raw)
        except SettingsError as exc:
            problems.append(Problem(key, str(exc)))
    settings = replace(base, **changes)
    for names, message in _invalid(settings, holidays=holidays):
        problems.append(Problem(names[0], message))
        settings = replace(settings, **{n: getattr(DEFAULTS, n) for n in names})
    return settings, problems


def _coerce(name: str, default: Any, raw: Any) -> Any:
    try:
        if isinstance(default, bool):
            return _to_bool(raw)
        if isinstance(default, int):
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError("expected a whole number")  # int() would silently truncate
            return int(raw)
        if isinstance(default, float):
            number = float(raw)
            if not math.isfinite(number):  # nan passes every check, then breaks timedelta
                raise ValueError("expected a finite number")
            return number
        if isinstance(default, time):
            return time.fromisoformat(str(raw))
        if isinstance(default, str):
            return str(raw)
        if isinstance(default, tuple):
            items = raw.split(",") if isinstance(raw, str) else list(raw)
            items = [str(i).strip() for i in items if str(i).strip()]
            if name == "holidays":
                return tuple(date.fromisoformat(i) for i in items)
            return tuple(i.lower()[:3] for i in items)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {name}: cannot use {raw!r} ({exc})") from None
    raise SettingsError(f"setting {name}: unsupported value {raw!r}")


def _to_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true or false")


# Bounds that keep every due time meaningful (and far from datetime's limits).
MAXIMUM: dict[str, float] = {
    "recruiter_call_within_hours": 24,
    "checklist_lead_minutes": 24 * 60,
    "debrief_within_hours": 72,
    "stale_after_days": 90,
    "thank_you_max_words": 1000,
    "timeline_check_days": 60,
    "reflection_after_days": 60,
    "first_follow_up_days": 90,
    "follow_up_guard_days": 90,
    "max_unanswered_follow_ups": 20,
    "resume_after_reply_days": 365,
    "keep_searching_every_days": 90,
    "brief_before_hours": 14 * 24,
    "offer_reply_within_days": 30,
}
POSITIVE = (
    "stale_after_days",
    "first_follow_up_days",
    "follow_up_guard_days",
    "max_unanswered_follow_ups",
    "keep_searching_every_days",
    "thank_you_max_words",
)


def _invalid(s: Settings, *, holidays: bool = True) -> list[tuple[tuple[str, ...], str]]:
    """Each problem with the settings it resets: (names, message)."""
    found: list[tuple[tuple[str, ...], str]] = []
    bad = [d for d in s.working_days if d not in WEEKDAYS]
    if bad or not s.working_days:
        found.append(
            (
                ("working_days",),
                f"working_days: {bad or 'empty'} not understood; use {', '.join(WEEKDAYS)}",
            )
        )
    if s.thank_you_to not in {"each", "hiring-manager"}:
        found.append((("thank_you_to",), "thank_you_to must be 'each' or 'hiring-manager'"))
    if s.working_day_start >= s.working_day_end:
        found.append(
            (
                ("working_day_start", "working_day_end"),
                "working_day_start must be before working_day_end",
            )
        )
    for name, most in MAXIMUM.items():
        value = getattr(s, name)
        least = 1 if name in POSITIVE else 0
        if value < least:
            rule = "be at least 1" if least else "not be negative"
            found.append(((name,), f"{name} must {rule}"))
        elif value > most:
            found.append(((name,), f"{name} must be at most {most:g}"))
    if holidays and (s.holiday_country or s.holiday_subdivision):
        problem = _holiday_problem(s.holiday_country, s.holiday_subdivision)
        if problem:
            found.append((("holiday_country", "holiday_subdivision"), problem))
    return found


def _holiday_problem(country: str, subdivision: str) -> str | None:
    """Whether the `holidays` package knows the country (and region); None when it does."""
    if not country:
        return "holiday_subdivision needs holiday_country (e.g. holiday_country=GB)"
    from afterview.playbook.timing import holiday_calendar

    try:
        holiday_calendar(country, subdivision)
    except SettingsError as exc:
        return str(exc)
    return None


DEFAULTS = Settings()
