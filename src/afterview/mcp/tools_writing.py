"""Drafts and checks: compose (P1, P5, P7, P8, P12), edit, check any text, queue to send.

Sending is the one step that cannot be taken back, so `queue_draft_to_send` needs
`confirm_send: true`, which its description reserves for a person's explicit yes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from afterview.errors import BadInput
from afterview.mcp.registry import Answer, Call, Tool
from afterview.mcp.schema import choice, ident, integer, moment, obj, text

if TYPE_CHECKING:
    from afterview.writing.checker import Report

KINDS = ("thank-you", "follow-up", "withdrawal", "recruiter-call", "accept", "decline")
DRAFT = ident("The draft's id (create_draft and list_drafts give it).")


def _summary(report: Report) -> str:
    plain = report.to_plain()
    findings: list[dict[str, Any]] = list(plain["findings"])  # type: ignore[call-overload]
    if not findings:
        return f"No problems found; {plain['words']} words (limit about {plain['word_limit']})."
    lines = [f"{len(findings)} finding(s), {plain['errors']} error(s):"]
    for f in findings[:15]:
        fix = f" → {f['suggestions'][0]}" if f["suggestions"] else ""
        lines.append(f"- line {f['line']}: {f['severity']}: {f['message']}{fix}")
    return "\n".join(lines)


def _checked(call: Call, draft_id: int) -> tuple[dict[str, Any], Report]:
    from afterview.services.drafts import check_draft

    view, report = check_draft(call.app, draft_id, now=call.now)
    return {**view.to_plain(), "check": report.to_plain()}, report


def list_drafts(call: Call) -> Answer:
    from afterview.services.drafts import list_drafts as listing

    views = listing(call.app, now=call.now, opp_id=call.get("opportunity_id"))
    rows = [v.to_plain() for v in views]
    text_ = "\n".join(
        f"- {v.id}: {v.kind} to {v.to_name or '?'} ({v.company}) "
        f"{'sent' if v.sent_at else 'draft'}: {v.subject}"
        for v in views
    )
    return Answer({"drafts": rows}, text_ or "No drafts yet: create_draft writes one.")


def show_draft(call: Call) -> Answer:
    from afterview.services.drafts import get_draft

    view = get_draft(call.app, int(call.args["draft_id"]), now=call.now)
    return Answer(view.to_plain(), view.editable_text())


def check_text(call: Call) -> Answer:
    from afterview.services.checking import check

    report = check(
        call.app,
        call.args["text"],
        now=call.now,
        opp_id=call.get("opportunity_id"),
        interview_id=call.get("interview_id"),
        kind=call.get("kind"),
        language=call.get("language"),
    )
    return Answer(report.to_plain(), _summary(report))


def check_draft(call: Call) -> Answer:
    plain, report = _checked(call, int(call.args["draft_id"]))
    return Answer(plain, _summary(report))


def create_draft(call: Call) -> Answer:
    from afterview.services.drafts import draft_for_opportunity, draft_thank_you

    kind = call.args["kind"]
    to = call.get("to_person_id")
    if kind == "thank-you":
        if call.get("interview_id") is None:
            raise BadInput("A thank-you is for an interview: give interview_id (P5).")
        views = draft_thank_you(
            call.app, int(call.args["interview_id"]), now=call.now, to=to, nugget=call.get("nugget")
        )
    else:
        if call.get("opportunity_id") is None:
            raise BadInput(f"A {kind} draft is for an opportunity: give opportunity_id.")
        if call.get("nugget") is not None:
            raise BadInput("nugget is for a thank-you (P5) only.")
        views = [
            draft_for_opportunity(
                call.app, int(call.args["opportunity_id"]), kind, now=call.now, to=to
            )
        ]
    drafts = []
    lines = []
    for view in views:
        plain, report = _checked(call, view.id)
        plain["notes"] = list(view.notes)
        drafts.append(plain)
        lines.append(f"Draft {view.id}: {view.kind} to {view.to_name or '?'}. {_summary(report)}")
        lines.extend(f"Note: {note}" for note in view.notes)
    return Answer({"drafts": drafts}, "\n".join(lines))


def set_profile(call: Call) -> Answer:
    from afterview.services.profile import set_profile as save

    fields = ("name", "email", "phone", "signature", "skills", "experience", "language")
    profile = save(call.app, now=call.now, **{name: call.get(name) for name in fields})
    return Answer(
        {
            "name": profile.name,
            "email": profile.email,
            "skills": list(profile.skills),
            "experience": profile.experience,
            "language": profile.language,
        },
        f"Profile saved: {profile.name} <{profile.email}>, {profile.language}.",
    )


def update_draft(call: Call) -> Answer:
    from afterview.services.drafts import edit_draft

    draft_id = int(call.args["draft_id"])
    if not any(call.get(name) is not None for name in ("subject", "body", "to")):
        raise BadInput("Nothing to change: give subject, body or to.")
    edit_draft(
        call.app,
        draft_id,
        now=call.now,
        subject=call.get("subject"),
        body=call.get("body"),
        to=call.get("to"),
    )
    plain, report = _checked(call, draft_id)
    return Answer(plain, f"Saved draft {draft_id}. {_summary(report)}")


def queue_draft_to_send(call: Call) -> Answer:
    from afterview.services.outbox import queue

    if call.get("confirm_send") is not True:
        raise BadInput("Sending needs confirm_send: true, given only after the person said yes.")
    entry = queue(call.app, int(call.args["draft_id"]), now=call.now, at=call.time("at"))
    when = "now" if entry.due_at <= call.now else entry.due_at.isoformat(timespec="minutes")
    return Answer(
        entry.to_plain(),
        f"Queued draft {entry.message_id} as outbox {entry.id}: it leaves {when} "
        "(while `afterview serve` runs, or at the next `afterview outbox run`).",
    )


CONTEXT = {
    "opportunity_id": ident("Check names and nuggets against this opportunity."),
    "interview_id": ident("Check against this interview's people and debrief nuggets."),
}

READ_TOOLS = [
    Tool(
        "list_drafts",
        "List drafts",
        "Drafts and sent messages, oldest first, optionally of one opportunity.",
        obj({"opportunity_id": ident("Only this opportunity's drafts.")}),
        list_drafts,
    ),
    Tool(
        "show_draft",
        "Show a draft",
        "One draft as it would be sent: subject, recipient and body.",
        obj({"draft_id": DRAFT}, ("draft_id",)),
        show_draft,
    ),
    Tool(
        "check_text",
        "Check a text",
        "Check any email text before it is sent (P5): spelling (the candidate's English, "
        "people's and organisations' names known), names spelled as recorded, grammar slips, "
        "negative wording, leftover placeholders, length, and a thank-you's three parts. "
        "Returns findings with line, severity, message and suggested replacements. Call it "
        "on every text you write for the candidate, and fix every error before finishing.",
        obj(
            {
                "text": text("The text to check (may start with Subject: / To: lines).", 20000),
                **CONTEXT,
                "kind": choice(KINDS, "What the text is (thank-you checks P5's three parts)."),
                "language": choice(("en-GB", "en-US"), "British or American spelling."),
            },
            ("text",),
        ),
        check_text,
        idempotent=True,
    ),
    Tool(
        "check_draft",
        "Check a draft",
        "Check a stored draft exactly as it would be sent, with everything its opportunity "
        "knows; findings come with suggestions.",
        obj({"draft_id": DRAFT}, ("draft_id",)),
        check_draft,
        idempotent=True,
    ),
]

WRITE_TOOLS = [
    Tool(
        "set_profile",
        "Set the candidate's profile",
        "Who drafts are from and what they say about the candidate: name and email (needed "
        "before the first draft), skills and experience (the thank-you's sell, P5), English "
        "(en-GB or en-US spelling). Only the fields given change; ask the candidate for them.",
        obj(
            {
                "name": text("The candidate's full name.", 120),
                "email": text("The candidate's email address (drafts are sent from it).", 254),
                "phone": text("Phone number.", 40),
                "signature": text("Lines under the name (\\n for new lines).", 500),
                "skills": text(
                    "Skills, comma-separated, e.g. 'Python, SQL, data pipelines'.", 2000
                ),
                "experience": text("One phrase, e.g. 'six years building data platforms'.", 300),
                "language": choice(("en-GB", "en-US"), "British or American spelling."),
            }
        ),
        set_profile,
        writes=True,
        idempotent=True,
    ),
    Tool(
        "create_draft",
        "Create a draft",
        "Compose a draft from the recorded facts and the candidate's profile, stored and "
        "checked: `thank-you` (P5; give interview_id: one per interviewer, each with a "
        "debrief nugget as its specific point, or only to to_person_id), `follow-up` (P8; "
        "refused inside the weekly guard), `withdrawal` (P7), `recruiter-call` (P1's call "
        "script), `accept` / `decline` (P12) — those four take opportunity_id. Nothing is sent.",
        obj(
            {
                "kind": choice(KINDS, "Which message."),
                "interview_id": ident("For a thank-you: the interview."),
                "opportunity_id": ident("For the other kinds: the opportunity."),
                "to_person_id": ident("Address only this person (a person id)."),
                "nugget": integer("For a thank-you: use the debrief's Nth nugget.", 1, 100),
            },
            ("kind",),
        ),
        create_draft,
        writes=True,
    ),
    Tool(
        "update_draft",
        "Update a draft",
        "Change a draft's subject, body or recipient ('Name <address>'), then check it again. "
        "A sent message cannot change. Keep a thank-you's three parts (P5).",
        obj(
            {
                "draft_id": DRAFT,
                "subject": text("One line.", 200),
                "body": text("The whole body, greeting to signature.", 20000),
                "to": text("The recipient: 'Name <address>'.", 320),
            },
            ("draft_id",),
        ),
        update_draft,
        writes=True,
        idempotent=True,
    ),
    Tool(
        "queue_draft_to_send",
        "Queue a draft to be sent",
        "Queue a draft to be sent by email (SMTP) at `at`, by default a thank-you's P5 time. "
        "SENDING CANNOT BE UNDONE: call this only after the person has read the final text "
        "and explicitly confirmed that it should be sent, and then pass confirm_send: true. "
        "Never set confirm_send on your own judgement. Refused for a follow-up that breaks "
        "P8's weekly pacing, a draft without an address, or when no mail server is set.",
        obj(
            {
                "draft_id": DRAFT,
                "confirm_send": {
                    "type": "boolean",
                    "const": True,
                    "description": "true only when the person explicitly confirmed sending.",
                },
                "at": moment("When it should leave (default: a thank-you's P5 time, else now)."),
            },
            ("draft_id", "confirm_send"),
        ),
        queue_draft_to_send,
        writes=True,
        destructive=True,
    ),
]
