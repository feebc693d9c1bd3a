"""Withdraw (P7) can be undone for a while, from a notice in the reflection's place.

Through HTTP on SQLite and PostgreSQL: the plan after the undo is the plan before the
withdrawal (status, follow-ups, no withdrawal step), and the undo is refused, with
what is in the way, once something was recorded after the withdrawal.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from afterview.errors import BadInput, Conflict
from afterview.playbook.facts import FitDecision, Route
from afterview.services import drafts, profile, queries, records, undo
from afterview.services.interviews import show_interview

from .conftest import Live
from .test_interview_page import interview

SCORES = {"fit": "2", "growth": "2", "culture": "1", "values": "2", "happy": "1"}
UNDO_FORM = re.compile(
    r'<form method="post" action="/interviews/(\d+)/reflection/undo"[^>]*id="withdraw-undo">'
    r'.*?name="reflection_id" value="(\d+)"',
    re.S,
)


def plan(live: Live, opp_id: int, moment: datetime) -> tuple[str, list[dict[str, Any]]]:
    view = queries.show_opportunity(live.service, opp_id, moment)
    return view.status, [dict(a) for a in view.actions]


def withdraw(client: httpx.Client, interview_id: int) -> str:
    """Withdraw, confirmed, and the interview page the redirect lands on."""
    answer = client.post(
        f"/interviews/{interview_id}/reflection",
        data={**SCORES, "decision": "withdraw", "confirmed": "1"},
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/interviews/{interview_id}?reflected=withdraw#reflection"
    return client.get(answer.headers["location"]).text


def test_undo_gives_back_the_plan_there_was(live: Live) -> None:
    interview_id = interview(live, ended_hours_ago=50, thanked=True)
    opp_id = show_interview(live.service, interview_id, datetime.now(UTC)).opportunity.id
    moment = datetime.now(UTC)
    before = plan(live, opp_id, moment)
    assert before[0] != "withdrawn"
    assert any(a["rule"] == "P8" and a["state"] == "pending" for a in before[1])
    with live.client() as client:
        html = withdraw(client, interview_id)
        found = UNDO_FORM.search(html)
        assert found is not None, "no Undo in the reflection's place"
        assert found[1] == str(interview_id)
        reflection = show_interview(live.service, interview_id, moment).last_reflection
        assert reflection is not None and found[2] == str(reflection.id)
        assert html.index('id="reflection"') < found.start()  # in the section, not the top
        status, actions = plan(live, opp_id, datetime.now(UTC))
        assert status == "withdrawn"
        assert not any(a["rule"] == "P8" and a["state"] == "pending" for a in actions)
        assert any(a["key"].startswith("P7:withdrawal:") for a in actions)
        assert "withdraw-undo" not in client.get(f"/interviews/{interview_id}").text  # one shot

        answer = client.post(
            f"/interviews/{interview_id}/reflection/undo", data={"reflection_id": found[2]}
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/interviews/{interview_id}#reflection"
        page = client.get(answer.headers["location"]).text
        said = page.index(
            "Withdrawal undone: Northwind Health is open again and its follow-ups are back "
            "(P7, P8)."
        )
        assert page.index('id="reflection"') < said  # where the redirect lands, #reflection
        assert plan(live, opp_id, moment) == before  # exactly the plan before
        assert show_interview(live.service, interview_id, moment).opportunity.reflections == ()

        again = client.post(
            f"/interviews/{interview_id}/reflection/undo", data={"reflection_id": found[2]}
        )
        assert again.status_code == 303  # a second click: refused in words, nothing changed
        assert "there is nothing to undo" in client.get(again.headers["location"]).text
        assert plan(live, opp_id, moment) == before


def test_undo_is_refused_once_something_came_after(live: Live) -> None:
    interview_id = interview(live, ended_hours_ago=50, thanked=True)
    opp_id = show_interview(live.service, interview_id, datetime.now(UTC)).opportunity.id
    with live.client() as client:
        found = UNDO_FORM.search(withdraw(client, interview_id))
        assert found is not None
        later = datetime.now(UTC)
        profile.set_profile(live.service, now=later, name="Sam Taylor", email="sam@example.org")
        drafts.draft_for_opportunity(live.service, opp_id, "withdrawal", now=later)
        after = plan(live, opp_id, later)
        answer = client.post(
            f"/interviews/{interview_id}/reflection/undo", data={"reflection_id": found[2]}
        )
        assert answer.status_code == 303
        page = client.get(answer.headers["location"]).text
    refused = re.search(
        r'<p class="notice notice-error" role="alert">The withdrawal can no longer be undone: '
        r"a message was drafted since\. To reopen the process, record its outcome on the "
        r"opportunity \(P12\)\.</p>",
        page,
    )
    assert refused is not None and page.index('id="reflection"') < refused.start()
    assert "withdraw-undo" not in page  # no Undo offered again
    assert plan(live, opp_id, later) == after  # nothing written
    reflections = show_interview(live.service, interview_id, later).opportunity.reflections
    assert [r.decision for r in reflections] == [FitDecision.WITHDRAW]


def test_only_a_withdrawal_of_this_opportunity_is_undone(live: Live) -> None:
    interview_id = interview(live, ended_hours_ago=50)
    opp_id = show_interview(live.service, interview_id, datetime.now(UTC)).opportunity.id
    moment = datetime.now(UTC)
    scores = dict.fromkeys(SCORES, 4)
    kept = records.reflect(
        live.service, opp_id, scores=scores, decision=FitDecision.CONTINUE, now=moment
    )
    for wrong, message in (
        (str(kept), f"Reflection {kept} decided to continue, not to withdraw."),
        ("x1", "Which withdrawal? The form lost it; reload the page."),
    ):
        with live.client() as client:
            answer = client.post(
                f"/interviews/{interview_id}/reflection/undo", data={"reflection_id": wrong}
            )
            assert message in client.get(answer.headers["location"]).text
    other = records.add_opportunity(
        live.service, company="Contoso", role="Analyst", route=Route.DIRECT, now=moment
    )
    with pytest.raises(BadInput, match=f"Reflection {kept} belongs to another opportunity"):
        undo.undo_withdrawal(live.service, other, kept, now=moment)
    with pytest.raises(Conflict, match="there is nothing to undo"):
        undo.undo_withdrawal(live.service, opp_id, kept + 1, now=moment)
    reflections = show_interview(live.service, interview_id, moment).opportunity.reflections
    assert [r.id for r in reflections] == [kept]
