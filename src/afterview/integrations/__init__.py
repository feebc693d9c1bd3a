"""Files from the candidate's other tools, read into plain data: calendar invitations, vCards.

Pure parsing only (no database, no clock); the use cases that record what these
files say live in `afterview.services.invites` and `afterview.services.vcards`.
"""

from __future__ import annotations

import re
import unicodedata

MAX_BYTES = 20 * 1024 * 1024  # a mail with a CV attached is well under this; more is a mistake


def check_size(data: bytes, what: str) -> None:
    """Refuse a huge input before any parser spends time on it."""
    from afterview.errors import BadInput

    if len(data) > MAX_BYTES:
        raise BadInput(
            f"The {what} is too large ({len(data):,} bytes; at most "
            f"{MAX_BYTES // (1024 * 1024)} MB). Is it the right file?"
        )
    if not data.strip():
        raise BadInput(f"The {what} is empty.")


def normalised_name(name: str) -> str:
    """For matching people: no accents, case or punctuation, words in any order."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return " ".join(sorted(re.findall(r"\w+", plain)))
