"""Leftovers: template placeholders and drafting notes that must not reach the recipient
(P5 "Checks before sending": "no template placeholders left"; the same for P7/P8 emails).
An email that says "Dear [Name]" tells the reader it was not written for them.

Rule `leftover.placeholder` (error) catches `[Company]`, `[insert date]`, `{name}`,
`{{ name }}`, `<Name>`, `<insert ...>`, `XXX`, `TODO`, `TBD`, `FIXME`, "Lorem ipsum",
printf (`%s`, `%(name)s`) and shell-style (`$name`, `${name}`) slots. "TBD" and a bracketed
attachment marker ("[RESUME]", "[image: logo.png]", Outlook's "<<Proposal.xls>>", which mail
programs leave) are warnings:
real letters say "start date TBD" to the reader, and the marker asks only that the file be
attached. Not email addresses
in angle brackets (`<john@acme.com>`), web addresses, HTML tags, "[1]"-style references,
"[sic]", an optional ending ("attachment[s]"), a stock ticker ("<CGP.N>"), or a markdown
link's text. Where the context knows the value (the recorded
organisation for `[Company]`, the recorded people for `[Name]`), it is the suggestion.
"""

from __future__ import annotations

import re

from afterview.writing.checks._util import inside_any, url_spans, word_set
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import WORD, Document

PLACEHOLDER = re.compile(
    r"""
      \[\s*(?P<square>[^\[\]\n]{1,40}?)\s*\](?!\()      # [Company], [insert date]
    | \{\{\s*(?P<double>[^{}\n]{1,40}?)\s*\}\}          # {{ name }}
    | \$\{(?P<dollar_brace>[A-Za-z_]\w{0,30})\}         # ${name}
    | \{(?P<curly>[A-Za-z_][\w .-]{0,30})\}             # {name}
    | <(?P<angle>[A-Za-z][\w .'’-]{0,40})>              # <Name>, <insert company>
    | (?<![\w$])\$(?P<dollar>[A-Za-z_]\w{0,30})\b       # $name
    | %(?:\((?P<printf>\w{1,30})\))?[sd]\b              # %s, %(name)s
    | \b(?P<marker>XXX+|xxx+|XX|TODO|TBD|FIXME)\b       # drafting markers
    | (?i:\b(?P<lorem>lorem\s+ipsum)\b)
    """,
    re.VERBOSE,
)
HTML_TAGS = word_set(
    "a b i u p br hr em strong span div ul ol li table tr td th img html body head title "
    "small sub sup code pre blockquote"
)
ORGANISATION_WORDS = word_set(
    "company organisation organization employer firm business agency school hospital "
    "trust university charity practice studio client org"
)
PERSON_WORDS = word_set(
    "name interviewer contact recipient manager person first surname last full "
    "hiring recruiter addressee"
)
OWN_WORDS = word_set("your my signature own")
# "TBD" tells the reader something is still to be decided: often meant, so a warning.
MEANT_MARKERS = word_set("TBD")
# What a mail program writes in brackets where a file was attached or an image shown.
ATTACHMENT_WORDS = word_set(
    "resume résumé cv attachment attached image picture photo logo file document pdf portfolio"
)


# A file's name, as Outlook writes an attachment in the text: "<<Bond Proposal.xls>>".
FILE_NAME = re.compile(
    r"(?i)^[\w .'’-]+\.(?:xlsx?|docx?|pptx?|pdf|txt|csv|rtf|zip|msg|jpe?g|png|gif|vcf)$"
)
# A stock ticker in a news story: "Coastal Corp. <CGP.N>".
TICKER = re.compile(r"^[A-Z]{1,5}\.[A-Z]{1,2}$")


def _attachment(m: re.Match[str]) -> bool:
    inner = (m.group("square") or m.group("angle") or "").strip()
    return (
        inner.lower() in ATTACHMENT_WORDS
        or inner.lower().startswith(("image:", "cid:"))
        or FILE_NAME.match(inner) is not None
    )


def _content(m: re.Match[str]) -> str:
    for group in ("square", "double", "dollar_brace", "curly", "angle", "dollar", "printf"):
        value = m.group(group)
        if value is not None:
            return value
    return ""


def _is_placeholder(m: re.Match[str]) -> bool:
    """Rule out bracketed text that is not a slot: "[1]", "[sic]", "<b>", "<john@x.com>"."""
    if m.group("square") is not None:
        inner = m.group("square").strip()
        if m.start() and m.string[m.start() - 1].isalpha() and re.fullmatch(r"[a-z]{1,3}", inner):
            return False  # "attachment[s]", "child[ren]": an optional ending
        words = inner.split()
        return (
            bool(WORD.match(inner))
            and inner.lower() not in ("sic", "sic!")
            and (len(words) <= 4 or inner.lower().startswith("insert"))
        )
    if m.group("angle") is not None:
        return m.group("angle").lower() not in HTML_TAGS and not TICKER.match(m.group("angle"))
    return True


def _fill(content: str, ctx: CheckContext, in_greeting: bool) -> tuple[str, tuple[str, ...]]:
    """What to write instead (for the message) and the suggestions the context allows."""
    words = {w.lower() for w in WORD.findall(content)}
    if words & OWN_WORDS:
        return "your own details", ()
    if words & ORGANISATION_WORDS and ctx.organisation:
        return f"the organisation's name ({ctx.organisation})", (ctx.organisation,)
    if words & ORGANISATION_WORDS:
        return "the organisation's name", ()
    if words & PERSON_WORDS and ctx.people:
        if in_greeting or "first" in words:
            names = tuple(dict.fromkeys(_first_name(p.name) for p in ctx.people))
        else:
            names = tuple(dict.fromkeys(p.name for p in ctx.people))
        return f"the person's name ({', '.join(names)})", names
    if words & PERSON_WORDS:
        return "the person's name", ()
    if content:
        what = content.strip().removeprefix("insert ").removesuffix(" here").strip()
        return f"the {what}", ()
    return "the missing text", ()


def _first_name(name: str) -> str:
    titles = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"}
    for match in WORD.finditer(name):
        if match.group().lower() not in titles:
            return match.group()
    return name


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    """Every placeholder or drafting marker left in the text."""
    urls = url_spans(doc)
    findings: list[Finding] = []
    greeting = doc.greeting
    for m in PLACEHOLDER.finditer(doc.text):
        if not _is_placeholder(m) or inside_any(m.start(), m.end(), urls):
            continue
        in_greeting = greeting is not None and greeting.start <= m.start() < greeting.end
        severity = Severity.ERROR
        suggestions: tuple[str, ...] = ()
        if m.group("marker") in MEANT_MARKERS:
            severity = Severity.WARNING
            message = (
                f'"{m.group()}": if it marks text you meant to finish, fill it in; '
                "if the reader should know it is still to be decided, leave it."
            )
        elif _attachment(m):
            severity = Severity.WARNING
            message = (
                f'"{m.group()}" looks like an attachment marker: make sure the file is '
                "attached, or remove the marker."
            )
        elif m.group("marker") or m.group("lorem"):
            what = "a drafting marker" if m.group("marker") else "dummy text"
            message = f'"{m.group()}" is {what} left in the text: replace or remove it.'
        else:
            fill, suggestions = _fill(_content(m), ctx, in_greeting)
            message = (
                f'"{m.group()}" is a template placeholder: fill in {fill} before sending '
                "(P5: no placeholders left)."
            )
        findings.append(
            doc.finding(
                m.start(),
                m.end() - m.start(),
                "leftover.placeholder",
                severity,
                message,
                suggestions,
            )
        )
    return findings
