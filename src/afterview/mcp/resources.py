"""Resources a client can attach: the playbook (P1–P12) and each opportunity.

afterview://playbook              every rule with its guidance (markdown)
afterview://playbook/{rule}       one rule, e.g. afterview://playbook/P5
afterview://opportunity/{id}      everything about one opportunity, with its plan (JSON)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from afterview.errors import NotFound
from afterview.mcp.playbook_text import RULES, playbook_markdown, rule_text

if TYPE_CHECKING:
    from afterview.services.app import App

PLAYBOOK = "afterview://playbook"
OPPORTUNITY = "afterview://opportunity/"
PAGE = 100  # opportunities per page of resources/list


@dataclass(frozen=True)
class Listed:
    uri: str
    name: str
    title: str
    description: str
    mime_type: str


@dataclass(frozen=True)
class Content:
    uri: str
    mime_type: str
    text: str


def listed(app: App, now: datetime, offset: int) -> tuple[list[Listed], int | None]:
    """The playbook, its rules, then opportunities a page at a time; the next offset or None."""
    from afterview.services.queries import list_opportunities

    found: list[Listed] = []
    if offset == 0:
        found.append(
            Listed(
                PLAYBOOK,
                "playbook",
                "The Afterview playbook (P1–P12)",
                "What to do after an interview, when, and how: every rule with its guidance.",
                "text/markdown",
            )
        )
        found.extend(
            Listed(
                f"{PLAYBOOK}/{rule}",
                f"playbook-{rule}",
                f"{rule} — {title}",
                f"Playbook rule {rule}: {title}.",
                "text/markdown",
            )
            for rule, (title, _) in RULES.items()
        )
    rows = list_opportunities(app, now)
    for row in rows[offset : offset + PAGE]:
        found.append(
            Listed(
                f"{OPPORTUNITY}{row['id']}",
                f"opportunity-{row['id']}",
                f"{row['company']} — {row['role']}",
                f"Opportunity {row['id']} ({row['status']}): people, interviews, contacts, "
                "debriefs and its plan.",
                "application/json",
            )
        )
    following = offset + PAGE
    return found, following if following < len(rows) else None


def read(app: App, uri: str, now: datetime) -> Content:
    if uri == PLAYBOOK:
        return Content(uri, "text/markdown", playbook_markdown(app.settings))
    if uri.startswith(f"{PLAYBOOK}/"):
        rule = uri.removeprefix(f"{PLAYBOOK}/").upper()
        if rule not in RULES:
            raise NotFound(f"No playbook rule {rule!r}: the rules are P1 to P12.")
        return Content(uri, "text/markdown", rule_text(rule, app.settings))
    if uri.startswith(OPPORTUNITY):
        from afterview.services.queries import show_opportunity

        tail = uri.removeprefix(OPPORTUNITY)
        if not tail.isdigit() or int(tail) < 1:
            raise NotFound(f"{uri} names no opportunity: use afterview://opportunity/ID.")
        view = show_opportunity(app, int(tail), now)
        text = json.dumps(view.to_json(), sort_keys=True, indent=1, ensure_ascii=False)
        return Content(uri, "application/json", text)
    raise NotFound(f"No resource {uri}: resources/list shows them.")
