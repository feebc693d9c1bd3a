"""Turning what a user typed into domain values, with a specific error for each mistake.

Shared by the CLI and the web so both reject the same input with the same words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from afterview.errors import BadInput
from afterview.text_safety import unsafe_character

RELATIVE_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1}
MIN_YEAR, MAX_YEAR = 1900, 2999


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    from zoneinfo import available_timezones

    return frozenset(available_timezones())


def parse_zone(text: str) -> ZoneInfo:
    """An IANA zone (any letter case); a typo gets the closest real names as suggestions.

    A well-formed Region/City name loads directly; only anything else pays for
    listing every zone on disk (~20 ms), which `agenda --at` must not.
    """
    name = text.strip()
    if ("/" in name and not name.startswith(("/", "."))) or name == "UTC":
        try:
            return ZoneInfo(name)
        except (KeyError, ValueError, OSError):  # not a zone: the full check below
            pass
    import difflib

    exact = {z.casefold(): z for z in _zones()}.get(name.casefold())
    if exact is not None:
        return ZoneInfo(exact)
    close = difflib.get_close_matches(name, sorted(_zones()), n=3, cutoff=0.6)
    hint = f" Did you mean {' or '.join(close)}?" if close else " Use a name like Europe/London."
    raise BadInput(f"Unknown time zone {text!r}.{hint}")


def parse_datetime(text: str, tz: str, now: datetime | None = None) -> datetime:
    """An ISO 8601 time; without an offset it is read in `tz`. Also `now`."""
    value = text.strip()
    _readable(text, "time")
    zone = parse_zone(tz)
    if value.lower() == "now":
        return (now or datetime.now(UTC)).astimezone(zone)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(
            f"Cannot read the time {text!r}: use ISO 8601 such as 2026-03-10T14:30 "
            "(optionally with an offset, e.g. +01:00)."
        ) from None
    _check_year(parsed.year, text)
    if parsed.tzinfo is None:
        return _localise(parsed, zone)
    return parsed


def _readable(text: str, what: str) -> None:
    """Python's ISO reader lets a trailing NUL through; no time or date holds one."""
    bad = unsafe_character(text)
    if bad is not None:
        raise BadInput(f"Cannot read the {what} {text!r}: it contains {bad}.")


def _check_year(year: int, text: str) -> None:
    """Plans add days and weeks to what is typed: keep far from datetime's limits."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(f"Cannot use {text!r}: the year must be from {MIN_YEAR} to {MAX_YEAR}.")


def _localise(naive: datetime, zone: ZoneInfo) -> datetime:
    """A typed wall-clock time in `zone`; one the clocks skip is refused, not moved."""
    from afterview.playbook.timing import at_local

    if not _exists(naive, zone):
        raise BadInput(_gap_message(naive, zone))
    return at_local(naive.date(), naive.time(), zone.key)


def _exists(naive: datetime, zone: ZoneInfo) -> bool:
    there = naive.replace(tzinfo=zone)
    return there.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive


def _gap_message(naive: datetime, zone: ZoneInfo) -> str:
    """Which times are missing that night, found by stepping back minute by minute."""
    jump = naive.replace(tzinfo=zone, fold=1).utcoffset() or timedelta(0)
    before = naive.replace(tzinfo=zone, fold=0).utcoffset() or timedelta(0)
    size = abs(before - jump) or timedelta(hours=1)
    first = naive
    while not _exists(first - timedelta(minutes=1), zone) and naive - first < size:
        first -= timedelta(minutes=1)
    after = first + size
    return (
        f"{naive:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks go forward "
        f"from {first:%H:%M} to {after:%H:%M} that night. Use a time before {first:%H:%M} "
        f"or from {after:%H:%M}, or give an offset."
    )


def parse_date(text: str, today: date | None = None) -> date:
    _readable(text, "date")
    value = text.strip().lower()
    if value in RELATIVE_DAYS:
        return (today or date.today()) + timedelta(days=RELATIVE_DAYS[value])
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"Cannot read the date {text!r}: use YYYY-MM-DD, e.g. 2026-03-12.") from None
    _check_year(parsed.year, text)
    return parsed


def parse_email(text: str) -> str:
    """A syntactically valid address (no DNS look-up: this tool works offline)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise BadInput(f"Invalid email address {text!r}: {exc}") from None


def parse_name_and_email(text: str) -> tuple[str, str | None]:
    """`Dana Kim <dana@acme.example>` or just `Dana Kim`."""
    bad = unsafe_character(text)
    if bad is not None:
        raise BadInput(f"Cannot read {text!r}: it contains {bad}.")
    if "<" not in text and "@" not in text:
        name = text.strip()
        if not name:
            raise BadInput('An interviewer needs a name, e.g. "Dana Kim <dana@acme.example>".')
        return name, None
    from email.utils import parseaddr

    name, address = parseaddr(text)
    if not address or "@" not in address:
        raise BadInput(f'Cannot read {text!r}: write "Name <email>".')
    if not name.strip():
        raise BadInput(f'{text!r} has an email but no name: write "Name <email>".')
    return name.strip(), parse_email(address)


def parse_score(value: int, what: str) -> int:
    if not 1 <= value <= 5:
        raise BadInput(f"{what} must be a score from 1 to 5, not {value}.")
    return value


def require_text(value: str | None, what: str, max_length: int = 500) -> str:
    text = (value or "").strip()
    if not text:
        raise BadInput(f"{what} must not be empty.")
    if len(text) > max_length:
        raise BadInput(f"{what} is too long ({len(text)} characters; at most {max_length}).")
    bad = unsafe_character(text)
    if bad == "a line break":
        raise BadInput(f"{what} must be a single line.")
    if bad is not None:
        raise BadInput(f"{what} must not contain {bad}.")
    return text


def utc_now() -> datetime:
    """The adapters' clock; services and the playbook always take `now` as an argument."""
    return datetime.now(UTC)
