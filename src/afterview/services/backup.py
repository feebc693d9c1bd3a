"""A lossless JSON backup of every fact and decision, and its restore.

The materialised plan is not exported: it is recomputed from the facts on import,
which also proves that nothing the plan needs was left out of the backup.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import TYPE_CHECKING, Any

from afterview import __version__
from afterview.errors import BadInput, Conflict
from afterview.services.app import App
from afterview.services.planning import refresh_all
from afterview.validation import check_backup

if TYPE_CHECKING:
    from afterview.store.repository import Repository

FORMAT = "afterview-backup"
FORMAT_VERSION = 1
MAX_BACKUP_BYTES = 512 * 1024 * 1024


def export_json(app: App, now: datetime) -> dict[str, Any]:
    with app.transaction(now) as repo:
        tables = repo.dump()
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": now.isoformat(timespec="seconds"),
        "afterview": __version__,
        "tables": tables,
    }


def import_json(app: App, document: object, now: datetime, replace: bool = False) -> int:
    """Restore a backup; refuses a non-empty database unless `replace`. All or nothing."""
    tables = _validate(document)
    with app.transaction(now) as repo:
        if not repo.is_empty():
            if not replace:
                raise Conflict(
                    "The database already holds data; import into an empty one, or pass "
                    "--replace to overwrite it (export a backup first)."
                )
            repo.wipe()
        _restore(repo, tables)
        refresh_all(app, repo, now)
        return len(tables.get("opportunities", []))


def _restore(repo: Repository, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Check every value as the use cases would (afterview.validation), then load the
    rows and read them back as facts: a value the playbook cannot use fails as
    BadInput, not as a crash while planning.

    The checks come first because restoring the id counters on PostgreSQL (setval)
    survives a rollback: a refused backup must not have reached that point."""
    from sqlalchemy.exc import DataError

    check_backup(tables)
    try:
        repo.load_dump(tables)
        repo.all_decisions()
        repo.load_all_opportunities()
    except (KeyError, TypeError, ValueError, DataError) as exc:
        raise BadInput(f"The backup's content is malformed: {_describe(exc)}") from None


def _describe(exc: Exception) -> str:
    """One line: a missing field by name, a database refusal by its first line."""
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}" if exc.args else "a missing field"
    original = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__


def _validate(document: object) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadInput('This is not an Afterview backup (no "format": "afterview-backup").')
    if document.get("version") != FORMAT_VERSION:
        raise BadInput(f"Unsupported backup version {document.get('version')!r}.")
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
        for rows in tables.values()
    ):
        raise BadInput('The backup\'s "tables" must map table names to lists of rows.')
    return tables


def read_document(path: str) -> object:
    try:
        if os.path.getsize(path) > MAX_BACKUP_BYTES:
            raise BadInput(f"{path} is larger than 512 MB.")
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as exc:
        raise BadInput(f"Cannot read {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path} is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path} is not valid JSON: {exc}") from None
    except RecursionError:
        raise BadInput(f"{path} is nested too deeply to be an Afterview backup.") from None
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise BadInput(f"{path} is not valid JSON: {exc}".splitlines()[0]) from None


def write_atomically(path: str, data: bytes) -> None:
    """Write beside the target, then rename: a crash never leaves half a file; the
    file is the user's alone (0600), like every file holding their data."""
    from afterview.private_files import write_private

    write_private(path, data)
