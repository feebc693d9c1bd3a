"""P4 — recording a debrief from a form, a JSON/YAML file or interactive answers."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from afterview import validation
from afterview.errors import BadInput, Conflict
from afterview.playbook.facts import (
    AnswerQuality,
    AnswerReason,
    Debrief,
    Overall,
    QuestionReview,
)
from afterview.playbook.timing import describe_local
from afterview.services.app import App
from afterview.services.planning import refresh_all, refresh_opportunity

if TYPE_CHECKING:
    from afterview.store.repository import Repository

E = TypeVar("E", AnswerQuality, AnswerReason, Overall)

LIST_FIELDS = (
    "went_well",
    "cover_more",
    "nuggets",
    "new_questions",
    "liked",
    "disliked",
    "concerns",
)
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
    except _MistypedValue as exc:
        raise BadInput(f"{source} is not a debrief: {exc}") from None
    except yaml.MarkedYAMLError as exc:  # where it broke, so a hurried note is found fast
        mark = exc.problem_mark or exc.context_mark
        place = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = (exc.problem or exc.context or "").strip()
        raise BadInput(
            f"{source} is neither valid JSON nor YAML{place}: {problem}. A note that holds "
            'a colon, ?, # or brackets goes in quotes, e.g. - "on call?"'
        ) from None
    except yaml.YAMLError as exc:
        raise BadInput(f"{source} is neither valid JSON nor YAML: {exc}".splitlines()[0]) from None


class _MistypedValue(Exception):
    """A value its explicit YAML tag does not fit, such as `!!int 08`."""


# What PyYAML's own constructors raise on such a value instead of a YAMLError.
_CONSTRUCTOR_FAILURES = (ValueError, IndexError, KeyError, TypeError, AttributeError, OverflowError)


def _text_loader() -> type[Any]:
    """yaml.SafeLoader whose only implicit type is null: every other scalar is text.

    An explicit tag (`!!int 5`) still types its value, as in JSON; a value the tag
    does not fit (`!!int ''`, `!!bool x`, `!!timestamp 2026-02-30`) makes PyYAML's
    constructors fail with a bare ValueError, IndexError, KeyError or AttributeError,
    turned here into _MistypedValue naming the value and its line.
    """
    import yaml

    class TextLoader(yaml.SafeLoader):
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)
            except _CONSTRUCTOR_FAILURES:
                raise _MistypedValue(_mistyped(node)) from None

    TextLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextLoader


def _mistyped(node: Any) -> str:
    """Say which tagged value is wrong, where, and how to keep it as text."""
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    what = tag
    if isinstance(node.value, str):  # a scalar: show it, shortened, controls escaped
        value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        what = f"{tag} {value!r}"
    return (
        f"{what} on line {node.start_mark.line + 1} is not a valid {tag}; "
        f"without the {tag} tag it is read as text."
    )


def parse_debrief(
    data: object,
    interview_id: int,
    recorded_at: datetime,
    people: Sequence[tuple[int, str]] = (),
) -> Debrief:
    """Validate a debrief document; every mistake names its field.

    A nugget may name who said it (P5): `{text: …, said_by: 4}` (a person id or a
    name), a leading "Priya: …", or "Dr. Priya Shah said …" in the note, where Priya
    is one of `people` (id, name): the interview's interviewers. Only an explicit
    said_by that names nobody among them is refused; a note naming someone else
    stays an unattributed note.
    """
    if not isinstance(data, Mapping):
        raise BadInput("A debrief file holds one object with fields such as nuggets, questions.")
    unknown = sorted(set(map(str, data)) - set(FIELDS))
    if unknown:
        raise BadInput(
            f"Unknown debrief field(s): {', '.join(unknown)}. Known: {', '.join(FIELDS)}."
        )
    nuggets, said_by = _nuggets(data.get("nuggets"), people)
    lists = {name: _texts(data.get(name), name) for name in LIST_FIELDS if name != "nuggets"}
    questions = tuple(
        _question(q, n) for n, q in enumerate(_list(data.get("questions"), "questions"), 1)
    )
    return Debrief(
        interview_id=interview_id,
        recorded_at=recorded_at,
        questions=questions,
        overall=_choice(Overall, data.get("overall"), "overall"),
        nuggets=nuggets,
        nugget_said_by=said_by if any(p is not None for p in said_by) else (),
        **lists,
    )


Mode = Literal["new", "add", "replace"]


def record_debrief(
    app: App, interview_id: int, data: object, now: datetime, mode: Mode = "replace"
) -> Debrief:
    """Save the interview's debrief and re-plan (P4, P9, P10, P11). Never lost:

    - "new" refuses when one exists, saying what it holds (the CLI's default, so a
      second `afterview debrief N` cannot silently replace the first);
    - "add" adds these notes to the existing debrief;
    - "replace" (the edit forms) replaces it.
    Either way the earlier version is kept in the debrief's history first.
    """
    with app.transaction(now) as repo:
        opp_id = repo.interview_opportunity(interview_id)
        debrief = parse_debrief(data, interview_id, now, interview_people(repo, interview_id))
        earlier = repo.load_opportunity(opp_id).debrief_for(interview_id)
        if earlier is not None:
            if mode == "new":
                raise Conflict(
                    f"Interview {interview_id} already has a debrief ({describe(earlier)}, "
                    f"written {describe_local(earlier.recorded_at, app.timezone)}). Add to "
                    "it with --add, or replace it with --replace (the earlier one is kept)."
                )
            if mode == "add":
                debrief = merged(earlier, debrief)
            repo.keep_debrief_version(
                interview_id,
                earlier.recorded_at,
                now,
                json.dumps(debrief_to_plain(earlier), ensure_ascii=False, sort_keys=True),
            )
        first_ever = repo.first_debrief_at() is None
        repo.save_debrief(debrief)
        if first_ever:  # the first lessons change other opportunities' plans (P11)
            refresh_all(app, repo, now)
        else:
            refresh_opportunity(app, repo, opp_id, now)
    return debrief


def describe(debrief: Debrief) -> str:
    """What a debrief holds, in a few words: "2 went well, 3 nuggets, 1 question"."""
    counts = [
        (len(debrief.went_well), "went well", "went well"),
        (len(debrief.cover_more), "to cover more", "to cover more"),
        (len(debrief.nuggets), "nugget", "nuggets"),
        (len(debrief.questions), "question", "questions"),
        (len(debrief.new_questions), "new question", "new questions"),
        (len(debrief.liked) + len(debrief.disliked), "reaction", "reactions"),
        (len(debrief.concerns), "concern", "concerns"),
    ]
    parts = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    return ", ".join(parts) or "empty"


def merged(earlier: Debrief, added: Debrief) -> Debrief:
    """The earlier debrief with the added notes after its own (exact repeats dropped)."""
    lists: dict[str, Any] = {}
    for name in LIST_FIELDS:
        if name == "nuggets":
            continue
        old = getattr(earlier, name)
        lists[name] = (*old, *(item for item in getattr(added, name) if item not in old))
    pairs = list(zip(earlier.nuggets, _said(earlier), strict=True))
    new = zip(added.nuggets, _said(added), strict=True)
    pairs += [pair for pair in new if pair[0] not in earlier.nuggets]
    said = tuple(s for _, s in pairs)
    known = {q.question for q in earlier.questions}
    return replace(
        earlier,
        recorded_at=added.recorded_at,
        nuggets=tuple(n for n, _ in pairs),
        nugget_said_by=said if any(s is not None for s in said) else (),
        questions=(*earlier.questions, *(q for q in added.questions if q.question not in known)),
        overall=added.overall or earlier.overall,
        **lists,
    )


def _said(debrief: Debrief) -> list[int | None]:
    return [debrief.said_by(n) for n in range(len(debrief.nuggets))]


def debrief_of(app: App, interview_id: int, now: datetime) -> Debrief | None:
    """The interview's debrief as it stands, or None (an unknown interview is refused)."""
    with app.transaction(now) as repo:
        opp_id = repo.interview_opportunity(interview_id)
        return repo.load_opportunity(opp_id).debrief_for(interview_id)


def debrief_history(app: App, interview_id: int, now: datetime) -> list[dict[str, Any]]:
    """Earlier versions of the interview's debrief, oldest first (P4: never lost)."""
    with app.transaction(now) as repo:
        repo.interview_opportunity(interview_id)
        return [
            {
                "written": row["recorded_at"].isoformat(),
                "replaced": row["replaced_at"].isoformat(),
                "debrief": json.loads(row["content"]),
            }
            for row in repo.debrief_versions(interview_id)
        ]


def debrief_to_plain(debrief: Debrief) -> dict[str, Any]:
    """The same shape `parse_debrief` reads, so a saved debrief can be edited and re-imported."""
    plain: dict[str, Any] = {name: list(getattr(debrief, name)) for name in LIST_FIELDS}
    plain["nuggets"] = [
        text if debrief.said_by(n) is None else {"text": text, "said_by": debrief.said_by(n)}
        for n, text in enumerate(debrief.nuggets)
    ]
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


def interview_people(repo: Repository, interview_id: int) -> list[tuple[int, str]]:
    """(id, name) of the interview's interviewers, in the panel's order: whom a nugget
    can be attributed to (P5). A recruiter or an interviewer of another round was not
    in the room, so their words cannot be this interview's nugget."""
    opp = repo.load_opportunity(repo.interview_opportunity(interview_id))
    interview = next(i for i in opp.interviews if i.id == interview_id)
    panel = [opp.person(pid) for pid in interview.interviewer_ids]
    return [(p.id, p.name) for p in panel if p is not None]


def _nuggets(
    value: object, people: Sequence[tuple[int, str]]
) -> tuple[tuple[str, ...], tuple[int | None, ...]]:
    texts: list[str] = []
    said_by: list[int | None] = []
    for n, entry in enumerate(_list(value, "nuggets"), 1):
        who: int | None = None
        item = entry
        if isinstance(entry, Mapping):
            extra = sorted(set(map(str, entry)) - {"text", "said_by"})
            if extra:
                raise BadInput(f"Nugget {n}: unknown field(s) {', '.join(extra)}.")
            if entry.get("said_by") not in (None, ""):
                who = _person(entry["said_by"], people, f"Who said nugget {n}")
            item = entry.get("text")
        if item is None:
            continue
        if not isinstance(item, str):
            raise BadInput("Debrief field 'nuggets' must hold text items.")
        if not item.strip():
            continue
        text = validation.debrief_item(item, "An item of 'nuggets'")
        if who is None:
            who, text = _prefixed(text, people)
        if who is None:
            who = _spoken_by(text, people)
        texts.append(text)
        said_by.append(who)
    return tuple(texts), tuple(said_by)


def _matches(reference: str, people: Sequence[tuple[int, str]]) -> list[int]:
    """Who `reference` names, case and accents aside: the whole name, else words of
    it ("Dana", "dr kim", "zoe" for Zoë Park)."""
    from afterview.writing.drafts.reading import fold, name_words

    ref = fold(reference.strip())
    whole = [pid for pid, name in people if fold(name.strip()) == ref]
    if whole:
        return whole[:1]
    words = name_words(reference)
    return [pid for pid, name in people if words and words <= name_words(name)]


def _person(value: object, people: Sequence[tuple[int, str]], what: str) -> int:
    """A person id or a recorded name of the interview's interviewers, else a clear
    BadInput that lists them."""
    ids = {pid for pid, _ in people}
    names = ", ".join(f"{name} ({pid})" for pid, name in people)
    among = f"its interviewers are {names}" if names else "it has no interviewer recorded"
    if (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.strip().isdigit()
    ):
        pid = int(str(value).strip())
        if pid in ids:
            return pid
        raise BadInput(f"{what}: person {pid} was not an interviewer at this interview; {among}.")
    if not isinstance(value, str):
        raise BadInput(f"{what} must be a person id or a name.")
    found = _matches(value, people)
    if len(found) == 1:
        return found[0]
    if found:
        raise BadInput(f"{what}: {value.strip()!r} names more than one interviewer; use the id.")
    raise BadInput(
        f"{what}: nobody called {value.strip()!r} was an interviewer at this interview; {among}."
    )


def _prefixed(text: str, people: Sequence[tuple[int, str]]) -> tuple[int | None, str]:
    """ "Priya: board meets monthly" → (Priya's id, "board meets monthly") when Priya
    is one of the people; any other "Word: …" stays the note it is."""
    head, colon, rest = text.partition(":")
    if not colon or not rest.strip() or len(head.split()) > 4:
        return None, text
    found = _matches(head, people)
    return (found[0], rest.strip()) if len(found) == 1 else (None, text)


def _spoken_by(text: str, people: Sequence[tuple[int, str]]) -> int | None:
    """ "Dr. Priya Shah said the board meets monthly" → Priya's id when she is one of
    the people; the note keeps its words (the thank-you reader drops "X said")."""
    from afterview.writing.drafts.reading import speaker_of

    speaker = speaker_of(text)
    found = _matches(speaker, people) if speaker else []
    return found[0] if len(found) == 1 else None


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
