"""Reading business cards (integrations/vcards.py): 2.1, 3.0, 4.0 as devices export them."""

from __future__ import annotations

import pytest

from afterview.errors import BadInput
from afterview.integrations import MAX_BYTES, normalised_name
from afterview.integrations.vcards import Card, parse_vcards

from .helpers import fixture


def cards(name: str) -> list[Card]:
    found, _ = parse_vcards(fixture(name))
    return found


def test_iphone_grouped_work_email_beats_the_preferred_home_one() -> None:
    assert cards("iphone.vcf") == [
        Card(
            name="Dana Kim",
            title="Lead Data Engineer",
            organisation="Northwind Health",
            emails=("dana.kim@northwind.example", "dana.kim@icloud.example"),
            phones=("+44 7700 900123", "+44 113 496 0100"),
            version="3.0",
        )
    ]  # the folded base64 PHOTO is dropped


def test_android_21_quoted_printable_utf8_with_soft_line_breaks() -> None:
    found, notes = parse_vcards(fixture("android.vcf"))
    assert notes == []
    first, second = found
    assert first.name == "Jürgen Müller"
    assert first.organisation == (
        "Contoso Deutschland GmbH – Geschäftsbereich Datenplattform und Analytik"
    )
    assert first.title == "Leiter Datenplattform"
    assert first.emails == ("j.mueller@contoso.example", "juergen.mueller@mailbox.example")
    assert first.phones == ("+49 30 1234567", "+49 170 1234567")  # work first, then mobile
    assert (second.name, second.email, second.phone) == (
        "Łukasz Nowak",
        "lukasz.nowak@contoso.example",
        "+48 600 100 200",
    )


def test_outlook_21_in_windows_1252_with_bare_parameters_and_a_fax() -> None:
    tom, renee = cards("outlook.vcf")
    assert tom == Card(
        name="Tom Reyes",
        title="Principal Engineer",
        organisation="Northwind Health",
        emails=("tom.reyes@northwind.example",),
        phones=("+44 113 496 0123", "+44 7700 900456"),  # never the fax
        version="2.1",
    )
    assert (renee.name, renee.title) == ("Renée Faure", "Talent Acquisition Lead")


def test_outlook_30_escaped_commas_and_semicolons() -> None:
    (priya,) = cards("outlook30.vcf")
    assert priya.name == "Priya Shah"
    assert priya.title == "Senior Consultant, Data & Analytics"
    assert priya.organisation == "TalentBridge Recruitment Ltd"
    assert priya.email == "priya.shah@talentbridge.example"
    assert priya.phones == ("+44 20 7946 0321", "+44 7700 900789")


def test_google_several_cards_and_the_unusable_one_is_noted() -> None:
    found, notes = parse_vcards(fixture("google.vcf"))
    assert [(c.name, c.email, c.title) for c in found] == [
        ("Lena Vogel", "lena.vogel@contoso.example", "Engineering Manager"),
        ("Jonas Weber", "jonas.weber@contoso.example", "Staff Engineer, Data Platform"),
        (None, "talent@contoso.example", None),
    ]
    assert found[1].phones == ("+49 30 5555 0101",)  # item1.TEL with a custom label
    assert notes == ["Card 4 skipped: it gives neither a name nor an email address."]


def test_vcard_40_pref_1_and_tel_uris() -> None:
    (ana,) = cards("v4.vcf")
    assert ana.version == "4.0"
    assert ana.emails == ("ana.lima@adatum.example", "ana.lima@mailbox.example")
    # work before mobile (even a mobile marked PREF=1), the extension kept, no fax
    assert ana.phones == ("+1-555-555-0150 ext. 12", "+1-555-555-0100")
    assert (ana.title, ana.organisation) == ("Hiring Manager, Analytics", "Adatum Corporation")


def test_utf16_with_a_bom_as_windows_saves_it() -> None:
    text = fixture("outlook30.vcf").decode("utf-8")
    assert cards_of(text.encode("utf-16")) == cards("outlook30.vcf")


def test_a_name_from_n_when_fn_is_missing_and_a_bad_email_is_noted() -> None:
    found, notes = parse_vcards(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:O'Brien;Siobh\xc3\xa1n;Marie;Dr.;\r\n"
        b"EMAIL:not-an-address\r\nEMAIL;TYPE=work:siobhan@fabrikam.example\r\nEND:VCARD\r\n"
    )
    assert found[0].name == "Dr. Siobhán Marie O'Brien"
    assert found[0].emails == ("siobhan@fabrikam.example",)
    assert notes == ["Card 1: 'not-an-address' is not an email address; left out."]


def test_quoted_printable_in_an_unknown_charset_still_reads() -> None:
    found, _ = parse_vcards(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=X-UNKNOWN;ENCODING=QUOTED-PRINTABLE:Ren=E9e\r\n"
        b"EMAIL:renee@northwind.example\r\nEND:VCARD\r\n"
    )
    assert found[0].name == "Renée"  # neither the charset nor UTF-8: Windows-1252


def cards_of(data: bytes) -> list[Card]:
    return parse_vcards(data)[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The vCard file is empty."),
        (b"Name: Dana Kim\nEmail: dana@northwind.example\n", "not a vCard file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary data"),
        (
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:only a note\r\nEND:VCARD\r\n",
            "No card in the file could be used. Card 1 skipped",
        ),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana\r\n", "not a vCard file"),  # no END:VCARD
    ],
)
def test_a_bad_file_is_one_clear_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(BadInput, match=message) as caught:
        parse_vcards(data)
    assert "\n" not in caught.value.message


def test_a_huge_file_is_refused() -> None:
    with pytest.raises(BadInput, match="too large"):
        parse_vcards(b"BEGIN:VCARD\r\n" + b"X" * MAX_BYTES)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Jürgen Müller", "jurgen muller"),
        ("Kim, Dana", "Dana Kim"),
        ("Renée  Faure", "RENEE FAURE"),
    ],
)
def test_names_match_without_accents_case_punctuation_or_order(one: str, other: str) -> None:
    assert normalised_name(one) == normalised_name(other)
