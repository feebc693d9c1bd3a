"""Consultant alerts by email: the day view's alerts, sent once each.

A consultant is not looking at their day when a candidate's call fails to come two
hours after an interview (P1), when a client's decision date passes with no news
(P8: chase them), or when a day has gone by with no hiring timeline (P6). The worker
looks every few minutes (`queue`) and emails each consultant the alerts they have not
been sent yet, through the deployment's own mail relay: an operator's setting
(`AFTERVIEW_ALERTS_SMTP`, `AFTERVIEW_ALERTS_FROM`), like the database's address,
not a candidate's mail account. An alert that could not be sent is tried again on the
next look; one that was sent never goes again (`alerts_sent`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from sqlalchemy import insert, select

from afterview import validation
from afterview.errors import BadInput
from afterview.playbook.consultant import ConsultantDay
from afterview.playbook.timing import local
from afterview.server import sharing
from afterview.server import tables as t
from afterview.server.accounts import User, _audit
from afterview.services.mail_settings import Server

if TYPE_CHECKING:
    from afterview.server.store import ServerStore

log = logging.getLogger("afterview.server.alerts")

SMTP_ENV = "AFTERVIEW_ALERTS_SMTP"
FROM_ENV = "AFTERVIEW_ALERTS_FROM"
URL_ENV = "AFTERVIEW_ALERTS_URL"  # the server's public address, for a link to the day
SCHEMES = {"smtp": ("starttls", 587), "smtps": ("tls", 465), "smtp+plain": ("none", 25)}


@dataclass(frozen=True)
class Relay:
    server: Server
    password: str | None
    sender: str
    site: str | None = None


def relay_from(environ: Mapping[str, str] = os.environ) -> Relay | None:
    """The relay the operator set, or None (alerts off). A malformed setting is an
    error, not silence: a consultant would otherwise wait for alerts that never come."""
    url = environ.get(SMTP_ENV, "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise BadInput(
            f"{SMTP_ENV} must look like smtp://USER:PASSWORD@HOST:587 (STARTTLS), "
            "smtps://…:465 (TLS) or smtp+plain://HOST:25 (no encryption, a local relay)."
        )
    security, default_port = SCHEMES[parts.scheme]
    sender = validation.email(environ.get(FROM_ENV, ""), f"{FROM_ENV} (the alerts' sender)")
    server = Server(
        host=parts.hostname,
        port=parts.port or default_port,
        security=security,
        user=unquote(parts.username) if parts.username else None,
    )
    password = unquote(parts.password) if parts.password else None
    return Relay(server, password, sender, environ.get(URL_ENV, "").rstrip("/") or None)


@dataclass(frozen=True)
class Alert:
    key: str  # what it is about, so it is sent once
    line: str


def alerts_of(day: ConsultantDay, tz: str) -> list[Alert]:
    """The day's alerts, each with a key that changes only when the situation does
    (a new decision date or an allowed chase gives a new alert)."""
    found = []
    for call in day.calls:
        if not call.alert:
            continue
        o = call.opening
        ended = local(call.end, tz).strftime("%a %-d %b %H:%M")
        found.append(
            Alert(
                f"call:{o.candidate_id}:{o.opportunity_id}:{call.round}:{call.end.isoformat()}",
                f"{o.candidate_name} · {o.company}: no call yet; the interview ended "
                f"{ended} (P1). Call them.",
            )
        )
    for decision in day.decisions:
        o = decision.opening
        if decision.state == "passed" and decision.decision_by is not None:
            since = decision.chase_from.isoformat() if decision.chase_from else ""
            found.append(
                Alert(
                    f"chase:{o.candidate_id}:{o.opportunity_id}:{decision.decision_by}:{since}",
                    f"{o.candidate_name} · {o.company}: the client's decision was due "
                    f"{decision.decision_by:%a %-d %b} and no news has come. Chase them (P8).",
                )
            )
        elif decision.state == "no-timeline":
            found.append(
                Alert(
                    f"timeline:{o.candidate_id}:{o.opportunity_id}",
                    f"{o.candidate_name} · {o.company}: no hiring timeline yet. Ask the "
                    "client when they will decide (P6).",
                )
            )
    return found


def send_alerts(store: ServerStore, relay: Relay, now: datetime) -> int:
    """Email every consultant the alerts they have not had; returns emails sent."""
    from afterview.integrations import smtp_send

    sent = 0
    for consultant in _consultants(store):
        day, _ = sharing.day(store, consultant, now, audit=False)
        fresh = _unsent(store, consultant, alerts_of(day, consultant.timezone))
        if not fresh:
            continue
        message = _message(relay, consultant, fresh)
        result = smtp_send.send(message, relay.server, relay.password)
        if not result.accepted:
            log.warning(
                "alerts to %s not sent (tried again later): %s", consultant.email, result.detail
            )
            continue
        with store.agency(consultant.agency_id, consultant.id) as conn:
            conn.execute(
                insert(t.alerts_sent),
                [
                    {
                        "agency_id": consultant.agency_id,
                        "consultant_id": consultant.id,
                        "key": alert.key,
                        "sent_at": now,
                    }
                    for alert in fresh
                ],
            )
            _audit(
                conn,
                consultant.agency_id,
                None,
                "alert.sent",
                f"{len(fresh)} to {consultant.email}",
                now,
            )
        sent += 1
    return sent


def _consultants(store: ServerStore) -> list[User]:
    """Every active consultant of every agency (the worker acts for the deployment)."""
    u = t.users.c
    with store.owner() as conn:
        rows = conn.execute(
            select(u.id, u.agency_id, u.role, u.name, u.email, u.timezone)
            .where(u.role == "consultant", u.disabled_at.is_(None))
            .order_by(u.id)
        ).all()
    return [User(*row) for row in rows]


def _unsent(store: ServerStore, consultant: User, alerts: list[Alert]) -> list[Alert]:
    if not alerts:
        return []
    a = t.alerts_sent.c
    with store.agency(consultant.agency_id, consultant.id) as conn:
        done = set(
            conn.execute(select(a.key).where(a.key.in_([alert.key for alert in alerts]))).scalars()
        )
    return [alert for alert in alerts if alert.key not in done]


def _message(relay: Relay, consultant: User, alerts: list[Alert]) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr(("Afterview", relay.sender))
    message["To"] = formataddr((consultant.name, consultant.email))
    count = len(alerts)
    message["Subject"] = f"Afterview: {count} thing{'s' if count != 1 else ''} to act on"
    message["Message-ID"] = make_msgid(domain=relay.sender.rpartition("@")[2])
    lines = [f"Hello {consultant.name},", "", "Since your last look at your day:", ""]
    lines += [f"- {alert.line}" for alert in alerts]
    if relay.site:
        lines += ["", f"Your day: {relay.site}/agency"]
    lines += ["", "Each alert is sent once; your day shows everything that is due."]
    message.set_content("\n".join(lines))
    return message
