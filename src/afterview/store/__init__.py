"""Persistence: tables, migrations and the repository over SQLite or PostgreSQL.

Importing this package is free; SQLAlchemy loads only when a submodule needs it, so
light commands can read the materialised plan without paying for it.
"""

# The newest migration; the light path compares it with alembic_version using sqlite3.
HEAD_REVISION = "0008_interview_end_index"
