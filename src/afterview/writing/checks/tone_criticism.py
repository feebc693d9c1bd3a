"""Criticism of people at work in the forms a hurried letter takes (P5: "no negative
statements"; P7 withdrawals and P8 follow-ups stay courteous too).

`tone.py` knows a few fixed sentences ("my previous manager was toxic", "micromanaged",
"took credit for my work"). Complaints come in many more shapes: "management dropped
the ball", "our director has been dragging his feet", "the HR team is hopeless",
"Procurement sat on it for a month", "I was fed up with the reorganisations". A clause
is reported (`tone.negative-statement`, error) when it holds

- a complaint idiom that needs no named target ("dropped the ball", "dragging their
  feet", "fed up with", "sick of", "threw me under the bus", "botched", "had no idea
  what they were doing", "can't wait to get away from"); or
- a workplace target ("my manager", "the leadership team", "our HR department",
  "management", "some of you", "Head Office") and, after it in the same clause, a
  judgement of people or of how they work ("incompetent", "a shambles", "a mess",
  "hopeless", "never listened", "keeps changing", "impossible to work with").

Not reported: a judgement that is negated ("was not disorganised"), a polite formula or
condolence (`tone.COURTESY_SOURCE`), and the words alone ("a difficult problem we
solved"): `tone.negative-word` weighs single words. Written for Afterview from the
forms candidates' letters take; no third-party list.
"""

from __future__ import annotations

import re
from functools import cache

from afterview.writing.checks import tone_repeated
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import Document

MESSAGE = (
    "Criticising an employer, a manager, colleagues or how they work reflects on the "
    "writer, not on them (P5: no negative statements). Leave it out, or say what you look "
    "forward to instead."
)

# Idioms of complaint: a criticism whoever they are about.
IDIOMS = r"""
    \bdropp(?:ed|ing)\s+the\s+ball\b
  | \bdrag(?:ged|ging|s)?\s+(?:its|their|his|her|your|our|my)\s+feet\b
  | \b(?:fed\s+up|sick\s+(?:and\s+tired\s+)?of|tired\s+of\s+(?:covering|chasing|waiting|being|
      management|my|our|the\s+(?:politics|constant|endless|lack)))\b
  | \bfed\s+up\b
  | \bthrew\s+(?:me|us|him|her|them)\s+under\s+the\s+bus\b
  | \b(?:botched|bungled|screwed\s+up|messed\s+up)\s+(?:the|this|that|our|their|it|everything)\b
  | \b(?:has|had|have)\s+(?:made\s+)?(?:botched|bungled)\b
  | \b(?:no|not\s+the\s+(?:slightest|faintest))\s+idea\s+what\s+(?:he|she|they|we|you)\s+
      (?:was|were|is|are)\s+doing\b
  | \b(?:nobody|no\s+one|doesn['’]?t|don['’]?t|didn['’]?t)\b[^.!?\n]{0,40}?\bknows?\s+what\s+
      (?:he|she|they|we)\s+(?:is|are|was|were|['’]re)\s+doing\b
  | \bcan['’]?t\s+wait\s+to\s+(?:get\s+away\s+from|leave|get\s+out\s+of|escape)\b
  | \bsat\s+on\s+(?:it|this|that|our|my|the)\b[^.!?\n;]{0,30}?\bfor\s+(?:a|an|two|three|
      several|many|\d+)\s+(?:days?|weeks?|months?)\b
  | \bwasted\s+(?:months|weeks|years|so\s+much\s+time|our\s+time|my\s+time)\b
  | \b(?:never|not|n['’]t|don['’]t|doesn['’]t|didn['’]t)\s+pull(?:s|ed|ing)?\s+(?:their|his|her)\s+
      weight\b
  | \b(?:never|rarely|hardly\s+ever)\s+(?:give|gives|gave)\s+(?:us|me|them|anyone)\s+
      (?:enough|any)\s+(?:notice|warning|time|support|credit|feedback|direction)\b
  | \b(?:sinking\s+ship|going\s+nowhere|soul-destroying|dead-end\s+job)\b
  | \b(?:had|have|['’]ve\s+had|['’]d\s+had)\s+enough\s+of\s+(?:the|my|their|his|her|this|that|it|
      them|him|being|working)\b
  | \bfrustrated\s+(?:with|by|at)\s+(?:how|the|my|our|their|his|her|management|them)\b
  | \bghost(?:ed|ing)\s+(?:me|us|candidates|people)\b
  | \btook\s+all\s+the\s+credit\b
  | \bto\s+save\s+(?:their|his|her|my|our)\s+(?:lives|life)\b
  | \ba\s+bunch\s+of\s+(?:amateurs|clowns|idiots|cowboys|jokers)\b
  | \bgossip(?:ing|ed|s\s+about|\s+about)\b
  | \b(?:is|was|were|are)\s+the\s+reason\s+(?:half|most|everyone|people|the\s+team|so\s+many)\b
  | \bonly\s+cares?\s+about\s+(?:the\s+(?:share|numbers|money|bottom)|money|profit|profits|
      himself|herself|themselves|itself)\b
  | \b(?:doesn['’]?t|don['’]?t|didn['’]?t|does\s+not|do\s+not|did\s+not|never)\s+(?:value|
      respect|appreciate|care\s+about|listen\s+to)\s+(?:its|their|his|her|our|the|my|us|me|anyone|
      staff|people|employees|engineers)\b
  | \bnever\s+(?:delivered|followed\s+through|kept\s+(?:their|his|her)\s+(?:word|promise))\b
  | \b(?:ever|never)\s+says?\s+(?:thank\s+you|thanks|sorry)\b
  | \bhad(?:n['’]t|\s+not)\s+(?:even\s+)?(?:read|looked\s+at|opened|prepared)\b
  | \bimpossible\s+to\s+get\s+(?:a\s+straight|an?\s+(?:answer|decision|reply|response))\b
  | \blost\s+my\s+(?:paperwork|application|cv|résumé|resume|forms?|documents?)\b
  | \bwasted\s+(?:my|our|everyone['’]s)\s+time\b
  | \bblamed\s+(?:me|us|everyone|others|the\s+team)\s+for\b
  | \bconstant(?:ly)?\s+(?:firefighting|chaos|interruptions|undermin\w*|critici[sz]\w*|
      reorgani[sz]ations|changes\s+of\s+mind)\b
  | \b(?:poor|bad|terrible|awful|no)\s+(?:planning|management|leadership|communication|
      organi[sz]ation)\s+(?:from|by|upstairs|at|in|above)\b
  | \b(?:working|to\s+work)\s+(?:under|for)\s+(?:\w+|my\s+\w+|that\s+\w+)\s+
      (?:was|is|has\s+been)\s+(?:a\s+)?(?:nightmare|hell|miserable|awful|terrible|unbearable|
      exhausting|a\s+struggle)\b
  | \bthe\s+only\s+(?:competent|capable|sane|reliable)\s+(?:one|person|people)\b
  | \byet\s+another\s+(?:\w+\s+)?(?:clueless|pointless|useless|delay|excuse|reorg|
      reorgani[sz]ation|restructure|process|form|meeting|mistake|screw-up|change\s+of\s+plan)\b
  | \b(?:won['’]?t|wouldn['’]?t|didn['’]?t|never|not)\s+lift\s+a\s+finger\b
  | \b(?:couldn['’]?t|can['’]?t|won['’]?t)\s+be\s+bothered\b
  | \bfinally\s+(?:bothered|deigned)\s+to\b
  | \bnot\s+that\s+(?:\w+\s+){1,3}?(?:will|would|ever|did|does)\s+(?:ever\s+)?(?:notice|care|read|
      listen|bother|thank|reply)\b
  | \bassuming\s+(?:\w+\s+){1,3}?ever\s+(?:reads?|listens?|repl(?:y|ies)|answers?|checks?|
      looks?)\b
  | \bhow\s+little\s+(?:\w+\s+){1,3}?(?:care|cares|cared|value|values)\b
  | \b(?:foolishly|stupidly|incompetently|lazily|carelessly)\b
  | \bescaped\s+from\s+(?:the|my|our|that)\b
  | \b(?:zero|no)\s+(?:support|help|communication|direction|interest|effort)\s+from\s+
      (?:management|upstairs|head\s+office|above|my\s+(?:manager|boss|team)|our\s+(?:manager|boss)|
      the\s+(?:company|business|management|leadership|client|top))\b
  | \b(?:usual|typical)\s+(?:zero|lack\s+of|last-minute)\b
  | \bresent(?:ed|ing)\s+(?:the\s+way|their|his|her|your|being|how)\b
  | \b(?:none|neither)\s+of\s+(?:you|them)\s+(?:ever|bother|bothers|bothered)\b
  | \bstonewall(?:ing|ed)?\b
  | \b(?:stalls?|stalled|blocks?|blocked|ignores?|ignored|forgets?|forgot)\s+(?:us|me)\s+again\b
  | \bgave\s+(?:us|me)\s+(?:almost\s+|virtually\s+)?no\s+notice\b
  | \b(?:those|these|the|what)\s+(?:clowns|idiots|morons|muppets|bozos|jokers|numpties|
      geniuses\s+(?:upstairs|in|at|over|on))\b
  | \b(?:runs?|ran|run)\s+like\s+a\s+(?:circus|zoo|kindergarten|playground|madhouse)\b
  | \bmismanag(?:ed|es|ing)\b
  | \b(?:ran|run|runs|running|driven|drove|mismanaged)\s+(?:\w+\s+){0,3}?into\s+the\s+ground\b
  | \b(?:the|usual|a|typical)\s+runaround\b
  | \b(?:slows?|slowed|slowing|brings?|brought|grinds?|ground)\s+(?:these\s+things|things|
      everything|it|us|the\s+process|this)\s+(?:down\s+)?to\s+a\s+(?:crawl|halt)\b
  | \bconveniently\s+(?:vanished|disappeared|forgot|forgotten|ignored|lost|overlooked|neglected|
      missed|left\s+(?:out|off))\b
  | \bpainfully\s+obvious\b
  | \b(?:nobody|no\s+one)\s+(?:else\s+)?(?:here\s+|around\s+here\s+|there\s+)?ever\s+
      (?:helps|bothers|listens|cares|answers|replies|thanks)\b
  | \b(?:can['’]?t|cannot|never|couldn['’]?t)\s+get\s+anything\s+done\b
  | \bhow\s+(?:incompetent|clueless|useless|hopeless|disorgani[sz]ed|dysfunctional|toxic|
      inept)\s+(?:our|my|the|their|his|her|your)\b
  | \b(?:if|assuming|provided|whenever|once)\s+(?:[\w']+\s+){1,3}?can\s+be\s+bothered\b
  | \bif\s+(?:[\w']+\s+){1,3}?ever\s+(?:gets?|got)\s+(?:a)?round\s+to\s+it\b
  | \b(?:never|can['’]?t|cannot|couldn['’]?t)\s+agree\s+on\s+anything\b
  | \bwaste\s+of\s+(?:everyone['’]?s|everybody['’]?s|our|my|people['’]?s)\s+(?:time|money|effort)\b
  | \b(?:nobody|no\s+one)\s+(?:(?:here|there|upstairs|around\s+here)\s+(?:seems\s+to\s+|really\s+|
      even\s+|actually\s+)?|seems\s+to\s+)(?:cares?|bothers?)\s+(?:whether|if|about|to)\b
  | \bif\s+(?:[\w']+\s+){1,3}?knew\s+what\s+(?:they|he|she)\s+(?:were|was)\s+doing\b
  | \b(?:doesn['’]?t|don['’]?t|didn['’]?t)\s+(?:have\s+a\s+clue|know)\s+what\s+
      (?:they['’]re|they\s+are|he['’]s|he\s+is|she['’]s|she\s+is)\s+doing\b
  | \btypical\s+of\s+(?:this|that|our|my|the)\s+(?:outfit|place|company|firm|lot|bunch|department|
      management|crowd|office|group)\b
  | \b(?:delivered|produced|achieved|contributed)\s+(?:absolutely\s+)?(?:nothing|zero)\s+(?:useful|
      of\s+value|worthwhile|usable)\b
  | \bcharged\s+(?:us\s+)?a\s+fortune\b
  | \bwhat\s+passes\s+for\b
  | \b(?:i['’]m|i\s+am|we['’]re|we\s+are|i\s+was|we\s+were)\s+(?:always\s+|usually\s+|again\s+)?
      the\s+last\s+(?:ones?\s+|people\s+)?to\s+(?:know|hear|find\s+out|be\s+told)\b
  | \b(?:another|yet\s+another)\s+(?:brilliant|genius|great|wonderful|bright|clever)\s+(?:idea|plan|
      decision|move|scheme)\s+from\b
  | \bour\s+(?:fearless|glorious|beloved|esteemed|illustrious)\s+(?:leaders?|leadership|management|
      executives?|bosses|overlords)\b
  | \band\s+(?:we|i)\s+get\s+(?:all\s+)?(?:the\s+)?(?:blame|blamed)\b
  | \bwhy\s+(?:[\w']+\s+){1,6}?is\s+beyond\s+me\b
  | \b(?:given|gave)\s+up\s+(?:on\s+)?trying\s+to\s+get\s+(?:a|any)\s+(?:straight\s+|clear\s+)?
      (?:answer|reply|response|decision)\b
  | \bsame\s+old\s+(?:story|song|nonsense|rubbish)\b
  | \b(?:our|my)\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?(?:is|was|has\s+been|are|were)\s+(?:a\s+)?
      (?:complete\s+|total\s+|utter\s+)?(?:shambles|shambolic)\b
  | \b(?:my|our|the|these|those|that|this|his|her|their|your)\s+(?:hopeless|useless|
      incompetent|clueless|lazy|idiotic|spineless|gutless|inept|moronic|brainless)\s+
      (?:[\w-]+\s+){0,2}?(?:boss(?:es)?|managers?|management|supervisors?|directors?|
      colleagues?|co-?workers|staff|team|agents?|lawyers?|attorneys?|accountants?|analysts?|
      engineers?|developers?|people|folks|guys|recruiters?|clients?|vendors?|contractors?|
      bureaucrats|executives?|leadership|partners?|assistants?|department)\b
  | \b(?:stupid|idiotic|dumb|moronic|boneheaded|brainless)\s+(?:call|decision|move|policy|
      rule)\s+(?:by|from|of)\b
  | \b(?:grudgingly|begrudgingly)\b
"""

# Who a complaint is about. A determiner or possessive, up to two words, then the noun.
TARGET_NOUNS = r"""(?:boss(?:es)?|managers?|management|supervisors?|directors?|leads?|leadership|
    team|teams|colleagues?|co-?workers|staff|department|hr|recruiters?|interviewers?|panel|
    company|employer|firm|organi[sz]ation|business|workplace|job|place|office|process|agency|
    clients?|meetings|cto|ceo|cfo|coo|vp|founders?|executives?|people|bosses|partners?|head\s+office|
    corporate|legal|finance|procurement|facilities|desk|crew|bookkeeping|accounting|
    paperwork|admin|administration|upstairs|culture|onboarding|training|recruiter|recruiters|
    predecessor|vendor|vendors|suppliers?|contractors?|ops)"""
TARGET = rf"""
    \b(?:my|our|the|their|your|this|that|his|her)\s+(?:[\w-]+\s+){{0,2}}?{TARGET_NOUNS}\b
  | \b(?:management|leadership|corporate|head\s+office|hr|accounting|procurement|payroll)\b
  | \b(?:some|most|many|half|all)\s+of\s+(?:you|them|the\s+team|my\s+colleagues)\b
  | \b(?:nobody|no\s+one|everyone|everybody)\s+(?:at|in|on|there|here)\b
  | \b(?:he|she|they)\s+(?:was|were|is|are|has\s+been|have\s+been)\b
"""
# A department or team by its capitalised name, as the subject of a complaint's verb:
# "Procurement sat on it", "Community Relations has been useless" (case-sensitive).
NAMED_TARGET = r"""
    (?:^\s*|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))(?!(?:I|We|It|You|This|That|These|Those|There|Here)\s)
    (?:[A-Z][\w&-]*\s+){1,3}
    (?=(?:has|have|had)\s+been\b|sat\b|took\b|keeps?\b|never\b|is\s+(?:still\s+)?(?:a|so|too|
    completely|totally|useless|hopeless)\b)
"""
# A judgement of people or of how they work, after the target in the same clause.
JUDGEMENT = r"""
    \b(?:incompetent|useless|hopeless|clueless|lazy|rude|arrogant|unprofessional|inept|
      disorgani[sz]ed|chaotic|shambolic|dysfunctional|toxic|appalling(?:ly)?|atrocious|abysmal|
      pathetic|ridiculous|negligent|unhelpful|unresponsive|uninterested|disinterested|
      impossible\s+to\s+(?:work|deal)\s+with|a\s+(?:bully|nightmare|disaster|joke|shambles|
      farce|mess)(?!\s+(?:recovery|relief|response|planning|management|zone|of\s+a\s+job))|(?:a\s+)?(?:total|complete|real|huge|utter)\s+(?:mess|disaster|joke|shambles|
      nightmare|farce)|made\s+a\s+(?:\w+\s+)?mess|badly\s+(?:run|managed|organi[sz]ed|led)|
      miserable|unbearable|frustrating|infuriating|maddening|terrible|awful|horrible|poisonous|
      worthless|pointless|bureaucratic|painfully\s+slow|so\s+slow|amateurs|amateurish|a\s+bully|
      bullies|ghosted|undermined|(?:always|often)\s+late|
      (?:lost|misplaced|botched|messed\s+up|screwed\s+up|broke)\s+(?:\w+\s+){0,3}?again|
      gets?\s+it\s+right\s+this\s+time|a\s+nightmare|a\s+waste\s+of\s+\w+|
      going\s+downhill|out\s+of\s+touch|no\s+clue|not\s+fit\s+for\s+purpose|
      out\s+of\s+(?:their|his|her|its)\s+depth|
      dreadful|the\s+worst|rubbish|unprepared|waste\s+of\s+time|treated\s+(?:its|their|us|me|
      the)\b[^.!?\n;]{0,20}\b(?:badly|poorly|appallingly|terribly|like\s+dirt))\b
  | \b(?:never|rarely|hardly\s+ever)\s+(?:listens?|listened|repl(?:y|ies|ied)|responds?|responded|
      answers?|answered|bothers?|bothered|tells?|told|writes?|wrote|reads?|helps?|helped|
      supports?|supported|thanks?|thanked|cares?|cared|follows?\s+(?:up|through)|
      followed\s+(?:up|through)|turns?\s+up|turned\s+up|shows?\s+up|showed\s+up)\b
  | \b(?:always|constantly|forever)\s+(?:late|changing|moving|complaining|shouting|interfering|
      behind|cancell?ing)\b
  | \bkeeps?\s+(?:changing|moving|cancell?ing|forgetting|ignoring|interrupting|losing|missing|
      breaking|delaying|getting\s+(?:it|this|that)\s+wrong)\b
  | \b(?:can['’]?t|won['’]?t|couldn['’]?t|didn['’]?t)\s+[^.!?\n;]{0,30}?,?\s+as\s+usual\b
  | \btook\s+forever\b
"""
# "cleaned up a mess", "turned around a failing team": a story of a fix, not a complaint.
REMEDY = re.compile(
    r"(?i)\b(?:clean(?:ed|ing)?\s+up|sort(?:ed|ing)?\s+out|fix(?:ed|ing)?|untangl(?:ed|ing)|"
    r"rescu(?:ed|ing)|turn(?:ed|ing)\s+(?:around|round)|solv(?:ed|ing)|resolv(?:ed|ing)|"
    r"improv(?:ed|ing)|rebuil(?:t|ding)|overc(?:a|o)me|help(?:ed|ing)?)\b"
)
OWN = re.compile(r"\b(?:your|our|my)\b")
# Idioms of a fault, which the writer may own ("I can't wait to get away from" and "I'm
# fed up with" complain whoever says them).
FAULT_IDIOM = re.compile(r"dropp|botch|bungl|screwed|messed|wasted|mismanag")
# The writer as the subject of an idiom of complaint: "I dropped the ball", "we really
# messed up the order" own a slip; "I think management dropped the ball" does not.
OWN_FAULT = re.compile(
    r"\b(?:i|we|i['’]ve|we['’]ve|i['’]d|we['’]d)\s+(?:(?:really|totally|completely|just|"
    r"clearly|also|may\s+have|might\s+have|must\s+have|have|had)\s+)?$"
)
NEGATED = re.compile(r"(?i)\b(?:not|never|n['’]t|hardly|no\s+longer)\s+(?:\w+\s+)?$")
CLAUSE_END = re.compile(r"[.!?;\n]|,\s+(?:but|and|so|which|although|though|while)\b|\bbut\b")


@cache
def _patterns(
    ignore_case: bool,
) -> tuple[re.Pattern[str], ...]:
    """The patterns are written in lower case and read the lower-cased text, three times
    faster than matching without case; a text whose lower case changes its length (rare
    letters such as "İ") is read as it is, ignoring case."""
    flags = re.VERBOSE | (re.IGNORECASE if ignore_case else 0)
    return (
        re.compile(IDIOMS, flags),
        re.compile(TARGET, flags),
        re.compile(NAMED_TARGET, re.VERBOSE),
        re.compile(JUDGEMENT, flags),
        *tone_repeated.compiled(flags),
    )


def _clauses(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in CLAUSE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _idiom(lowered: str, idioms: re.Pattern[str]) -> re.Match[str] | None:
    """The clause's idiom of complaint, unless the writer owns the fault it names ("I
    dropped the ball on the follow-up": owning a slip, not blaming)."""
    hit = idioms.search(lowered)
    if (
        hit is not None
        and FAULT_IDIOM.match(hit.group())
        and OWN_FAULT.search(lowered, 0, hit.start())
    ):
        return None
    return hit


def findings(
    doc: Document,
    courteous: list[tuple[int, int]],
    formulas: list[tuple[int, int]] | None = None,
) -> list[Finding]:
    """Criticisms in the text, one finding a clause, outside courteous sentences; with
    `formulas` (where the polite formulas stand), a complaint beside a formula in the
    same sentence is still one ("Sorry for the delay, my partners can't get anything
    done", "Sorry for the late reply, the IT department broke my laptop again")."""
    text = doc.text
    low = text.lower()
    same = len(low) == len(text)
    idioms, targets, named, judgements, repeat, failure = _patterns(not same)
    if not same:
        low = text
    # one scan of the whole text for the words a complaint needs; most letters have none,
    # and only the clauses that do are read closely
    cues = [m.start() for m in idioms.finditer(low)]
    cues += [m.start() for m in judgements.finditer(low)]
    cues += [m.start() for m in repeat.finditer(low)]
    cues += [m.start() for m in tone_repeated.REPEAT_AFTER.finditer(low)]
    if not cues:
        return []
    found: list[Finding] = []
    for start, end in _clauses(text):
        if not any(start <= c < end for c in cues):
            continue
        clause, lowered = text[start:end], low[start:end]
        hit = _idiom(lowered, idioms)
        third_party = True
        habit = None if hit else tone_repeated.search(lowered, repeat, failure)
        if habit is not None:
            span_start, hit = 0, habit[1]  # the whole clause: its subject is whom it blames
        elif hit is None:
            target = targets.search(lowered) or named.search(clause)
            if target is None:
                continue
            hit = judgements.search(lowered, target.end())
            if hit is None or REMEDY.search(clause, target.end(), hit.start()):
                continue
            span_start = target.start()
            # "sorry to hear that your team had a terrible week", "thank you for your
            # patience while our team was slow": sympathy and apology, not complaint
            third_party = OWN.search(lowered, target.start(), target.end()) is None
        else:
            span_start = hit.start()
        at, until = start + span_start, start + hit.end()
        if any(a <= start < b for a, b in courteous) and (
            formulas is None
            or not third_party
            or any(a < until and at < b for a, b in formulas)
            or not any(b <= at for _a, b in formulas)
        ):
            continue  # a courteous sentence: only a complaint after its formula is reported
        if NEGATED.search(clause[: hit.start()]):
            continue  # "was not disorganised", "never wasted our time"
        if hit.group().startswith("mismanag") and REMEDY.search(clause, 0, hit.start()):
            continue  # "I cleaned up a department that had been mismanaged": a story of a fix
        # the complaint to the end of its clause, so the message quotes what it is about
        span = clause[span_start : max(hit.end(), min(len(clause.rstrip()), hit.end() + 60))]
        span = span.strip()
        offset = start + span_start + (len(clause[span_start:]) - len(clause[span_start:].lstrip()))
        found.append(
            doc.finding(
                offset,
                len(span),
                "tone.negative-statement",
                Severity.ERROR,
                f'"{span}": {MESSAGE}',
                (),
            )
        )
    return found
