"""A real SMTP server in the test process (aiosmtpd on 127.0.0.1, a free port).

`MailServer` is the handler: it records what it received and can be told how to
answer — a scripted 4xx/5xx to RCPT or DATA, a connection dropped after the whole
message arrived, or a DATA held open until the test releases it (to make two runs
overlap for certain, without sleeping). `serving(...)` runs it, plain, with
STARTTLS, with implicit TLS or with AUTH; `closed_port()` gives a port nobody
listens on. Certificates come from trustme: a throwaway CA whose PEM file is
handed to the client through AFTERVIEW_SMTP_CAFILE or `cafile=`.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from afterview.services.mail_settings import Server

USER = "sam@example.org"
PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Received:
    """One message the server accepted (or received in full before dropping the line)."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = BytesParser(policy=policy.default).parsebytes(self.content)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class MailServer:
    """The aiosmtpd handler; its lists are appended to from the server's thread."""

    received: list[Received] = field(default_factory=list)
    rcpt_answers: list[str] = field(default_factory=list)  # answered first, in order
    data_answers: list[str] = field(default_factory=list)
    drop_after_data: int = 0  # this many DATA: receive it all, then close without a word
    hold: threading.Event | None = None  # DATA waits for it (set by the test)
    holding: threading.Event = field(default_factory=threading.Event)  # DATA is waiting
    data_attempts: int = 0
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(  # aiosmtpd's hook names
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.rcpt_answers:
            return self.rcpt_answers.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.data_attempts += 1
        if self.hold is not None:
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.hold.wait, 60)
        if self.data_answers:
            return self.data_answers.pop(0)
        content = envelope.original_content or envelope.content
        self.received.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), content))
        if self.drop_after_data:
            self.drop_after_data -= 1
            server.transport.abort()  # the message is here; the client never hears so
        return f"250 2.0.0 Ok: queued as Q{len(self.received)}"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == USER
            and auth_data.password.decode() == PASSWORD
        )
        if ok:
            self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)


@dataclass(frozen=True)
class Running:
    handler: MailServer
    port: int
    security: str
    cafile: str | None

    def server(self, user: str | None = None) -> Server:
        return Server(host="127.0.0.1", port=self.port, security=self.security, user=user)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def closed_port() -> int:
    """A port on which nothing listens: connecting is refused at once."""
    return free_port()


@dataclass
class Certificates:
    cafile: Path
    server_context: ssl.SSLContext


def certificates(folder: Path) -> Certificates:
    """A throwaway CA and a certificate for 127.0.0.1 signed by it."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    cafile = folder / "test-ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    return Certificates(cafile, context)


@contextmanager
def serving(
    handler: MailServer | None = None,
    *,
    security: str = "none",
    certs: Certificates | None = None,
    auth: bool = False,
) -> Iterator[Running]:
    """Run `handler` on 127.0.0.1 until the block ends (releasing any held DATA first)."""
    handler = handler or MailServer()
    kwargs: dict[str, Any] = {}
    if security != "none":
        assert certs is not None, "TLS needs certificates(tmp_path)"
    if security == "starttls":
        assert certs is not None
        kwargs |= {"tls_context": certs.server_context, "require_starttls": True}
    elif security == "tls":
        assert certs is not None
        kwargs["ssl_context"] = certs.server_context
    if auth:
        kwargs |= {
            "authenticator": handler.authenticate,
            "auth_required": True,
            "auth_require_tls": security != "none",
        }
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield Running(handler, port, security, str(certs.cafile) if certs else None)
    finally:
        if handler.hold is not None:
            handler.hold.set()
        controller.stop()
