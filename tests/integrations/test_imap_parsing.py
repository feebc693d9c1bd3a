"""The pure parts of imap_fetch: headers, snippets, FETCH answers, names and dates."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime

import pytest

from afterview.integrations.imap_fetch import (
    FetchedMail,
    _internaldate,
    _records,
    imap_date,
    parse_headers,
    quote_mailbox,
    snippet,
)
from afterview.integrations.reply_match import MailHeaders

HEADERS = (
    b"Message-ID: <r1@northwind.example>\r\n"
    b"In-Reply-To: <thanks-7@mailbox.example>\r\n"
    b"References: <a@b>\r\n <thanks-7@mailbox.example>\r\n"
    b'From: "=?utf-8?q?Dana_K=C3=AFm?=" <Dana@Northwind.example>\r\n'
    b"Subject: =?utf-8?b?UmU6IFRoYW5rIHlvdSDigJQgbmV4dCBzdGVwcw==?=\r\n"
    b"Date: Thu, 12 Mar 2026 10:15:00 +0100\r\n"
    b"Auto-Submitted: no\r\n"
    b"\r\n"
)


def test_headers_are_decoded_and_normalised() -> None:
    h = parse_headers(HEADERS)
    assert h.message_id == "<r1@northwind.example>"
    assert h.in_reply_to == ("<thanks-7@mailbox.example>",)
    assert h.references == ("<a@b>", "<thanks-7@mailbox.example>")
    assert (h.from_name, h.from_email) == ("Dana Kïm", "dana@northwind.example")
    assert h.subject == "Re: Thank you — next steps"
    assert h.date == datetime(2026, 3, 12, 9, 15, tzinfo=UTC)
    assert h.auto_submitted == "no"
    assert not h.autoreply_header and not h.list_unsubscribe


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"From: nobody\r\nDate: not a date\r\nSubject: =?bogus?q?x?=\r\n\r\n",
        b"\xff\xfe garbage without a colon\r\n\r\n",
    ],
)
def test_broken_headers_never_raise(raw: bytes) -> None:
    h = parse_headers(raw)
    assert h.from_email is None
    assert h.date is None


def test_a_mail_without_message_id_gets_a_stable_one() -> None:
    h = MailHeaders(from_email="a@b.example", subject="Hi", date=datetime(2026, 3, 12, tzinfo=UTC))
    one = FetchedMail(5, h, None).stable_id("INBOX")
    assert one == FetchedMail(99, h, None).stable_id("INBOX")  # not from the UID
    assert one.endswith("@afterview.invalid>")
    assert one != FetchedMail(5, h, None).stable_id("Jobs")


def test_snippet_of_plain_text_drops_the_quoted_original() -> None:
    body = (
        b"Hi Alex,\r\n\r\nThanks for your note. We will decide by Friday.\r\n\r\n"
        b"On Tue, 10 Mar 2026, Alex wrote:\r\n> Thank you for your time\r\n"
    )
    text = snippet(MailHeaders(content_type="text/plain; charset=utf-8"), body)
    assert text == "Hi Alex, Thanks for your note. We will decide by Friday."


def test_snippet_of_multipart_base64_truncated_mid_way() -> None:
    plain = base64.encodebytes("Bonjour Alex, décision vendredi. ".encode() * 40)
    body = (
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + plain + b"\r\n--b1\r\n"
        b"Content-Type: text/html\r\n\r\n<p>Bonjour</p>\r\n--b1--\r\n"
    )
    text = snippet(MailHeaders(content_type='multipart/alternative; boundary="b1"'), body[:700])
    assert text.startswith("Bonjour Alex, décision vendredi.")
    assert len(text) <= 280


def test_snippet_of_html_only_quoted_printable() -> None:
    body = b"<html><style>p{}</style><p>We&#39;d like to meet you =\r\nagain.</p></html>"
    headers = MailHeaders(content_type="text/html", transfer_encoding="quoted-printable")
    assert snippet(headers, body) == "We'd like to meet you again."


def test_records_of_a_fetch_answer_as_imaplib_splits_it() -> None:
    data = [
        (b'1 (UID 4 INTERNALDATE "12-Mar-2026 10:15:00 +0100" BODY[HEADER.FIELDS (X)] {3}', b"abc"),
        b")",
        (b"2 (BODY[HEADER.FIELDS (X)] {3}", b"def"),
        b' UID 9 INTERNALDATE " 2-Mar-2026 09:00:00 -0000")',
    ]
    records = list(_records(data))
    assert [r[1] for r in records] == [b"abc", b"def"]
    assert b"UID 9" in records[1][0]
    assert _internaldate(records[0][0]) == datetime(2026, 3, 12, 9, 15, tzinfo=UTC)


def test_mailbox_names_and_dates_for_imap() -> None:
    assert quote_mailbox("INBOX") == '"INBOX"'
    assert quote_mailbox('Jobs "2026"') == '"Jobs \\"2026\\""'
    assert quote_mailbox("Candidatures/Réponses") == '"Candidatures/R&AOk-ponses"'
    assert imap_date(date(2026, 3, 1)) == "1-Mar-2026"
