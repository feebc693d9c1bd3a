"""The PostgreSQL names of one deployment: its shared schema and its roles.

Names are derived from a checked prefix and an integer id, never from user input,
so they can be put in DDL (which takes no bind parameters) safely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterview.errors import BadInput

_PREFIX = re.compile(r"[a-z][a-z0-9_]{0,23}")
DEFAULT_PREFIX = "afterview"


@dataclass(frozen=True)
class Naming:
    """`prefix` keeps several deployments (or test runs) apart in one cluster: roles
    are cluster-wide, schemas are per database."""

    prefix: str = DEFAULT_PREFIX

    def __post_init__(self) -> None:
        if not _PREFIX.fullmatch(self.prefix):
            raise BadInput(
                f"The name prefix {self.prefix!r} must be 1-24 lower-case letters, digits "
                "or underscores, starting with a letter."
            )

    @property
    def server_schema(self) -> str:
        return f"{self.prefix}_server"

    @property
    def app_role(self) -> str:
        """The role every web request runs as: subject to row-level security."""
        return f"{self.prefix}_app"

    @property
    def queue_schema(self) -> str:
        """The background job queue's tables (procrastinate's), apart from the accounts."""
        return f"{self.prefix}_queue"

    def candidate_schema(self, user_id: int) -> str:
        return f"{self.prefix}_c{_positive(user_id)}"

    def candidate_role(self, user_id: int) -> str:
        """Owns the candidate's schema; nothing else may read it (second wall)."""
        return f"{self.prefix}_c{_positive(user_id)}"


def _positive(user_id: int) -> int:
    if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id <= 0:
        raise ValueError(f"not a user id: {user_id!r}")
    return user_id


def quoted(name: str) -> str:
    """A name made by `Naming`, quoted for DDL."""
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,62}", name):
        raise ValueError(f"refusing to quote {name!r}")
    return f'"{name}"'
