"""The writing API (/api/check, /api/drafts…) through a real server: shapes, errors, CSRF."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta
from email import policy
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from .conftest import Live
from .writing_seed import followed_up_yesterday, interviewed


def test_check_answers_the_report_with_code_point_offsets(live: Live) -> None:
    case = interviewed(live.service)
    text = "Subject: Thanks 🙂\n\nDear Dana,\n\nI 🎉 especialy enjoyed it.\n\nKind regards,\nSam"
    with live.client() as client:
        response = client.post(
            "/api/check",
            json={
                "text": text,
                "opp_id": case.opp,
                "interview_id": case.interview,
                "kind": "thank-you",
            },
        )
    assert response.status_code == 200
    report = response.json()
    assert set(report) == {"findings", "parts", "words", "word_limit", "errors"}
    assert report["word_limit"] == 150 and report["words"] == 4 and report["errors"] >= 1
    typo = next(f for f in report["findings"] if f["rule"] == "spelling")
    assert set(typo) == {
        "line",
        "column",
        "offset",
        "length",
        "rule",
        "severity",
        "message",
        "suggestions",
    }
    # Python str indices (code points): the emoji count one each, as in the checker.
    assert text[typo["offset"] : typo["offset"] + typo["length"]] == "especialy"
    assert typo["suggestions"][0] == "especially" and typo["severity"] == "error"
    assert (typo["line"], typo["column"]) == (5, 5)
    assert {p["part"] for p in report["parts"]} <= {"thanks", "specific-point", "sell"}


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({"text": ""}, 422, "Invalid request."),
        ({"text": "   \n "}, 400, "The text is empty"),
        ({"text": "x" * 100_001}, 422, "Invalid request."),
        ({"text": "Hello", "opp_id": 999}, 404, "No opportunity 999"),
        ({"text": "Hello", "interview_id": 0}, 422, "Invalid request."),
        ({"text": "Hello", "kind": "sonnet"}, 422, "Invalid request."),
        ({"text": "Hello", "language": "fr-FR"}, 422, "Invalid request."),
        ({"text": "Hello", "surprise": 1}, 422, "Invalid request."),
    ],
)
def test_check_refuses_bad_input_with_a_json_error(
    live: Live, body: dict[str, object], status: int, says: str
) -> None:
    with live.client() as client:
        response = client.post("/api/check", json=body)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"].startswith(says)


def test_a_lone_surrogate_is_refused_not_a_server_error(live: Live) -> None:
    with live.client() as client:
        response = client.post(
            "/api/check",
            content=b'{"text": "caf\\ud800e"}',
            headers={"content-type": "application/json"},
        )
    assert response.status_code == 422 and "error" in response.json()


def test_draft_crud_and_export(live: Live) -> None:
    case = interviewed(live.service)
    with live.client() as client:
        created = client.post(
            "/api/drafts", json={"kind": "thank-you", "interview_id": case.interview}
        )
        assert created.status_code == 201
        [draft] = created.json()
        assert draft["kind"] == "thank-you" and draft["to_name"] == "Dana Kim"
        assert draft["to_email"] == "dana.kim@northwind.example" and not draft["is_call"]
        assert draft["sent_at"] is None and "Northwind Health" in draft["body"]
        number = draft["id"]

        shown = client.get(f"/api/drafts/{number}").json()
        assert shown["body"] == draft["body"]

        body = "Dear Dana,\n\nThank you 🙂 for your time today.\n\nKind regards,\nSam Taylor"
        edited = client.put(
            f"/api/drafts/{number}",
            json={
                "subject": "Thank you, Dana",
                "body": body,
                "to": "Dana Kim <dana@northwind.example>",
            },
        )
        assert edited.status_code == 200
        assert edited.json()["subject"] == "Thank you, Dana" and edited.json()["body"] == body
        assert edited.json()["to_email"] == "dana@northwind.example"

        checked = client.post(f"/api/drafts/{number}/check").json()
        assert checked["id"] == number and "findings" in checked
        assert any(f["rule"].startswith("shape.p5") for f in checked["findings"])

        eml = client.get(f"/api/drafts/{number}/eml")
        assert eml.status_code == 200
        assert eml.headers["content-type"].startswith("message/rfc822")
        assert eml.headers["content-disposition"].startswith("attachment;")
        message = email.message_from_bytes(eml.content, policy=policy.default)
        assert message["Subject"] == "Thank you, Dana"
        assert message["To"].addresses[0].addr_spec == "dana@northwind.example"
        assert message["From"].addresses[0].addr_spec == "sam@example.org"
        assert "Thank you 🙂 for your time today." in message.get_body().get_content()  # type: ignore[union-attr]
        page_eml = client.get(f"/drafts/{number}.eml")
        from_page = email.message_from_bytes(page_eml.content, policy=policy.default)
        assert from_page["Message-ID"] == message["Message-ID"]  # the same message, re-dated
        assert page_eml.headers["content-disposition"] == eml.headers["content-disposition"]

        mailto = client.get(f"/api/drafts/{number}/mailto").json()["mailto"]
        parts = urlsplit(mailto)
        assert parts.scheme == "mailto" and parts.path == "dana@northwind.example"
        query = parse_qs(parts.query)
        assert query["subject"] == ["Thank you, Dana"]
        assert query["body"][0].replace("\r\n", "\n") == body


def test_marking_sent_schedules_the_follow_up_and_freezes_the_message(live: Live) -> None:
    case = interviewed(live.service)
    with live.client() as client:
        [draft] = client.post(
            "/api/drafts", json={"kind": "thank-you", "interview_id": case.interview}
        ).json()
        number = draft["id"]
        sent = client.post(f"/api/drafts/{number}/sent")
        assert sent.status_code == 200, sent.text
        result = sent.json()
        assert result["draft"]["sent_at"] is not None and result["flag"] is None
        assert result["next"]["message"].startswith("Logged. The first follow-up is due ")
        assert result["next"]["follow_up_key"] == f"P8:follow-up:opp={case.opp}:n=1"
        due = datetime.fromisoformat(result["next"]["follow_up_due"])
        assert timedelta(days=6) < due - datetime.now(UTC) < timedelta(days=10)

        # A sent message is the record pacing reads: it cannot change or go.
        again = client.put(f"/api/drafts/{number}", json={"subject": "Changed"})
        assert again.status_code == 409 and "cannot change" in again.json()["error"]
        assert client.delete(f"/api/drafts/{number}").status_code == 409
        assert client.post(f"/api/drafts/{number}/sent").status_code == 409

        other = client.post("/api/drafts", json={"kind": "withdrawal", "opp_id": case.opp})
        assert other.status_code == 201
        second = other.json()[0]["id"]
        listed = [d["id"] for d in client.get("/api/drafts").json()]
        assert listed == [second, number]  # newest first
        assert [d["id"] for d in client.get(f"/api/drafts?opp_id={case.opp}").json()] == listed
        assert client.delete(f"/api/drafts/{second}").json() == {"deleted": second}
        gone = client.get(f"/api/drafts/{second}")
        assert gone.status_code == 404 and gone.json()["error"].startswith("No draft")


def test_drafts_from_an_action_key(live: Live) -> None:
    case = interviewed(live.service, recruiter=True)
    with live.client() as client:
        key = f"P5:thank-you:interview={case.interview}:person={case.dana}"
        thanks = client.post("/api/drafts", json={"kind": "thank-you", "key": key})
        assert thanks.status_code == 201
        assert [d["person_id"] for d in thanks.json()] == [case.dana]
        call = client.post(
            "/api/drafts",
            json={
                "kind": "recruiter-call",
                "key": f"P1:recruiter-call:interview={case.interview}",
            },
        )
        assert call.status_code == 201
        script = call.json()[0]
        assert script["is_call"] and script["opportunity_id"] == case.opp
        assert script["to_name"] == "Priya Shah"
        assert client.get(f"/api/drafts/{script['id']}/eml").status_code == 400
        unknown = client.post("/api/drafts", json={"kind": "follow-up", "key": "P8:nothing"})
        assert unknown.status_code == 404 and "No action" in unknown.json()["error"]


def test_a_follow_up_inside_the_weekly_guard_is_refused(live: Live) -> None:
    case = interviewed(live.service)
    followed_up_yesterday(live.service, case.opp)
    with live.client() as client:
        response = client.post("/api/drafts", json={"kind": "follow-up", "opp_id": case.opp})
    assert response.status_code == 409
    error = response.json()["error"]
    assert "P8 allows one a week" in error and "Next allowed from" in error


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/api/drafts/999", None, 404),
        ("GET", "/api/drafts/0", None, 422),
        ("GET", "/api/drafts/99999999999", None, 422),
        ("GET", "/api/drafts/abc", None, 422),
        ("GET", "/api/drafts?opp_id=-1", None, 422),
        ("PUT", "/api/drafts/1", {"subject": "x" * 201}, 422),
        ("PUT", "/api/drafts/1", {"body": "\x00"}, 400),
        ("PUT", "/api/drafts/1", {"subject": "Two\nlines"}, 400),
        ("PUT", "/api/drafts/1", {"to": "not an address <x>"}, 400),
        ("POST", "/api/drafts", {"kind": "poem", "opp_id": 1}, 422),
        ("POST", "/api/drafts", {"kind": "thank-you"}, 400),
        ("POST", "/api/drafts", {"kind": "follow-up", "opp_id": 2147483647}, 404),
        ("POST", "/api/drafts", {"kind": "follow-up", "key": "P8:x\x00"}, 422),
        ("POST", "/api/drafts/1/sent", {"at": "whenever"}, 400),
        ("POST", "/api/drafts/1/sent", {"at": "2999-01-01T10:00"}, 400),
        ("DELETE", "/api/drafts/12345", None, 404),
    ],
)
def test_errors_are_json_messages(
    live: Live, method: str, path: str, body: object, status: int
) -> None:
    interviewed(live.service)
    with live.client() as client:
        client.post("/api/drafts", json={"kind": "withdrawal", "opp_id": 1})
        response = client.request(method, path, json=body)
    assert response.status_code == status, response.text
    assert isinstance(response.json()["error"], str) and response.json()["error"]


def test_a_draft_needs_a_profile(live: Live) -> None:
    case = interviewed(live.service, with_profile=False)
    with live.client() as client:
        response = client.post(
            "/api/drafts", json={"kind": "thank-you", "interview_id": case.interview}
        )
    assert response.status_code == 400 and "No profile yet" in response.json()["error"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/check"),
        ("POST", "/api/drafts"),
        ("PUT", "/api/drafts/1"),
        ("POST", "/api/drafts/1/sent"),
        ("DELETE", "/api/drafts/1"),
        ("POST", "/drafts/1"),
        ("POST", "/drafts/new"),
    ],
)
def test_state_changes_need_the_csrf_token(live: Live, method: str, path: str) -> None:
    case = interviewed(live.service)
    with live.client() as client:
        client.post("/api/drafts", json={"kind": "thank-you", "interview_id": case.interview})
        before = client.get("/api/drafts/1").json()
    response = httpx.request(method, live.url + path, json={"text": "Hello", "subject": "x"})
    assert response.status_code == 403 and "CSRF" in response.text
    with live.client() as client:
        assert client.get("/api/drafts/1").json() == before
        foreign = client.request(
            method, path, json={"text": "Hello"}, headers={"Origin": "http://evil.example"}
        )
        assert foreign.status_code == 403


def test_the_schema_states_the_limits(live: Live) -> None:
    schema = httpx.get(live.url + "/api/openapi.json").json()
    components = schema["components"]["schemas"]
    text = components["CheckBody"]["properties"]["text"]
    assert text["maxLength"] == 100_000 and text["minLength"] == 1
    edit = components["EditBody"]["properties"]
    subject = next(s for s in edit["subject"]["anyOf"] if s.get("type") == "string")
    body = next(s for s in edit["body"]["anyOf"] if s.get("type") == "string")
    assert subject["maxLength"] == 200 and body["maxLength"] == 100_000
    paths = schema["paths"]
    for path in (
        "/api/check",
        "/api/drafts",
        "/api/drafts/{message_id}",
        "/api/drafts/{message_id}/check",
        "/api/drafts/{message_id}/sent",
        "/api/drafts/{message_id}/eml",
        "/api/drafts/{message_id}/mailto",
    ):
        assert path in paths, path
    assert (
        "message/rfc822"
        in paths["/api/drafts/{message_id}/eml"]["get"]["responses"]["200"]["content"]
    )
