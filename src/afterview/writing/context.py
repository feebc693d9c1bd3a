"""What the checker knows beyond the text: whose email it is, to whom, about what."""

from __future__ import annotations

from afterview.errors import BadInput
from afterview.writing.frozen import Frozen

LANGUAGES = ("en-GB", "en-US")


def parse_language(text: str) -> str:
    """`en-GB`/`en_gb`/`en-us` → the canonical tag; anything else is refused.

    Here, not in the profile service, so `afterview check --language` stays light.
    """
    wanted = text.strip().replace("_", "-").casefold()
    for language in LANGUAGES:
        if language.casefold() == wanted:
            return language
    raise BadInput(f"Unknown language {text!r}: use {' or '.join(LANGUAGES)}.")


class KnownPerson(Frozen):
    """A person recorded for the opportunity: the spelling the text must match."""

    __slots__ = ("name", "role")
    name: str
    role: str

    def __init__(self, name: str, role: str = "") -> None:
        self._set(name=name, role=role)


class CheckContext(Frozen):
    """Everything optional: `afterview check FILE` with no ids still checks spelling,
    grammar, tone, leftovers and length.

    - `kind`: the message kind (`thank-you` turns on P5's three-part shape check).
    - `people`/`organisation`: the opportunity's recorded people and organisation,
      so "Dear Jon" to John, or "Acme Ltd" misspelt, is an error.
    - `role`: the job's title as recorded; with the organisation's name, its words are
      the employer's, not the candidate's grammar ("Save the Children", "Business to
      Business Sales Representative").
    - `known_words`: never misspelt: every person's and organisation's name in the
      database, the candidate's own words (debrief, profile) and the user's word list.
    - `nuggets`/`skills`: the debrief's nuggets and the profile's skills, so P5's
      "specific point" and "sell" parts can be located.
    """

    __slots__ = (
        "kind",
        "known_words",
        "language",
        "nuggets",
        "organisation",
        "people",
        "role",
        "skills",
        "word_limit",
    )
    language: str
    kind: str | None
    people: tuple[KnownPerson, ...]
    organisation: str | None
    known_words: frozenset[str]
    nuggets: tuple[str, ...]
    skills: tuple[str, ...]
    word_limit: int
    role: str | None

    def __init__(
        self,
        language: str = "en-GB",
        kind: str | None = None,
        people: tuple[KnownPerson, ...] = (),
        organisation: str | None = None,
        known_words: frozenset[str] = frozenset(),
        nuggets: tuple[str, ...] = (),
        skills: tuple[str, ...] = (),
        word_limit: int = 150,
        role: str | None = None,
    ) -> None:
        self._set(
            language=language,
            kind=kind,
            people=people,
            organisation=organisation,
            known_words=known_words,
            nuggets=nuggets,
            skills=skills,
            word_limit=word_limit,
            role=role,
        )
