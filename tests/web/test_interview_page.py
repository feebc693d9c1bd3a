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


def interview(live: Live, *, ended_hours_ago: float = 1, thanked: bool = False) -> int:
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
        interviewers=(records.NewInterviewer("Dana Kim", "dana.kim@northwind.example"),),
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


def test_a_debrief_is_typed_saved_and_shown_again(live: Live, page: Any, shot: Any) -> None:
    interview_id = interview(live)
    page.goto(f"{live.url}/interviews/{interview_id}")
    assert page.title() == "Round 1 · Northwind Health · Afterview"
    assert page.get_by_text("Dana Kim").is_visible()
    assert question_row(page, 3).is_visible() and question_row(page, 4).count() == 0
    page.get_by_label("What went well?").fill("The dbt migration story\nClear numbers")
    page.get_by_label("Nuggets about the role or the organisation").fill(
        "Spring launch of the churn model"
    )
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
    assert "Their &lt;b&gt;new&lt;/b&gt; office &amp; lab</textarea>" in html
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
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "interview-phone")
