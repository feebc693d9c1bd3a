"""/mcp on the real `afterview serve` (loopback, a free port, started once for the module)
through the SDK's Streamable HTTP client: the bearer token, its reset, and the
assistant's whole path from an empty plan to a checked thank-you in the outbox.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import anyio
import httpx
import httpx2
import pytest
from mcp.client.streamable_http import streamable_http_client
from mcp_support import AT, console_script, count, environment, ok, refused

from mcp import Client

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Served:
    url: str
    db: str

    def token(self, *options: str) -> str:
        done = subprocess.run(
            [console_script(), "--db", self.db, "mcp", "token", *options],
            capture_output=True,
            text=True,
            env=environment(),
            check=True,
        )
        return done.stdout.strip()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("mcp-http")
    db = str(folder / "plan.db")
    env = {**environment(), "AFTERVIEW_HOME": str(folder / "home")}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = ["--db", db, "serve", "--port", str(port), "--no-send", "--at", AT]
    process = subprocess.Popen([console_script(), *args], env=env, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/minimal", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        os_env = Served(f"{base}/mcp", db)
        yield os_env
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(autouse=True)
def _same_home(served: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    """`afterview mcp token` must read the same settings folder as the server."""
    monkeypatch.setenv("AFTERVIEW_HOME", str(Path(served.db).parent / "home"))


def connect(served: Served, token: str) -> Client:
    http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return Client(streamable_http_client(served.url, http_client=http), mode="legacy")


def test_without_the_token_the_answer_is_401(served: Served) -> None:
    hello = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    assert httpx.post(served.url, json=hello).status_code == 401
    wrong = httpx.post(served.url, json=hello, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    basic = httpx.post(served.url, json=hello, headers={"Authorization": f"Basic {served.token()}"})
    assert basic.status_code == 401


def test_reset_replaces_the_token(served: Served) -> None:
    old = served.token()
    new = served.token("--reset")
    assert new != old and len(new) >= 40
    hello = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    assert (
        httpx.post(served.url, json=hello, headers={"Authorization": f"Bearer {old}"}).status_code
        == 401
    )

    async def scenario() -> None:
        async with connect(served, new) as client:
            assert len((await client.list_tools()).tools) > 20

    anyio.run(scenario)


def test_the_stream_is_not_gzipped(served: Served) -> None:
    """gzip would hold the event stream back; /mcp is answered in front of it."""
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "1"},
        },
    }
    answer = httpx.post(
        served.url,
        json=initialize,
        headers={
            "Authorization": f"Bearer {served.token()}",
            "Accept": "application/json, text/event-stream",
            "Accept-Encoding": "gzip",
        },
    )
    assert answer.status_code == 200
    assert "content-encoding" not in answer.headers
    assert "serverInfo" in answer.text


def test_an_assistant_goes_from_nothing_to_a_checked_thank_you_in_the_outbox(
    served: Served,
) -> None:
    """Only MCP calls, except the mail server, which is the person's to set (not a tool)."""
    subprocess.run(
        [
            console_script(),
            "--db",
            served.db,
            "mail",
            "set",
            "--smtp-host",
            "smtp.example.org",
            "--smtp-user",
            "sam@example.org",
        ],
        env=environment(),
        check=True,
        capture_output=True,
    )

    async def scenario() -> None:
        async with connect(served, served.token()) as c:
            await ok(
                c,
                "set_profile",
                {
                    "name": "Sam Taylor",
                    "email": "sam@example.org",
                    "skills": "Python, SQL, data pipelines",
                    "experience": "six years building data platforms",
                },
            )
            opp = (
                await ok(
                    c,
                    "record_opportunity",
                    {"company": "Northwind Health", "role": "Data Engineer", "route": "direct"},
                )
            )["opportunity_id"]
            interview = (
                await ok(
                    c,
                    "record_interview",
                    {
                        "opportunity_id": opp,
                        "start": "2026-03-13T14:00",
                        "end": "2026-03-13T15:00",
                        "timezone": "Europe/London",
                        "interviewers": [
                            {"name": "Dana Kim", "email": "dana.kim@northwind.example"}
                        ],
                    },
                )
            )["interview_id"]
            await ok(
                c,
                "record_debrief",
                {
                    "interview_id": interview,
                    "debrief": {
                        "nuggets": ["They are moving the billing platform to Kotlin next year"],
                        "went_well": ["The system design discussion"],
                    },
                },
            )
            today = await ok(c, "today", {})
            due = [i["key"] for i in today["overdue"] + today["due_today"]]
            assert f"P5:thank-you:interview={interview}" in " ".join(due)

            prompt = await c.get_prompt(
                "thank_you", {"interview_id": str(interview), "person": "Dana Kim"}
            )
            words = prompt.messages[0].content.text  # type: ignore[union-attr]
            assert "Kotlin" in words and "check_text" in words and "150 words" in words

            draft = (await ok(c, "create_draft", {"kind": "thank-you", "interview_id": interview}))[
                "drafts"
            ][0]
            body = draft["body"].replace(
                "Kind regards", "Thank you again for a thoughtful conversation.\n\nKind regards"
            )
            bad = await ok(
                c,
                "check_text",
                {
                    "text": "Subject: Thanks\n\nDear Dana,\n\nThank you for you're time, [NAME].",
                    "interview_id": interview,
                    "kind": "thank-you",
                },
            )
            assert bad["errors"] > 0
            await ok(c, "update_draft", {"draft_id": draft["id"], "body": body})
            checked = await ok(c, "check_draft", {"draft_id": draft["id"]})
            assert checked["check"]["errors"] == 0, checked["_text"]

            line = await refused(c, "queue_draft_to_send", {"draft_id": draft["id"]})
            assert "confirm" in line and count(served.db, "outbox") == 0
            queued = await ok(
                c, "queue_draft_to_send", {"draft_id": draft["id"], "confirm_send": True}
            )
            assert queued["state"] == "queued" and queued["message_id"] == draft["id"]

    anyio.run(scenario)
    assert count(served.db, "outbox", "state = 'queued'") == 1
    assert count(served.db, "messages", "body LIKE '%thoughtful conversation%'") == 1
