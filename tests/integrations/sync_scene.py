"""The scene of the sync tests: two opportunities, a thank-you sent, and the mails that arrive.

Northwind Health: interview Tue 10 March 10:00 London with Dana Kim; the thank-you
went out at 16:40 (its Message-ID is what Dana's reply answers). Contoso: interview
Wed 11 March with Sam Hill. The candidate is alex.candidate@mailbox.example.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from afterview.agenda_query import AgendaQuery
from afterview.playbook.facts import Route
from afterview.services import drafts, mail_settings, profile, records
from afterview.services.agenda import agenda
from afterview.services.app import App

from .dovecot import HOST, Dovecot
from .helpers import ME, at


@dataclass(frozen=True)
class Scene:
    northwind: int
    contoso: int
    thanks_id: int  # messages.id of the thank-you to Dana
    thanks_message_id: str  # the Message-ID it was sent with


def seed(app: App) -> Scene:
    profile.set_profile(app, now=at(1, 9), name="Alex Candidate", email=ME)
    northwind = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    interview = records.add_interview(
        app, northwind, start=at(10, 10), end=at(10, 11), tz="Europe/London", now=at(1, 9),
        interviewers=(records.NewInterviewer("Dana Kim", "dana@northwind.example"),),
    )  # fmt: skip
    thanks = drafts.draft_thank_you(app, interview, now=at(10, 15))[0]
    drafts.mark_sent(app, thanks.id, at=at(10, 16, 40), now=at(10, 16, 40))
    contoso = records.add_opportunity(
        app, company="Contoso", role="Analyst", route=Route.DIRECT, now=at(2, 9)
    )
    records.add_interview(
        app, contoso, start=at(11, 14), end=at(11, 15), tz="Europe/London", now=at(2, 9),
        interviewers=(records.NewInterviewer("Sam Hill", "sam@contoso.example"),),
    )  # fmt: skip
    return Scene(northwind, contoso, thanks.id, thanks.message_id)


def configure(app: App, server: Dovecot, user: str, *, security: str = "tls", **more: Any) -> None:
    port = server.imaps_port if security == "tls" else server.imap_port
    values = {"imap_host": HOST, "imap_port": port, "imap_security": security, "imap_user": user}
    mail_settings.save(app, now=at(1, 9), **(values | more))


def mail(
    sender: str,
    subject: str,
    when: datetime,
    body: str = "Hello.",
    *,
    message_id: str | None = None,
    **headers: str,
) -> EmailMessage:
    """An RFC 5322 message as a mail client writes it; `headers` as Header_Name=value."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = f"Alex Candidate <{ME}>"
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    if message_id is not None:
        message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def the_day_mails(scene: Scene) -> list[EmailMessage]:
    """What arrives in the inbox by Thursday 12 March, in order."""
    thanks = scene.thanks_message_id
    return [
        mail("Dana Kim <dana@northwind.example>", "Out of Office: Thank you", at(10, 16, 41),
             "I am out until Monday.", message_id="<oof-1@northwind.example>",
             In_Reply_To=thanks, Auto_Submitted="auto-replied"),
        mail("Northwind News <news@northwind.example>", "This month at Northwind", at(11, 8),
             "Our news.", message_id="<news-1@northwind.example>",
             List_Id="<news.northwind.example>", List_Unsubscribe="<mailto:u@northwind.example>"),
        mail("Jo <jo.friend@gmail.com>", "Dinner?", at(11, 19), message_id="<d-1@gmail.com>"),
        mail(f"Alex Candidate <{ME}>", "Note to self", at(11, 20), message_id="<self-1@mbx>"),
        mail("Dana Kim <dana@northwind.example>", "Re: Thank you", at(12, 9, 30),
             "Hi Alex,\n\nThank you. We expect to decide by the 20th.\n\n"
             "On Tue, 10 Mar 2026, Alex Candidate wrote:\n> Thank you for your time today\n",
             message_id="<reply-1@northwind.example>", In_Reply_To=thanks, References=thanks),
        mail("Sam Hill <sam@contoso.example>", "Next steps", at(12, 11),
             "Hi Alex, could you send two references?", message_id="<next-1@contoso.example>"),
    ]  # fmt: skip


def p8_due(app: App, opp: int, now: datetime) -> list[str]:
    """Keys of the opportunity's P8 follow-ups the agenda shows as due at `now`."""
    return [
        item["key"]
        for item in agenda(app, AgendaQuery(now))
        if item["rule"] == "P8" and item["opportunity_id"] == opp
    ]


def p8_ahead(app: App, opp: int, now: datetime) -> list[dict[str, Any]]:
    """The opportunity's open P8 follow-ups, due or ahead."""
    return [
        item
        for item in agenda(app, AgendaQuery(now, everything_ahead=True))
        if item["rule"] == "P8" and item["opportunity_id"] == opp
    ]
