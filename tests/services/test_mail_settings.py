"""Mail settings: validated as a whole, partial updates, defaults that follow security."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from afterview.errors import BadInput
from afterview.services import mail_settings
from afterview.services.app import App

NOW = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


def test_unset_until_a_host_is_given(app: App) -> None:
    assert mail_settings.load(app, NOW) == mail_settings.MailSettings(None, None)
    with pytest.raises(BadInput, match="No SMTP server is set"):
        mail_settings.require_smtp(app, NOW)
    with pytest.raises(BadInput, match="No IMAP server is set"):
        mail_settings.require_imap(app, NOW)


@pytest.mark.parametrize(("security", "port"), [("starttls", 587), ("tls", 465), ("none", 25)])
def test_the_default_port_follows_the_security(app: App, security: str, port: int) -> None:
    saved = mail_settings.save(app, now=NOW, smtp_host="SMTP.Example.org", smtp_security=security)
    assert saved.smtp == mail_settings.Server("smtp.example.org", port, security, None)


def test_only_given_fields_change_and_empty_clears(app: App) -> None:
    mail_settings.save(
        app,
        now=NOW,
        smtp_host="smtp.example.org",
        smtp_user="sam@example.org",
        imap_host="imap.example.org",
        imap_port="1143",
        imap_security="none",
    )
    mail_settings.save(app, now=NOW, smtp_port="2525", imap_mailbox="Jobs")
    loaded = mail_settings.load(app, NOW)
    assert loaded.smtp == mail_settings.Server(
        "smtp.example.org", 2525, "starttls", "sam@example.org"
    )
    assert loaded.imap == mail_settings.Server("imap.example.org", 1143, "none", None)
    assert loaded.imap_mailbox == "Jobs"
    mail_settings.save(app, now=NOW, imap_host="")
    assert mail_settings.load(app, NOW).imap is None
    assert mail_settings.load(app, NOW).smtp is not None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("smtp_port", "0", "from 1 to 65535"),
        ("smtp_port", "abc", "must be a number"),
        ("smtp_security", "ssl", "starttls, tls, none"),
        ("smtp_host", "smtp example", "not a host name"),
        ("smtp_user", "sam\r\nRCPT TO:<x@y>", "one line"),
        ("imap_mailbox", "x" * 201, "too long"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(
    app: App, field: str, value: str, message: str
) -> None:
    before = mail_settings.save(app, now=NOW, smtp_host="smtp.example.org")
    with pytest.raises(BadInput, match=message):
        mail_settings.save(app, now=NOW, **{"smtp_user": "someone", field: value})
    assert mail_settings.load(app, NOW) == before
