"""P12's answers to an offer. Accept: thanks, a clear acceptance, next steps (start
date, paperwork), enthusiasm. Decline: thanks, a clear and polite decline, the door
kept open. Neither gives reasons that could read as criticism.
"""

from __future__ import annotations

from afterview.writing.drafts import wording as w
from afterview.writing.drafts.letter import Paragraph, assemble
from afterview.writing.drafts_model import ComposedDraft, DraftRequest

ACCEPT_SUBJECTS = (
    "Accepting the offer — {role}",
    "{role} at {org}: offer accepted",
    "Offer of {the_role}: acceptance",
)
ACCEPT_THANKS = (
    "Thank you very much for offering me {the_role} at {org}, and for your support "
    "throughout the process.",
    "Thank you for the offer of {the_role} at {org}; I really appreciate the time everyone "
    "has put into the process.",
    "Many thanks for the offer of {the_role} at {org}, and for making the process such a "
    "positive one.",
)
ACCEPTANCE = (
    "I am delighted to accept.",
    "I am very pleased to formally accept the offer.",
    "I am happy to confirm that I accept the offer.",
)
NEXT_STEPS = (
    "Could you let me know the next steps, including confirmation of my start date and any "
    "paperwork you need from me?",
    "Please let me know what you need from me to complete the paperwork, and confirm my "
    "start date when you are able to.",
    "I would be grateful if you could confirm the start date and send over anything I need "
    "to complete before then.",
)
ENTHUSIASM = (
    "I am really looking forward to joining the team and getting started.",
    "I am excited to join {org} and look forward to working with you all.",
    "I am very much looking forward to this next chapter with {org}.",
)
DECLINE_SUBJECTS = (
    "Your offer of {the_role}",
    "{role} at {org}: my decision",
    "With thanks — {role} offer",
)
DECLINE_THANKS = (
    "Thank you very much for offering me {the_role} at {org}, and for the time you and the "
    "team have invested in me.",
    "Thank you for the offer of {the_role} at {org}; I was really pleased to receive it.",
    "Many thanks for the offer of {the_role}, and for everything you and your colleagues "
    "have done during the process.",
)
DECLINE = (
    "After a great deal of thought, I have decided to decline the offer, as I have chosen "
    "to take my career in another direction.",
    "Having considered it carefully, I have decided to respectfully decline.",
    "After careful reflection, I have chosen to pursue a different opportunity, so I must "
    "respectfully decline the offer.",
)
DOOR_OPEN = (
    "I have great respect for {org} and would be glad to stay in touch; I hope our paths "
    "cross again.",
    "I would very much like to keep in touch, and I hope there may be a chance to work "
    "together in the future.",
    "I hope we can stay in contact, and I would be delighted to hear from you about future "
    "opportunities.",
)


def accept(request: DraftRequest) -> ComposedDraft:
    """Accepting an offer (P12)."""
    say = w.Wording(request)
    facts = w.base_facts(request)
    paragraphs: list[Paragraph] = [
        [
            ("thanks", say.pick(ACCEPT_THANKS, facts)),
            ("acceptance", say.pick(ACCEPTANCE, facts, turn=1)),
        ],
        [("next-steps", say.pick(NEXT_STEPS, facts, turn=2))],
        [("enthusiasm", say.pick(ENTHUSIASM, facts, turn=3))],
    ]
    return _letter(
        request, say, paragraphs, say.pick(ACCEPT_SUBJECTS, facts, turn=len(request.previous))
    )


def decline(request: DraftRequest) -> ComposedDraft:
    """Declining an offer (P12), keeping the door open."""
    say = w.Wording(request)
    facts = w.base_facts(request)
    paragraphs: list[Paragraph] = [
        [
            ("thanks", say.pick(DECLINE_THANKS, facts)),
            ("decline", say.pick(DECLINE, facts, turn=1)),
        ],
        [("door-open", say.pick(DOOR_OPEN, facts, turn=2))],
    ]
    return _letter(
        request, say, paragraphs, say.pick(DECLINE_SUBJECTS, facts, turn=len(request.previous))
    )


def _letter(
    request: DraftRequest, say: w.Wording, paragraphs: list[Paragraph], subject: str
) -> ComposedDraft:
    body, parts = assemble(
        w.greeting(request.recipient, request.profile.language),
        paragraphs,
        [say.closing(), *w.signature(request.profile)],
    )
    return ComposedDraft(request.kind, subject, body, parts)
