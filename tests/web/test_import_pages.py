"""The import page in the browser: invitations and business cards, with errors kept on the form."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from afterview.playbook.facts import PersonRole, Route
from afterview.services import queries, records
from afterview.services.backup import export_json

from .conftest import Live

FIXTURES = Path(__file__).resolve().parent.parent / "integrations" / "fixtures"


def content(live: Live) -> dict[str, Any]:
    tables = export_json(live.service, datetime.now(UTC))["tables"]
    tables.pop("_id_counters")
    return tables  # type: ignore[no-any-return]


def add(live: Live, company: str, email: str | None = None) -> int:
    moment = datetime.now(UTC)
    opp = records.add_opportunity(
        live.service, company=company, role="Data Engineer", route=Route.DIRECT, now=moment
    )
    if email:
        records.add_person(
            live.service,
            opp,
            name="Dana Kim",
            role=PersonRole.HIRING_MANAGER,
            now=moment,
            email=email,
        )
    return opp


def test_an_invitation_is_matched_by_the_organisers_domain(
    live: Live, page: Any, shot: Any
) -> None:
    opp = add(live, "Northwind Health", "dana.kim@northwind.example")
    add(live, "Contoso")
    page.goto(f"{live.url}/import")
    assert page.title() == "Import · Afterview"
    shot(page, "import")
    page.get_by_label("Invitation file").set_input_files(str(FIXTURES / "outlook_request.ics"))
    page.get_by_label("Your address in the invitation").fill("alex.candidate@mailbox.example")
    with page.expect_navigation():
        page.get_by_role("button", name="Import the invitation").click()
    page.wait_for_url(re.compile(rf".*/opportunities/{opp}"))
    notice = page.get_by_role("status").inner_text()
    assert notice.startswith(
        f"Interview 1 added to opportunity {opp} (Northwind Health): Tue 10 Mar"
    )
    interviews = page.locator("#interviews").inner_text()
    assert "Round 1" in interviews
    people = page.locator("#people").inner_text()
    assert "Tom Reyes" in people
    assert "Alex Candidate" not in people  # the candidate is not one of their people
    shot(page, "after-invite")


def test_no_match_offers_a_new_opportunity_and_keeps_the_choices(
    live: Live, page: Any, shot: Any
) -> None:
    add(live, "Contoso")
    before = content(live)
    page.goto(f"{live.url}/import")
    page.get_by_label("Invitation file").set_input_files(str(FIXTURES / "zoom_request.ics"))
    with page.expect_response(lambda r: r.url.endswith("/import/invite")) as answer:
        page.get_by_role("button", name="Import the invitation").click()
    assert answer.value.status == 400
    alert = page.locator("#invite-error").inner_text()
    assert "Nothing was imported" in alert
    assert "--" not in alert  # said the form's way, not the CLI's
    assert "Choose its opportunity below, or start a new one with its company and role." in alert
    assert content(live) == before
    shot(page, "no-match")
    # the "start a new opportunity" part is open: fill it and send the file again
    page.get_by_label("Company").fill("Fabrikam")
    page.get_by_label("Role", exact=True).fill("Analytics Engineer")
    page.get_by_label("Through a recruiter").check()
    page.get_by_label("Invitation file").set_input_files(str(FIXTURES / "zoom_request.ics"))
    with page.expect_navigation():
        page.get_by_role("button", name="Import the invitation").click()
    page.wait_for_url(re.compile(r".*/opportunities/\d+"))
    assert "new opportunity" in page.get_by_role("status").inner_text()
    rows = {r["company"]: r for r in queries.list_opportunities(live.service, datetime.now(UTC))}
    assert rows["Fabrikam"]["route"] == "recruiter"


def test_a_pasted_invitation_and_a_broken_one(live: Live, page: Any) -> None:
    opp = add(live, "Northwind Health", "dana.kim@northwind.example")
    before = content(live)
    page.goto(f"{live.url}/import")
    page.get_by_text("Or paste the invitation's text").click()
    page.get_by_label("Invitation text").fill("BEGIN:VCALENDAR\nthis is not one")
    invitation = page.locator("#invitation")
    invitation.get_by_label("Opportunity").select_option(str(opp))
    with page.expect_response(lambda r: r.url.endswith("/import/invite")) as answer:
        page.get_by_role("button", name="Import the invitation").click()
    assert answer.value.status == 400
    assert page.locator("#invite-error").is_visible()
    assert page.get_by_label("Invitation text").input_value() == "BEGIN:VCALENDAR\nthis is not one"
    assert page.locator("#invitation").get_by_label("Opportunity").input_value() == str(opp)
    assert content(live) == before
    text = (FIXTURES / "google_request.ics").read_text("utf-8")
    page.get_by_label("Invitation text").fill(text)
    with page.expect_navigation():
        page.get_by_role("button", name="Import the invitation").click()
    page.wait_for_url(re.compile(rf".*/opportunities/{opp}"))
    assert "added to opportunity" in page.get_by_role("status").inner_text()


def test_business_cards_from_the_opportunity_page(live: Live, page: Any, shot: Any) -> None:
    opp = add(live, "Contoso")
    page.goto(f"{live.url}/opportunities/{opp}")
    page.get_by_role("link", name="Import business cards (.vcf)").click()
    assert page.locator("#invitation").get_by_label("Opportunity").input_value() == str(opp)
    cards = page.locator("#cards")
    assert cards.get_by_label("Opportunity").input_value() == str(opp)
    # no file: refused, choices kept
    cards.get_by_label("Their role").select_option("recruiter")
    with page.expect_response(lambda r: r.url.endswith("/import/vcard")) as answer:
        cards.get_by_role("button", name="Import the cards").click()
    assert answer.value.status == 400
    assert "Choose the business card file" in page.locator("#cards-error").inner_text()
    cards = page.locator("#cards")
    assert cards.get_by_label("Their role").input_value() == "recruiter"
    cards.get_by_label("Their role").select_option("")
    cards.get_by_label("Card file").set_input_files(str(FIXTURES / "google.vcf"))
    with page.expect_navigation():
        cards.get_by_role("button", name="Import the cards").click()
    page.wait_for_url(re.compile(rf".*/opportunities/{opp}"))
    assert "Lena Vogel" in page.get_by_role("status").inner_text()
    assert "Jonas Weber" in page.locator("#people").inner_text()
    shot(page, "after-cards")
    # the same file again updates nobody twice
    page.goto(f"{live.url}/import?opp={opp}")
    page.locator("#cards").get_by_label("Card file").set_input_files(str(FIXTURES / "google.vcf"))
    with page.expect_navigation():
        page.locator("#cards").get_by_role("button", name="Import the cards").click()
    page.wait_for_url(re.compile(rf".*/opportunities/{opp}"))
    assert "already up to date" in page.get_by_role("status").inner_text()
    people = queries.show_opportunity(live.service, opp, datetime.now(UTC)).opportunity.people
    assert len([p for p in people if p.name == "Lena Vogel"]) == 1
