"""Business cards (.vcf) read into plain `Card`s: name, title, organisation, emails, phones.

P3 asks for every interviewer's contact details, and a card is the best source: a
card scanned or shared on a phone arrives as a vCard. Phones, Outlook and Google
each export their own dialect: vCard 2.1 with bare parameters (TEL;CELL;PREF),
quoted-printable values in a CHARSET and soft line breaks (Android, old Outlook);
3.0 with grouped properties (iPhone's item1.EMAIL with item1.X-ABLabel); 4.0 with
PREF=1 and tel: URIs. `vobject` reads the structure (parameters, escapes, N and
ORG); what it gets wrong — quoted-printable soft breaks, charsets it cannot decode,
2.1 photos — is put right before it sees the text.

Pure: no database. A file that is not a vCard at all is a `BadInput`; one bad card
among good ones is skipped with a note.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from afterview.errors import BadInput
from afterview.integrations import check_size
from afterview.text_safety import clean_text

DROPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})  # large, binary, and not needed
# PROFILE:VCARD (vCard 3.0's optional self-description, which Lotus Notes and Exchange
# write) makes vobject refuse the whole card; it says nothing about the person.
IGNORED = DROPPED | {"PROFILE"}
# Read as written, not through vobject, which cuts a value at an unescaped comma (Gmail
# writes FN:Mr. John Richter, James Doe Sr.) as if it were a list.
TEXT_PROPERTIES = frozenset({"FN", "TITLE", "ROLE"})
NAME_SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "mba", "msc", "bsc", "ma", "ba", "dds",
     "cpa", "pe", "rn", "obe", "mbe", "cbe", "qc", "kc"}
)  # fmt: skip
MAX_NAME = 200
CARD_SPAN = re.compile(r"^BEGIN:VCARD\s*$.*?^END:VCARD\s*$", re.I | re.M | re.S)
APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")


@dataclass(frozen=True)
class Card:
    name: str | None
    title: str | None
    organisation: str | None
    emails: tuple[str, ...]  # the best first: work, then preferred, home last
    phones: tuple[str, ...]  # the best first: work, then mobile, then preferred; no fax/pager
    version: str | None = None

    @property
    def email(self) -> str | None:
        return self.emails[0] if self.emails else None

    @property
    def phone(self) -> str | None:
        return self.phones[0] if self.phones else None


def parse_vcards(data: bytes) -> tuple[list[Card], list[str]]:
    """Every card in the file, in order, and a note for each one that had to be skipped."""
    check_size(data, "vCard file")
    text = clean_text(_text(data), multiline=True)  # no escape sequence reaches any field
    spans = CARD_SPAN.findall(text)
    if not spans:
        raise BadInput("This is not a vCard file: it holds no card (BEGIN:VCARD … END:VCARD).")
    cards: list[Card] = []
    notes: list[str] = []
    for number, span in enumerate(spans, start=1):
        try:
            card = _read_card(span, notes, number)
        except BadInput as exc:
            notes.append(f"Card {number} skipped: {exc.message}")
            continue
        if card.name is None and not card.emails:
            notes.append(f"Card {number} skipped: it gives neither a name nor an email address.")
            continue
        cards.append(card)
    if not cards:
        raise BadInput(f"No card in the file could be used. {' '.join(notes)}".strip())
    return cards, notes


# --- text ------------------------------------------------------------------------------


def _text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows exports UTF-16 with a BOM
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadInput("The vCard file claims UTF-16 but cannot be read as such.") from None
    if b"\x00" in data:
        raise BadInput("The file is binary data, not a vCard (.vcf).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # 2.1 exports from Windows default to its code page
        return data.decode("cp1252", errors="replace")


def _logical_lines(card: str) -> list[str]:
    """Unfold the card: folded lines, and quoted-printable soft line breaks ("=" at the end)."""
    lines: list[str] = []
    soft_break = False
    for line in card.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if soft_break:
            lines[-1] = lines[-1][:-1] + line
        elif lines and line[:1] in (" ", "\t"):
            lines[-1] += line[1:]
        elif line.strip():
            lines.append(line)
        soft_break = bool(lines) and lines[-1].endswith("=") and _is_qp(lines[-1])
    return lines


def _clean(card: str, notes: list[str], number: int) -> str:
    """The card as text vobject reads reliably: QP decoded, binary blobs and junk dropped."""
    out: list[str] = []
    for line in _logical_lines(card):
        head, sep, value = _split(line)
        if not sep:
            continue  # a stray line (2.1 base64 without folding): not a property
        name = head.split(";", 1)[0].split(".")[-1].upper()
        if name in IGNORED:
            continue
        if _is_qp(line):
            head, value = _decode_qp(head, value, notes, number)
        out.append(f"{head}:{value}")
    return "\r\n".join(out) + "\r\n"


def _split(line: str) -> tuple[str, str, str]:
    """Name-and-parameters, ':', value — the first colon outside double quotes."""
    quoted = False
    for index, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:index], ":", line[index + 1 :]
    return line, "", ""


def _is_qp(line: str) -> bool:
    head = _split(line)[0]
    return "QUOTED-PRINTABLE" in head.upper()


def _decode_qp(head: str, value: str, notes: list[str], number: int) -> tuple[str, str]:
    params = head.split(";")
    charset = "utf-8"
    kept = [params[0]]
    for param in params[1:]:
        key, _, val = param.partition("=")
        if key.upper() == "CHARSET":
            charset = val.strip('"') or charset
        elif param.upper() not in {"QUOTED-PRINTABLE", "ENCODING=QUOTED-PRINTABLE"}:
            kept.append(param)
    raw = quopri.decodestring(value.encode("utf-8"))
    text = None
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            text = raw.decode(candidate)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    if text is None:
        text = raw.decode("latin-1")
        notes.append(f"Card {number}: a value in an unknown character set was read as Latin-1.")
    escaped = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return ";".join(kept), escaped


# --- cards -------------------------------------------------------------------------------


def _read_card(span: str, notes: list[str], number: int) -> Card:
    import vobject

    text = _clean(span, notes, number)
    written = _written_text(text)
    try:
        component = vobject.readOne(text, ignoreUnreadable=True)
    except Exception as exc:  # vobject on untrusted input: anything can come
        raise BadInput(f"it cannot be read ({_first_line(exc)})") from None
    lines = [child for child in component.getChildren() if hasattr(child, "value")]
    labels = {
        line.group: str(line.value)
        for line in lines
        if line.group and line.name.upper() == "X-ABLABEL"
    }
    by_name: dict[str, list[Any]] = {}
    for line in lines:
        by_name.setdefault(line.name.upper(), []).append(line)
    emails = _ranked(by_name.get("EMAIL", []), labels, _email_score, _email_value)
    valid = []
    for address in emails:
        checked = _checked_email(address)
        if checked is None:
            notes.append(f"Card {number}: {address!r} is not an email address; left out.")
        elif checked not in valid:
            valid.append(checked)
    phones = _ranked(by_name.get("TEL", []), labels, _phone_score, _phone_value)
    return Card(
        name=_name(by_name, written.get("FN")),
        title=_bounded(written.get("TITLE", "")) or _bounded(written.get("ROLE", "")),
        organisation=_organisation(by_name.get("ORG")),
        emails=tuple(valid),
        phones=tuple(dict.fromkeys(phones)),
        version=_single(by_name.get("VERSION")),
    )


def _written_text(card: str) -> dict[str, str]:
    """FN, TITLE and ROLE as written (the first of each), with vCard escapes undone."""
    found: dict[str, str] = {}
    for line in card.split("\r\n"):
        head, sep, value = _split(line)
        name = head.split(";", 1)[0].split(".")[-1].upper()
        if sep and name in TEXT_PROPERTIES and name not in found and value.strip():
            found[name] = _unescape(value)
    return found


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\,;:nN])", lambda m: " " if m.group(1) in "nN" else m.group(1), value)


def _name(by_name: dict[str, list[Any]], written: str | None) -> str | None:
    structured = by_name.get("N")
    value = structured[0].value if structured else None
    full = _bounded(written or "")
    if full:
        return _in_reading_order(full, value)
    if value is None:
        return None
    parts = [getattr(value, key, "") for key in ("prefix", "given", "additional", "family")]
    words = " ".join(_flatten(parts)).split()
    return _bounded(" ".join(words)) if words else None


def _in_reading_order(full: str, structured: Any) -> str:
    """ "Dartmouth, Greg" (a "file as" name, family first) → "Greg Dartmouth".

    The greeting takes the first name from the front (P5: "Dear Greg,"), so a name
    stored family-first would greet the family name. N says which part is which;
    without N, "Word, Word" is turned round only when the second part is not a suffix
    ("Smith, Jr." stays).
    """
    family_part, comma, given_part = full.partition(",")
    if not comma or "," in given_part or not family_part.strip() or not given_part.strip():
        return full
    family_part, given_part = family_part.strip(), given_part.strip()
    if structured is not None:
        family = " ".join(_flatten([getattr(structured, "family", "")])).strip()
        given = " ".join(_flatten([getattr(structured, "given", "")])).strip()
        if family and given and _same(family_part, family) and _same_start(given_part, given):
            return f"{given_part} {family_part}"
        return full
    simple = all(0 < len(p.split()) <= 2 and "." not in p for p in (family_part, given_part))
    if simple and given_part.strip(".").casefold() not in NAME_SUFFIXES:
        return f"{given_part} {family_part}"
    return full


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _same_start(text: str, given: str) -> bool:
    first, wanted = text.split(maxsplit=1), given.split(maxsplit=1)
    return bool(first and wanted) and _same(first[0], wanted[0])


def _organisation(lines: list[Any] | None) -> str | None:
    if not lines:
        return None
    value = lines[0].value
    parts = [p for p in _flatten([value]) if p.strip()]
    return _bounded(parts[0]) if parts else None


def _single(lines: list[Any] | None) -> str | None:
    if not lines:
        return None
    return _bounded(" ".join(_flatten([lines[0].value]))) or None


def _flatten(values: Iterable[Any]) -> list[str]:
    flat: list[str] = []
    for value in values:
        if isinstance(value, list | tuple):
            flat.extend(_flatten(value))
        elif value is not None:
            flat.append(str(value))
    return flat


def _bounded(text: str) -> str | None:
    """One line of the card's text, without control characters or escape sequences."""
    one_line = " ".join(clean_text(text).split())
    return one_line[:MAX_NAME] or None


def _kinds(line: Any, labels: dict[str, str]) -> set[str]:
    """TYPE values however they were written (TYPE=a,b; TYPE=a;TYPE=b; bare 2.1 a;b)."""
    kinds: set[str] = set()
    for value in line.params.get("TYPE", []) + list(getattr(line, "singletonparams", [])):
        kinds.update(v.strip().strip('"').upper() for v in str(value).split(","))
    if any(str(p).strip() == "1" for p in line.params.get("PREF", [])):
        kinds.add("PREF")
    label = labels.get(line.group) if line.group else None
    if label:
        apple = APPLE_LABEL.fullmatch(label.strip())
        kinds.add((apple.group(1) if apple else label).strip().upper())
    return kinds


def _email_score(kinds: set[str]) -> tuple[int, ...] | None:
    """Work first, then preferred; home last."""
    return ("WORK" not in kinds, "PREF" not in kinds, "HOME" in kinds)  # False sorts first


def _phone_score(kinds: set[str]) -> tuple[int, ...] | None:
    """Work first, then mobile, then preferred, home last; never a fax or pager.

    Categories in that order, the preferred number first within one: a rank, not a
    sum, so iPhone's mobile marked preferred (TYPE=CELL,pref) never outranks a work
    number, and of two work numbers the one marked PREF=1 comes first.
    """
    if kinds & {"FAX", "PAGER"}:
        return None
    if "WORK" in kinds:
        category = 0
    elif kinds & {"CELL", "MOBILE", "IPHONE"}:
        category = 1
    elif "PREF" in kinds:
        category = 2
    else:
        category = 4 if "HOME" in kinds else 3
    return (category, "PREF" not in kinds)


def _ranked(lines: list[Any], labels: dict[str, str], score: Any, value: Any) -> list[str]:
    scored = []
    for position, line in enumerate(lines):
        rank = score(_kinds(line, labels))
        text = value(str(line.value))
        if text and rank is not None:
            scored.append((rank, position, text))
    return [text for _, _, text in sorted(scored)]


def _email_value(raw: str) -> str:
    text = clean_text(raw).strip()
    return text[7:].strip() if text.lower().startswith("mailto:") else text


def _phone_value(raw: str) -> str:
    """The number as written, with its extension; "" for a value without a digit."""
    text = clean_text(raw).strip()
    if text.lower().startswith("tel:"):  # RFC 3966: tel:+1-418-656-9254;ext=102
        number, *params = text[4:].split(";")
        extension = next((p[4:] for p in params if p.lower().startswith("ext=")), "")
        text = f"{number} ext. {extension}" if extension else number
    if not any(ch.isdigit() for ch in text):
        return ""  # "BusinessPhone": a placeholder, not a number
    return " ".join(text.split())[:60]


def _checked_email(address: str) -> str | None:
    from afterview.parsing import parse_email

    try:
        return parse_email(address)
    except BadInput:
        return None


def _first_line(error: object) -> str:
    lines = clean_text(str(error), multiline=True).strip().splitlines()
    return (lines[0] if lines else type(error).__name__)[:200]
