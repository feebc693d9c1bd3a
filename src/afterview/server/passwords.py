"""Password hashing with Argon2id (argon2-cffi's defaults: RFC 9106's low-memory
profile), and the rules a new password must meet."""

from __future__ import annotations

from functools import lru_cache

from afterview.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 12
MAX_LENGTH = 1024  # Argon2 takes any length; a megabyte "password" is a denial of service


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def check_new(password: str, *, email: str = "", name: str = "") -> None:
    """NIST SP 800-63B's advice: length over composition rules, no obvious reuse."""
    if len(password) < MIN_LENGTH:
        raise BadInput(f"The password must be at least {MIN_LENGTH} characters long.")
    if len(password) > MAX_LENGTH:
        raise BadInput(f"The password must be at most {MAX_LENGTH} characters long.")
    lowered = password.casefold()
    for own in (email.split("@", 1)[0], email, name):
        if own and len(own) >= 4 and own.casefold() in lowered:
            raise BadInput("The password must not contain your name or email address.")
    if len(set(password)) < 4:
        raise BadInput("The password is too repetitive; use a few unrelated words.")


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def verify(stored: str | None, password: str) -> bool:
    """True when `password` matches; an unknown account still costs one hash, so the
    time taken does not tell which addresses have accounts."""
    from argon2.exceptions import InvalidHashError, VerificationError

    if len(password) > MAX_LENGTH:
        return False
    try:
        matched = bool(_hasher().verify(stored or _dummy(), password))
    except (VerificationError, InvalidHashError):
        return False
    return matched and stored is not None


def needs_rehash(stored: str) -> bool:
    return bool(_hasher().check_needs_rehash(stored))


@lru_cache(maxsize=1)
def _dummy() -> str:
    return hash_password("a password nobody has")
