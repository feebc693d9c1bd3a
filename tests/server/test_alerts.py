"""Consultant alerts by email through a real SMTP relay (aiosmtpd): sent when the day
view says to act (P1 overdue call, P8 passed decision), once each, retried if the
relay refused, and never to a consultant nobody shares with."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from afterview.errors import BadInput
from afterview.server import alerts, sharing
from afterview.server.accounts import User
from afterview.server.store import ServerStore
from afterview.services import records
from integrations.smtp_server import MailServer, Received, serving

from .conftest import NOW, Agency
from .test_sharing import LONDON, START, recruiter_opportunity

pytestmark = pytest.mark.postgres

OVERDUE = START + timedelta(hours=3, minutes=30)  # the call was due at 13:00


def relay_to(port: int) -> alerts.Relay:
    found = alerts.relay_from(
        {
            alerts.SMTP_ENV: f"smtp+plain://127.0.0.1:{port}",
            alerts.FROM_ENV: "alerts@northgate.example",
            alerts.URL_ENV: "https://afterview.northgate.example/",
        }
    )
    assert found is not None
    return found


def to(handler: MailServer, user: User) -> list[Received]:
    """What the relay accepted for `user` (the deployment's other consultants get theirs)."""
    return [m for m in handler.received if user.email in m.rcpt_tos]


def linked(store: ServerStore, agency: Agency) -> tuple[User, User, int]:
    candidate = agency.user("candidate", "Ana Lima", LONDON)
    consultant = agency.user("consultant", "Sam Okafor", LONDON)
    app = store.candidate_app(candidate.id, LONDON)
    opp = recruiter_opportunity(app)
    link = sharing.invite(store, candidate, consultant.email, NOW)
    sharing.accept(store, consultant, link.id, NOW)
    sharing.set_parts(store, candidate, app, opp, ("interviews", "timeline"), NOW)
    return candidate, consultant, opp


def test_an_overdue_call_is_emailed_once(server_store: ServerStore, agency: Agency) -> None:
    _, consultant, _ = linked(server_store, agency)
    bystander = agency.user("consultant", "Kim Park", LONDON)
    with serving(MailServer()) as relay_server:
        relay = relay_to(relay_server.port)
        for moment in (NOW, OVERDUE, OVERDUE + timedelta(minutes=5)):
            alerts.send_alerts(server_store, relay, moment)
            if moment == NOW:  # the call is expected, not overdue: nothing yet
                assert to(relay_server.handler, consultant) == []
        [mail] = to(relay_server.handler, consultant)
        assert to(relay_server.handler, bystander) == []
    message = mail.message
    assert mail.rcpt_tos == (consultant.email,)
    assert message["Subject"] == "Afterview: 1 thing to act on"
    body = message.get_content()
    assert "Ana Lima · Harbour Lights: no call yet; the interview ended Fri 4 Dec 11:00" in body
    assert "https://afterview.northgate.example/agency" in body


def test_a_refused_alert_is_tried_again_and_a_passed_decision_alerts(
    server_store: ServerStore, agency: Agency
) -> None:
    candidate, consultant, opp = linked(server_store, agency)
    app = server_store.candidate_app(candidate.id, LONDON)
    records.log_contact(
        app, opp, kind=records.ContactKind.RECRUITER_CALL, channel=records.Channel.PHONE,
        at=NOW, now=NOW,
    )  # fmt: skip
    records.set_timeline(app, opp, now=NOW, decision_by=date(2026, 12, 9))
    sharing.publish(server_store, candidate, app, NOW)
    thursday = NOW + timedelta(days=6)  # Thu 10 Dec 12:00: the date has passed
    with serving(MailServer()) as relay_server:
        relay = relay_to(relay_server.port)
        relay_server.handler.data_answers[:] = ["451 4.3.0 try later"] * 50
        alerts.send_alerts(server_store, relay, thursday)  # every message refused: kept
        assert to(relay_server.handler, consultant) == []
        relay_server.handler.data_answers.clear()
        alerts.send_alerts(server_store, relay, thursday)  # sent this time
        alerts.send_alerts(server_store, relay, thursday)  # and not again
        mine = to(relay_server.handler, consultant)
        assert len(mine) == 1
        body = mine[-1].message.get_content()
    assert "the client's decision was due Wed 9 Dec and no news has come" in body
    assert "no call yet" not in body  # the call came


def test_a_bad_relay_setting_is_an_error_not_silence() -> None:
    assert alerts.relay_from({}) is None
    with pytest.raises(BadInput, match="AFTERVIEW_ALERTS_SMTP must look like"):
        alerts.relay_from({alerts.SMTP_ENV: "mail.example.com"})
    with pytest.raises(BadInput, match="AFTERVIEW_ALERTS_FROM"):
        alerts.relay_from({alerts.SMTP_ENV: "smtps://u:p%40ss@mail.example.com"})
    relay = alerts.relay_from(
        {alerts.SMTP_ENV: "smtps://u:p%40ss@mail.example.com", alerts.FROM_ENV: "a@b.example"}
    )
    assert relay is not None
    assert (relay.server.port, relay.server.security, relay.password) == (465, "tls", "p@ss")
