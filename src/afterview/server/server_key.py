"""The server's key: what the candidates' mail passwords are encrypted with.

The key never goes in the database, so a copy of the database (a backup, a dump
handed to support) holds the passwords only as AES-256-GCM ciphertext. It comes
from the environment (`AFTERVIEW_SERVER_KEY`, 32 bytes in URL-safe base64) or from
a key file (`--key-file`, or the default file that `afterview server init` makes
when there is no key at all). Every ciphertext is bound to what it belongs to (the
account, the kind, the server it was typed for) as associated data: moved to
another row, it no longer decrypts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from afterview.errors import BadInput

KEY_ENV = "AFTERVIEW_SERVER_KEY"
KEY_FILE_ENV = "AFTERVIEW_SERVER_KEY_FILE"
KEY_BYTES = 32
NONCE_BYTES = 12
VERSION = b"\x01"  # the first byte of every ciphertext: the format


class WrongKey(BadInput):
    """A ciphertext made with another key, or changed since."""


def default_path() -> Path:
    from afterview import paths

    return Path(paths.config_dir()) / "server.key"


@dataclass(frozen=True)
class ServerKey:
    secret: bytes = field(repr=False)
    source: str  # where it came from, for messages (never the key itself)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES:
            raise BadInput(f"The server key from {self.source} must be {KEY_BYTES} bytes.")

    @property
    def key_id(self) -> str:
        """Names the key without revealing it: which key a row was encrypted with."""
        return hashlib.sha256(b"afterview-server-key-id\0" + self.secret).hexdigest()[:16]

    def encrypt(self, plain: str, context: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE_BYTES)
        return VERSION + nonce + AESGCM(self.secret).encrypt(nonce, plain.encode(), context)

    def decrypt(self, blob: bytes, context: bytes) -> str:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if blob[:1] != VERSION or len(blob) < 1 + NONCE_BYTES + 16:
            raise WrongKey("A stored mail password is not in a format this version reads.")
        nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return AESGCM(self.secret).decrypt(nonce, sealed, context).decode()
        except InvalidTag:
            raise WrongKey(
                f"A stored mail password does not open with the server key from {self.source}: "
                "it was saved under another key (or changed); the candidate must enter it again."
            ) from None


def encode(secret: bytes) -> str:
    return base64.urlsafe_b64encode(secret).decode()


def parse(text: str, source: str) -> ServerKey:
    try:
        secret = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise BadInput(f"The server key from {source} is not URL-safe base64.") from None
    return ServerKey(secret, source)


def load(key_file: str | os.PathLike[str] | None = None) -> ServerKey | None:
    """The key: a file given explicitly, else $AFTERVIEW_SERVER_KEY, else the default
    file when it exists; None when there is none (mail passwords cannot be kept)."""
    if key_file is not None:
        return _read(Path(key_file))
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return parse(from_env, f"${KEY_ENV}")
    path = default_path()
    return _read(path) if path.is_file() else None


def ensure(key_file: str | os.PathLike[str] | None = None) -> tuple[ServerKey, Path | None]:
    """The key there is, or a new one written to `key_file` (default: the config
    folder) readable by its owner only; the path is returned when it was made."""
    if key_file is None or Path(key_file).exists():
        found = load(key_file)
        if found is not None:
            return found, None
    path = Path(key_file) if key_file is not None else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = os.urandom(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made meanwhile by another `init`: use that one
        return _read(path), None
    with os.fdopen(fd, "w") as out:
        out.write(encode(secret) + "\n")
    return ServerKey(secret, str(path)), path


def _read(path: Path) -> ServerKey:
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise BadInput(
            f"The server key file {path} does not exist (`afterview server init --key-file "
            f"{path}` makes one)."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"The server key file {path} cannot be read: {exc}") from None
    return parse(text, str(path))
