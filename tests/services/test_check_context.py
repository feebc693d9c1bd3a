"""What the checker learns from the database (check_context.py), on both backends."""

from __future__ import annotations

import pytest

from afterview.check_context import _proper_nouns, default_language
from afterview.config import Config
from afterview.errors import UnknownInterview, UnknownOpportunity
from afterview.playbook.facts import PersonRole, Route
from afterview.playbook.settings import Settings
from afterview.services import debriefs, profile, records
from afterview.services.app import App
from afterview.services.checking import context_from

from .helpers import at, make_app, newcomer


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "en-US"),
        ({"LANG": "en_GB.UTF-8"}, "en-GB"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, "en-US"),
        ({"LANG": "C.UTF-8"}, "en-GB"),
        ({}, "en-GB"),
        # no locale, or only "C": the time zone tells
        ({"LANG": "C.UTF-8", "AFTERVIEW_TZ": "America/Chicago"}, "en-US"),
        ({"AFTERVIEW_TZ": "America/Argentina/Buenos_Aires"}, "en-US"),
        ({"LANG": "POSIX", "AFTERVIEW_TZ": "America/Toronto"}, "en-GB"),
        ({"AFTERVIEW_TZ": "Pacific/Honolulu"}, "en-US"),
        ({"AFTERVIEW_TZ": "Europe/Dublin"}, "en-GB"),
        # a locale wins over the zone
        ({"LANG": "en_GB.UTF-8", "AFTERVIEW_TZ": "America/New_York"}, "en-GB"),
    ],
)
def test_default_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert default_language(environ) == expected


def test_a_zone_given_is_read_when_the_locale_says_nothing() -> None:
    assert default_language({"LANG": "C"}, zone="US/Eastern") == "en-US"
    assert default_language({"LANG": "C"}, zone="Australia/Sydney") == "en-GB"


def test_a_new_profile_takes_the_language_of_the_user_s_time_zone(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """P5's spelling check follows the profile: a candidate in Chicago with no locale set
    (a container, a server) gets American English unless they say otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    app = App(url=db_url, config=Config(settings=Settings(), timezone="America/Chicago"))
    now = at(10, 9)
    saved = profile.set_profile(app, now=now, name="Marisol Vega", email="mv@example.com")
    assert saved.language == "en-US"
    assert profile.set_profile(app, now=now, language="en-GB").language == "en-GB"
    # a later edit keeps the language chosen
    assert profile.set_profile(app, now=now, phone="555 0100").language == "en-GB"


def test_proper_nouns_are_taken_from_notes_but_not_sentence_starts_or_lower_case() -> None:
    found = _proper_nouns(
        [
            "They are moving billing to Kotlin. Lisbon opens in spring",
            "the recieve bug; a PostgreSQL upgrade",
        ]
    )
    assert found == {"Kotlin", "PostgreSQL"}  # "They", "Lisbon" start sentences; no typos


def test_context_knows_names_nuggets_words_and_the_profile(db_url: str) -> None:
    app = make_app(db_url)
    try:
        case = newcomer(app)
        records.add_person(
            app, case.opp, name="Siobhán Ní Bhriain", role=PersonRole.HIRING_MANAGER, now=at(1, 9)
        )
        records.add_competitor(app, case.opp, "Quillfeather Labs", at(1, 9))
        other = records.add_opportunity(
            app, company="Zephyrine Ltd", role="Analyst", route=Route.DIRECT, now=at(1, 9)
        )
        debriefs.record_debrief(
            app,
            case.interview,
            {"nuggets": ["a move to Kotlin", "the Lisbon office"]},
            now=at(10, 12),
        )
        profile.set_profile(
            app,
            now=at(10, 12),
            name="Sam Taylor",
            email="sam@example.org",
            language="en-US",
            skills="Terraform, dbt",
        )
        profile.add_words(app, ["Grafana"], now=at(10, 12))
        with app.transaction(at(10, 12)) as repo:
            ctx = context_from(repo, interview_id=case.interview, kind="thank-you")
            bare = context_from(repo)
            with pytest.raises(UnknownOpportunity):
                context_from(repo, opp_id=999)
            with pytest.raises(UnknownInterview):
                context_from(repo, interview_id=999)
            with pytest.raises(UnknownInterview):  # an interview of another opportunity
                context_from(repo, opp_id=other, interview_id=case.interview)
    finally:
        app.close()
    assert ctx.language == "en-US" and ctx.kind == "thank-you"
    assert ctx.organisation == "Northwind Health"
    assert [p.name for p in ctx.people] == ["Priya Shah", "Dana Kim", "Siobhán Ní Bhriain"]
    assert ctx.nuggets == ("a move to Kotlin", "the Lisbon office")
    assert ctx.skills == ("Terraform", "dbt")
    for word in (
        "Siobhán",
        "Bhriain",
        "Quillfeather",
        "Zephyrine",
        "Grafana",
        "Kotlin",
        "Terraform",
        "Northwind Health",
    ):
        assert word in ctx.known_words, word
    assert bare.organisation is None and bare.people == () and "Zephyrine" in bare.known_words
