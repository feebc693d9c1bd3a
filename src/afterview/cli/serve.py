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
@pass_env
def serve(env: Env, host: str, port: int, open_browser: bool, at: str | None, workers: int) -> None:
    """The web app: Today, opportunities, debriefs, the email editor.

    It listens on 127.0.0.1 only, unless --host says otherwise (it has no login:
    anyone who can reach the port can read your data).
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
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
