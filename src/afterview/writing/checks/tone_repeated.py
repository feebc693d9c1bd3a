"""A failure told as a habit: "Once again your office sent the proforma in the wrong
format", "As always, accounting lost the invoices", "Legal, true to form, never
replied", "IT wiped my settings for the third time this month" (P5: no negative
statements; P7 and P8 stay courteous too).

Why: the idioms and judgements of `tone_criticism.py` name the fault ("incompetent",
"dropped the ball"); a complaint in a hurried letter more often states a plain fact and
lets a word of repetition ("once again", "as usual", "yet again") carry the blame. Either
part alone is ordinary ("As usual, let me know if you have questions"; "the file was
lost in transit"); together, with someone other than the writer doing it, they are a
complaint. The writer's own slip told the same way ("Once again I forgot the
attachment") is an apology, not a complaint, and is left alone.
"""

from __future__ import annotations

import re

# A word of repetition or of a failure foretold.
REPEAT = r"""
    \b(?:once\s+again|yet\s+again|as\s+usual|as\s+always|predictably|true\s+to\s+form|
    (?:for|about)\s+the\s+(?:second|third|fourth|fifth|sixth|tenth|nth|umpteenth|hundredth|
      millionth|\d+(?:st|nd|rd|th))\s+time|(?:same|the\s+usual)\s+as\s+last\s+time)\b
"""
# The same, after the failure: "lost the invoices again", "lied to us twice already".
REPEAT_AFTER = re.compile(
    r"\b(?:again|twice\s+(?:already|now|this\s+\w+)|(?:three|four|five|several|many)\s+times\s+"
    r"(?:already|now|this\s+\w+))\b"
)
# Something people do or fail to do: never a thing breaking on its own ("the server
# crashed", "the train was late").
FAILURE = r"""
    \b(?:sent|send|sends|gave|give|gives|used|uses|filed|files)\s+(?:\w+\s+){0,4}?
      (?:wrong|incorrect|outdated|out-of-date|old|broken|no|nothing)\b
  | \b(?:lost|misplaced|forgot|forgotten|forgets|ignored|ignores|mislaid|wiped|hid|hidden|
      botched|bungled|messed\s+up|screwed\s+up|mixed\s+up|overlooked|overlooks|neglected|
      neglects|double-booked|overwrote|overwritten|garbled|mangled)\b
  | \b(?:didn['’]?t|did\s+not|hasn['’]?t|has\s+not|haven['’]?t|have\s+not|never|couldn['’]?t|
      could\s+not|won['’]?t|will\s+not|wouldn['’]?t|would\s+not)\s+(?:even\s+)?(?:bother|
      bothered|reply|replied|respond|responded|answer|answered|call|called|return|returned|
      show\s+up|showed\s+up|turn\s+up|turned\s+up|read|check|checked|tell|told|update|updated|
      confirm|confirmed|deliver|delivered|follow\s+up|followed\s+up|sign|signed|send|sent|pay|
      paid|get\s+back|got\s+back|come\s+back|came\s+back)\b
  | \b(?:lied|lie|lies)\s+to\s+(?:us|me|them|you|everyone)\b
  | \bgot\s+(?:it|the\s+\w+|them|this|that)\s+wrong\b
  | \bhas\s+sent\s+no\b
"""
# The writer as the one who failed: "I forgot", "we've lost", "I never replied".
OWN_AGENT = re.compile(
    r"\b(?:i|we|i['’]ve|we['’]ve|i['’]d|we['’]d|i['’]m|we['’]re|i\s+have|we\s+have|i\s+had|"
    r"we\s+had|my\s+fault|my\s+mistake|our\s+mistake)\s+(?:\w+\s+){0,2}$"
)
APOLOGY = re.compile(r"\b(?:sorry|apolog\w*|my\s+bad|my\s+fault|my\s+mistake|our\s+mistake)\b")


def compiled(flags: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(REPEAT, flags), re.compile(FAILURE, flags)


def search(
    lowered: str, repeat: re.Pattern[str], failure: re.Pattern[str]
) -> tuple[int, re.Match[str]] | None:
    """Where the complaint starts (its word of repetition or its failure, the earlier)
    and the failure, in a lower-cased clause; None unless the clause holds both (a word
    of `REPEAT` anywhere, or of `REPEAT_AFTER` after the failure) and the failure is not
    the writer's own."""
    if APOLOGY.search(lowered):
        return None
    again = repeat.search(lowered)
    for hit in failure.finditer(lowered):
        if OWN_AGENT.search(lowered, 0, hit.start()) is not None:
            continue
        if again is not None:
            return min(again.start(), hit.start()), hit
        after = REPEAT_AFTER.search(lowered, hit.end())
        if after is not None:
            return hit.start(), hit
    return None
