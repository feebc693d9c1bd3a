"""A bounded fuzz run of the invitation and vCard readers (hypothesis): real files from the
interop corpus, mutated at random, and calendars and cards made up from random values.
Whatever comes in, the reader either reads it or raises BadInput with one clean line —
never another exception, never a message carrying control characters. The service
imports are run on a smaller share, on a real SQLite file, with the same promise.

Derandomised, so a run is repeatable; about 20 s in all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.errors import BadInput
from afterview.integrations.invites import parse_invitation
from afterview.integrations.vcards import parse_vcards
from afterview.services.invites import NewOpportunity, import_invite
from afterview.services.vcards import import_vcards
from afterview.text_safety import unsafe_character

from .helpers import ME
from .interop_corpus import CORPUS, NOW, fresh_app

ICS = sorted(p for p in (CORPUS / "ics").rglob("*") if p.is_file())
VCF = sorted(p for p in (CORPUS / "vcf").rglob("*") if p.is_file())
FUZZ = settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(FUZZ, max_examples=60)
NASTY = ["\x1b]52;c;ZXZpbA==\x07", "\x00", "\u202e", "\x9b2J", "\r", "\n ", ";", ":", ",",
         '"', "\\", "=", "=0D=0A", "\ufeff", "é", "\U0001f600", "Z", "-", "+", "T",
         "99999999"]  # fmt: skip


def has_unsafe(text: str) -> bool:
    """A control character, escape or bidi override; a line break too (one-line fields)."""
    return unsafe_character(text) is not None


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


@st.composite
def mutated(draw: st.DrawFn, files: list[Path]) -> bytes:
    """A corpus file with a few line- and byte-level changes."""
    lines = lines_of(draw(st.sampled_from(files)))
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["drop", "twice", "swap", "cut", "insert", "byte"]))
        if kind == "drop":
            del lines[at]
        elif kind == "twice":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "cut":
            lines = lines[:at]
        elif kind == "insert":
            where = draw(st.integers(0, len(lines[at])))
            piece = draw(st.sampled_from(NASTY) | st.text(max_size=12)).encode("utf-8")
            lines[at] = lines[at][:where] + piece + lines[at][where:]
        else:
            where = draw(st.integers(0, max(0, len(lines[at]) - 1)))
            byte = bytes([draw(st.integers(0, 255))])
            lines[at] = lines[at][:where] + byte + lines[at][where + 1 :]
    return b"".join(lines)


def values() -> st.SearchStrategy[str]:
    return (
        st.sampled_from(NASTY)
        | st.text(max_size=30)
        | st.from_regex(r"\d{8}(T\d{6}Z?)?", fullmatch=True)
    )


@st.composite
def made_up_calendar(draw: st.DrawFn) -> bytes:
    names = ["UID", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "DTSTAMP", "RECURRENCE-ID",
             "ORGANIZER", "ATTENDEE", "SUMMARY", "LOCATION", "RRULE", "STATUS"]  # fmt: skip
    params = ["", ";TZID=Europe/Berlin", ";VALUE=DATE", ";TZID=Custom", ';CN="x"', ";TZID="]
    events = []
    for _ in range(draw(st.integers(0, 3))):
        props = [
            f"{draw(st.sampled_from(names))}{draw(st.sampled_from(params))}:{draw(values())}"
            for _ in range(draw(st.integers(0, 8)))
        ]
        events.append("BEGIN:VEVENT\r\n" + "\r\n".join(props) + "\r\nEND:VEVENT\r\n")
    method = draw(st.sampled_from(["", "METHOD:REQUEST\r\n", "METHOD:CANCEL\r\n", "METHOD:X\r\n"]))
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + method + "".join(events) + "END:VCALENDAR\r\n"
    return text.encode("utf-8", "surrogatepass")


@st.composite
def made_up_cards(draw: st.DrawFn) -> bytes:
    names = ["FN", "N", "EMAIL", "TEL", "TITLE", "ORG", "PROFILE", "item1.TEL", "item1.X-ABLabel"]
    params = ["", ";TYPE=WORK", ";TYPE=CELL,pref", ";PREF=1", ";ENCODING=QUOTED-PRINTABLE",
              ";CHARSET=x-unknown;ENCODING=QUOTED-PRINTABLE", ";VALUE=uri"]  # fmt: skip
    cards = []
    for _ in range(draw(st.integers(1, 3))):
        version = draw(st.sampled_from(["2.1", "3.0", "4.0"]))
        props = [
            f"{draw(st.sampled_from(names))}{draw(st.sampled_from(params))}:{draw(values())}"
            for _ in range(draw(st.integers(0, 8)))
        ]
        cards.append(
            f"BEGIN:VCARD\r\nVERSION:{version}\r\n" + "\r\n".join(props) + "\r\nEND:VCARD\r\n"
        )
    return "".join(cards).encode("utf-8", "surrogatepass")


def reads_or_refuses_cleanly(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except BadInput as error:
        assert error.message and "\n" not in error.message and not has_unsafe(error.message)
        return None


def _invite(data: bytes) -> Any:
    return reads_or_refuses_cleanly(lambda: parse_invitation(data, default_zone="Europe/London"))


def _cards(data: bytes) -> Any:
    return reads_or_refuses_cleanly(lambda: parse_vcards(data))


@FUZZ
@given(mutated(ICS) | made_up_calendar())
def test_the_invitation_reader_reads_or_refuses(data: bytes) -> None:
    invite = _invite(data)
    if invite is not None:
        texts = [invite.summary or "", invite.location or "", invite.uid]
        texts += [p.display_name for p in invite.people]
        assert not any(has_unsafe(text) for text in texts)
        if invite.start is not None and invite.end is not None:
            assert invite.start < invite.end


@FUZZ
@given(mutated(VCF) | made_up_cards())
def test_the_vcard_reader_reads_or_refuses(data: bytes) -> None:
    found = _cards(data)
    if found is not None:
        cards, _ = found
        for card in cards:
            texts = [card.name or "", card.title or "", *card.emails, *card.phones]
            assert not any(has_unsafe(text) for text in texts)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FEW
@given(data=mutated(ICS) | made_up_calendar(), cards=mutated(VCF) | made_up_cards())
def test_the_service_imports_write_or_refuse(folder: Path, data: bytes, cards: bytes) -> None:
    app = fresh_app(folder, "fuzz")
    try:
        create = NewOpportunity("Fuzz", "Engineer")
        imported = reads_or_refuses_cleanly(
            lambda: import_invite(app, data, now=NOW, own_emails=(ME,), create=create)
        )
        if imported is not None:
            assert imported.start < imported.end
        reads_or_refuses_cleanly(lambda: import_vcards(app, cards, 1, now=NOW))
    finally:
        app.close()
