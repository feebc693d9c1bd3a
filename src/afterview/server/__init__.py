"""Afterview for recruitment agencies: the multi-user server on PostgreSQL.

Each candidate's facts live in a PostgreSQL schema of their own, owned by a role of
their own: the single-user store, unchanged, with its own migrations. The accounts,
sessions and the audit log of every agency live in one shared schema whose rows
PostgreSQL's row-level security scopes to the agency of the request. See
docs/server-mode.md for deployment, roles and backups.
"""
