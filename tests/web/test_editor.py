"""The email editor in a real browser: from Today's step to a checked, sent thank-you (P5, P8).

The checker runs as the user types (debounced), a suggestion fixes exactly its span
(also after emoji, which JavaScript counts as two units and Python as one), the
text survives a failed request, and marking the email sent schedules P8's follow-up.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from playwright.sync_api import expect

from afterview.services import drafts

from .conftest import TZ, Live
from .writing_seed import followed_up_yesterday, interviewed

DUE = re.compile(r"The first follow-up is due (\w{3}) (\d{1,2}) (\w{3}) \(P8\)\.")


def body_of(page: Any) -> str:
    return str(page.locator("#body").input_value())


def caret(page: Any, field: str, index: int) -> None:
    """Put the caret at a UTF-16 index of a field, as a click there would."""
    page.evaluate(
        "([field, index]) => { const el = document.getElementById(field); el.focus();"
        " el.setSelectionRange(index, index); }",
        [field, index],
    )


def opened(page: Any, live: Live, draft_id: int) -> None:
    page.goto(f"{live.url}/drafts/{draft_id}")
    page.wait_for_selector(".body-wrap.enhanced")
    expect(page.locator("#check-status")).not_to_be_empty()
    expect(page.locator(".editor")).not_to_have_class(re.compile("checking"))


def new_thank_you(live: Live) -> int:
    case = interviewed(live.service)
    [view] = drafts.draft_thank_you(live.service, case.interview, now=datetime.now(UTC))
    return view.id


def test_from_today_to_a_checked_thank_you_sent(live: Live, page: Any, shot: Any) -> None:
    case = interviewed(live.service)
    thank_you = f"P5:thank-you:interview={case.interview}:person={case.dana}"
    page.goto(live.url + "/")
    step = page.locator(f'li.action[data-key="{thank_you}"]')
    step.get_by_role("button", name="Draft the email").click()
    page.wait_for_url(re.compile(r"/drafts/\d+"))
    assert page.title() == "Thank-you email to Dana Kim · Afterview"
    assert page.get_by_label("To").input_value() == "Dana Kim <dana.kim@northwind.example>"
    assert "Northwind Health" in page.get_by_label("Subject").input_value() + body_of(page)
    page.wait_for_selector(".body-wrap.enhanced")
    expect(page.locator("#check-status")).to_have_text("No findings: it reads well.")
    expect(page.locator("#word-limit")).to_have_text("150")
    expect(page.locator("#parts li.found")).to_have_count(3)  # P5's three parts, in order
    shot(page, "editor-fresh")

    # A typo typed with the keyboard: "especially" loses an l.
    text = body_of(page)
    assert "especially" in text
    caret(page, "body", text.index("especially") + len("especiall"))
    page.keyboard.press("Backspace")
    mark = page.locator("#backdrop mark", has_text="especialy")
    expect(mark).to_have_count(1)
    expect(page.locator("#check-status")).to_have_text("1 finding: 1 error.")
    finding = page.locator("#findings li.finding")
    expect(finding).to_contain_text("“especialy” is not in the British English dictionary")
    expect(finding).to_contain_text("Message, line")
    assert page.evaluate("localStorage.length") == 1  # kept in this browser until saved
    shot(page, "editor-finding")

    page.get_by_role("button", name="Replace “especialy” with “especially”").click()
    expect(page.locator("#backdrop mark")).to_have_count(0)
    expect(page.locator("#check-status")).to_have_text("No findings: it reads well.")
    assert body_of(page) == text  # exactly the span was replaced, nothing else

    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    expect(page.locator(".notice")).to_have_text("Saved, and checked again.")
    assert page.evaluate("localStorage.length") == 0

    with page.expect_navigation():
        page.get_by_role("button", name="Mark as sent").click()
    notice = page.locator(".notice").inner_text()
    found = DUE.search(notice)
    assert found, notice
    today = datetime.now(ZoneInfo(TZ)).date()
    due = datetime.strptime(f"{found[2]} {found[3]} {today.year}", "%d %b %Y").date()
    if due < today:
        due = due.replace(year=today.year + 1)
    assert due.strftime("%a") == found[1]
    assert 7 <= (due - today).days <= 10  # a week after the thank-you, on a working morning
    expect(page.locator("#body")).to_have_count(0)  # a sent message is read-only
    expect(page.locator(".sent-body")).to_contain_text("especially")
    shot(page, "editor-sent")

    page.goto(live.url + "/")
    expect(page.locator(f'li.action[data-key="{thank_you}"]')).to_have_count(0)


def test_a_failed_check_keeps_the_text(live: Live, page: Any, shot: Any) -> None:
    draft_id = new_thank_you(live)
    opened(page, live, draft_id)
    page.route("**/api/check", lambda route: route.abort())
    end = len(body_of(page))
    caret(page, "body", end)
    page.keyboard.type("\nP.S. I enjoyed the tour.")
    expect(page.locator("#check-status")).to_contain_text("Could not check right now")
    assert body_of(page).endswith("P.S. I enjoyed the tour.")
    shot(page, "editor-check-failed")

    page.reload()  # the tab closed, the server never saw the text: it is still here
    page.wait_for_selector(".body-wrap.enhanced")
    assert body_of(page).endswith("P.S. I enjoyed the tour.")
    expect(page.locator("#restored")).to_contain_text("Restored your unsaved changes")
    expect(page.locator("#check-status")).to_contain_text("Could not check right now")

    page.unroute("**/api/check")
    caret(page, "body", len(body_of(page)))
    page.keyboard.type("!")  # the next keystroke checks again
    expect(page.locator("#check-status")).not_to_contain_text("Could not check")
    assert body_of(page).endswith("P.S. I enjoyed the tour.!")


def test_emoji_before_a_typo_fix_the_right_span(live: Live, page: Any, shot: Any) -> None:
    draft_id = new_thank_you(live)
    opened(page, live, draft_id)
    subject = page.get_by_label("Subject")
    subject.fill("Thank you 🙂🎉 for the intervew")
    start = body_of(page).index("Thank you for")
    caret(page, "body", start)
    page.keyboard.insert_text("🎉🧑‍💻 I am especialy glad we met. ")
    mark = page.locator("#backdrop mark", has_text="especialy")
    expect(mark).to_have_count(1)
    assert mark.inner_text() == "especialy"  # the very word under the highlight
    shot(page, "editor-emoji")

    page.get_by_role("button", name="Replace “especialy” with “especially”").click()
    expect(page.locator("#backdrop mark", has_text="especialy")).to_have_count(0)
    assert "🎉🧑‍💻 I am especially glad we met. Thank you for" in body_of(page)

    page.get_by_role("button", name="Replace “intervew” with “interview”").click()
    expect(subject).to_have_value("Thank you 🙂🎉 for the interview")
    expect(page.locator("#findings")).not_to_contain_text("intervew")

    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    saved = drafts.get_draft(live.service, draft_id, now=datetime.now(UTC))
    assert saved.subject == "Thank you 🙂🎉 for the interview"
    assert "🎉🧑‍💻 I am especially glad we met." in saved.body


def test_show_in_text_selects_the_span(live: Live, page: Any) -> None:
    draft_id = new_thank_you(live)
    opened(page, live, draft_id)
    caret(page, "body", 0)
    page.keyboard.insert_text("😀 Teh ")
    finding = page.locator("#findings li", has_text="“Teh”")
    finding.get_by_role("button", name=re.compile("Show")).click()
    selected = page.evaluate(
        "(() => { const t = document.getElementById('body');"
        " return t.value.slice(t.selectionStart, t.selectionEnd); })()"
    )
    assert selected == "Teh"
    assert page.evaluate("document.activeElement.id") == "body"
    page.get_by_role("button", name="Show where: One specific point from the interview").click()
    selected = page.evaluate(
        "(() => { const t = document.getElementById('body');"
        " return t.value.slice(t.selectionStart, t.selectionEnd); })()"
    )
    assert "Lisbon office" in selected  # P5's specific point: the debrief's nugget


def test_a_follow_up_inside_the_weekly_guard_is_refused(live: Live, page: Any, shot: Any) -> None:
    case = interviewed(live.service)
    followed_up_yesterday(live.service, case.opp)
    page.goto(live.url + "/drafts")
    page.get_by_label("Opportunity").select_option(str(case.opp))
    page.get_by_label("What to write").select_option("follow-up")
    with page.expect_navigation():
        page.get_by_role("button", name="Draft it").click()
    page.wait_for_url("**/drafts")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("A follow-up is not allowed now")
    expect(alert).to_contain_text("Next allowed from")
    assert drafts.list_drafts(live.service, now=datetime.now(UTC)) == []
    shot(page, "drafts-refused")

    # Posted from elsewhere (no same-site Referer): an error page with a way back.
    with live.client() as client:
        token = client.headers["X-CSRF-Token"]
        response = client.post(
            "/drafts/new", data={"kind": "follow-up", "opp_id": case.opp, "csrf_token": token}
        )
    assert response.status_code == 409
    assert "Next allowed from" in response.text and "Go back" in response.text
    assert "Traceback" not in response.text


def test_without_a_profile_the_user_is_sent_to_settings(live: Live) -> None:
    case = interviewed(live.service, with_profile=False)
    key = f"P5:thank-you:interview={case.interview}:person={case.dana}"
    with live.client() as client:
        token = client.headers["X-CSRF-Token"]
        response = client.post(
            "/drafts/new", data={"kind": "thank-you", "key": key, "csrf_token": token}
        )
        assert response.status_code == 303
        assert response.headers["location"].startswith("/settings?next=")
        assert "Set up your profile first" in client.get(response.headers["location"]).text


def test_the_recruiter_call_is_a_script(live: Live, page: Any, shot: Any) -> None:
    case = interviewed(live.service, recruiter=True)
    page.goto(live.url + "/")
    step = page.locator(f'li.action[data-key="P1:recruiter-call:interview={case.interview}"]')
    step.get_by_role("button", name="Open call script").click()
    page.wait_for_url(re.compile(r"/drafts/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Recruiter call script")
    expect(page.locator(".script-text")).to_contain_text("Priya")
    expect(page.get_by_text("Export .eml")).to_have_count(0)
    expect(page.locator("textarea")).to_have_count(0)
    shot(page, "call-script")
    with page.expect_navigation():
        page.get_by_role("button", name="Mark the call made").click()
    expect(page.locator(".notice")).to_contain_text("Logged the call (P1).")


def test_deleting_a_draft_asks_first(live: Live, page: Any) -> None:
    draft_id = new_thank_you(live)
    opened(page, live, draft_id)
    confirm = page.get_by_role("button", name="Yes, delete the draft")
    expect(confirm).to_be_hidden()
    page.locator("summary", has_text="Delete this draft").click()
    with page.expect_navigation():
        confirm.click()
    expect(page.locator(".notice")).to_have_text(f"Deleted draft {draft_id}.")
    assert drafts.list_drafts(live.service, now=datetime.now(UTC)) == []


def test_unsaved_changes_are_saved_before_marking_sent(live: Live, page: Any) -> None:
    draft_id = new_thank_you(live)
    opened(page, live, draft_id)
    caret(page, "body", len(body_of(page)))
    page.keyboard.type("\nP.S. Typed just before sending.")
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as sent").click()
    view = drafts.get_draft(live.service, draft_id, now=datetime.now(UTC))
    assert view.sent_at is not None and view.body.endswith("P.S. Typed just before sending.")


def test_without_javascript_the_form_saves_and_checks(live: Live, browser: Any) -> None:
    draft_id = new_thank_you(live)
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(f"{live.url}/drafts/{draft_id}")
        body = page.get_by_label("Message")
        body.fill(body.input_value().replace("especially", "especialy"))
        with page.expect_navigation():
            page.get_by_role("button", name="Save").click()
        expect(page.locator("#findings")).to_contain_text("“especialy” is not in the British")
        expect(page.locator("#findings")).to_contain_text("Try: especially")

        page.get_by_label("Subject").fill("")  # a failed save keeps what was typed
        body.fill("My own words 🙂, kept.")
        page.locator("#subject").evaluate("el => el.removeAttribute('required')")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("alert")).to_contain_text("The subject must not be empty.")
        assert page.get_by_label("Message").input_value() == "My own words 🙂, kept."
    finally:
        context.close()


def test_a_failed_save_is_a_400_with_the_text_kept(live: Live) -> None:
    draft_id = new_thank_you(live)
    with live.client() as client:
        token = client.headers["X-CSRF-Token"]
        response = client.post(
            f"/drafts/{draft_id}",
            data={
                "csrf_token": token,
                "subject": "Hi\u0000",
                "to": "",
                "body": "Kept <b>as text</b>",
            },
        )
    assert response.status_code == 400
    assert "The subject must not contain a control character (U+0000)." in response.text
    assert "Kept &lt;b&gt;as text&lt;/b&gt;</textarea>" in response.text
    assert 'data-state="unsaved"' in response.text


def test_the_drafts_list_and_the_phone_width(live: Live, phone: Any, shot: Any) -> None:
    draft_id = new_thank_you(live)
    phone.goto(f"{live.url}/drafts/{draft_id}")
    phone.wait_for_selector(".body-wrap.enhanced")
    caret(phone, "body", 0)
    phone.keyboard.insert_text("Teh ")
    expect(phone.locator("#backdrop mark", has_text="Teh")).to_have_count(1)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "editor-phone")
    phone.goto(f"{live.url}/drafts")
    expect(phone.locator(".draft-card")).to_have_count(1)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "drafts-phone")


def test_pages_answer_errors_as_pages(live: Live) -> None:
    missing = httpx.get(live.url + "/drafts/4242")
    assert missing.status_code == 404 and "No draft or message 4242" in missing.text
    assert "Traceback" not in missing.text
    new_page = httpx.get(live.url + "/drafts/new")
    assert new_page.status_code in (404, 405, 422) and "Traceback" not in new_page.text


def test_the_word_count_turns_amber_past_the_p5_limit(live: Live, page: Any, shot: Any) -> None:
    draft_id = new_thank_you(live)
    opened(page, live, draft_id)
    words = page.locator("#words")
    expect(words).not_to_have_class(re.compile("over"))
    caret(page, "body", body_of(page).index("Kind regards"))
    page.keyboard.insert_text("I also liked the team and the office. " * 10 + "\n\n")
    expect(words).to_have_class(re.compile("over"))
    count = int(page.locator("#word-count").inner_text())
    assert count > 150 and words.inner_text().startswith(f"Message: {count} / 150 words")
    expect(page.locator("#findings")).to_contain_text(f"The body is {count} words")
    expect(page.locator("#backdrop mark")).to_have_count(0)  # the count says it, not a mark
    shot(page, "editor-too-long")


def test_drafting_a_step_again_reopens_its_unsent_draft(live: Live, page: Any) -> None:
    case = interviewed(live.service)
    thank_you = f"P5:thank-you:interview={case.interview}:person={case.dana}"
    opened_ids = []
    for label in ("Draft the email", "Open your draft"):  # the second time, it says so
        page.goto(live.url + "/")
        page.locator(f'li.action[data-key="{thank_you}"]').get_by_role("button", name=label).click()
        page.wait_for_url(re.compile(r"/drafts/\d+"))
        opened_ids.append(page.url.split("/drafts/")[1].split("?")[0])
    assert opened_ids[0] == opened_ids[1]
    expect(page.locator(".notice")).to_contain_text("not sent yet: carry on here.")
    assert len(drafts.list_drafts(live.service, now=datetime.now(UTC))) == 1
    # "Write a new one" writes a new message, but P5 allows one thank-you each: Dana's
    # draft is opened, saying why, rather than a refusal or a second thank-you.
    page.goto(live.url + "/drafts")
    page.get_by_label("What to write").select_option("thank-you")
    page.get_by_role("button", name="Draft it").click()
    page.wait_for_url(re.compile(rf"/drafts/{opened_ids[0]}$"))
    expect(page.locator(".notice")).to_have_text(
        "Dana Kim already has a thank-you for this interview, not sent yet: carry on here "
        "(P5: one thank-you each)."
    )
    assert len(drafts.list_drafts(live.service, now=datetime.now(UTC))) == 1


def test_drafting_for_someone_already_thanked_opens_that_email(live: Live) -> None:
    """From the interview page after the thank-you went out: the sent email, not an error."""
    case = interviewed(live.service)
    moment = datetime.now(UTC)
    [view] = drafts.draft_thank_you(live.service, case.interview, now=moment)
    drafts.mark_sent(live.service, view.id, at=moment, now=moment)
    with live.client() as client:
        answer = client.post(
            "/drafts/new",
            data={"kind": "thank-you", "interview_id": str(case.interview)},
            headers={"referer": f"{live.url}/interviews/{case.interview}"},
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/drafts/{view.id}"
        shown = client.get(answer.headers["location"]).text
    sent_at = moment.astimezone(ZoneInfo(TZ)).strftime("%a %d %b %H:%M")
    assert (
        f"Dana Kim was already thanked for this interview ({sent_at}): here is that email. "
        "P5 asks for one thank-you each."
    ) in shown
    assert "This message was sent" in shown
    assert [v.id for v in drafts.list_drafts(live.service, now=moment)] == [view.id]
