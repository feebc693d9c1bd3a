"""The verb-form classifier (writing/checks/verb_forms.py): the forms it knows, which
changes it may call slips, its findings through the whole checker, its silence on good
letters, and the trainer that rebuilds it (P5: "double check your spelling, grammar")."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterview.writing.checker import check_text
from afterview.writing.checks import verb_forms as vf
from afterview.writing.checks import verb_forms_train
from afterview.writing.context import CheckContext


def _grammar(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    report = check_text(text, CheckContext(language="en-GB"))
    return [
        (f.rule, text[f.offset : f.offset + f.length], tuple(f.suggestions))
        for f in report.findings
        if f.rule.startswith("grammar.")
    ]


@pytest.mark.parametrize(
    ("base", "third", "past", "ing"),
    [
        ("fix", "fixes", "fixed", "fixing"),
        ("carry", "carries", "carried", "carrying"),
        ("write", "writes", "wrote", "writing"),
        ("stop", "stops", "stopped", "stopping"),
        ("lie", "lies", "lied", "lying"),
        ("see", "sees", "saw", "seeing"),
    ],
)
def test_the_forms_of_a_verb(base: str, third: str, past: str, ing: str) -> None:
    forms = vf.forms(base)
    assert (forms["VBZ"], forms["VBD"], forms["VBG"]) == (third, past, ing)
    assert forms["VB"] == forms["VBP"] == base


def test_a_word_is_judged_only_when_it_is_the_form_of_one_verb() -> None:
    assert vf.lemma("tells") == "tell"
    assert vf.lemma("answered") == "answer"
    assert vf.lemma("running") == "run"
    assert vf.lemma("found") is None  # "found" a company, or the past of "find"
    assert vf.lemma("is") is None and vf.lemma("could") is None  # other rules read these
    words = ["the", "back", "-", "end", "works"]
    assert vf.candidate(words, words, 3) is None  # part of "back-end"
    names = ["Drew", "said", "so"]
    assert vf.candidate(names, [w.lower() for w in names], 0) is None


def _scores(**by_class: float) -> list[float]:
    return [by_class.get(c, 0.0) for c in vf.CLASSES]


def test_a_change_of_tense_is_never_a_slip() -> None:
    # "began" where the model expects "begins": the writer's choice of tense; only the
    # base (after a modal or "to") may be offered, and here it does not lead
    found = vf.alarm(_scores(VBZ=50.0, VBD=-10.0, VB=-20.0), "began", "begin")
    assert found is not None and found[0] == "VB" and found[1] < 0


def test_agreement_and_the_form_after_a_modal_are() -> None:
    assert vf.alarm(_scores(X=-10.0, VBP=40.0, VBZ=-5.0), "tells", "tell") == ("VBP", 45.0)
    assert vf.alarm(_scores(VB=30.0, VBD=2.0), "used", "use") == ("VB", 28.0)
    # "not a verb here" holds the word as much as its own forms do
    assert vf.alarm(_scores(X=60.0, VBP=40.0), "tells", "tell") == ("VBP", -20.0)


@pytest.mark.parametrize(
    ("text", "word", "fix", "rule"),
    [
        ("You can used the form to apply.", "used", "use", "grammar.verb-form"),
        ("Users need to answered every question.", "answered", "answer", "grammar.verb-form"),
    ],
)
def test_a_slip_is_found_with_its_fix(text: str, word: str, fix: str, rule: str) -> None:
    found = [f for f in _grammar(text) if word in f[1].split()]
    assert found, _grammar(text)
    assert found[0][0] == rule
    assert any(fix in s.split() for s in found[0][2]), found


GOOD_LETTER = [
    "Thank you for taking the time to meet me on Tuesday.",
    "I met Priya and Tom, and we talked about the new data platform.",
    "She said the team had grown quickly and is hiring again.",
    "We went through the plan and agreed the next steps.",
    "I enjoyed hearing how the analysts use the dashboards every morning.",
    "The role suits what I have done over the last three years.",
    "Last year the company began moving its reports to the cloud.",
    "Please let me know if there is anything else you need from me.",
    "I look forward to hearing from you.",
]


def test_a_good_letter_is_left_alone() -> None:
    for sentence in GOOD_LETTER:
        assert not _grammar(sentence), sentence


def test_dumps_and_loads_keep_margins_and_weights() -> None:
    model = vf.loads(vf.dumps({"VB": 12.5, "VBZ": 3.0}, {"w-1 can": [0, 2000, 0, -500, 0, 0, 0]}))
    assert model.margins == {"VB": 12.5, "VBZ": 3.0}
    assert model.scores(["w-1 can", "unseen"]) == pytest.approx([0, 2.0, 0, -0.5, 0, 0, 0])


def test_the_trainer_learns_the_base_after_a_modal(tmp_path: Path) -> None:
    lines = []
    for k in range(80):
        lines.append(f"You can use the form {k} times, and she uses it daily.")
        lines.append(f"They will help you, and the guide helps too, {k} times over.")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "verbs.txt.gz"
    argv = [str(corpus), "--out", str(out), "--share", "1.0", "--keep", "0.5"]
    assert verb_forms_train.main(argv) == 0
    model = vf.loads(out.read_bytes())
    words = ["You", "can", "uses", "the", "form"]
    lows = [w.lower() for w in words]
    scores = model.scores(vf.context(words, lows, ["PRP", "MD", "VB", "DT", "NN"], 2, "use"))
    assert scores[vf.CLASSES.index("VB")] > scores[vf.CLASSES.index("VBZ")]


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("We make sure accessibility is evaluate at every stage.", "evaluate", "evaluated"),
        ("Once you have build the minimum product, test it.", "build", "built"),
        ("The error needs to be highlight for the user.", "highlight", "highlighted"),
    ],
)
def test_a_participle_the_model_leans_to_is_found_when_the_counts_second_it(
    text: str, word: str, fix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ("grammar.verb-form", word, (fix,)) in _grammar(text)
    monkeypatch.setattr(vf, "SECOND_SCALE", 1.0)  # the model's own margin alone
    assert ("grammar.verb-form", word, (fix,)) not in _grammar(text)


def test_the_second_opinion_never_changes_a_number_or_an_ing_form() -> None:
    for text in (
        "I suggest that he meet the wider team before the offer.",
        "The list of users that needs updating is long.",
        "It ranges from sitting in on calls to actually learning the system.",
    ):
        assert _grammar(text) == [], text


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Style guides help by turn them into simple rules.", "turn", "turning"),
        ("We learnt a lot from submit a form.", "submit", "submitting"),
        ("When you start build and testing, plan the work.", "build", "building"),
    ],
)
def test_an_ing_form_the_model_leans_to_after_a_preposition_is_found_when_seconded(
    text: str, word: str, fix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ("grammar.verb-form", word, (fix,)) in _grammar(text)
    monkeypatch.setattr(vf, "SECOND_SCALE", 1.0)  # the model's own margin alone
    assert ("grammar.verb-form", word, (fix,)) not in _grammar(text)


def test_a_noun_that_reads_well_as_an_ing_form_stays_a_noun() -> None:
    text = "To start work on a new service, or improve an existing one, you may need to explain it."
    assert _grammar(text) == []


def test_verbs_stressed_on_their_last_syllable_double_it() -> None:
    assert (vf.ing("submit"), vf.ing("format"), vf.past("refer")) == (
        "submitting",
        "formatting",
        "referred",
    )
    assert (vf.ing("visit"), vf.ing("open"), vf.past("edit"), vf.ing("stop")) == (
        "visiting",
        "opening",
        "edited",
        "stopping",
    )


def test_an_adjective_after_be_is_not_read_as_a_participle() -> None:
    assert _grammar("Build a culture where people can be open about problems.") == []


@pytest.mark.parametrize(
    "text",
    ["The delay was mine.", "That idea was mine, and a friend of mine agreed."],
)
def test_the_pronoun_mine_is_no_verb(text: str) -> None:
    """ "was mine" drew "Did you mean “mined”?" (found using the product)."""
    report = check_text(text, CheckContext(language="en-GB"))
    assert [f.rule for f in report.findings if f.rule.startswith("grammar")] == []
