"""The bad-input table: every command and file format, each case refused with exit 2.

A case is a command line, optional stdin bytes and optional files (written into the
case's folder; `{dir}` in an argument names it). Generated compactly: each family
crosses the places a kind of value goes with the wrong values of that kind. Every
case must end in exit 2, exactly one line on stderr, no traceback and an unchanged
database (see test_bad_input.py). The seed (harness.seed) is opportunity 1 with
people 1 (recruiter) and 2 (Dana Kim), interview 1, message 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

BIGINT = 2**63 - 1
INTERVIEW = ("--start", "2026-03-10T10:00", "--end", "2026-03-10T11:00")
SCORES = ("--fit", "3", "--growth", "3", "--culture", "3", "--values", "3", "--happy", "3")


@dataclass(frozen=True)
class Case:
    argv: tuple[str, ...]
    stdin: bytes | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    message: str = ""  # the start of the line after "afterview: ", where it matters


CASES: dict[str, Case] = {}


def add(
    name: str,
    *argv: str,
    stdin: bytes | None = None,
    files: dict[str, bytes] | None = None,
    message: str = "",
) -> None:
    assert name not in CASES, name
    CASES[name] = Case(tuple(argv), stdin, files or {}, message)


# --- ids: every place an id is typed, with ids no record can have -------------------------

ID_PLACES: dict[str, tuple[str, ...]] = {
    "opp show": ("opp", "show", "{id}"),
    "opp competitor": ("opp", "competitor", "{id}", "Quarry"),
    "interview add": ("interview", "add", "{id}", *INTERVIEW),
    "interview move": ("interview", "move", "{id}", *INTERVIEW),
    "interview cancel": ("interview", "cancel", "{id}"),
    "interview add --interviewer-id": (
        "interview",
        "add",
        "1",
        *INTERVIEW,
        "--interviewer-id",
        "{id}",
    ),
    "person add": ("person", "add", "{id}", "--name", "Sam", "--role", "other"),
    "person edit": ("person", "edit", "{id}", "--name", "Sam"),
    "timeline": ("timeline", "{id}", "--decision-by", "2026-03-20"),
    "timeline --follow-up-with": ("timeline", "1", "--follow-up-with", "{id}"),
    "contact": (
        "contact",
        "{id}",
        "--kind",
        "other",
        "--channel",
        "email",
        "--at",
        "2026-03-18T10:00",
    ),
    "contact --person": (
        "contact",
        "1",
        "--kind",
        "other",
        "--channel",
        "email",
        "--at",
        "2026-03-18T10:00",
        "--person",
        "{id}",
    ),
    "reply": ("reply", "{id}", "--at", "2026-03-18T10:00"),
    "debrief": ("debrief", "{id}", "--file", "-"),
    "reflect": ("reflect", "{id}", *SCORES, "--decision", "continue"),
    "outcome": ("outcome", "{id}", "offer", "--at", "2026-03-18T10:00"),
    "brief": ("brief", "{id}"),
    "draft thank-you": ("draft", "thank-you", "{id}"),
    "draft thank-you --to": ("draft", "thank-you", "1", "--to", "{id}"),
    "draft follow-up": ("draft", "follow-up", "{id}"),
    "draft list --opp": ("draft", "list", "--opp", "{id}"),
    "draft show": ("draft", "show", "{id}"),
    "draft check": ("draft", "check", "{id}"),
    "draft export": ("draft", "export", "{id}", "--mailto"),
    "draft sent": ("draft", "sent", "{id}", "--at", "2026-03-18T10:00"),
    "draft delete": ("draft", "delete", "{id}"),
    "send": ("send", "{id}"),
    "outbox cancel": ("outbox", "cancel", "{id}"),
    "check --opp": ("check", "-", "--opp", "{id}"),
    "check --interview": ("check", "-", "--interview", "{id}"),
    "import vcard": ("import", "vcard", "-", "{id}"),
}
BAD_IDS = {"absent": "99", "past integer": str(2**31), "past bigint": str(BIGINT + 1)}
# The rarer shapes, on a few places only.
ODD_IDS = {
    "zero": "0",
    "largest bigint": str(BIGINT),
    "huge": "9" * 30,
    "word": "one",
    "decimal": "1.5",
    "exponent": "1e3",
    "empty": "",
    "negative": "-7",
}
ODD_PLACES = (
    "opp show",
    "interview cancel",
    "draft show",
    "check --interview",
    "reply",
    "timeline --follow-up-with",
)

for place, template in ID_PLACES.items():
    ids = BAD_IDS | (ODD_IDS if place in ODD_PLACES else {})
    for what, number in ids.items():
        argv = tuple(part.replace("{id}", number) for part in template)
        add(f"id {what}: {place}", *argv, stdin=b"hello\n")


# --- text typed into a field: each single-line field with each kind of bad text ----------

TEXT_PLACES: dict[str, tuple[str, ...]] = {
    "company": ("opp", "add", "--role", "R", "--route", "direct", "--company", "{v}"),
    "role": ("opp", "add", "--company", "C", "--route", "direct", "--role", "{v}"),
    "recruiter name": (
        "opp",
        "add",
        "--company",
        "C",
        "--role",
        "R",
        "--route",
        "recruiter",
        "--recruiter-name",
        "{v}",
    ),
    "recruiter phone": (
        "opp",
        "add",
        "--company",
        "C",
        "--role",
        "R",
        "--route",
        "recruiter",
        "--recruiter-name",
        "Priya",
        "--recruiter-phone",
        "{v}",
    ),
    "competitor": ("opp", "competitor", "1", "{v}"),
    "person name": ("person", "add", "1", "--role", "other", "--name", "{v}"),
    "person title": ("person", "add", "1", "--role", "other", "--name", "Sam", "--title", "{v}"),
    "person phone": ("person", "add", "1", "--role", "other", "--name", "Sam", "--phone", "{v}"),
    "edited name": ("person", "edit", "2", "--name", "{v}"),
    "edited phone": ("person", "edit", "2", "--phone", "{v}"),
    "location": ("interview", "add", "1", *INTERVIEW, "--location", "{v}"),
    "interviewer": ("interview", "add", "1", *INTERVIEW, "--interviewer", "{v}"),
    "profile name": ("profile", "set", "--name", "{v}"),
    "profile experience": ("profile", "set", "--experience", "{v}"),
    "skill": ("profile", "set", "--skills", "{v}"),
    "subject": ("draft", "edit", "1", "--subject", "{v}"),
}
BAD_LINES = {
    "NUL": "Acme\x00Corp",
    "escape sequence": "Acme\x1b]0;owned\x07",
    "CSI": "Acme\x9b31m",
    "line break": "Acme\nCorp",
    "bidi override": "Acme\u202eproC",
    "lone surrogate": "Acme\udc80",
    "100,000 characters": "A" * 100_000,
}
BLANK_ALLOWED = {
    "recruiter phone",
    "person title",
    "person phone",
    "location",
    "profile experience",
    "skill",
    "edited phone",
}
COMMON = ("NUL", "escape sequence", "line break", "100,000 characters")
EVERY_KIND = ("company", "person name", "profile name", "subject")
for place, template in TEXT_PLACES.items():
    values = {k: v for k, v in BAD_LINES.items() if place in EVERY_KIND or k in COMMON}
    values |= {} if place in BLANK_ALLOWED else {"blank": "   "}
    if place == "skill":  # skills are one a line: a line break separates two
        values = {k: v for k, v in values.items() if k != "line break"}
    for what, value in values.items():
        add(f"text {what}: {place}", *(part.replace("{v}", value) for part in template))

# Free text (a note may span lines) still refuses NUL, escapes and absurd lengths.
NOTE_PLACES: dict[str, tuple[str, ...]] = {
    "contact note": (
        "contact",
        "1",
        "--kind",
        "other",
        "--channel",
        "email",
        "--at",
        "2026-03-18T10:00",
        "--note",
        "{v}",
    ),
    "reply note": ("reply", "1", "--at", "2026-03-18T10:00", "--note", "{v}"),
    "concerns": ("reflect", "1", *SCORES, "--decision", "continue", "--concerns", "{v}"),
}
BAD_NOTES = {
    k: BAD_LINES[k]
    for k in (
        "NUL",
        "escape sequence",
        "CSI",
        "lone surrogate",
        "bidi override",
        "100,000 characters",
    )
}
for place, template in NOTE_PLACES.items():
    for what, value in BAD_NOTES.items():
        add(f"note {what}: {place}", *(part.replace("{v}", value) for part in template))


# --- email addresses ----------------------------------------------------------------------

EMAIL_PLACES: dict[str, tuple[str, ...]] = {
    "recruiter": (
        "opp",
        "add",
        "--company",
        "C",
        "--role",
        "R",
        "--route",
        "recruiter",
        "--recruiter-name",
        "Priya",
        "--recruiter-email",
        "{v}",
    ),
    "person": ("person", "add", "1", "--role", "other", "--name", "Sam", "--email", "{v}"),
    "edit": ("person", "edit", "2", "--email", "{v}"),
    "profile": ("profile", "set", "--email", "{v}"),
    "interviewer": ("interview", "add", "1", *INTERVIEW, "--interviewer", "Dana <{v}>"),
}
BAD_EMAILS = {
    "no at": "dana.example",
    "no domain": "dana@",
    "spaces": "dana kim@example.org",
    "two ats": "a@b@example.org",
    "header injection": "a@example.org\nBcc: x@y.z",
}
for place, template in EMAIL_PLACES.items():
    for what, value in BAD_EMAILS.items():
        add(f"email {what}: {place}", *(part.replace("{v}", value) for part in template))


# --- times and dates ------------------------------------------------------------------------

TIME_PLACES: dict[str, tuple[str, ...]] = {
    "interview start": ("interview", "add", "1", "--end", "2026-03-10T11:00", "--start", "{v}"),
    "interview end": ("interview", "add", "1", "--start", "2026-03-10T10:00", "--end", "{v}"),
    "move start": ("interview", "move", "1", "--end", "2026-03-10T11:00", "--start", "{v}"),
    "contact at": ("contact", "1", "--kind", "other", "--channel", "email", "--at", "{v}"),
    "reply at": ("reply", "1", "--at", "{v}"),
    "outcome at": ("outcome", "1", "offer", "--at", "{v}"),
    "done at": ("done", "P4:debrief:interview=1", "--at", "{v}"),
    "snooze until": ("snooze", "P4:debrief:interview=1", "--until", "{v}"),
    "draft sent at": ("draft", "sent", "1", "--at", "{v}"),
    "agenda at": ("agenda", "--at", "{v}"),
    "today at": ("today", "--at", "{v}"),
}
BAD_TIMES = {
    "words": "half past four",
    "30 February": "2026-02-30T10:00",
    "hour 25": "2026-03-10T25:00",
    "year 9999": "9999-12-31T20:00",
    "year 1066": "1066-10-14T09:00",
    "in the DST gap": "2026-03-29T01:30",
    "NUL": "2026-03-10T10:00\x00",
}
EVERY_TIME = ("interview start", "contact at", "agenda at", "snooze until")
for place, template in TIME_PLACES.items():
    shown = (
        BAD_TIMES
        if place in EVERY_TIME
        else {k: BAD_TIMES[k] for k in ("words", "30 February", "in the DST gap")}
    )
    for what, value in shown.items():
        add(f"time {what}: {place}", *(part.replace("{v}", value) for part in template))

DATE_PLACES = {
    "decision by": ("timeline", "1", "--decision-by", "{v}"),
    "follow up on": ("timeline", "1", "--follow-up-on", "{v}"),
}
BAD_DATES = {
    "words": "next friday",
    "30 February": "2026-02-30",
    "year 12026": "12026-01-01",
    "slashes": "10/03/2026",
    "year 1800": "1800-01-01",
}
for place, template in DATE_PLACES.items():
    for what, value in BAD_DATES.items():
        add(f"date {what}: {place}", *(part.replace("{v}", value) for part in template))

for what, value in {
    "typo": "Europe/Londn",
    "made up": "Mars/Olympus",
    "path": "../../etc/passwd",
    "NUL": "Europe/London\x00",
}.items():
    add(f"zone {what}: interview add", "interview", "add", "1", *INTERVIEW, "--tz", value)
    add(f"zone {what}: agenda", "agenda", "--at", "2026-03-10T10:00", "--tz", value)


# --- choices, numbers and scores --------------------------------------------------------------

CHOICES = {
    "route": ("opp", "add", "--company", "C", "--role", "R", "--route", "{v}"),
    "person role": ("person", "add", "1", "--name", "Sam", "--role", "{v}"),
    "format": ("interview", "add", "1", *INTERVIEW, "--format", "{v}"),
    "contact kind": ("contact", "1", "--channel", "email", "--kind", "{v}"),
    "channel": ("contact", "1", "--kind", "other", "--channel", "{v}"),
    "decision": ("reflect", "1", *SCORES, "--decision", "{v}"),
    "outcome": ("outcome", "1", "{v}"),
    "follow-up how": ("timeline", "1", "--follow-up-how", "{v}"),
    "export kind": ("export", "{v}", "{dir}/out"),
    "check kind": ("check", "-", "--kind", "{v}"),
}
for place, template in CHOICES.items():
    for what, value in {"unknown": "carrier-pigeon", "case": "DIRECT-ISH"}.items():
        add(
            f"choice {what}: {place}",
            *(part.replace("{v}", value) for part in template),
            stdin=b"hi\n",
        )

for score in ("fit", "happy"):
    for what, value in {"0": "0", "6": "6", "word": "high", "huge": "9" * 25}.items():
        argv = ["reflect", "1", *SCORES, "--decision", "continue"]
        argv[argv.index(f"--{score}") + 1] = value
        add(f"score {what}: {score}", *argv)

for what, value in {"infinite": "inf", "NaN": "nan", "huge": "1e300"}.items():
    add(f"number {what}: agenda --days", "agenda", "--days", value)
    add(f"number {what}: today --week", "today", "--week", value)
for what, value in {"zero": "0", "word": "first", "huge": "9" * 30}.items():
    add(f"number {what}: draft --nugget", "draft", "thank-you", "1", "--nugget", value)


# --- debrief files (JSON and YAML), from a file and from stdin ---------------------------------

DEBRIEFS: dict[str, bytes] = {
    "a list": b"- a\n- b\n",
    "a number": b"42",
    "empty": b"",
    "unknown field": b'{"nuggest": ["x"]}',
    "broken YAML": b"nuggets: [unclosed\n",
    "broken JSON": b'{"nuggets": ["x"',
    "not UTF-8": b"nuggets: [caf\xe9]",
    "binary": bytes(range(256)),
    "deep JSON": b"[" * 100_000,
    "deep YAML": b"nuggets: " + b"[" * 1_200,
    "YAML alias bomb": b"a: &a [x, x]\nb: &b [*a, *a]\nnuggets: [*b, *b]\n",
    "python tag": b"nuggets: !!python/object/apply:os.system [echo hi]\n",
    "explicit int": b"nuggets: [!!int 5]\n",
    "JSON number item": b'{"nuggets": [5]}',
    "JSON boolean item": b'{"liked": [true]}',
    "nested list item": b'{"liked": [["x"]]}',
    "map for a list": b'{"liked": {"a": 1}}',
    "lone surrogate": b'{"nuggets": ["\\ud83d"]}',
    "escape sequence": b'{"nuggets": ["\\u001b]8;;https://evil.example\\u0007x"]}',
    "NUL": b'{"nuggets": ["a\\u0000b"]}',
    "line break in an item": b'{"nuggets": ["a\\nb"]}',
    "item too long": json.dumps({"nuggets": ["x" * 2001]}).encode(),
    "huge number": b'{"nuggets": [' + b"9" * 5000 + b"]}",
    "question without text": b'{"questions": [{"quality": "good"}]}',
    "question as a map": b'{"questions": [{"question": {"a": 1}}]}',
    "unknown quality": b'{"questions": [{"question": "Q", "quality": "brilliant"}]}',
    "boolean quality": b"questions: [{question: Q, quality: yes}]\n",
    "question field typo": b'{"questions": [{"question": "Q", "mood": "x"}]}',
    "question a number": b'{"questions": [5]}',
    "unknown overall": b"overall: meh\n",
    "over a megabyte": b'{"nuggets": ["' + b"x" * 1_000_001 + b'"]}',
}
FROM_STDIN_TOO = (
    "a list",
    "empty",
    "broken YAML",
    "not UTF-8",
    "deep YAML",
    "lone surrogate",
    "escape sequence",
    "boolean quality",
)
for what, content in DEBRIEFS.items():
    add(
        f"debrief file {what}",
        "debrief",
        "1",
        "--file",
        "{dir}/debrief",
        files={"debrief": content},
    )
    if what in FROM_STDIN_TOO:
        add(f"debrief stdin {what}", "debrief", "1", "--file", "-", stdin=content)
add("debrief file missing", "debrief", "1", "--file", "{dir}/nowhere.json")
add("debrief file a folder", "debrief", "1", "--file", "{dir}")


# --- backups: import json --replace with one bad value; the seeded database must stay ---------


def _backup(
    change: dict[str, dict[str, object]], extra_rows: dict[str, list[object]] | None = None
) -> bytes:
    """A minimal, otherwise valid backup: one opportunity; `change` overrides columns."""
    tables: dict[str, list[object]] = {
        "opportunities": [
            {
                "id": 1,
                "company": "Acme",
                "role": "Engineer",
                "route": "direct",
                "created_at": "2026-03-01T09:00:00+00:00",
                "tz": "Europe/London",
                "status": "new",
                "closed": 0,
            }
        ],
        "people": [
            {
                "id": 1,
                "opportunity_id": 1,
                "name": "Dana Kim",
                "role": "interviewer",
                "email": "dana@acme.example",
                "phone": None,
                "title": None,
                "source": "typed",
            }
        ],
        "interviews": [
            {
                "id": 1,
                "opportunity_id": 1,
                "round": 1,
                "start_at": "2026-03-10T10:00:00+00:00",
                "end_at": "2026-03-10T11:00:00+00:00",
                "tz": "Europe/London",
                "format": "onsite",
                "location": None,
                "recruiter_call_at": None,
                "cancelled": False,
                "invite_uid": None,
                "invite_sequence": None,
            }
        ],
        "profile": [
            {
                "id": 1,
                "name": "Sam",
                "email": "sam@example.org",
                "phone": None,
                "signature": None,
                "skills": None,
                "experience": None,
                "language": "en-GB",
            }
        ],
    }
    for table, columns in change.items():
        tables[table][0].update(columns)  # type: ignore[union-attr]
    for table, rows in (extra_rows or {}).items():
        tables.setdefault(table, []).extend(rows)
    document = {"format": "afterview-backup", "version": 1, "tables": tables}
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


BACKUPS: dict[str, bytes] = {
    "100,000-character company": _backup({"opportunities": {"company": "A" * 100_000}}),
    "NUL in a role": _backup({"opportunities": {"role": "Eng\x00ineer"}}),
    "escape in a name": _backup({"people": {"name": "Dana\x1b]0;x\x07"}}),
    "line break in a name": _backup({"people": {"name": "Dana\nKim"}}),
    "bidi in a title": _backup({"people": {"title": "\u202eCEO"}}),
    "empty company": _backup({"opportunities": {"company": "  "}}),
    "invalid profile email": _backup({"profile": {"email": "sam at example"}}),
    "invalid person email": _backup({"people": {"email": "dana@"}}),
    "text in a number column": _backup({"interviews": {"round": "first"}}),
    "float in a number column": _backup({"interviews": {"round": 1.5}}),
    "boolean in a number column": _backup({"opportunities": {"closed": True}}),
    "number in a boolean column": _backup({"interviews": {"cancelled": 2}}),
    "list in a text column": _backup({"opportunities": {"company": ["a"]}}),
    "object in a text column": _backup({"people": {"name": {"first": "Dana"}}}),
    "number in a text column": _backup({"opportunities": {"role": 7}}),
    "id past bigint": _backup({"opportunities": {"id": 2**63}}),
    "id past integer": _backup({"opportunities": {"id": 2**31}}),
    "negative round": _backup({"interviews": {"round": -(2**40)}}),
    "naive time": _backup({"interviews": {"start_at": "2026-03-10T10:00:00"}}),
    "year 9999": _backup({"interviews": {"end_at": "9999-12-31T23:00:00+00:00"}}),
    "30 February": _backup({"interviews": {"start_at": "2026-02-30T10:00:00+00:00"}}),
    "time as a number": _backup({"interviews": {"start_at": 1741600800}}),
    "unknown zone": _backup({"interviews": {"tz": "Mars/Olympus"}}),
    "unknown route": _backup({"opportunities": {"route": "pigeon"}}),
    "unknown role": _backup({"people": {"role": "overlord"}}),
    "unknown language": _backup({"profile": {"language": "tlh"}}),
    "phone too long": _backup({"people": {"phone": "0" * 41}}),
    "missing company": _backup({"opportunities": {"company": None}}),
    "lone surrogate": _backup({"people": {"name": "Dana\udc80"}}),
    "score 9": _backup(
        {},
        {
            "reflections": [
                {
                    "id": 1,
                    "opportunity_id": 1,
                    "interview_id": 1,
                    "recorded_at": "2026-03-12T09:00:00+00:00",
                    "fit": 9,
                    "growth": 3,
                    "culture": 3,
                    "values": 3,
                    "happy": 3,
                    "concerns": None,
                    "decision": "continue",
                }
            ]
        },
    ),
    "debrief item as a list": _backup(
        {},
        {
            "debriefs": [
                {"interview_id": 1, "recorded_at": "2026-03-10T12:00:00+00:00", "overall": None}
            ],
            "debrief_items": [
                {"id": 1, "interview_id": 1, "section": "nugget", "position": 0, "text": ["a", "b"]}
            ],
        },
    ),
    "dangling person": _backup({"people": {"opportunity_id": 42}}),
    "unknown table": _backup({}, {"secrets": [{"id": 1}]}),
    "unknown column": _backup({"people": {"shoe_size": 44}}),
    "deep nesting": b"[" * 100_000,
    "huge number": b'{"format": "afterview-backup", "version": 1, "x": ' + b"9" * 5000 + b"}",
    "not JSON": b"Dear recruiter,\n",
    "not UTF-8": b'{"format": "afterview-backup\xe9"}',
    "another format": b'{"format": "someone-else", "tables": {}}',
    "future version": b'{"format": "afterview-backup", "version": 2, "tables": {}}',
    "rows not objects": b'{"format": "afterview-backup", "version": 1, "tables": {"people": [5]}}',
}
for what, content in BACKUPS.items():
    add(
        f"import json {what}",
        "import",
        "json",
        "{dir}/backup.json",
        "--replace",
        files={"backup.json": content},
    )
add("import json missing file", "import", "json", "{dir}/nowhere.json", "--replace")
add(
    "import json into a non-empty database",
    "import",
    "json",
    "{dir}/backup.json",
    files={"backup.json": _backup({})},
)


# --- other files: invitations, business cards, emails to check, exports --------------------------

INVITES = {
    "not a calendar": b"Dear Sam, see you Tuesday.\n",
    "binary": bytes(range(256)) * 4,
    "no event": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    "not UTF-8": b"BEGIN:VCALENDAR\r\nSUMMARY:caf\xe9\r\n",
}
for what, content in INVITES.items():
    add(
        f"import invite {what}",
        "import",
        "invite",
        "{dir}/invite.ics",
        "--opp",
        "1",
        files={"invite.ics": content},
    )
CARDS = {
    "not a card": b"Dana Kim, Northwind\n",
    "binary": bytes(range(256)) * 4,
    "empty": b"",
}
for what, content in CARDS.items():
    add(
        f"import vcard {what}",
        "import",
        "vcard",
        "{dir}/card.vcf",
        "1",
        files={"card.vcf": content},
    )
for what, content in {"binary": b"Dear Dana,\x00\x01\x02", "not UTF-8": b"Dear Jos\xe9,"}.items():
    add(f"check file {what}", "check", "{dir}/email.txt", files={"email.txt": content})
    add(f"check stdin {what}", "check", "-", stdin=content)
add("check missing file", "check", "{dir}/nowhere.txt")
for kind in ("json", "ics"):
    add(f"export {kind} into a missing folder", "export", kind, "{dir}/no/such/folder/out")
    add(f"export {kind} onto a folder", "export", kind, "{dir}")


# --- settings, words, actions ---------------------------------------------------------------

for what, pair in {
    "unknown": "colour=blue",
    "no equals": "timezone",
    "bad zone": "timezone=Mars",
    "not a number": "follow_up_guard_days=soon",
}.items():
    add(f"config set {what}", "config", "set", pair)
for what, word in {
    "symbols": "C++",
    "too long": "a" * 61,
    "spaces": "two words",
    "escape": "w\x1bord",
}.items():
    add(f"words add {what}", "words", "add", word)
add("words remove absent", "words", "remove", "nonexistent")
for what, value in {
    "port word": ("--smtp-port", "twenty-five"),
    "port huge": ("--imap-port", "99999999999999999999"),
    "security": ("--smtp-security", "ssl3"),
}.items():
    add(f"mail set {what}", "mail", "set", *value)
add("profile language", "profile", "set", "--language", "tlh")
for what, key in {"unknown": "NOPE", "escape": "P4:\x1b[2Jx", "long": "P" * 10_000}.items():
    add(f"action key {what}: done", "done", key)
    add(f"action key {what}: reopen", "reopen", key)
add("skip reason blank", "skip", "P4:debrief:interview=1", "--reason", " ")
add("skip reason NUL", "skip", "P4:debrief:interview=1", "--reason", "no\x00")
add("command typo", "hire-me")
add("option typo", "opp", "add", "--compnay", "C")
add("missing option", "opp", "add", "--company", "C")
add("agenda option typo", "agenda", "--bogus")
add("check option typo", "check", "--bogus")
