"""Every *(setting)* of PLAYBOOK.md: coercion, specific errors, fingerprint."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date, time
from typing import Any

import pytest

from afterview.playbook.settings import Settings, SettingsError, from_plain, read_plain, to_plain


def test_defaults_are_the_playbook_numbers() -> None:
    """P1 2 h, P2 60 min, P4 1 h, P5 12:00, P8 7/7/3 days, working days Mon–Fri 09:00–17:30."""
    s = Settings()
    assert s.recruiter_call_within_hours == 2.0
    assert s.checklist_lead_minutes == 60
    assert s.debrief_within_hours == 1.0
    assert s.morning_cutoff == time(12, 0)
    assert s.first_follow_up_days == 7
    assert s.follow_up_guard_days == 7
    assert s.max_unanswered_follow_ups == 3
    assert s.reflection_after_days == 2
    assert s.working_days == ("mon", "tue", "wed", "thu", "fri")
    assert (s.working_day_start, s.working_day_end) == (time(9, 0), time(17, 30))


def test_every_setting_names_its_rule_and_describes_itself() -> None:
    for f in fields(Settings):
        assert re.fullmatch(r"P\d+|timing", f.metadata["rule"]), f.name
        assert f.metadata["description"].strip(), f.name


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"first_follow_up_days": "10"}, {"first_follow_up_days": 10}),
        ({"first-follow-up-days": 10}, {"first_follow_up_days": 10}),  # dashes as in TOML
        ({"recruiter_call_within_hours": "1.5"}, {"recruiter_call_within_hours": 1.5}),
        ({"debrief_within_hours": 2}, {"debrief_within_hours": 2.0}),
        ({"working_day_start": "08:30"}, {"working_day_start": time(8, 30)}),
        ({"working_day_end": time(18, 0)}, {"working_day_end": time(18, 0)}),  # TOML time
        ({"morning_cutoff": "12:30:00"}, {"morning_cutoff": time(12, 30)}),
        ({"working_days": "Mon, tue,WED"}, {"working_days": ("mon", "tue", "wed")}),
        ({"working_days": ["Sunday", "Thursday"]}, {"working_days": ("sun", "thu")}),
        (
            {"holidays": "2026-12-24, 2026-12-31"},
            {"holidays": (date(2026, 12, 24), date(2026, 12, 31))},
        ),
        ({"holidays": [date(2026, 12, 24)]}, {"holidays": (date(2026, 12, 24),)}),  # TOML date
        ({"holidays": []}, {"holidays": ()}),
        ({"thank_you_to": "hiring-manager"}, {"thank_you_to": "hiring-manager"}),
        (
            {"holiday_country": "GB", "holiday_subdivision": "SCT"},
            {"holiday_country": "GB", "holiday_subdivision": "SCT"},
        ),
        ({"resume_after_reply_days": 0}, {"resume_after_reply_days": 0}),
    ],
)
def test_from_plain_coerces_user_values(values: dict[str, Any], expected: dict[str, Any]) -> None:
    settings = from_plain(values)
    for name, value in expected.items():
        assert getattr(settings, name) == value
        assert type(getattr(settings, name)) is type(value)


def test_from_plain_changes_only_what_is_given_on_top_of_a_base() -> None:
    base = Settings(follow_up_guard_days=10, working_days=("mon", "tue"))
    settings = from_plain({"first_follow_up_days": 5}, base)
    assert settings == Settings(
        follow_up_guard_days=10, working_days=("mon", "tue"), first_follow_up_days=5
    )
    assert from_plain({}, base) == base


def test_to_plain_and_back_round_trips() -> None:
    settings = Settings(
        holidays=(date(2026, 12, 24),), working_day_start=time(8, 15), thank_you_to="hiring-manager"
    )
    plain = to_plain(settings)
    assert plain["holidays"] == ["2026-12-24"]
    assert plain["working_day_start"] == "08:15"
    assert from_plain(plain) == settings


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"colour": "blue"}, "unknown setting 'colour'; known: brief_before_hours, "),
        ({"working_day_start": "9am"}, "setting working_day_start: cannot use '9am'"),
        ({"working_day_end": "25:00"}, "setting working_day_end: cannot use '25:00'"),
        ({"morning_cutoff": None}, "setting morning_cutoff: cannot use None"),
        ({"first_follow_up_days": "a week"}, "setting first_follow_up_days: cannot use 'a week'"),
        (
            {"recruiter_call_within_hours": "soon"},
            "setting recruiter_call_within_hours: cannot use",
        ),
        ({"holidays": "2026-13-01"}, "setting holidays: cannot use '2026-13-01'"),
        ({"holidays": 20261224}, "setting holidays: cannot use 20261224"),
        ({"working_days": "mon, funday"}, "working_days: ['fun'] not understood"),
        ({"working_days": []}, "working_days: empty not understood"),
        ({"working_days": " , "}, "working_days: empty not understood"),
        ({"thank_you_to": "everyone"}, "thank_you_to must be 'each' or 'hiring-manager'"),
        ({"working_day_start": "18:00"}, "working_day_start must be before working_day_end"),
        (
            {"working_day_start": "17:30", "working_day_end": "17:30"},
            "working_day_start must be before working_day_end",
        ),
        ({"follow_up_guard_days": 2.5}, "setting follow_up_guard_days: cannot use 2.5"),
        ({"first_follow_up_days": True}, "setting first_follow_up_days: cannot use True"),
        ({"debrief_within_hours": "nan"}, "setting debrief_within_hours: cannot use 'nan'"),
        ({"recruiter_call_within_hours": float("inf")}, "cannot use inf"),
        ({"holiday_country": "XX"}, "holiday_country 'XX' / holiday_subdivision '' is not known"),
        ({"holiday_country": "GB", "holiday_subdivision": "ZZ"}, "does not have subdivision ZZ"),
        ({"holiday_subdivision": "SCT"}, "holiday_subdivision needs holiday_country"),
        ({"follow_up_guard_days": 100000}, "follow_up_guard_days must be at most 90"),
        ({"brief_before_hours": 10**9}, "brief_before_hours must be at most 336"),
        ({"offer_reply_within_days": -1}, "offer_reply_within_days must not be negative"),
    ],
)
def test_from_plain_rejects_bad_values_with_a_specific_message(
    values: dict[str, Any], message: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        from_plain(values)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "name",
    [
        "first_follow_up_days",
        "follow_up_guard_days",
        "max_unanswered_follow_ups",
        "keep_searching_every_days",
        "thank_you_max_words",
    ],
)
def test_settings_that_must_be_at_least_one(name: str) -> None:
    with pytest.raises(SettingsError, match=f"^{name} must be at least 1$"):
        from_plain({name: 0})
    assert getattr(from_plain({name: 1}), name) == 1


@pytest.mark.parametrize(
    "name",
    [
        "recruiter_call_within_hours",
        "checklist_lead_minutes",
        "debrief_within_hours",
        "timeline_check_days",
        "reflection_after_days",
        "resume_after_reply_days",
        "brief_before_hours",
        "offer_reply_within_days",
    ],
)
def test_settings_that_must_not_be_negative(name: str) -> None:
    with pytest.raises(SettingsError, match=f"^{name} must not be negative$"):
        from_plain({name: -1})
    assert getattr(from_plain({name: 0}), name) == 0


def test_settings_error_is_a_value_error() -> None:
    assert issubclass(SettingsError, ValueError)


CHANGED: dict[str, Any] = {
    "stale_after_days": 14,
    "recruiter_call_within_hours": 3.0,
    "checklist_lead_minutes": 30,
    "debrief_within_hours": 0.5,
    "morning_cutoff": time(11, 0),
    "thank_you_to": "hiring-manager",
    "thank_you_max_words": 120,
    "working_days": ("mon", "tue", "wed", "thu"),
    "working_day_start": time(8, 0),
    "working_day_end": time(18, 0),
    "holiday_country": "GB",
    "holiday_subdivision": "SCT",
    "holidays": (date(2026, 12, 24),),
    "timeline_check_days": 2,
    "reflection_after_days": 3,
    "first_follow_up_days": 5,
    "follow_up_guard_days": 8,
    "max_unanswered_follow_ups": 4,
    "resume_after_reply_days": 0,
    "keep_searching_every_days": 14,
    "brief_before_hours": 12,
    "offer_reply_within_days": 3,
}


def test_the_fingerprint_table_covers_every_setting() -> None:
    assert set(CHANGED) == {f.name for f in fields(Settings)}


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_fingerprint_changes_when_any_setting_changes(name: str) -> None:
    """A materialised plan is recomputed when the settings it was computed with change."""
    base = from_plain({"holiday_country": "GB"}) if name == "holiday_subdivision" else Settings()
    changed = from_plain({name: CHANGED[name]}, base)
    assert getattr(changed, name) != getattr(base, name)
    assert changed.fingerprint() != base.fingerprint()
    assert re.fullmatch(r"[0-9a-f]{16}", changed.fingerprint())


def test_fingerprint_is_stable_for_equal_settings() -> None:
    assert Settings().fingerprint() == Settings().fingerprint()
    assert (
        from_plain({"working_days": "Mon,Tue"}).fingerprint()
        == Settings(working_days=("mon", "tue")).fingerprint()
    )
    assert from_plain({"debrief_within_hours": 1}).fingerprint() == Settings().fingerprint()


@pytest.mark.parametrize(("weekday", "working"), [(0, True), (4, True), (5, False), (6, False)])
def test_is_working_weekday(weekday: int, working: bool) -> None:
    assert Settings().is_working_weekday(weekday) is working


def test_read_plain_keeps_the_good_values_and_reports_each_bad_one() -> None:
    """A stored bad value falls back to its default; the rest stand (never a crash)."""
    stored = {
        "follow_up_guard_days": 100000,
        "holiday_country": "XX",
        "first_follow_up_days": 5,
        "working_day_start": "18:00",
        "colour": "blue",
    }
    settings, problems = read_plain(stored)
    assert settings.first_follow_up_days == 5
    assert settings.follow_up_guard_days == Settings().follow_up_guard_days
    assert (settings.holiday_country, settings.working_day_start) == ("", time(9, 0))
    assert sorted(p.name for p in problems) == [
        "colour", "follow_up_guard_days", "holiday_country", "working_day_start",
    ]  # fmt: skip
