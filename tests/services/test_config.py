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
        "first_follow_up_days = 5",
        "follow_up_guard_days = 10",
        'timezone = "Europe/Paris"',
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


def test_a_bad_stored_time_zone_warns_and_falls_back(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AFTERVIEW_TZ", "Mars/Olympus")
    loaded = config.load()
    assert loaded.timezone == config.local_zone_name()
    err = capsys.readouterr().err
    assert "afterview: warning: AFTERVIEW_TZ: Unknown time zone 'Mars/Olympus'" in err
    monkeypatch.delenv("AFTERVIEW_TZ")
    Path(paths.config_file()).write_text('timezone = "Europe/Lndon"\n')
    config.load()
    assert "config.toml: Unknown time zone 'Europe/Lndon'" in capsys.readouterr().err


def test_an_unreadable_file_is_named_and_ignored_but_never_overwritten(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(paths.config_file()).write_text("follow_up_guard_days = \n")
    assert config.load().settings.follow_up_guard_days == 7
    assert "config.toml is not valid TOML" in capsys.readouterr().err
    with pytest.raises(BadInput, match=r"config\.toml is not valid TOML"):
        config.save({"first_follow_up_days": "5"})  # would lose what the file held
    assert Path(paths.config_file()).read_text() == "follow_up_guard_days = \n"


@pytest.mark.parametrize(
    ("stored", "setting", "said"),
    [
        ('holiday_country = "XX"\n', "holiday_country", "holiday_country 'XX'"),
        ('holiday_country = "GB"\nholiday_subdivision = "ZZ"\n', "holiday_country", "ZZ"),
        ("follow_up_guard_days = 100000\n", "follow_up_guard_days", "at most 90"),
        ("follow_up_guard_days = 0\n", "follow_up_guard_days", "at least 1"),
        ('working_days = "funday"\n', "working_days", "not understood"),
    ],
)
def test_a_bad_stored_setting_falls_back_to_its_default_with_one_warning(
    home: Path, capsys: pytest.CaptureFixture[str], stored: str, setting: str, said: str
) -> None:
    """Saved by hand or by an older version: commands go on with the default (issue: every
    command, `outbox run` included, used to exit 70)."""
    Path(paths.config_file()).write_text(stored + "first_follow_up_days = 5\n")
    loaded = config.load()
    assert getattr(loaded.settings, setting) == getattr(config.Settings(), setting)
    assert loaded.settings.first_follow_up_days == 5
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"afterview: warning: ignoring {setting}")
    assert said in lines[0] and f"afterview config set {setting}=" in lines[0]


@pytest.mark.parametrize(
    "pair",
    [
        {"holiday_country": "XX"},
        {"holiday_country": "GB", "holiday_subdivision": "ZZ"},
        {"follow_up_guard_days": "100000"},
    ],
)
def test_setting_a_bad_value_is_refused_when_set(home: Path, pair: dict[str, str]) -> None:
    with pytest.raises(BadInput):
        config.save(dict(pair))
    assert not Path(paths.config_file()).exists()


def test_light_commands_read_settings_without_the_holiday_calendar(home: Path) -> None:
    """`check` reads only the settings it needs: importing `holidays` to validate the
    country would cost it ~0.2 s on every run (start-up is a feature)."""
    import subprocess
    import sys

    Path(paths.config_file()).write_text('holiday_country = "GB"\nthank_you_max_words = 120\n')
    probe = (
        "import sys; from afterview import config; s = config.load_settings(); "
        "print(s.thank_you_max_words, s.holiday_country, 'holidays' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.split() == ["120", "GB", "False"]


def _check_limit(env: dict[str, str] | None = None) -> tuple[str, str]:
    """The word limit `afterview check` shows, found in a fresh process, and whether that
    process loaded the settings module."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys; from afterview.cli import check_cmd; "
        "print(check_cmd._word_limit(), 'afterview.playbook.settings' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env={**os.environ, **(env or {})}).stdout  # fmt: skip
    limit, loaded = out.split()
    return limit, loaded


def test_check_shows_the_default_limit_without_loading_the_settings(home: Path) -> None:
    """P5's 150 words with no config file: `check` skips the settings (start-up time)."""
    assert _check_limit() == ("150", "False")


def test_check_uses_the_limit_from_the_config_file_and_the_environment(home: Path) -> None:
    assert _check_limit({"AFTERVIEW_THANK_YOU_MAX_WORDS": "90"}) == ("90", "True")
    Path(paths.config_file()).write_text("thank_you_max_words = 120\n")
    assert _check_limit() == ("120", "True")
