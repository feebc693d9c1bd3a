"""tone_model: the complaint classifier (P5: no negative statements; P7, P8).

The sentences below were written for these tests after the model was trained and are
in none of its training files (tests/writing/corpus/complaints/): they measure how it
reads a writer it has never seen, in the candidate's own kind of letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterview.writing.checker import check_text
from afterview.writing.checks import tone, tone_model, tone_model_train
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity
from afterview.writing.text import Document

from .test_tone_criticism import NOT_COMPLAINTS

CORPUS = Path(__file__).parent / "corpus" / "complaints"

UNSEEN_COMPLAINTS = [
    "Thanks for the chat on Tuesday; honestly anything would beat answering to a director "
    "who rewrites every slide I make.",
    "I'd be glad to leave a place where the sales team promises features engineering has "
    "never heard of.",
    "My current lead hasn't given me a straight answer about my promotion in eighteen months.",
    "The last agency I dealt with sent my CV to three companies without asking me first.",
    "Our new VP spends more time on his personal brand than on the people who report to him.",
    "I'm looking to move on because nobody in leadership reads the reports we spend weeks writing.",
    "To be frank, the onboarding at my current firm consisted of a laptop and a list of passwords.",
    "Half my team quit last year because management would not stop moving the goalposts.",
    "The recruiter I spoke to before you clearly hadn't read my application.",
    "After two years of broken promises about a pay review, I've stopped believing anything "
    "HR tells us.",
    "My manager schedules our one-to-ones and then forgets to turn up.",
    "The finance team loses every expense claim I send them, so I've started keeping copies.",
    "I'm tired of cleaning up after colleagues who never test their own code.",
    "Frankly the interview process at my last employer was an exercise in wasting everyone's "
    "afternoon.",
    "It would be a relief to work for someone who doesn't take every question as a personal "
    "attack.",
    "The partners there treat junior staff like furniture.",
    "Between us, my boss couldn't run a bath, let alone a department.",
    "Every deadline at my company is set by people who have never done the work.",
    "Our IT department takes a fortnight to reset a password.",
    "I've learnt not to expect any support from the people upstairs.",
]

UNSEEN_COURTESY = [
    "Thank you for taking the time to walk me through the team's plans for next year.",
    "I enjoyed hearing how the support team cut response times by half.",
    "My manager has been very supportive of my decision to look for a bigger role.",
    "I'm leaving because my contract ends in March and the project is winding down.",
    "I was sorry to hear the launch was delayed by the supplier's strike.",
    "I never expected to enjoy a panel interview, but I did.",
    "Nobody could have prepared me better for this role than my first mentor.",
    "It has been ten days since we spoke, so I wanted to check whether there is any news.",
    "I realise hiring decisions take time, and I'm happy to wait.",
    "The toughest part of my current job is balancing three clients at once, and I have "
    "learnt a lot from it.",
    "I made a mistake on the pricing question and would like to correct my answer.",
    "My team never misses a chance to celebrate a release together.",
    "Please let me know if you need anything else from me before Friday.",
    "Our office is moving to Leeds next year, which is one reason I'm looking locally.",
    "I would be grateful for any feedback on my second interview.",
    "The restructure last spring merged our team with marketing, and I led the handover.",
    "I'm sorry I missed your call this morning; I was on the train.",
    "Sadly I have to withdraw, as I have accepted an offer closer to home.",
    "The whole team was welcoming, and I left the office excited about the role.",
    "I know your recruiters are busy, so thank you for finding time for me.",
]


def model_warnings(text: str) -> list[str]:
    return [
        text[f.offset : f.offset + f.length]
        for f in tone.check(Document(text), CheckContext())
        if f.rule == "tone.negative-statement" and f.severity is Severity.WARNING
    ]


def complaint_findings(text: str) -> list[str]:
    """Every tone.negative-statement finding, the patterns' errors and the model's warnings."""
    return [
        text[f.offset : f.offset + f.length]
        for f in tone.check(Document(text), CheckContext())
        if f.rule == "tone.negative-statement"
    ]


def test_the_shipped_model_loads() -> None:
    assert tone_model.model() is not None


def test_most_complaints_of_an_unseen_writer_are_found() -> None:
    found = [s for s in UNSEEN_COMPLAINTS if model_warnings(s) == [s]]
    # 17 of 20 when these were written; the patterns of tone_criticism find 1
    assert len(found) >= 15, sorted(set(UNSEEN_COMPLAINTS) - set(found))


def test_courtesy_praise_and_neutral_reasons_draw_no_warning() -> None:
    # the look-alikes written for the patterns are hard cases ("the worst is behind us",
    # "disaster recovery"); two of 85 draw a warning: "Our team ran a disaster recovery
    # drill every quarter." ("disaster" after "team", which complaints often have) and,
    # since round 20's model, "My manager was not disorganised at all; she was the
    # opposite." (a denial; that model finds 6-8 more complaints of each unseen writer
    # and flags 34 of their 1,000 look-alikes against 35: docs/benchmarks.md)
    assert [s for s in UNSEEN_COURTESY if model_warnings(s)] == []
    warned = [s for s in NOT_COMPLAINTS if model_warnings(s)]
    assert len(warned) <= 2, warned


def test_a_complaint_the_patterns_report_is_not_reported_twice() -> None:
    text = "Honestly, working under Dave was a nightmare from day one."
    findings = [f for f in tone.check(Document(text), CheckContext()) if f.rule.startswith("tone.")]
    assert [(f.rule, f.severity) for f in findings] == [("tone.negative-statement", Severity.ERROR)]


def test_the_warning_covers_the_sentence_and_leaves_the_exit_code_alone() -> None:
    text = (
        "Dear Ms Okafor,\n\nThank you for meeting me on Monday. My manager schedules our "
        "one-to-ones and then forgets to turn up. I would welcome the chance to join your "
        "team.\n\nKind regards,\nSam"
    )
    report = check_text(text, CheckContext(language="en-GB"))
    tone_findings = [f for f in report.findings if f.rule == "tone.negative-statement"]
    assert [text[f.offset : f.offset + f.length] for f in tone_findings] == [
        "My manager schedules our one-to-ones and then forgets to turn up."
    ]
    assert tone_findings[0].severity is Severity.WARNING
    assert "P5" in tone_findings[0].message


@pytest.mark.parametrize(
    "sentence",
    [
        "Legal sat on the draft for a month, and nobody in Houston thought to tell the desk.",
        "Please send the curve by Friday (risk can't produce one without three reminders).",
        "I enjoyed it; thanks again.",
        "",
        "...",
        "Ok",
    ],
)
def test_the_fast_score_is_the_sum_the_model_learnt(sentence: str) -> None:
    """`Model.best` sums weights word by word; training sums the features of each unit.
    They must agree, or the threshold set in training means nothing at run time."""
    model = tone_model.model()
    assert model is not None
    negative = tone.negative_words()
    _whole, units = tone_model_train.encode(sentence, negative)
    expected = max((sum(model.weights[s] for s in slots) for slots in units), default=None)
    assert model.best(sentence, negative) == expected


def test_training_writes_a_model_that_reads_back(tmp_path: Path) -> None:
    train = tmp_path / "train.tsv"
    train.write_text(
        "".join(f"C\t{s}\n" for s in UNSEEN_COMPLAINTS[:10])
        + "".join(f"N\t{s}\n" for s in UNSEEN_COURTESY[:10]),
        encoding="utf-8",
    )
    clean = tmp_path / "clean.txt"
    clean.write_text("\n".join(UNSEEN_COURTESY[10:]) + "\n", encoding="utf-8")
    out = tmp_path / "model.bin"
    assert tone_model_train.main([str(train), "--calibrate", str(clean), "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data[:4] == tone_model.MAGIC
    assert len(data) == 8 + 2 * (1 << tone_model.BITS)
    # the same data gives the same file: the shipped model can be rebuilt and compared
    again = tmp_path / "again.bin"
    tone_model_train.main([str(train), "--calibrate", str(clean), "--out", str(again)])
    assert again.read_bytes() == data


def test_a_malformed_training_line_names_its_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("C\tfine\nX maybe\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"bad.tsv:2: expected C or N"):
        tone_model_train.read_labelled(bad)


def test_the_training_files_are_well_formed_and_balanced() -> None:
    for path in sorted(CORPUS.glob("w*.tsv")):
        rows = tone_model_train.read_labelled(path)
        complaints = sum(label for label, _ in rows)
        assert len(rows) == 500, path.name
        assert 100 <= complaints <= 250, path.name
        assert len({s for _, s in rows}) == len(rows), f"duplicates in {path.name}"
        assert not set(UNSEEN_COMPLAINTS + UNSEEN_COURTESY) & {s for _, s in rows}


def test_no_model_file_means_no_model_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tone_model, "DATA", "/nonexistent/complaints.bin")
    tone_model.model.cache_clear()
    try:
        assert model_warnings(UNSEEN_COMPLAINTS[3]) == []
    finally:
        tone_model.model.cache_clear()


def test_afterview_never_reads_its_own_drafts_as_complaints() -> None:
    """Drafts for candidates whose skills and experience use a complaint's words
    ("grievance handling", "resolving customer complaints"); the model learnt from
    drafts built with other lists (bench/complaints_corpus.py)."""
    from afterview.writing.drafts import compose

    from .draft_samples import requests

    skills = [
        "claims management, underwriting, Excel",
        "inventory management, procurement, SAP",
        "team leadership, mentoring, Python",
        "bug triage, debugging, incident management",
        "grievance handling, employee relations, policy",
        "collections, dispute resolution, CRM",
        "quality control, failure analysis, Six Sigma",
    ]
    experience = [
        "six years resolving customer complaints",
        "a decade in insolvency and restructuring",
        "four years debugging production outages",
        "eight years investigating workplace grievances",
        "five years chasing overdue invoices",
    ]
    roles = [
        ("Claims Handler", "Keystone Insurance"),
        ("Paralegal", "Aldridge Legal"),
        ("Charge Nurse", "Pinecrest Clinic"),
    ]
    nuggets = [None, "the backlog of unresolved claims"]
    warned = []
    for request in requests(11, 300, skills, experience, roles, nuggets, ("Tom Baker",)):
        warned += model_warnings(compose(request).body)
    assert warned == []


def test_complaints_planted_by_other_writers_are_found_and_their_originals_left_alone() -> None:
    """443 complaints three writers planted into Enron sentences (corpus/complaints/
    planted/, never learnt from): 90 found when the model was trained (the patterns
    alone: 21); the sentences as written draw no complaint."""
    found = originals = total = 0
    for path in sorted((CORPUS / "planted").glob("planted*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            original, rewritten = line.split("\t")
            total += 1
            found += bool(complaint_findings(rewritten))
            originals += bool(complaint_findings(original))
    assert total == 443
    assert found >= 105, found
    assert originals == 0


@pytest.mark.parametrize(
    ("name", "complaints_found", "look_alikes_flagged"),
    [("w6.tsv", 90, 8), ("w8.tsv", 135, 30), ("w9.tsv", 70, 6), ("w10.tsv", 93, 12)],
)
def test_unseen_writers_complaints_are_found_and_their_look_alikes_mostly_spared(
    name: str, complaints_found: int, look_alikes_flagged: int
) -> None:
    """Writers the model never learnt from (corpus/complaints/unseen/), 250 complaints and
    250 look-alikes each: w6 many workplaces, w8 a candidate's letters, w9 government
    offices, w10 commercial desks typed fast. At training (docs/benchmarks.md, round 20):
    97, 143, 77 and 101 found; 2, 24, 2 and 6 look-alikes flagged."""
    rows = tone_model_train.read_labelled(CORPUS / "unseen" / name)
    assert len(rows) == 500
    found = sum(bool(complaint_findings(s)) for label, s in rows if label)
    flagged = sum(bool(complaint_findings(s)) for label, s in rows if not label)
    assert found >= complaints_found, found
    assert flagged <= look_alikes_flagged, flagged
