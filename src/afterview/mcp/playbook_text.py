"""The playbook's rules (P1–P12) as an assistant should read them: what, when, how.

Numbers that are settings are read from the user's settings, so the text an
assistant receives matches the plan Afterview computes.
"""

from __future__ import annotations

from afterview.playbook.settings import Settings

RULES: dict[str, tuple[str, str]] = {
    "P1": (
        "Recruiter call (route recruiter)",
        "Speak to the recruiter the same day: at the arranged time, else within "
        "{recruiter_call_within_hours:g} hours of the interview's end and before the working day "
        "ends. Script, in order: thank them for arranging it; ask them to follow up with the "
        "interviewers that day; convey enthusiasm for the role; ask for the hiring timeline. "
        "Record what they said (timeline, feedback); the call is a contact.",
    ),
    "P2": (
        "Ask before you leave",
        "Before the interview ends, ask what the hiring manager's timeline for a decision is, "
        "and whom to follow up with, when and how. Essential on the direct route: the answers "
        "drive P6–P8.",
    ),
    "P3": (
        "Collect the interviewers' contact details",
        "Get a business card from every interviewer; where one is missing, ask the "
        "receptionist (or the recruiter) for names and email addresses. The thank-you cannot "
        "be addressed without them.",
    ),
    "P4": (
        "Debrief at once",
        "Within {debrief_within_hours:g} hour(s) of the end, write down: what went well, what to "
        "cover more, nuggets about the role or organisation, each question remembered (how "
        "well answered, why, what to add next time), new questions, and what the "
        "interviewers seemed to like and dislike.",
    ),
    "P5": (
        "Thank-you email",
        "Interview started before {morning_cutoff:%H:%M}: send the same day; otherwise the next "
        "working morning. One per interviewer, or one to the hiring manager. Brief (about "
        "{thank_you_max_words} words of body at most) and exactly three parts, in order: "
        "1) thanks for their time; 2) one specific point from the interview, drawn from the "
        "debrief's nuggets; 3) the subtle sell: enthusiasm for the role and organisation, how "
        "the candidate's skills and experience fit, and an offer to provide anything further. "
        "Check before sending: spelling, grammar, names as recorded, no placeholders, no "
        "negative words.",
    ),
    "P6": (
        "Hiring timeline",
        "Every interview should end with a known timeline (from P1 or P2). If none is recorded "
        "a day after, obtain it from the recruiter or the follow-up contact.",
    ),
    "P7": (
        "Fit reflection, and withdrawing well",
        "About {reflection_after_days:g} days after, answer: a good fit? room to grow? "
        "the culture? values and ethics aligned? would I be happy? plus any concerns; then "
        "continue or withdraw. Withdrawing is kinder than another round or accepting and "
        "leaving soon: a short, courteous note saying the candidate's interests lie elsewhere.",
    ),
    "P8": (
        "Pace the follow-ups",
        "First follow-up the working day after a stated decision date passes, else "
        "{first_follow_up_days:g} days after the thank-you. Never more than one follow-up every "
        "{follow_up_guard_days} days (any person, any channel). Content: still interested; "
        "understands hiring takes time; asks where they are, whether there is an updated "
        "timeline, and whether anything further would help. Polite, never pushy. A reply "
        "pauses follow-ups; after {max_unanswered_follow_ups} without reply, suggest "
        "closing as no response.",
    ),
    "P9": (
        "Keep searching",
        "Until an offer is accepted, nothing is guaranteed: keep applying and networking "
        "every week, and after a good interview look at the organisation's competitors that "
        "are hiring.",
    ),
    "P10": (
        "Next-round brief",
        "Before a further round, review: questions answered weakly or wrongly and what to "
        "add, new questions to ask, what interviewers liked and disliked, the nuggets, and "
        "who was met.",
    ),
    "P11": (
        "Lessons across interviews",
        "Across all opportunities: recurring weak questions, what interviewers liked and "
        "disliked, and how often each step was done on time; review before future interviews.",
    ),
    "P12": (
        "Outcomes",
        "interview scheduled → interviewed → awaiting decision → next round | offer | "
        "rejected | withdrawn | no response → accepted or declined. Accepting an offer ends "
        "follow-ups and the search everywhere and offers courteous withdrawals elsewhere.",
    ),
}


def rule_text(rule: str, settings: Settings) -> str:
    title, body = RULES[rule]
    values = {name: getattr(settings, name) for name in _fields(body)}
    return f"## {rule} — {title}\n\n{body.format(**values)}\n"


def playbook_markdown(settings: Settings) -> str:
    head = (
        "# The Afterview playbook\n\nWhat a candidate should do after a job interview. "
        "Every planned action cites its rule; numbers are this user's settings.\n\n"
    )
    return head + "\n".join(rule_text(rule, settings) for rule in RULES)


def _fields(body: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(body) if name]
