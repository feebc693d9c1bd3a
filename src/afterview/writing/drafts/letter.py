"""Laying a draft out: greeting, paragraphs of named parts, sign-off; parts located.

The named parts' character offsets are what the editor highlights and what tests
check against P5's three-part shape (and the other rules' parts).
"""

from __future__ import annotations

from collections.abc import Sequence

from afterview.writing.drafts_model import DraftPart

Paragraph = Sequence[tuple[str, str]]  # (part name, its text), in reading order


def assemble(
    opening: str, paragraphs: Sequence[Paragraph], ending: Sequence[str]
) -> tuple[str, tuple[DraftPart, ...]]:
    """The body text and where each named part sits in it.

    Paragraphs are separated by a blank line; parts in one paragraph by a space;
    `ending` (closing line, signature lines) follows a blank line, one per line.
    """
    body = opening
    parts: list[DraftPart] = []
    for paragraph in paragraphs:
        texts = [(name, text) for name, text in paragraph if text]
        if not texts:
            continue
        body += "\n\n"
        for index, (name, text) in enumerate(texts):
            if index:
                body += " "
            parts.append(DraftPart(name, len(body), len(body) + len(text)))
            body += text
    if ending:
        body += "\n\n" + "\n".join(ending)
    return body, tuple(parts)
