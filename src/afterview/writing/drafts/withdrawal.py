"""P7's withdrawal: short and courteous — thanks, the candidate's interests lie
elsewhere, good wishes. No reasons that could read as criticism.
"""

from __future__ import annotations

from afterview.writing.drafts import wording as w
from afterview.writing.drafts.letter import assemble
from afterview.writing.drafts_model import ComposedDraft, DraftRequest

SUBJECTS = (
    "Withdrawing my application — {role}",
    "{role} at {org}: my application",
    "My application for {the_role}",
)
THANKS = (
    "Thank you for your time and for considering me for {the_role} at {org}.",
    "Thank you for the time you and your colleagues have given me while considering me "
    "for {the_role}.",
    "I am grateful for the time and care you have put into my application for {the_role} at {org}.",
)
THANKS_RECRUITER = (
    "Thank you for all your help with my application for {the_role} at {org}.",
    "Thank you for your support throughout the process for {the_role} at {org}.",
    "I am very grateful for everything you have done to support my application to {org}.",
)
WITHDRAWAL = (
    "After a good deal of thought, I have decided to withdraw from the process, as my "
    "interests now lie in a different direction.",
    "Having reflected carefully, I have realised that my interests lie elsewhere, so I "
    "would like to withdraw my application.",
    "I am writing to let you know that I have decided to withdraw my application, as my "
    "career interests are taking me in a different direction.",
)
GOOD_WISHES = (
    "It has been a pleasure getting to know {org}, and I wish you and the team every success.",
    "I have really enjoyed meeting the team, and I wish {org} all the very best for the future.",
    "I hope our paths cross again, and I wish you every success in finding the right "
    "person for the role.",
)


def compose(request: DraftRequest) -> ComposedDraft:
    """The withdrawal (P7), also offered after accepting another offer (P12)."""
    say = w.Wording(request)
    facts = w.base_facts(request)
    recruiter = request.recipient is not None and request.recipient.role == "recruiter"
    body, parts = assemble(
        w.greeting(request.recipient, request.profile.language),
        [
            [
                ("thanks", say.pick(THANKS_RECRUITER if recruiter else THANKS, facts)),
                ("withdrawal", say.pick(WITHDRAWAL, facts, turn=1)),
            ],
            [("good-wishes", say.pick(GOOD_WISHES, facts, turn=2))],
        ],
        [say.closing(), *w.signature(request.profile)],
    )
    subject = say.pick(SUBJECTS, facts, turn=len(request.previous))
    return ComposedDraft(request.kind, subject, body, parts)
