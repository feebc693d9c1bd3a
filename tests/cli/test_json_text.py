"""`agenda --json` is laid out by hand for speed; it must equal json.dumps byte for byte."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from afterview.cli.read import json_text


def reference(items: Any) -> str:
    return json.dumps(items, sort_keys=True, indent=2, ensure_ascii=False)


scalars = st.none() | st.booleans() | st.integers() | st.text()
flat_items = st.lists(st.dictionaries(st.text(), scalars, min_size=1), max_size=6)


@given(flat_items)
def test_flat_items_match_json_dumps(items: list[dict[str, Any]]) -> None:
    assert json_text(items) == reference(items)


def test_agenda_item_shapes() -> None:
    item = {
        "key": "P5:thank-you:interview=3:person=7",
        "title": "Send Zoë “Dana” O'Neil a thank-you email\n\t\\ \u2028 \x00 😀",
        "overdue": True,
        "snoozed_until": None,
        "opportunity_id": 12,
        "person_id": -1,
        "state": "pending",
    }
    assert json_text([item, {**item, "overdue": False}]) == reference([item, item | {
        "overdue": False}])
    assert json_text([]) == "[]" == reference([])


def test_anything_else_falls_back_to_json() -> None:
    odd: list[Any] = [
        [{"a": 1.5}],
        [{"a": [1, 2]}],
        [{"a": {"b": None}}],
        [{}],
        [{1: "x"}],
        [{"a": float("nan")}],
    ]
    for items in odd:
        assert json_text(items) == reference(items)
