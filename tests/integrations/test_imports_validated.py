"""One validation layer: what an invitation or a card brings in is stored only as the
commands would accept it (issue: invitations and cards wrote past the commands' limits),
so every imported value survives `export json` / `import json` unchanged."""

from __future__ import annotations

from afterview import validation
from afterview.services.app import App
from afterview.services.backup import export_json, import_json
from afterview.services.invites import NewOpportunity, import_invite
from afterview.services.queries import show_opportunity
from afterview.services.vcards import import_vcards

from .helpers import at
from .helpers import make_app as fresh_app

NOW = at(5, 9)
LONG_NAME = "Dana " + "Kimberley-" * 60 + "Kim"
LINK = "https://teams.example/l/meetup-join/" + "a" * 400
HUGE_PLACE = "Room " + "B" * 3000

INVITE = f"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//EN\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:long-values-1\r
SEQUENCE:0\r
DTSTAMP:20260301T090000Z\r
DTSTART:20260310T100000Z\r
DTEND:20260310T110000Z\r
SUMMARY:Interview\r
LOCATION:{{place}}\r
ORGANIZER;CN="{LONG_NAME}":mailto:dana@acme.example\r
END:VEVENT\r
END:VCALENDAR\r
"""

CARD = f"""BEGIN:VCARD\r
VERSION:3.0\r
FN:{LONG_NAME}\r
TITLE:{"Head of " * 80}Data\r
EMAIL;TYPE=WORK:dana@acme.example\r
TEL;TYPE=WORK:{"+44 20 7946 0000 " * 6}\r
END:VCARD\r
"""


def test_long_values_from_an_invitation_are_kept_as_a_command_would_take_them(
    app: App,
) -> None:
    link = import_invite(
        app, INVITE.replace("{place}", LINK).encode(), now=NOW,
        create=NewOpportunity("Acme", "Analyst"),
    )  # fmt: skip
    view = show_opportunity(app, link.opportunity_id, NOW).opportunity
    assert view.interviews[0].location == LINK  # a meeting link is kept whole
    (person,) = view.people
    assert len(person.name) <= validation.NAME
    assert person.name == validation.line(person.name, "The name")
    validation.check_backup(export_json(app, NOW)["tables"])

    other = import_invite(
        app, INVITE.replace("{place}", HUGE_PLACE).replace("long-values-1", "long-values-2")
        .encode(), now=NOW, create=NewOpportunity("Globex", "Analyst"),
    )  # fmt: skip
    place = show_opportunity(app, other.opportunity_id, NOW).opportunity.interviews[0].location
    assert place is not None and len(place) <= validation.PLACE


def test_long_values_from_a_card_are_kept_as_a_command_would_take_them(app: App) -> None:
    from afterview.playbook.facts import Route
    from afterview.services import records

    opp = records.add_opportunity(app, company="Acme", role="Analyst", route=Route.DIRECT,
                                  now=NOW)  # fmt: skip
    import_vcards(app, CARD.encode(), opp, now=NOW)
    (person,) = show_opportunity(app, opp, NOW).opportunity.people
    assert len(person.name) <= validation.NAME
    assert person.title is not None and len(person.title) <= validation.NAME
    assert person.phone is not None and len(person.phone) <= validation.PHONE
    dumped = export_json(app, NOW)
    validation.check_backup(dumped["tables"])  # what import json would refuse: nothing
    if app.url.startswith("sqlite"):
        copy = fresh_app(app.url.replace(".sqlite3", "-copy.sqlite3"))
        try:
            import_json(copy, dumped, NOW)
            (same,) = show_opportunity(copy, opp, NOW).opportunity.people
        finally:
            copy.close()
        assert (same.name, same.title, same.phone) == (person.name, person.title, person.phone)
