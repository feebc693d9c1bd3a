"""shape: P5's three parts - thanks, one specific point, the subtle sell - in that order."""

from __future__ import annotations

from afterview.writing.checks import shape
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity
from afterview.writing.text import Document

CTX = CheckContext(
    kind="thank-you",
    nuggets=("moving the reporting pipelines to streaming on Kubernetes",),
    skills=("PostgreSQL", "Kafka"),
)

THANKS = "Thank you for meeting me this morning to discuss the Data Engineer role."
SPECIFIC = "I was glad we talked through the reporting pipelines moving to streaming."
SELL = (
    "I am excited about the role. My years of building PostgreSQL and Kafka systems fit "
    "what you need. I would be happy to send examples of my work."
)


def email(*paragraphs: str) -> str:
    return "Dear Catherine,\n\n" + "\n\n".join(paragraphs) + "\n\nKind regards,\n\nPriya"


def rules(text: str, ctx: CheckContext = CTX) -> list[tuple[str, Severity]]:
    return [(f.rule, f.severity) for f in shape.check(Document(text), ctx)]


def test_locates_the_three_parts_as_sentence_spans() -> None:
    text = email(THANKS, SPECIFIC, SELL)
    parts = shape.locate(Document(text), CTX)
    assert [(p.part, text[p.offset : p.offset + p.length]) for p in parts] == [
        ("thanks", THANKS),
        ("specific-point", SPECIFIC),
        ("sell", SELL),
    ]
    assert (parts[0].line, parts[0].column) == (3, 1)
    assert rules(text) == []


def test_the_specific_point_from_a_topic_cue_without_nuggets() -> None:
    specific = "You mentioned the launch of the new mobile app in March."
    text = email(THANKS, specific, SELL)
    ctx = CheckContext(kind="thank-you")
    parts = {
        p.part: text[p.offset : p.offset + p.length] for p in shape.locate(Document(text), ctx)
    }
    assert parts["specific-point"] == specific
    assert rules(text, ctx) == []


def test_missing_thanks_is_an_error() -> None:
    text = email(SPECIFIC, SELL)
    findings = shape.check(Document(text), CTX)
    assert [(f.rule, f.severity) for f in findings] == [("shape.p5.missing", Severity.ERROR)]
    assert "thank them for their time" in findings[0].message


def test_missing_specific_point_names_a_nugget() -> None:
    text = email(THANKS, SELL)
    [finding] = shape.check(Document(text), CTX)
    assert finding.rule == "shape.p5.missing"
    assert "moving the reporting pipelines" in finding.message
    assert text[finding.offset : finding.offset + finding.length].startswith("I am excited")


def test_missing_sell_is_an_error() -> None:
    text = email(THANKS, SPECIFIC)
    [finding] = shape.check(Document(text), CTX)
    assert finding.rule == "shape.p5.missing" and "subtle sell" in finding.message


def test_all_missing_gives_three_errors() -> None:
    assert rules(email("See you soon.")) == [("shape.p5.missing", Severity.ERROR)] * 3


def test_parts_out_of_order_is_a_warning() -> None:
    text = email(SPECIFIC, THANKS, SELL)
    [finding] = shape.check(Document(text), CTX)
    assert (finding.rule, finding.severity) == ("shape.p5.order", Severity.WARNING)
    assert "specific point comes before the thanks" in finding.message


def test_sell_before_the_specific_point_is_out_of_order() -> None:
    text = email(THANKS, SELL, SPECIFIC)
    assert rules(text) == [("shape.p5.order", Severity.WARNING)]


def test_a_sell_without_the_offer_is_incomplete() -> None:
    sell = "I am excited about the role. My experience with Kafka fits what you need."
    text = email(THANKS, SPECIFIC, sell)
    [finding] = shape.check(Document(text), CTX)
    assert (finding.rule, finding.severity) == ("shape.p5.sell-incomplete", Severity.WARNING)
    assert finding.message.endswith("an offer to provide any further documents or information.")
    assert text[finding.offset : finding.offset + finding.length] == sell


def test_a_sell_without_enthusiasm_or_fit_is_incomplete() -> None:
    text = email(THANKS, SPECIFIC, "Please let me know if I can provide references.")
    [finding] = shape.check(Document(text), CTX)
    assert "enthusiasm" in finding.message and "skills and experience" in finding.message


def test_a_recorded_skill_counts_as_fit() -> None:
    sell = "I am keen to join. I have run Kafka for years. I am happy to share references."
    assert rules(email(THANKS, SPECIFIC, sell)) == []


def test_other_kinds_are_not_shaped() -> None:
    text = email("See you soon.")
    for kind in (None, "follow-up", "withdrawal"):
        ctx = CheckContext(kind=kind)
        assert shape.check(Document(text), ctx) == []
        assert shape.locate(Document(text), ctx) == []


def test_an_empty_body_reports_missing_parts_at_the_body() -> None:
    text = "Dear Catherine,\n\nKind regards,\nPriya"
    findings = shape.check(Document(text), CTX)
    assert [f.rule for f in findings] == ["shape.p5.missing"] * 3
    assert all(f.length == 0 for f in findings)


def test_more_topic_cues() -> None:
    ctx = CheckContext(kind="thank-you")
    for specific in (
        "I was particularly interested in your work on antimicrobial resistance.",
        "Your point about reducing toil through better alerting stuck with me.",
        "I was impressed by how the team runs its blameless reviews.",
    ):
        text = email(THANKS, specific, SELL)
        located = {p.part: p for p in shape.locate(Document(text), ctx)}
        span = located["specific-point"]
        assert text[span.offset : span.offset + span.length] == specific


def test_a_keen_sentence_beside_the_point_is_not_the_sell() -> None:
    """ "I would love to hear more about it" elaborates the point; the sell starts later."""
    elaborated = SPECIFIC + " I would love to hear more about it as things develop."
    text = email(THANKS, elaborated, SELL)
    parts = {
        p.part: text[p.offset : p.offset + p.length] for p in shape.locate(Document(text), CTX)
    }
    assert parts["sell"] == SELL
    assert rules(text) == []


def test_a_slot_in_the_points_place_is_not_also_a_missing_part() -> None:
    """The slot check reports the unfinished point once (slot.unfinished); shape does not
    add "P5's second part is missing" for the same sentence still to write."""
    slot = "[one sentence about: something specific you discussed]"
    assert rules(email(THANKS, slot, SELL)) == []
    assert ("shape.p5.missing", Severity.ERROR) in rules(email(THANKS, SELL))
