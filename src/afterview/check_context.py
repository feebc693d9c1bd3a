"""What the checker learns from the database, in plain SQL any driver can run.

`afterview check` is a read command whose start-up time counts (docs/benchmarks.md),
so it reads SQLite with the stdlib module; the services run the same statements
through SQLAlchemy. Both hand `gather` a `run(sql, params) -> rows` function.

Known words (never flagged as misspellings): every person's and organisation's
name in the database (competitors included), the people's job titles, the user's
word list, the skills of the profile, the candidate's own name and signature
("Catrin Ní Bhriain" is never "Catering"), and the candidate's own proper nouns:
capitalised words from their debriefs, reflections and profile ("Kotlin",
"Lisbon"). Lower-case words from notes are not taken, so a typo in a debrief does
not whitelist itself.
"""

from __future__ import annotations

import os
import re

from afterview.writing.context import LANGUAGES, CheckContext, KnownPerson

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any

    Run = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]

PROFILE_SQL = "SELECT language, skills, experience, signature, name FROM profile WHERE id = 1"
NAMES_SQL = (
    "SELECT name FROM people UNION SELECT company FROM opportunities "
    "UNION SELECT name FROM competitors UNION SELECT role FROM people "
    "UNION SELECT role FROM opportunities"
)
WORDS_SQL = "SELECT word FROM words"
OWN_TEXT_SQL = (
    "SELECT text FROM debrief_items UNION ALL SELECT question FROM debrief_questions "
    "UNION ALL SELECT add_next_time FROM debrief_questions "
    "UNION ALL SELECT concerns FROM reflections"
)
OPPORTUNITY_SQL = "SELECT company, role FROM opportunities WHERE id = :opp"
PEOPLE_SQL = "SELECT name, role FROM people WHERE opportunity_id = :opp ORDER BY id"
INTERVIEW_SQL = "SELECT opportunity_id FROM interviews WHERE id = :interview"
NUGGETS_SQL = (
    "SELECT d.text FROM debrief_items d JOIN interviews i ON i.id = d.interview_id "
    "WHERE d.section = 'nugget' AND i.opportunity_id = :opp "
    "ORDER BY (d.interview_id = :interview) DESC, d.interview_id DESC, d.position"
)

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class UnknownRecord(LookupError):
    """An --opp or --interview id that the database does not hold."""

    def __init__(self, what: str, record_id: int) -> None:
        super().__init__(what, record_id)
        self.what = what
        self.record_id = record_id


# Zones under "America/" whose people write Canadian English, nearer British spelling
# ("colour", "centre"): the rest of the Americas learn American English.
CANADIAN_ZONES = frozenset(
    [
        "Toronto",
        "Vancouver",
        "Montreal",
        "Halifax",
        "Winnipeg",
        "Edmonton",
        "Regina",
        "St_Johns",
        "Moncton",
        "Whitehorse",
        "Yellowknife",
        "Iqaluit",
        "Glace_Bay",
        "Goose_Bay",
        "Swift_Current",
        "Dawson_Creek",
        "Fort_Nelson",
        "Creston",
        "Atikokan",
        "Blanc-Sablon",
        "Cambridge_Bay",
        "Dawson",
        "Inuvik",
        "Rankin_Inlet",
        "Resolute",
        "Nipigon",
        "Thunder_Bay",
        "Rainy_River",
        "Pangnirtung",
    ]
)
AMERICAN_ZONES = frozenset({"Pacific/Honolulu", "Pacific/Guam", "Pacific/Pago_Pago", "Asia/Manila"})


def default_language(environ: dict[str, str] | None = None, zone: str = "") -> str:
    """The English the user's locale names (en_US → en-US, en_GB → en-GB); with no
    locale, or only "C"/"POSIX" (containers, servers), the one of their time zone
    ("America/Chicago" → en-US); British English otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value and value != "POSIX" and not (value == "C" or value.startswith("C.")):
            return "en-US" if value.startswith("en_US") else "en-GB"
    zone = zone or env.get("AFTERVIEW_TZ", "")
    return "en-US" if american_zone(zone) else "en-GB"


def american_zone(zone: str) -> bool:
    area, _, city = zone.partition("/")
    if area == "America":
        return city.split("/")[0] not in CANADIAN_ZONES
    return area == "US" or zone in AMERICAN_ZONES


def gather(
    run: Run,
    *,
    opp_id: int | None = None,
    interview_id: int | None = None,
    kind: str | None = None,
    language: str | None = None,
    word_limit: int = 150,
) -> CheckContext:
    """Build the checker's context; raises UnknownRecord for an id that is not there."""
    profile = run(PROFILE_SQL, {})
    profile_row = profile[0] if profile else None
    known = _name_words(str(row[0]) for row in run(NAMES_SQL, {}) if row[0])
    known |= {str(row[0]) for row in run(WORDS_SQL, {})}
    own_texts = [str(row[0]) for row in run(OWN_TEXT_SQL, {}) if row[0]]
    skills: tuple[str, ...] = ()
    if profile_row is not None:
        own_texts.extend(str(v) for v in profile_row[2:] if v)
        skills = tuple(s.strip() for s in str(profile_row[1] or "").splitlines() if s.strip())
        known |= _name_words(skills)  # typed on purpose, one by one: all of them count
        # The candidate's own name and signature: capitalised at the start of a line, so
        # the proper-noun rule below would never take them.
        known |= _name_words(str(v) for v in (profile_row[4], profile_row[3]) if v)
    known |= _proper_nouns(own_texts)

    organisation: str | None = None
    role: str | None = None
    people: tuple[KnownPerson, ...] = ()
    nuggets: tuple[str, ...] = ()
    if interview_id is not None:
        found = run(INTERVIEW_SQL, {"interview": interview_id})
        if not found:
            raise UnknownRecord("interview", interview_id)
        interview_opp = int(found[0][0])
        if opp_id is not None and opp_id != interview_opp:
            raise UnknownRecord("interview", interview_id)
        opp_id = interview_opp
    if opp_id is not None:
        company = run(OPPORTUNITY_SQL, {"opp": opp_id})
        if not company:
            raise UnknownRecord("opportunity", opp_id)
        organisation = str(company[0][0])
        role = str(company[0][1]) if company[0][1] else None
        people = tuple(KnownPerson(str(n), str(r)) for n, r in run(PEOPLE_SQL, {"opp": opp_id}))
        params = {"opp": opp_id, "interview": interview_id if interview_id is not None else -1}
        nuggets = tuple(str(row[0]) for row in run(NUGGETS_SQL, params))
    chosen = language or (str(profile_row[0]) if profile_row else None) or default_language()
    if chosen not in LANGUAGES:
        chosen = "en-GB"
    return CheckContext(
        language=chosen,
        kind=kind,
        people=people,
        organisation=organisation,
        known_words=frozenset(known),
        nuggets=nuggets,
        skills=skills,
        word_limit=word_limit,
        role=role,
    )


def _name_words(names: Iterable[str]) -> set[str]:
    """Each name whole and word by word ("Brightwater Analytics", "Brightwater")."""
    words: set[str] = set()
    for name in names:
        words.add(name)
        words.update(WORD.findall(name))
    return words


def _proper_nouns(texts: Iterable[str]) -> set[str]:
    """Capitalised words not at a sentence start, and words with inner capitals."""
    found: set[str] = set()
    for text in texts:
        for match in WORD.finditer(text):
            word = match.group()
            if any(ch.isupper() for ch in word[1:]):
                found.add(word)
                continue
            if not word[0].isupper():
                continue
            before = text[: match.start()].rstrip()
            if before and before[-1] not in ".!?:\n":
                found.add(word)
    return found
