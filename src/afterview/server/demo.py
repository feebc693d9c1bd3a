"""A demo agency to try the server with: an administrator, a consultant and two
candidates whose demo opportunities are shared with the consultant, so the
consultant's day has calls to expect and client decisions at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from afterview.errors import BadInput
from afterview.server import accounts, projection, sharing
from afterview.server import tables as t
from afterview.services import demo as single_user_demo
from afterview.services import queries

if TYPE_CHECKING:
    from afterview.server.store import ServerStore

AGENCY = "Northgate Recruitment (demo)"
TZ = "Europe/London"
PEOPLE = (
    ("admin", "Bea Marsh", "bea.marsh@northgate.example"),
    ("consultant", "Sam Okafor", "sam.okafor@northgate.example"),
    ("candidate", "Ana Lima", "ana.lima@example.com"),
    ("candidate", "Bo Chen", "bo.chen@example.com"),
)


@dataclass(frozen=True)
class DemoAgency:
    agency_id: int
    accounts: tuple[tuple[str, str, str], ...]  # (role, name, email)


def create(store: ServerStore, password: str, now: datetime) -> DemoAgency:
    """Everything or a clear refusal when the demo accounts already exist."""
    with store.owner() as conn:
        taken = conn.execute(
            select(t.users.c.email).where(t.users.c.email.in_([p[2] for p in PEOPLE]))
        ).first()
    if taken is not None:
        raise BadInput(
            f"The demo agency is already there ({taken.email}); sign in with its accounts, "
            "or use another --prefix."
        )
    agency_id = accounts.create_agency(store, AGENCY, now)
    made = {
        email: accounts.add_user(
            store,
            agency_id=agency_id,
            email=email,
            name=name,
            role=role,
            password=password,
            timezone=TZ,
            now=now,
        )
        for role, name, email in PEOPLE
    }
    consultant = made[PEOPLE[1][2]]
    for _, _, email in PEOPLE[2:]:
        candidate = made[email]
        app = store.candidate_app(candidate.id, TZ)
        single_user_demo.create(app, now)
        link = sharing.invite(store, candidate, consultant.email, now)
        sharing.accept(store, consultant, link.id, now)
        for row in queries.list_opportunities(app, now):
            if row["route"] == "recruiter":
                sharing.set_parts(store, candidate, app, row["id"], projection.DEFAULT_PARTS, now)
    return DemoAgency(agency_id, PEOPLE)
