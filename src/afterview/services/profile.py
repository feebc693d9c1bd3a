"""The candidate's profile (who drafts are from) and their own spelling word list."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from afterview.check_context import default_language
from afterview.errors import BadInput
from afterview.parsing import parse_email, require_text
from afterview.services.app import App
from afterview.writing.context import parse_language
from afterview.writing.drafts_model import Profile

MAX_SKILLS = 20
MAX_WORD = 60
# A word for the list: letters, with inner apostrophes, hyphens, dots or digits ("C++" no).
WORD_SHAPE = re.compile(r"[^\W_][\w'’.\-]*", re.UNICODE)


def parse_skills(text: str) -> tuple[str, ...]:
    """ "Figma, user research; design systems" → three skills, in order, without repeats."""
    skills: list[str] = []
    for piece in re.split(r"[,;\n]", text):
        skill = piece.strip()
        if skill and skill.casefold() not in {s.casefold() for s in skills}:
            skills.append(require_text(skill, "A skill", 80))
    if len(skills) > MAX_SKILLS:
        raise BadInput(f"{len(skills)} skills is too many for an email; keep at most {MAX_SKILLS}.")
    return tuple(skills)


def get_profile(app: App, now: datetime) -> Profile | None:
    with app.transaction(now) as repo:
        row = repo.get_profile()
    return None if row is None else _profile(row)


def set_profile(app: App, *, now: datetime, **changes: str | None) -> Profile:
    """Create or update the profile; only the given fields change.

    A new profile needs a name and an email (every draft is signed and sent from
    them). An empty string clears an optional field.
    """
    allowed = {"name", "email", "phone", "signature", "skills", "experience", "language"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    given = {k: v for k, v in changes.items() if v is not None}
    values: dict[str, Any] = {}
    if "name" in given:
        values["name"] = require_text(given["name"], "--name", 120)
    if "email" in given:
        values["email"] = parse_email(str(given["email"]))
    if "phone" in given:
        values["phone"] = _optional_line(given["phone"], "--phone", 40)
    if "signature" in given:
        signature = str(given["signature"]).strip().replace("\\n", "\n")
        if len(signature) > 500:
            raise BadInput(f"--signature is too long ({len(signature)} characters; at most 500).")
        values["signature"] = signature or None
    if "skills" in given:
        values["skills"] = "\n".join(parse_skills(str(given["skills"]))) or None
    if "experience" in given:
        values["experience"] = _optional_line(given["experience"], "--experience", 300)
    if "language" in given:
        values["language"] = parse_language(str(given["language"]))
    with app.transaction(now) as repo:
        current = repo.get_profile()
        merged = dict(current) if current is not None else {}
        merged.pop("id", None)
        merged.update(values)
        missing = [f"--{k}" for k in ("name", "email") if not merged.get(k)]
        if missing:
            raise BadInput(
                f"A new profile needs {' and '.join(missing)} (drafts are signed and sent "
                "from them)."
            )
        # P5's spelling: the user's locale, else their time zone (a candidate in Chicago
        # writes "center"); `--language` changes it
        merged.setdefault("language", default_language(zone=app.timezone))
        repo.put_profile(**merged)
        row = repo.get_profile()
    assert row is not None
    return _profile(row)


def require_profile(row: Any) -> Profile:
    if row is None:
        raise BadInput(
            'No profile yet: drafts are signed with it. Run `afterview profile set --name "…" '
            "--email …` first."
        )
    return _profile(row)


def add_words(app: App, words: list[str], *, now: datetime) -> list[str]:
    """Add to the user's word list; returns the words that were new."""
    checked = [parse_word(w) for w in words]
    if not checked:
        raise BadInput("Give at least one word to add.")
    with app.transaction(now) as repo:
        return [w for w in dict.fromkeys(checked) if repo.add_word(w, now)]


def remove_words(app: App, words: list[str], *, now: datetime) -> list[str]:
    """Remove from the word list; a word that is not on it is an error (a likely typo)."""
    checked = [parse_word(w) for w in words]
    with app.transaction(now) as repo:
        listed = set(repo.list_words())
        absent = [w for w in checked if w not in listed]
        if absent:
            raise BadInput(f"Not on your word list: {', '.join(absent)}.")
        for word in checked:
            repo.remove_word(word)
    return checked


def list_words(app: App, *, now: datetime) -> list[str]:
    with app.transaction(now) as repo:
        return repo.list_words()


def parse_word(text: str) -> str:
    word = text.strip()
    if not word or len(word) > MAX_WORD or not WORD_SHAPE.fullmatch(word):
        raise BadInput(
            f"{text!r} is not a word: use letters (with inner apostrophes, hyphens, "
            f"dots or digits), at most {MAX_WORD} characters."
        )
    return word


def _optional_line(value: str | None, what: str, max_length: int) -> str | None:
    text = (value or "").strip()
    return require_text(text, what, max_length) if text else None


def _profile(row: Any) -> Profile:
    skills = tuple(s for s in str(row["skills"] or "").splitlines() if s)
    return Profile(
        name=row["name"],
        email=row["email"],
        phone=row["phone"],
        signature=row["signature"],
        skills=skills,
        experience=row["experience"],
        language=row["language"],
    )
