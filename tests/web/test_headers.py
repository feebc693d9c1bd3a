"""What every answer of the web server carries, whatever its kind: nosniff and a
Content-Security-Policy, HEAD like GET, an Allow header with a 405, gzip for text,
static files cached for good under their fingerprint, and no redirect off-site.

In-process (Starlette's TestClient) on a SQLite file with the demo data: headers do
not depend on the database, and this keeps the file to a few seconds.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from afterview.config import Config
from afterview.playbook.settings import Settings
from afterview.services import calendar_feed, demo
from afterview.services.app import App
from afterview.web.app import create_app
from afterview.web.static_files import STATIC

NOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
ORIGIN = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    folder = tmp_path_factory.mktemp("headers")
    service = App(
        url=f"sqlite:///{folder}/a.sqlite3",
        config=Config(settings=Settings(), timezone="Europe/London"),
    )
    demo.seed(service, NOW)
    yield service
    service.close()


@pytest.fixture
def client(seeded: App) -> Iterator[TestClient]:
    with TestClient(
        create_app(seeded, clock=NOW), base_url=ORIGIN, follow_redirects=False
    ) as browser:
        token = browser.get("/api/csrf").json()["token"]
        browser.headers["X-CSRF-Token"] = token
        yield browser


def some_draft_id(client: TestClient) -> int:
    drafts = client.get("/api/drafts").json()
    assert drafts, "the demo data has drafts"
    return int(drafts[0]["id"])


def answers_of_every_kind(client: TestClient, service: App) -> dict[str, object]:
    token = calendar_feed.feed_token(service, now=NOW)
    return {
        "page": client.get("/"),
        "JSON": client.get("/api/agenda"),
        "schema": client.get("/api/openapi.json"),
        "API error": client.get("/api/opportunities/999999"),
        "API 422": client.get("/api/agenda?days=x"),
        "feed": client.get(calendar_feed.feed_path(token)),
        "eml": client.get(f"/drafts/{some_draft_id(client)}.eml"),
        "css": client.get("/static/app.css"),
        "js": client.get("/static/app.js"),
        "unknown page": client.get("/no/such/page"),
        "405": client.request("TRACE", "/api/csrf"),
        "wrong host": client.get("/", headers={"host": "evil.example"}),
    }


def test_every_kind_of_answer_says_nosniff_and_has_a_policy(
    client: TestClient, seeded: App
) -> None:
    answers = answers_of_every_kind(client, seeded)
    statuses = {name: a.status_code for name, a in answers.items()}  # type: ignore[attr-defined]
    assert statuses == {
        "page": 200, "JSON": 200, "schema": 200, "API error": 404, "API 422": 422,
        "feed": 200, "eml": 200, "css": 200, "js": 200, "unknown page": 404, "405": 405,
        "wrong host": 400,
    }  # fmt: skip
    for name, answer in answers.items():
        headers = answer.headers  # type: ignore[attr-defined]
        assert headers.get("x-content-type-options") == "nosniff", name
        policy = headers.get("content-security-policy", "")
        assert "default-src" in policy and "frame-ancestors 'none'" in policy, name
    data = answers["JSON"].headers["content-security-policy"]  # type: ignore[attr-defined]
    assert data.startswith("default-src 'none'")  # data is never a document
    page = answers["page"].headers["content-security-policy"]  # type: ignore[attr-defined]
    assert "script-src 'self'" in page  # pages keep their own policy


def test_a_405_says_what_is_allowed(client: TestClient) -> None:
    answer = client.request("TRACE", "/api/csrf")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET"


def test_a_405_names_the_methods_of_every_route_at_that_path(client: TestClient) -> None:
    """GET and POST /api/drafts are two routes; Starlette alone would say `Allow: GET`."""
    assert client.request("OPTIONS", "/api/drafts").headers["allow"] == "GET, POST"
    assert client.request("PATCH", "/api/drafts/1").headers["allow"] == "DELETE, GET, PUT"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/agenda?days=5e109", None),  # past the documented maximum
        ("POST", "/api/actions/x/snooze", {"until": ""}),  # documented minLength 1
    ],
)
def test_what_the_schema_forbids_is_a_documented_422(
    client: TestClient, method: str, path: str, body: object
) -> None:
    answer = client.request(method, path, json=body)
    assert answer.status_code == 422
    assert answer.json()["error"] == "Invalid request."
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"][
        path.split("?", maxsplit=1)[0].replace("/x/", "/{key}/").replace("/1/", "/{opp_id}/")
    ][method.lower()]
    assert "422" in operation["responses"]


def test_a_null_the_api_takes_is_a_null_its_schema_allows(client: TestClient) -> None:
    """It took `"follow_up_with": null` while its schema hid null (schemathesis ST201)."""
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["NewTimeline"]
    assert {"type": "null"} in schema["properties"]["follow_up_with"]["anyOf"]
    answer = client.post("/api/opportunities/1/timeline", json={"follow_up_with": None})
    assert answer.status_code == 400  # four nulls give nothing: a documented refusal


@pytest.mark.parametrize("path", ["/", "/api/agenda", "/opportunities", "/static/app.css"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    get = client.get(path)
    head = client.head(path)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]


def test_head_of_an_unknown_page_is_404(client: TestClient) -> None:
    assert client.head("/no/such/page").status_code == 404


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/", "text/html"),
        ("/opportunities/1", "text/html"),
        ("/static/app.css", "text/css"),
        ("/static/editor.js", "text/javascript"),
        ("/api/agenda?all=true", "application/json"),
    ],
)
def test_text_is_sent_gzipped_to_browsers_that_take_it(
    client: TestClient, path: str, kind: str
) -> None:
    plain = client.get(path, headers={"accept-encoding": "identity"})
    packed = client.get(path, headers={"accept-encoding": "gzip, deflate, br"})
    assert plain.headers["content-type"].startswith(kind)
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in packed.headers["vary"].lower()
    assert len(packed.content) == len(plain.content)  # httpx decoded it
    assert int(packed.headers["content-length"]) < len(plain.content) / 2


def test_small_answers_are_not_compressed(client: TestClient) -> None:
    small = client.get("/api/csrf", headers={"accept-encoding": "gzip"})
    assert len(small.content) < 500
    assert "content-encoding" not in small.headers


def test_a_cached_page_still_carries_each_browsers_own_token_when_gzipped(
    seeded: App,
) -> None:
    app = create_app(seeded, clock=NOW)
    seen = set()
    for _ in range(2):
        with TestClient(app, base_url=ORIGIN) as browser:
            token = browser.get("/api/csrf").json()["token"]
            page = browser.get("/", headers={"accept-encoding": "gzip"})
            assert page.headers["content-encoding"] == "gzip"
            assert f'value="{token}"' in page.text
            seen.add(token)
    assert len(seen) == 2


def digest(name: str) -> str:
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]


def test_pages_link_static_files_by_their_fingerprint(client: TestClient) -> None:
    html = client.get("/").text
    links = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html))
    assert links == {
        f"/static/app.css?v={digest('app.css')}",
        f"/static/app.js?v={digest('app.js')}",
    }
    editor = client.get(f"/drafts/{some_draft_id(client)}").text
    assert f"/static/editor.js?v={digest('editor.js')}" in editor


def test_a_fingerprinted_static_file_is_cached_for_good(client: TestClient) -> None:
    current = client.get(f"/static/app.css?v={digest('app.css')}")
    assert current.headers["cache-control"] == "public, max-age=31536000, immutable"
    for stale in ("/static/app.css", "/static/app.css?v=000000000000"):
        answer = client.get(stale)
        assert answer.status_code == 200
        assert answer.headers["cache-control"] == "no-cache", stale  # revalidated, not kept


FORGED = [
    f"{ORIGIN}//evil.example/phish",
    f"{ORIGIN}/\\evil.example/phish",
    f"{ORIGIN}/%0d%0a//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("referer", FORGED)
def test_a_forged_referer_never_sends_the_browser_off_site(
    client: TestClient, referer: str
) -> None:
    answer = client.post("/drafts/new", data={"kind": "nonsense"}, headers={"referer": referer})
    location = answer.headers.get("location", "")
    # nothing, or a path on this server: never `//host` or `/\\host` (read as a host)
    assert location == "" or (location[0] == "/" and location[1:2] not in ("/", "\\")), location


def test_a_same_site_referer_still_brings_the_refusal_back_there(client: TestClient) -> None:
    answer = client.post(
        "/drafts/new",
        data={"kind": "nonsense"},
        headers={"referer": f"{ORIGIN}/opportunities/1?tab=plan"},
    )
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/opportunities/1?tab=plan")


def test_gzip_really_is_gzip(client: TestClient) -> None:
    """The bytes on the wire, not httpx's decoding: a real gzip stream of the page."""
    with client.stream("GET", "/", headers={"accept-encoding": "gzip"}) as raw:
        wire = b"".join(raw.iter_raw())
    assert gzip.decompress(wire).startswith(b"<!doctype html>")


def test_static_folder_is_the_packaged_one() -> None:
    assert (STATIC / "app.css").exists() and Path(STATIC).name == "static"
