"""The interview page: the debrief form (P4) and the fit reflection (P7), in a real browser."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from playwright.sync_api import expect

from afterview.playbook.facts import Channel, ContactKind, FitDecision, Route
from afterview.services import queries, records
from afterview.services.interviews import show_interview

from .conftest import Live

LONG = "x" * 2001  # one item longer than a debrief holds (MAX_ITEM = 2000)


def interview(
    live: Live,
    *,
    ended_hours_ago: float = 1,
    thanked: bool = False,
    interviewers: tuple[str, ...] = ("Dana Kim",),
) -> int:
    moment = datetime.now(UTC)
    start = moment - timedelta(hours=ended_hours_ago + 1)
    opp = records.add_opportunity(
        live.service,
        company="Northwind Health",
        role="Data Engineer",
        route=Route.DIRECT,
        now=start - timedelta(days=5),
    )
    interview_id = records.add_interview(
        live.service,
        opp,
        start=start,
        end=start + timedelta(hours=1),
        tz="Europe/London",
        now=start - timedelta(days=5),
        location="2 Canal Street, Manchester",
        interviewers=tuple(
            records.NewInterviewer(name, f"{name.split()[0].lower()}@northwind.example")
            for name in interviewers
        ),
    )
    if thanked:
        records.log_contact(
            live.service,
            opp,
            kind=ContactKind.THANK_YOU,
            channel=Channel.EMAIL,
            at=start + timedelta(hours=2),
            now=start + timedelta(hours=2),
        )
    return interview_id


def question_row(page: Any, number: int) -> Any:
    return page.get_by_role("group", name=f"Question {number}", exact=True)


def nugget_row(page: Any, number: int) -> Any:
    return page.get_by_role("group", name=f"Nugget {number}", exact=True)


def test_a_debrief_is_typed_saved_and_shown_again(live: Live, page: Any, shot: Any) -> None:
    interview_id = interview(live)
    page.goto(f"{live.url}/interviews/{interview_id}")
    assert page.title() == "Round 1 · Northwind Health · Afterview"
    assert (
        page.get_by_role("region", name="When, where and who").get_by_text("Dana Kim").is_visible()
    )
    assert question_row(page, 3).is_visible() and question_row(page, 4).count() == 0
    page.get_by_label("What went well?").fill("The dbt migration story\nClear numbers")
    nugget_row(page, 1).get_by_label("What you learnt").fill("Spring launch of the churn model")
    first = question_row(page, 1)
    first.get_by_label("The question").fill("Tell me about a disagreement")
    first.get_by_label("How well you answered").select_option("weak")
    first.get_by_label("Why, if weak or wrong").select_option("forgot")
    first.get_by_label("What to add next time").fill("The rollout-freeze example")
    # "Add another question" adds a row in place and puts the cursor in it
    page.get_by_role("button", name="Add another question").click()
    added = question_row(page, 4)
    assert added.get_by_label("The question").evaluate("e => e === document.activeElement")
    page.keyboard.type("How do you size a Kafka cluster?")
    page.keyboard.press("Tab")
    added.get_by_label("How well you answered").select_option("wrong")
    added.get_by_label("What to add next time").fill("Partitions follow consumers")
    page.get_by_label("What did they seem to dislike?").fill("Vague answer on cost")
    page.get_by_label("Mixed").check()
    shot(page, "debrief-typed")
    page.get_by_role("button", name="Save the debrief").click()
    page.wait_for_url(re.compile(r".*saved=debrief.*"))
    assert "Debrief saved (P4)" in page.get_by_role("status").inner_text()

    saved = show_interview(live.service, interview_id, datetime.now(UTC)).debrief
    assert saved is not None
    assert saved.went_well == ("The dbt migration story", "Clear numbers")
    assert [(q.question, q.quality.value, q.reason) for q in saved.questions] == [
        ("Tell me about a disagreement", "weak", saved.questions[0].reason),
        ("How do you size a Kafka cluster?", "wrong", None),
    ]
    assert saved.questions[0].reason is not None and saved.questions[0].reason.value == "forgot"
    assert saved.overall is not None and saved.overall.value == "mixed"
    # pre-filled for editing: the two questions in order, then an empty row
    assert page.get_by_label("What went well?").input_value() == (
        "The dbt migration story\nClear numbers"
    )
    assert question_row(page, 2).get_by_label("The question").input_value() == (
        "How do you size a Kafka cluster?"
    )
    assert question_row(page, 2).get_by_label("How well you answered").input_value() == "wrong"
    assert question_row(page, 3).get_by_label("The question").input_value() == ""
    assert page.get_by_label("Mixed").is_checked()
    draft = page.locator('form[action="/drafts/new"]', has_text="Draft the thank-you email")
    assert draft.locator('input[name="kind"]').input_value() == "thank-you"
    assert draft.locator('input[name="interview_id"]').input_value() == str(interview_id)
    shot(page, "debrief-saved")

    # editing replaces it
    question_row(page, 1).get_by_label("The question").fill("")
    question_row(page, 1).get_by_label("What to add next time").fill("")
    page.get_by_role("button", name="Save the debrief").click()
    page.wait_for_url(re.compile(r".*saved=debrief.*"))
    again = show_interview(live.service, interview_id, datetime.now(UTC)).debrief
    assert again is not None
    assert [q.question for q in again.questions] == ["How do you size a Kafka cluster?"]


def test_a_refused_debrief_keeps_every_character_typed(live: Live, page: Any, shot: Any) -> None:
    interview_id = interview(live)
    page.goto(f"{live.url}/interviews/{interview_id}")
    page.get_by_label("What went well?").fill("Rapport with Dana")
    page.get_by_label("New questions to ask in a next round").fill("Who owns data quality?")
    question_row(page, 1).get_by_label("The question").fill("Why us?")
    question_row(page, 1).get_by_label("What to add next time").fill("Their spring launch")
    page.get_by_label("What did they seem to dislike?").fill(f"Short answer\n{LONG}")
    page.get_by_label("Good", exact=True).check()
    with page.expect_response(lambda r: r.url.endswith("/debrief")) as answer:
        page.get_by_role("button", name="Save the debrief").click()
    assert answer.value.status == 400
    alert = page.get_by_role("alert")
    assert "too long" in alert.inner_text() and "Nothing you typed was lost" in alert.inner_text()
    assert page.title().startswith("Fix and save again")
    assert page.get_by_label("What went well?").input_value() == "Rapport with Dana"
    assert page.get_by_label("New questions to ask in a next round").input_value() == (
        "Who owns data quality?"
    )
    assert page.get_by_label("What did they seem to dislike?").input_value() == (
        f"Short answer\n{LONG}"
    )
    assert question_row(page, 1).get_by_label("The question").input_value() == "Why us?"
    assert question_row(page, 1).get_by_label("What to add next time").input_value() == (
        "Their spring launch"
    )
    assert page.get_by_label("Good", exact=True).is_checked()
    assert show_interview(live.service, interview_id, datetime.now(UTC)).debrief is None
    shot(page, "debrief-refused")


def test_a_crafted_quality_is_refused_and_the_text_comes_back(live: Live) -> None:
    interview_id = interview(live)
    with live.client() as client:
        response = client.post(
            f"/interviews/{interview_id}/debrief",
            data={
                "nuggets": "Their <b>new</b> office & lab",
                "q0_question": "Tell me about yourself",
                "q0_quality": "superb",
                "q0_add_next_time": "A shorter opening",
                "overall": "good",
            },
        )
    assert response.status_code == 400
    html = response.text
    assert "question 1 quality: &#39;superb&#39; is not one of good, weak, wrong." in html
    assert "Their &lt;b&gt;new&lt;/b&gt; office &amp; lab</textarea>" in html  # a one-box post
    assert ">Tell me about yourself</textarea>" in html and ">A shorter opening</textarea>" in html
    assert '<option value="superb" selected>' in html  # even the bad choice is kept
    assert show_interview(live.service, interview_id, datetime.now(UTC)).debrief is None


def test_more_rows_without_javascript(live: Live, browser: Any) -> None:
    interview_id = interview(live)
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    try:
        tab = context.new_page()
        tab.goto(f"{live.url}/interviews/{interview_id}")
        tab.get_by_label("What went well?").fill("Kept across the round trip")
        question_row(tab, 1).get_by_label("The question").fill("Why this role?")
        tab.get_by_role("button", name="Add another question").click()
        tab.wait_for_load_state()
        assert question_row(tab, 6).is_visible() and question_row(tab, 7).count() == 0
        assert tab.get_by_label("What went well?").input_value() == "Kept across the round trip"
        assert question_row(tab, 1).get_by_label("The question").input_value() == "Why this role?"
        assert question_row(tab, 4).get_by_label("The question").evaluate("e => e.autofocus")
        assert show_interview(live.service, interview_id, datetime.now(UTC)).debrief is None
        tab.get_by_role("button", name="Save the debrief").click()
        tab.wait_for_url(re.compile(r".*saved=debrief.*"))
    finally:
        context.close()
    saved = show_interview(live.service, interview_id, datetime.now(UTC)).debrief
    assert saved is not None and [q.question for q in saved.questions] == ["Why this role?"]


def answer_fit(page: Any, scores: dict[str, int]) -> None:
    questions = {
        "fit": "Is this organisation a good fit for me?",
        "growth": "Can I see myself growing and furthering my career here?",
        "culture": "Will I fit the organisation's culture?",
        "values": "Are our values and ethics aligned?",
        "happy": "Would I be happy working here?",
    }
    for name, score in scores.items():
        group = page.get_by_role("group", name=questions[name])
        group.get_by_label(str(score), exact=True).check()


def test_reflection_continue_then_withdraw(live: Live, page: Any, shot: Any) -> None:
    interview_id = interview(live, ended_hours_ago=50, thanked=True)
    opp_id = show_interview(live.service, interview_id, datetime.now(UTC)).opportunity.id
    follow_ups = [
        a
        for a in queries.show_opportunity(live.service, opp_id, datetime.now(UTC)).actions
        if a["rule"] == "P8" and a["state"] == "pending"
    ]
    assert follow_ups  # a follow-up is planned before the decision
    page.goto(f"{live.url}/interviews/{interview_id}#reflection")
    answer_fit(page, {"fit": 4, "growth": 4, "culture": 3, "values": 5, "happy": 4})
    page.get_by_label("Anything you saw or heard that caused concern?").fill("Long hours?")
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_url(re.compile(r".*reflected=continue.*"))
    assert page.get_by_role("status").inner_text() == "Reflection recorded: you continue (P7)."
    assert "Last reflection" in page.locator("#reflection").inner_text()
    group = page.get_by_role("group", name="Are our values and ethics aligned?")
    assert group.get_by_label("5", exact=True).is_checked()  # pre-filled from the last one

    answer_fit(page, {"fit": 2, "growth": 2, "culture": 1, "values": 2, "happy": 1})
    page.get_by_role("button", name="Withdraw", exact=True).click()
    confirm = page.locator("#confirm-withdraw")  # Withdraw asks first: nothing changed yet
    expect(confirm).to_contain_text("Withdraw from")
    status = queries.show_opportunity(live.service, opp_id, datetime.now(UTC)).status
    assert status != "withdrawn"
    confirm.get_by_role("button", name="Yes, withdraw").click()
    page.wait_for_url(re.compile(r".*reflected=withdraw.*"))
    assert "pending follow-ups are cancelled" in page.get_by_role("status").inner_text()
    draft = page.locator('form[action="/drafts/new"]', has_text="Draft the withdrawal email")
    assert draft.locator('input[name="kind"]').input_value() == "withdrawal"
    assert draft.locator('input[name="opp_id"]').input_value() == str(opp_id)
    shot(page, "withdrawn")
    view = queries.show_opportunity(live.service, opp_id, datetime.now(UTC))
    assert view.status == "withdrawn"
    assert [r.decision for r in view.opportunity.reflections] == [
        FitDecision.CONTINUE,
        FitDecision.WITHDRAW,
    ]
    assert not [a for a in view.actions if a["rule"] == "P8" and a["state"] == "pending"]

    # Undo, for a while, where the decision was taken (P7): the plan there was before
    undo = page.locator("#reflection").locator("#withdraw-undo")
    expect(undo).to_contain_text("Withdrawal decided (P7)")
    with page.expect_navigation():
        undo.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status")).to_have_text(
        "Withdrawal undone: Northwind Health is open again and its follow-ups are back (P7, P8)."
    )
    assert page.locator("#withdraw-undo").count() == 0
    shot(page, "withdrawal-undone")
    view = queries.show_opportunity(live.service, opp_id, datetime.now(UTC))
    assert view.status == status
    assert [r.decision for r in view.opportunity.reflections] == [FitDecision.CONTINUE]
    pending = [a for a in view.actions if a["rule"] == "P8" and a["state"] == "pending"]
    assert [a["key"] for a in pending] == [a["key"] for a in follow_ups]
    assert not [a for a in view.actions if a["key"].startswith("P7:withdrawal:")]


def test_a_reflection_missing_a_score_keeps_the_answers(live: Live) -> None:
    interview_id = interview(live, ended_hours_ago=50)
    with live.client() as client:
        response = client.post(
            f"/interviews/{interview_id}/reflection",
            data={
                "fit": "4",
                "growth": "5",
                "culture": "3",
                "values": "4",
                "concerns": "The <commute>",
                "decision": "continue",
            },
        )
    assert response.status_code == 400
    assert "Would I be happy working here?" in response.text
    assert re.search(r'name="growth" value="5" required checked', response.text)
    assert "The &lt;commute&gt;</textarea>" in response.text
    view = show_interview(live.service, interview_id, datetime.now(UTC))
    assert view.opportunity.reflections == ()


def test_an_unknown_interview_is_a_clear_404(live: Live) -> None:
    with live.client() as client:
        response = client.get("/interviews/999")
    assert response.status_code == 404 and "No interview 999" in response.text


def test_the_interview_page_fits_a_phone(live: Live, phone: Any, shot: Any) -> None:
    interview_id = interview(live)
    phone.goto(f"{live.url}/interviews/{interview_id}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.get_by_role("button", name="Add another question").click()
    phone.get_by_role("button", name="Add another nugget").click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "interview-phone")


# --- who said each nugget (P5 attribution, issue 10) -----------------------------------


def panel(live: Live) -> tuple[int, dict[str, int]]:
    """An interview with Dana Kim and Tom Reyes; Ana Lima interviews in a later round."""
    interview_id = interview(live, interviewers=("Dana Kim", "Tom Reyes"))
    view = show_interview(live.service, interview_id, datetime.now(UTC))
    records.add_interview(
        live.service,
        view.opportunity.id,
        start=view.interview.start + timedelta(days=7),
        end=view.interview.end + timedelta(days=7),
        tz="Europe/London",
        now=view.interview.start,
        interviewers=(records.NewInterviewer("Ana Lima"),),
    )
    again = show_interview(live.service, interview_id, datetime.now(UTC))
    return interview_id, {p.name: p.id for p in again.opportunity.people}


def saved_nuggets(live: Live, interview_id: int) -> list[tuple[str, int | None]]:
    saved = show_interview(live.service, interview_id, datetime.now(UTC)).debrief
    assert saved is not None
    return [(text, saved.said_by(i)) for i, text in enumerate(saved.nuggets)]


def labels_point_at_unique_ids(html: str) -> None:
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for target in re.findall(r'<label for="([^"]+)"', html):
        assert target in ids, target


def test_each_nugget_row_asks_who_said_it_and_shows_it_back(live: Live) -> None:
    interview_id, people = panel(live)
    dana, tom = str(people["Dana Kim"]), str(people["Tom Reyes"])
    with live.client() as client:
        html = client.get(f"/interviews/{interview_id}").text
        labels_point_at_unique_ids(html)
        select = re.search(r'<select id="f-said_by" name="n0_said_by">(.*?)</select>', html, re.S)
        assert select is not None  # the interviewers of this round only, and "—"
        assert re.findall(r'<option value="(\d*)"[^>]*>([^<]*)<', select[1]) == [
            ("", "—"),
            (dana, "Dana Kim"),
            (tom, "Tom Reyes"),
        ]
        assert html.count('<label for="f-said_by') == 4  # three empty rows and the template
        response = client.post(
            f"/interviews/{interview_id}/debrief",
            data={
                "n0_text": "the clinic opens a second site in Leeds",
                "n0_said_by": tom,
                "n1_text": "Dana: the data team doubles next year",  # a leading name
                "n1_said_by": "",
                "n2_text": "",
                "n2_said_by": dana,  # a speaker for an empty row: the row is dropped
                "n3_text": "weekly demos every Friday",
                "n3_said_by": "",
            },
        )
        assert response.status_code == 303, response.text
        assert saved_nuggets(live, interview_id) == [
            ("the clinic opens a second site in Leeds", int(tom)),
            ("the data team doubles next year", int(dana)),
            ("weekly demos every Friday", None),
        ]
        html = client.get(f"/interviews/{interview_id}").text
    labels_point_at_unique_ids(html)
    chosen = re.findall(r'name="n(\d)_said_by">.*?(?:value="(\d+)" selected|</select>)', html, re.S)
    assert chosen == [("0", tom), ("1", dana), ("2", ""), ("3", "")]  # then empty rows
    assert ">the clinic opens a second site in Leeds</textarea>" in html


NOT_THERE = "was not an interviewer at this interview; its interviewers are Dana Kim"
BAD_SPEAKERS = {
    "Ana Lima": NOT_THERE,  # her id: she interviews in a later round
    "99": NOT_THERE,  # nobody's id
    "<b>Tom</b>": "&#39;&lt;b&gt;Tom&lt;/b&gt;&#39; is not on the list; choose Dana Kim, Tom Reyes",
}


def test_a_bad_speaker_is_a_form_error_and_keeps_the_text(live: Live) -> None:
    """Someone of another round, an unknown id or a crafted value: 400, every row kept."""
    interview_id, people = panel(live)
    with live.client() as client:
        for who, message in BAD_SPEAKERS.items():
            response = client.post(
                f"/interviews/{interview_id}/debrief",
                data={
                    "went_well": "Rapport",
                    "n0_text": "kept as typed",
                    "n1_text": "the board meets monthly",
                    "n1_said_by": str(people.get(who, who)),
                },
            )
            assert response.status_code == 400, who
            html = response.text
            assert "Who said nugget 2:" in html and "Nothing you typed was lost" in html
            assert message in html, who
            assert ">the board meets monthly</textarea>" in html
            assert ">kept as typed</textarea>" in html
            assert re.search(
                r'name="n1_said_by" aria-invalid="true" aria-describedby="debrief-error"', html
            )
    assert show_interview(live.service, interview_id, datetime.now(UTC)).debrief is None


def test_more_nugget_rows_without_javascript(live: Live) -> None:
    interview_id = interview(live)
    with live.client() as client:
        response = client.post(
            f"/interviews/{interview_id}/debrief",
            data={"n0_text": "the board meets monthly", "more": "nugget"},
        )
    assert response.status_code == 200
    html = response.text
    assert re.findall(r'name="n(\d+)_text"', html) == ["0", "1", "2", "3"]
    assert re.search(r'name="n1_text" rows="2" maxlength="2000" autofocus', html)
    assert ">the board meets monthly</textarea>" in html
    labels_point_at_unique_ids(html)


def test_who_said_it_in_the_browser(live: Live, page: Any, shot: Any) -> None:
    """Rows added in place keep their own labels; the choice is saved and shown back."""
    interview_id, people = panel(live)
    page.goto(f"{live.url}/interviews/{interview_id}")
    first = nugget_row(page, 1)
    first.get_by_label("What you learnt").fill("they are opening a Lisbon office")
    first.get_by_label("Who said it").select_option(label="Tom Reyes")
    for _ in range(2):
        page.get_by_role("button", name="Add another nugget").click()
    added = nugget_row(page, 5)
    assert added.get_by_label("What you learnt").evaluate("e => e === document.activeElement")
    page.keyboard.type("Dr. Kim said the board meets monthly")
    added.get_by_label("Who said it").select_option(label="Dana Kim")
    assert page.evaluate(
        "() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
        " return ids.length === new Set(ids).size; }"
    )
    shot(page, "who-said-it")
    page.get_by_role("button", name="Save the debrief").click()
    page.wait_for_url(re.compile(r".*saved=debrief.*"))
    assert saved_nuggets(live, interview_id) == [
        ("they are opening a Lisbon office", people["Tom Reyes"]),
        ("Dr. Kim said the board meets monthly", people["Dana Kim"]),
    ]
    expect(nugget_row(page, 1).get_by_label("Who said it")).to_have_value(str(people["Tom Reyes"]))
    expect(nugget_row(page, 2).get_by_label("What you learnt")).to_have_value(
        "Dr. Kim said the board meets monthly"
    )
    expect(nugget_row(page, 2).get_by_label("Who said it")).to_have_value(str(people["Dana Kim"]))
