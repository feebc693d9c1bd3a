"""A candidate's mail passwords on the agency server: encrypted in the shared schema.

The single-user app keeps them in the OS keyring (`integrations.secrets`); a server
has no keyring per candidate, so each password is stored AES-GCM-encrypted with
the server's key (`server_key`), bound to the account, the kind and the server it
was typed for. It is decrypted only by the worker, just before it talks to that
server, and is never shown back: the page only says whether one is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert

from afterview.errors import BadInput
from afterview.integrations.secrets import entry_name
from afterview.server import tables as t

if TYPE_CHECKING:
    from afterview.server.server_key import ServerKey
    from afterview.server.store import ServerStore
    from afterview.services.mail_settings import Server

KINDS = ("smtp", "imap")
MAX_LENGTH = 1024
NO_KEY = (
    "This server has no key to keep mail passwords with: its administrator starts it "
    "with AFTERVIEW_SERVER_KEY or --key-file (`afterview server init` makes one)."
)


def _context(user_id: int, kind: str, entry: str) -> bytes:
    """Associated data: a ciphertext copied to another account or server fails."""
    return f"afterview-mail-password\0{user_id}\0{kind}\0{entry}".encode()


@dataclass(frozen=True)
class AccountPasswords:
    """One candidate's passwords: what the web page keeps and the worker reads.

    Serves as the `passwords` source of `outbox.run` and `sync.sync`, and as the
    Mail & calendar page's keeper (`web.pages.connections`)."""

    store: ServerStore
    key: ServerKey | None
    user_id: int
    agency_id: int

    where = (
        "A password typed here is kept encrypted on the agency's server, used only to "
        "reach the server named above, and never shown again; use an app password "
        "where your provider offers one."
    )

    def keep(self, kind: str, server: Server, secret: str, now: datetime | None = None) -> str:
        _check(kind)
        if self.key is None:
            raise BadInput(NO_KEY)
        if not secret:
            raise BadInput("An empty password was not stored.")
        if any(c in secret for c in "\r\n\0"):
            raise BadInput("A password cannot contain a line break.")
        if len(secret) > MAX_LENGTH:
            raise BadInput(f"A password longer than {MAX_LENGTH} characters was not stored.")
        entry = entry_name(kind, server)
        sealed = self.key.encrypt(secret, _context(self.user_id, kind, entry))
        values = {
            "entry": entry,
            "key_id": self.key.key_id,
            "ciphertext": sealed,
            "updated_at": now or datetime.now(UTC),
        }
        with self.store.agency(self.agency_id) as conn:
            conn.execute(
                insert(t.mail_passwords)
                .values(user_id=self.user_id, kind=kind, agency_id=self.agency_id, **values)
                .on_conflict_do_update(index_elements=["user_id", "kind"], set_=values)
            )
        return "kept encrypted on the server"

    def forget(self, kind: str) -> bool:
        _check(kind)
        p = t.mail_passwords.c
        with self.store.agency(self.agency_id) as conn:
            gone = conn.execute(
                delete(t.mail_passwords).where(p.user_id == self.user_id, p.kind == kind)
            )
        return bool(gone.rowcount)

    def status(self, kind: str, server: Server | None) -> str:
        if server is None:
            return "Now: none (set the server first)."
        row = self._row(kind)
        if row is None:
            return "Now: none yet."
        if row.entry != entry_name(kind, server):
            return "Now: none for this server (the one kept was typed for another)."
        return "Now: kept, encrypted, on the server."

    def password(self, kind: str, server: Server) -> str | None:
        """The password typed for exactly this server, or None."""
        _check(kind)
        row = self._row(kind)
        entry = entry_name(kind, server)
        if row is None or row.entry != entry:
            return None
        if self.key is None:
            raise BadInput(NO_KEY)
        return self.key.decrypt(bytes(row.ciphertext), _context(self.user_id, kind, entry))

    def missing(self, kind: str, server: Server) -> str:
        return (
            f"No {kind.upper()} password is kept for {server.describe()}: type it on the "
            "Mail & calendar page."
        )

    def _row(self, kind: str):  # type: ignore[no-untyped-def]
        p = t.mail_passwords.c
        with self.store.agency(self.agency_id) as conn:
            return conn.execute(
                select(p.entry, p.ciphertext).where(p.user_id == self.user_id, p.kind == kind)
            ).first()


def _check(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be smtp or imap, not {kind!r}")
