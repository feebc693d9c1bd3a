"""Write tools that record facts: each is one service call, in one transaction.

Validation and errors are the services' own (the CLI's), so a value the CLI refuses
is refused here with the same one-line message, and nothing is written.
"""

from __future__ import annotations

from typing import Any

from afterview.mcp.registry import Answer, Call, Tool
from afterview.mcp.schema import (
    choice,
    day,
    ident,
    integer,
    moment,
    obj,
    text,
)
from afterview.playbook.facts import (
    Channel,
    ContactKind,
    FitDecision,
    InterviewFormat,
    Outcome,
    PersonRole,
    Route,
    Source,
)

OPP = ident("The opportunity's id (list_opportunities shows ids).")
PLAN_CHANGED = "The plan is updated; call today to see what is due."


def record_opportunity(call: Call) -> Answer:
    from afterview.services.records import add_opportunity

    opp_id = add_opportunity(
        call.app,
        company=call.args["company"],
        role=call.args["role"],
        route=Route(call.args["route"]),
        now=call.now,
        recruiter_name=call.get("recruiter_name"),
        recruiter_email=call.get("recruiter_email"),
        recruiter_phone=call.get("recruiter_phone"),
        org_tz=call.get("org_timezone"),
        holiday_country=call.get("holidays"),
    )
    return Answer({"opportunity_id": opp_id}, f"Opportunity {opp_id} recorded. {PLAN_CHANGED}")


def record_where_they_work(call: Call) -> Answer:
    from afterview.services.records import set_organisation_place

    set_organisation_place(
        call.app,
        call.args["opportunity_id"],
        call.now,
        org_tz=call.get("org_timezone"),
        holiday_country=call.get("holidays"),
    )
    return Answer(
        {"opportunity_id": call.args["opportunity_id"]},
        f"Saved where the interviewers work. {PLAN_CHANGED}",
    )


ORG_ZONE = text(
    "The IANA zone the interviewers work in, when it is not the interview's (e.g. "
    "America/New_York): thank-yous and follow-ups land in their working hours (P5, P8). "
    "An empty string clears it.",
    64,
)
HOLIDAYS = text(
    "Whose public holidays the organisation keeps: an ISO code such as US or GB-SCT "
    "(default: the holiday_country setting). An empty string clears it.",
    10,
)


def record_interview(call: Call) -> Answer:
    from afterview.parsing import parse_name_and_email, parse_zone
    from afterview.services.records import NewInterviewer, add_interview

    zone = parse_zone(call.args["timezone"]).key if call.get("timezone") else call.app.timezone
    people = []
    for entry in call.get("interviewers", []):
        name, email = parse_name_and_email(entry["name"])
        people.append(NewInterviewer(name, entry.get("email") or email))
    start, end = call.time("start", zone), call.time("end", zone)
    assert start is not None and end is not None  # required by the schema
    interview_id = add_interview(
        call.app,
        int(call.args["opportunity_id"]),
        start=start,
        end=end,
        tz=zone,
        now=call.now,
        format=InterviewFormat(call.get("format", InterviewFormat.ONSITE.value)),
        location=call.get("location"),
        interviewers=tuple(people),
        interviewer_ids=tuple(call.get("interviewer_ids", [])),
        recruiter_call_at=call.time("recruiter_call_at", zone),
    )
    return Answer(
        {"interview_id": interview_id}, f"Interview {interview_id} recorded. {PLAN_CHANGED}"
    )


def record_person(call: Call) -> Answer:
    from afterview.services.records import add_person

    person_id = add_person(
        call.app,
        int(call.args["opportunity_id"]),
        name=call.args["name"],
        role=PersonRole(call.args["role"]),
        now=call.now,
        email=call.get("email"),
        phone=call.get("phone"),
        title=call.get("title"),
        source=Source(call.get("source", Source.TYPED.value)),
    )
    return Answer({"person_id": person_id}, f"Person {person_id} recorded.")


def update_person(call: Call) -> Answer:
    from afterview.services.records import edit_person

    person_id = int(call.args["person_id"])
    role, source = call.get("role"), call.get("source")
    edit_person(
        call.app,
        person_id,
        call.now,
        name=call.get("name"),
        email=call.get("email"),
        phone=call.get("phone"),
        title=call.get("title"),
        role=PersonRole(role) if role else None,
        source=Source(source) if source else None,
    )
    return Answer({"person_id": person_id}, f"Person {person_id} updated. {PLAN_CHANGED}")


def record_timeline(call: Call) -> Answer:
    from afterview.services.records import set_timeline

    opp_id = int(call.args["opportunity_id"])
    how = call.get("follow_up_how")
    set_timeline(
        call.app,
        opp_id,
        now=call.time_or_now("at"),
        decision_by=call.day("decision_by"),
        follow_up_with=call.get("follow_up_with"),
        follow_up_how=Channel(how) if how else None,
        follow_up_on=call.day("follow_up_on"),
    )
    return Answer({"opportunity_id": opp_id}, f"Timeline recorded. {PLAN_CHANGED}")


def record_contact(call: Call) -> Answer:
    from afterview.services.records import log_contact

    logged = log_contact(
        call.app,
        int(call.args["opportunity_id"]),
        kind=ContactKind(call.args["kind"]),
        channel=Channel(call.args["channel"]),
        at=call.time_or_now("at"),
        now=call.now,
        person_id=call.get("person_id"),
        note=call.get("note"),
    )
    warning = f" Logged, but {logged.flag}." if logged.flag else ""
    return Answer(
        {"contact_id": logged.id, "flag": logged.flag}, f"Contact {logged.id} logged.{warning}"
    )


def record_reply(call: Call) -> Answer:
    from afterview.services.records import record_reply as record

    reply_id = record(
        call.app,
        int(call.args["opportunity_id"]),
        at=call.time_or_now("at"),
        now=call.now,
        note=call.get("note"),
    )
    return Answer(
        {"reply_id": reply_id},
        "Reply recorded; follow-ups are paused until a new timeline (P8).",
    )


def record_debrief(call: Call) -> Answer:
    from afterview.services.debriefs import debrief_to_plain
    from afterview.services.debriefs import record_debrief as record

    interview_id = int(call.args["interview_id"])
    saved = record(call.app, interview_id, call.args["debrief"], call.time_or_now("at"))
    plain = {"interview_id": interview_id, "debrief": debrief_to_plain(saved)}
    return Answer(plain, f"Debrief saved for interview {interview_id} (P4). {PLAN_CHANGED}")


def record_reflection(call: Call) -> Answer:
    from afterview.services.records import reflect

    scores = {name: int(call.args[name]) for name in SCORES}
    decision = FitDecision(call.args["decision"])
    reflection_id = reflect(
        call.app,
        int(call.args["opportunity_id"]),
        scores=scores,
        decision=decision,
        now=call.time_or_now("at"),
        concerns=call.get("concerns"),
    )
    text_ = (
        "Withdrawal decided: pending follow-ups are cancelled; draft the withdrawal "
        "(create_draft kind withdrawal)."
        if decision is FitDecision.WITHDRAW
        else "Reflection recorded: continue."
    )
    return Answer({"reflection_id": reflection_id, "decision": decision.value}, text_)


def record_outcome(call: Call) -> Answer:
    from afterview.services.records import record_outcome as record

    opp_id = int(call.args["opportunity_id"])
    outcome = Outcome(call.args["outcome"])
    record(call.app, opp_id, outcome, at=call.time_or_now("at"), now=call.now)
    return Answer(
        {"opportunity_id": opp_id, "outcome": outcome.value},
        f"Opportunity {opp_id}: {outcome.value}. {PLAN_CHANGED}",
    )


SCORES = {
    "fit": "Is this organisation a good fit for me? (1–5)",
    "growth": "Can I see myself growing and furthering my career here? (1–5)",
    "culture": "Will I fit the organisation's culture? (1–5)",
    "values": "Are our values and ethics aligned? (1–5)",
    "happy": "Would I be happy working here? (1–5)",
}
EMAIL = text("Email address.", 254)
PERSON_FIELDS: dict[str, Any] = {
    "name": text("Full name, spelled as they spell it.", 200),
    "role": choice(PersonRole, "Their part in the process."),
    "email": EMAIL,
    "phone": text("Phone number.", 40),
    "title": text("Their job title.", 200),
    "source": choice(Source, "Where the details came from (P3)."),
}
LIST_OF_TEXT = {"type": "array", "items": {"type": "string"}}
DEBRIEF = {
    "type": "object",
    "description": (
        "The debrief (P4). Fields: went_well, cover_more, nuggets (facts about the role or "
        "organisation: each can become the thank-you's specific point, P5), new_questions, "
        "liked, disliked, concerns (lists of text), overall (good | mixed | poor), and "
        "questions: a list of {question, quality: good | weak | wrong, reason: misread | "
        "forgot | incorrect | other, add_next_time}. Unknown fields are refused, naming them. "
        "An existing debrief is replaced; the earlier version is kept in its history."
    ),
    "properties": {
        "went_well": LIST_OF_TEXT,
        "cover_more": LIST_OF_TEXT,
        "nuggets": {"type": "array"},
        "new_questions": LIST_OF_TEXT,
        "liked": LIST_OF_TEXT,
        "disliked": LIST_OF_TEXT,
        "concerns": LIST_OF_TEXT,
        "overall": {"type": ["string", "null"], "enum": ["good", "mixed", "poor", None]},
        "questions": {"type": "array"},
    },
}
AT_HAPPENED = moment("When it happened (default now); never in the future.")

TOOLS = [
    Tool(
        "record_opportunity",
        "Record an opportunity",
        "Add an opportunity: one role at one organisation. Route `recruiter` when a "
        "recruitment consultant arranged it (give their name, and email or phone: P1 plans "
        "a call to them), `direct` when the candidate applied. Returns its id.",
        obj(
            {
                "company": text("The organisation, spelled as it spells itself.", 200),
                "role": text("The role's title.", 200),
                "route": choice(Route, "Via a recruiter, or direct."),
                "recruiter_name": text("The recruitment consultant (route recruiter).", 200),
                "recruiter_email": EMAIL,
                "recruiter_phone": text("The recruiter's phone number.", 40),
                "org_timezone": ORG_ZONE,
                "holidays": HOLIDAYS,
            },
            ("company", "role", "route"),
        ),
        record_opportunity,
        writes=True,
    ),
    Tool(
        "record_where_they_work",
        "Record where the interviewers work",
        "Set the zone the interviewers work in and whose public holidays they keep, for an "
        "interview across time zones: the candidate's own steps stay in their zone, "
        "messages land in the interviewers' working hours (P5, P8).",
        obj(
            {"opportunity_id": OPP, "org_timezone": ORG_ZONE, "holidays": HOLIDAYS},
            ("opportunity_id",),
        ),
        record_where_they_work,
        writes=True,
    ),
    Tool(
        "record_interview",
        "Record an interview",
        "Add an interview (the next round) to an opportunity, with its start and end in the "
        "interview's own IANA time zone; the plan P1–P11 is built around it. Interviewers "
        "are added as people (an existing one is reused by email, else by name).",
        obj(
            {
                "opportunity_id": OPP,
                "start": moment("When it starts."),
                "end": moment("When it ends."),
                "timezone": text("IANA zone of the interview, e.g. Europe/London.", 64),
                "format": choice(InterviewFormat, "How it is held (default onsite)."),
                "location": text("Address or meeting link.", 500),
                "interviewers": {
                    "type": "array",
                    "maxItems": 20,
                    "description": "New interviewers: a name and, when known, an email (P3).",
                    "items": obj({"name": text("Full name.", 200), "email": EMAIL}, ("name",)),
                },
                "interviewer_ids": {
                    "type": "array",
                    "items": {"type": "integer", "minimum": 1},
                    "description": "People already recorded on the opportunity.",
                },
                "recruiter_call_at": moment("A call with the recruiter already arranged (P1)."),
            },
            ("opportunity_id", "start", "end"),
        ),
        record_interview,
        writes=True,
    ),
    Tool(
        "record_person",
        "Record a person",
        "Add a person met (interviewer, hiring manager, recruiter, receptionist, other) to "
        "an opportunity, with where the details came from (P3). Returns the person's id.",
        obj({"opportunity_id": OPP, **PERSON_FIELDS}, ("opportunity_id", "name", "role")),
        record_person,
        writes=True,
    ),
    Tool(
        "update_person",
        "Update a person",
        "Change a person's details, e.g. the email address the receptionist gave (P3); "
        "only the fields given change.",
        obj(
            {"person_id": ident("The person's id (show_opportunity lists people).")}
            | PERSON_FIELDS,
            ("person_id",),
        ),
        update_person,
        writes=True,
        idempotent=True,
    ),
    Tool(
        "record_timeline",
        "Record the hiring timeline (P6)",
        "Record what the candidate was told about the decision (P1, P2, P6): the expected "
        "decision date, whom to follow up with, how and when. Follow-ups (P8) restart from it.",
        obj(
            {
                "opportunity_id": OPP,
                "decision_by": day("When they expect to decide."),
                "follow_up_with": ident("The person to follow up with (a person id)."),
                "follow_up_how": choice(Channel, "How to follow up."),
                "follow_up_on": day("When they said to follow up."),
                "at": moment("When the candidate was told (default now)."),
            },
            ("opportunity_id",),
        ),
        record_timeline,
        writes=True,
    ),
    Tool(
        "record_contact",
        "Log a contact",
        "Log a contact the candidate already made (email sent, call made, message left). "
        "Pacing reads this log (P8): a follow-up within a week of another is kept but "
        "flagged. To mark a planned step done, prefer mark_done (it logs the contact too).",
        obj(
            {
                "opportunity_id": OPP,
                "kind": choice(ContactKind, "What the contact was."),
                "channel": choice(Channel, "How it was made."),
                "at": AT_HAPPENED,
                "person_id": ident("Whom it was with (a person id)."),
                "note": text("A short note.", 500),
            },
            ("opportunity_id", "kind", "channel"),
        ),
        record_contact,
        writes=True,
    ),
    Tool(
        "record_reply",
        "Record a reply",
        "Record a reply or news from the organisation or recruiter: follow-ups pause until a "
        "new timeline is recorded (P8).",
        obj(
            {"opportunity_id": OPP, "at": AT_HAPPENED, "note": text("What they said.", 2000)},
            ("opportunity_id",),
        ),
        record_reply,
        writes=True,
    ),
    Tool(
        "record_debrief",
        "Record a debrief (P4)",
        "Save (or replace) an interview's debrief (P4). Its nuggets feed the thank-you (P5), "
        "its questions the next-round brief (P10) and the lessons (P11).",
        obj(
            {
                "interview_id": ident("The interview's id (show_opportunity lists them)."),
                "debrief": DEBRIEF,
                "at": moment("When it was written (default now)."),
            },
            ("interview_id", "debrief"),
        ),
        record_debrief,
        writes=True,
        idempotent=True,
    ),
    Tool(
        "record_reflection",
        "Record the fit reflection (P7)",
        "The candidate's fit reflection after an interview (P7): five scores from 1 to 5, "
        "any concerns, and the decision. `withdraw` closes the opportunity, cancels pending "
        "follow-ups and plans a courteous withdrawal. Ask the candidate; never decide for them.",
        obj(
            {
                "opportunity_id": OPP,
                **{name: integer(question, 1, 5) for name, question in SCORES.items()},
                "concerns": text("Anything seen or heard that caused concern.", 2000),
                "decision": choice(FitDecision, "Continue with the process, or withdraw."),
                "at": moment("When the candidate decided (default now)."),
            },
            ("opportunity_id", *SCORES, "decision"),
        ),
        record_reflection,
        writes=True,
    ),
    Tool(
        "record_outcome",
        "Record an outcome (P12)",
        "Record where the opportunity ended up (P12). Accepting an offer ends follow-ups and "
        "the search everywhere and plans courteous withdrawals from the other processes; "
        "`accepted` follows an `offer`.",
        obj(
            {
                "opportunity_id": OPP,
                "outcome": choice(Outcome, "The new outcome."),
                "at": AT_HAPPENED,
            },
            ("opportunity_id", "outcome"),
        ),
        record_outcome,
        writes=True,
    ),
]
