"""`afterview demo`: a sample in its own database, to see Afterview work in seconds."""

from __future__ import annotations

import os

import click

from afterview.cli.common import Env, pass_env, say


@click.command()
@click.option("--no-show", is_flag=True, help="Only create the demo database.")
@pass_env
def demo(env: Env, no_show: bool) -> None:
    """Create (or recreate) the demo database and show its day.

    The demo lives in its own file and never touches your data. Explore it with
    the global --demo option, e.g. `afterview --demo opp list`.
    """
    from afterview import paths
    from afterview.services import demo as sample
    from afterview.services.app import App

    url = paths.resolve_db(env.db, demo=env.db is None)
    path = paths.sqlite_path(url)
    if env.db is None and path:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    app = App.open(url)
    try:
        now = env.now()
        ids = sample.create(app, now)
    finally:
        app.close()
    say(f"Demo database: {path or url} ({len(ids)} opportunities).")
    if no_show:
        return
    from afterview.cli.read import run

    run("today", [], url, False)
    from afterview.cli.draft_hints import program_name

    prog = program_name()
    say(
        f"\nTry: {prog} --demo opp list · {prog} --demo opp show 3 · "
        f"{prog} --demo brief 3 · {prog} --demo lessons"
    )
