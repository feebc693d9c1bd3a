"""The checker on real email (corpus/real/, SOURCES.md): quiet on what careful people
wrote, loud on their slips and on ours. Run as `afterview check FILE --language L` runs,
with no records: every name is unknown. Scores: docs/benchmarks.md#checker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from . import real_corpus as rc

NAMES = rc.names()


def test_the_corpus_is_real_sourced_and_large_enough() -> None:
    assert len(NAMES) >= 40
    sources = (rc.REAL / "SOURCES.md").read_text(encoding="utf-8")
    assert "MIT licence" in sources and "bosung90/email-categorize" in sources
    held = [n for n in NAMES if rc.held_out(n)]
    assert 10 <= len(held) < len(NAMES) // 2


def test_at_most_three_real_emails_fail_only_on_false_alarms() -> None:
    failing = {n: rc.false_alarms(n) for n in NAMES if rc.false_alarms(n)}
    assert len(failing) <= 3, failing


@pytest.mark.parametrize("name", [n for n in NAMES if rc.real_errors(n)])
def test_every_real_error_is_still_caught(name: str) -> None:
    assert set(rc.real_errors(name)) <= set(rc.errors_found(name))


def _recall(split: str, homophones: bool = False) -> tuple[int, int]:
    rows = [
        s for s in rc.slips() if s.split == split and (not homophones or s.rule in rc.HOMOPHONES)
    ]
    return sum(rc.caught(s) for s in rows), len(rows)


def test_the_slips_are_many_and_varied() -> None:
    slips = rc.slips()
    assert len(slips) >= 100
    assert len({s.id for s in slips}) == len(slips)
    by_rule = Counter(s.rule for s in slips)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 40
    assert {s.split for s in slips} == {
        "tune",
        "held",
        "held2",
        "held3",
        "held4",
        "held5",
        "held6",
        "held7",
        "held8",
        "held9",
        "held10",
        "held11",
        "held12",
        "held13",
        "held14",
        "held15",
        "held16",
        "held17",
        "held18",
        "held19",
        "held20",
        "held21",
        "held22",
        "held23",
        "held24",
    }
    held2 = [s for s in slips if s.split == "held2"]
    assert len(held2) >= 80
    assert sum(s.rule in rc.HOMOPHONES for s in held2) >= 40
    assert {s.text for s in held2} <= set(rc.public_names())


def test_at_most_two_public_texts_fail_only_on_false_alarms() -> None:
    failing = {n: rc.false_alarms(n) for n in rc.public_names() if rc.false_alarms(n)}
    assert len(failing) <= 2, failing


def test_the_third_held_out_set_is_mit_licensed_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT3 / "SOURCES.md").read_text(encoding="utf-8")
    assert "govau/service-manual" in sources and "MIT licence" in sources
    assert "Copyright (c) 2017 Commonwealth of Australia" in sources
    assert "Commonwealth of Australia" in (rc.HELDOUT3 / "LICENSE-govau.txt").read_text()
    assert all(f"`{name}.txt`" in sources for name in rc.heldout3_names())
    held3 = [s for s in rc.slips() if s.split == "held3"]
    assert len(held3) >= 110 and {s.text for s in held3} <= set(rc.heldout3_names())
    assert sum(s.rule in rc.HOMOPHONES for s in held3) >= 80


def test_the_fourth_held_out_set_is_mit_licensed_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT4 / "SOURCES.md").read_text(encoding="utf-8")
    assert "nhsuk/nhsuk-service-manual" in sources and "MIT licence" in sources
    assert "Copyright (c) 2020 NHS England" in sources
    assert "1ed624d4381414563b6c45750a32b4b36f7f1453" in sources
    assert "NHS England" in (rc.HELDOUT4 / "LICENSE-nhsuk.txt").read_text()
    names = rc.heldout4_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held4 = [s for s in rc.slips() if s.split == "held4"]
    assert len(held4) >= 150 and {s.text for s in held4} <= set(names)
    assert min(s.id for s in held4) >= 601
    by_rule = Counter(s.rule for s in held4)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 10


def test_the_fifth_held_out_set_is_mit_licensed_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT5 / "SOURCES.md").read_text(encoding="utf-8")
    assert "alphagov/govuk-design-system" in sources and "MIT licence" in sources
    assert "Copyright (c) 2017 Crown Copyright (Government Digital" in sources
    assert "efb0d77d38b7ed7f921697564d2c47723d434977" in sources
    assert "Crown Copyright" in (rc.HELDOUT5 / "LICENCE-govuk.txt").read_text()
    names = rc.heldout5_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held5 = [s for s in rc.slips() if s.split == "held5"]
    assert len(held5) >= 200 and {s.text for s in held5} <= set(names)
    assert min(s.id for s in held5) >= 901
    by_rule = Counter(s.rule for s in held5)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 20


def test_the_sixth_held_out_set_is_public_domain_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT6 / "SOURCES.md").read_text(encoding="utf-8")
    assert "uswds/uswds-site" in sources and "public domain" in sources and "CC0" in sources
    assert "284e0976332d4e958ac1baf986180276dd4cbbcb" in sources
    licence = (rc.HELDOUT6 / "LICENSE-uswds.txt").read_text(encoding="utf-8")
    assert "public domain" in licence and "CC0 1.0 Universal" in licence
    names = rc.heldout6_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    assert {rc.language(name) for name in names} == {"en-US"}
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held6 = [s for s in rc.slips() if s.split == "held6"]
    assert len(held6) >= 240 and {s.text for s in held6} <= set(names)
    assert min(s.id for s in held6) >= 1201 and max(s.id for s in held6) < 1501
    by_rule = Counter(s.rule for s in held6)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.agreement"] >= 40
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 20


def test_the_seventh_held_out_set_is_public_domain_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT7 / "SOURCES.md").read_text(encoding="utf-8")
    assert "GSA/digitalgov.gov" in sources and "public domain" in sources and "CC0" in sources
    assert "4979583206d90ff1707b097454a9b169ca9e95e4" in sources
    licence = (rc.HELDOUT7 / "LICENSE-digitalgov.txt").read_text(encoding="utf-8")
    assert "public domain" in licence and "CC0 1.0 Universal" in licence
    names = rc.heldout7_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    assert {rc.language(name) for name in names} == {"en-US"}
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held7 = [s for s in rc.slips() if s.split == "held7"]
    assert len(held7) >= 240 and {s.text for s in held7} <= set(names)
    assert min(s.id for s in held7) >= 1501
    by_rule = Counter(s.rule for s in held7)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.agreement"] >= 40
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 20


def test_the_eighth_held_out_set_is_public_domain_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT8 / "SOURCES.md").read_text(encoding="utf-8")
    assert "GSA/plainlanguage.gov" in sources and "public domain" in sources and "CC0" in sources
    assert "43230773bd7c589ac6394ead7b36a2554241abdc" in sources
    licence = (rc.HELDOUT8 / "LICENSE-plainlanguage.txt").read_text(encoding="utf-8")
    assert "public domain" in licence and "CC0 1.0 Universal" in licence
    names = rc.heldout8_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    assert {rc.language(name) for name in names} == {"en-US"}
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held8 = [s for s in rc.slips() if s.split == "held8"]
    assert len(held8) >= 240 and {s.text for s in held8} <= set(names)
    assert min(s.id for s in held8) >= 1801 and max(s.id for s in held8) < 2101
    by_rule = Counter(s.rule for s in held8)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.agreement"] >= 40
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 20


def test_the_ninth_held_out_set_is_ogl_licensed_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT9 / "SOURCES.md").read_text(encoding="utf-8")
    assert "alphagov/government-service-design-manual" in sources
    assert "Open Government Licence v2.0" in sources
    assert "4efa105e0dde7beb862f99253f118e140da8d487" in sources
    licence = (rc.HELDOUT9 / "LICENCE-gdsmanual.txt").read_text(encoding="utf-8")
    assert "Open Government Licence" in licence and "version/2" in licence
    names = rc.heldout9_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    assert {rc.language(name) for name in names} == {"en-GB"}
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held9 = [s for s in rc.slips() if s.split == "held9"]
    assert len(held9) >= 240 and {s.text for s in held9} <= set(names)
    assert min(s.id for s in held9) >= 2101 and max(s.id for s in held9) < 2401
    by_rule = Counter(s.rule for s in held9)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.agreement"] >= 40
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 20


def test_the_tenth_held_out_set_is_public_domain_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT10 / "SOURCES.md").read_text(encoding="utf-8")
    assert "GSA/Section508.gov" in sources and "public domain" in sources and "CC0" in sources
    assert "65b63a1e9137e69f5b3893a0942b98e462b95d65" in sources
    licence = (rc.HELDOUT10 / "LICENSE-section508.txt").read_text(encoding="utf-8")
    assert "public domain" in licence and "CC0 1.0 Universal" in licence
    names = rc.heldout10_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    assert {rc.language(name) for name in names} == {"en-US"}
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held10 = [s for s in rc.slips() if s.split == "held10"]
    assert len(held10) >= 240 and {s.text for s in held10} <= set(names)
    assert min(s.id for s in held10) >= 2401 and max(s.id for s in held10) < 2701
    assert all(rc.text(s.text).count(s.original) == 1 for s in held10)
    by_rule = Counter(s.rule for s in held10)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.agreement"] >= 40
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 20


def test_the_eleventh_held_out_set_is_mit_licensed_sourced_and_large_enough() -> None:
    sources = (rc.HELDOUT11 / "SOURCES.md").read_text(encoding="utf-8")
    assert "dwp/accessibility-manual" in sources and "MIT licence" in sources
    assert "Copyright (c) 2020 DWP (The Department for Work and" in sources
    assert "f26460e4e11ceb67b00cd8bdadae958127e0773b" in sources
    licence = (rc.HELDOUT11 / "LICENCE-dwp.txt").read_text(encoding="utf-8")
    assert "The MIT License" in licence and "Department for Work and Pensions" in licence
    names = rc.heldout11_names()
    assert len(names) >= 30 and all(f"`{name}.txt`" in sources for name in names)
    assert {rc.language(name) for name in names} == {"en-GB"}
    words = sum(len(rc.text(name).split()) for name in names)
    assert 4000 <= words <= 5500
    held11 = [s for s in rc.slips() if s.split == "held11"]
    assert len(held11) >= 240 and {s.text for s in held11} <= set(names)
    assert min(s.id for s in held11) >= 2701
    assert all(rc.text(s.text).count(s.original) == 1 for s in held11)
    by_rule = Counter(s.rule for s in held11)
    assert sum(by_rule[r] for r in rc.HOMOPHONES) >= 100
    assert by_rule["grammar.agreement"] >= 40
    assert by_rule["grammar.repeated-word"] >= 20 and by_rule["grammar.missing-word"] >= 20


# The rule mix of the eleventh set, planted again in the twelfth and thirteenth: 107
# homophones, then agreement, dropped words, doubled words, verb forms and a/an.
MIX_OF_SET_11 = {
    "grammar.your-youre": 30,
    "grammar.to-too": 30,
    "grammar.their-there": 25,
    "grammar.its-its": 11,
    "grammar.then-than": 5,
    "grammar.were-where": 4,
    "grammar.affect-effect": 2,
    "grammar.agreement": 53,
    "grammar.missing-word": 30,
    "grammar.repeated-word": 28,
    "grammar.verb-form": 20,
    "grammar.a-an": 12,
}


def _planted_as_written(split: str, first_id: int, names: list[str]) -> None:
    """250 slips with ids first_id.., each on a listed text, with an original that occurs
    once there and a slip that changes it, no two overlapping, in the eleventh set's mix.
    Structure only: the checker is not run."""
    planted = [s for s in rc.slips() if s.split == split]
    assert len(planted) == 250 and {s.text for s in planted} <= set(names)
    assert sorted(s.id for s in planted) == list(range(first_id, first_id + 250))
    assert Counter(s.rule for s in planted) == MIX_OF_SET_11
    assert sum(s.rule in rc.HOMOPHONES for s in planted) == 107
    assert len({s.text for s in planted}) == len(names)
    spans: dict[str, list[tuple[int, int]]] = {}
    for s in planted:
        body = rc.text(s.text)
        assert body.count(s.original) == 1, (s.id, s.original)
        assert s.slipped != s.original, s.id
        start = body.index(s.original)
        slipped = body[:start] + s.slipped + body[start + len(s.original) :]
        assert slipped != body, s.id
        spans.setdefault(s.text, []).append((start, start + len(s.original)))
    for text, found in spans.items():
        found.sort()
        assert all(a[1] <= b[0] for a, b in pairwise(found)), text


@pytest.mark.parametrize(
    ("split", "folder", "names", "source", "licence_file", "licence_words", "lang", "first"),
    [
        (
            "held12",
            rc.HELDOUT12,
            rc.heldout12_names,
            ("cisagov/get.gov", "CC0", "dca2fbfd830d393570b2e10c78852eec1896bacd"),
            "LICENSE-getgov.txt",
            ("public domain", "CC0 1.0 Universal"),
            "en-US",
            3001,
        ),
        (
            "held13",
            rc.HELDOUT13,
            rc.heldout13_names,
            (
                "best-practice-and-impact/qa-of-code-guidance",
                "Open Government Licence v3.0",
                "fa39f2089905fe07c08ae4d66671736a1becd3c5",
            ),
            "LICENCE-qacode.txt",
            ("Open Government Licence v3.0", "Crown copyright"),
            "en-GB",
            3301,
        ),
        (
            "held14",
            rc.HELDOUT14,
            rc.heldout14_names,
            (
                "ministryofjustice/technical-guidance",
                "MIT",
                "d0f7e2a92c88f0c3cca02946d750daabca3c0196",
            ),
            "LICENCE-mojtech.txt",
            ("MIT License", "Crown Copyright"),
            "en-GB",
            3551,
        ),
        (
            "held15",
            rc.HELDOUT15,
            rc.heldout15_names,
            ("18F/ux-guide", "CC0", "e6698db059b46f84bc97e600935e334a945b2cc5"),
            "LICENCE-uxguide.txt",
            ("public domain", "CC0 1.0 Universal"),
            "en-US",
            3801,
        ),
    ],
)
def test_the_twelfth_to_fifteenth_held_out_sets_are_licensed_sourced_and_large_enough(
    split: str,
    folder: Path,
    names: Callable[[], list[str]],
    source: tuple[str, ...],
    licence_file: str,
    licence_words: tuple[str, ...],
    lang: str,
    first: int,
) -> None:
    """Each set names its source at a commit, carries its licence, and holds 30 excerpts
    of 140–190 words in one language with 250 slips planted as written."""
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    assert all(words in sources for words in source)
    licence = (folder / licence_file).read_text(encoding="utf-8")
    assert all(words in licence for words in licence_words)
    listed = names()
    assert len(listed) == 30 and all(f"`{name}.txt`" in sources for name in listed)
    assert {rc.language(name) for name in listed} == {lang}
    counts = [len(rc.text(name).split()) for name in listed]
    assert 4000 <= sum(counts) <= 5500 and min(counts) >= 140 and max(counts) <= 190
    _planted_as_written(split, first, listed)


# Precision on the sixth to ninth held-out texts as written (no slips planted), at the
# levels first measured: texts failing on an error that is not the source's own (all of
# them spelling: 6 errors in 5 USWDS texts, 12 in 5 Digital.gov texts, 6 in 3 Plain
# Language texts, 11 in 6 GDS manual texts), and grammar warnings (USWDS: 6, five of
# agreement and one of affect/effect; Digital.gov: 7, five of agreement, one its/it's, one
# missing word; Plain Language: 12, six of agreement, four your/you're, one verb form, one
# missing word; GDS manual: 11, five of agreement, two verb forms, two missing words, one
# its/it's, one your/you're). After round 7's agreement work the warnings fell to 2, 3, 10
# and 10. The n-gram model added 1, 1, 2 and 0 (a missing word or a verb's number that
# reads more naturally in documentation: "require the information be entered" → "to
# be"): 3, 4, 12 and 10, the limits now. The tenth and eleventh sets, measured with it:
# 2 and 7 texts failing (the source's own "it's own" and "it it" among them), 9 and 7
# warnings (2 of the 7 from the model, none of the 9). The fourteenth set, measured once
# on arrival: 8 texts failing (two on the source's own "ramework" and "many many", the
# rest on words the dictionaries lack: "unarchived", "inclusivity", "uncompetitive"…),
# 11 warnings; 6 texts and 10 warnings after round 11 (those three words and "devs" were
# added to the job-hunt words after reading these alarms, so this figure is no longer
# unseen); 9 warnings after round 12. The fifteenth set, counted once on arrival (round
# 12), the alarms themselves unread: 1 text failing, 11 warnings.
@pytest.mark.parametrize(
    ("folder", "failing", "warnings"),
    [
        ("heldout6", 5, 4),
        ("heldout7", 5, 6),
        ("heldout8", 3, 13),
        ("heldout9", 6, 10),
        ("heldout10", 2, 10),
        ("heldout11", 7, 8),
        ("heldout12", 5, 9),
        ("heldout13", 8, 19),
        ("heldout14", 6, 9),
        ("heldout15", 1, 11),
    ],
)
def test_the_sixth_to_fifteenth_held_out_texts_raise_no_more_alarms_than_measured(
    folder: str, failing: int, warnings: int
) -> None:
    names = {
        "heldout6": rc.heldout6_names,
        "heldout7": rc.heldout7_names,
        "heldout8": rc.heldout8_names,
        "heldout9": rc.heldout9_names,
        "heldout10": rc.heldout10_names,
        "heldout11": rc.heldout11_names,
        "heldout12": rc.heldout12_names,
        "heldout13": rc.heldout13_names,
        "heldout14": rc.heldout14_names,
        "heldout15": rc.heldout15_names,
    }[folder]()
    fails = {n: fa for n in names if (fa := rc.false_alarms(n))}
    assert len(fails) <= failing, fails
    warned = {n: w for n in names if (w := rc.grammar_warnings(n))}
    assert sum(len(w) for w in warned.values()) <= warnings, warned


def test_the_second_held_out_set_is_public_domain_and_sourced() -> None:
    sources = (rc.PUBLIC / "SOURCES.md").read_text(encoding="utf-8")
    assert "18F/18f.gsa.gov" in sources and "CC0" in sources
    assert all(f"`{name}.txt`" in sources for name in rc.public_names())


# Floors at the measured level (docs/benchmarks.md#checker), never above it. The issue's
# targets are 95 % of all slips and 90 % of the homophones, on slips never tuned on.
# "held5" (MIT-licensed GOV.UK Design System texts, planted before this round's rules and
# measured once before and once after them) is that set: 192/258 = 74.4 % (before:
# 169/258), homophones 87/111 = 78.4 % (before: 86/111); neither target is met. "held4"
# became tuning material for this round: 216/267, homophones 104/116. "held3": 160/191,
# 81/84. "held2": 91/105, 49/53. "held" was seen when its misses were reported: 53/56, 24/27.
# "held6" (public-domain U.S. Web Design System texts) and "held7" (public-domain Digital.gov
# texts) were planted and committed before the checker first ran on them, and measured once
# with the rules as they stood, their misses unread: held6 153/250 = 61.2 %, homophones
# 75/108 = 69.4 %; held7 157/251 = 62.5 %, homophones 83/108 = 76.9 %.
# "held8" (public-domain Federal Plain Language Guidelines texts, en-US) and "held9"
# (Open Government Licence texts of the GDS Government Service Design Manual, en-GB) were
# planted and committed the same way and measured once with the round 6 models, their
# misses unread: held8 174/251 = 69.3 %, homophones 95/106 = 89.6 %; held9 178/250 =
# 71.2 %, homophones 94/107 = 87.9 %. After round 7 (agreement through a second tagging,
# tuned on sets up to held7), measured once more: held8 177/251 = 70.5 %, homophones
# 95/106; held9 182/250 = 72.8 %, homophones 95/107. Sets up to held7 are tuning material
# now: held3 170/191, held4 230/267, held5 218/258 (homophones 101/111), held6 189/250,
# held7 190/251. Measured a third time after this round's rules written from the tuning
# sets' misses (homophones in set phrases, verb forms, dropped words): held8 179/251 =
# 71.3 %, homophones 95/106; held9 184/250 = 73.6 %, homophones 95/107.
# "held10" (public-domain Section508.gov texts, en-US) and "held11" (MIT-licensed DWP
# Accessibility Manual texts, en-GB) were planted and committed before the checker first
# ran on them, and measured once with the checker as it stood (held10 179/250 = 71.6 %,
# homophones 96/107 = 89.7 %; held11 182/250 = 72.8 %, homophones 102/107 = 95.3 %) and
# twice after the n-gram model (`lm_slips.py`, tuned on sets up to held9 only), their
# misses unread: held10 187/250 = 74.8 %, held11 191/250 = 76.4 %; then, with fewer
# small words tried and no gap beside a name (for speed), held10 187/250 = 74.8 %,
# held11 193/250 = 77.2 %; homophones unchanged; dropped words 4 → 9 and 3 → 11 of 30.
# Sets up to held9 were tuning material for that round.
# "held12" (public-domain get.gov texts, en-US) and "held13" (Open Government Licence texts
# of "Quality assurance of code for analysis and research", en-GB) were planted and
# committed before the checker first ran on them, and measured once with the checker as
# it stood (held12 182/250 = 72.8 %, homophones 95/107 = 88.8 %; held13 177/250 = 70.8 %,
# homophones 96/107 = 89.7 %) and once after the dropped-article model (tuned on sets up
# to held11), their misses unread: held12 183/250 = 73.2 %, held13 182/250 = 72.8 %;
# homophones unchanged; dropped words 10 → 11 and 4 → 9 of 30. Sets up to held11 are
# tuning material now. Measured a third time after the slip-aware tagger read agreement
# (`tagger.tag_slips`, tuned on sets up to held11): held12 185/250 = 74.0 %, held13
# 184/250 = 73.6 %, agreement 27 → 29 and 26 → 28 of 53, homophones unchanged; one more
# warning on each set's unmodified texts (9 and 18). Measured a fourth time after the
# confusable-word model's leanings seconded by the n-gram counts (`confusables.hits`,
# tuned on sets up to held11): held12 192/250 = 76.8 %, homophones 102/107 = 95.3 %;
# held13 189/250 = 75.6 %, homophones 101/107 = 94.4 %; one more warning on each set's
# texts (10 and 19, the limits above; on set 11, a tuning set now, the one more is the
# source's own slip "when then field is focussed"). Measured a fifth time after the
# verb-form model's participles seconded the same way (`verb_forms.hits`): held12
# 195/250 = 78.0 %, held13 191/250 = 76.4 %, verb forms 11 → 14 and 12 → 14 of 20; no
# more warnings.
# "held14" (MIT-licensed Ministry of Justice technical guidance, en-GB) was planted and
# committed before the checker first ran on it, and measured once with the checker as it
# stood (round 10), its misses unread: 192/250 = 76.8 %, homophones 100/107 = 93.5 %.
# Round 11 (agreement through coordination, shared subjects, "each of", given names, a
# slip-aware tagger learnt from the whole treebank; the -ing form seconded; a letter's set
# phrases; tuned on sets up to held11), measured once after it, misses unread: held12
# 195/250 = 78.0 % (agreement 29 → 30, verb forms 14 → 13 of 20), held13 198/250 = 79.2 %
# (agreement 28 → 35), held14 195/250 = 78.0 % (agreement 28 → 31); homophones unchanged.
# Warnings on their unmodified texts 10 → 9, 19 → 19, 11 → 10. Sets up to held11 (tuning
# material) moved up as well: the floors above are at the levels measured after it.
# Round 12 (missing auxiliaries, "be" and governed prepositions; verb forms after what
# governs them; agreement past adverbs, through a dropped "that", in verbless clauses and
# with American collective nouns; tuned on sets up to held11), measured after it, misses
# unread: held12 200/250 = 80.0 %, held13 200/250 = 80.0 %, held14 195/250 = 78.0 %;
# homophones unchanged. "held15" (CC0 18F UX guide, en-US), planted and committed before
# the checker first ran on it, measured once on arrival with round 12's checker: 210/250
# = 84.0 %, homophones 105/107 = 98.1 % (agreement 43/53, dropped words 8/30). The
# floors of the tuning sets were raised to the levels measured after round 12. Read once
# more at the round's end (homophones and small words the tags settle, a relative clause
# without "that"): held12 202/250 = 80.8 %, homophones 103/107; held13 200/250; held14
# 196/250 = 78.4 %, homophones 101/107; held15 210/250, unchanged.
# "held16" (30 real Enron emails, MIT-licensed sample of the public record; en-US, two in
# en-GB), planted and committed before the checker first ran on it, by someone who neither
# ran nor read the checker; measured once on arrival with round 13's checker: 193/252 =
# 76.6 %, homophones 84/96 = 87.5 % (tone 0/22: complaints about colleagues and process
# were not statements the checker knew). Its misses were then read and worked on (round
# 14): tuning material since, 226/252 = 89.7 %, homophones 90/96. "held18" (30 more, the
# same way) was tuning material from the start: 195/246 = 79.3 % on arrival (with this
# round's earlier rules), 232/246 = 94.3 % at the round's end; homophones 98 -> 101 of 105.
# Set 16 at the round's end: 229/252 = 90.9 %. "held17" (30 more real Enron emails,
# planted by someone who neither ran nor read the checker nor saw sets 16's and 18's
# slips, committed before the checker first ran on it, its slips and misses unread while
# the rules were changed) was measured once, at the end of round 14: 189/233 = 81.1 %,
# homophones 98/103 = 95.1 %; the complaints of its planter were not the ones the new tone
# rules learnt from (2/21), agreement 13/21, dropped words 7/16. Read again as a figure
# after two more rules from a letter typed to try the product: 190/233 = 81.5 %.
# Round 15, set 17 read once more at the end, its misses still unread: 197/233 = 84.5 %
# (complaints 9/21 with the complaint classifier). "held19" (11 more real Enron emails,
# the last of that sample, 120 slips planted by someone who neither ran nor read the
# checker, committed before it ran on them): 96/120 = 80.0 %, homophones 40/46 = 87.0 %
# at the round's end (an aggregate read by mistake mid-round, 92/120, went into no rule).
# Round 16: set 17 became tuning material (its misses read): 217/233 = 93.1 %. Set 19 read
# a second time at the end, misses unread: 97/120 = 80.8 %, homophones 41/46. "held20" (20
# real Enron emails of another MIT-licensed sample, 150 slips planted by a helper who
# neither ran nor read the checker, committed before it ran): 128/150 = 85.3 %,
# homophones 64/69 = 92.8 %, read once at the end.
# Round 17: sets 19 and 20 became tuning material (their misses read): 108/120 = 90.0 %,
# 145/150 = 96.7 %. "held21" (20 more emails of that sample, 150 slips planted by a helper
# who neither ran nor read the checker, committed before it ran): 127/150 = 84.7 % with
# round 16's checker, 128/150 = 85.3 %, homophones 64/66 = 97.0 %, at the round's end.
# Documentation sets 12-15 at the round's end: 201, 200, 199, 210 of 250 (round 16: 202,
# 201, 198, 210).
# Round 18: "held22" (20 public-domain emails of State Department officials, the FOIA
# release; 150 slips planted by a helper who neither ran nor read the checker, committed
# before it ran): 121/150 = 80.7 %, homophones 55/63 = 87.3 %, with round 17's checker
# and at the round's end alike. Set 21 read again at the end: 128/150, unchanged; sets
# 12-15 unchanged.
# Round 19: "held23" (20 more emails of that release by 20 other officials, planted and
# committed the same way): 116/150 = 77.3 % with round 18's checker, homophones 50/57.
# Round 21: "held24" (20 more emails of that release by 20 officials of neither set,
# planted and committed the same way): 118/150 with round 20's checker, homophones 47/52.
# Round 22: set 21 became tuning material (its 17 misses read; sets 22-24 stay held out):
# 133/150 = 88.7 % -> 139/150 = 92.7 %.
@pytest.mark.parametrize(
    ("split", "homophones", "floor"),
    [
        ("tune", False, 0.98),
        ("held", False, 0.98),
        ("tune", True, 1.0),
        ("held", True, 0.96),
        ("held2", False, 0.89),
        ("held2", True, 0.96),
        ("held3", False, 0.95),
        ("held3", True, 1.0),
        ("held4", False, 0.90),
        ("held4", True, 0.96),
        ("held5", False, 0.89),
        ("held5", True, 0.96),
        ("held6", False, 0.86),
        ("held6", True, 0.95),
        ("held7", False, 0.88),
        ("held7", True, 0.98),
        ("held8", False, 0.84),
        ("held8", True, 0.95),
        ("held9", False, 0.84),
        ("held9", True, 0.91),
        ("held10", False, 0.85),
        ("held10", True, 0.95),
        ("held11", False, 0.89),
        ("held11", True, 0.99),
        ("held12", False, 0.80),
        ("held12", True, 0.96),
        ("held13", False, 0.80),
        ("held13", True, 0.94),
        ("held14", False, 0.78),
        ("held14", True, 0.94),
        ("held15", False, 0.84),
        ("held15", True, 0.98),
        ("held16", False, 0.93),
        ("held16", True, 0.95),
        ("held17", False, 0.93),
        ("held17", True, 0.97),
        ("held18", False, 0.94),
        ("held18", True, 0.96),
        ("held19", False, 0.89),
        ("held19", True, 0.97),
        ("held20", False, 0.96),
        ("held20", True, 0.98),
        ("held21", False, 0.92),
        ("held21", True, 0.96),
        ("held22", False, 0.80),
        ("held22", True, 0.87),
        ("held23", False, 0.77),
        ("held23", True, 0.87),
        ("held24", False, 0.79),
        ("held24", True, 0.90),
    ],
)
def test_planted_slips_are_caught_by_the_intended_rule(
    split: str, homophones: bool, floor: float
) -> None:
    found, total = _recall(split, homophones)
    assert found / total >= floor, f"{found}/{total}"


@pytest.mark.parametrize(
    ("split", "folder", "names", "first"),
    [
        ("held16", rc.HELDOUT16, rc.heldout16_names, 4101),
        ("held17", rc.HELDOUT17, rc.heldout17_names, 5001),
        ("held18", rc.HELDOUT18, rc.heldout18_names, 6001),
    ],
)
def test_the_enron_held_out_sets_are_licensed_sourced_and_planted_once_each(
    split: str, folder: Path, names: Callable[[], list[str]], first: int
) -> None:
    """Sets 16 to 18: 30 real emails each from one MIT-licensed sample of the public
    record, none of them among the first real-email set's, with 200+ slips whose
    original span occurs exactly once in its email."""
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    assert (
        "tdebatty/java-datasets" in sources
        and "b148345cc12294a3ba6081aceb9fbc67e83d521b" in sources
    )
    licence = (folder / "LICENSE-javadatasets.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Thibault Debatty" in licence
    texts = names()
    assert len(texts) == 30
    first_set = {rc.text(n) for n in rc.names()}
    assert not {rc.text(n) for n in texts} & first_set
    planted = [s for s in rc.slips() if s.split == split]
    assert len(planted) >= 200 and min(s.id for s in planted) == first
    assert {s.text for s in planted} == set(texts)
    for slip in planted:
        assert rc.text(slip.text).count(slip.original) == 1, slip


@pytest.mark.parametrize(
    ("names", "failing", "warnings", "missed"),
    [
        ("16", 1, 15, 0),
        ("17", 0, 8, 0),
        ("18", 3, 18, 0),
        ("19", 0, 1, 1),  # the writer's "I became father" (a dropped "a") is not found
        # set 20 on arrival: a writer's "flyin'"-style dropped g's, "no-brainer" split
        # over a line, a name in lower case, "eg"; five of its writers' seven slips are not
        # errors (two are warnings, "Nutcraker" is taken for a name). Round 17, as tuning
        # material: the dropped g's and the lower-case name are warnings, "brainer" a
        # word; "eg" stays an error (it is a slip in a letter); one warning more is the
        # writer's own "this investments", found (a warning, so still counted unfound)
        ("20", 1, 9, 5),
        # set 21, read at round 17's end: trade words ("peaker", "intraday", "enpower",
        # "rollup"), and an apology for one's own mistake read as a complaint; four texts
        # at round 18's end (which one went was not read)
        ("21", 4, 6, 2),
        # set 22, read at the start and the end of round 18 (its words unread); of its
        # writers' seven slips, "Portugese" became an error with round 18's proper-noun
        # rule, which was written knowing that word (the helper's report named it)
        ("22", 4, 10, 4),
        # set 23, read at the start and the end of round 19 (its words unread): two texts
        # fail on false alarms, twelve grammar warnings, both writers' slips unfound;
        # round 22's seconded article model adds one, seen when this test printed it: a
        # telegraphic note's "of severity of situation", whose "the" is truly missing
        ("23", 2, 13, 2),
        # set 24, read at round 21's end (its words unread): four texts fail on
        # spelling false alarms (six words), six grammar warnings, the writers' three
        # slips unfound (one is found as a warning)
        ("24", 4, 6, 3),
    ],
)
def test_the_enron_tuning_sets_raise_no_more_alarms_than_measured(
    names: str, failing: int, warnings: int, missed: int
) -> None:
    """Measured after round 14: one email of set 16 has a false alarm (a spreadsheet's
    name in quotes, "socalprices"), four of set 18 (the trade's own words "structurers"
    and line "derations", "NetWorks" in a list of slashes, the name "Lavo" opening a
    sentence); eight of held-out set 17, counted once and left unread while tuning
    (names opening a sentence, "financials", "personalization", "judgement" in en-US, a
    writer's "[RESUME]"); the writers' own slips (errors.json) are still reported.
    Round 15 (generic fixes: common names at a sentence start, derived words, both
    varieties' "judgement", brands run together): set 18 three ("NetWorks" passes), set
    17 four ("dat", "Chaz", "Skilling's", "[RESUME]"), new held-out set 19 three of 11
    ("TBD", "multipollutant", "MURARKA"), read once at the end. Round 16: set 17 became
    tuning material and its four went (file names, a surname after a given name, a
    greeting "Chaz and Steve,", "[RESUME]" as an attachment marker, a warning now); set
    19's three went with them ("TBD" a warning, solid prefixes, long surnames in
    capitals), so set 19's alarms are no longer a fair measure; new held-out set 20,
    read once at the end: four of 20."""
    texts = {
        "16": rc.heldout16_names,
        "17": rc.heldout17_names,
        "18": rc.heldout18_names,
        "19": rc.heldout19_names,
        "20": rc.heldout20_names,
        "21": rc.heldout21_names,
        "22": rc.heldout22_names,
        "23": rc.heldout23_names,
        "24": rc.heldout24_names,
    }[names]()
    fails = {n: fa for n in texts if (fa := rc.false_alarms(n))}
    assert len(fails) <= failing, fails
    unfound = [
        (name, error)
        for name in texts
        for error in rc.real_errors(name)
        if error not in rc.errors_found(name)
    ]
    assert len(unfound) <= missed, unfound
    warned = {n: w for n in texts if (w := rc.grammar_warnings(n))}
    assert sum(len(w) for w in warned.values()) <= warnings, warned


def test_the_twenty_second_held_out_set_is_public_domain_sourced_and_planted_once() -> None:
    """Set 22: 20 emails of State Department officials from the FOIA release (works of
    federal employees, public domain), none in an earlier set, 150 slips, each original
    once in its email."""
    sources = (rc.HELDOUT22 / "SOURCES.md").read_text(encoding="utf-8")
    assert "datahoarder/secretary-clinton-email-dump" in sources
    assert "3a745b81c168126bfeca20ce2b22bfd7de101296" in sources and "§105" in sources
    _new_and_planted_once("held22", rc.heldout22_names, sources, 10001)
    texts = rc.heldout22_names()
    assert all(rc.language(n) == "en-US" for n in texts)


def test_the_twenty_third_held_out_set_is_public_domain_sourced_and_planted_once() -> None:
    """Set 23: 20 more emails of that release, by 20 officials none of whom wrote one of
    set 22's, 150 slips, each original once in its email."""
    sources = (rc.HELDOUT23 / "SOURCES.md").read_text(encoding="utf-8")
    assert "datahoarder/secretary-clinton-email-dump" in sources
    assert "3a745b81c168126bfeca20ce2b22bfd7de101296" in sources and "§105" in sources
    _new_and_planted_once("held23", rc.heldout23_names, sources, 10151)
    assert all(rc.language(n) == "en-US" for n in rc.heldout23_names())


def test_the_twenty_fourth_held_out_set_is_public_domain_sourced_and_planted_once() -> None:
    """Set 24: 20 more emails of that release, by 20 officials none of whom wrote one of
    sets 22 and 23's, 150 slips, each original once in its email."""
    sources = (rc.HELDOUT24 / "SOURCES.md").read_text(encoding="utf-8")
    assert "datahoarder/secretary-clinton-email-dump" in sources
    assert "3a745b81c168126bfeca20ce2b22bfd7de101296" in sources and "§105" in sources
    _new_and_planted_once("held24", rc.heldout24_names, sources, 10301)
    assert all(rc.language(n) == "en-US" for n in rc.heldout24_names())


def test_the_nineteenth_held_out_set_is_licensed_sourced_and_planted_once() -> None:
    """Set 19: the 11 messages of the MIT-licensed sample left after sets 16-18 and the
    complaint model's planted sentences, 120 slips, each original once in its email."""
    sources = (rc.HELDOUT19 / "SOURCES.md").read_text(encoding="utf-8")
    assert "b148345cc12294a3ba6081aceb9fbc67e83d521b" in sources
    licence = (rc.HELDOUT19 / "LICENSE-javadatasets.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Thibault Debatty" in licence
    texts = rc.heldout19_names()
    assert len(texts) == 11 and all(f"`{name}.txt`" in sources for name in texts)
    earlier = {rc.text(n) for s in (rc.heldout16_names, rc.heldout17_names, rc.heldout18_names)
               for n in s()}  # fmt: skip
    assert not {rc.text(n) for n in texts} & earlier
    planted = [s for s in rc.slips() if s.split == "held19"]
    assert len(planted) == 120 and min(s.id for s in planted) == 7001
    for slip in planted:
        assert rc.text(slip.text).count(slip.original) == 1, slip


@pytest.mark.parametrize(
    ("split", "folder", "names", "first"),
    [
        ("held20", rc.HELDOUT20, rc.heldout20_names, 8001),
        ("held21", rc.HELDOUT21, rc.heldout21_names, 9001),
    ],
)
def test_the_palimpzest_held_out_sets_are_licensed_sourced_and_planted_once(
    split: str, folder: Path, names: Callable[[], list[str]], first: int
) -> None:
    """Sets 20 and 21: 20 real Enron emails each from another MIT-licensed sample (none
    from the mailboxes of sets 16-19, so none the complaint model read), 150 slips, each
    original once in its email; no email in two sets."""
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    assert "mitdbg/palimpzest" in sources and "3e61c8e15474fd5d98212fbac98f89a41e9fe37c" in sources
    licence = (folder / "LICENSE-palimpzest.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence
    _new_and_planted_once(split, names, sources, first)


# The real-email sets, to find an email that stands in two of them.
EMAIL_SETS = (
    rc.names,
    rc.heldout16_names,
    rc.heldout17_names,
    rc.heldout18_names,
    rc.heldout19_names,
    rc.heldout20_names,
    rc.heldout21_names,
    rc.heldout22_names,
    rc.heldout23_names,
    rc.heldout24_names,
)


def _new_and_planted_once(
    split: str, names: Callable[[], list[str]], sources: str, first: int
) -> None:
    """20 emails named in SOURCES.md, none in another set; 150 slips from `first`, each
    original once in its email."""
    texts = names()
    assert len(texts) == 20 and all(f"`{name}.txt`" in sources for name in texts)
    earlier = {rc.text(n) for listed in EMAIL_SETS if listed is not names for n in listed()}
    assert not {rc.text(n) for n in texts} & earlier
    planted = [s for s in rc.slips() if s.split == split]
    assert len(planted) == 150 and min(s.id for s in planted) == first
    assert {s.text for s in planted} <= set(texts)
    for slip in planted:
        assert rc.text(slip.text).count(slip.original) == 1, slip
