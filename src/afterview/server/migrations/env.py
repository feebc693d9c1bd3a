"""Alembic environment for the server's shared schema (`afterview server init`).

`afterview.server.provision` hands over an open connection whose `search_path` is
the deployment's shared schema; there is no command-line mode.
"""

from __future__ import annotations

from alembic import context

from afterview.server.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise SystemExit("The server's migrations run from `afterview server init` only.")
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
