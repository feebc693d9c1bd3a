"""Where mail goes out (SMTP) and comes in (IMAP): host, port, security, user.

Passwords are not settings: they live in the OS keyring or an environment variable
(`integrations/secrets.py`), so a backup or a copied database never carries them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from afterview.errors import BadInput
from afterview.services.app import App

SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {
    ("smtp", "starttls"): 587,
    ("smtp", "tls"): 465,
    ("smtp", "none"): 25,
    ("imap", "starttls"): 143,
    ("imap", "tls"): 993,
    ("imap", "none"): 143,
}
# A host name or an IP literal: letters, digits, dots, hyphens, colons (IPv6), brackets.
HOST_SHAPE = re.compile(r"^[A-Za-z0-9.\-:\[\]]{1,253}$")
FIELDS = ("host", "port", "security", "user")


@dataclass(frozen=True, slots=True)
class Server:
    """One mail server as the candidate's account reaches it."""

    host: str
    port: int
    security: str
    user: str | None

    def describe(self) -> str:
        who = f", user {self.user}" if self.user else ""
        return f"{self.host}:{self.port} ({self.security}{who})"


@dataclass(frozen=True, slots=True)
class MailSettings:
    smtp: Server | None
    imap: Server | None
    imap_mailbox: str = "INBOX"


def load(app: App, now: datetime | None = None) -> MailSettings:
    from afterview.parsing import utc_now
    from afterview.store.settings_store import get_mail_settings

    with app.transaction(now or utc_now()) as repo:
        row = get_mail_settings(repo.conn)
    return _settings(row)


def require_smtp(app: App, now: datetime | None = None) -> Server:
    server = load(app, now).smtp
    if server is None:
        raise BadInput(
            "No SMTP server is set: afterview mail set --smtp-host smtp.example.org "
            "--smtp-user you@example.org (then: afterview mail password smtp)."
        )
    return server


def require_imap(app: App, now: datetime | None = None) -> Server:
    server = load(app, now).imap
    if server is None:
        raise BadInput(
            "No IMAP server is set: afterview mail set --imap-host imap.example.org "
            "--imap-user you@example.org (then: afterview mail password imap)."
        )
    return server


def save(app: App, *, now: datetime, **changes: Any) -> MailSettings:
    """Change only what is given (`smtp_host`, `imap_port`, …); "" clears a field.

    Validated as a whole before anything is written; a port left unset follows the
    security (587 for STARTTLS, 465 for TLS, …).
    """
    from afterview.store.settings_store import get_mail_settings, put_mail_settings

    allowed = {f"{kind}_{name}" for kind in ("smtp", "imap") for name in FIELDS}
    allowed.add("imap_mailbox")
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"unknown mail settings: {sorted(unknown)}")
    given = {k: v for k, v in changes.items() if v is not None}
    with app.transaction(now) as repo:
        current = dict(get_mail_settings(repo.conn) or {})
        values = {k: current.get(k) for k in sorted(allowed)}
        for key, value in given.items():
            values[key] = _clean(key, value)
        for kind in ("smtp", "imap"):
            values[f"{kind}_security"] = values[f"{kind}_security"] or (
                "starttls" if kind == "smtp" else "tls"
            )
        values["imap_mailbox"] = values["imap_mailbox"] or "INBOX"
        put_mail_settings(repo.conn, values)
    return _settings(values)


def _clean(key: str, value: Any) -> Any:
    option = "--" + key.replace("_", "-")
    text = str(value).strip()
    if text == "":
        return None
    if any(c in text for c in "\r\n\0"):
        raise BadInput(f"{option} must be one line.")
    if key.endswith("_host"):
        if not HOST_SHAPE.match(text):
            raise BadInput(f"{option}: {text!r} is not a host name.")
        return text.lower()
    if key.endswith("_port"):
        try:
            port = int(text)
        except ValueError:
            raise BadInput(f"{option} must be a number, not {text!r}.") from None
        if not 1 <= port <= 65535:
            raise BadInput(f"{option} must be from 1 to 65535, not {port}.")
        return port
    if key.endswith("_security"):
        if text.lower() not in SECURITY:
            raise BadInput(f"{option} must be one of {', '.join(SECURITY)}, not {text!r}.")
        return text.lower()
    if key == "imap_mailbox":
        if len(text) > 200:
            raise BadInput(f"{option} is too long.")
        return text
    if len(text) > 254:  # user
        raise BadInput(f"{option} is too long.")
    return text


def _settings(row: Any) -> MailSettings:
    if row is None:
        return MailSettings(None, None)
    return MailSettings(
        smtp=_server(row, "smtp"),
        imap=_server(row, "imap"),
        imap_mailbox=row["imap_mailbox"] or "INBOX",
    )


def _server(row: Any, kind: str) -> Server | None:
    host = row[f"{kind}_host"]
    if not host:
        return None
    security = row[f"{kind}_security"] or ("starttls" if kind == "smtp" else "tls")
    port = row[f"{kind}_port"] or DEFAULT_PORTS[(kind, security)]
    return Server(host=host, port=int(port), security=security, user=row[f"{kind}_user"])
