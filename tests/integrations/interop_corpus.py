"""The interop corpus (tests/integrations/interop): real invitations and cards from other
projects' test suites, run through the service imports, each compared with what
expected.toml says a careful reader of the file expects.

Every file gets a fresh copy of one migrated SQLite database, because the same UIDs
recur across files (a project's tests reuse one event). `python -m
tests.integrations.interop_corpus` prints the figures quoted in docs/integrations.md.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from afterview.errors import BadInput
from afterview.integrations.vcards import parse_vcards
from afterview.playbook.facts import Route
from afterview.services import records
from afterview.services.app import App
from afterview.services.invites import NewOpportunity, import_invite
from afterview.services.vcards import import_vcards

from .helpers import ME, at, make_app

CORPUS = Path(__file__).parent / "interop"
NOW = at(1, 9)
IMPORTED, REFUSED, WRONG = "imported right", "refused rightly", "wrong"


@cache
def expected() -> dict[str, Any]:
    with (CORPUS / "expected.toml").open("rb") as file:
        return tomllib.load(file)


def held_out(path: str) -> bool:
    return path.split("/", 1)[0] in expected()["held_out"]


def ics_cases() -> list[str]:
    return sorted(expected()["ics"])


def vcf_cases() -> list[str]:
    return sorted(expected()["vcf"])


@dataclass(frozen=True)
class Outcome:
    path: str
    verdict: str  # IMPORTED, REFUSED or WRONG
    detail: str = ""


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def template(folder: Path) -> Path:
    """A migrated database with one opportunity (id 1), copied for every file."""
    path = folder / "template.db"
    if not path.exists():
        app = make_app(f"sqlite:///{path}")
        records.add_opportunity(app, company="Acme", role="Engineer", route=Route.DIRECT,
                                now=NOW)  # fmt: skip
        app.close()
    return path


def fresh_app(folder: Path, name: str) -> App:
    target = folder / f"{re.sub(r'[^A-Za-z0-9]+', '_', name)}.db"
    shutil.copyfile(template(folder), target)
    return make_app(f"sqlite:///{target}")


def check_invite(app: App, path: str) -> Outcome:
    """Import one invitation (as a new opportunity) and compare with the expectation."""
    want = expected()["ics"][path]
    data = (CORPUS / "ics" / path).read_bytes()
    create = NewOpportunity("Interop", "Engineer")
    try:
        result = import_invite(app, data, now=NOW, own_emails=(ME,), create=create)
    except BadInput as error:
        if "refused" in want and re.search(want["refused"], error.message, re.I):
            return Outcome(path, REFUSED, error.message)
        return Outcome(path, WRONG, f"refused: {error.message}")
    if "refused" in want:
        return Outcome(path, WRONG, f"imported {result.start}, expected refusal")
    got = (result.start.astimezone(UTC), result.end.astimezone(UTC), result.all_day)
    wanted = (utc(want["start"]), utc(want["end"]), want.get("all_day", False))
    if got != wanted:
        return Outcome(path, WRONG, f"got {got}, expected {wanted}")
    return Outcome(path, IMPORTED)


def check_cards(app: App, path: str) -> Outcome:
    """Import one vCard file into opportunity 1 and compare each card."""
    want = expected()["vcf"][path]
    data = (CORPUS / "vcf" / path).read_bytes()
    try:
        result = import_vcards(app, data, 1, now=NOW)
    except BadInput as error:
        if "refused" in want and re.search(want["refused"], error.message, re.I):
            return Outcome(path, REFUSED, error.message)
        return Outcome(path, WRONG, f"refused: {error.message}")
    if "refused" in want:
        return Outcome(path, WRONG, "imported, expected refusal")
    outcomes = [*result.created, *result.updated, *result.unchanged]
    cards, _ = parse_vcards(data)
    if len(outcomes) != len(want["cards"]) or len(cards) != len(want["cards"]):
        return Outcome(path, WRONG, f"{len(outcomes)} cards, expected {len(want['cards'])}")
    for outcome, card, wanted in zip(outcomes, cards, want["cards"], strict=True):
        problem = _card_problem(outcome, card.emails, wanted)
        if problem:
            return Outcome(path, WRONG, problem)
    return Outcome(path, IMPORTED)


def _card_problem(outcome: Any, emails: tuple[str, ...], wanted: dict[str, Any]) -> str:
    name = wanted.get("name") or wanted.get("email")  # no name: the address stands in
    fold = [e.casefold() for e in emails]
    checks = [
        ("name", outcome.name, name),
        ("email", (outcome.email or "").casefold() or None, _fold(wanted.get("email"))),
        ("phone", outcome.phone, wanted.get("phone")),
    ]
    if "emails" in wanted:
        checks.append(("emails", sorted(fold), sorted(e.casefold() for e in wanted["emails"])))
    for what, got, want in checks:
        if got != want:
            return f"{what}: got {got!r}, expected {want!r}"
    return ""


def _fold(text: str | None) -> str | None:
    return text.casefold() if text else None


def run_all(folder: Path) -> Iterator[Outcome]:
    for path in ics_cases():
        app = fresh_app(folder, path)
        try:
            yield check_invite(app, path)
        finally:
            app.close()
    for path in vcf_cases():
        app = fresh_app(folder, path)
        try:
            yield check_cards(app, path)
        finally:
            app.close()


def figures(outcomes: list[Outcome]) -> str:
    lines = []
    for kind in ("ics", "vcf"):
        for part, label in ((False, "tuned on"), (True, "held out")):
            picked = [o for o in outcomes if _kind(o.path) == kind and held_out(o.path) == part]
            counts = {v: sum(o.verdict == v for o in picked) for v in (IMPORTED, REFUSED, WRONG)}
            lines.append(f"{kind} {label}: {len(picked)} files; "
                         + ", ".join(f"{v} {n}" for v, n in counts.items()))  # fmt: skip
    return "\n".join(lines)


def _kind(path: str) -> str:
    return "vcf" if path.endswith(".vcf") else "ics"


if __name__ == "__main__":  # the figures for the docs
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        results = list(run_all(Path(tmp)))
    for outcome in results:
        if outcome.verdict == WRONG:
            print("WRONG", outcome.path, outcome.detail)
    print(figures(results))
