"""Where one consultant's day view spends its time, in process (server_load.py --explain).

Signs a consultant in on an in-process app (the server's own `create_app`, clock
frozen at the data's NOW) and times GET /agency; counts the SQL statements and the
time spent waiting on PostgreSQL, splits `sharing.day` into its steps, shows the
plan PostgreSQL chose for the shares query under row-level security, and with
`profile` prints a pyinstrument profile of a few requests.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, select

import server_generate as gen

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from afterview.server.accounts import User
    from afterview.server.store import ServerStore

REPEAT = 7


def _median_ms(action: Callable[[], object], repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@contextmanager
def _counting(engine: Any) -> Iterator[dict[str, float]]:
    """Statements sent and time spent waiting for their answers, on this engine."""
    seen = {"statements": 0, "db_ms": 0.0}
    started: list[float] = []

    def before(*_: object) -> None:
        started.append(time.perf_counter())

    def after(*_: object) -> None:
        seen["statements"] += 1
        seen["db_ms"] += (time.perf_counter() - started.pop()) * 1000

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)


def explain(url: str, scale: gen.Scale, *, profile: bool = False) -> None:
    from fastapi.testclient import TestClient

    from afterview.server.web import ServerMode
    from afterview.web.app import create_app

    store = gen.open_store(url, scale)
    try:
        consultant = gen._user(store, gen.consultant_email(0))
        assert consultant is not None
        mode = ServerMode(store, hosts=["testserver"], secure_cookies=False, clock=gen.NOW)
        app = create_app(None, server=mode)
        with TestClient(app, base_url="http://testserver") as client:
            _sign_in(client, consultant.email)
            print(f"# {scale}: consultant 0, in process, medians of {REPEAT}")
            _request(client, store)
            page = _page(app, consultant)
            _steps(store, consultant)
            print(f"{'the page handler (day + render)':<34} {_median_ms(page):>8.1f} ms")
            _sizes(store)
            if profile:
                from pyinstrument import Profiler

                profiler = Profiler(interval=0.0005)
                profiler.start()
                for _ in range(5):
                    page()
                profiler.stop()
                print(profiler.output_text(unicode=True, color=False, show_all=False))
    finally:
        store.dispose()


def _sign_in(client: TestClient, email: str) -> None:
    page = client.get("/login").text
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    client.post("/login", data={"email": email, "password": gen.PASSWORD, "csrf_token": token})


def _page(app: FastAPI, consultant: User) -> Callable[[], object]:
    """The page's handler called directly, in this thread (so a profiler sees it all)."""
    from starlette.requests import Request

    from afterview.server import agency_pages

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/agency",
        "raw_path": b"/agency",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 1),
        "root_path": "",
        "app": app,
        "state": {"user": consultant},
    }
    return lambda: agency_pages.agency_home(Request(scope))


def _request(client: TestClient, store: ServerStore) -> None:
    html = client.get("/agency", headers={"Accept-Encoding": "identity"})
    assert html.status_code == 200 and "Your day" in html.text, html.status_code
    zipped = client.get("/agency", headers={"Accept-Encoding": "gzip"})
    whole = _median_ms(lambda: client.get("/agency", headers={"Accept-Encoding": "gzip"}))
    with _counting(store.engine) as seen:
        client.get("/agency")
    print(
        f"GET /agency: {whole:.1f} ms; {len(html.content):,} bytes of HTML, "
        f"{zipped.headers.get('content-length', '?')} gzipped; {seen['statements']} SQL "
        f"statements, {seen['db_ms']:.1f} ms waiting on PostgreSQL"
    )


def _steps(store: ServerStore, consultant: User) -> None:
    """sharing.day in parts: each of its queries alone (as it sent them), then the
    pure day computation; and the plan of its query on shares."""
    from afterview.playbook.consultant import consultant_day
    from afterview.playbook.settings import Settings
    from afterview.playbook.timing import calendar_for
    from afterview.server import sharing

    now, settings = gen.NOW, Settings()
    sent: list[tuple[str, Any]] = []

    def keep(_c: object, _cur: object, statement: str, params: Any, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "set_config" not in statement:
            sent.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        day, _ = sharing.day(store, consultant, now)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    print(f"{'sharing.day, all of it':<34} "
          f"{_median_ms(lambda: sharing.day(store, consultant, now)):>8.1f} ms")  # fmt: skip
    for statement, params in sent:
        table = next((w for w in ("shares", "client_notes", "consultant_links") if w in statement),
                     "?")  # fmt: skip

        def run(statement: str = statement, params: Any = params) -> None:
            with store.agency(consultant.agency_id, consultant.id) as conn:
                conn.exec_driver_sql(statement, params).all()

        print(f"{'  query on ' + table + ', rows decoded':<34} {_median_ms(run):>8.1f} ms")
    openings = day.shared

    def pure() -> object:
        return consultant_day(openings, [], now=now, tz=consultant.timezone, settings=settings,
                              calendar=calendar_for(settings))  # fmt: skip

    print(f"{'  consultant_day (pure)':<34} {_median_ms(pure):>8.1f} ms")
    print(
        f"openings {len(day.shared)}, calls {len(day.calls)}, decisions {len(day.decisions)}, "
        f"news {len(day.news)}, offers {len(day.offers)}"
    )
    statement, params = next(q for q in sent if "shares" in q[0])
    with store.agency(consultant.agency_id, consultant.id) as conn:
        plan = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {statement}", params)
        print("sharing.day's query on shares, as the app role under row-level security:")
        for line in plan.scalars():
            print("   ", line)


def _sizes(store: ServerStore) -> None:
    from afterview.server import tables as t

    with store.owner() as conn:
        count, size = conn.execute(
            select(func.count(), func.sum(func.pg_column_size(t.shares.c.facts)))
        ).one()
    print(f"shares in the deployment: {count:,}, {int(size or 0):,} bytes of JSONB")
