"""P4 — recording a debrief from a form, a JSON/YAML file or interactive answers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from afterview import validation
from afterview.errors import BadInput
from afterview.playbook.facts import (
    AnswerQuality,
    AnswerReason,
    Debrief,
    Overall,
    QuestionReview,
)
from afterview.services.app import App
from afterview.services.planning import refresh_all, refresh_opportunity

E = TypeVar("E", AnswerQuality, AnswerReason, Overall)

LIST_FIELDS = ("went_well", "cover_more", "nuggets", "new_questions", "liked", "disliked")
FIELDS = (*LIST_FIELDS, "questions", "overall")
MAX_ITEM = validation.DEBRIEF_ITEM


def read_debrief_text(text: str, source: str) -> object:
    """A debrief file's document: JSON when it is JSON, else YAML read as text.

    JSON first, by the JSON reader: it joins escaped surrogate pairs (an emoji as
    Python's json.dumps writes it) that YAML would keep as two broken halves.
    YAML scalars stay the text the person typed: `yes` is "yes", not True, and
    2026-02-30 is a note, not an impossible date; only `null`/`~`/empty mean none.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass  # not JSON: YAML below
    except RecursionError:
        raise BadInput(f"{source} is nested too deeply to be a debrief.") from None
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise BadInput(f"{source} is not a debrief: {exc}".splitlines()[0]) from None
    import yaml

    try:
        return yaml.load(text, Loader=_text_loader())  # a SafeLoader
    except RecursionError:
        raise BadInput(f"{source} is nested too deeply to be a debrief.") from None
    except yaml.YAMLError as exc:
        raise BadInput(f"{source} is neither valid JSON nor YAML: {exc}".splitlines()[0]) from None


def _text_loader() -> type[Any]:
    """yaml.SafeLoader whose only implicit type is null: every other scalar is text."""
    import yaml

    class TextLoader(yaml.SafeLoader):
        pass

    TextLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextLoader


def parse_debrief(data: object, interview_id: int, recorded_at: datetime) -> Debrief:
    """Validate a debrief document; every mistake names its field."""
    if not isinstance(data, Mapping):
        raise BadInput("A debrief file holds one object with fields such as nuggets, questions.")
    unknown = sorted(set(map(str, data)) - set(FIELDS))
    if unknown:
        raise BadInput(
            f"Unknown debrief field(s): {', '.join(unknown)}. Known: {', '.join(FIELDS)}."
        )
    lists = {name: _texts(data.get(name), name) for name in LIST_FIELDS}
    questions = tuple(
        _question(q, n) for n, q in enumerate(_list(data.get("questions"), "questions"), 1)
    )
    return Debrief(
        interview_id=interview_id,
        recorded_at=recorded_at,
        questions=questions,
        overall=_choice(Overall, data.get("overall"), "overall"),
        **lists,
    )


def record_debrief(app: App, interview_id: int, data: object, now: datetime) -> Debrief:
    """Save (or replace) the interview's debrief and re-plan (P4, P9, P10, P11)."""
    debrief = parse_debrief(data, interview_id, now)
    with app.transaction(now) as repo:
        opp_id = repo.interview_opportunity(interview_id)
        first_ever = repo.first_debrief_at() is None
        repo.save_debrief(debrief)
        if first_ever:  # the first lessons change other opportunities' plans (P11)
            refresh_all(app, repo, now)
        else:
            refresh_opportunity(app, repo, opp_id, now)
    return debrief


def debrief_to_plain(debrief: Debrief) -> dict[str, Any]:
    """The same shape `parse_debrief` reads, so a saved debrief can be edited and re-imported."""
    plain: dict[str, Any] = {name: list(getattr(debrief, name)) for name in LIST_FIELDS}
    plain["questions"] = [
        {
            "question": q.question,
            "quality": q.quality.value,
            "reason": q.reason.value if q.reason else None,
            "add_next_time": q.add_next_time,
        }
        for q in debrief.questions
    ]
    plain["overall"] = debrief.overall.value if debrief.overall else None
    return plain


def _list(value: object, name: str) -> list[object]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise BadInput(f"Debrief field {name!r} must be a list.")
    return value


def _texts(value: object, name: str) -> tuple[str, ...]:
    items = []
    for item in _list(value, name):
        if item is None:  # an empty entry (`- ~`, a blank line in the form)
            continue
        if not isinstance(item, str):  # not True for `yes`: the reader keeps YAML as text
            raise BadInput(f"Debrief field {name!r} must hold text items.")
        if item.strip():
            items.append(validation.debrief_item(item, f"An item of {name!r}"))
    return tuple(items)


def _question(value: object, n: int) -> QuestionReview:
    if isinstance(value, str):
        value = {"question": value, "quality": "good"}
    if not isinstance(value, Mapping):
        raise BadInput(f"Question {n} must be an object with question and quality.")
    extra = sorted(set(map(str, value)) - {"question", "quality", "reason", "add_next_time"})
    if extra:
        raise BadInput(f"Question {n}: unknown field(s) {', '.join(extra)}.")
    asked = value.get("question")
    if asked is None or (isinstance(asked, str) and not asked.strip()):
        raise BadInput(f"Question {n} has no 'question' text.")
    text = validation.debrief_item(asked, f"Question {n}")
    quality = _choice(AnswerQuality, value.get("quality", "good"), f"question {n} quality")
    add = value.get("add_next_time")
    return QuestionReview(
        question=text,
        quality=quality or AnswerQuality.GOOD,
        reason=_choice(AnswerReason, value.get("reason"), f"question {n} reason"),
        add_next_time=validation.optional_line(
            add, f"Question {n}'s add_next_time", validation.DEBRIEF_ITEM
        ),
    )


def _choice(kind: type[E], value: object, what: str) -> E | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        allowed = ", ".join(member.value for member in kind)
        raise BadInput(f"{what}: {value!r} is not one of {allowed}.")
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise BadInput(f"{what}: {value!r} is not one of {allowed}.") from None
