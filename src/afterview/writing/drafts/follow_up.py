"""P8's follow-up: still interested, understands hiring takes time, asks where things
stand and whether the timeline has moved, offers anything that would help.

Polite and never pushy. A second or third follow-up is worded differently from the
first and gently acknowledges that the candidate is writing again.
"""

from __future__ import annotations

from afterview.writing.drafts import wording as w
from afterview.writing.drafts.letter import assemble
from afterview.writing.drafts_model import ComposedDraft, DraftRequest

SUBJECTS_FIRST = (
    "Following up — {role} interview",
    "Checking in — {role} at {org}",
    "{role}: following up on our interview",
)
SUBJECTS_LATER = (
    "Checking in again — {role}",
    "{role} at {org}: a further note",
    "Following up again — {role} interview",
)
INTEREST_FIRST = (
    "I hope you are well. I wanted to follow up on our interview{since} for {the_role} at "
    "{org}, and to say how interested I remain in the position.",
    "I hope all is well. Since our interview{since}, I have continued to think about "
    "{the_role}, and I remain very keen to join {org}.",
    "I wanted to get in touch to say that I am still very enthusiastic about {the_role} at "
    "{org}, and I enjoyed our conversation{since} very much.",
)
INTEREST_LATER = (
    "I hope it is all right to get in touch again about {the_role} at {org}; I remain "
    "very interested in the opportunity.",
    "I am following up once more on {the_role}, as I am still very keen on the chance to "
    "join {org}.",
    "{following}I wanted to check in again about {the_role} at {org}, which I remain very "
    "enthusiastic about.",
)
PATIENCE_FIRST = (
    "I know that hiring decisions take time, and I appreciate the care that goes into "
    "getting them right.",
    "I appreciate that there is a lot to weigh up at this stage, and I am grateful for the "
    "time you are giving it.",
    "I understand that a decision like this takes time, and I appreciate the thought going "
    "into it.",
)
PATIENCE_LATER = (
    "I appreciate that timelines can shift, and I am grateful for your patience with my questions.",
    "I realise these decisions can take longer than planned, and I am happy to wait until "
    "the time is right.",
    "I understand how much goes into a decision like this, and I appreciate the time it takes.",
)
QUESTIONS_FIRST_DATED = (
    "You mentioned {who} hoped to decide by {decision}; could you let me know where things "
    "stand, and whether there is an updated timeline?",
    "When we spoke, you mentioned {who} hoped to reach a decision by {decision}. Could you "
    "let me know how the process is progressing, and whether that timeline still holds?",
    "Could you let me know where the process has reached, and whether a decision is still "
    "expected around {decision} or the timeline has moved?",
)
QUESTIONS_FIRST = (
    "Could you let me know where things stand in the process, and whether there is a "
    "timeline for the next steps?",
    "When you have a moment, I would be grateful to hear how the process is progressing "
    "and when a decision is likely.",
    "Would you be able to share where the process has reached, and whether there is an "
    "expected timeline for a decision?",
)
QUESTIONS_LATER_DATED = (
    "Is there any news on where things stand, or an updated timeline since the {decision} "
    "date you mentioned?",
    "If you are able to share where the process has reached, or whether the {decision} "
    "timeline has moved, I would really appreciate it.",
    "Could you let me know whether the timeline has changed from the {decision} date you "
    "mentioned, and where things stand now?",
)
QUESTIONS_LATER = (
    "Is there any news on where things stand, or an updated idea of timing?",
    "If you are able to share where the process has reached, or when a decision is likely, "
    "I would really appreciate it.",
    "Could you let me know whether there is an updated timeline, and roughly when I might hear?",
)
OFFER_FIRST = (
    "If any further information or documents would help, I would be happy to send them.",
    "Please let me know if there is anything else I can provide, such as references or "
    "examples of my work.",
    "If it would be useful, I would be glad to share anything further that might help.",
)
OFFER_LATER = (
    "In the meantime, I would be glad to provide anything that would help.",
    "If anything further from me would be useful, such as references, please just let me know.",
    "I remain happy to send any further documents or information you may need.",
)


def compose(request: DraftRequest) -> ComposedDraft:
    """The follow-up (P8): the first one, or a later one worded afresh."""
    say = w.Wording(request)
    language = request.profile.language
    facts = w.base_facts(request)
    start = request.interview_start
    facts |= {
        "since": f" on {w.day_month(start.date(), language)}" if start else "",
        "decision": w.day_month(request.decision_date, language) if request.decision_date else "",
        "who": _who(request, facts["org"]),
        "following": (
            f"Following my note of {w.day_month(request.last_contact, language)}, "
            if request.last_contact
            else ""
        ),
    }
    later = request.follow_ups_sent >= 1
    dated = request.decision_date is not None
    if later:
        questions = QUESTIONS_LATER_DATED if dated else QUESTIONS_LATER
        sets = (INTEREST_LATER, PATIENCE_LATER, questions, OFFER_LATER, SUBJECTS_LATER)
    else:
        questions = QUESTIONS_FIRST_DATED if dated else QUESTIONS_FIRST
        sets = (INTEREST_FIRST, PATIENCE_FIRST, questions, OFFER_FIRST, SUBJECTS_FIRST)
    interest, patience, asks, offer, subjects = sets
    turn = request.follow_ups_sent  # successive follow-ups rotate even without `previous`
    body, parts = assemble(
        w.greeting(request.recipient, language),
        [
            [("interest", say.pick(interest, facts, turn=turn))],
            [
                ("patience", say.pick(patience, facts, turn=turn + 1)),
                ("questions", say.pick(asks, facts, turn=turn + 2)),
            ],
            [("offer", say.pick(offer, facts, turn=turn + 3))],
        ],
        [say.closing(turn=request.follow_ups_sent), *w.signature(request.profile)],
    )
    subject = say.pick(subjects, facts, turn=request.follow_ups_sent + len(request.previous))
    return ComposedDraft(request.kind, subject, body, parts)


def _who(request: DraftRequest, org: str) -> str:
    """Who decides: "you" to the hiring side, "the team at Acme" to a recruiter."""
    if request.recipient is not None and request.recipient.role == "recruiter":
        return f"the team at {org}"
    return "you"
