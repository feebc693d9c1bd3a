"""Which `afterview draft …` command writes the text an action asks for.

Shown under the action in `today`, so the step "send Dana a thank-you" comes with
the command that drafts it (P1, P5, P7, P8, P12).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_THANKS = re.compile(r"P5:thank-you:interview=(\d+)(?::person=(\d+))?$")


def program_name() -> str:
    """How to call Afterview again: its name when on PATH, else the path just used."""
    import shutil
    import sys

    if shutil.which("afterview"):
        return "afterview"
    return sys.argv[0] if sys.argv and sys.argv[0] else "afterview"


def draft_command(item: dict[str, Any], program: str = "afterview") -> str | None:
    key = str(item.get("key", ""))
    opp = item.get("opportunity_id")
    thanks = _THANKS.match(key)
    if thanks:
        to = f" --to {thanks.group(2)}" if thanks.group(2) else ""
        return f"{program} draft thank-you {thanks.group(1)}{to}"
    if opp is None:
        return None
    for prefix, kind in (
        ("P1:recruiter-call:", "recruiter-call"),
        ("P8:follow-up:", "follow-up"),
        ("P7:withdrawal:", "withdrawal"),
        ("P12:withdraw-after-acceptance:", "withdrawal"),
        ("P12:offer-reply:", "accept"),
    ):
        if key.startswith(prefix):
            more = f" (or: {program} draft decline {opp})" if kind == "accept" else ""
            return f"{program} draft {kind} {opp}{more}"
    return None
