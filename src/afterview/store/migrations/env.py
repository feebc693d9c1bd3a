"""Alembic environment for Afterview.

`afterview.store.engine.migrate` hands over an open connection (inside its own
transaction) via `config.attributes["connection"]`. Run from the alembic command
line (`alembic -c src/afterview/store/alembic.ini -x db=URL upgrade head`), it opens
the database the CLI would use: `-x db=`, else AFTERVIEW_DB, else the default file.
Offline (--sql) mode is not supported: the SQLite and PostgreSQL DDL differ.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection

from afterview.store.engine import open_engine, resolve_url
from afterview.store.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_from_command_line() -> None:
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    url = context.get_x_argument(as_dictionary=True).get("db")
    engine = open_engine(resolve_url(url))
    try:
        with engine.begin() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Afterview migrations run online only; drop --sql.")

shared = config.attributes.get("connection")
if shared is not None:
    _run(shared)
else:
    _run_from_command_line()
