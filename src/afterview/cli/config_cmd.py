"""`afterview config`: the playbook's settings, with their rule and meaning."""

from __future__ import annotations

import click

from afterview.cli.common import Env, emit_json, json_option, pass_env, say


@click.group()
def config() -> None:
    """Show or change settings (stored in the user config folder)."""


@config.command("show")
@json_option
@pass_env
def show(env: Env, as_json: bool) -> None:
    """Every setting, its value, and the rule it serves."""
    from dataclasses import fields

    from afterview import paths
    from afterview.config import load
    from afterview.playbook.settings import Settings, to_plain

    current = load()
    plain = to_plain(current.settings) | {"timezone": current.timezone}
    if as_json:
        emit_json(plain)
        return
    say(f"# {paths.config_file()}")
    say(f"timezone = {current.timezone}   (your zone, for times typed without an offset)")
    for f in fields(Settings):
        say(f"{f.name} = {plain[f.name]}   ({f.metadata['rule']}: {f.metadata['description']})")


@config.command("set")
@click.argument("pairs", nargs=-1, required=True, metavar="NAME=VALUE…")
@pass_env
def set_(env: Env, pairs: tuple[str, ...]) -> None:
    """Change settings; the plan is recomputed on the next command.

    \b
    Example:
      afterview config set follow_up_guard_days=10 holiday_country=GB timezone=Europe/London
    """
    from afterview.config import save
    from afterview.errors import BadInput

    values: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise BadInput(f"Write NAME=VALUE, not {pair!r}.")
        values[name.strip().replace("-", "_")] = value.strip()
    save(values)
    say("Saved. " + ", ".join(f"{k}={v}" for k, v in values.items()))
