"""The spelling check (P5: "Checks before sending: spelling") against the real dictionaries.

These tests use the installed SCOWL word lists (Debian package `scowl`, see the
Makefile's system-deps); the compiled dictionary is built once per test session
in the shared cache (tests/conftest.py).
"""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.checks.spelling import check
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.spelling import load
from afterview.writing.text import Document


def flagged(text: str, language: str = "en-GB", known: tuple[str, ...] = ()) -> list[str]:
    findings = check(Document(text), CheckContext(language=language, known_words=frozenset(known)))
    return [text[f.offset : f.offset + f.length] for f in findings]


def only(text: str, language: str = "en-GB", known: tuple[str, ...] = ()) -> Finding:
    findings = check(Document(text), CheckContext(language=language, known_words=frozenset(known)))
    assert len(findings) == 1, findings
    return findings[0]


# --- the dictionary ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "gb", "us"),
    [
        ("colour", True, False),
        ("color", False, True),
        ("organise", True, False),
        ("organize", True, True),  # Oxford spelling is British too
        ("organisation", True, False),
        ("centre", True, False),
        ("center", False, True),
        ("travelling", True, False),
        ("traveling", False, True),
        ("analyse", True, False),
        ("analyze", False, True),
        ("programme", True, False),
        ("judgment", True, True),
        ("receive", True, True),
        ("recieve", False, False),
        ("definately", False, False),
    ],
)
def test_each_language_has_its_own_spellings(word: str, gb: bool, us: bool) -> None:
    assert load("en-GB").known(word) is gb
    assert load("en-US").known(word) is us


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("Thank", True),  # a sentence's first word
        ("THANK", True),
        ("thank", True),
        ("London", True),
        ("LONDON", True),
        ("london", False),  # a name is not written in lower case
        ("iPhone", True),
        ("IPHONE", True),
        ("Iphone", False),
        ("don't", True),
        ("don’t", True),  # curly apostrophe
        ("DON’T", True),
        ("John's", True),
        ("John’s", True),
        ("colleague's", True),
        ("recieve's", False),
        ("", False),
        ("x" * 5000, False),
    ],
)
def test_case_and_apostrophes_follow_hunspell(word: str, known: bool) -> None:
    assert load("en-GB").known(word) is known


def test_load_is_cached_per_language() -> None:
    assert load("en-GB") is load("en-GB")
    assert load("en-GB") is not load("en-US")
    assert len(load("en-GB")) > 100_000


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("recieve", "receive"),
        ("Recieve", "Receive"),
        ("RECIEVE", "RECEIVE"),
        ("definately", "definitely"),
        ("seperate", "separate"),
        ("accomodate", "accommodate"),
        ("occurence", "occurrence"),
        ("untill", "until"),
        ("beleive", "believe"),
        ("intervew", "interview"),
        ("oppurtunity", "opportunity"),
        ("thier", "their"),
        ("london", "London"),
        ("thankyou", "thank you"),
        ("dont", "don't"),
        ("iphone", "iPhone"),
    ],
)
def test_first_suggestion_is_the_intended_word(typed: str, first: str) -> None:
    assert load("en-GB").suggest(typed)[0] == first


def test_suggestions_are_dictionary_words_of_the_language() -> None:
    gb = load("en-GB").suggest("colur", 5)
    us = load("en-US").suggest("colur", 5)
    assert "colour" in gb and "color" not in gb
    assert "color" in us and "colour" not in us
    assert all(load("en-GB").known(s) for s in gb)


def test_suggest_respects_the_limit_and_gives_up_on_junk() -> None:
    speller = load("en-GB")
    assert len(speller.suggest("recieve", 2)) == 2
    assert len(speller.suggest("recieve")) == 5
    assert speller.suggest("recieve", 0) == []
    assert speller.suggest("") == []
    assert speller.suggest("q" * 300) == []


def test_other_variety_is_paired_with_our_spelling() -> None:
    gb, us = load("en-GB"), load("en-US")
    assert gb.other_variety("color") is not None
    assert gb.other_variety("color").ours == "colour"  # type: ignore[union-attr]
    assert gb.other_variety("Traveling").ours == "Travelling"  # type: ignore[union-attr]
    assert us.other_variety("centre").ours == "center"  # type: ignore[union-attr]
    assert us.other_variety("organise").ours == "organize"  # type: ignore[union-attr]
    assert gb.other_variety("colour") is None
    assert gb.other_variety("recieve") is None


# --- the check ----------------------------------------------------------------------


def test_a_misspelling_is_an_error_with_place_message_and_suggestions() -> None:
    text = "Dear Dana,\n\nThank you for the intervew yesterday.\n"
    finding = only(text)
    assert finding.rule == "spelling"
    assert finding.severity is Severity.ERROR
    assert (finding.line, finding.column) == (3, 19)
    assert text[finding.offset : finding.offset + finding.length] == "intervew"
    assert finding.message == "“intervew” is not in the British English dictionary"
    assert finding.suggestions[0] == "interview"
    assert 1 < len(finding.suggestions) <= 5


def test_suggestions_keep_the_case_of_the_typed_word() -> None:
    assert only("Recieve it.").suggestions[0] == "Receive"
    assert only("PLEASE RECIEVE IT").suggestions[0] == "RECEIVE"
    assert only("I will recieve it.").suggestions[0] == "receive"


def test_american_spelling_in_british_english_says_so() -> None:
    finding = only("I like the color of the new offices.")
    assert finding.message == "“color” is the American spelling; British English writes “colour”"
    assert finding.suggestions[0] == "colour"
    assert only("Color matters.").suggestions[0] == "Colour"


def test_british_spelling_in_american_english_says_so() -> None:
    finding = only("The centre of the team is strong.", language="en-US")
    assert finding.message == "“centre” is the British spelling; American English writes “center”"
    assert finding.suggestions[0] == "center"
    assert flagged("I will organise it.", "en-US") == ["organise"]
    assert flagged("I will organise it and organize it.", "en-GB") == []


def test_american_english_is_checked_in_american() -> None:
    finding = only("Thank you for your time and the colr chart.", language="en-US")
    assert finding.message == "“colr” is not in the American English dictionary"
    assert "color" in finding.suggestions


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
def test_a_clean_professional_email_has_no_finding(language: str) -> None:
    text = (
        "Subject: Thank you for today's interview\n\n"
        "Dear Ms Kim,\n\n"
        "Thank you for taking the time to meet me this morning. I especially enjoyed "
        "hearing about the team's plans for the new analytics platform, and I'm excited "
        "by the chance to help build it. My experience leading data engineering projects "
        "fits the role well; please let me know if I can provide any further information "
        "or references.\n\nKind regards,\nJordan Lee\n"
    )
    assert flagged(text, language, known=("Jordan Lee",)) == []


def test_words_of_todays_job_hunt_are_known() -> None:
    text = "My résumé, LinkedIn and GitHub; onboarding at Acme plc; the Wi-Fi; a rebrand."
    assert flagged(text, "en-GB") == []
    assert flagged(text, "en-US") == []
    text = "Inclusivity and neurodivergent devs; an uncompetitive offer; unarchived projects."
    assert flagged(text, "en-GB") == [] and flagged(text, "en-US") == []


def test_known_words_are_never_flagged_whatever_their_case() -> None:
    text = "Dear Siobhán Ní Bhriain, Zbigniew Wójcik and Nguyễn of Kraftwerk Analytics,"
    assert flagged(text) == [
        "Siobhán",
        "Ní",
        "Bhriain",
        "Zbigniew",
        "Wójcik",
        "Nguyễn",
        "Kraftwerk",
    ]
    known = ("Siobhán Ní Bhriain", "zbigniew wójcik", "NGUYỄN", "Kraftwerk Analytics")
    assert flagged(text, known=known) == []


def test_known_words_cover_possessives_with_either_apostrophe() -> None:
    known = ("Penhallow",)
    assert flagged("Penhallow's plan and Penhallow’s team", known=known) == []
    assert flagged("Penhallow's plan and Penhallow’s team") == ["Penhallow's", "Penhallow’s"]


def test_known_words_match_names_typed_with_combining_accents() -> None:
    decomposed = "Nguye\u0302\u0303n"  # e + circumflex + tilde: one word on screen
    text = f"Thank you, {decomposed}."
    assert flagged(text, known=("Nguyễn",)) == []
    assert flagged(text) == [decomposed]


def test_known_words_do_not_whitelist_other_typos() -> None:
    assert flagged("Thank you, Siobhán, for the intervew.", known=("Siobhán",)) == ["intervew"]


def test_urls_emails_domains_and_handles_are_not_checked() -> None:
    text = (
        "See https://northwind.example/carrers/xyzzy?refr=abc or www.qwzx.com/abot, "
        "write to dana.kimm@northwind.example, follow @danakimmm and #hirring, "
        "and visit qwzxv.io or open portfollio.pdf."
    )
    assert flagged(text) == []
    assert flagged("The carrers page") == ["carrers"]


def test_acronyms_digits_and_hyphen_prefixes_are_not_checked() -> None:
    text = "The QWZX and KPIs for Q3, due on the 3rd at 10am: a B2B pre-interview call."
    assert flagged(text) == []
    assert flagged("The QWZXYZW report") == ["QWZXYZW"]  # seven capitals: not an acronym


def test_inner_capitals_are_names_unless_they_garble_a_word() -> None:
    assert flagged("My LinkedIn, the iPhone app, PostgreSQL, McAllister and PwC.") == []
    assert flagged("THe team and tHe plan") == ["THe", "tHe"]
    assert only("THe team").suggestions[0] == "The"


def test_sentence_initial_capitals_and_curly_apostrophes_are_fine() -> None:
    assert flagged("Thank you. Don’t hesitate. I’m grateful; you’re kind.") == []
    assert flagged("It’s fine but it’z not") == ["it’z"]


def test_other_scripts_are_not_english_misspellings() -> None:
    assert flagged("Our Москва office and the 東京 team") == []


def test_empty_and_huge_words() -> None:
    assert check(Document(""), CheckContext()) == []
    assert check(Document("1234 5678 — !!"), CheckContext()) == []
    huge = "a" + "b" * 4999
    finding = only(f"The {huge} word")
    assert finding.length == 5000
    assert finding.suggestions == ()
    assert len(finding.message) < 100


def test_the_checker_runs_the_spelling_check() -> None:
    report = check_text(
        "Dear Dana,\n\nThank you for the intervew today.\n\nKind regards,\nJo\n",
        CheckContext(language="en-GB", known_words=frozenset({"Dana", "Jo"})),
    )
    assert [f.rule for f in report.findings if f.rule == "spelling"] == ["spelling"]
    assert report.errors >= 1


def test_a_recorded_name_typed_in_lower_case_is_an_error_with_its_capital() -> None:
    """P5: names spelled as recorded, capital included ("thanks to sam" in a hurry)."""
    known = ("Priya Raman", "Sam Okafor", "Contoso")
    text = "Thank you priya, and please pass my thanks to sam and the contoso team."
    findings = check(Document(text), CheckContext(known_words=frozenset(known)))
    got = [(text[f.offset : f.offset + f.length], f.rule, f.suggestions[0]) for f in findings]
    assert got == [
        ("priya", "spelling.capital", "Priya"),
        ("sam", "spelling.capital", "Sam"),
        ("contoso", "spelling.capital", "Contoso"),
    ]
    assert all(f.severity is Severity.ERROR for f in findings)
    possessive = only("Thanks to priya's team.", known=known)
    assert (possessive.rule, possessive.suggestions) == ("spelling.capital", ("Priya's",))


def test_a_lower_case_name_that_is_a_word_or_recorded_so_is_left_alone() -> None:
    """ "will", "grace", "mark" are words; a known word recorded in lower case
    ("monday.com"'s "monday" aside) is the candidate's own spelling."""
    known = ("Will Hart", "Grace Obi", "Mark Lee", "kubernetes")
    assert flagged("I will mark the date, by grace of kubernetes.", known=known) == []


def test_a_lower_case_name_outranks_a_grammar_warning_on_the_same_word() -> None:
    text = "Thanks to priya's team for the tour."
    report = check_text(text, CheckContext(known_words=frozenset({"Priya"})))
    assert [(f.rule, text[f.offset : f.offset + f.length]) for f in report.findings] == [
        ("spelling.capital", "priya's")
    ]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Im", "I'm"),
        ("Ive", "I've"),
        ("dont", "don't"),
        ("Youll", "You'll"),
        ("Hed", "He'd"),
        ("theres", "there's"),
    ],
)
def test_a_contraction_without_its_apostrophe_is_an_error_suggesting_it_first(
    typed: str, first: str
) -> None:
    """ "Ive" is not taken for a name: hurried typing drops apostrophes."""
    finding = only(f"Thanks again. {typed} attached it.")
    assert (finding.rule, finding.severity, finding.suggestions[0]) == (
        "spelling",
        Severity.ERROR,
        first,
    )


def test_an_unknown_lower_case_word_in_the_greeting_suggests_its_capital_first() -> None:
    """ "Hi priya,": with no records, still most likely a name typed in a hurry."""
    finding = only("Hi priya,\n\nThank you for your time.")
    assert finding.rule == "spelling" and finding.suggestions[0] == "Priya"
    assert only("Thank you for your tiem.").suggestions[0] == "time"


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
def test_a_hyphenated_prefix_latin_and_ok_pass_but_a_typo_after_a_prefix_does_not(
    language: str,
) -> None:
    """ "co-ordinator" is "coordinator" with its British hyphen; "et al." and "ok" are
    ordinary in letters; "co-ordinater" is still a typo."""
    clean = "The co-ordinator and the co-operation are ok; see Smith et al. for the rest."
    assert check(Document(clean), CheckContext(language=language)) == []
    text = "The co-ordinater will call."
    assert text[only(text, language).offset :].startswith("ordinater")


@pytest.mark.parametrize(
    "text",
    [
        "Kipp, thanks for the numbers.",  # one edit from "kip"
        "Skilling's memo went out on Friday.",  # one edit from "killing"
        "Crowder will join the call.",  # one edit from "crowded"
    ],
)
def test_a_common_name_at_a_sentence_start_is_taken_for_a_name(text: str) -> None:
    word = text.split(maxsplit=1)[0].strip(",")
    finding = only(text, "en-US")
    assert (finding.rule, finding.severity) == ("spelling.name", Severity.INFO)
    assert text[finding.offset : finding.offset + finding.length] == word


@pytest.mark.parametrize("text", ["Thier plan is fine.", "Teh deal closed.", "Recieve it."])
def test_a_slip_of_a_very_common_word_stays_a_slip_even_if_someone_bears_it(text: str) -> None:
    assert only(text, "en-US").rule == "spelling"


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("personalization", "en-US"),
        ("prioritisation", "en-GB"),
        ("centralizations", "en-US"),
        ("judgement", "en-US"),
        ("judgment", "en-GB"),
        ("acknowledgement", "en-US"),
        ("financials", "en-US"),
        ("unselected", "en-US"),
        ("repurpose", "en-GB"),
        ("iteratively", "en-US"),
        ("programmatically", "en-GB"),
        ("screeners", "en-US"),
        ("procurements", "en-GB"),
        ("ethnicities", "en-US"),
        ("multipollutant", "en-US"),
        ("noncompliant", "en-GB"),
    ],
)
def test_derived_nouns_and_shared_variants_are_known(word: str, language: str) -> None:
    assert flagged(f"We discussed the {word} at length.", language) == []


def test_capitalised_words_run_together_are_a_brand_not_garbled_case() -> None:
    assert flagged("The NetWorks and WordPerfect teams met.", "en-US") == []
    assert flagged("THe plan is to ReCeive it.", "en-US") == ["THe", "ReCeive"]


def test_a_name_list_missing_costs_only_the_name_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from afterview.writing.checks import spelling

    monkeypatch.setattr(spelling, "NAMES_FILE", "missing.txt.gz")
    spelling._census_lists.cache_clear()
    try:
        assert only("Kipp, thanks for the numbers.", "en-US").rule == "spelling"
    finally:
        spelling._census_lists.cache_clear()


@pytest.mark.parametrize(
    "word", ["operater", "coordinaters", "untill", "reguard", "realy", "finaly", "lookking"]
)
def test_a_slip_is_not_taken_for_a_derived_word(word: str) -> None:
    assert flagged(f"The {word} note came.", "en-US") == [word]


def test_a_slip_of_a_common_word_is_a_slip_not_two_words_run_together() -> None:
    """ "intrested" split as "int rested" hid "interested"."""
    finding = only("I am very intrested in the role.", "en-US")
    assert (finding.rule, finding.suggestions[0]) == ("spelling", "interested")
    assert only("The datarooms are ready.", "en-US").rule == "spelling.compound"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jeff Skilling's leaving was quite a shocker.", "Skilling's"),  # mid-sentence
        ("Chaz and Steve,\nThe deal closed.", "Chaz"),  # a greeting naming two people
        ("Regards,\nMUKUL MURARKA", "MURARKA"),  # a signature in capitals
    ],
)
def test_names_one_edit_from_a_word_are_names_where_a_name_stands(text: str, name: str) -> None:
    """Real emails' false alarms: a surname after a listed given name, a greeting of two
    names joined by "and", a long surname in capitals that is near no common word."""
    findings = check(Document(text), CheckContext(language="en-US"))
    assert [(text[f.offset : f.offset + f.length], f.rule) for f in findings] == [
        (name, "spelling.name")
    ]


def test_slips_in_capitals_and_after_ordinary_words_stay_slips() -> None:
    assert flagged("PLEASE RECIEVE THE MANAGMENT REPORT.", "en-US") == ["RECIEVE", "MANAGMENT"]
    assert flagged("Please send the Managment report.", "en-US") == ["Managment"]
    # a surname ("Vanderbilt") is no given name: the word after it is not read as a name
    assert flagged("I studied at Vanderbilt Universtiy.", "en-US") == ["Universtiy"]


def test_file_names_are_not_checked() -> None:
    text = "The proforma came as winmail.dat, the plan as plan.mpp and notes.xml."
    assert flagged(text, "en-US") == []
