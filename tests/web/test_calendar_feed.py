"""The live calendar feed: a secret URL, each due step with an alarm, a token one can replace."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from icalendar import Calendar

from afterview.playbook.facts import Route
from afterview.services import calendar_feed, records

from .conftest import Live


def test_the_feed_needs_the_current_token(live: Live) -> None:
    moment = datetime.now(UTC)
    opp = records.add_opportunity(
        live.service,
        company="Northwind Health",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=moment,
        recruiter_name="Priya Shah",
    )
    start = moment - timedelta(hours=3)  # P1's call and P5's thank-you are due
    records.add_interview(
        live.service,
        opp,
        start=start,
        end=start + timedelta(hours=1),
        tz="Europe/London",
        now=moment,
    )
    token = calendar_feed.feed_token(live.service, now=moment)
    assert len(token) == 32
    assert calendar_feed.feed_token(live.service, now=moment) == token  # stable
    url = f"{live.url}{calendar_feed.feed_path(token)}"
    answer = httpx.get(url)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/calendar; charset=utf-8"
    assert answer.headers["referrer-policy"] == "no-referrer"
    calendar = Calendar.from_ical(answer.content)
    assert answer.text.count("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n") == 1
    assert answer.text.count("\r\nX-PUBLISHED-TTL:PT1H\r\n") == 1
    events = calendar.walk("VEVENT")
    assert len(events) >= 2, answer.text
    assert all(e.walk("VALARM") for e in events)
    assert any("Northwind Health" in str(e["summary"]) for e in events)
    # a wrong token, a too-short one, and no token say nothing about the plan
    for bad in ("x" * 32, token[:-1], token.upper() if token.upper() != token else "y" * 32):
        refused = httpx.get(f"{live.url}/calendar/{bad}.ics")
        assert refused.status_code == 404
        assert b"Northwind" not in refused.content
    # a new token stops the old address
    new = calendar_feed.feed_token(live.service, now=moment, reset=True)
    assert new != token
    assert httpx.get(url).status_code == 404
    assert httpx.get(f"{live.url}{calendar_feed.feed_path(new)}").status_code == 200


def test_no_token_is_made_by_asking(live: Live) -> None:
    assert httpx.get(f"{live.url}/calendar/{'a' * 32}.ics").status_code == 404
    assert not calendar_feed.is_valid(live.service, "a" * 32, now=datetime.now(UTC))


def test_a_wrong_token_gets_the_very_answer_of_any_unknown_page(live: Live) -> None:
    """Byte for byte, headers included: a guesser learns nothing from /calendar/…"""
    calendar_feed.feed_token(live.service, now=datetime.now(UTC))

    def answer(client: httpx.Client, path: str) -> tuple[int, bytes, list[tuple[str, str]]]:
        got = client.get(path)
        headers = sorted((k, v) for k, v in got.headers.items() if k not in ("date",))
        return got.status_code, got.content, headers

    with live.client() as client:  # one browser, one CSRF cookie
        unknown = answer(client, "/no/such/page")
        assert unknown[0] == 404
        for path in (f"/calendar/{'x' * 32}.ics", "/calendar/short.ics", "/calendar/.ics"):
            assert answer(client, path) == unknown, path
