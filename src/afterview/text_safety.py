"""Text from outside (an invitation, a business card, an email) made safe to store and print.

A name or title read from a file ends up on a terminal (`afterview opp show`) and in
web pages. Control characters in it can do harm there: an OSC sequence
(ESC ] 52 ; c ; … BEL) writes the clipboard, others retitle the window or move the
cursor, and bidirectional overrides make a name read differently from what it is
(the "Trojan Source" trick). None of them belongs in a person's name, so they are
removed before anything is stored.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls (ESC, BEL, CSI 0x9b, OSC 0x9d…); tab and line
# breaks are handled apart because a multi-line field (notes) may keep them.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Bidirectional embeddings, overrides and isolates (LRE…RLO, LRI…PDI), and the
# invisible marks that reorder text (LRM, RLM, ALM).
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# Half of a UTF-16 surrogate pair on its own (JSON "\\ud83d" without its partner):
# no UTF-8 encoder, database or terminal accepts it.
_SURROGATES = "\ud800-\udfff"
# Unicode's own line and paragraph separators: a line break to a terminal or a form.
_SEPARATORS = "\u2028\u2029"
_UNSAFE = re.compile(f"[{_CONTROLS}{_BIDI}{_SURROGATES}]")
_BIDI_CHARS = re.compile(f"[{_BIDI}]")
# An escape sequence is dropped whole, not only its ESC: "ESC ] 0 ; title BEL" would
# otherwise leave "]0;title" in the name. An unterminated one ends at the line's end.
_OSC = re.compile(r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c\r\n]*(?:\x07|\x1b\\|\x9c)?")
_CSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?")
_OTHER_ESCAPE = re.compile(r"\x1b[ -/]*[0-~]?")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """`value` without escape sequences, control characters or bidi overrides.

    With `multiline`, tabs and line breaks (normalised to "\\n") are kept; otherwise a
    tab or line break becomes a space, so that a one-line field stays one line.
    """
    text = _OSC.sub("", value)
    text = _CSI.sub("", text)
    text = _OTHER_ESCAPE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(f"[{_SEPARATORS}]", "\n", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return _UNSAFE.sub("", text)


def for_terminal(value: object, *, multiline: bool = False) -> str:
    """Stored text for a Rich renderer: cleaned, then its markup escaped.

    Every CLI renderer prints stored text through this or through plain output that
    `clean_text` already passed (cli.common.say, the fast read path).
    """
    from rich.markup import escape

    return escape(clean_text(str(value), multiline=multiline))


def unsafe_character(value: str, *, multiline: bool = False) -> str | None:
    """What in `value` may not be stored, said for a message ("a line break",
    "a control character (U+001B)"), or None when it is all safe.

    Used to refuse what a person typed; text read from files is cleaned instead.
    """
    if not multiline and re.search(f"[\n\r{_SEPARATORS}]", value):
        return "a line break"
    found = _UNSAFE.search(value.replace("\r\n", "\n"))
    if found is None:
        return None
    char = found.group()
    kind = "a bidirectional control" if _BIDI_CHARS.match(char) else "a control character"
    if "\ud800" <= char <= "\udfff":
        kind = "half of a surrogate pair"
    return f"{kind} (U+{ord(char):04X})"
