"""The records API (/api/opportunities…): the same use cases as the pages, as JSON."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from .conftest import TZ, Live

NORTHWIND = {
    "company": "Northwind Health",
    "role": "Data Engineer",
    "route": "recruiter",
    "recruiter_name": "Priya Shah",
    "recruiter_email": "priya.shah@talentbridge.example",
}


def yesterday(hour: int) -> str:
    day = datetime.now(ZoneInfo(TZ)).date() - timedelta(days=1)
    return f"{day.isoformat()}T{hour:02d}:00"


def created(client: httpx.Client, url: str, body: dict[str, Any]) -> int:
    response = client.post(url, json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_create_list_show_and_record(live: Live) -> None:
    with live.client() as client:
        opp = created(client, "/api/opportunities", NORTHWIND)
        created(
            client,
            f"/api/opportunities/{opp}/interviews",
            {
                "start": yesterday(14),
                "end": yesterday(15),
                "tz": "Europe/London",
                "format": "video",
                "interviewers": [
                    {"name": "Dana Kim", "email": "dana.kim@northwind.example"},
                    {"name": "Tom Reyes"},
                ],
            },
        )
        rows = client.get("/api/opportunities").json()
        assert [(r["id"], r["company"], r["status"]) for r in rows] == [
            (opp, "Northwind Health", "interviewed")
        ]
        shown = client.get(f"/api/opportunities/{opp}").json()
        names = {p["name"]: p for p in shown["people"]}
        assert set(names) == {"Priya Shah", "Dana Kim", "Tom Reyes"}
        assert names["Tom Reyes"]["email"] is None
        keys = [a["key"] for a in shown["plan"]]
        assert f"P3:contact-details:person={names['Tom Reyes']['id']}" in keys  # P3

        receptionist = created(
            client,
            f"/api/opportunities/{opp}/people",
            {"name": "Ann Lee", "role": "receptionist", "source": "typed"},
        )
        timeline = client.post(
            f"/api/opportunities/{opp}/timeline",
            json={
                "decision_by": "2030-01-31",
                "follow_up_with": names["Priya Shah"]["id"],
                "follow_up_how": "email",
            },
        )
        assert timeline.status_code == 201 and timeline.json() == {"ok": True}
        first = client.post(
            f"/api/opportunities/{opp}/contacts", json={"kind": "follow-up", "channel": "email"}
        )
        assert first.status_code == 201 and first.json()["flag"] is None
        second = client.post(
            f"/api/opportunities/{opp}/contacts",
            json={
                "kind": "follow-up",
                "channel": "phone",
                "person_id": receptionist,
                "note": "asked for news",
            },
        )
        assert second.status_code == 201
        assert "P8: at most one a week" in second.json()["flag"]  # kept, but flagged
        created(client, f"/api/opportunities/{opp}/replies", {"note": "Still deciding"})
        outcome = client.post(f"/api/opportunities/{opp}/outcomes", json={"outcome": "offer"})
        assert outcome.status_code == 201

        shown = client.get(f"/api/opportunities/{opp}").json()
        assert shown["status"] == "offer"
        assert shown["timelines"][0]["decision_by"] == "2030-01-31"
        assert [c["kind"] for c in shown["contacts"]] == ["follow-up", "follow-up"]
        assert shown["replies"][0]["note"] == "Still deciding"


@pytest.mark.parametrize(
    ("method", "url", "body", "status", "words"),
    [
        ("get", "/api/opportunities/999", None, 404, "No opportunity 999"),
        ("post", "/api/opportunities/999/replies", {}, 404, "No opportunity 999"),
        (
            "post",
            "/api/opportunities",
            {**NORTHWIND, "recruiter_email": "priya@x..example"},
            400,
            "Invalid email address",
        ),
        ("post", "/api/opportunities", {**NORTHWIND, "company": "   "}, 400, "must not be empty"),
        (
            "post",
            "/api/opportunities/{opp}/timeline",
            {"decision_by": None},
            400,
            "Give at least one of",
        ),
        (
            "post",
            "/api/opportunities",
            {**NORTHWIND, "route": "direct"},
            400,
            "the route is 'direct'",
        ),
        (
            "post",
            "/api/opportunities/{opp}/timeline",
            {"follow_up_with": 12345},
            404,
            "No person 12345",
        ),
        (
            "post",
            "/api/opportunities/{opp}/interviews",
            {"start": "2026-03-13T15:00", "end": "2026-03-13T14:00"},
            400,
            "must be after",
        ),
        (
            "post",
            "/api/opportunities/{opp}/interviews",
            {"start": "2026-03-13T14:00", "end": "2026-03-13T15:00", "tz": "Europe/Lndon"},
            400,
            "Did you mean Europe/London",
        ),
        (
            "post",
            "/api/opportunities/{opp}/contacts",
            {"kind": "follow-up", "channel": "email", "at": "2999-01-01T10:00"},
            400,
            "once it has happened",
        ),
        (
            "post",
            "/api/opportunities/{opp}/contacts",
            {"kind": "follow-up", "channel": "email", "at": "2026-02-30T10:00"},
            400,
            "Cannot read the time",
        ),
    ],
)
def test_mistakes_are_json_errors(
    live: Live, method: str, url: str, body: dict[str, Any] | None, status: int, words: str
) -> None:
    with live.client() as client:
        opp = created(client, "/api/opportunities", NORTHWIND)
        response = client.request(method, url.format(opp=opp), json=body)
        assert response.status_code == status, response.text
        assert words in response.json()["error"]
        assert client.get("/api/opportunities").json()[0]["id"] == opp  # nothing else written
        assert len(client.get("/api/opportunities").json()) == 1


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/opportunities", {"company": "Acme", "role": "Dev", "route": "bus"}),
        ("/api/opportunities", {"company": "Acme", "role": "Dev"}),
        ("/api/opportunities", {"company": "A" * 201, "role": "Dev", "route": "direct"}),
        ("/api/opportunities", {"company": "Acme\x00", "role": "Dev", "route": "direct"}),
        ("/api/opportunities", {"company": "Acme", "role": "Dev", "route": "direct", "x": 1}),
        ("/api/opportunities/1/outcomes", {"outcome": "hired"}),
        ("/api/opportunities/1/timeline", {"decision_by": "0001-01-01"}),
        ("/api/opportunities/1/timeline", {"follow_up_with": 2**40}),
        ("/api/opportunities/99999999999/replies", {}),
        ("/api/opportunities/0/replies", {}),
        ("/api/opportunities/1/replies", {"at": "next tuesday"}),
        ("/api/opportunities/1/people", {"name": "Ann", "role": "other", "email": "ann@"}),
    ],
)
def test_unreadable_requests_are_422(live: Live, url: str, body: dict[str, Any]) -> None:
    with live.client() as client:
        response = client.post(url, json=body)
        assert response.status_code == 422, response.text
        assert response.json()["error"] == "Invalid request."


def test_state_changes_need_the_csrf_token(live: Live) -> None:
    response = httpx.post(f"{live.url}/api/opportunities", json=NORTHWIND)
    assert response.status_code == 403 and "CSRF" in response.json()["error"]
    assert httpx.get(f"{live.url}/api/opportunities").json() == []


def test_the_schema_states_the_constraints(live: Live) -> None:
    schema = httpx.get(f"{live.url}/api/openapi.json").json()
    for path in (
        "/api/opportunities",
        "/api/opportunities/{opp_id}",
        "/api/opportunities/{opp_id}/interviews",
        "/api/opportunities/{opp_id}/people",
        "/api/opportunities/{opp_id}/timeline",
        "/api/opportunities/{opp_id}/contacts",
        "/api/opportunities/{opp_id}/replies",
        "/api/opportunities/{opp_id}/outcomes",
    ):
        assert path in schema["paths"], path
    company = schema["components"]["schemas"]["NewOpportunity"]["properties"]["company"]
    assert company["maxLength"] == 200 and company["minLength"] == 1
    route = schema["components"]["schemas"]["Route"]
    assert route["enum"] == ["recruiter", "direct"]
    opp_id = schema["paths"]["/api/opportunities/{opp_id}"]["get"]["parameters"][0]["schema"]
    assert opp_id["minimum"] == 1 and opp_id["maximum"] == 2_147_483_647
