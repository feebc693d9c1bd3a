"""Interviews across zones through the console script: `opp add --org-zone --holidays`,
`opp where`, and both clocks in `today`, `agenda` and `opp show` (docs/playbook.md,
"Time zones"). The candidate is in London (AFTERVIEW_TZ), the interviewers in New York.
The interview is years ahead: `interview add` records "now" as when it was entered, and
an interview in the past would be planned as a catch-up (docs/playbook.md)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def _video_interview(run: Any, *where: str) -> None:
    run.ok("opp", "add", "--company", "Globex", "--role", "Data Engineer", "--route", "direct",
           *where)  # fmt: skip
    run.ok("interview", "add", "1", "--start", "2032-11-24T18:00", "--end", "2032-11-24T19:00",
           "--format", "video", "--interviewer", "Dana Kim <dana@globex.example>")  # fmt: skip


def test_the_organisations_zone_and_holidays_shape_the_plan_and_every_view(run: Any) -> None:
    _video_interview(run, "--org-zone", "America/New_York", "--holidays", "us")
    where = run.ok("opp", "where", "1").stdout
    assert "Organisation's zone: America/New_York" in where
    assert "Public holidays: US" in where and "Your zone: Europe/London" in where
    items = {i["key"]: i for i in run.ok("agenda", "--json", "--all", "--at",
                                            "2032-11-24T19:30").json()}  # fmt: skip
    thanks = items["P5:thank-you:interview=1:person=1"]
    # 13:00 in New York: next working morning there, Thanksgiving (Thu 25) skipped
    assert thanks["send_at"] == "2032-11-26T14:00:00Z"  # 09:00 New York
    assert thanks["due"] == "2032-11-26T17:00:00+00:00"  # 12:00 New York
    assert (thanks["tz"], thanks["other_tz"]) == ("Europe/London", "America/New_York")
    today = run.ok("today", "--at", "2032-11-26T10:00").stdout
    assert "Fri 26 Nov 17:00 London (12:00 New York); lands from 09:00 New York" in today
    agenda = run.ok("agenda", "--at", "2032-11-26T10:00", "--days", "1").stdout
    assert "Send Dana Kim a thank-you email [Fri 12:00 New York]" in agenda
    shown = run.ok("opp", "show", "1").stdout
    assert "Where they work: America/New_York, public holidays US (P5, P8)" in shown
    assert "(12:00 New York)" in shown


def test_opp_where_moves_the_plan_and_clears_back_to_the_defaults(run: Any) -> None:
    _video_interview(run)

    def landing() -> str:
        items = run.ok("agenda", "--json", "--all", "--at", "2032-11-24T19:30").json()
        return str(next(i for i in items if i["rule"] == "P5")["send_at"])

    assert landing() == "2032-11-25T09:00:00Z"  # typed in London: London's morning
    run.ok("opp", "where", "1", "--org-zone", "America/New_York")
    assert landing() == "2032-11-25T14:00:00Z"  # 09:00 New York, no holidays set
    run.ok("opp", "where", "1", "--holidays", "US")
    assert landing() == "2032-11-26T14:00:00Z"  # Thanksgiving skipped
    run.ok("opp", "where", "1", "--org-zone", "", "--holidays", "")
    assert landing() == "2032-11-25T09:00:00Z"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--org-zone", "America/New_Yrok"),
         "afterview: Unknown time zone 'America/New_Yrok'. Did you mean America/New_York"),
        (("--holidays", "XX"), "afterview: Holidays 'XX': the holidays package knows no such"),
        (("--holidays", "U5"), "afterview: Holidays 'U5': give an ISO country code such as US"),
    ],
)  # fmt: skip
def test_a_bad_zone_or_holiday_country_is_refused_and_nothing_changes(
    run: Any, args: tuple[str, ...], message: str
) -> None:
    _video_interview(run)
    before = run.ok("opp", "show", "1", "--json").stdout
    result = run("opp", "where", "1", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert run.ok("opp", "show", "1", "--json").stdout == before
