"""The word trigram model (`ngram.py`, `ngram_train.py`) and the slips it finds
(`lm_slips.py`): P5 "double check your spelling, grammar and content"."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from afterview.writing.checker import check_text
from afterview.writing.checks import lm_slips, lm_slips_train, ngram, ngram_train, tagger
from afterview.writing.checks.grammar_classes import tokens
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity

TINY = [
    "We meet at the end of the week.",
    "We meet at the end of the month.",
    "They meet at the end of the day.",
    "The team is keen to meet.",
    "The teams are keen to meet.",
]


def _tiny_model(tmp_path: Path) -> ngram.Model:
    total, tables = ngram_train.count(TINY)
    data = ngram.dumps(total, ngram_train.pruned(tables, [1, 1, 1]))
    path = tmp_path / "tiny.bin"
    path.write_bytes(data)
    return ngram.loads(path.read_bytes())


def test_counts_survive_the_packed_file(tmp_path: Path) -> None:
    model = _tiny_model(tmp_path)
    assert model.count(("the", "end", "of")) == pytest.approx(3, rel=0.06)
    assert model.count(("at", "the")) == pytest.approx(3, rel=0.06)
    assert model.count(("meet",)) == pytest.approx(5, rel=0.06)
    assert model.count(("end", "the", "at")) == 0
    assert model.count(("zebra",)) == 0
    # the sentence start is a context: "<s> we" twice
    assert model.count((ngram.START, "we")) == pytest.approx(2, rel=0.06)


def test_a_seen_triple_scores_above_its_backoff(tmp_path: Path) -> None:
    model = _tiny_model(tmp_path)
    seen = model.score("at", "the", "end")
    backed_off = model.score("keen", "the", "end")  # "keen the end" never seen
    assert seen == pytest.approx(0.0, abs=0.05)  # "at the" is always followed by "end"
    # backs off to "the end": 3 of the 8 times "the" is written
    assert backed_off == pytest.approx(math.log10(ngram.BACKOFF * 3 / 8), abs=0.05)
    assert model.score("x", "y", "never-seen") < model.score("x", "y", "meet")


def test_a_file_of_another_format_is_refused() -> None:
    with pytest.raises(ValueError, match="not an n-gram file"):
        ngram.loads(b"AVNG0\n" + bytes(ngram.HEADER.size))


def test_the_trainer_holds_out_every_fiftieth_paragraph(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(f"Paragraph number {i} is here." for i in range(100)) + "\n")
    out, held = tmp_path / "model.bin", tmp_path / "held.txt"
    assert ngram_train.main([str(corpus), "--out", str(out), "--hold-out", str(held)]) == 0
    assert held.read_text().splitlines() == [
        "Paragraph number 49 is here.",
        "Paragraph number 99 is here.",
    ]
    model = ngram.loads(out.read_bytes())
    assert model.count(("paragraph", "number", ngram.NUMBER)) == pytest.approx(98, rel=0.06)


def test_the_shipped_model_is_there_and_large() -> None:
    model = ngram.model()
    assert model.total > 40_000_000
    assert model.count(("at", "the", "end")) > 1000


def _warnings(text: str, rule: str) -> list[str]:
    found = check_text(text, CheckContext(language="en-GB")).findings
    return [
        text[f.offset : f.offset + f.length]
        for f in found
        if f.rule == rule and f.severity is Severity.WARNING
    ]


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("We hope to meet at end of the month to agree the plan.", "grammar.missing-word", "end"),
        ("This can a problem when the document is long.", "grammar.missing-word", "can a"),
    ],
)
def test_a_dropped_small_word_is_found(text: str, rule: str, span: str) -> None:
    assert any(span in s or s in span for s in _warnings(text, rule)), _warnings(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        "We hope to meet at the end of the month to agree the plan.",
        "Thank you for your time today; I enjoyed hearing about the roadmap.",
        "The team have been kind, and I look forward to hearing from you.",
        "It was a pleasure to meet Priya and the analysts on Tuesday.",
        "I am used to limited budgets and would be glad to help.",
    ],
)
def test_correct_letter_sentences_draw_no_model_warning(text: str) -> None:
    toks = tokens(text)
    model = ngram.model()
    tags = tagger.tag([t.text for t in toks])
    assert list(lm_slips.judged([t.low for t in toks], tags, model, lm_slips.acceptor())) == []


def test_only_slips_are_proposed_for_a_verb_never_a_change_of_tense() -> None:
    fixes = {
        fix for kind, _i, fix, _slug in lm_slips.edits(["we", "discussed", "it"]) if kind == "verb"
    }
    assert "discuss" not in fixes and "discusses" not in fixes
    after_modal = {
        (fix, slug)
        for kind, _i, fix, slug in lm_slips.edits(["it", "should", "looks", "fine"])
        if kind == "verb"
    }
    assert ("look", "verb-form") in after_modal
    number = {
        (fix, slug)
        for kind, _i, fix, slug in lm_slips.edits(["the", "report", "are"])
        if kind == "verb"
    }
    assert ("is", "agreement") in number
    # a collective noun takes either number in British English: "the team are", "plan"
    for words in (["the", "team", "are"], ["how", "the", "team", "plan", "it"]):
        tags = tagger.tag(words)
        agreement = [e for e in lm_slips.edits(words, tags) if e[3] == "agreement"]
        assert not agreement, agreement


def test_the_acceptor_survives_its_file() -> None:
    text = lm_slips.dumps({"missing-word": 1.25, "agreement": 2.0}, {"gain": 0.8, "fix=the": -0.1})
    accept = lm_slips.loads(text)
    assert accept.thresholds == {"missing-word": 1.25, "agreement": 2.0}
    assert accept.score({"gain": 2.0, "fix=the": 1.0}) == pytest.approx(1.5)


def test_the_shipped_acceptor_has_a_threshold_per_rule_and_trusts_the_gain() -> None:
    accept = lm_slips.acceptor()
    assert set(accept.thresholds) == {"missing-word", "agreement", "verb-form"}
    assert accept.weights["gain"] > 0


def test_learning_from_made_slips_weighs_the_gain_up() -> None:
    """On the shipped counts: paragraphs with slips made by the trainer itself teach the
    acceptor that a larger gain means a likelier slip."""
    model = ngram.model()
    paragraphs = [
        "We will meet at the end of the month to agree the plan for the year.",
        "The team is keen to hear what the users need before the work starts.",
        "It is important to read the guidance before you start to build the service.",
        "You should test the design with the people who will use it every day.",
        "It was really nice talking to you this week, and I hope we meet again.",
        "On the financial side the balance sheet looks strong this year.",
    ] * 5
    data = lm_slips_train.examples(model, paragraphs)
    assert any(label for _f, label, _rule in data) and not all(label for _f, label, _r in data)
    weights = lm_slips_train.train(data)
    assert weights["gain"] > 0
