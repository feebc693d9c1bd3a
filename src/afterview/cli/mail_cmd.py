"""`afterview mail …`: the SMTP server drafts leave by and the IMAP inbox replies arrive in."""

from __future__ import annotations

import click

from afterview.cli.common import Env, emit_json, json_option, pass_env, say


@click.group()
def mail() -> None:
    """Mail servers for `afterview send` / `outbox run` (SMTP) and `afterview sync` (IMAP)."""


@mail.command("set")
@click.option("--smtp-host", help="Outgoing server, e.g. smtp.fastmail.com.")
@click.option("--smtp-port", help="Default: 587 with starttls, 465 with tls, 25 with none.")
@click.option("--smtp-security", help="starttls (default), tls (implicit, port 465) or none.")
@click.option("--smtp-user", help="The login name, usually your address.")
@click.option("--imap-host", help="Incoming server, e.g. imap.fastmail.com.")
@click.option("--imap-port", help="Default: 993 with tls, 143 otherwise.")
@click.option("--imap-security", help="tls (default, port 993), starttls or none.")
@click.option("--imap-user", help="The login name, usually your address.")
@click.option("--imap-mailbox", help="The folder replies arrive in (default INBOX).")
@json_option
@pass_env
def set_(env: Env, /, as_json: bool, **fields: str | None) -> None:
    """Change only the settings given; "" clears one. Passwords: `afterview mail password`.

    \b
    Example:
      afterview mail set --smtp-host smtp.example.org --smtp-user sam@example.org \\
        --imap-host imap.example.org --imap-user sam@example.org
    """
    from afterview.services.mail_settings import save

    result = save(env.app, now=env.now(), **fields)
    if as_json:
        emit_json(_plain(result))
        return
    _show(result)


@mail.command("show")
@json_option
@pass_env
def show(env: Env, as_json: bool) -> None:
    """Show the mail servers and whether a password is available for each."""
    from afterview.services.mail_settings import load

    result = load(env.app, env.now())
    if as_json:
        emit_json(_plain(result))
        return
    _show(result)


@mail.command("password")
@click.argument("kind", type=click.Choice(["smtp", "imap"]))
@click.option("--forget", is_flag=True, help="Remove it from the keyring instead.")
@pass_env
def password(env: Env, kind: str, forget: bool) -> None:
    """Keep the SMTP or IMAP password in the OS keyring (asked for, never echoed).

    The environment variable AFTERVIEW_SMTP_PASSWORD / AFTERVIEW_IMAP_PASSWORD, when
    set, is used instead of the keyring (for cron jobs and machines without one).
    """
    from afterview.integrations.secrets import forget_password, store_password
    from afterview.services.mail_settings import require_imap, require_smtp

    server = (require_smtp if kind == "smtp" else require_imap)(env.app, env.now())
    if forget:
        gone = forget_password(kind, server)
        say(
            f"Forgotten: the {kind.upper()} password for {server.describe()}."
            if gone
            else f"The keyring held no {kind.upper()} password for {server.describe()}."
        )
        return
    secret = click.prompt(
        f"{kind.upper()} password for {server.describe()}", hide_input=True, err=True
    )
    backend = store_password(kind, server, secret)
    say(f"Stored in the keyring ({backend}) for {server.describe()}.")


def _show(settings: object) -> None:
    from afterview.integrations.secrets import env_name, password
    from afterview.services.mail_settings import MailSettings

    assert isinstance(settings, MailSettings)
    for kind, server in (("smtp", settings.smtp), ("imap", settings.imap)):
        label = "Sending (SMTP)" if kind == "smtp" else "Replies (IMAP)"
        if server is None:
            say(f"{label}: not set (afterview mail set --{kind}-host …)")
            continue
        found = password(kind, server)
        where = (
            "none yet: afterview mail password " + kind
            if found is None
            else (f"from {env_name(kind)}" if _from_env(kind) else "in the keyring")
        )
        extra = f", folder {settings.imap_mailbox}" if kind == "imap" else ""
        say(f"{label}: {server.describe()}{extra}; password {where}")


def _from_env(kind: str) -> bool:
    import os

    from afterview.integrations.secrets import env_name

    return bool(os.environ.get(env_name(kind)))


def _plain(settings: object) -> dict[str, object]:
    from dataclasses import asdict

    plain = asdict(settings)  # type: ignore[call-overload]
    return dict(plain)
