"""Which opportunity a mail answers (pure): one table of cases, each with its reason.

Two open opportunities and one closed: Northwind (Dana, thanked with message 7),
Contoso (Sam; recruiter Priya of TalentBridge, who also works Fabrikam's closed one).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from afterview.integrations.reply_match import (
    How,
    Ignored,
    KnownOpportunity,
    KnownPerson,
    MailHeaders,
    MatchContext,
    Matched,
    Reason,
    auto_reply,
    mailing_list,
    match,
    message_ids,
)

ME = "alex.candidate@mailbox.example"
THANKS = "<thanks-7@mailbox.example>"
OLD = "<old-3@mailbox.example>"


def utc(day: int, hour: int = 9, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


NORTHWIND = KnownOpportunity(1, "Northwind Health", True, utc(1))
CONTOSO = KnownOpportunity(2, "Contoso", True, utc(2))
FABRIKAM = KnownOpportunity(3, "Fabrikam", False, utc(1, month=1))
ALSO_TALENT = KnownOpportunity(4, "Tailspin", True, utc(3))


def context(*extra: KnownOpportunity, priya_in: tuple[int, ...] = (2, 3)) -> MatchContext:
    from afterview.integrations.reply_match import SentMessage

    opps = [NORTHWIND, CONTOSO, FABRIKAM, *extra]
    people = [
        KnownPerson("dana@northwind.example", "Dana Kim", 1),
        KnownPerson("Sam@Contoso.example", "Sam Hill", 2),
        KnownPerson("jo@gmail.com", "Jo Private", 1),
        KnownPerson(ME, "Alex (me, by mistake)", 1),
        *(KnownPerson("priya@talentbridge.example", "Priya Shah", i) for i in priya_in),
    ]
    sent = [
        SentMessage(7, THANKS, 1, utc(10, 16)),
        SentMessage(3, OLD, 3, utc(5, 9, month=1)),
    ]
    return MatchContext.build(
        own_addresses=[ME, "ALEX@Work.example"], opportunities=opps, sent=sent, people=people
    )


CASES: list[tuple[str, MailHeaders, datetime, object]] = [
    # --- threading: strongest -------------------------------------------------------
    ("in-reply-to our thank-you",
     MailHeaders(in_reply_to=(THANKS,), from_email="someone@else.example", subject="Re: Thanks"),
     utc(12), Matched(1, How.THREAD, answers=7)),
    ("references, newest last, beats the sender's own opportunity",
     MailHeaders(references=("<x@y>", THANKS), from_email="sam@contoso.example"),
     utc(12), Matched(1, How.THREAD, answers=7)),
    ("threaded to a closed opportunity: still its reply",
     MailHeaders(in_reply_to=(OLD,), from_email="hr@fabrikam.example"),
     utc(12), Matched(3, How.THREAD, answers=3)),
    ("dated before the message it answers",
     MailHeaders(in_reply_to=(THANKS,), from_email="dana@northwind.example"),
     utc(10, 12), Ignored(Reason.OLDER)),
    ("a few minutes of clock skew are tolerated",
     MailHeaders(in_reply_to=(THANKS,), from_email="dana@northwind.example"),
     datetime(2026, 3, 10, 15, 57, tzinfo=UTC), Matched(1, How.THREAD, answers=7)),
    # --- sender ---------------------------------------------------------------------
    ("a recorded person, any letter case",
     MailHeaders(from_email="SAM@contoso.EXAMPLE", subject="Next steps"),
     utc(12), Matched(2, How.SENDER, person="Sam Hill")),
    ("a person at a shared provider still matches by address",
     MailHeaders(from_email="jo@gmail.com"), utc(12), Matched(1, How.SENDER, person="Jo Private")),
    ("a recruiter of an open and a closed one: the open one",
     MailHeaders(from_email="priya@talentbridge.example"),
     utc(12), Matched(2, How.SENDER, person="Priya Shah")),
    ("older than the opportunity",
     MailHeaders(from_email="dana@northwind.example"), utc(20, month=2), Ignored(Reason.OLDER)),
    # --- domain (weaker) ------------------------------------------------------------
    ("a colleague at the domain of exactly one opportunity",
     MailHeaders(from_email="talent-team@northwind.example"), utc(12), Matched(1, How.DOMAIN)),
    ("a shared provider's domain says nothing",
     MailHeaders(from_email="stranger@gmail.com"), utc(12), Ignored(Reason.UNRELATED)),
    ("the candidate's own domain says nothing",
     MailHeaders(from_email="boss@work.example"), utc(12), Ignored(Reason.UNRELATED)),
    ("a closed opportunity's domain does not match",
     MailHeaders(from_email="news@fabrikam.example"), utc(12), Ignored(Reason.UNRELATED)),
    # --- ignored before matching ----------------------------------------------------
    ("from the candidate", MailHeaders(from_email=ME, in_reply_to=(THANKS,)),
     utc(12), Ignored(Reason.OWN)),
    ("from another address of the candidate", MailHeaders(from_email="alex@work.example"),
     utc(12), Ignored(Reason.OWN)),
    ("out of office, threaded: not the employer's answer (P8 must not pause)",
     MailHeaders(from_email="dana@northwind.example", in_reply_to=(THANKS,),
                 auto_submitted="auto-replied", subject="Out of Office: Re: Thanks"),
     utc(12), Ignored(Reason.AUTO_REPLY)),
    ("Exchange's automatic reply without Auto-Submitted",
     MailHeaders(from_email="dana@northwind.example", subject="Automatic reply: Thank you"),
     utc(12), Ignored(Reason.AUTO_REPLY)),
    ("X-Autoreply", MailHeaders(from_email="dana@northwind.example", autoreply_header=True),
     utc(12), Ignored(Reason.AUTO_REPLY)),
    ("Precedence: auto_reply",
     MailHeaders(from_email="dana@northwind.example", precedence="auto_reply"),
     utc(12), Ignored(Reason.AUTO_REPLY)),
    ("a delivery report", MailHeaders(from_email="mailer-daemon@northwind.example",
                                      content_type="multipart/report; report-type=delivery-status"),
     utc(12), Ignored(Reason.AUTO_REPLY)),
    ("Auto-Submitted: no is a person's mail",
     MailHeaders(from_email="dana@northwind.example", auto_submitted="no"),
     utc(12), Matched(1, How.SENDER, person="Dana Kim")),
    ("a newsletter from the organisation's domain",
     MailHeaders(from_email="news@northwind.example", list_id="<news.northwind.example>"),
     utc(12), Ignored(Reason.MAILING_LIST)),
    ("bulk mail from a recorded person",
     MailHeaders(from_email="dana@northwind.example", precedence="bulk"),
     utc(12), Ignored(Reason.MAILING_LIST)),
    ("List-Unsubscribe alone", MailHeaders(from_email="news@northwind.example",
                                           list_unsubscribe=True),
     utc(12), Ignored(Reason.MAILING_LIST)),
    ("no sender at all", MailHeaders(subject="?"), utc(12), Ignored(Reason.UNRELATED)),
    ("unrelated", MailHeaders(from_email="shop@store.example"), utc(12), Ignored(Reason.UNRELATED)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mail", "at", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_match(mail: MailHeaders, at: datetime, expected: Matched | Ignored) -> None:
    decision = match(mail, at, context())
    if isinstance(expected, Ignored):
        assert isinstance(decision, Ignored), decision
        assert decision.reason is expected.reason
    else:
        assert decision == expected


def test_a_sender_in_two_open_opportunities_is_ambiguous_unless_the_subject_names_one() -> None:
    ctx = context(ALSO_TALENT, priya_in=(2, 4))
    mail = MailHeaders(from_email="priya@talentbridge.example", subject="News")
    decision = match(mail, utc(12), ctx)
    assert decision == Ignored(Reason.AMBIGUOUS, "Contoso, Tailspin")
    named = MailHeaders(from_email="priya@talentbridge.example", subject="Tailspin: good news")
    assert match(named, utc(12), ctx) == Matched(4, How.SENDER, person="Priya Shah")


def test_a_domain_shared_by_two_open_opportunities_matches_neither() -> None:
    ctx = context(ALSO_TALENT, priya_in=(2, 4))
    decision = match(MailHeaders(from_email="ops@talentbridge.example"), utc(12), ctx)
    assert decision == Ignored(Reason.AMBIGUOUS, "Contoso, Tailspin")


def test_only_the_opportunities_a_mail_can_answer_by_date_compete() -> None:
    """Priya's mail of 2 March cannot be about Tailspin, recorded on the 3rd."""
    ctx = context(ALSO_TALENT, priya_in=(2, 4))
    mail = MailHeaders(from_email="priya@talentbridge.example")
    assert match(mail, utc(2, 12), ctx) == Matched(2, How.SENDER, person="Priya Shah")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<a@b>", ("<a@b>",)),
        ("  <a@b>\r\n\t<c@d> (comment) ", ("<a@b>", "<c@d>")),
        ("a@b", ("<a@b>",)),  # some clients drop the brackets
        ("", ()),
        (None, ()),
    ],
)
def test_message_ids(value: str | None, expected: tuple[str, ...]) -> None:
    assert message_ids(value) == expected


def test_explanations_name_the_header() -> None:
    assert auto_reply(MailHeaders(auto_submitted="auto-generated; x=y")) == (
        "Auto-Submitted: auto-generated"
    )
    assert auto_reply(MailHeaders(subject="Re: Out of office policy question")) == ""
    assert mailing_list(MailHeaders(precedence="List")) == "Precedence: list"


def test_earliest_bounds_the_first_read() -> None:
    assert context().earliest() == utc(1, 9, month=1)  # Fabrikam's, closed or not
    empty = MatchContext.build(own_addresses=[], opportunities=[], sent=[], people=[])
    assert empty.earliest() is None
