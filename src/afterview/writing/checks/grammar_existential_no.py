"""Agreement of "there is/are no …" with the noun after "no" (P5 "Checks before sending";
the same checks serve P7 and P8): "then there are no extra cost" (→ "there is"), "There
is no reasons to wait" (→ "There are"). "No" hides the number from the rules that read
a determiner, so the head noun decides: singular or uncounted takes "is"/"was", plural
"are"/"were". Not "there are no more than ten", "no fewer", "no longer", nor a head
that is a compound's first noun ("there are no cost savings"). Found by swapping is/are
in real sentences. Findings are warnings.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

SINGULAR_FOR = {"are": "is", "were": "was"}
PLURAL_FOR = {"is": "are", "was": "were"}
# After "no": a comparison or a time, not a noun's determiner.
NOT_DETERMINING = word_set("more fewer less longer sooner later other")
NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS", "POS"})
# Plurals in form that take "is": "there is no news", "no series".
SINGULAR_S = word_set("news series species means physics economics politics mathematics")


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for i in range(lo, hi - 3):
        if toks[i].low != "there" or toks[i + 2].low != "no":
            continue
        verb = toks[i + 1]
        if verb.low not in SINGULAR_FOR and verb.low not in PLURAL_FOR:
            continue
        k = i + 3
        if toks[k].low in NOT_DETERMINING:
            continue
        while k < hi - 1 and tags[k] in ("JJ", "JJR", "VBN") and toks[k].text.islower():
            k += 1
        if tags[k] not in ("NN", "NNS") or not toks[k].text.islower():
            continue
        if k + 1 < hi and (tags[k + 1] in NOUNS or toks[k + 1].text == "-"):
            continue  # "no cost savings": the head comes later
        plural = tags[k] == "NNS" and toks[k].low not in SINGULAR_S
        fix = (PLURAL_FOR if plural else SINGULAR_FOR).get(verb.low)
        if fix is None:
            continue  # the verb already agrees
        fixed = match_case(verb.text, fix)
        yield Hit(
            toks[i].start,
            verb.end,
            "agreement",
            WARNING,
            f'Did you mean "{toks[i].text} {fixed}"? "no {toks[k].text}" takes "{fix}".',
            f"{toks[i].text} {fixed}",
        )
