"""`afterview server`: the multi-user server for agencies, on PostgreSQL.

The database comes from --db or AFTERVIEW_DB as for every command; it must be a
postgresql:// URL whose role may create roles (docs/server-mode.md).
"""

from __future__ import annotations

import os

import click

from afterview.cli.common import Env, pass_env, say
from afterview.errors import BadInput

PREFIX_ENV = "AFTERVIEW_SERVER_PREFIX"
PASSWORD_ENV = "AFTERVIEW_NEW_PASSWORD"
prefix_option = click.option(
    "--prefix",
    default=lambda: os.environ.get(PREFIX_ENV, "afterview"),
    show_default="afterview, or $AFTERVIEW_SERVER_PREFIX",
    help="Names of this deployment's schema and roles (several can share a cluster).",
)
# The server key (mail per account; `_ensure_key` and `worker` below).
key_file_option = click.option(
    "--key-file",
    type=click.Path(dir_okay=False),
    envvar="AFTERVIEW_SERVER_KEY_FILE",
    help="The server key (mail passwords are encrypted with it); default: "
    "$AFTERVIEW_SERVER_KEY, else server.key in the configuration folder.",
)


@click.group()
def server() -> None:
    """The multi-user server for recruitment agencies (PostgreSQL)."""


def _store(env: Env, prefix: str):  # type: ignore[no-untyped-def]
    from afterview import paths
    from afterview.server.naming import Naming
    from afterview.server.store import ServerStore

    url = env.db or os.environ.get("AFTERVIEW_DB")
    if not url:
        raise BadInput(
            "The server needs a PostgreSQL database: give --db postgresql://USER@HOST/DB "
            "or set AFTERVIEW_DB."
        )
    return ServerStore.open(paths.resolve_db(url), Naming(prefix))


@server.command()
@prefix_option
@pass_env
@key_file_option
def init(env: Env, prefix: str, key_file: str | None) -> None:
    """Create (or upgrade) the server's schema and roles; safe to run again."""
    store = _store(env, prefix)
    try:
        warnings = store.initialise()
        count = store.migrate_all_candidates()
    finally:
        store.dispose()
    say(f"The server's schema is ready ({count} candidate store(s) up to date).")
    for warning in warnings:
        say(warning)
    _ensure_key(key_file)


@server.command("add-agency")
@click.argument("name")
@prefix_option
@pass_env
def add_agency(env: Env, name: str, prefix: str) -> None:
    """A new agency (tenant); prints its id."""
    from afterview.server import accounts

    store = _store(env, prefix)
    try:
        agency_id = accounts.create_agency(store, name, env.now())
    finally:
        store.dispose()
    say(f"Agency {agency_id}: {name.strip()}")


@server.command("add-user")
@click.option("--agency", "agency_id", type=int, required=True, help="The agency's id.")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(["admin", "consultant", "candidate"]), required=True)
@click.option("--timezone", default="UTC", show_default=True, help="IANA zone, e.g. Europe/London.")
@prefix_option
@pass_env
def add_user(
    env: Env, agency_id: int, email: str, name: str, role: str, timezone: str, prefix: str
) -> None:
    """An account. The password is asked for (or read from $AFTERVIEW_NEW_PASSWORD)."""
    from afterview.server import accounts

    password = os.environ.get(PASSWORD_ENV) or click.prompt(
        "Password (12 characters or more)", hide_input=True, confirmation_prompt=True
    )
    store = _store(env, prefix)
    try:
        user = accounts.add_user(
            store,
            agency_id=agency_id,
            email=email,
            name=name,
            role=role,
            password=password,
            timezone=timezone,
            now=env.now(),
        )
    finally:
        store.dispose()
    say(f"User {user.id}: {user.name} <{user.email}>, {user.role} of agency {user.agency_id}")


@server.command()
@prefix_option
@pass_env
def demo(env: Env, prefix: str) -> None:
    """A demo agency to try the server: an administrator, a consultant and two
    candidates sharing their demo opportunities. One password for all four (asked for,
    or $AFTERVIEW_NEW_PASSWORD)."""
    from afterview.server import demo as server_demo

    password = os.environ.get(PASSWORD_ENV) or click.prompt(
        "Password for the demo accounts (12 characters or more)",
        hide_input=True,
        confirmation_prompt=True,
    )
    store = _store(env, prefix)
    try:
        made = server_demo.create(store, password, env.now())
    finally:
        store.dispose()
    say(f"Agency {made.agency_id}: {server_demo.AGENCY}. Sign in as:")
    for role, name, email in made.accounts:
        say(f"  {email:<32} {name} ({role})")
    say("Then `afterview server run --insecure-cookies` and open http://127.0.0.1:8766/.")


@server.command("reset-totp")
@click.option("--email", required=True, help="The account's email address.")
@prefix_option
@pass_env
def reset_totp(env: Env, email: str, prefix: str) -> None:
    """Turn an account's two-step sign-in off (a lost phone); audit-logged.

    The person then signs in with their password alone and can turn it on again
    from Sign-in security. An agency's administrator can do the same from the
    Accounts page.
    """
    from afterview.server import totp

    store = _store(env, prefix)
    try:
        user = totp.reset_by_email(store, email, env.now())
    finally:
        store.dispose()
    say(f"Two-step sign-in is off for {user.email}; they sign in with their password alone.")


@server.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8766, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--public-host",
    "public_hosts",
    multiple=True,
    help="The name browsers use (afterview.example.org); repeat for several.",
)
@click.option(
    "--insecure-cookies",
    is_flag=True,
    help="Cookies without Secure: only for trying it on plain http://localhost.",
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@prefix_option
@pass_env
@key_file_option
def run(
    env: Env,
    host: str,
    port: int,
    public_hosts: tuple[str, ...],
    insecure_cookies: bool,
    workers: int,
    prefix: str,
    key_file: str | None,
) -> None:
    """Serve the agency web app (behind Caddy or nginx doing HTTPS)."""
    import uvicorn

    from afterview.server import web

    store = _store(env, prefix)
    store.dispose()  # proven reachable; each worker opens its own pool
    hosts = [*public_hosts, "127.0.0.1", "localhost", "::1"]
    os.environ[web.SETUP_ENV] = web.encode_setup(
        str(store.engine.url.render_as_string(hide_password=False)),
        prefix,
        hosts,
        secure=not insecure_cookies,
        key_file=_key_path(key_file),
    )
    say(f"Afterview's agency server is listening on {host}:{port} (Ctrl+C stops it).")
    uvicorn.run(
        "afterview.server.web:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        log_level="warning",
        access_log=False,
    )


@server.command("import-json")
@click.option("--email", required=True, help="The candidate's account.")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True))
@prefix_option
@pass_env
def import_json(env: Env, email: str, path: str, prefix: str) -> None:
    """Move a single-user Afterview into a candidate's account.

    PATH is what `afterview export json` wrote on the candidate's machine; the
    account's store must be empty. Every value is checked before anything is written.
    """
    from afterview.server import accounts
    from afterview.services.backup import import_json as restore
    from afterview.services.backup import read_document

    document = read_document(path)
    store = _store(env, prefix)
    try:
        user = accounts.candidate_by_email(store, email)
        count = restore(store.candidate_app(user.id, user.timezone), document, env.now())
        accounts.record(store, user, "store.import", f"{count} opportunities", env.now())
    finally:
        store.dispose()
    say(f"Imported {count} opportunities into the account of {user.email}.")


# --- background work: the server key and `afterview server worker` ------------------------
# (the queue and mail per account: docs/server-mode.md, "The worker, the key, mail")


def _key_path(key_file: str | None) -> str | None:
    return os.path.abspath(key_file) if key_file else None


def _ensure_key(key_file: str | None) -> None:
    from afterview.server import server_key

    key, made = server_key.ensure(key_file)
    if made is not None:
        say(
            f"A new server key was written to {made} (readable by you only): give it to "
            "`afterview server run` and `afterview server worker` (--key-file, or the "
            "default place), and back it up apart from the database: without it the "
            "candidates' mail passwords cannot be read."
        )
    else:
        say(f"The server key from {key.source} is in place.")


@server.command()
@click.option(
    "--concurrency",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Jobs this process runs at once (run more processes to use more cores).",
)
@click.option(
    "--until-idle",
    is_flag=True,
    help="Stop when no job is waiting instead of waiting for more (cron, tests).",
)
@click.option("--at", "at", metavar="TIME", help="Pretend it is always TIME (demos, tests).")
@prefix_option
@pass_env
@key_file_option
def worker(
    env: Env,
    concurrency: int,
    until_idle: bool,
    at: str | None,
    prefix: str,
    key_file: str | None,
) -> None:
    """Send the candidates' due mail and read their replies (the job queue's worker).

    Run one or more next to `afterview server run`; SIGINT or SIGTERM lets the
    running jobs finish first.
    """
    import logging

    from afterview.server import alerts, queue, server_key

    frozen = env.time(at, "UTC") if at else None
    relay = alerts.relay_from()
    key = server_key.load(key_file)
    if key is None:
        say("No server key: candidates' mail passwords cannot be read (afterview server init).")
    logging.basicConfig(level=logging.INFO if env.debug else logging.WARNING)
    store = _store(env, prefix)
    try:
        if not until_idle:
            say(f"Afterview's worker is running ({concurrency} at once; Ctrl+C stops it).")
            say(
                f"Alerts to consultants: by email through {relay.server.describe()}."
                if relay
                else f"Alerts to consultants: off (set {alerts.SMTP_ENV} and {alerts.FROM_ENV})."
            )
        queue.run_worker(
            store,
            key,
            concurrency=concurrency,
            until_idle=until_idle,
            clock=(lambda: frozen) if frozen else queue.wall_clock,
            relay=relay,
        )
    finally:
        store.dispose()
