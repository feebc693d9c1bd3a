"""The server's database: provisioning, and the three kinds of transaction it runs.

- `owner()`: as the role the server connects with (the deployment's owner), for
  provisioning and administration from the command line;
- `system()` / `agency(id)`: as the app role, subject to row-level security; with no
  agency only the SECURITY DEFINER look-ups answer;
- `candidate_app(user)`: the single-user service layer bound to that candidate's
  schema and role (`store.tenant`).

The connecting role needs CREATEROLE (each candidate gets a role) and must own the
shared schema; docs/server-mode.md shows the grants.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from afterview.errors import BadInput, StoreError
from afterview.server.naming import Naming, quoted

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from afterview.playbook.settings import Settings
    from afterview.services.app import App

SERVER_HEAD = "s0006_alerts"
NEEDS_POSTGRESQL = (
    "The multi-user server needs PostgreSQL (a postgresql:// URL); the single-user "
    "app (`afterview serve`) is the one that runs on SQLite."
)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# What the app role may do in the shared schema; row-level security does the rest.
APP_TABLES = (
    "agencies",
    "users",
    "sessions",
    "audit_log",
    "consultant_links",
    "shares",
    "client_notes",
    "mail_passwords",
    "alerts_sent",
    "login_challenges",
    "invitations",
)


class ServerStore:
    def __init__(self, engine: Engine, naming: Naming) -> None:
        if engine.dialect.name != "postgresql":
            raise BadInput(NEEDS_POSTGRESQL)
        self.engine = engine
        self.naming = naming

    @classmethod
    def open(cls, url: str, naming: Naming | None = None) -> ServerStore:
        from afterview.store.engine import open_engine

        if not url.startswith(("postgresql", "postgres:")):
            raise BadInput(NEEDS_POSTGRESQL)  # before a SQLite file is made for nothing
        engine = open_engine(url)
        try:
            return cls(engine, naming or Naming())
        except BaseException:
            engine.dispose()
            raise

    # --- transactions -------------------------------------------------------------

    @contextmanager
    def owner(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            self._path(conn, self.naming.server_schema)
            yield conn

    @contextmanager
    def system(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            conn.exec_driver_sql(f"SET LOCAL ROLE {quoted(self.naming.app_role)}")
            self._path(conn, self.naming.server_schema)
            yield conn

    @contextmanager
    def agency(self, agency_id: int, user_id: int | None = None) -> Iterator[Connection]:
        """As the app role for one agency; `user_id` is whom the sharing tables answer
        for (their policies see nothing without it)."""
        with self.system() as conn:
            conn.execute(
                text(
                    "SELECT set_config('afterview.agency', :agency, true), "
                    "set_config('afterview.user', :user, true)"
                ),
                {
                    "agency": str(int(agency_id)),
                    "user": "" if user_id is None else str(int(user_id)),
                },
            )
            yield conn

    def candidate_app(self, user_id: int, timezone: str, settings: Settings | None = None) -> App:
        """The service layer for one candidate, sharing this store's connection pool."""
        from afterview.config import Config
        from afterview.playbook.settings import Settings
        from afterview.services.app import App
        from afterview.store.tenant import Tenant

        tenant = Tenant(self.naming.candidate_schema(user_id), self.naming.candidate_role(user_id))
        return App(
            url=str(self.engine.url),
            config=Config(settings=settings or Settings(), timezone=timezone),
            _engine=self.engine,
            tenant=tenant,
        )

    def dispose(self) -> None:
        self.engine.dispose()

    # --- provisioning ---------------------------------------------------------------

    def initialise(self) -> list[str]:
        """Create the app role and the shared schema, migrate it, grant what requests
        need, and make the job queue's schema. Safe to run again (and by several
        processes at once). Returns what the administrator should know."""
        from afterview.server import queue

        n = self.naming
        with self.engine.begin() as conn:
            _lock(conn, f"afterview-server-init:{n.prefix}")
            _ensure_role(conn, n.app_role)
            conn.exec_driver_sql(f"GRANT {quoted(n.app_role)} TO CURRENT_USER")
            conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {quoted(n.server_schema)}")
            self._path(conn, n.server_schema)
            _upgrade_server(conn)
            schema, app = quoted(n.server_schema), quoted(n.app_role)
            conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {app}")
            for table in APP_TABLES:
                conn.exec_driver_sql(
                    f"GRANT SELECT, INSERT, UPDATE, DELETE ON {quoted(table)} TO {app}"
                )
            conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {app}")
            conn.exec_driver_sql(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {schema} TO {app}")
        warning = queue.apply_schema(self)
        return [warning] if warning else []

    def server_revision(self) -> str | None:
        with self.owner() as conn:
            if not conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar():
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def provision_candidate(self, conn: Connection, user_id: int) -> None:
        """The candidate's role and schema, migrated to the store's head, in the
        caller's (owner) transaction: a failed account creation leaves neither."""
        role = self.naming.candidate_role(user_id)
        schema = self.naming.candidate_schema(user_id)
        _ensure_role(conn, role)
        conn.exec_driver_sql(f"GRANT {quoted(role)} TO CURRENT_USER")
        conn.exec_driver_sql(
            f"CREATE SCHEMA IF NOT EXISTS {quoted(schema)} AUTHORIZATION {quoted(role)}"
        )
        self.migrate_candidate(conn, user_id)
        self._path(conn, self.naming.server_schema)

    def migrate_candidate(self, conn: Connection, user_id: int) -> None:
        from afterview.store.engine import migrate_connection
        from afterview.store.tenant import Tenant

        Tenant(self.naming.candidate_schema(user_id), self.naming.candidate_role(user_id)).enter(
            conn
        )
        migrate_connection(conn)
        conn.exec_driver_sql("RESET ROLE")

    def migrate_all_candidates(self) -> int:
        """Bring every candidate's schema to the store's head (after an upgrade)."""
        with self.owner() as conn:
            ids = list(
                conn.execute(
                    text("SELECT id FROM users WHERE role = 'candidate' ORDER BY id")
                ).scalars()
            )
        for user_id in ids:
            with self.engine.begin() as conn:
                self.migrate_candidate(conn, int(user_id))
        return len(ids)

    def drop_everything(self) -> None:
        """Remove the deployment: every candidate's schema and role, the shared schema
        and the app role (the tests' clean-up; `afterview server` never calls it).
        One transaction per candidate: dropping hundreds of schemas at once runs out of
        PostgreSQL's lock table (max_locks_per_transaction)."""
        n = self.naming
        with self.engine.begin() as conn:
            roles = list(
                conn.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname LIKE :pattern"),
                    {"pattern": f"{n.prefix}\\_c%"},
                ).scalars()
            )
        for role in roles:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {quoted(role)} CASCADE")
                _drop_role(conn, role)
        with self.engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {quoted(n.server_schema)} CASCADE")
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {quoted(n.queue_schema)} CASCADE")
            _drop_role(conn, n.app_role)

    @staticmethod
    def _path(conn: Connection, schema: str) -> None:
        conn.exec_driver_sql(f"SET LOCAL search_path TO {quoted(schema)}")


def _lock(conn: Connection, key: str) -> None:
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})


def _role_exists(conn: Connection, role: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    return found.first() is not None


def _drop_role(conn: Connection, role: str) -> None:
    if _role_exists(conn, role):
        conn.exec_driver_sql(f"DROP OWNED BY {quoted(role)} CASCADE")
        conn.exec_driver_sql(f"DROP ROLE {quoted(role)}")


def _ensure_role(conn: Connection, role: str) -> None:
    _lock(conn, f"afterview-role:{role}")
    if not _role_exists(conn, role):
        conn.exec_driver_sql(f"CREATE ROLE {quoted(role)} NOLOGIN")


def _upgrade_server(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = conn
    try:
        command.upgrade(config, "head")
    except Exception as exc:
        raise StoreError(f"Migrating the server's schema failed: {exc}") from exc
