"""Where Afterview keeps its files, resolved without heavy imports.

The agenda's read path must start in a few milliseconds, and `platformdirs` alone
costs ~25 ms to import. On Linux and the BSDs the rule is the XDG one, which this
module applies directly (a test pins it to platformdirs' answer); elsewhere it asks
platformdirs. AFTERVIEW_HOME redirects every file at once.
"""

from __future__ import annotations

import os
import sys

APP = "afterview"
# Environment variables that locate things rather than set the playbook.
NOT_SETTINGS = frozenset(
    {"AFTERVIEW_HOME", "AFTERVIEW_DB", "AFTERVIEW_CONFIG", "AFTERVIEW_DEBUG", "AFTERVIEW_CACHE"}
)


def data_dir() -> str:
    home = os.environ.get("AFTERVIEW_HOME")
    if home:
        return home
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        if not base:
            base = os.path.join(os.path.expanduser("~"), ".local", "share")
        return os.path.join(base, APP)
    import platformdirs

    return str(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> str:
    home = os.environ.get("AFTERVIEW_HOME")
    if home:
        return home
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        base = os.environ.get("XDG_CONFIG_HOME", "").strip()
        if not base:
            base = os.path.join(os.path.expanduser("~"), ".config")
        return os.path.join(base, APP)
    import platformdirs

    return str(platformdirs.user_config_dir(APP, appauthor=False))


def cache_dir() -> str:
    """Derived files that can be rebuilt at any time (the compiled spelling dictionary).

    Not under AFTERVIEW_HOME: a cache shared by every database is the point.
    """
    explicit = os.environ.get("AFTERVIEW_CACHE", "").strip()
    if explicit:
        return explicit
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        if not base:
            base = os.path.join(os.path.expanduser("~"), ".cache")
        return os.path.join(base, APP)
    import platformdirs

    return str(platformdirs.user_cache_dir(APP, appauthor=False))


def config_file() -> str:
    return os.environ.get("AFTERVIEW_CONFIG") or os.path.join(config_dir(), "config.toml")


def default_db_path() -> str:
    return os.path.join(data_dir(), "afterview.sqlite3")


def demo_db_path() -> str:
    return os.path.join(data_dir(), "demo.sqlite3")


def resolve_db(explicit: str | None = None, demo: bool = False) -> str:
    """The database URL: --db, then --demo, then AFTERVIEW_DB, then the default file.

    A bare path is a SQLite file; `postgres://` is spelled for the psycopg driver.
    """
    raw = explicit or (demo_db_path() if demo else None) or os.environ.get("AFTERVIEW_DB")
    raw = raw or default_db_path()
    if "://" not in raw:
        return "sqlite:///" + os.path.abspath(os.path.expanduser(raw))
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    return raw


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for other databases."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            return url[len(prefix) :].split("?", 1)[0]
    return None


def settings_source_fingerprint() -> str:
    """Changes when the config file or a settings variable changes (cheap: one stat).

    The materialised plan records it; a mismatch makes the next command re-plan.
    A rewrite with identical content only costs one needless re-plan.
    """
    from zlib import crc32

    try:
        info = os.stat(config_file())
        stamp = f"{info.st_mtime_ns}:{info.st_size}"
    except OSError:
        stamp = "none"
    names = sorted(n for n in os.environ if n.startswith("AFTERVIEW_") and n not in NOT_SETTINGS)
    variables = "\n".join(f"{n}={os.environ[n]}" for n in names)
    return f"{stamp}:{crc32(variables.encode()):08x}"
