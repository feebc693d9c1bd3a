"""Mail passwords: from the environment or the OS keyring, never from the database.

The environment wins (`AFTERVIEW_SMTP_PASSWORD`, `AFTERVIEW_IMAP_PASSWORD`) so cron
jobs and containers without a keyring work; otherwise the keyring entry of service
"afterview", user "smtp:USER@HOST" (or "imap:…") is read. The keyring backend is
whatever `keyring` finds (Secret Service, KWallet, macOS Keychain, Windows
Credential Locker), or the one `PYTHON_KEYRING_BACKEND` names.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

from afterview.errors import BadInput

if TYPE_CHECKING:
    from afterview.services.mail_settings import Server

SERVICE = "afterview"
KINDS = ("smtp", "imap")


class PasswordSource(Protocol):
    """Where sending and syncing find a password other than this machine's keyring:
    on the agency server, the candidate's own, kept encrypted (server.mail_secrets)."""

    def password(self, kind: str, server: Server) -> str | None: ...

    def missing(self, kind: str, server: Server) -> str:
        """What to tell the person when `password` found none."""
        ...


def env_name(kind: str) -> str:
    return f"AFTERVIEW_{kind.upper()}_PASSWORD"


def entry_name(kind: str, server: Server) -> str:
    return f"{kind}:{server.user or ''}@{server.host}"


def password(kind: str, server: Server) -> str | None:
    """The password for this server, or None when neither place has one."""
    _check_kind(kind)
    from_env = os.environ.get(env_name(kind))
    if from_env:
        return from_env
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, entry_name(kind, server))
    except KeyringError:  # no backend on this machine: only the environment can help
        return None


def store_password(kind: str, server: Server, secret: str) -> str:
    """Keep the password in the OS keyring; returns the backend's name for the user."""
    _check_kind(kind)
    if not secret:
        raise BadInput("An empty password was not stored.")
    if any(c in secret for c in "\r\n\0"):
        raise BadInput("A password cannot contain a line break.")
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, entry_name(kind, server), secret)
    except KeyringError:
        raise BadInput(
            f"No keyring is available on this machine; set {env_name(kind)} in the "
            "environment of the commands that send or sync instead."
        ) from None
    return type(keyring.get_keyring()).__name__


def forget_password(kind: str, server: Server) -> bool:
    _check_kind(kind)
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, entry_name(kind, server))
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise BadInput(f"The keyring could not be reached: {exc}") from None
    return True


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be smtp or imap, not {kind!r}")
