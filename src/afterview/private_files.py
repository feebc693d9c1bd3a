"""Files that hold the candidate's data are readable by the candidate alone.

The database, its WAL and shared-memory files, the backups taken before a
migration, the config file and every export (JSON backup, .ics, .eml) carry
personal notes, names, addresses, the mail server and the calendar feed's token.
With the usual umask (022) a new file would be world-readable, so each one is
created 0600 (folders 0700) before any data is written, and an install made by an
earlier version is tightened when Afterview opens it.

POSIX permissions only: on Windows `os.chmod` cannot express this, and the user's
profile folder is private already. A PostgreSQL database is the server's business.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from afterview.errors import BadInput

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_OTHERS = 0o077  # the group's and everyone else's bits
POSIX = os.name == "posix"


def tighten(path: str | os.PathLike[str]) -> bool:
    """Take the group's and others' bits off an existing file or folder (one stat
    when it is private already). True when something changed."""
    if not POSIX:
        return False
    try:
        mode = os.stat(path).st_mode & 0o7777
        if not mode & _OTHERS:
            return False
        os.chmod(path, mode & ~_OTHERS)
    except FileNotFoundError:
        return False
    return True


def private_folder(path: str | os.PathLike[str], *, tighten_existing: bool) -> None:
    """Create `path` (and missing parents) with the folder itself 0700.

    An existing folder is tightened only when it is Afterview's own
    (`tighten_existing`): a database given as /tmp/x.sqlite3 must not change /tmp.
    """
    folder = Path(path)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        tighten(folder)  # mkdir's mode is filtered by the umask; 0700 survives any
    elif tighten_existing:
        tighten(folder)


def create_private(path: str | os.PathLike[str]) -> None:
    """Make sure `path` exists as a 0600 file (an empty one when it did not exist),
    so that whatever writes into it next (SQLite) never writes into a readable file."""
    if POSIX:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    else:
        Path(path).touch()
    tighten(path)


def write_private(path: str, data: bytes) -> None:
    """Write `data` to `path` atomically (beside it, then renamed) as a 0600 file.

    A crash never leaves half a file, and the file is never readable by others, not
    even for a moment: the temporary file is created 0600 (mkstemp).
    """
    if os.path.isdir(path) or path.endswith(os.sep):
        raise BadInput(f"{path} is a folder; give the name of a file to write.")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise BadInput(f"The folder {folder} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".afterview-", suffix=".tmp")
    except OSError as exc:
        raise BadInput(f"Cannot write in {folder}: {exc.strerror}.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        tighten(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        raise BadInput(f"Cannot write {path}: {exc.strerror}.") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def sqlite_companions(database: Path) -> list[Path]:
    """The files SQLite and Afterview keep beside a database: -wal, -shm, -journal,
    and the backups taken before migrations (`<file>.bak-<revision>`)."""
    names = [f"{database.name}-wal", f"{database.name}-shm", f"{database.name}-journal"]
    found = [database.with_name(name) for name in names]
    try:
        with os.scandir(database.parent) as entries:
            found += [
                Path(entry.path)
                for entry in entries
                if entry.name.startswith(f"{database.name}.bak-")
            ]
    except OSError:
        pass
    return found


def private_sqlite(database: Path, *, own_folder: bool) -> None:
    """Before SQLite opens `database`: its folder made (0700), the file created 0600,
    and a file, WAL, SHM or backup left readable by an earlier version tightened.

    SQLite gives the -wal, -shm and -journal files it creates the main file's
    permissions, so a 0600 database keeps its companions 0600 too.
    """
    private_folder(database.parent, tighten_existing=own_folder)
    if database.exists():
        tighten(database)
    else:
        create_private(database)
    for companion in sqlite_companions(database):
        tighten(companion)
