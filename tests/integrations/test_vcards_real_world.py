"""Business cards as Gmail, Lotus Notes, iPhone and RFC 6350 write them: each test is a
case an outside campaign of real cards found wrong, and failed before the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from afterview.integrations.vcards import Card, parse_vcards
from afterview.playbook.facts import Route
from afterview.services import records
from afterview.services.app import App
from afterview.services.queries import show_opportunity
from afterview.services.vcards import import_vcards

from .helpers import at, make_app

OSC_52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"  # writes the terminal's clipboard


def card(*lines: str, version: str = "3.0") -> Card:
    text = "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])
    (only,), _ = parse_vcards(text.encode("utf-8"))
    return only


def test_a_formatted_name_with_an_unescaped_comma_is_kept_whole() -> None:
    gmail = card("FN:Mr. John Richter, James Doe Sr.", "N:Doe;John;Richter\\, James;Mr.;Sr.")
    assert gmail.name == "Mr. John Richter, James Doe Sr."
    assert card("FN:A B", "TITLE:Head of Data, Analytics").title == "Head of Data, Analytics"


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (("FN:Dartmouth, Greg", "N:Dartmouth;Greg;;;"), "Greg Dartmouth"),
        (("FN:Dartmouth\\, Greg", "N:Dartmouth;Greg;;;"), "Greg Dartmouth"),
        (("FN:Dartmouth, Greg",), "Greg Dartmouth"),  # no N: "Word, Word" reads family first
        (("FN:Smith, Jr.",), "Smith, Jr."),  # a suffix, not a given name
        (("FN:Acme, Inc", "N:Acme;;;;"), "Acme, Inc"),  # N does not confirm: as written
    ],
)
def test_a_family_first_name_is_stored_given_name_first(lines: tuple[str, ...], name: str) -> None:
    assert card(*lines).name == name


def test_a_lotus_notes_card_with_profile_vcard_is_read() -> None:
    notes = card("PROFILE:VCard", "FN:John Doe", "EMAIL;TYPE=INTERNET:john.doe@ibm.example")
    assert (notes.name, notes.email) == ("John Doe", "john.doe@ibm.example")


def test_a_phone_extension_is_kept() -> None:
    v4 = card('TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102', "FN:S P",
              version="4.0")  # fmt: skip
    assert v4.phone == "+1-418-656-9254 ext. 102"


def test_work_comes_before_an_iphone_mobile_marked_preferred() -> None:
    iphone = card(
        "FN:John Doe",
        "TEL;type=CELL;type=VOICE;type=pref:905-555-1234",
        "TEL;type=HOME;type=VOICE:905-666-1234",
        "TEL;type=WORK;type=VOICE:905-777-1234",
        "TEL;type=WORK;type=FAX:905-999-1234",
    )
    assert iphone.phones == ("905-777-1234", "905-555-1234", "905-666-1234")


def test_a_placeholder_without_digits_is_not_a_phone() -> None:
    assert card("FN:John Doe", "TEL;WORK;VOICE:BusinessPhone", version="2.1").phones == ()


def test_control_characters_never_reach_a_card() -> None:
    evil = card(f"FN:Dana{OSC_52} Kim\u202e\x9b2J", "TITLE:Lead\x1b[31m\x7f Engineer",
                "EMAIL:dana.kim@northwind.example")  # fmt: skip
    assert (evil.name, evil.title) == ("Dana Kim", "Lead Engineer")


def test_the_cli_neither_stores_nor_prints_an_escape_sequence(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cards.db'}"
    app = make_app(url)
    opp = records.add_opportunity(app, company="Northwind", role="Engineer",
                                  route=Route.DIRECT, now=at(1, 9))  # fmt: skip
    app.close()
    vcf = tmp_path / "evil.vcf"
    vcf.write_bytes(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana{OSC_52} Kim\r\n"
                    "EMAIL:dana.kim@northwind.example\r\nEND:VCARD\r\n".encode())  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("AFTERVIEW_")}
    env |= {"AFTERVIEW_HOME": str(tmp_path), "AFTERVIEW_DB": url, "AFTERVIEW_TZ": "Europe/London"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "afterview", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    imported = run("import", "vcard", str(vcf), str(opp))
    shown = run("opp", "show", str(opp))
    assert imported.returncode == 0 and shown.returncode == 0, imported.stderr + shown.stderr
    assert "Dana Kim" in imported.stdout and "Dana Kim" in shown.stdout
    assert "\x1b" not in imported.stdout + shown.stdout and "\x07" not in shown.stdout


def test_stored_names_are_clean(app: App) -> None:
    opp = records.add_opportunity(app, company="Northwind", role="Engineer",
                                  route=Route.DIRECT, now=at(1, 9))  # fmt: skip
    data = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom{OSC_52} Reyes\r\nEND:VCARD\r\n".encode()
    import_vcards(app, data, opp, now=at(10, 16))
    (person,) = show_opportunity(app, opp, at(10, 16)).opportunity.people
    assert person.name == "Tom Reyes"
