"""Choosing, localising and rendering a draft's words: variety without randomness.

Every part has several wordings. `Wording.pick` renders them all, then takes the
first, rotating from the request's seed, whose sentences appear in none of the
earlier drafts to the same person: two drafts for the same person never read the
same, two interviewers of one interview get different openings, and the same
request always gives the same draft.

Templates are written once, in British English; `localise` turns the template
text (never the candidate's facts) into American English for an en-US profile.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from afterview.writing.drafts.notes import clean, wordset
from afterview.writing.drafts_model import DraftRequest, Profile, Recipient

# Phrases first (they contain words the word list would change on its own).
US_PHRASES = (
    ("keen on", "excited about"),
    ("keen to", "eager to"),
    ("straight away", "right away"),
    ("my CV", "my resume"),
    ("an updated CV", "an updated resume"),
)
US_WORDS = {
    "organisation": "organization",
    "organisations": "organizations",
    "organisation's": "organization's",
    "realise": "realize",
    "realised": "realized",
    "recognise": "recognize",
    "prioritise": "prioritize",
    "favourite": "favorite",
    "centre": "center",
    "programme": "program",
    "enquiry": "inquiry",
    "judgement": "judgment",
    "keen": "eager",
    "CV": "resume",
}
GB_TO_US = re.compile(r"\b(" + "|".join(re.escape(w) for w in US_WORDS) + r")\b", re.IGNORECASE)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CLOSINGS = {
    "en-GB": (
        "Kind regards,",
        "Best wishes,",
        "With best wishes,",
        "Many thanks,",
        "Warm regards,",
        "With thanks,",
    ),
    "en-US": (
        "Best regards,",
        "All the best,",
        "Warm regards,",
        "Sincerely,",
        "With thanks,",
        "Many thanks,",
    ),
}
TITLES = wordset("mr mrs ms miss mx dr prof professor sir dame lord lady")
KEPT_TITLES = {"dr": "Dr", "prof": "Professor", "professor": "Professor"}
ROLE_NOUNS = wordset("role position job post opening vacancy")
ORDINALS = ("first", "second", "third", "fourth", "fifth")
# Two letters of one panel may not share a sentence this long (P5: one letter each).
SHARED_WORDS = 8


def localise(text: str, language: str) -> str:
    """The template in the profile's English (templates are written en-GB)."""
    if language != "en-US":
        return text
    for gb, us in US_PHRASES:
        text = re.sub(rf"\b{re.escape(gb)}\b", us, text)
    return GB_TO_US.sub(lambda m: _same_case(m.group(), US_WORDS[_key(m.group())]), text)


def _key(word: str) -> str:
    return word if word == "CV" else word.lower()


def _same_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and original != "CV":
        return replacement[:1].upper() + replacement[1:]
    return replacement


def tidy(text: str) -> str:
    """One space between words, no doubled full stops, a capital to start."""
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = re.sub(r" ([,.;:!?])", r"\1", text)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    text = re.sub(r"([?!])\.", r"\1", text)
    return text[:1].upper() + text[1:]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", _flat(text)) if s]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Wording:
    """Picks one wording per part for one request (see the module docstring)."""

    def __init__(self, request: DraftRequest) -> None:
        self.language = request.profile.language
        self.seed = request.seed
        self._previous = tuple(_flat(body) for body in request.previous if body.strip())
        self._previous_lines = frozenset(
            line.strip() for body in request.previous for line in body.splitlines()
        )
        # Other letters of the same panel: their long sentences and sign-offs are taken.
        self._siblings = tuple(_flat(body) for body in request.siblings if body.strip())
        self._sibling_lines = frozenset(
            line.strip() for body in request.siblings for line in body.splitlines()
        )

    def say(self, template: str, facts: Mapping[str, str]) -> str:
        """One template rendered: localised, facts filled in, tidied."""
        return tidy(localise(template, self.language).format_map(facts))

    def pick(self, templates: Sequence[str], facts: Mapping[str, str], *, turn: int = 0) -> str:
        """The first fresh rendering, rotating from the seed (+ `turn`)."""
        rendered = [self.say(t, facts) for t in templates]
        return self.pick_rendered(rendered, turn=turn)

    def pick_rendered(self, options: Sequence[str], *, turn: int = 0) -> str:
        start = (self.seed + turn) % len(options)
        order = [options[(start + i) % len(options)] for i in range(len(options))]
        return min(order, key=self._stale)  # min keeps the first of equals: the rotation

    def _stale(self, text: str) -> int:
        """How many of the text's sentences an earlier draft to this person already
        used, or (eight words or more) a letter to another person of the panel."""
        return sum(
            1
            for s in sentences(text)
            if any(s in body for body in self._previous)
            or (len(s.split()) >= SHARED_WORDS and any(s in body for body in self._siblings))
        )

    def fresh(self, text: str) -> bool:
        """No sentence of `text` repeats an earlier or sibling letter (see `_stale`)."""
        return self._stale(text) == 0

    def closing(self, *, turn: int = 0) -> str:
        """A sign-off line in the profile's English, varied like the parts."""
        options = CLOSINGS.get(self.language, CLOSINGS["en-GB"])
        start = (self.seed + turn) % len(options)
        order = [options[(start + i) % len(options)] for i in range(len(options))]
        taken = self._previous_lines | self._sibling_lines
        return next(
            (c for c in order if c not in taken),
            next((c for c in order if c not in self._previous_lines), order[0]),
        )


def day_month(day: date, language: str) -> str:
    """'12 March' (en-GB) or 'March 12' (en-US)."""
    month = MONTHS[day.month - 1]
    return f"{month} {day.day}" if language == "en-US" else f"{day.day} {month}"


def when(start: datetime | None, written_on: date | None, language: str) -> str:
    """When the interview was, seen from the day of writing (" this morning"), or "".

    Empty when either day is unknown: the draft then names no day rather than
    risk a wrong one.
    """
    if start is None or written_on is None:
        return ""
    days = (written_on - start.date()).days
    if days == 0:
        hour = start.hour
        return " this morning" if hour < 12 else " this afternoon" if hour < 18 else " this evening"
    if days == 1:
        return " yesterday"
    if 1 < days < 7:
        return f" on {WEEKDAYS[start.weekday()]}"
    if days >= 7:
        return f" on {day_month(start.date(), language)}"
    return ""


def days_late(start: datetime | None, written_on: date | None) -> int:
    """Weekdays strictly between the interview and the writing: 0 when a thank-you is on
    time (a Friday interview thanked on Monday too), 1 or more when it is late (P5)."""
    if start is None or written_on is None:
        return 0
    days = (written_on - start.date()).days
    return sum(1 for n in range(1, days) if (start.date() + timedelta(days=n)).weekday() < 5)


DAY_PHRASE = re.compile(
    r"\b(this (?:morning|afternoon|evening)|yesterday|on (?:"
    + "|".join(WEEKDAYS)
    + r")|on \d{1,2} (?:"
    + "|".join(MONTHS)
    + r")|on (?:"
    + "|".join(MONTHS)
    + r") \d{1,2})\b"
)


def stale_day_word(
    body: str, start: datetime, sent_on: date, language: str
) -> tuple[str, str] | None:
    """(what the thanks says, what it should say) when its day word is no longer true
    on `sent_on` ("this afternoon" sent the next day); None when it still reads true."""
    first = next((p for p in re.split(r"\n\s*\n", body)[1:2]), body)
    found = DAY_PHRASE.search(first)
    if found is None:
        return None
    said = found.group(1)
    should = when(start, sent_on, language).strip()
    if not should or reads_true(said, start, sent_on, language):
        return None
    return said, should


def reads_true(said: str, start: datetime, sent_on: date, language: str) -> bool:
    """Does the day word still read true on `sent_on`: the one `when` gives, or the
    interview's weekday within the week after it ("on Friday", sent on Saturday, is
    true though "yesterday" is the usual word)."""
    said = said.strip()
    if said == when(start, sent_on, language).strip():
        return True
    return 1 <= (sent_on - start.date()).days < 7 and said == f"on {WEEKDAYS[start.weekday()]}"


def join(items: Sequence[str], language: str) -> str:
    """'A, B and C' (en-GB) or 'A, B, and C' (en-US, serial comma)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return items[0] if items else ""
    serial = "," if language == "en-US" and len(items) > 2 else ""
    return f"{', '.join(items[:-1])}{serial} and {items[-1]}"


def salutation(recipient: Recipient | None, language: str) -> str:
    """How to address the person: first name, or title + surname for Dr/Professor.

    "Dr Priya Shah" → "Dr Shah" ("Dr. Shah" en-US); "Shah, Priya" → "Priya";
    "" when there is no usable name.
    """
    name = clean(recipient.name) if recipient else ""
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}".strip()
    words = name.split()
    title = words[0].rstrip(".").lower() if words else ""
    if title in TITLES and len(words) > 1:
        words = words[1:]
        if title in KEPT_TITLES or len(words) == 1:
            shown = KEPT_TITLES.get(title, title.capitalize())
            dot = "." if language == "en-US" and shown in {"Dr", "Mr", "Mrs", "Ms", "Mx"} else ""
            return f"{shown}{dot} {words[-1]}"
    if not words:
        return ""
    first = words[0]
    if len(first.rstrip(".")) == 1 and len(words) > 1:  # "J. Smith": an initial
        return " ".join(words)
    return first


def greeting(recipient: Recipient | None, language: str, *, word: str = "Dear") -> str:
    """'Dear Priya,' — or 'Dear Hiring Team,' when no name is recorded."""
    name = salutation(recipient, language)
    return f"{word} {name}," if name else f"{word} Hiring Team,"


def signature(profile: Profile) -> list[str]:
    """The profile's own signature, else name, phone and email, one per line."""
    if profile.signature and profile.signature.strip():
        lines = [line.rstrip() for line in profile.signature.strip("\n").splitlines()]
        return [line for line in lines if line.strip()] or [profile.name]
    own = (clean(profile.name), clean(profile.phone), clean(profile.email))
    return [line for line in own if line]


def the_role(role: str) -> str:
    """'the Product Designer role'; 'the Design Lead position' stays as it is. A title's
    part after a comma goes in brackets ("the Director (Human Resources) role", "the
    Staff Nurse (Band 6, Acute Medical Unit) role"): "the Director, Human Resources
    role" reads as a list in a sentence."""
    role = re.sub(r"^(?:the|a|an)\s+", "", clean(role), flags=re.IGNORECASE)
    if not role:
        return "the role"
    head, comma, rest = role.partition(",")
    head, rest = head.strip(), rest.strip()
    bracketed = head.endswith(")") and head.count("(") == head.count(")") == 1
    if (
        comma
        and head
        and rest
        and "(" not in rest + head.removesuffix(")").split("(")[-1]
        and ")" not in rest
        and (bracketed or "(" not in head)
        and rest.split()[-1].lower() not in ROLE_NOUNS
    ):
        role = f"{head[:-1]}, {rest})" if bracketed else f"{head} ({rest})"
    return f"the {role}" if role.split()[-1].lower() in ROLE_NOUNS else f"the {role} role"


# Public bodies and institutions written with "the" in running prose: "at the Department
# of Veterans Affairs", "the University of Leeds", "the Home Office", "the Welsh
# Government"; companies are not ("at Bank of America", "at Age UK"). Found drafting for
# real organisation names: "at Department of Veterans Affairs" drew the checker's own
# missing-word warning.
THE_BODY_OF = re.compile(
    r"^(?:Department|Ministry|Office|University|Institute|College|Bureau|Board|Council|"
    r"Court|Commission|Museum|Library|Agency|Administration|Embassy|Government|"
    r"Federal\s+Reserve)\s+(?:of|for|on)\s"
)
THE_BODY = re.compile(
    r"\s(?:Agency|Office|Service|Commission|Council|Authority|Administration|Department|"
    r"Ministry|Bureau|Inspectorate|Executive|Ombudsman|Tribunal|Government|Parliament|"
    r"Assembly|Senate|Treasury|Board|Institute|Museum|Library|Survey|Archives)$"
)
COMPANY_SUFFIX = re.compile(r"(?i)\b(?:inc|ltd|limited|llc|plc|corp|corporation|co|gmbh)\.?$")


def organisation(name: str, language: str) -> str:
    """The organisation as a sentence names it: with "the" for a public body."""
    name = clean(name)
    if not name:
        return localise("your organisation", language)
    if not COMPANY_SUFFIX.search(name) and (THE_BODY_OF.match(name) or THE_BODY.search(name)):
        return f"the {name}"
    return name


def ordinal(round_: int | None) -> str:
    """'second' for round 2; '' for the first round or an unknown one."""
    if round_ is None or round_ < 2:
        return ""
    return ORDINALS[round_ - 1] if round_ <= len(ORDINALS) else "latest"


def base_facts(request: DraftRequest) -> dict[str, str]:
    """The facts every kind's templates may use, cleaned of leftovers."""
    role = re.sub(r"^(?:the|a|an)\s+", "", clean(request.role), flags=re.IGNORECASE)
    language = request.profile.language
    return {
        "role": role or "job",
        "the_role": the_role(request.role),
        "org": organisation(request.organisation, language),
        "candidate": clean(request.profile.name),
        "name": salutation(request.recipient, language),
    }
