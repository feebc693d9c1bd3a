"""Pair the other variety's spellings with ours, at build time: "color" → "colour".

A British candidate who types "color" has not made a typo, and "not in the
dictionary" would puzzle them; the check says "American spelling; British English
writes “colour”" instead (P5: a clean, deliberate email). SCOWL says which words
belong to each variety but not which spellings correspond, so the pairs come from
the systematic differences between the two: each rule rewrites one American
fragment into its British form (or back), and a pairing is kept only when the
rewritten word is in our dictionary. One rewrite is tried before two; among equals
the most frequent word wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# (American, British) fragments, the usual suspects first.
RULES: tuple[tuple[str, str], ...] = (
    ("or", "our"),  # color, behavior
    ("er", "re"),  # center, theater, fiber
    ("iz", "is"),  # organize (British takes both; American does not take -ise)
    ("yz", "ys"),  # analyze
    ("og", "ogue"),  # catalog, dialog
    ("ense", "ence"),  # defense, license
    ("practic", "practis"),  # practice (the verb)
    ("l", "ll"),  # traveling, canceled, jewelry
    ("ll", "l"),  # enroll, fulfill, skillful
    ("e", "ae"),  # anemia, pediatric
    ("e", "oe"),  # estrogen, maneuver
    ("gm", "gem"),  # judgment
    ("ging", "geing"),  # aging
    ("ry", "ery"),  # jewelry
    # Single words, spelled out: as general rules they would pair unrelated words.
    ("gray", "grey"),
    ("program", "programme"),
    ("aluminum", "aluminium"),
    ("plow", "plough"),
    ("mold", "mould"),
    ("molt", "moult"),
    ("smolder", "smoulder"),
    ("mustache", "moustache"),
    ("pajama", "pyjama"),
    ("artifact", "artefact"),
    ("skeptic", "sceptic"),
    ("coz", "cos"),  # cozy
    ("tire", "tyre"),
    ("check", "cheque"),
    ("sulf", "sulph"),
    ("draft", "draught"),
    ("omelet", "omelette"),
    ("airfoil", "aerofoil"),
    ("ax", "axe"),
    ("alk", "aulk"),  # balk, calk
)


def pair(
    words: Iterable[str],
    ours: Callable[[str], bool],
    frequency: Callable[[str], float],
    to_british: bool,
) -> dict[str, str]:
    """Each word of the other variety → our spelling of it, or "" when no rule finds one."""
    rules = RULES if to_british else tuple((b, a) for a, b in RULES)
    pairs: dict[str, str] = {}
    for word in words:
        low = word.lower()
        found = _rewrite(low, rules, ours)
        if not found:
            found = {
                twice for once in _rewrites(low, rules) for twice in _rewrite(once, rules, ours)
            }
        found.discard(low)
        pairs[word] = max(sorted(found), key=frequency) if found else ""
    return pairs


def _rewrites(word: str, rules: tuple[tuple[str, str], ...]) -> set[str]:
    out: set[str] = set()
    for old, new in rules:
        start = word.find(old)
        while start >= 0:
            out.add(word[:start] + new + word[start + len(old) :])
            start = word.find(old, start + 1)
    return out


def _rewrite(
    word: str, rules: tuple[tuple[str, str], ...], ours: Callable[[str], bool]
) -> set[str]:
    return {candidate for candidate in _rewrites(word, rules) if ours(candidate)}
