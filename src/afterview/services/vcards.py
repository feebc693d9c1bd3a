"""Import business cards (.vcf) as the opportunity's people (P3: contact details).

A card is the best source of an interviewer's details (P3), and P5's thank-you
cannot be addressed without the email it gives. A card that matches someone
already recorded — the same email, else the same name (accents, case and word
order aside) — fills in and corrects that person instead of adding a duplicate;
either way the details' source becomes "business-card". One transaction for the
whole file: a file that cannot be read writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from afterview import validation
from afterview.errors import BadInput
from afterview.integrations import normalised_name
from afterview.integrations.vcards import Card, parse_vcards
from afterview.playbook.facts import Person, PersonRole, Source
from afterview.services.app import App
from afterview.services.planning import refresh_opportunity


@dataclass(frozen=True)
class CardOutcome:
    person_id: int
    name: str
    changed: tuple[str, ...]  # the fields written: all of them for a new person
    email: str | None
    phone: str | None
    title: str | None
    organisation: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "person": self.person_id,
            "name": self.name,
            "changed": list(self.changed),
            "email": self.email,
            "phone": self.phone,
            "title": self.title,
            "organisation": self.organisation,
        }


@dataclass(frozen=True)
class VCardImport:
    opportunity_id: int
    company: str
    created: tuple[CardOutcome, ...]
    updated: tuple[CardOutcome, ...]
    unchanged: tuple[CardOutcome, ...]  # matched someone whose details the card repeats
    notes: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "opportunity": self.opportunity_id,
            "company": self.company,
            "created": [o.to_json() for o in self.created],
            "updated": [o.to_json() for o in self.updated],
            "unchanged": [o.to_json() for o in self.unchanged],
            "notes": list(self.notes),
        }


def import_vcards(
    app: App,
    data: bytes,
    opp_id: int,
    *,
    now: datetime,
    role: PersonRole | None = None,
) -> VCardImport:
    """Add or update one person per card. `role` is given to new people (default
    interviewer) and, when given, set on matched ones too."""
    cards, notes = parse_vcards(data)
    created: list[CardOutcome] = []
    updated: list[CardOutcome] = []
    unchanged: list[CardOutcome] = []
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(opp_id)
        people = list(opp.people)
        for card in map(_fitted, cards):
            _note_other_organisation(card, opp.company, notes)
            person = _match(card, people)
            if person is None:
                name = card.name or str(card.email)
                person_id = repo.add_person(
                    opp_id,
                    name=name,
                    role=role or PersonRole.INTERVIEWER,
                    email=card.email,
                    phone=card.phone,
                    title=card.title,
                    source=Source.BUSINESS_CARD,
                )
                people.append(
                    Person(person_id, name, role or PersonRole.INTERVIEWER, card.email,
                           card.phone, card.title, Source.BUSINESS_CARD)
                )  # fmt: skip
                fields = ("name", "email", "phone", "title")
                written = tuple(f for f in fields if getattr(card, f) is not None or f == "name")
                created.append(_outcome(person_id, name, written, card))
                continue
            changes = _changes(person, card, role)
            if changes:
                repo.update_person(person.id, **changes, source=Source.BUSINESS_CARD)
                people[people.index(person)] = _with(person, changes)
                name = str(changes.get("name", person.name))
                updated.append(_outcome(person.id, name, tuple(changes), card))
            else:
                unchanged.append(_outcome(person.id, person.name, (), card))
        refresh_opportunity(app, repo, opp_id, now)
    return VCardImport(
        opportunity_id=opp_id,
        company=opp.company,
        created=tuple(created),
        updated=tuple(updated),
        unchanged=tuple(unchanged),
        notes=tuple(dict.fromkeys(notes)),
    )


def _match(card: Card, people: list[Person]) -> Person | None:
    """Someone with one of the card's emails, else with the card's name."""
    emails = {address.casefold() for address in card.emails}
    for person in people:
        if person.email and person.email.casefold() in emails:
            return person
    if card.name:
        key = normalised_name(card.name)
        for person in people:
            if normalised_name(person.name) == key:
                return person
    return None


def _fitted(card: Card) -> Card:
    """The card's fields as the commands would accept them (one validation layer): cut
    to each field's length, invalid addresses dropped (the parser reports them)."""
    from dataclasses import replace

    emails = []
    for address in card.emails:
        try:
            emails.append(validation.email(address))
        except BadInput:
            continue
    name = validation.clipped(card.name)
    fields = validation.person(name or "?", None, None, validation.clipped(card.title))
    return replace(
        card,
        name=fields["name"] if name else None,
        title=fields["title"],
        emails=tuple(emails),
        phones=tuple(
            validation.line(validation.clipped(p, validation.PHONE), "A phone number",
                            validation.PHONE)
            for p in card.phones
        ),
    )  # fmt: skip


def _changes(person: Person, card: Card, role: PersonRole | None) -> dict[str, Any]:
    """What the card adds or corrects; an email the card also lists is kept as it is."""
    changes: dict[str, Any] = {}
    if card.name and card.name != person.name:
        changes["name"] = card.name
    known = {address.casefold() for address in card.emails}
    if card.email and (person.email is None or person.email.casefold() not in known):
        changes["email"] = card.email
    if card.phone and card.phone != person.phone:
        changes["phone"] = card.phone
    if card.title and card.title != person.title:
        changes["title"] = card.title
    if role is not None and role is not person.role:
        changes["role"] = role
    return changes


def _with(person: Person, changes: dict[str, Any]) -> Person:
    from dataclasses import replace

    return replace(person, **changes, source=Source.BUSINESS_CARD)


def _outcome(person_id: int, name: str, changed: tuple[str, ...], card: Card) -> CardOutcome:
    return CardOutcome(
        person_id=person_id,
        name=name,
        changed=changed,
        email=card.email,
        phone=card.phone,
        title=card.title,
        organisation=card.organisation,
    )


def _note_other_organisation(card: Card, company: str, notes: list[str]) -> None:
    """A card from another organisation (a recruiter's agency, or the wrong opportunity?)."""
    if not card.organisation:
        return
    theirs, ours = normalised_name(card.organisation), normalised_name(company)
    if not (set(theirs.split()) & set(ours.split())):
        who = card.name or card.email
        notes.append(f"{who}'s card is from {card.organisation}, not {company}.")
