"""The user's configuration: playbook settings from a TOML file and the environment.

The file lives in the user config folder (`paths.config_file()`); every playbook
setting may also be given as an environment variable, e.g.
`AFTERVIEW_FOLLOW_UP_GUARD_DAYS=10`, which wins over the file. `timezone` is the
candidate's own zone, used for times typed without an offset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any

from afterview import paths
from afterview.errors import BadInput
from afterview.playbook.settings import Settings, SettingsError, from_plain, to_plain


@dataclass(frozen=True)
class Config:
    settings: Settings
    timezone: str


def load() -> Config:
    raw = _read_file()
    timezone = str(raw.pop("timezone", "") or "")
    env = _from_environment()
    source = "AFTERVIEW_TZ" if os.environ.get("AFTERVIEW_TZ") else paths.config_file()
    timezone = os.environ.get("AFTERVIEW_TZ", "") or timezone
    try:
        settings = from_plain({**raw, **env})
    except SettingsError as exc:
        raise BadInput(f"{paths.config_file()}: {exc}") from None
    zone = checked_zone(timezone, source) if timezone else local_zone_name()
    return Config(settings=settings, timezone=zone)


def load_settings() -> Settings:
    """The playbook settings alone: no time zone look-up (tzlocal), for light commands."""
    raw = _settings_only(_read_file())
    try:
        return from_plain({**raw, **_from_environment()})
    except SettingsError as exc:
        raise BadInput(f"{paths.config_file()}: {exc}") from None


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

    current = _read_file()
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


def _read_file() -> dict[str, Any]:
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
