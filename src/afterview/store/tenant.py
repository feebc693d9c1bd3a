"""A candidate's place in a multi-user PostgreSQL database: their schema and role.

Entering a tenant makes the rest of the transaction run as the candidate's own
role with only their schema on the search path, so every statement of the
single-user store, unchanged, reads and writes that candidate's tables, and a
query that named another candidate's schema would be refused by PostgreSQL.
`SET LOCAL` ends with the transaction: a pooled connection carries nothing over.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


class Tenant(NamedTuple):
    schema: str
    role: str

    def enter(self, conn: Connection) -> None:
        for name in self:
            if not _NAME.fullmatch(name):
                raise ValueError(f"not a tenant name: {name!r}")
        conn.exec_driver_sql(f'SET LOCAL ROLE "{self.role}"')
        conn.exec_driver_sql(f'SET LOCAL search_path TO "{self.schema}"')
