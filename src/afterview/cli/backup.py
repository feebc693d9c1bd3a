"""`export json|ics FILE` and `import json FILE`."""

from __future__ import annotations

import json
import sys

import click

from afterview.cli.common import Env, pass_env, say


@click.command()
@click.argument("kind", type=click.Choice(["json", "ics"]))
@click.argument("path", metavar="FILE")
@pass_env
def export(env: Env, kind: str, path: str) -> None:
    """Export a lossless JSON backup, or the plan as a calendar (.ics) with alarms.

    \b
    Examples:
      afterview export json ~/afterview-backup.json
      afterview export ics ~/afterview-plan.ics
      afterview export json - | gzip > backup.json.gz    (- = stdout)
    """
    from afterview.services.backup import write_atomically

    now = env.now()
    if kind == "json":
        from afterview.services.backup import export_json

        document = export_json(env.app, now)
        data = json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False).encode()
    else:
        from afterview.services.calendar_export import export_ics

        data = export_ics(env.app, now)
    if path == "-":  # the backup itself on stdout, for a pipe: nothing else is printed
        sys.stdout.buffer.write(data + (b"" if data.endswith(b"\n") else b"\n"))
        sys.stdout.flush()
        return
    write_atomically(path, data)
    say(f"Wrote {path} ({len(data):,} bytes).")


@click.command("import")
@click.argument("kind", type=click.Choice(["json"]))
@click.argument("path", metavar="FILE")
@click.option("--replace", is_flag=True, help="Overwrite a database that already holds data.")
@pass_env
def import_(env: Env, kind: str, path: str, replace: bool) -> None:
    """Restore a JSON backup into an empty database (or --replace everything)."""
    from afterview.services.backup import import_json, read_document

    count = import_json(env.app, read_document(path), env.now(), replace=replace)
    say(f"Imported {count} opportunities from {path}.")


from afterview.cli.integrations_cmd import as_import_group  # noqa: E402

import_ = as_import_group(import_)
