"""The outbox through the service layer, against a real SMTP server, on SQLite and PostgreSQL.

The interview is Tuesday 10 March 2026, 14:00–15:00 London, so P5 wants the
thank-you the next working morning, Wednesday 11 March 09:00. Every run gets its
`now` explicitly: retries and stuck rows are proven with clocks, never by sleeping.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import delete, text, update

from afterview.errors import BadInput, Refused
from afterview.playbook.facts import Channel, ContactKind
from afterview.services import drafts, outbox, records
from afterview.services.app import App
from afterview.store import outbox_store
from afterview.store import schema as t

from .helpers import at, content
from .outbox_scene import P_S, Scene, another_thank_you, configure, interviewed
from .smtp_server import PASSWORD, USER, MailServer, Running, certificates, serving

DUE = at(11, 9)  # P5: afternoon interview → next working morning


def row(app: App, outbox_id: int) -> outbox.OutboxEntry:
    return outbox.get_entry(app, outbox_id, now=at(1, 0))


def contacts(app: App, opp: int, kind: ContactKind) -> list[Any]:
    with app.transaction(at(1, 0)) as repo:
        return list(repo.load_opportunity(opp).contacts_of(kind))


@pytest.fixture
def mail() -> Iterator[Running]:
    with serving() as running:
        yield running


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passwords come from the environment in these tests, never from a real keyring."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("AFTERVIEW_SMTP_PASSWORD", raising=False)
    monkeypatch.delenv("AFTERVIEW_SMTP_CAFILE", raising=False)


# --- P5: the thank-you leaves at its due time, exactly once ----------------------------


def test_a_queued_thank_you_leaves_at_its_due_time_exactly_once(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    assert entry.state == "queued" and entry.due_at == DUE  # P5's due time, still ahead

    early = outbox.run(app, now=DUE - timedelta(minutes=1))
    assert early.lines == () and early.exit_code == 0
    assert mail.handler.received == []

    sent = outbox.run(app, now=DUE)
    assert [(line.result, line.outbox_id) for line in sent.lines] == [("sent", entry.id)]
    assert sent.exit_code == 0
    assert len(mail.handler.received) == 1
    got = mail.handler.received[0]
    draft = drafts.get_draft(app, scene.thank_you, now=DUE)
    message = got.message
    assert message["Message-ID"] == draft.message_id
    assert message["From"] == "Sam Taylor <sam@example.org>"
    assert message["To"] == "Dana Kim <dana@northwind.example>"
    assert message["Subject"] == draft.subject == "Thank you — Data Engineer interview"
    assert P_S in message.get_content() and message.get_content_charset() == "utf-8"
    assert got.mail_from == "sam@example.org" and got.rcpt_tos == ("dana@northwind.example",)

    again = outbox.run(app, now=DUE + timedelta(minutes=5))
    assert again.lines == () and len(mail.handler.received) == 1

    done = row(app, entry.id)
    assert done.state == "sent" and done.server_reply and done.server_reply.startswith("250")
    assert drafts.get_draft(app, scene.thank_you, now=DUE).sent_at == DUE
    thanks = contacts(app, scene.opp, ContactKind.THANK_YOU)
    assert [(c.at, c.person_id, c.channel) for c in thanks] == [(DUE, scene.dana, Channel.EMAIL)]


def test_a_thank_you_already_due_leaves_at_the_next_run(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(11, 12))
    assert entry.due_at == at(11, 12)  # P5's time has passed: now
    assert [line.result for line in outbox.run(app, now=at(11, 12, 1)).lines] == ["sent"]


def test_an_explicit_time_wins_and_the_queue_says_when(app: App, mail: Running) -> None:
    """The draft was written for P5's next morning ("yesterday"); leaving the same
    evening, its day word must say so first, or the queue refuses it (P5)."""
    scene = interviewed(app)
    configure(app, mail)
    body = drafts.get_draft(app, scene.thank_you, now=at(10, 16, 6)).body
    assert "yesterday" in body
    with pytest.raises(Refused, match=r"says “yesterday” but leaves Tue 10 Mar 18:00.*Send it now"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10), at=at(10, 18))
    assert outbox.list_entries(app, now=at(10, 16, 10)) == []
    drafts.edit_draft(
        app, scene.thank_you, now=at(10, 16, 11), body=body.replace("yesterday", "this afternoon")
    )
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 12), at=at(10, 18))
    assert entry.due_at == entry.next_attempt_at == at(10, 18)
    assert outbox.run(app, now=at(10, 17, 59)).lines == ()
    assert [line.result for line in outbox.run(app, now=at(10, 18)).lines] == ["sent"]


# --- retries, failures, connection problems -------------------------------------------


@pytest.mark.parametrize("where", ["rcpt", "data"])
def test_4xx_goes_back_to_the_queue_with_backoff_then_leaves_once(app: App, where: str) -> None:
    handler = MailServer()
    answers = ["451 4.3.0 Try again later", "421 4.7.0 Too busy, come back later"]
    if where == "rcpt":
        handler.rcpt_answers = answers
    else:
        handler.data_answers = answers
    scene = interviewed(app)
    with serving(handler) as mail:
        configure(app, mail)
        entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        first = outbox.run(app, now=DUE)
        assert [(line.result, line.next_attempt_at) for line in first.lines] == [
            ("retry", DUE + timedelta(minutes=5))
        ]
        assert first.exit_code == 75 and "451 4.3.0" in first.lines[0].detail
        assert outbox.run(app, now=DUE + timedelta(minutes=4)).lines == ()  # not yet
        second = outbox.run(app, now=DUE + timedelta(minutes=5))
        assert [(line.result, line.next_attempt_at) for line in second.lines] == [
            ("retry", DUE + timedelta(minutes=15))  # doubled
        ]
        third = outbox.run(app, now=DUE + timedelta(minutes=15))
        assert [line.result for line in third.lines] == ["sent"] and third.exit_code == 0
        assert len(handler.received) == 1
        assert row(app, entry.id).attempts == 3
        assert drafts.get_draft(app, scene.thank_you, now=DUE).sent_at == DUE + timedelta(
            minutes=15
        )


def test_5xx_fails_with_the_servers_reason_and_is_not_tried_again(app: App) -> None:
    handler = MailServer(rcpt_answers=["550 5.1.1 <dana@northwind.example>: no such user"])
    scene = interviewed(app)
    with serving(handler) as mail:
        configure(app, mail)
        entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        report = outbox.run(app, now=DUE)
        assert [line.result for line in report.lines] == ["failed"] and report.exit_code == 1
        failed = row(app, entry.id)
        assert failed.state == "failed"
        assert failed.last_error == "550 5.1.1 <dana@northwind.example>: no such user"
        assert outbox.run(app, now=DUE + timedelta(days=1)).lines == ()
        assert handler.received == []
    assert drafts.get_draft(app, scene.thank_you, now=DUE).sent_at is None
    assert contacts(app, scene.opp, ContactKind.THANK_YOU) == []


def test_a_refused_connection_is_retried_then_given_up(app: App) -> None:
    scene = interviewed(app)
    configure(app, None)  # a port nobody listens on
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    moments = [DUE, DUE + timedelta(minutes=5), DUE + timedelta(minutes=15)]
    results = [outbox.run(app, now=m, max_attempts=3) for m in moments]
    assert [r.lines[0].result for r in results] == ["retry", "retry", "failed"]
    assert [r.exit_code for r in results] == [75, 75, 1]
    failed = row(app, entry.id)
    assert failed.state == "failed" and failed.attempts == 3
    assert failed.last_error == "gave up after 3 attempts: connection refused"


def test_a_message_found_too_late_is_not_sent(app: App, mail: Running) -> None:
    """The laptop was off for days: a two-day-late thank-you is for the person to decide."""
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    report = outbox.run(app, now=DUE + timedelta(days=3))
    assert [line.result for line in report.lines] == ["failed"]
    assert "more than 2 days ago" in (row(app, entry.id).last_error or "")
    assert mail.handler.received == []


def test_a_run_stops_at_a_server_problem_and_leaves_the_rest_their_turn(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = interviewed(app)
    second_id = another_thank_you(app, scene, at(10, 16, 20))
    monkeypatch.setenv("AFTERVIEW_SMTP_PASSWORD", PASSWORD)
    with serving() as mail:
        configure(app, mail, smtp_user=USER)
        first_entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 30))
        second_entry = outbox.queue(app, second_id, now=at(10, 16, 30), again=True)
        # the server offers no login at all: the account's problem, not the message's
        report = outbox.run(app, now=DUE)
    assert [line.outbox_id for line in report.lines] == [first_entry.id]
    assert "AUTH" in report.lines[0].detail
    assert report.stopped and "1 more due message" in report.stopped
    assert row(app, second_entry.id).state == "queued"


def test_no_settings_or_no_password_refuses_the_run_before_writing(app: App) -> None:
    scene = interviewed(app)
    with pytest.raises(BadInput, match="No SMTP server is set"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    assert outbox.run(app, now=DUE).lines == ()  # nothing due: nothing needed
    configure(app, None, smtp_user=USER)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    before = content(app)
    with pytest.raises(BadInput, match="AFTERVIEW_SMTP_PASSWORD"):
        outbox.run(app, now=DUE)
    assert content(app) == before and row(app, entry.id).state == "queued"


# --- uncertain: never resent silently -------------------------------------------------


def test_a_disconnect_after_the_data_is_uncertain_and_never_resent(app: App) -> None:
    handler = MailServer(drop_after_data=1)
    scene = interviewed(app)
    with serving(handler) as mail:
        configure(app, mail)
        entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        report = outbox.run(app, now=DUE)
        assert [line.result for line in report.lines] == ["uncertain"] and report.exit_code == 1
        assert len(handler.received) == 1  # it did arrive; the client cannot know
        for later in (timedelta(minutes=5), timedelta(hours=1), timedelta(days=1)):
            assert outbox.run(app, now=DUE + later).lines == ()
        assert handler.data_attempts == 1
        with pytest.raises(Refused, match="resolve"):
            outbox.queue(app, scene.thank_you, now=DUE + timedelta(days=1))
        with pytest.raises(Refused, match="may have been sent"):
            drafts.edit_draft(app, scene.thank_you, now=DUE, subject="Thanks again")

        resolved = outbox.resolve(app, entry.id, True, now=DUE + timedelta(days=1))
    assert resolved.state == "sent"
    assert drafts.get_draft(app, scene.thank_you, now=DUE).sent_at == DUE  # when it left
    assert [c.at for c in contacts(app, scene.opp, ContactKind.THANK_YOU)] == [DUE]
    with pytest.raises(Refused, match="not uncertain"):
        outbox.resolve(app, entry.id, False, now=DUE + timedelta(days=1))


def test_a_timeout_waiting_for_the_final_reply_is_uncertain(app: App) -> None:
    handler = MailServer(hold=threading.Event())  # DATA never answered while the client waits
    scene = interviewed(app)
    with serving(handler) as mail:
        configure(app, mail)
        entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        report = outbox.run(app, now=DUE, timeout=0.5)
        assert [line.result for line in report.lines] == ["uncertain"]
        assert "timed out" in report.lines[0].detail
    assert row(app, entry.id).state == "uncertain"


def test_resolved_not_sent_is_a_draft_again_and_can_be_queued(app: App) -> None:
    handler = MailServer(drop_after_data=1)
    scene = interviewed(app)
    with serving(handler) as mail:
        configure(app, mail)
        entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        outbox.run(app, now=DUE)
        back = outbox.resolve(app, entry.id, False, now=DUE + timedelta(hours=1))
        assert back.state == "cancelled" and "not sent, as you checked" in (back.last_error or "")
        drafts.edit_draft(app, scene.thank_you, now=DUE + timedelta(hours=1), subject="Thank you")
        again = outbox.queue(app, scene.thank_you, now=DUE + timedelta(hours=1))
        assert again.id == entry.id and again.state == "queued" and again.attempts == 0
        outbox.run(app, now=DUE + timedelta(hours=1))
    assert [r.message["Subject"] for r in handler.received] == [
        "Thank you — Data Engineer interview",
        "Thank you",
    ]


def test_a_run_that_died_after_its_claim_leaves_an_uncertain_row_never_resent(
    app: App, mail: Running
) -> None:
    """Simulated crash: the claim (queued → sending) committed, then nothing."""
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    with app.transaction(DUE) as repo:
        assert outbox_store.claim(repo.conn, entry.id, DUE) is not None
    assert row(app, entry.id).state == "sending"
    with pytest.raises(Refused, match="being sent right now"):
        drafts.delete_draft(app, scene.thank_you, now=DUE)

    soon = outbox.run(app, now=DUE + timedelta(minutes=5))  # it could still be talking
    assert soon.lines == () and row(app, entry.id).state == "sending"

    later = outbox.run(app, now=DUE + outbox.STALE_AFTER + timedelta(seconds=1))
    assert [(line.result, line.outbox_id) for line in later.lines] == [("uncertain", entry.id)]
    assert later.exit_code == 1
    assert "may have been sent" in later.lines[0].detail
    for days in (1, 2, 5):
        assert outbox.run(app, now=DUE + timedelta(days=days)).lines == ()
    assert mail.handler.received == [] and mail.handler.data_attempts == 0
    assert row(app, entry.id).state == "uncertain"


# --- concurrency ----------------------------------------------------------------------


def test_a_second_run_during_a_slow_send_does_not_send_again(app: App, db_url: str) -> None:
    from .helpers import make_app

    handler = MailServer(hold=threading.Event())
    scene = interviewed(app)
    with serving(handler) as mail:
        configure(app, mail)
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        results: list[outbox.RunReport] = []
        first = threading.Thread(target=lambda: results.append(outbox.run(app, now=DUE)))
        first.start()
        assert handler.holding.wait(30)  # the first run is inside DATA
        other = make_app(db_url)
        try:
            assert outbox.run(other, now=DUE + timedelta(minutes=1)).lines == ()
        finally:
            other.close()
        assert handler.hold is not None
        handler.hold.set()
        first.join(30)
    assert [line.result for line in results[0].lines] == ["sent"]
    assert len(handler.received) == 1 and handler.data_attempts == 1


def test_concurrent_runs_send_each_message_once(app: App, db_url: str) -> None:
    from .helpers import make_app

    scene = interviewed(app)
    extra = [another_thank_you(app, scene, at(10, 16, 20)) for _ in range(3)]
    runners = [make_app(db_url) for _ in range(4)]
    start = threading.Barrier(len(runners))
    reports: list[outbox.RunReport] = []

    def one(service: App) -> None:
        start.wait(30)
        reports.append(outbox.run(service, now=DUE))

    with serving() as mail:
        configure(app, mail)
        for message_id in [scene.thank_you, *extra]:
            outbox.queue(app, message_id, now=at(10, 16, 30), again=True)
        threads = [threading.Thread(target=one, args=(service,)) for service in runners]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    for service in runners:
        service.close()
    sent = sorted(line.message_id for report in reports for line in report.lines)
    assert sent == sorted([scene.thank_you, *extra])
    assert sorted(r.message["Message-ID"] for r in mail.handler.received) == sorted(
        drafts.get_draft(app, m, now=DUE).message_id for m in [scene.thank_you, *extra]
    )


# --- P8: the weekly guard ----------------------------------------------------------------


def followed_up(app: App, mail: Running) -> tuple[Scene, int]:
    """Thanked by the outbox on 11 March; a follow-up drafted on 18 March (P8's first)."""
    scene = interviewed(app)
    configure(app, mail)
    outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    outbox.run(app, now=DUE)
    follow = drafts.draft_for_opportunity(app, scene.opp, "follow-up", now=at(18, 9))
    return scene, follow.id


def test_a_follow_up_sent_by_the_outbox_moves_the_next_one_a_week_later(
    app: App, mail: Running
) -> None:
    scene, follow = followed_up(app, mail)
    outbox.queue(app, follow, now=at(18, 9, 5), at=at(18, 10))
    assert [line.result for line in outbox.run(app, now=at(18, 10)).lines] == ["sent"]
    logged = contacts(app, scene.opp, ContactKind.FOLLOW_UP)
    assert [(c.at, c.channel) for c in logged] == [(at(18, 10), Channel.EMAIL)]
    with pytest.raises(Refused, match=r"Next allowed from Wed 25 Mar 10:00"):
        drafts.draft_for_opportunity(app, scene.opp, "follow-up", now=at(21, 9))
    assert drafts.draft_for_opportunity(app, scene.opp, "follow-up", now=at(25, 10)).id


def test_a_follow_up_inside_the_weekly_guard_is_refused_when_queued(
    app: App, mail: Running
) -> None:
    scene, follow = followed_up(app, mail)
    records.log_contact(
        app,
        scene.opp,
        kind=ContactKind.FOLLOW_UP,
        channel=Channel.PHONE,
        at=at(18, 9, 30),
        now=at(18, 9, 30),
    )
    before = content(app)
    with pytest.raises(Refused, match=r"P8 allows one a week\. Next allowed from Wed 25 Mar 09:30"):
        outbox.queue(app, follow, now=at(18, 10))
    assert content(app) == before
    entry = outbox.queue(app, follow, now=at(18, 10), at=at(25, 9, 30))
    assert entry.due_at == at(25, 9, 30)


def test_two_follow_ups_queued_in_one_week_are_refused(app: App, mail: Running) -> None:
    scene, follow = followed_up(app, mail)
    second = drafts.draft_for_opportunity(app, scene.opp, "follow-up", now=at(18, 9, 1))
    outbox.queue(app, follow, now=at(18, 9, 5), at=at(19, 9))
    with pytest.raises(Refused, match="a follow-up is queued for Thu 19 Mar 09:00"):
        outbox.queue(app, second.id, now=at(18, 9, 5), at=at(21, 9))


def test_the_guard_is_checked_again_when_the_follow_up_leaves(app: App, mail: Running) -> None:
    scene, follow = followed_up(app, mail)
    entry = outbox.queue(app, follow, now=at(18, 9, 5), at=at(20, 9))
    records.log_contact(  # the candidate called meanwhile
        app,
        scene.opp,
        kind=ContactKind.FOLLOW_UP,
        channel=Channel.PHONE,
        at=at(19, 11),
        now=at(19, 11),
    )
    report = outbox.run(app, now=at(20, 9))
    assert [line.result for line in report.lines] == ["failed"] and report.exit_code == 1
    reason = row(app, entry.id).last_error or ""
    assert reason.startswith("held: ") and "Next allowed from Thu 26 Mar 11:00" in reason
    assert len(mail.handler.received) == 1  # only the thank-you
    assert len(contacts(app, scene.opp, ContactKind.FOLLOW_UP)) == 1


def test_a_reply_since_queueing_holds_the_follow_up(app: App, mail: Running) -> None:
    scene, follow = followed_up(app, mail)
    entry = outbox.queue(app, follow, now=at(18, 9, 5), at=at(20, 9))
    records.record_reply(app, scene.opp, at=at(19, 15), now=at(19, 15), note="Decision Friday")
    outbox.run(app, now=at(20, 9))
    assert "a reply pauses follow-ups" in (row(app, entry.id).last_error or "")
    assert len(mail.handler.received) == 1


# --- refusals and header injection ------------------------------------------------------


def test_what_cannot_be_queued_is_refused_with_nothing_written(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    before = content(app)
    drafts.edit_draft(app, scene.thank_you, now=at(10, 16, 6), to="Dana Kim")  # no address
    with pytest.raises(BadInput, match="no recipient address"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    drafts.edit_draft(
        app, scene.thank_you, now=at(10, 16, 7), to="Dana Kim <dana@northwind.example>"
    )
    outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    with pytest.raises(Refused, match="already queued"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 11))
    outbox.run(app, now=DUE)
    with pytest.raises(Refused, match="already sent"):
        outbox.queue(app, scene.thank_you, now=DUE)
    assert content(app) != before


def test_no_profile_no_sender_is_refused(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    with app.transaction(at(10, 16)) as repo:
        repo.conn.execute(delete(t.profile))
    with pytest.raises(BadInput, match="No profile yet"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("subject", "Thanks\r\nBcc: everyone@example.net"),
        ("to_name", "Dana\nBcc: everyone@example.net"),
        ("to_email", "dana@northwind.example\r\nBcc: everyone@example.net"),
    ],
)
def test_header_injection_is_refused_when_queued_and_when_sent(
    app: App, mail: Running, column: str, value: str
) -> None:
    """Drafts refuse line breaks when edited; the outbox checks again, as rows can change
    by other paths (an import, another tool) between queueing and sending."""
    scene = interviewed(app)
    configure(app, mail)

    def tamper() -> None:
        with app.transaction(at(10, 16)) as repo:
            repo.conn.execute(
                update(t.messages).where(t.messages.c.id == scene.thank_you).values({column: value})
            )

    original = drafts.get_draft(app, scene.thank_you, now=at(10, 16))
    tamper()
    with pytest.raises(BadInput, match="header injection"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    with app.transaction(at(10, 16)) as repo:
        repo.conn.execute(
            update(t.messages)
            .where(t.messages.c.id == scene.thank_you)
            .values({column: getattr(original, column)})
        )
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    tamper()
    report = outbox.run(app, now=DUE)
    assert [line.result for line in report.lines] == ["failed"]
    assert "header injection" in (row(app, entry.id).last_error or "")
    assert mail.handler.received == []


# --- drafts while queued; cancelling --------------------------------------------------


def test_a_queued_draft_can_be_edited_and_the_edit_is_what_leaves(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    drafts.edit_draft(app, scene.thank_you, now=at(10, 17), subject="Thank you, Dana")
    outbox.run(app, now=DUE)
    assert [r.message["Subject"] for r in mail.handler.received] == ["Thank you, Dana"]


def test_deleting_a_queued_draft_cancels_it(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    drafts.delete_draft(app, scene.thank_you, now=at(10, 17))
    assert outbox.list_entries(app, now=at(10, 17)) == []
    with pytest.raises(outbox.UnknownOutbox):
        row(app, entry.id)
    assert outbox.run(app, now=DUE).lines == () and mail.handler.received == []


def test_cancel_keeps_the_draft_and_send_queues_it_again(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    cancelled = outbox.cancel(app, entry.id, now=at(10, 17))
    assert cancelled.state == "cancelled"
    with pytest.raises(Refused, match="nothing to cancel"):
        outbox.cancel(app, entry.id, now=at(10, 17))
    assert outbox.run(app, now=DUE).lines == ()
    again = outbox.queue(app, scene.thank_you, now=at(11, 10))
    assert again.id == entry.id and again.due_at == at(11, 10)
    outbox.run(app, now=at(11, 10))
    assert len(mail.handler.received) == 1
    with pytest.raises(Refused, match="was sent"):
        outbox.cancel(app, entry.id, now=at(11, 11))


def test_marked_sent_by_hand_while_queued_is_not_sent_again(app: App, mail: Running) -> None:
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    drafts.mark_sent(app, scene.thank_you, at=at(10, 17), now=at(10, 17))
    report = outbox.run(app, now=DUE)
    assert [line.result for line in report.lines] == ["cancelled"] and report.exit_code == 0
    assert row(app, entry.id).state == "cancelled" and mail.handler.received == []
    assert len(contacts(app, scene.opp, ContactKind.THANK_YOU)) == 1


# --- TLS and login -------------------------------------------------------------------------


def test_starttls_with_a_login_whose_password_comes_from_the_environment(
    app: App, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    certs = certificates(tmp_path)
    scene = interviewed(app)
    with serving(security="starttls", certs=certs, auth=True) as mail:
        configure(app, mail, smtp_user=USER)
        monkeypatch.setenv("AFTERVIEW_SMTP_PASSWORD", PASSWORD)
        monkeypatch.setenv("AFTERVIEW_SMTP_CAFILE", str(certs.cafile))
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        report = outbox.run(app, now=DUE)
    assert [line.result for line in report.lines] == ["sent"]
    assert mail.handler.logins == [USER] and len(mail.handler.received) == 1


def test_a_wrong_password_fails_with_the_servers_words(
    app: App, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    certs = certificates(tmp_path)
    scene = interviewed(app)
    with serving(security="starttls", certs=certs, auth=True) as mail:
        configure(app, mail, smtp_user=USER)
        monkeypatch.setenv("AFTERVIEW_SMTP_PASSWORD", "wrong")
        monkeypatch.setenv("AFTERVIEW_SMTP_CAFILE", str(certs.cafile))
        entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        outbox.run(app, now=DUE)
    assert (row(app, entry.id).last_error or "").startswith("535")
    assert mail.handler.received == []


def test_implicit_tls_verifies_the_certificate(
    app: App, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    certs = certificates(tmp_path)
    scene = interviewed(app)
    with serving(security="tls", certs=certs) as mail:
        configure(app, mail)
        entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
        unknown_ca = outbox.run(app, now=DUE)  # the test CA is not trusted by default
        assert [line.result for line in unknown_ca.lines] == ["retry"]
        assert "certificate verify failed" in unknown_ca.lines[0].detail
        assert mail.handler.received == []
        monkeypatch.setenv("AFTERVIEW_SMTP_CAFILE", str(certs.cafile))
        trusted = outbox.run(app, now=DUE + timedelta(minutes=5))
    assert [line.result for line in trusted.lines] == ["sent"]
    assert row(app, entry.id).state == "sent" and len(mail.handler.received) == 1


def test_the_outbox_table_is_left_consistent(app: App, mail: Running) -> None:
    """Each state change is a single conditional UPDATE: no row ever ends half-written."""
    scene = interviewed(app)
    configure(app, mail)
    outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    outbox.run(app, now=DUE)
    with app.transaction(DUE) as repo:
        rows = repo.conn.execute(text("SELECT state, started_at, finished_at FROM outbox")).all()
    assert [(r[0], r[1] is not None, r[2] is not None) for r in rows] == [("sent", True, True)]


# --- P5: one thank-you each; a draft with a slot never leaves ---------------------------


def test_a_second_thank_you_is_refused_when_queued_unless_asked_again(
    app: App, mail: Running
) -> None:
    scene = interviewed(app)
    configure(app, mail)
    outbox.queue(app, scene.thank_you, now=at(10, 16, 30))
    extra = another_thank_you(app, scene, at(10, 16, 35))
    before = content(app)
    with pytest.raises(Refused, match=r"Dana Kim is already thanked .*draft 1, queued for"):
        outbox.queue(app, extra, now=at(10, 16, 40))
    assert content(app) == before
    outbox.queue(app, extra, now=at(10, 16, 40), again=True)
    report = outbox.run(app, now=DUE)
    assert [line.result for line in report.lines] == ["sent", "sent"]  # asked for: both leave
    assert len(mail.handler.received) == 2


def test_a_queued_thank_you_is_held_when_they_were_thanked_by_hand_meanwhile(
    app: App, mail: Running
) -> None:
    """The candidate thanked Dana another way (logged as done) after queueing: it stays."""
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 30))
    records.log_contact(
        app, scene.opp, kind=ContactKind.THANK_YOU, channel=Channel.EMAIL, at=at(10, 17),
        now=at(10, 17), person_id=scene.dana,
    )  # fmt: skip
    report = outbox.run(app, now=DUE)
    assert [line.result for line in report.lines] == ["failed"]
    assert "already thanked" in report.lines[0].detail
    assert row(app, entry.id).state == "failed" and mail.handler.received == []


def test_a_draft_with_an_unfinished_slot_is_neither_queued_nor_sent(
    app: App, mail: Running
) -> None:
    scene = interviewed(app)
    configure(app, mail)
    view = drafts.get_draft(app, scene.thank_you, now=at(10, 16, 10))
    slotted = view.body + "\n[one sentence about: board v engaged, meets monthly]\n"
    drafts.edit_draft(app, scene.thank_you, now=at(10, 16, 15), body=slotted)
    before = content(app)
    with pytest.raises(Refused, match="unfinished slot"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 20))
    assert content(app) == before
    drafts.edit_draft(app, scene.thank_you, now=at(10, 16, 25), body=view.body)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 30))
    drafts.edit_draft(app, scene.thank_you, now=at(10, 16, 35), body=slotted)  # edited again
    report = outbox.run(app, now=DUE)
    assert [line.result for line in report.lines] == ["failed"]
    assert "unfinished slot" in report.lines[0].detail
    assert row(app, entry.id).state == "failed" and mail.handler.received == []


@pytest.mark.parametrize("timeout", [-5.0, 0.0, float("nan"), float("inf"), 10_000.0])
def test_a_bad_timeout_is_refused_before_anything_is_claimed(
    app: App, mail: Running, timeout: float
) -> None:
    """Issue: `outbox run --timeout -5` crashed after claiming, leaving the message
    "uncertain" although it never left."""
    scene = interviewed(app)
    configure(app, mail)
    entry = outbox.queue(app, scene.thank_you, now=at(10, 16, 30))
    before = content(app)
    with pytest.raises(BadInput, match="timeout must be more than 0 and at most 600 seconds"):
        outbox.run(app, now=DUE, timeout=timeout)
    assert content(app) == before and row(app, entry.id).state == "queued"
    assert mail.handler.received == []


def test_a_follow_up_queued_before_the_decision_date_is_queued_with_a_warning(
    app: App, mail: Running
) -> None:
    """P8: "follow up once that time has passed"; the person is told when it fits."""
    from datetime import date

    scene = interviewed(app)
    configure(app, mail)
    records.set_timeline(app, scene.opp, now=at(10, 16), decision_by=date(2026, 3, 20))
    view = drafts.draft_for_opportunity(app, scene.opp, "follow-up", now=at(12, 10))
    entry = outbox.queue(app, view.id, now=at(12, 10), at=at(13, 10))
    assert entry.warnings == (
        "It is early: Northwind Health expects to decide by Fri 20 Mar, so a follow-up makes "
        "sense from Mon 23 Mar 09:00 (P8: chase once that time has passed).",
    )
    assert tuple(entry.to_plain()["warnings"]) == entry.warnings


def test_a_thank_you_saying_this_afternoon_is_not_queued_for_the_next_morning(
    app: App, mail: Running
) -> None:
    """P5: the default time is the next working morning; "this afternoon" would then be
    false, so the queue says what to change and writes nothing."""
    scene = interviewed(app)
    configure(app, mail)
    view = drafts.get_draft(app, scene.thank_you, now=at(10, 16, 6))
    edited = view.body.replace("yesterday", "this afternoon")
    drafts.edit_draft(app, scene.thank_you, now=at(10, 16, 7), body=edited)
    with pytest.raises(Refused, match=r"“this afternoon” but leaves Wed 11 Mar 09:00.*“yesterday”"):
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))
    assert outbox.list_entries(app, now=at(10, 16, 10)) == []
    assert outbox.run(app, now=DUE).lines == () and mail.handler.received == []
