"""integrations/smtp_send.py against a real SMTP server: what each ending is called.

No database: one message, one transaction, one result. The outbox's at-most-once
promise rests on these names, above all on "uncertain" once the content was sent.
"""

from __future__ import annotations

import threading
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

from afterview.integrations.smtp_send import (
    HeaderInjection,
    Outcome,
    Stage,
    send,
    seven_bit,
)
from afterview.services.mail_settings import Server

from .smtp_server import PASSWORD, USER, MailServer, certificates, closed_port, serving


def message(subject: str = "Thank you — Data Engineer interview") -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "Sam Taylor <sam@example.org>"
    mail["To"] = "Dana Kim <dana@northwind.example>"
    mail["Subject"] = subject
    mail["Message-ID"] = "<outbox-test@example.org>"
    mail.set_content("Dear Dana,\n.a line that starts with a dot\nGrüße, Sam\n", charset="utf-8")
    return mail


def test_accepted_with_the_servers_reply_and_the_message_intact() -> None:
    with serving() as mail:
        result = send(message(), mail.server())
    assert result.outcome is Outcome.ACCEPTED and result.stage is Stage.DONE
    assert result.code == 250 and result.detail.startswith("250 2.0.0 Ok: queued as Q1")
    [got] = mail.handler.received
    assert got.mail_from == "sam@example.org" and got.rcpt_tos == ("dana@northwind.example",)
    assert got.message["Message-ID"] == "<outbox-test@example.org>"
    assert got.message["Subject"] == "Thank you — Data Engineer interview"
    assert got.message.get_content().replace("\r\n", "\n") == (
        "Dear Dana,\n.a line that starts with a dot\nGrüße, Sam\n"  # dot-stuffing undone
    )


def test_bytes_are_sent_as_they_are_with_the_envelope_from_the_headers() -> None:
    with serving() as mail:
        result = send(message().as_bytes(), mail.server())
    assert result.accepted
    assert mail.handler.received[0].rcpt_tos == ("dana@northwind.example",)


@pytest.mark.parametrize(
    ("rcpt", "data", "outcome", "stage", "detail"),
    [
        (["450 4.2.0 Mailbox busy"], [], Outcome.TEMPORARY, Stage.ENVELOPE, "450 4.2.0"),
        (["421 4.7.0 Closing"], [], Outcome.TEMPORARY, Stage.ENVELOPE, "421 4.7.0"),
        ([], ["451 4.3.0 Try later"], Outcome.TEMPORARY, Stage.CONTENT, "451 4.3.0"),
        (["550 5.1.1 No such user"], [], Outcome.PERMANENT, Stage.ENVELOPE, "550 5.1.1"),
        ([], ["554 5.7.1 Rejected as spam"], Outcome.PERMANENT, Stage.CONTENT, "554 5.7.1"),
    ],
)
def test_answers_are_classified_by_their_code(
    rcpt: list[str], data: list[str], outcome: Outcome, stage: Stage, detail: str
) -> None:
    with serving(MailServer(rcpt_answers=list(rcpt), data_answers=list(data))) as mail:
        result = send(message(), mail.server())
    assert (result.outcome, result.stage) == (outcome, stage)
    assert result.detail.startswith(detail)
    assert mail.handler.received == []


def test_one_refused_recipient_sends_to_nobody() -> None:
    with serving(MailServer(rcpt_answers=["250 2.1.5 OK", "550 5.1.1 No such user"])) as mail:
        result = send(
            message(), mail.server(), recipients=["dana@northwind.example", "x@northwind.example"]
        )
    assert result.outcome is Outcome.PERMANENT and mail.handler.data_attempts == 0


def test_a_refused_connection_is_a_connection_problem() -> None:
    result = send(message(), Server("127.0.0.1", closed_port(), "none", None))
    assert (result.outcome, result.stage) == (Outcome.CONNECTION, Stage.CONNECT)
    assert result.detail == "connection refused" and result.before_message


def test_a_disconnect_after_the_content_is_uncertain() -> None:
    with serving(MailServer(drop_after_data=1)) as mail:
        result = send(message(), mail.server())
    assert result.outcome is Outcome.UNCERTAIN and result.stage is Stage.CONTENT
    assert len(mail.handler.received) == 1  # it arrived: exactly why it must not be resent


def test_a_timeout_waiting_for_the_final_reply_is_uncertain() -> None:
    with serving(MailServer(hold=threading.Event())) as mail:
        result = send(message(), mail.server(), timeout=0.5)
    assert result.outcome is Outcome.UNCERTAIN and "timed out" in result.detail


def test_starttls_and_login(tmp_path: Path) -> None:
    certs = certificates(tmp_path)
    with serving(security="starttls", certs=certs, auth=True) as mail:
        ok = send(message(), mail.server(USER), PASSWORD, cafile=str(certs.cafile))
        wrong = send(message(), mail.server(USER), "nope", cafile=str(certs.cafile))
        anonymous = send(message(), mail.server(), None, cafile=str(certs.cafile))
        untrusted = send(message(), mail.server(USER), PASSWORD)
    assert ok.accepted and mail.handler.logins == [USER]
    assert (wrong.outcome, wrong.stage, wrong.code) == (Outcome.PERMANENT, Stage.AUTH, 535)
    assert (anonymous.outcome, anonymous.code) == (Outcome.PERMANENT, 530)
    assert (untrusted.outcome, untrusted.stage) == (Outcome.CONNECTION, Stage.TLS)
    assert "certificate verify failed" in untrusted.detail
    assert len(mail.handler.received) == 1


def test_the_ca_file_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    certs = certificates(tmp_path)
    monkeypatch.setenv("AFTERVIEW_SMTP_CAFILE", str(certs.cafile))
    with serving(security="tls", certs=certs) as mail:
        assert send(message(), mail.server()).accepted


def test_implicit_tls_verifies_the_certificate(tmp_path: Path) -> None:
    certs = certificates(tmp_path)
    with serving(security="tls", certs=certs) as mail:
        trusted = send(message(), mail.server(), cafile=str(certs.cafile))
        untrusted = send(message(), mail.server())
    assert trusted.accepted
    assert (untrusted.outcome, untrusted.stage) == (Outcome.CONNECTION, Stage.TLS)


def test_starttls_wanted_but_not_offered_sends_nothing_in_clear() -> None:
    with serving() as mail:
        result = send(message(), Server("127.0.0.1", mail.port, "starttls", None))
    assert (result.outcome, result.stage) == (Outcome.CONNECTION, Stage.TLS)
    assert "does not offer STARTTLS" in result.detail and mail.handler.received == []


@pytest.mark.parametrize(
    ("sender", "recipients"),
    [
        ("sam@example.org\r\nRCPT TO:<x@evil.example>", None),
        (None, ["dana@northwind.example\nDATA"]),
    ],
)
def test_line_breaks_in_the_envelope_are_refused_before_connecting(
    sender: str | None, recipients: list[str] | None
) -> None:
    with serving() as mail, pytest.raises(HeaderInjection, match="header injection"):
        send(message(), mail.server(), sender=sender, recipients=recipients)
    assert mail.handler.data_attempts == 0


def test_a_server_without_8bitmime_gets_quoted_printable() -> None:
    data = message().as_bytes(policy=SMTP)
    assert any(b > 0x7F for b in data.split(b"\r\n\r\n", 1)[1])
    seven = seven_bit(data)
    assert all(b <= 0x7F for b in seven)
    assert b"Content-Transfer-Encoding: quoted-printable" in seven
    assert b"Message-ID: <outbox-test@example.org>" in seven
