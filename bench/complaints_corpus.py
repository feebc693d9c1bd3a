"""Writes what the complaint model (`tone_model.py`) learns from and is calibrated on,
beside the sentences written for it (`tests/writing/corpus/complaints/`).

    python bench/complaints_corpus.py CLONE OUT_DIR
    python -m afterview.writing.checks.tone_model_train \
        tests/writing/corpus/complaints/*.tsv OUT_DIR/enron.tsv OUT_DIR/slips.tsv \
        OUT_DIR/drafts.tsv \
        --calibrate OUT_DIR/clean.txt

CLONE is a clone of tdebatty/java-datasets (MIT) holding commit `COMMIT`; its
`mini-enron` folder is a sample of the public Enron emails. Written to OUT_DIR:

- `enron.tsv`: the writers' own sentences of those emails (headers, quoted and
  forwarded text and long newsletters dropped) as `N` lines. A few real complaints are
  among them: a little noise the model lives with. Every message that shares a sentence
  with a held-out set (`heldout19/` to `heldout23/`) is left out whole, and no sentence
  found in any text of the checker's corpus is kept.
- `slips.tsv`: each complaint planted in a tuning set (`tone.negative-statement` in the
  slips of `real/`, `heldout16/` to `heldout18/`) as a `C` line, its sentence as written
  as an `N` line.
- `drafts.tsv`: the sentences of 3,000 of Afterview's own drafts (every kind) for
  candidates whose skills and experience use the words complaints use ("vendor
  management", "incident response", "turning around failing teams"), as `N` lines: the
  checker must never read its own letter as a complaint.
- `clean.txt`: the sentences of the tuning sets' texts as written, one a line, for the
  threshold (never learnt from). The held-out sets are in none of these files.
"""

from __future__ import annotations

import email
import quopri
import re
import subprocess
import sys
from email import policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.writing import draft_samples
from tests.writing import real_corpus as rc

from afterview.writing.drafts import compose
from afterview.writing.text import Document

COMMIT = "b148345cc12294a3ba6081aceb9fbc67e83d521b"
FOLDER = "src/main/resources/mini-enron/"
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "writing" / "corpus"
# Sets 19 and 20 became tuning material in round 17 but stay out: the shipped model was
# trained without them. Learning from them was tried in round 18: 99 of the 443 planted
# complaints found instead of 94, but "My manager was not disorganised at all" crossed
# the threshold, so that model was not shipped. Sets 21 to 23 are held out.
HELD_OUT = (
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
)
HELD_SPLITS = (
    "held12",
    "held13",
    "held14",
    "held15",
    "held19",
    "held20",
    "held21",
    "held22",
    "held23",
)
QUOTED = re.compile(
    r"^(?:-+\s*Original Message|-+\s*Forwarded by|From:|To:|\s*>|_{5,}|-{5,}|Sent by:)", re.M
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
LONGEST = 2500  # characters of a body: longer ones are newsletters and forwarded articles


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _git(clone: str, *args: str) -> bytes:
    return subprocess.run(["git", "-C", clone, *args], capture_output=True, check=True).stdout


def _body(raw: str) -> str | None:
    message = email.message_from_string(raw, policy=policy.compat32)
    body = message.get_payload()
    if not isinstance(body, str):
        return None
    if "=20" in body or "=\n" in body:
        body = quopri.decodestring(body.encode("latin-1")).decode("latin-1")
    quoted = QUOTED.search(body)
    body = body[: quoted.start()] if quoted else body
    return None if len(body) > LONGEST else body


def _sentences(body: str) -> list[str]:
    found = []
    for paragraph in re.split(r"\n\s*\n", body):
        for sentence in SENTENCE.split(re.sub(r"\s+", " ", paragraph).strip()):
            if 5 <= len(sentence.split()) <= 60 and re.search(r"[a-z]{3}", sentence):
                found.append(sentence)
    return found


def enron(clone: str) -> list[str]:
    texts = {p: _normal(p.read_text(encoding="utf-8")) for p in CORPUS.glob("**/*.txt")}
    every = " | ".join(texts.values())
    held = " | ".join(t for p, t in texts.items() if p.parent.name in HELD_OUT)
    names = _git(clone, "ls-tree", "-r", "--name-only", COMMIT, FOLDER).decode().split()
    kept: list[str] = []
    seen: set[str] = set()
    for name in names:
        body = _body(_git(clone, "show", f"{COMMIT}:{name}").decode("latin-1"))
        if body is None:
            continue
        sentences = _sentences(body)
        if any(len(_normal(s).split()) >= 6 and _normal(s) in held for s in sentences):
            continue
        for sentence in sentences:
            key = _normal(sentence)
            if key in seen or (len(key.split()) >= 6 and key in every):
                continue
            seen.add(key)
            kept.append(sentence)
    return kept


def _sentence_at(text: str, offset: int) -> str:
    doc = Document(text)
    for span in doc.sentences:
        if span.start <= offset < span.end:
            return text[span.start : span.end]
    return text


def slips() -> list[tuple[str, str]]:
    rows = []
    for slip in rc.slips():
        if slip.rule != "tone.negative-statement" or slip.split in HELD_SPLITS:
            continue
        body = rc.text(slip.text)
        at = body.index(slip.original)
        slipped = body[:at] + slip.slipped + body[at + len(slip.original) :]
        rows.append(("C", _sentence_at(slipped, at)))
        rows.append(("N", _sentence_at(body, at)))
    return rows


# What candidates put in their profile, chosen for words that complaints also use.
# (tests/writing/test_tone_model.py draws its drafts from other lists.)
SKILLS = (
    "vendor management, SQL, forecasting",
    "project management, stakeholder management, budgeting",
    "risk management, compliance, audit",
    "incident response, root cause analysis, on-call leadership",
    "complaint handling, customer retention, coaching",
    "debt recovery, negotiation, Excel",
    "change management, process redesign, training",
    "people management, hiring, performance reviews",
    "crisis communications, media relations, writing",
    "fraud prevention, investigations, reporting",
    "conflict resolution, mediation, case management",
    "defect triage, test automation, release management",
)
EXPERIENCE = (
    "five years running freight operations",
    "a decade managing difficult accounts",
    "three years fixing broken data pipelines",
    "eight years leading turnaround projects",
    "six years handling escalations for a busy support desk",
    "four years cleaning up legacy systems",
    "seven years managing demanding clients",
    "two years rebuilding a failing onboarding process",
    "nine years in regulatory enforcement",
    "five years on the night shift of an emergency department",
)
ROLES = (
    ("Operations Analyst", "Halcyon Freight"),
    ("Account Manager", "Brightwater Media"),
    ("Data Engineer", "Northwind Health"),
    ("Programme Manager", "Civic Transit Authority"),
    ("Support Team Lead", "Lumen Software"),
    ("Compliance Officer", "Harbour Bank"),
)
NUGGETS = (
    None,
    "the new warehouse opening in Leeds next spring",
    "how the team cut late deliveries by a third",
    "the plan to replace the old billing system",
    "your work on the complaints process",
)


def drafts(count: int = 3000) -> list[str]:
    found: list[str] = []
    seen: set[str] = set()
    for request in draft_samples.requests(
        3, count, SKILLS, EXPERIENCE, ROLES, NUGGETS, ("Marisol Ortega", "Dev Patel", "Ana Lee")
    ):
        body = compose(request).body
        for span in Document(body).sentences:
            sentence = body[span.start : span.end].replace("\n", " ")
            if sentence not in seen:
                seen.add(sentence)
                found.append(sentence)
    return found


def clean() -> list[str]:
    names = [
        *rc.names(),
        *rc.public_names(),
        *rc.heldout3_names(),
        *rc.heldout4_names(),
        *rc.heldout5_names(),
        *rc.heldout6_names(),
        *rc.heldout7_names(),
        *rc.heldout8_names(),
        *rc.heldout9_names(),
        *rc.heldout10_names(),
        *rc.heldout11_names(),
        *rc.heldout16_names(),
        *rc.heldout18_names(),
    ]
    found = []
    for name in names:
        body = rc.text(name)
        found += [body[s.start : s.end].replace("\n", " ") for s in Document(body).sentences]
    return found


def main() -> int:
    clone, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    negatives = enron(clone)
    (out / "enron.tsv").write_text("".join(f"N\t{s}\n" for s in negatives), encoding="utf-8")
    planted = slips()
    (out / "slips.tsv").write_text(
        "".join(f"{label}\t{s.replace(chr(10), ' ')}\n" for label, s in planted), encoding="utf-8"
    )
    own = drafts()
    (out / "drafts.tsv").write_text("".join(f"N\t{s}\n" for s in own), encoding="utf-8")
    sentences = clean()
    (out / "clean.txt").write_text("".join(f"{s}\n" for s in sentences), encoding="utf-8")
    print(
        f"{len(negatives)} Enron sentences, {len(planted)} slip rows, {len(own)} draft "
        f"sentences, {len(sentences)} clean"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
