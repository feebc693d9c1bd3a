"""Read new mail from the candidate's IMAP mailbox: headers, and a snippet of the few that matter.

Built on the standard library's `imaplib` rather than imap-tools: sync needs the
UIDVALIDITY of the very EXAMINE it reads under, partial body fetches
(`BODY.PEEK[TEXT]<0.N>`) for a snippet of only the mails that match, and its own
error messages; imap-tools fetches whole messages or headers only and wraps the
errors this module must translate. Only its modified UTF-7 codec is used.

Nothing on the server changes: the mailbox is opened with EXAMINE (read-only) and
bodies are read with BODY.PEEK, so no flag (\\Seen included) is ever set; the mail
client owns them. Bodies of mails that match no opportunity are never read.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import imaplib
import os
import re
import socket
import ssl
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from typing import TYPE_CHECKING

from afterview.errors import AfterviewError
from afterview.integrations.reply_match import MailHeaders, message_ids, normalise_id

if TYPE_CHECKING:
    from afterview.services.mail_settings import Server

DEFAULT_TIMEOUT = 30.0  # seconds, for the connection and for every answer after it
CAFILE_ENV = "AFTERVIEW_IMAP_CAFILE"
BATCH = 200  # UIDs per FETCH command
SNIPPET_BYTES = 4096  # of a body, at most, for a snippet
SNIPPET_CHARS = 280
HEADER_FIELDS = (
    "MESSAGE-ID", "IN-REPLY-TO", "REFERENCES", "FROM", "TO", "SUBJECT", "DATE",
    "AUTO-SUBMITTED", "X-AUTOREPLY", "X-AUTORESPOND", "X-AUTORESPONDER", "PRECEDENCE",
    "LIST-ID", "LIST-UNSUBSCRIBE", "CONTENT-TYPE", "CONTENT-TRANSFER-ENCODING",
)  # fmt: skip
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_RECORD_START = re.compile(rb"^\s*\d+ \(")
_UID = re.compile(rb"\bUID (\d+)")
_INTERNALDATE = re.compile(
    rb'INTERNALDATE "(\d{1,2})-(\w{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)"'
)
_QUOTE_START = re.compile(r"^(on .{3,200} wrote:|-{3,}\s*original message\s*-{3,}|from:\s)", re.I)


class MailFetchError(AfterviewError):
    """The mailbox could not be read (connection, certificate, login, mailbox)."""

    http_status = 502


@dataclass(frozen=True)
class FetchRequest:
    """What to read: the server, and what the previous sync saw of this mailbox."""

    server: Server
    password: str
    mailbox: str = "INBOX"
    uidvalidity: int | None = None  # None: never read
    last_uid: int = 0
    since: date | None = None  # on a read from the start, skip mail that arrived before
    cafile: str | None = None
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class FetchedMail:
    uid: int
    headers: MailHeaders
    received: datetime | None  # the server's INTERNALDATE
    snippet: str | None = None  # None: the body was not read

    @property
    def at(self) -> datetime | None:
        """When it was written: its Date, else when the server received it."""
        return self.headers.date or self.received

    def stable_id(self, mailbox: str) -> str:
        """Its Message-ID; without one, an id made from what identifies it.

        Not from the UID: after a UIDVALIDITY change the same mail has another UID,
        and must not be recorded twice.
        """
        if self.headers.message_id:
            return self.headers.message_id
        h = self.headers
        parts = (mailbox, h.from_email or "", h.subject, h.date.isoformat() if h.date else "")
        fallback = "" if h.date else (self.received.isoformat() if self.received else "")
        digest = hashlib.sha256("\0".join((*parts, fallback)).encode()).hexdigest()[:40]
        return f"<{digest}@afterview.invalid>"


@dataclass(frozen=True)
class Fetched:
    mailbox: str
    uidvalidity: int
    restarted: bool  # read from the start: first time, or the server renumbered
    last_uid: int  # the highest UID now accounted for
    mails: tuple[FetchedMail, ...]


Wanted = Callable[[MailHeaders, datetime | None], bool]
Fetcher = Callable[[FetchRequest, Wanted], Fetched]


def fetch_new(request: FetchRequest, wanted: Wanted) -> Fetched:
    """Read the mails that arrived since the last sync; bodies only of those `wanted`."""
    conn = connect(request)
    try:
        return _read(conn, request, wanted)
    except imaplib.IMAP4.error as exc:
        raise MailFetchError(
            f"The IMAP server {request.server.host} answered unexpectedly: {_text(exc)}"
        ) from None
    except (OSError, EOFError) as exc:
        raise MailFetchError(
            f"The connection to {request.server.host} broke while reading: {_why(exc)}"
        ) from None
    finally:
        _close(conn)


def connect(request: FetchRequest) -> imaplib.IMAP4:
    """An authenticated connection, with TLS verified as the security setting asks."""
    server = request.server
    where = f"{server.host}:{server.port}"
    try:
        conn = _open(server, request.cafile, request.timeout)
    except ssl.SSLCertVerificationError as exc:
        raise MailFetchError(
            f"The certificate of {where} could not be verified ({exc.verify_message}). If "
            f"your server uses its own certificate authority, set {CAFILE_ENV} to its file."
        ) from None
    except ssl.SSLError as exc:
        raise MailFetchError(
            f"TLS with {where} failed ({exc.reason or exc}); check the port and security "
            "(tls is usually port 993, starttls port 143)."
        ) from None
    except TimeoutError:
        raise MailFetchError(
            f"No answer from {where} within {request.timeout:g} seconds."
        ) from None
    except socket.gaierror:
        raise MailFetchError(f"Unknown host {server.host!r}; check the IMAP host.") from None
    except ConnectionRefusedError:
        raise MailFetchError(
            f"{where} refused the connection; check the IMAP host and port."
        ) from None
    except OSError as exc:
        raise MailFetchError(f"Cannot connect to {where}: {_why(exc)}.") from None
    except imaplib.IMAP4.error as exc:  # STARTTLS refused, or a greeting that is not IMAP
        raise MailFetchError(f"{where} did not behave as an IMAP server: {_text(exc)}") from None
    try:
        _login(conn, server.user or "", request.password)
    except imaplib.IMAP4.error as exc:
        _close(conn)
        raise MailFetchError(
            f"The IMAP server refused the login of {server.user or '(no user)'}: {_text(exc)}. "
            "Check the user (afterview mail set --imap-user) and the password "
            "(afterview mail password imap, or AFTERVIEW_IMAP_PASSWORD)."
        ) from None
    except (OSError, EOFError) as exc:
        _close(conn)
        raise MailFetchError(f"The connection to {where} broke at login: {_why(exc)}") from None
    return conn


def tls_context(cafile: str | None = None) -> ssl.SSLContext:
    """Certificates verified against the system's authorities, or the given file's."""
    path = cafile or os.environ.get(CAFILE_ENV) or None
    if path and not os.path.isfile(path):
        raise MailFetchError(f"The CA file {path} does not exist ({CAFILE_ENV}).")
    return ssl.create_default_context(cafile=path)


def _open(server: Server, cafile: str | None, timeout: float) -> imaplib.IMAP4:
    if server.security == "tls":
        return imaplib.IMAP4_SSL(
            server.host, server.port, ssl_context=tls_context(cafile), timeout=timeout
        )
    conn = imaplib.IMAP4(server.host, server.port, timeout=timeout)
    if server.security == "starttls":
        try:
            conn.starttls(ssl_context=tls_context(cafile))
        except BaseException:
            _close(conn)
            raise
    return conn


def _login(conn: imaplib.IMAP4, user: str, password: str) -> None:
    if (user + password).isascii():
        conn.login(user, password)
        return
    # LOGIN is ASCII-only in imaplib; AUTHENTICATE PLAIN carries UTF-8 (RFC 4616).
    secret = f"\0{user}\0{password}".encode()
    conn.authenticate("PLAIN", lambda _challenge: secret)


def _read(conn: imaplib.IMAP4, request: FetchRequest, wanted: Wanted) -> Fetched:
    typ, data = conn.select(quote_mailbox(request.mailbox), readonly=True)  # EXAMINE
    if typ != "OK":
        raise MailFetchError(
            f"The mailbox {request.mailbox!r} does not exist on {request.server.host} "
            f"({_text(data)}); set another with afterview mail set --imap-mailbox NAME."
        )
    uidvalidity = _response_number(conn, "UIDVALIDITY")
    if uidvalidity is None:
        raise MailFetchError(f"{request.server.host} gave no UIDVALIDITY for {request.mailbox!r}.")
    uidnext = _response_number(conn, "UIDNEXT")
    restarted = request.uidvalidity != uidvalidity
    after = 0 if restarted else request.last_uid
    criteria = ["UID", f"{after + 1}:*"]
    if restarted and request.since is not None:
        criteria += ["SINCE", imap_date(request.since)]
    typ, data = conn.uid("SEARCH", *criteria)
    _ok(typ, data, "SEARCH")
    # `n:*` always includes the last message, even when its UID is below n.
    uids = sorted(int(u) for u in b" ".join(d for d in data if d).split() if int(u) > after)
    mails = [m for chunk in _chunks(uids) for m in _headers(conn, chunk)]
    wanted_uids = [m.uid for m in mails if wanted(m.headers, m.received)]
    snippets = dict(s for chunk in _chunks(wanted_uids) for s in _snippets(conn, chunk, mails))
    highest = max([after, *uids, (uidnext - 1) if uidnext else 0])
    return Fetched(
        mailbox=request.mailbox,
        uidvalidity=uidvalidity,
        restarted=restarted,
        last_uid=highest,
        mails=tuple(FetchedMail(m.uid, m.headers, m.received, snippets.get(m.uid)) for m in mails),
    )


def _headers(conn: imaplib.IMAP4, uids: list[int]) -> list[FetchedMail]:
    fields = " ".join(HEADER_FIELDS)
    typ, data = conn.uid(
        "FETCH", _uid_set(uids), f"(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS ({fields})])"
    )
    _ok(typ, data, "FETCH")
    mails = []
    for meta, literal in _records(data):
        uid = _UID.search(meta)
        if uid is None:
            continue
        mails.append(FetchedMail(int(uid.group(1)), parse_headers(literal), _internaldate(meta)))
    return sorted(mails, key=lambda m: m.uid)


def _snippets(
    conn: imaplib.IMAP4, uids: list[int], mails: list[FetchedMail]
) -> Iterator[tuple[int, str]]:
    by_uid = {m.uid: m for m in mails}
    typ, data = conn.uid("FETCH", _uid_set(uids), f"(UID BODY.PEEK[TEXT]<0.{SNIPPET_BYTES}>)")
    _ok(typ, data, "FETCH")
    for meta, literal in _records(data):
        uid = _UID.search(meta)
        mail = by_uid.get(int(uid.group(1))) if uid else None
        if mail is not None:
            yield mail.uid, snippet(mail.headers, literal)


def _records(data: Iterable[object]) -> Iterator[tuple[bytes, bytes]]:
    """(metadata, literal) per message of a FETCH answer as imaplib splits it.

    imaplib gives `(b'1 (UID 5 … {42}', literal)` tuples, then bytes such as `b')'`
    or `b' UID 5)'` (a server may put UID after the literal): all are metadata.
    """
    meta, literal = b"", b""
    started = False
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            head, body = item
            if _RECORD_START.match(head) and started:
                yield meta, literal
                meta, literal = b"", b""
            started = True
            meta += head
            literal += body if isinstance(body, bytes) else b""
        elif isinstance(item, bytes):
            if _RECORD_START.match(item) and started:  # a message without a literal
                yield meta, literal
                meta, literal = b"", b""
            started = True
            meta += item
    if started:
        yield meta, literal


def parse_headers(raw: bytes) -> MailHeaders:
    """The headers sync reads, decoded (RFC 2047) and normalised; never raises."""
    msg = BytesHeaderParser(policy=compat32).parsebytes(raw)
    sender = _addresses(msg, "From")
    return MailHeaders(
        message_id=normalise_id(_raw(msg, "Message-ID")),
        in_reply_to=message_ids(_raw(msg, "In-Reply-To")),
        references=message_ids(_raw(msg, "References")),
        from_email=sender[0][1] if sender else None,
        from_name=(sender[0][0] or None) if sender else None,
        subject=_decoded(msg, "Subject"),
        date=_date(_raw(msg, "Date")),
        auto_submitted=_raw(msg, "Auto-Submitted"),
        autoreply_header=any(
            msg.get(h) is not None for h in ("X-Autoreply", "X-Autorespond", "X-Autoresponder")
        ),
        precedence=_raw(msg, "Precedence"),
        list_id=_raw(msg, "List-Id"),
        list_unsubscribe=msg.get("List-Unsubscribe") is not None,
        content_type=_raw(msg, "Content-Type"),
        transfer_encoding=_raw(msg, "Content-Transfer-Encoding"),
    )


def snippet(headers: MailHeaders, body: bytes, limit: int = SNIPPET_CHARS) -> str:
    """The first words the sender wrote: plain text (else HTML without tags), quoted
    lines and the quoted original dropped, whitespace collapsed, at most `limit` chars."""
    head = f"Content-Type: {headers.content_type or 'text/plain'}\r\n".encode()
    if headers.transfer_encoding:
        head += f"Content-Transfer-Encoding: {headers.transfer_encoding}\r\n".encode()
    try:
        msg = message_from_bytes(head + b"\r\n" + body, policy=compat32)
        text = _text_of(msg)
    except Exception:  # a truncated, malformed body: no snippet rather than no sync
        return ""
    return _shorten(_unquoted(text), limit)


def quote_mailbox(name: str) -> str:
    """A mailbox name as IMAP wants it: modified UTF-7 (RFC 3501 §5.1.3), quoted."""
    from imap_tools.imap_utf7 import utf7_encode

    encoded = utf7_encode(name).decode("ascii")
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'


def imap_date(day: date) -> str:
    """`1-Mar-2026`: IMAP's date, in English whatever the locale."""
    return f"{day.day}-{MONTHS[day.month - 1]}-{day.year}"


# --- helpers -------------------------------------------------------------------------


def _text_of(msg: Message) -> str:
    plain: Message | None = None
    html_part: Message | None = None
    for part in msg.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = part
        elif kind == "text/html" and html_part is None:
            html_part = part
    chosen = plain or html_part
    if chosen is None:
        return ""
    payload = chosen.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = chosen.get_content_charset() or "utf-8"
    try:
        text = payload.decode(charset, errors="replace")
    except LookupError:
        text = payload.decode("utf-8", errors="replace")
    if chosen is html_part:
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"(?s)<[^>]*>", " ", text))
    return text


def _unquoted(text: str) -> str:
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        if _QUOTE_START.match(stripped):
            break
        if stripped in ("--", "-- "):
            break
        lines.append(stripped)
    return " ".join(lines)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _raw(msg: Message, name: str) -> str | None:
    value = msg.get(name)
    if value is None:
        return None
    return " ".join(str(value).split()) or None


def _decoded(msg: Message, name: str) -> str:
    value = msg.get(name)
    if value is None:
        return ""
    try:
        text = str(make_header(decode_header(str(value))))
    except (UnicodeError, LookupError, ValueError):
        text = str(value)
    return " ".join(text.split())


def _addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    values = msg.get_all(name) or []
    try:
        decoded = [str(make_header(decode_header(str(v)))) for v in values]
    except (UnicodeError, LookupError, ValueError):
        decoded = [str(v) for v in values]
    return [(" ".join(n.split()), a.strip().lower()) for n, a in getaddresses(decoded) if "@" in a]


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # "-0000": the zone is unknown; RFC 5322 says read it as UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _internaldate(meta: bytes) -> datetime | None:
    found = _INTERNALDATE.search(meta)
    if found is None:
        return None
    day, month, year, hh, mm, ss, sign, oh, om = (g.decode() for g in found.groups())
    if month not in MONTHS:
        return None
    offset = timedelta(hours=int(oh), minutes=int(om)) * (-1 if sign == "-" else 1)
    local = datetime(
        int(year), MONTHS.index(month) + 1, int(day), int(hh), int(mm), int(ss),
        tzinfo=timezone(offset),
    )  # fmt: skip
    return local.astimezone(UTC)


def _response_number(conn: imaplib.IMAP4, code: str) -> int | None:
    _, data = conn.response(code)
    for item in data or []:
        if isinstance(item, bytes) and item.strip().isdigit():
            return int(item)
    return None


def _chunks(uids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(uids), BATCH):
        yield uids[start : start + BATCH]


def _uid_set(uids: list[int]) -> str:
    return ",".join(str(u) for u in uids)


def _ok(typ: str, data: object, command: str) -> None:
    if typ != "OK":
        raise MailFetchError(f"The IMAP server refused {command}: {_text(data)}")


def _text(value: object) -> str:
    """A server's words, for a message: bytes decoded, lists joined, brackets dropped."""
    if isinstance(value, imaplib.IMAP4.error):
        value = value.args[0] if value.args else str(value)
    if isinstance(value, list | tuple):
        value = b" ".join(v for v in value if isinstance(v, bytes)) or " ".join(map(str, value))
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value).strip()
    text = re.sub(r"\s*\(\d+\.\d+ \+ [^)]*secs\)\.?", "", text)  # Dovecot's timings
    return text.rstrip(".") or "no reason given"


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _close(conn: imaplib.IMAP4 | None) -> None:
    """Log out politely; a broken connection is just closed."""
    if conn is None:
        return
    try:
        conn.logout()
    except (imaplib.IMAP4.error, OSError, EOFError):
        with contextlib.suppress(OSError):
            conn.shutdown()
