"""Hand one finished message to an SMTP server and say, precisely, what became of it.

No database here: the outbox (`services/outbox.py`) decides what to do with the
outcome. What matters for sending at most once is *where* a transaction stopped:

- before the message content was offered (connect, TLS, login, MAIL, RCPT, the
  DATA command itself), nothing can have been delivered, so trying again later is
  safe: a 4xx or a broken connection is **temporary** / **connection**;
- once the content started to flow (after the server's 354), a broken connection
  or a timeout leaves the server's decision unknown: **uncertain**. The server may
  well have accepted the message, so it must never be sent again without a person
  deciding;
- an explicit answer is always trusted: 2xx **accepted**, 4xx **temporary**, 5xx
  **permanent** (with the server's code and words).

Timeouts are explicit (every blocking socket operation), TLS verifies certificates
and the host name by default; a private CA can be given as a file (the
`AFTERVIEW_SMTP_CAFILE` environment variable, or `cafile=`).
"""

from __future__ import annotations

import contextlib
import os
import re
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import getaddresses
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from afterview.services.mail_settings import Server

DEFAULT_TIMEOUT = 30.0  # seconds, for each blocking operation (connect, each reply)
CAFILE_ENV = "AFTERVIEW_SMTP_CAFILE"


class Outcome(Enum):
    ACCEPTED = "accepted"  # the server took responsibility for the message (2xx after DATA)
    TEMPORARY = "temporary"  # 4xx: nothing delivered; try again later
    PERMANENT = "permanent"  # 5xx: nothing delivered; trying again will not help
    CONNECTION = "connection"  # refused, timeout, TLS, disconnect before the content
    UNCERTAIN = "uncertain"  # broke off after the content was sent: maybe delivered


class Stage(Enum):
    """How far the SMTP transaction got; the outbox uses it to stop a run early."""

    CONNECT = "connect"  # TCP, the greeting, EHLO
    TLS = "tls"  # STARTTLS or the implicit TLS handshake
    AUTH = "auth"  # login
    ENVELOPE = "envelope"  # MAIL FROM, RCPT TO, the DATA command
    CONTENT = "content"  # the message was being sent, or its final reply awaited
    DONE = "done"


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    stage: Stage
    detail: str  # the server's reply ("250 2.0.0 Ok: queued as …") or what broke
    code: int | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED

    @property
    def before_message(self) -> bool:
        """The problem is the server's or the account's, not this message's."""
        return self.stage in (Stage.CONNECT, Stage.TLS, Stage.AUTH)


class HeaderInjection(ValueError):
    """A header or an address holds a line break: refused before anything is sent."""


def send(
    message: bytes | EmailMessage,
    server: Server,
    password: str | None = None,
    *,
    sender: str | None = None,
    recipients: Sequence[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    cafile: str | None = None,
    local_hostname: str | None = None,
) -> SendResult:
    """Send `message` through `server` in one SMTP transaction; never raises for SMTP
    or network trouble (only `HeaderInjection` for a message that must not leave).

    The envelope defaults to the message's From and To/Cc/Bcc. A message some of
    whose recipients are refused is not sent at all (RSET): all or nothing.
    """
    data = _as_bytes(message)
    envelope_from, envelope_to = _envelope(data, sender, recipients)
    progress = _Progress()
    client: smtplib.SMTP | None = None
    try:
        client = _open(server, password, timeout, cafile, local_hostname, progress)
        progress.stage = Stage.ENVELOPE
        return _transaction(client, envelope_from, envelope_to, data)
    except _Stop as stop:
        return stop.result
    except smtplib.SMTPResponseException as exc:  # greeting, EHLO, STARTTLS, AUTH answers
        return _answer(exc.smtp_code, exc.smtp_error, progress.stage)
    except ssl.SSLError as exc:
        return SendResult(Outcome.CONNECTION, Stage.TLS, f"TLS failed: {_text(exc)}")
    except smtplib.SMTPServerDisconnected as exc:
        return SendResult(Outcome.CONNECTION, progress.stage, _text(exc) or "disconnected")
    except smtplib.SMTPException as exc:  # no AUTH offered, no login method both sides know
        return SendResult(Outcome.PERMANENT, progress.stage, _text(exc) or type(exc).__name__)
    except OSError as exc:  # refused, timeout, unreachable, unknown host
        return SendResult(Outcome.CONNECTION, progress.stage, _text(exc) or type(exc).__name__)
    finally:
        if client is not None:
            _close(client)


def tls_context(cafile: str | None = None) -> ssl.SSLContext:
    """Certificates and host names verified; `cafile` (or AFTERVIEW_SMTP_CAFILE) adds a CA."""
    return ssl.create_default_context(cafile=ca_file(cafile))


def ca_file(cafile: str | None = None) -> str | None:
    """The extra CA file in force: the argument, else AFTERVIEW_SMTP_CAFILE, else none."""
    return cafile or os.environ.get(CAFILE_ENV) or None


def check_header(value: str, what: str) -> str:
    """Refuse CR, LF and NUL in anything that becomes a header line or an SMTP command."""
    if any(ch in value for ch in "\r\n\x00"):
        raise HeaderInjection(f"{what} contains a line break: refused (header injection).")
    return value


# --- the transaction --------------------------------------------------------------


@dataclass
class _Progress:
    stage: Stage = Stage.CONNECT


class _Stop(Exception):
    """Ends the transaction early with a result decided on the way."""

    def __init__(self, result: SendResult) -> None:
        super().__init__(result.detail)
        self.result = result


def _open(
    server: Server,
    password: str | None,
    timeout: float,
    cafile: str | None,
    local_hostname: str | None,
    progress: _Progress,
) -> smtplib.SMTP:
    """Connected, encrypted as configured, logged in: ready for MAIL FROM."""
    context = tls_context(cafile) if server.security != "none" else None
    if server.security == "tls":
        progress.stage = Stage.TLS
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            server.host, server.port, local_hostname, timeout=timeout, context=context
        )
    else:
        client = smtplib.SMTP(server.host, server.port, local_hostname, timeout=timeout)
    try:
        client.ehlo()
        if server.security == "starttls":
            progress.stage = Stage.TLS
            if not client.has_extn("starttls"):
                raise _Stop(
                    SendResult(
                        Outcome.CONNECTION,
                        Stage.TLS,
                        f"{server.host} does not offer STARTTLS: nothing is sent in clear "
                        "text (set --smtp-security tls, or none if that is really meant).",
                    )
                )
            client.starttls(context=context)
            client.ehlo()
        if server.user:
            progress.stage = Stage.AUTH
            if password is None:
                raise _Stop(SendResult(Outcome.PERMANENT, Stage.AUTH, "no SMTP password"))
            client.login(server.user, password)
    except BaseException:
        _close(client)
        raise
    return client


def _transaction(
    client: smtplib.SMTP, sender: str, recipients: list[str], data: bytes
) -> SendResult:
    options = ["BODY=8BITMIME"] if _eight_bit(data) and client.has_extn("8bitmime") else []
    if _eight_bit(data) and not options:
        data = seven_bit(data)
    code, reply = client.mail(sender, options)
    if code != 250:
        return _answer(code, reply, Stage.ENVELOPE, reset=client)
    refused: list[tuple[int, bytes]] = []
    for rcpt in recipients:
        code, reply = client.rcpt(rcpt)
        if code not in (250, 251):
            refused.append((code, reply))
    if refused:  # all or nothing: the worst answer decides (a 4xx may pass later)
        code, reply = min(refused, key=lambda r: (r[0] // 100 != 4, r[0]))
        return _answer(code, reply, Stage.ENVELOPE, reset=client)
    client.putcmd("data")
    code, reply = client.getreply()
    if code != 354:
        return _answer(code, reply, Stage.ENVELOPE, reset=client)
    # From here on the server may receive the whole message: any break is uncertain.
    try:
        client.send(_dot_stuffed(data))
        code, reply = client.getreply()
    except (OSError, smtplib.SMTPException) as exc:
        return _uncertain(exc)
    if code == -1 or not 200 <= code < 600:
        return SendResult(
            Outcome.UNCERTAIN, Stage.CONTENT, f"unreadable reply after the message: {reply!r}"
        )
    return _answer(code, reply, Stage.DONE if 200 <= code < 300 else Stage.CONTENT)


def _answer(
    code: int, reply: bytes | str, stage: Stage, reset: smtplib.SMTP | None = None
) -> SendResult:
    detail = f"{code} {_decode(reply)}".strip()
    if reset is not None:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            reset.rset()
    if 200 <= code < 300:
        return SendResult(Outcome.ACCEPTED, stage, detail, code)
    if 500 <= code < 600:
        return SendResult(Outcome.PERMANENT, stage, detail, code)
    return SendResult(Outcome.TEMPORARY, stage, detail, code)


def _uncertain(exc: BaseException) -> SendResult:
    why = _text(exc) or type(exc).__name__
    return SendResult(
        Outcome.UNCERTAIN,
        Stage.CONTENT,
        f"the connection broke after the message was sent, before the server's answer ({why})",
    )


def _close(client: smtplib.SMTP) -> None:
    """QUIT politely; a failing QUIT changes nothing about what was already answered."""
    try:
        if client.sock is not None:
            client.quit()
    except (OSError, smtplib.SMTPException):
        pass
    finally:
        client.close()


# --- the message ----------------------------------------------------------------------


def _as_bytes(message: bytes | EmailMessage) -> bytes:
    if isinstance(message, EmailMessage):
        return message.as_bytes(policy=SMTP_POLICY)
    return re.sub(rb"\r\n|\r|\n", b"\r\n", message)


def _envelope(
    data: bytes, sender: str | None, recipients: Sequence[str] | None
) -> tuple[str, list[str]]:
    """The envelope: given, else read from the headers; no line breaks either way."""
    from email.parser import BytesHeaderParser

    headers = BytesHeaderParser(policy=SMTP_POLICY).parsebytes(data)
    if sender is None:
        found = getaddresses([str(v) for v in headers.get_all("From", [])])
        sender = found[0][1] if found else ""
    if recipients is None:
        fields = [str(v) for name in ("To", "Cc", "Bcc") for v in headers.get_all(name, [])]
        recipients = [address for _, address in getaddresses(fields) if address]
    if not sender:
        raise HeaderInjection("The message has no From address.")
    if not recipients:
        raise HeaderInjection("The message has no recipient.")
    check_header(sender, "The sender's address")
    for rcpt in recipients:
        check_header(rcpt, "A recipient's address")
    return sender, list(recipients)


def _eight_bit(data: bytes) -> bool:
    return any(byte > 0x7F for byte in data)


def seven_bit(data: bytes) -> bytes:
    """The same message with a quoted-printable body, for a server without 8BITMIME."""
    from email.parser import BytesParser

    message = BytesParser(policy=SMTP_POLICY).parsebytes(data)
    assert isinstance(message, EmailMessage)
    if message.is_multipart():
        return data  # our messages are single-part; leave anything else as it is
    text = message.get_content()
    message.set_content(text, charset="utf-8", cte="quoted-printable")
    return message.as_bytes(policy=SMTP_POLICY)


def _dot_stuffed(data: bytes) -> bytes:
    """RFC 5321 §4.5.2: a leading dot doubled, and the closing CRLF.CRLF."""
    body = re.sub(rb"(?m)^\.", b"..", data)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return body + b".\r\n"


def _decode(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return " ".join(text.split())


def _text(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_decode(exc.smtp_error)}"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    return " ".join(str(exc).split())
