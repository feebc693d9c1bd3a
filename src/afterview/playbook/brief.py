"""P10 — the next-round brief, assembled from the earlier rounds' debriefs."""

from __future__ import annotations

from dataclasses import dataclass

from afterview.playbook.facts import AnswerQuality, Opportunity, QuestionReview


@dataclass(frozen=True)
class MetPerson:
    name: str
    role: str
    title: str | None
    rounds: tuple[int, ...]


@dataclass(frozen=True)
class Brief:
    company: str
    role: str
    rounds_debriefed: tuple[int, ...]
    to_improve: tuple[QuestionReview, ...]
    questions_to_ask: tuple[str, ...]
    liked: tuple[str, ...]
    disliked: tuple[str, ...]
    nuggets: tuple[str, ...]
    cover_more: tuple[str, ...]
    people: tuple[MetPerson, ...]

    @property
    def is_empty(self) -> bool:
        """No debrief content at all (the people met alone do not make a brief)."""
        notes = (self.to_improve, self.questions_to_ask, self.liked, self.disliked)
        return not any(notes) and not self.nuggets and not self.cover_more


def build_brief(opp: Opportunity) -> Brief:
    rounds = {i.id: i.round for i in opp.interviews}
    debriefs = sorted(opp.debriefs, key=lambda d: rounds.get(d.interview_id, 0))

    def gather(attr: str) -> tuple[str, ...]:
        return _unique(item for d in debriefs for item in getattr(d, attr))

    weak = tuple(q for d in debriefs for q in d.questions if q.quality is not AnswerQuality.GOOD)
    return Brief(
        company=opp.company,
        role=opp.role,
        rounds_debriefed=tuple(rounds.get(d.interview_id, 0) for d in debriefs),
        to_improve=weak,
        questions_to_ask=gather("new_questions"),
        liked=gather("liked"),
        disliked=gather("disliked"),
        nuggets=gather("nuggets"),
        cover_more=gather("cover_more"),
        people=_met(opp),
    )


def _met(opp: Opportunity) -> tuple[MetPerson, ...]:
    met = []
    for person in opp.people:
        rounds = tuple(i.round for i in opp.live_interviews if person.id in i.interviewer_ids)
        met.append(MetPerson(person.name, person.role.value, person.title, rounds))
    return tuple(met)


def _unique(items: object) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:  # type: ignore[attr-defined]
        text = str(item).strip()
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(seen.values())
