"""Drafts composed from the candidate's own facts: one module per kind.

`compose(request)` is the only entry point. Each kind follows its playbook rule:
thank-you (P5), follow-up (P8), withdrawal (P7), recruiter-call script (P1),
accept and decline an offer (P12). Pure: no clock, no I/O; the same request
always gives the same draft.
"""

from __future__ import annotations

from collections.abc import Callable

from afterview.errors import BadInput
from afterview.writing.drafts import follow_up, offer, recruiter_call, thank_you, withdrawal
from afterview.writing.drafts_model import KINDS, ComposedDraft, DraftRequest

COMPOSERS: dict[str, Callable[[DraftRequest], ComposedDraft]] = {
    "thank-you": thank_you.compose,
    "follow-up": follow_up.compose,
    "withdrawal": withdrawal.compose,
    "recruiter-call": recruiter_call.compose,
    "accept": offer.accept,
    "decline": offer.decline,
}
assert tuple(COMPOSERS) == KINDS


def compose(request: DraftRequest) -> ComposedDraft:
    """The draft for `request.kind`, in the profile's English (en-GB or en-US)."""
    composer = COMPOSERS.get(request.kind)
    if composer is None:
        raise BadInput(f"No draft kind {request.kind!r}; the kinds are: {', '.join(KINDS)}.")
    return composer(request)


__all__ = ["compose"]
