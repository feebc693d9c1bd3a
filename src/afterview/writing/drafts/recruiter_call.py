"""P1's recruiter call: a script for the candidate to speak, not an email.

Four parts in P1's order: thank them for arranging the interview; ask them to
follow up with the interviewer(s) that day; convey enthusiasm for them to relay
(with what went well, from the debrief); ask for the hiring timeline.
"""

from __future__ import annotations

from afterview.writing.drafts import wording as w
from afterview.writing.drafts.letter import assemble
from afterview.writing.drafts.notes import clean, point
from afterview.writing.drafts_model import ComposedDraft, DraftRequest

SUBJECTS = (
    "Call script: {recruiter} about {role} at {org}",
    "Call script: {recruiter} — {role} at {org}",
    "Call script for {recruiter}: {role} at {org}",
)
# {the_interview} is "today's interview" on the day itself and "yesterday's
# interview" when the call (overdue) is made the day after; "the interview" otherwise.
THANKS = (
    "Thank you so much for arranging {the_interview} for {the_role} at {org}; I really "
    "appreciated the opportunity.",
    "I wanted to say thank you for setting up {the_interview} with {org}, and for "
    "everything you did to arrange it.",
    "First of all, thank you for arranging {the_interview} at {org} — it was a really "
    "valuable conversation.",
)
ASK = (
    "Would you be able to speak to {interviewers} today on my behalf, to pass on my thanks "
    "and hear how they felt it went?",
    "Could I ask you to follow up with {interviewers} today on my behalf? Any feedback they "
    "share would be really helpful.",
    "If you have the chance to catch up with {interviewers} today, I would be grateful if "
    "you could follow up on my behalf.",
)
ENTHUSIASM = (
    "Please do let them know how enthusiastic I am about the role.",
    "I came away really excited about the role and about {org}, and I would love you to "
    "pass that on.",
    # not "keen on the role and on joining": en-US writes "excited about", and "about …
    # and on joining" would not be parallel
    "I would be grateful if you could let them know I am very keen on the role and would "
    "love to join {org}.",
)
WENT_WELL = {
    "about": ("I felt particularly good about {p}.", "I was especially pleased with {p}."),
    "that": ("I felt that {p}.", "I had the sense that {p}."),
}
TIMELINE_DATED = (
    "I understand they hope to decide by {decision} — is that still the plan, and what "
    "would the next steps be?",
    "Do you know whether {org} is still aiming to decide by {decision}, and what happens next?",
    "They mentioned a decision by {decision}; do you know if that is still the plan, and "
    "what the next steps would be?",
)
TIMELINE = (
    "Do you know whether {org} has a timeline for their decision, and when I might expect to hear?",
    "Could you find out what the hiring timeline looks like, and when they expect to make "
    "a decision?",
    "Has {org} shared a timeline for the next steps or a decision?",
)
ENDINGS = (
    "Thank you again{comma_name} — I look forward to hearing from you.",
    "Thanks again{comma_name}; speak soon.",
)


def compose(request: DraftRequest) -> ComposedDraft:
    """The call script (P1), spoken in the first person; no closing or signature."""
    say = w.Wording(request)
    language = request.profile.language
    facts = w.base_facts(request)
    names = [clean(n) for n in request.interviewers if clean(n)]
    recruiter = clean(request.recipient.name) if request.recipient else ""
    facts |= {
        "interviewers": w.join(names, language) or "the hiring team",
        "recruiter": recruiter or "your recruiter",
        "decision": w.day_month(request.decision_date, language) if request.decision_date else "",
        "comma_name": f", {facts['name']}" if facts["name"] else "",
        "the_interview": _the_interview(request),
    }
    hello = ", ".join(x for x in (f"Hello {facts['name']}".strip(), _its(facts["candidate"])) if x)
    timeline = TIMELINE_DATED if request.decision_date else TIMELINE
    body, parts = assemble(
        hello + ".",
        [
            [("thanks", say.pick(THANKS, facts))],
            [("ask-follow-up", say.pick(ASK, facts, turn=1))],
            [("enthusiasm", _enthusiasm(request, say, facts))],
            [("timeline", say.pick(timeline, facts, turn=3))],
        ],
        [say.pick(ENDINGS, facts, turn=4)],
    )
    subject = say.pick(SUBJECTS, facts, turn=len(request.previous))
    return ComposedDraft(request.kind, subject, body, parts)


def _its(candidate: str) -> str:
    return f"it's {candidate}" if candidate else ""


def _enthusiasm(request: DraftRequest, say: w.Wording, facts: dict[str, str]) -> str:
    """Enthusiasm to relay, plus the first thing that went well when it reads cleanly."""
    lead = say.pick(ENTHUSIASM, facts, turn=2)
    noted = next(
        (p for p in (point(n, max_words=14) for n in request.went_well) if p),
        None,
    )
    if noted is None or noted.form not in WENT_WELL:
        return lead
    extra = say.pick(WENT_WELL[noted.form], {**facts, "p": noted.text}, turn=2)
    return f"{lead} {extra}"


def _the_interview(request: DraftRequest) -> str:
    start, written_on = request.interview_start, request.written_on
    if start is None or written_on is None:
        return "today's interview"  # P1's call is made the same day
    days = (written_on - start.date()).days
    return {0: "today's interview", 1: "yesterday's interview"}.get(days, "the interview")
