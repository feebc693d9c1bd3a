"""The user's configuration: playbook settings from a TOML file and the environment.

The file lives in the user config folder (`paths.config_file()`); every playbook
setting may also be given as an environment variable, e.g.
`AFTERVIEW_FOLLOW_UP_GUARD_DAYS=10`, which wins over the file. `timezone` is the
candidate's own zone, used for times typed without an offset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from afterview import paths
from afterview.errors import BadInput
from afterview.playbook.settings import Settings, SettingsError, from_plain, to_plain

# `afterview check` starts without importing typing (~3 ms); mypy reads this block.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Config:
    settings: Settings
    timezone: str


def load() -> Config:
    """The configuration in force. A stored value that cannot be used falls back to its
    default with one warning line on stderr: a bad setting never stops a command."""
    raw = _read_file()
    timezone = str(raw.pop("timezone", "") or "")
    source = "AFTERVIEW_TZ" if os.environ.get("AFTERVIEW_TZ") else paths.config_file()
    timezone = os.environ.get("AFTERVIEW_TZ", "") or timezone
    settings = _lenient(raw)
    zone = local_zone_name()
    if timezone:
        try:
            zone = checked_zone(timezone, source)
        except BadInput as exc:
            _warn(f"{exc.message} Using {zone}; fix it with `afterview config set timezone=…`.")
    return Config(settings=settings, timezone=zone)


def load_settings() -> Settings:
    """The playbook settings alone, for light commands (`check`): no time zone look-up
    (tzlocal) and no holiday calendar (the `holidays` package costs ~0.2 s and they
    plan nothing); the commands that plan check the holiday country."""
    return _lenient(_settings_only(_read_file()), holidays=False)


def _lenient(stored: dict[str, Any], *, holidays: bool = True) -> Settings:
    from afterview.playbook.settings import read_plain

    env = _from_environment()
    settings, problems = read_plain({**stored, **env}, holidays=holidays)
    for problem in problems:
        where = f"AFTERVIEW_{problem.name.upper()}" if problem.name in env else "the config file"
        _warn(
            f"ignoring {problem.name} from {where} ({problem.message}); using the default. "
            f"Fix it with `afterview config set {problem.name}=…`."
        )
    return settings


_WARNED: set[str] = set()


def _warn(message: str) -> None:
    """One line on stderr, once per process (stdout stays the command's output)."""
    if message in _WARNED:
        return
    _WARNED.add(message)
    import sys

    sys.stderr.write(f"afterview: warning: {message}\n")


def checked_zone(name: str, source: str) -> str:
    """The IANA name, spelled as the database spells it; a typo is refused at once,
    before an opportunity records it (its plan could never be computed again)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)  # the usual case, and cheap: no scan of every zone
        return name
    except (ZoneInfoNotFoundError, ValueError):
        pass
    from afterview.parsing import parse_zone

    try:
        return parse_zone(name).key
    except BadInput as exc:
        raise BadInput(f"{source}: {exc.message}") from None


def save(values: dict[str, Any]) -> Config:
    """Merge `values` into the config file (validated first; written atomically)."""
    import tomli_w

    current = _read_file(strict=True)
    timezone = values.pop("timezone", None)
    try:
        checked = from_plain({**_settings_only(current), **values})
    except SettingsError as exc:
        raise BadInput(str(exc)) from None
    plain = to_plain(checked)
    merged = {k: plain[k] for k in {**_settings_only(current), **values}}
    if timezone is not None:
        from afterview.parsing import parse_zone

        merged["timezone"] = parse_zone(str(timezone)).key
    elif "timezone" in current:
        merged["timezone"] = current["timezone"]
    _write_private(paths.config_file(), tomli_w.dumps(dict(sorted(merged.items()))).encode())
    return load()


def _write_private(path: str, data: bytes) -> None:
    """The user's own settings file: theirs alone (0600, in a 0700 folder)."""
    from afterview.private_files import private_folder, write_private

    folder = os.path.dirname(os.path.abspath(path))
    private_folder(folder, tighten_existing=folder == os.path.abspath(paths.config_dir()))
    write_private(path, data)


def _settings_only(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != "timezone"}


def _read_file(strict: bool = False) -> dict[str, Any]:
    """The config file's values. Unreadable: refused when about to change it (`strict`,
    so nothing is overwritten), else ignored with a warning so commands still run."""
    try:
        return _parse_file()
    except BadInput as exc:
        if strict:
            raise
        _warn(f"{exc.message}; using the defaults until it is fixed.")
        return {}


def _parse_file() -> dict[str, Any]:
    path = paths.config_file()
    if not os.path.exists(path):
        return {}
    import tomllib  # only when there is a file: `check` starts without it

    from afterview.private_files import tighten

    tighten(path)  # written readable by an earlier version: the user's alone from now on
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path} is not valid TOML: {exc}") from None


def _from_environment() -> dict[str, str]:
    names = {f.name for f in fields(Settings)}
    found = {}
    for name in names:
        value = os.environ.get(f"AFTERVIEW_{name.upper()}")
        if value is not None:
            found[name] = value
    return found


def local_zone_name() -> str:
    """The machine's IANA zone (tzlocal), falling back to UTC when it cannot tell."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # tzlocal raises several kinds for odd setups
        return "UTC"
    return name or "UTC"
