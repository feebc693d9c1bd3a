"""`afterview serve`: the web app on this machine, on the same database as the CLI."""

from __future__ import annotations

import click

from afterview.cli.common import Env, pass_env, say


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open it in your browser.")
@click.option("--at", metavar="TIME", help="Pretend it is always TIME (demos, benchmarks).")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (SQLite: 1 is plenty for one person).",
)
@click.option(
    "--send/--no-send",
    default=True,
    show_default=True,
    help="Send due messages every minute, read replies every 15 minutes, while serving.",
)
@pass_env
def serve(
    env: Env, host: str, port: int, open_browser: bool, at: str | None, workers: int, send: bool
) -> None:
    """The web app: Today, opportunities, debriefs, the email editor.

    It listens on 127.0.0.1 only, unless --host says otherwise (it has no login:
    anyone who can reach the port can read your data). While it runs, messages
    queued with `afterview send` leave at their time and replies are read (when an
    IMAP server is set); --no-send leaves both to cron.
    """
    import uvicorn

    from afterview.web.app import create_app

    frozen = env.time(at) if at else None
    app = create_app(env.app, bound_host=host, clock=frozen)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    say(f"Afterview is at {url} (Ctrl+C stops it).")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo("afterview: warning: not bound to loopback; there is no login.", err=True)
    if send and not frozen:  # a frozen clock (demos, benchmarks) never sends mail
        from afterview.web.outbox_worker import OutboxWorker

        OutboxWorker(env.app, say=lambda text: click.echo(text, err=True)).start()
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    if workers > 1:  # each worker process builds its own app from the same options
        import os

        os.environ["AFTERVIEW_SERVE"] = f"{env.db or ''}\n{int(env.demo)}\n{host}\n{at or ''}"
        uvicorn.run(
            "afterview.web.app:from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            access_log=False,
        )
        return
    from afterview.web.app import freeze_heap

    freeze_heap()
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@click.command()
@click.option("--reset", is_flag=True, help="Replace the secret: old subscriptions stop.")
@click.option("--host", default="127.0.0.1", show_default=True, help="As given to serve.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@pass_env
def feed(env: Env, reset: bool, host: str, port: int) -> None:
    """The secret address of the live calendar feed, for a calendar app to subscribe to.

    Every due step appears with an alarm, and the app polls it hourly while
    `afterview serve` runs. Anyone with the address can read your plan: --reset
    makes a new one.
    """
    from afterview.services.calendar_feed import feed_path, feed_token

    token = feed_token(env.app, now=env.now(), reset=reset)
    shown = f"[{host}]" if ":" in host else host
    if reset:
        click.echo("afterview: a new feed address; the old one no longer answers.", err=True)
    say(f"http://{shown}:{port}{feed_path(token)}")
