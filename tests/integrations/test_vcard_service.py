"""Importing business cards (services/vcards.py) on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from afterview.errors import BadInput, UnknownOpportunity
from afterview.playbook.facts import PersonRole, Route, Source
from afterview.services import records
from afterview.services.app import App
from afterview.services.queries import show_opportunity
from afterview.services.vcards import import_vcards

from .helpers import TZ, at, content, fixture

NOW = at(10, 16)


def people(app: App, opp: int) -> dict[str, Any]:
    return {p.name: p for p in show_opportunity(app, opp, NOW).opportunity.people}


def open_keys(app: App, opp: int) -> set[str]:
    return {i["key"] for i in show_opportunity(app, opp, NOW).actions if i["state"] == "pending"}


def test_cards_add_people_with_their_details(app: App) -> None:
    opp = records.add_opportunity(
        app, company="Contoso", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    result = import_vcards(app, fixture("google.vcf"), opp, now=NOW)
    assert [(o.name, o.changed) for o in result.created] == [
        ("Lena Vogel", ("name", "email", "phone", "title")),
        ("Jonas Weber", ("name", "email", "phone", "title")),
        ("talent@contoso.example", ("name", "email")),
    ]
    assert result.updated == result.unchanged == ()
    assert result.notes == ("Card 4 skipped: it gives neither a name nor an email address.",)
    lena = people(app, opp)["Lena Vogel"]
    assert (lena.email, lena.phone, lena.title, lena.role, lena.source) == (
        "lena.vogel@contoso.example",
        "+49 151 2345 6789",
        "Engineering Manager",
        PersonRole.INTERVIEWER,
        Source.BUSINESS_CARD,
    )


def test_a_card_completes_the_interviewer_p3_asked_about(app: App) -> None:
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    records.add_interview(
        app,
        opp,
        start=at(10, 14),
        end=at(10, 15),
        tz=TZ,
        now=at(1, 9),
        interviewers=(records.NewInterviewer("Tom Reyes"),),
    )
    tom = people(app, opp)["Tom Reyes"]
    assert f"P3:contact-details:person={tom.id}" in open_keys(app, opp)
    result = import_vcards(app, fixture("outlook.vcf"), opp, now=NOW)
    assert [(o.person_id, o.changed) for o in result.updated] == [
        (tom.id, ("email", "phone", "title"))
    ]
    assert [o.name for o in result.created] == ["Renée Faure"]
    tom = people(app, opp)["Tom Reyes"]
    assert (tom.email, tom.phone, tom.title, tom.source, tom.role) == (
        "tom.reyes@northwind.example",
        "+44 113 496 0123",
        "Principal Engineer",
        Source.BUSINESS_CARD,
        PersonRole.INTERVIEWER,
    )
    assert f"P3:contact-details:person={tom.id}" not in open_keys(app, opp)  # P3 done
    assert f"P5:thank-you:interview=1:person={tom.id}" in open_keys(app, opp)


def test_matching_by_email_corrects_the_name_and_keeps_a_listed_email(app: App) -> None:
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    dana = records.add_person(
        app,
        opp,
        name="Dana",
        role=PersonRole.HIRING_MANAGER,
        email="dana.kim@icloud.example",
        now=at(1, 9),
    )
    result = import_vcards(app, fixture("iphone.vcf"), opp, now=NOW)
    assert [(o.person_id, o.name, o.changed) for o in result.updated] == [
        (dana, "Dana Kim", ("name", "phone", "title"))
    ]
    person = people(app, opp)["Dana Kim"]
    assert person.email == "dana.kim@icloud.example"  # the card lists it too: kept
    assert person.role is PersonRole.HIRING_MANAGER  # no --role: unchanged


def test_names_match_without_accents_and_the_role_changes_only_when_given(app: App) -> None:
    opp = records.add_opportunity(
        app, company="Contoso", role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    records.add_person(app, opp, name="Jurgen Muller", role=PersonRole.INTERVIEWER, now=at(1, 9))
    result = import_vcards(
        app, fixture("android.vcf"), opp, now=NOW, role=PersonRole.HIRING_MANAGER
    )
    assert [o.name for o in result.updated] == ["Jürgen Müller"]
    assert result.updated[0].changed == ("name", "email", "phone", "title", "role")
    found = people(app, opp)
    assert sorted(found) == ["Jürgen Müller", "Łukasz Nowak"]
    assert found["Jürgen Müller"].role is PersonRole.HIRING_MANAGER
    assert found["Łukasz Nowak"].role is PersonRole.HIRING_MANAGER


def test_importing_the_same_cards_twice_changes_nothing(app: App) -> None:
    opp = records.add_opportunity(
        app, company="Adatum Corporation", role="Analyst", route=Route.DIRECT, now=at(1, 9)
    )
    import_vcards(app, fixture("v4.vcf"), opp, now=NOW)
    before = content(app)
    again = import_vcards(app, fixture("v4.vcf"), opp, now=NOW)
    assert (again.created, again.updated) == ((), ())
    assert [o.name for o in again.unchanged] == ["Ana Lima"]
    assert content(app) == before


def test_the_same_person_twice_in_one_file_is_one_person(app: App) -> None:
    opp = records.add_opportunity(
        app, company="TalentBridge", role="Analyst", route=Route.RECRUITER, now=at(1, 9)
    )
    data = fixture("outlook30.vcf") + fixture("outlook30.vcf").replace(
        b"TITLE:Senior Consultant\\, Data & Analytics", b"TITLE:Principal Consultant"
    )
    result = import_vcards(app, data, opp, now=NOW, role=PersonRole.RECRUITER)
    assert [o.name for o in result.created] == ["Priya Shah"]
    assert [(o.name, o.changed) for o in result.updated] == [("Priya Shah", ("title",))]
    assert people(app, opp)["Priya Shah"].title == "Principal Consultant"


def test_a_card_from_another_organisation_is_noted(app: App) -> None:
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.RECRUITER, now=at(1, 9)
    )
    result = import_vcards(app, fixture("outlook30.vcf"), opp, now=NOW, role=PersonRole.RECRUITER)
    assert result.notes == (
        "Priya Shah's card is from TalentBridge Recruitment Ltd, not Northwind Health.",
    )


@pytest.mark.parametrize("data", [b"", b"not a card", b"\x00\x01\x02", b"BEGIN:VCARD\r\n"])
def test_a_bad_file_writes_nothing(app: App, data: bytes) -> None:
    opp = records.add_opportunity(
        app, company="Contoso", role="Analyst", route=Route.DIRECT, now=at(1, 9)
    )
    before = content(app)
    with pytest.raises(BadInput):
        import_vcards(app, data, opp, now=NOW)
    assert content(app) == before


def test_an_unknown_opportunity_is_refused(app: App) -> None:
    with pytest.raises(UnknownOpportunity):
        import_vcards(app, fixture("v4.vcf"), 7, now=NOW)
