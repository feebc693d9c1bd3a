"""Profile, word list and drafts through the service layer (services/profile.py, drafts.py)."""

from __future__ import annotations

import email
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from afterview.errors import BadInput, Refused, UnknownInterview, UnknownMessage, UnknownPerson
from afterview.playbook.facts import ContactKind
from afterview.services import debriefs, drafts, profile, records
from afterview.services.app import App
from afterview.services.backup import export_json, import_json

from .helpers import at, follow_up, make_app, newcomer, plan, plan_view

SAM = {
    "name": "Sam Taylor",
    "email": "sam@example.org",
    "skills": "Python, SQL, mentoring",
    "experience": "six years building data platforms",
    "language": "en-GB",
}


def content(app: App) -> dict[str, Any]:
    tables = export_json(app, at(1, 0))["tables"]
    tables.pop("_id_counters")
    return tables  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Case:
    opp: int
    interview: int
    dana: int
    tom: int | None


def with_debrief(
    app: App,
    nuggets: tuple[str, ...] = (
        "they are opening a Lisbon office",
        "the billing platform moves to Kotlin",
    ),
    panel: bool = True,
) -> Case:
    """Interviewed 10 March 10:00–11:00 London by Dana (and Tom), debriefed at 11:30."""
    base = newcomer(app)
    interview = base.interview
    tom = None
    if panel:
        interview = records.add_interview(
            app,
            base.opp,
            start=at(10, 10),
            end=at(10, 11),
            tz="Europe/London",
            now=at(1, 9),
            interviewers=(records.NewInterviewer("Tom Reyes", "tom@northwind.example"),),
            interviewer_ids=(base.dana,),
        )
        records.cancel_interview(app, base.interview, now=at(1, 9))
        people = {p.name: p.id for p in plan_view(app, base.opp, at(1, 9)).opportunity.people}
        tom = people["Tom Reyes"]
    debriefs.record_debrief(
        app,
        interview,
        {"nuggets": list(nuggets), "went_well": ["the system design exercise"]},
        now=at(10, 11, 30),
    )
    profile.set_profile(app, now=at(10, 11, 30), **SAM)
    return Case(base.opp, interview, base.dana, tom)


# --- profile and word list ---------------------------------------------------------------


def test_a_new_profile_needs_a_name_and_an_email(app: App) -> None:
    with pytest.raises(BadInput, match="needs --email"):
        profile.set_profile(app, now=at(1, 9), name="Sam Taylor")
    assert profile.get_profile(app, at(1, 9)) is None


def test_profile_updates_only_what_is_given_and_normalises(app: App) -> None:
    profile.set_profile(app, now=at(1, 9), **SAM)
    updated = profile.set_profile(app, now=at(1, 10), language="en_us", skills="SQL; Python, SQL")
    assert updated.name == "Sam Taylor" and updated.email == "sam@example.org"
    assert updated.language == "en-US"
    assert updated.skills == ("SQL", "Python")  # split on , and ;, repeats dropped, order kept


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "not-an-address"}, "Invalid email address"),
        ({"language": "fr-FR"}, "Unknown language 'fr-FR': use en-GB or en-US."),
        ({"name": "Sam\nTaylor"}, "must be a single line"),
        ({"phone": "x" * 41}, "too long"),
    ],
)
def test_bad_profile_values_are_refused_and_nothing_changes(
    app: App, change: dict[str, str], message: str
) -> None:
    profile.set_profile(app, now=at(1, 9), **SAM)
    before = content(app)
    with pytest.raises(BadInput, match=message):
        profile.set_profile(app, now=at(1, 10), **change)
    assert content(app) == before


def test_word_list_adds_once_removes_and_refuses_non_words(app: App) -> None:
    assert profile.add_words(app, ["Kubernetes", "dbt", "Kubernetes"], now=at(1, 9)) == [
        "Kubernetes",
        "dbt",
    ]
    assert profile.add_words(app, ["dbt"], now=at(1, 9)) == []
    with pytest.raises(BadInput, match="is not a word"):
        profile.add_words(app, ["two words"], now=at(1, 9))
    with pytest.raises(BadInput, match="Not on your word list: Terraform"):
        profile.remove_words(app, ["dbt", "Terraform"], now=at(1, 9))
    assert profile.list_words(app, now=at(1, 9)) == ["Kubernetes", "dbt"]  # nothing removed
    profile.remove_words(app, ["dbt"], now=at(1, 9))
    assert profile.list_words(app, now=at(1, 9)) == ["Kubernetes"]


# --- thank-you drafts (P5) ----------------------------------------------------------------


def test_thank_you_drafts_one_per_interviewer_each_with_its_own_nugget(app: App) -> None:
    case = with_debrief(app)
    dana, tom = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 40))
    assert (dana.to_name, dana.to_email) == ("Dana Kim", "dana@northwind.example")
    assert (tom.to_name, tom.to_email) == ("Tom Reyes", "tom@northwind.example")
    assert {dana.nugget, tom.nugget} == {
        "they are opening a Lisbon office",
        "the billing platform moves to Kotlin",
    }
    assert "Dana" in dana.body and "Tom" in tom.body
    assert dana.body != tom.body
    assert dana.message_id != tom.message_id and dana.message_id.endswith("@example.org>")
    assert [v.id for v in drafts.list_drafts(app, now=at(10, 12))] == [dana.id, tom.id]


def test_a_second_thank_you_to_the_same_person_does_not_repeat_the_first(app: App) -> None:
    case = with_debrief(app)
    first = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 40), to=case.dana)[0]
    second = drafts.draft_thank_you(
        app, case.interview, now=at(10, 11, 45), to=case.dana, again=True
    )[0]
    assert first.body != second.body
    assert second.nugget != first.nugget  # the other nugget, since the first was used


def test_one_thank_you_each_unless_asked_again(app: App) -> None:
    """P5: an interviewer already thanked (or with a draft) gets no second one by accident;
    drafting for the panel skips them, --to refuses, marking sent and queueing refuse."""
    case = with_debrief(app)
    assert case.tom is not None
    first = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 40), to=case.dana)[0]
    before = content(app)
    with pytest.raises(Refused, match=r"Dana Kim already has a thank-you draft .*draft 1"):
        drafts.draft_thank_you(app, case.interview, now=at(10, 11, 45), to=case.dana)
    assert content(app) == before

    panel = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 50))
    assert [v.to_name for v in panel] == ["Tom Reyes"]
    assert any(n.startswith("Skipped: Dana Kim already has") for n in panel[0].notes)

    drafts.mark_sent(app, first.id, at=at(10, 12), now=at(10, 12))
    extra = drafts.draft_thank_you(
        app, case.interview, now=at(10, 12, 5), to=case.dana, again=True
    )[0]
    before = content(app)
    with pytest.raises(Refused, match=r"Dana Kim is already thanked .*draft 1, sent Tue 10 Mar"):
        drafts.mark_sent(app, extra.id, at=at(10, 12, 10), now=at(10, 12, 10))
    assert content(app) == before
    drafts.mark_sent(app, extra.id, at=at(10, 12, 10), now=at(10, 12, 10), again=True)

    with pytest.raises(Refused, match="Everyone met in this interview has a thank-you"):
        drafts.draft_thank_you(app, case.interview, now=at(10, 12, 20))


def test_a_thank_you_logged_by_hand_counts_as_thanks(app: App) -> None:
    """A thank-you contact logged for the person (e.g. `done P5:…`) is a thank-you sent."""
    from .helpers import thank

    case = with_debrief(app, panel=False)
    thank(app, case.opp, at(10, 12), person=case.dana)
    with pytest.raises(Refused, match=r"already thanked .*logged as sent Tue 10 Mar 12:00"):
        drafts.draft_thank_you(app, case.interview, now=at(10, 12, 30), to=case.dana)


def test_nugget_choice_and_its_errors(app: App) -> None:
    case = with_debrief(app)
    chosen = drafts.draft_thank_you(app, case.interview, now=at(10, 12), to=case.dana, nugget=2)
    assert chosen[0].nugget == "the billing platform moves to Kotlin"
    before = content(app)
    with pytest.raises(BadInput, match=r"--nugget 3: the debrief of interview .* has 2"):
        drafts.draft_thank_you(app, case.interview, now=at(10, 12), nugget=3)
    with pytest.raises(UnknownPerson):
        drafts.draft_thank_you(app, case.interview, now=at(10, 12), to=999)
    with pytest.raises(UnknownInterview):
        drafts.draft_thank_you(app, 999, now=at(10, 12))
    assert content(app) == before


def test_no_thank_you_before_the_interview_or_without_a_profile(app: App) -> None:
    case = newcomer(app)
    with pytest.raises(BadInput, match="No profile yet"):
        drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    profile.set_profile(app, now=at(1, 9), **SAM)
    with pytest.raises(BadInput, match="has not happened yet"):
        drafts.draft_thank_you(app, case.interview, now=at(9, 12))


def test_without_a_debrief_the_draft_says_to_record_one(app: App) -> None:
    case = newcomer(app)
    profile.set_profile(app, now=at(1, 9), **SAM)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    assert view.nugget is None
    assert any("record the debrief (P4)" in note for note in view.notes)


# --- other kinds ------------------------------------------------------------------------------


def test_follow_up_is_refused_inside_the_weekly_guard_saying_when(app: App) -> None:
    case = with_debrief(app, panel=False)
    follow_up(app, case.opp, at(18, 10))  # Wednesday 18 March
    before = content(app)
    with pytest.raises(
        Refused,
        match=r"last one was Wed 18 Mar 10:00 .* Next allowed from "
        r"Wed 25 Mar 10:00\.",
    ):
        drafts.draft_for_opportunity(app, case.opp, "follow-up", now=at(25, 9, 59))
    assert content(app) == before
    view = drafts.draft_for_opportunity(app, case.opp, "follow-up", now=at(25, 10))
    assert view.kind == "follow-up" and view.to_name == "Priya Shah"  # recruiter route


def test_recruiter_call_script_needs_a_recruiter(app: App) -> None:
    case = with_debrief(app, panel=False)
    script = drafts.draft_for_opportunity(app, case.opp, "recruiter-call", now=at(10, 11, 45))
    assert script.is_call and "Priya" in script.body
    with pytest.raises(BadInput, match="is a call script"):
        drafts.export_eml(app, script.id, now=at(10, 12))
    direct = records.add_opportunity(
        app, company="Acme", role="Analyst", route=records.Route.DIRECT, now=at(1, 9)
    )
    with pytest.raises(BadInput, match="has no recruiter recorded"):
        drafts.draft_for_opportunity(app, direct, "recruiter-call", now=at(10, 12))


@pytest.mark.parametrize("kind", ["withdrawal", "accept", "decline"])
def test_withdrawal_and_offer_replies_go_to_the_main_contact(app: App, kind: str) -> None:
    case = with_debrief(app, panel=False)
    view = drafts.draft_for_opportunity(app, case.opp, kind, now=at(12, 9))
    assert view.kind == kind and view.to_name == "Priya Shah" and view.body.strip()


# --- editing ---------------------------------------------------------------------------------


def test_editable_text_round_trips_and_edits_apply(app: App) -> None:
    case = with_debrief(app, panel=False)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    subject, to, body = drafts.parse_editable(view.editable_text())
    assert (subject, body) == (view.subject, view.body)
    assert to == "Dana Kim <dana@northwind.example>"
    edited = drafts.edit_draft(
        app,
        view.id,
        now=at(10, 13),
        subject="Thank you, Dana",
        body=body + "\n\nP.S. Lovely office.",
        to="Dana Kim <dk@nw.example>",
    )
    assert edited.subject == "Thank you, Dana" and edited.body.endswith("Lovely office.")
    assert edited.to_email == "dk@nw.example" and edited.updated_at == at(10, 13)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Subject: hi\nBcc: x@y.example\n\nbody", "only Subject: and To: are kept"),
        ("To: a@b.example\n\nbody", "lost its Subject"),
        ("no header block at all", "needs its header lines"),
    ],
)
def test_parse_editable_refuses_what_it_cannot_keep(text: str, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        drafts.parse_editable(text)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"subject": "Thanks\r\nBcc: victim@example.org"}, "one line"),
        ({"subject": "  "}, "must not be empty"),
        ({"body": "\n\n  \n"}, "must not be empty"),
        ({"to": "Dana <dana@nw.example>\r\nBcc: x@y.example"}, "one line"),
        ({"to": "Dana <not an address>"}, "Invalid email address|Cannot read"),
    ],
)
def test_bad_edits_change_nothing(app: App, changes: dict[str, str], message: str) -> None:
    case = with_debrief(app, panel=False)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    before = content(app)
    with pytest.raises(BadInput, match=message):
        drafts.edit_draft(app, view.id, now=at(10, 13), **changes)
    assert content(app) == before


def test_unknown_draft_ids_are_clear(app: App) -> None:
    for call in (drafts.get_draft, drafts.delete_draft, drafts.export_eml, drafts.mailto_link):
        with pytest.raises(UnknownMessage, match="No draft or message 42"):
            call(app, 42, now=at(1, 9))


# --- export -----------------------------------------------------------------------------------


def test_eml_export_is_a_valid_utf8_message_with_stable_ids(app: App) -> None:
    case = with_debrief(app, panel=False)
    profile.set_profile(app, now=at(10, 12), name="Zoë Brontë-Łukasz")
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    drafts.edit_draft(app, view.id, now=at(10, 12), subject="Merci — café chat ☕")
    raw = drafts.export_eml(app, view.id, now=at(10, 12, 5))
    assert b"\r\n" in raw and all(b < 128 for b in raw.split(b"\r\n\r\n", 1)[0])  # 7-bit headers
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "Merci — café chat ☕"
    assert message["From"].addresses[0].display_name == "Zoë Brontë-Łukasz"
    assert message["To"].addresses[0].addr_spec == "dana@northwind.example"
    assert message["Message-ID"] == view.message_id
    assert email.utils.parsedate_to_datetime(message["Date"]) == at(10, 12, 5)
    body = message.get_content().replace("\r\n", "\n").strip()
    assert body == drafts.get_draft(app, view.id, now=at(10, 13)).body
    again = email.message_from_bytes(
        drafts.export_eml(app, view.id, now=at(11, 9)), policy=policy.default
    )
    assert again["Message-ID"] == view.message_id  # every export names the same message


def test_a_follow_up_threads_under_the_sent_thank_you(app: App) -> None:
    case = with_debrief(app, panel=False)
    (thanks,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    drafts.mark_sent(app, thanks.id, at=at(10, 12, 30), now=at(10, 12, 30))
    chase = drafts.draft_for_opportunity(app, case.opp, "follow-up", now=at(17, 10), to=case.dana)
    message = email.message_from_bytes(
        drafts.export_eml(app, chase.id, now=at(17, 10)), policy=policy.default
    )
    assert message["In-Reply-To"] == thanks.message_id
    assert message["References"] == thanks.message_id


def test_mailto_link_encodes_address_subject_and_body(app: App) -> None:
    case = with_debrief(app, panel=False)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    drafts.edit_draft(
        app,
        view.id,
        now=at(10, 12),
        subject="Q&A: 100% thanks?",
        body="Dear Dana,\n\nLine two & more = café.\n\nSam",
    )
    link = drafts.mailto_link(app, view.id, now=at(10, 12))
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "dana@northwind.example"
    assert " " not in link and "\n" not in link
    query = parse_qs(parts.query)
    assert query["subject"] == ["Q&A: 100% thanks?"]
    assert query["body"] == ["Dear Dana,\r\n\r\nLine two & more = café.\r\n\r\nSam"]


# --- sent ---------------------------------------------------------------------------------------


def test_marking_a_thank_you_sent_logs_the_contact_and_schedules_the_follow_up(app: App) -> None:
    case = with_debrief(app, panel=False)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    sent, flag = drafts.mark_sent(app, view.id, at=at(10, 12, 30), now=at(10, 12, 30))
    assert flag is None and sent.sent_at == at(10, 12, 30)
    opp = plan_view(app, case.opp, at(10, 13)).opportunity
    (contact,) = [c for c in opp.contacts if c.kind is ContactKind.THANK_YOU]
    assert (contact.at, contact.person_id) == (at(10, 12, 30), case.dana)
    actions = plan(app, case.opp, at(10, 13))
    thank_key = f"P5:thank-you:interview={case.interview}:person={case.dana}"
    assert actions[thank_key]["state"] == "done"
    first_chase = next(
        a for k, a in actions.items() if k.startswith("P8:") and a["state"] == "pending"
    )
    assert first_chase["due"].startswith("2026-03-17")  # a week after the thank-you (P8)
    with pytest.raises(Refused, match="already marked sent"):
        drafts.mark_sent(app, view.id, at=at(10, 13), now=at(10, 13))
    with pytest.raises(Refused, match="cannot change"):
        drafts.edit_draft(app, view.id, now=at(10, 13), subject="Changed")
    with pytest.raises(Refused, match="stays in the record"):
        drafts.delete_draft(app, view.id, now=at(10, 13))


def test_a_follow_up_sent_inside_the_guard_is_logged_with_a_flag(app: App) -> None:
    case = with_debrief(app, panel=False)
    chase = drafts.draft_for_opportunity(app, case.opp, "follow-up", now=at(17, 9))
    follow_up(app, case.opp, at(17, 10))  # the user chased by phone meanwhile
    _, flag = drafts.mark_sent(app, chase.id, at=at(17, 11), now=at(17, 11))
    assert flag is not None and "P8: at most one a week" in flag


def test_sent_in_the_future_is_refused(app: App) -> None:
    case = with_debrief(app, panel=False)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    with pytest.raises(BadInput, match="future"):
        drafts.mark_sent(app, view.id, at=at(10, 12) + timedelta(hours=1), now=at(10, 12))


# --- backup ----------------------------------------------------------------------------------


@pytest.fixture
def second_app(new_db_url: Callable[[], str]) -> Iterator[App]:
    other = make_app(new_db_url())
    yield other
    other.close()


def test_backup_round_trip_keeps_profile_words_and_messages(app: App, second_app: App) -> None:
    case = with_debrief(app, panel=False)
    profile.add_words(app, ["Kubernetes"], now=at(10, 12))
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 12))
    drafts.mark_sent(app, view.id, at=at(10, 12, 30), now=at(10, 12, 30))
    first = json.loads(json.dumps(export_json(app, at(10, 13))))
    assert first["tables"]["profile"][0]["skills"] == "Python\nSQL\nmentoring"
    import_json(second_app, first, at(10, 14))
    again = export_json(second_app, at(10, 15))
    del again["exported_at"], first["exported_at"]
    assert again == first
    restored = drafts.get_draft(second_app, view.id, now=at(10, 15))
    assert restored.message_id == view.message_id and restored.sent_at == at(10, 12, 30)
    assert profile.list_words(second_app, now=at(10, 15)) == ["Kubernetes"]


@pytest.mark.parametrize(
    ("start_hour", "drafted", "expected"),
    [
        (10, at(10, 11, 30), "this morning"),  # morning interview: P5 sends the same day
        (14, at(10, 15, 30), "this afternoon"),  # issue 10: sent now, not "yesterday"
        (14, at(11, 9, 30), "yesterday"),
        (14, at(13, 9), "on Tuesday"),  # late: the day it is written
    ],
)
def test_the_thank_you_names_the_day_as_seen_when_it_is_read(
    app: App, start_hour: int, drafted: Any, expected: str
) -> None:
    """P5: the day word is true when the email leaves (drafted to be sent now)."""
    case = newcomer(app, start=at(10, start_hour))  # Tuesday 10 March
    profile.set_profile(app, now=at(10, 9), **SAM)
    (view,) = drafts.draft_thank_you(app, case.interview, now=drafted)
    assert f"with me {expected}" in view.body or f"{expected} about" in view.body, view.body


# --- issue 10: panels, attribution, the day word, names, slots (P5) ----------------------


def sentences8(body: str) -> set[str]:
    import re

    flat = re.sub(r"\s+", " ", body)
    return {s for s in re.split(r"(?<=[.!?])\s+", flat) if len(s.split()) >= 8}


def test_a_panel_gets_separate_letters_and_each_their_own_nugget(app: App) -> None:
    """Nuggets go by who said them, not by position; no long sentence or sign-off shared."""
    case = with_debrief(app, nuggets=("the billing platform moves to Kotlin",))
    debriefs.record_debrief(
        app,
        case.interview,
        {
            "nuggets": [
                "Tom said the data team doubles next year",
                {"text": "they are opening a Lisbon office in spring", "said_by": "Dana"},
            ]
        },
        now=at(10, 11, 40),
    )
    dana, tom = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 45))
    assert "Lisbon office" in dana.body and "Lisbon" not in tom.body
    assert "data team doubles next year" in tom.body and "Tom" not in tom.body.split("\n\n")[2]
    assert not sentences8(dana.body) & sentences8(tom.body)
    closing = [v.body.split("\n\n")[-1].splitlines()[0] for v in (dana, tom)]
    assert closing[0] != closing[1]  # the sign-offs differ too


def test_again_only_to_someone_met_in_an_earlier_round(app: App) -> None:
    case = with_debrief(app)
    second = records.add_interview(
        app,
        case.opp,
        start=at(12, 10),
        end=at(12, 11),
        tz="Europe/London",
        now=at(11, 9),
        interviewers=(records.NewInterviewer("Ana Lima", "ana@northwind.example"),),
        interviewer_ids=(case.dana,),
    )
    views = drafts.draft_thank_you(app, second, now=at(12, 11, 30))
    thanks = {v.to_name: v.body.split("\n\n")[1] for v in views}
    assert set(thanks) == {"Ana Lima", "Dana Kim"}
    assert "again" not in thanks["Ana Lima"]  # met for the first time
    assert "again" in thanks["Dana Kim"] or "second interview" in thanks["Dana Kim"]


def test_more_interviewers_than_nuggets_is_said_in_the_notes(app: App) -> None:
    case = with_debrief(app, nuggets=("they are opening a Lisbon office",))
    views = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 45))
    assert sum("Lisbon" in v.body for v in views) == 1
    assert any("2 interviewers and the debrief 1 nugget" in n for v in views for n in v.notes)


def test_someones_own_words_are_not_reported_back_to_them(app: App) -> None:
    case = with_debrief(
        app, nuggets=("Dr. Dana Kim told me that the clinic opens in Leeds",), panel=False
    )
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 45))
    assert "the clinic opens in Leeds" in view.body
    assert "told me" not in view.body and "Dana Kim" not in view.body.split("\n\n")[2]


def test_a_messy_note_becomes_a_slot_that_check_and_the_outbox_refuse(app: App) -> None:
    case = with_debrief(app, nuggets=("board v engaged, meets monthly",), panel=False)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 45))
    assert "[one sentence about: board v engaged, meets monthly]" in view.body
    assert any("slot" in n for n in view.notes)
    _, report = drafts.check_draft(app, view.id, now=at(10, 11, 50))
    assert any(f.rule == "slot.unfinished" and f.severity == "error" for f in report.findings)
    with pytest.raises(Refused, match="unfinished slot"):
        drafts.ensure_finished(view.body)
    drafts.ensure_finished(
        view.body.replace(
            "[one sentence about: board v engaged, meets monthly]",
            "I enjoyed hearing about the board.",
        )
    )


def test_marking_sent_warns_when_the_day_word_is_no_longer_true(app: App) -> None:
    case = newcomer(app, start=at(10, 14))
    profile.set_profile(app, now=at(10, 9), **SAM)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 15, 30))
    assert "this afternoon" in view.body
    sent, _ = drafts.mark_sent(app, view.id, at=at(11, 9), now=at(11, 9))
    assert len(sent.warnings) == 1 and "“this afternoon”" in sent.warnings[0]
    assert "“yesterday”" in sent.warnings[0]


def test_sent_the_same_day_no_warning(app: App) -> None:
    case = newcomer(app, start=at(10, 14))
    profile.set_profile(app, now=at(10, 9), **SAM)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 15, 30))
    sent, _ = drafts.mark_sent(app, view.id, at=at(10, 16), now=at(10, 16))
    assert sent.warnings == ()


def test_a_friday_interview_drafted_at_the_weekend_names_its_weekday(app: App) -> None:
    """P5 thanks a Friday-afternoon interview on Monday morning; drafted on Saturday,
    "on Friday" is true whether it leaves then or on Monday: no note, no warning."""
    case = newcomer(app, start=at(13, 14))  # Friday 13 March, 14:00
    profile.set_profile(app, now=at(10, 9), **SAM)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(14, 11))
    assert "on Friday" in view.body, view.body
    assert not any(n.startswith("P5 says it should land") for n in view.notes)
    sent, _ = drafts.mark_sent(app, view.id, at=at(14, 11, 30), now=at(14, 11, 30))
    assert sent.warnings == ()


@pytest.mark.parametrize("name", ["homer@example.com", "Shah,", "Shah, P."])
def test_no_greeting_to_an_address_or_a_surname_fragment(app: App, name: str) -> None:
    case = newcomer(app)
    profile.set_profile(app, now=at(10, 9), **SAM)
    records.edit_person(app, case.dana, now=at(10, 9), name=name)
    with pytest.raises(BadInput, match=f"afterview person edit {case.dana} --name"):
        drafts.draft_thank_you(app, case.interview, now=at(10, 11, 45))


def test_a_display_name_in_an_address_is_greeted(app: App) -> None:
    case = newcomer(app)
    profile.set_profile(app, now=at(10, 9), **SAM)
    records.edit_person(app, case.dana, now=at(10, 9), name="Homer Simpson <homer@example.com>")
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 11, 45))
    assert view.body.startswith("Dear Homer,")


def test_a_follow_up_drafted_before_the_decision_date_says_it_is_early(app: App) -> None:
    """P8: drafted anyway, with a note saying from when a chase makes sense."""
    from datetime import date

    case = with_debrief(app, panel=False)
    records.set_timeline(app, case.opp, now=at(10, 12), decision_by=date(2026, 3, 27))
    early = drafts.draft_for_opportunity(app, case.opp, "follow-up", now=at(17, 10))
    assert any(
        n.startswith("It is early: Northwind Health expects to decide by Fri 27 Mar")
        for n in early.notes
    )
    assert "27 March" in early.body  # this round's date is the one asked about
    timely = drafts.draft_for_opportunity(app, case.opp, "follow-up", now=at(30, 10))
    assert not any(n.startswith("It is early") for n in timely.notes)


def test_a_follow_up_after_a_next_round_never_asks_about_the_old_date(app: App) -> None:
    """Issue: after a next-round invitation the draft still asked about the old date."""
    from datetime import date

    from afterview.playbook.facts import Outcome

    case = with_debrief(app, panel=False)
    records.set_timeline(app, case.opp, now=at(10, 12), decision_by=date(2026, 3, 13))
    records.record_outcome(app, case.opp, Outcome.NEXT_ROUND, at=at(12, 9), now=at(12, 9))
    view = drafts.draft_for_opportunity(app, case.opp, "follow-up", now=at(30, 10))
    assert "13 March" not in view.body and "13 Mar" not in view.body


def test_a_thank_you_written_before_p5s_day_says_when_it_should_land(app: App) -> None:
    """Drafted on Tuesday afternoon, it names "this afternoon" (true if sent now); P5
    wants it on Wednesday morning, so the note says so (the outbox refuses it then)."""
    case = newcomer(app, start=at(10, 14))  # Tuesday 10 March, 14:00
    profile.set_profile(app, now=at(10, 9), **SAM)
    (view,) = drafts.draft_thank_you(app, case.interview, now=at(10, 15, 30))
    assert "with me this afternoon" in view.body
    (note,) = [n for n in view.notes if n.startswith("P5 says it should land Wed 11 Mar 09:00")]
    assert "(“this afternoon”) is true only if it leaves today" in note
    assert "say “yesterday” for then" in note
    morning = newcomer(app, start=at(10, 10), company="Contoso")
    (same_day,) = drafts.draft_thank_you(app, morning.interview, now=at(10, 11, 30))
    assert not any(n.startswith("P5 says it should land") for n in same_day.notes)


def test_an_interview_in_another_zone_says_when_it_starts_in_both(app: App) -> None:
    """ "It starts 14:00" read at 16:30 in London looked past: a Chicago interview's
    time is given in its zone and in the user's."""
    case = newcomer(app)
    profile.set_profile(app, now=at(1, 9), **SAM)
    chicago = records.add_interview(
        app,
        case.opp,
        start=at(12, 20),  # 20:00 in London, 15:00 in Chicago (summer time there)
        end=at(12, 21),
        tz="America/Chicago",
        now=at(1, 9),
        interviewers=(records.NewInterviewer("Dev Patel", "dev@northwind.example"),),
    )
    with pytest.raises(BadInput) as raised:
        drafts.draft_thank_you(app, chicago, now=at(12, 16))
    message = str(raised.value)
    assert "15:00 in America/Chicago" in message
    assert f"20:00 in your zone, {app.timezone}" in message


@pytest.mark.parametrize(
    ("company", "role"),
    [
        ("Save the Children", "Business to Business Sales Representative"),
        ("Department of Veterans Affairs", "Head of Loss Prevention"),
        ("Merck & Co., Inc.", "Secondary School Teacher"),
    ],
)
def test_a_draft_for_a_real_employer_and_title_checks_clean(
    app: App, company: str, role: str
) -> None:
    """The check of a draft knows the opportunity's company and role (P5): words
    Afterview put there as recorded draw no finding ("for Save the Children" is no verb
    form, "the Department of …" has its article, "Merck & Co., Inc." is as recorded)."""
    opp = records.add_opportunity(
        app, company=company, role=role, route=records.Route.DIRECT, now=at(1, 9)
    )
    interview = records.add_interview(
        app,
        opp,
        start=at(10, 10),
        end=at(10, 11),
        tz="Europe/London",
        now=at(1, 9),
        interviewers=(records.NewInterviewer("Dana Kim", "dana@employer.example"),),
    )
    debriefs.record_debrief(
        app, interview, {"nuggets": ["they are opening a Lisbon office"]}, now=at(10, 11, 30)
    )
    profile.set_profile(app, now=at(10, 11, 30), **SAM)
    (draft,) = drafts.draft_thank_you(app, interview, now=at(10, 11, 40))
    _view, report = drafts.check_draft(app, draft.id, now=at(10, 11, 41))
    assert [(f.rule, f.message) for f in report.findings if f.severity.value != "info"] == []
