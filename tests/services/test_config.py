"""The user's configuration (config.py): file, environment, validation, atomic saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterview import config, paths
from afterview.errors import BadInput


@pytest.fixture
def home(_isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("AFTERVIEW_TZ", raising=False)
    monkeypatch.delenv("AFTERVIEW_FOLLOW_UP_GUARD_DAYS", raising=False)
    _isolated_home.mkdir(parents=True, exist_ok=True)
    return _isolated_home


def test_save_merges_validates_and_load_reads_back(home: Path) -> None:
    saved = config.save({"follow_up_guard_days": "10", "timezone": "europe/paris"})
    assert (saved.settings.follow_up_guard_days, saved.timezone) == (10, "Europe/Paris")
    config.save({"first_follow_up_days": "5"})
    text = Path(paths.config_file()).read_text()
    assert text.splitlines() == [
        "first_follow_up_days = 5", "follow_up_guard_days = 10", 'timezone = "Europe/Paris"'
    ]
    assert [p.name for p in home.iterdir()] == ["config.toml"]  # no temporary left behind


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"follow_up_guard_days": "soon"}, "follow_up_guard_days"),
        ({"no_such_setting": "1"}, "unknown setting 'no_such_setting'"),
        ({"timezone": "Europe/Lndon"}, "Unknown time zone 'Europe/Lndon'. Did you mean"),
    ],
)
def test_save_refuses_bad_values_and_keeps_the_file(
    home: Path, values: dict[str, str], message: str
) -> None:
    config.save({"follow_up_guard_days": "9"})
    before = Path(paths.config_file()).read_text()
    with pytest.raises(BadInput, match=message):
        config.save(values)
    assert Path(paths.config_file()).read_text() == before


def test_the_environment_wins_over_the_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config.save({"follow_up_guard_days": "9", "timezone": "Europe/Paris"})
    monkeypatch.setenv("AFTERVIEW_FOLLOW_UP_GUARD_DAYS", "12")
    monkeypatch.setenv("AFTERVIEW_TZ", "Asia/Tokyo")
    loaded = config.load()
    assert (loaded.settings.follow_up_guard_days, loaded.timezone) == (12, "Asia/Tokyo")


def test_a_bad_time_zone_is_refused_where_it_was_set(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_TZ", "Mars/Olympus")
    with pytest.raises(BadInput, match=r"^AFTERVIEW_TZ: Unknown time zone 'Mars/Olympus'"):
        config.load()
    monkeypatch.delenv("AFTERVIEW_TZ")
    Path(paths.config_file()).write_text('timezone = "Europe/Lndon"\n')
    with pytest.raises(BadInput, match=r"config\.toml: Unknown time zone 'Europe/Lndon'"):
        config.load()


def test_an_unreadable_file_is_named(home: Path) -> None:
    Path(paths.config_file()).write_text("follow_up_guard_days = \n")
    with pytest.raises(BadInput, match=r"config\.toml is not valid TOML"):
        config.load()
    Path(paths.config_file()).write_text("follow_up_guard_days = 0\n")
    with pytest.raises(BadInput, match=r"config\.toml: "):
        config.load()
