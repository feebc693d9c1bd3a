"""The tagged grammar rules (writing/checks/grammar_tagged.py, tagger.py): agreement found
through the subject's head, and the quiet cases English leaves open (P5)."""

from __future__ import annotations

import os

import pytest

from afterview.writing.checks import tagger
from afterview.writing.checks.grammar_classes import findings
from afterview.writing.text import Document


def _rules(text: str) -> list[tuple[str, str]]:
    return [(text[f.offset : f.offset + f.length], f.rule) for f in findings(Document(text))]


def test_the_tagger_tells_nouns_from_verbs_by_their_neighbours() -> None:
    tags = tagger.tag(["The", "team", "reviews", "the", "reports", "on", "Friday", "."])
    assert tags[2] == "VBZ" and tags[4] == "NNS"
    assert tagger.tag(["We", "need", "to", "test", "it", "."])[1] == "VBP"


def test_tagging_again_from_a_changed_word_matches_tagging_the_whole_sentence() -> None:
    sentence = "As we said , the memo contain every figure that the board needs ."
    words = sentence.split()
    changed = [*words[:6], "contains", *words[7:]]
    whole = tagger.tag(changed)
    assert tagger.tag(changed, tagger.tag(words)[:4], stop=9) == whole[:9]
    assert tagger.tag(words)[6] != "VBZ" and whole[6] == "VBZ"


def test_the_tagger_weights_are_small() -> None:
    assert os.stat(tagger.DATA).st_size < 100_000


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The purpose of this workshop are to plan the launch.", "purpose of this workshop are"),
        ("It is a service that make forms easier to fill in.", "service that make"),
        ("FOSS allow us to change the code.", "FOSS allow"),
        ("With these type of brains at your service, we can help.", "these type"),
        ("There is resources that can help you.", "There is"),
        ("If you are new, your trying to learn a lot.", "your"),
    ],
)
def test_slips_the_tags_reveal_are_caught(text: str, span: str) -> None:
    assert any(found == span for found, _ in _rules(text)), _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "One of the reports is late.",
        "The team have agreed on a date.",
        "A number of people are waiting for the results.",
        "We build services, which sometimes means people wait.",
        "Vote.gov, College Scorecard, and Federalist have all launched.",
        "The needs of the users who are new matter most.",
        "The content that users need is on the page.",
        "Keeping content in one place makes it easy to manage.",
    ],
)
def test_good_english_stays_quiet(text: str) -> None:
    assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == []


# This round's rules (P5), with slips written here and the good readings they leave alone.
@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("You will need check them before Friday.", "need check", "grammar.missing-word"),
        ("We want hear how the launch went.", "want hear", "grammar.missing-word"),
        ("She showed me how use the new form.", "how use", "grammar.missing-word"),
        ("Being able make changes quickly matters.", "able make", "grammar.missing-word"),
        ("Please allow users pick a date.", "users pick", "grammar.missing-word"),
        ("The form has been create using the kit.", "create", "grammar.verb-form"),
        ("The old page will be remove at the end of May.", "remove", "grammar.verb-form"),
        ("Put the summary at top of the report.", "top", "grammar.missing-word"),
        ("You will then see short message on the screen.", "short message", "grammar.missing-word"),
        ("Use it only as last resort.", "last resort", "grammar.missing-word"),
        ("Volunteers often forgets them.", "Volunteers often forgets", "grammar.agreement"),
        ("Ask the people who uses it daily.", "people who uses", "grammar.agreement"),
        ("Send the reports to the teams that needs them.", "teams that needs", "grammar.agreement"),
        ("Tell me what it mean for us.", "it mean", "grammar.agreement"),
        ("Please send it too the whole team.", "too the", "grammar.to-too"),
        ("We hope too reuse parts of it.", "too reuse", "grammar.to-too"),
        ("Could you update you're NHS number?", "you're", "grammar.your-youre"),
        ("They asked about there child's school.", "there", "grammar.their-there"),
        ("The page keeps a record of it's history.", "it's", "grammar.its-its"),
        ("Its essential to check the date.", "Its", "grammar.its-its"),
        ("When your sending them the form, add a note.", "your", "grammar.your-youre"),
        ("It seems like most people is paying on time.", "people is", "grammar.agreement"),
        (
            "Doug Smith (3-9310) who run our desk will come.",
            "Smith (3-9310) who run",
            "grammar.agreement",
        ),
        ("Here is my very minor comments.", "Here is", "grammar.agreement"),
        ("We need to re-establish it's account.", "it's", "grammar.its-its"),
        ("Writing experts recommends short paragraphs.", "experts recommends", "grammar.agreement"),
        ("Warning buttons is designed to slow users.", "buttons is", "grammar.agreement"),
        ("The team is work on multiple projects.", "work", "grammar.verb-form"),
        ("Users are force to abandon the form.", "force", "grammar.verb-form"),
    ],
)
def test_this_rounds_slips_are_caught(text: str, span: str, rule: str) -> None:
    assert (span, rule) in _rules(text), _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "You need help with this form, and we need time to read it.",
        "I know how well it works.",
        "The needs of new users come first.",
        "People with access needs often use screen readers.",
        "Send it by email or post it on page 3.",
        "For example, the type of question matters.",
        "We chose option a or b.",
        "Thanks for arranging today's interview.",
        "Establish a reporting template based on your metrics.",
        "If you want to link to a page, use a link or button.",
        "Over there, near the door. That's what it is, too.",
        "You're welcome to join, and you're right about the date.",
        "I think you're ready for the next step.",
        "This can be set by the team.",
        "Take a break, and it's time to go. Its purpose is clear.",
        "When your building is ready, we will move in.",
        "Here is my comments page. It looks like the team is ready.",
        "I bet it's time to go. Make sure it's done. I hope it's fine.",
        "Using short sentences works best. Managing teams says a lot about you.",
        "The answer is work and rest; there is scope to add more, and there is work to do.",
    ],
)
def test_this_rounds_rules_leave_good_english_alone(text: str) -> None:
    assert _rules(text) == [], _rules(text)


def test_doubled_is_and_that_are_slips_unless_english_allows_them() -> None:
    from afterview.writing.checker import check_text
    from afterview.writing.context import CheckContext

    def doubled(text: str) -> list[str]:
        report = check_text(text, CheckContext(language="en-GB"))
        return [
            text[f.offset : f.offset + f.length]
            for f in report.findings
            if f.rule == "grammar.repeated-word"
        ]

    assert doubled("It is is a good idea. We wrote it so that that users can add notes.") == [
        "is is",
        "that that",
    ]
    assert doubled("What it is is a plan. I know that that is true. We had had a day.") == []


def _agreement(text: str) -> list[tuple[str, str]]:
    """(span, first suggestion) of each agreement finding."""
    return [
        (text[f.offset : f.offset + f.length], f.suggestions[0])
        for f in findings(Document(text))
        if f.rule == "grammar.agreement"
    ]


# A slipped verb the tagger reads as a noun ("The memo contain", "Daily checks finds"):
# found by tagging the sentence again with the verb's other number.
@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("The memo contain every figure we need.", "memo contain", "contains"),
        ("This summary provide some useful steps.", "summary provide", "provides"),
        ("Daily checks finds over a thousand broken links.", "checks finds", "find"),
        ("Our office manager know about the parking.", "manager know", "knows"),
        ("Careful planning mean we avoid surprises.", "planning mean", "means"),
        ("Make sure the new process already exist.", "process already exist", "exists"),
        ("The brochure contain information, such as prices.", "brochure contain", "contains"),
        ("Audio guidance provide content for visitors.", "guidance provide", "provides"),
    ],
)
def test_a_slipped_verb_read_as_a_noun_is_caught_with_its_fix(
    text: str, span: str, fix: str
) -> None:
    assert (span, fix) in _agreement(text), _agreement(text)


# The same shapes written correctly, and look-alikes English allows: compound nouns,
# the subjunctive, questions, imperatives, headings and the thank-you and follow-up
# sentences a candidate sends.
@pytest.mark.parametrize(
    "text",
    [
        "The memo contains every figure we need.",
        "Daily checks find over a thousand broken links.",
        "The web site contains some highlights of the program.",
        "It has been a week since my second interview with your team.",
        "Since my final interview with the panel, I have thought about the role.",
        "The project plan you described sounds exciting.",
        "I suggest that he meet the wider team before the offer.",
        "It is important that everyone attend the kickoff.",
        "Let it be known that I am still interested.",
        "Make sure the report covers the first quarter.",
        "Does the hiring manager need any references from me?",
        "The data are clear on this point.",
        "A number of people are interested in the role.",
        "One of the people thinks the process is too long.",
        "Neither the manager nor the recruiters have replied yet.",
        "Whether the start date works for you is my main question.",
        "Each resource must go through a handshake before transmission.",
        "Other lower profile content, such as a careers page, may move.",
        "User research methods\nWe use interviews and surveys.",
        "The design review process you mentioned is something I have led.",
        "Thank you for taking the time to meet with me yesterday.",
        "The work you do supports thousands of families.",
        "Feedback from customers shapes the product roadmap.",
        "The project update email, sent on Monday, covers this.",
        "My start date request, as discussed, is the first of May.",
        "The recruiter contact details, phone and email, are below.",
        "These include apps, custom web pages, widgets and forms.",
        "Other lower profile content, such as news, may move.",
        "The company offer package includes health insurance.",
        "I loved how your team celebrates wins together.",
        "The company rewards effort, not hours.",
    ],
)
def test_agreement_leaves_good_english_alone(text: str) -> None:
    assert _agreement(text) == []


# "this"/"that"/"what" standing alone as the subject, and relative clauses whose
# antecedent is clear ("something that", "a number that", "teams that" after a verb).
@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("This affect how we plan the week.", "This affect", "affects"),
        ("That mean more work for the team.", "That mean", "means"),
        ("This do not change the date.", "This do", "does"),
        ("We can reuse something that already exist.", "something that already exist", "exists"),
        ("Pick a number that start with 7.", "number that start", "starts"),
        ("Begin with what work well.", "what work", "works"),
        (
            "We want people who either currently uses the tool.",
            "people who either currently uses",
            "use",
        ),
        ("The tool is for small teams that builds websites.", "teams that builds", "build"),
    ],
)
def test_pronoun_and_relative_subjects_are_caught_with_their_fix(
    text: str, span: str, fix: str
) -> None:
    assert (span, fix) in _agreement(text), _agreement(text)


@pytest.mark.parametrize(
    "text",
    [
        "This plan works well.",
        "This plan, I think, is good.",
        "This work matters to me.",
        "This approach let us test quickly last year.",
        "That said, the role fits my plans.",
        "What do you think? What are the next steps?",
        "Be selective about what content you show.",
        "THIS time it is done.",
        "The list of users that needs updating is long.",
        "One of the people who work here called me.",
        "What matters most is the team.",
        "A team that works well together is rare.",
        "Does this make sense?",
        "I spoke to the engineers who work on payments.",
        "Thanks for the tips that help me prepare.",
        "Send me to a page which tells me the date.",
    ],
)
def test_pronoun_and_relative_look_alikes_stay_quiet(text: str) -> None:
    assert _agreement(text) == []


# Names and gerunds as subjects: an acronym, a name with its acronym in brackets or a
# number ("Act 1992"), and a gerund after a sentence adverb.
@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("ACME speed up the whole process.", "ACME speed", "speeds"),
        (
            "The Payments Service (PS) provide basic help for agencies.",
            "Service (PS) provide",
            "provides",
        ),
        (
            "Meeting the WCAG 2.1 rules mean you also meet 2.0.",
            "Meeting the WCAG 2.1 rules mean",
            "means",
        ),
        ("Quickly reaching the user are what matters.", "reaching the user are", "is"),
    ],
)
def test_named_and_gerund_subjects_are_caught_with_their_fix(
    text: str, span: str, fix: str
) -> None:
    assert (span, fix) in _agreement(text), _agreement(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Technology Transformation Services (TTS) has a new lead.",
        "I saw ACME launch the product last year.",
        "Did ACME send the contract?",
        "Please have HR send me the form.",
        "Let Acme help you with the move.",
    ],
)
def test_named_subject_look_alikes_stay_quiet(text: str) -> None:
    assert _agreement(text) == []


# Questions with "do"/"does", "there is" + a number, quantifiers before a plural subject
# and an -s verb after a plural at a clause's end.
@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Do your office need a signature?", "Do your office", "Does"),
        ("So how does clients pay for it?", "does clients", "do"),
        ("We found there is eight open roles.", "there is", "there are"),
        ("Most applicants reads the job advert twice.", "applicants reads", "read"),
        ("So when prices changes, we tell you.", "prices changes", "change"),
        ("At the firm, many teams gets started quickly.", "teams gets", "get"),
        ("All of our offices meets the new standard.", "offices meets", "meet"),
        ("We saw the problems candidates faces in interviews.", "candidates faces", "face"),
        ("Your Employee Number are on the letter.", "Number are", "is"),
        ("Clear labels lets people find things.", "labels lets", "let"),
    ],
)
def test_questions_counts_and_quantified_subjects_are_caught_with_their_fix(
    text: str, span: str, fix: str
) -> None:
    assert (span, fix) in _agreement(text), _agreement(text)


@pytest.mark.parametrize(
    "text",
    [
        "Do you have time on Friday?",
        "Does the team need anything else from me?",
        "Do let me know if anything changes.",
        "How do users find the page?",
        "Do people like the new office?",
        "Why do the results differ?",
        "There is one open role and there are two more next month.",
        "Most of the team reads the weekly notes.",
        "When the price changes, we tell you.",
        "All of the content is new.",
        "Helping some of the largest companies make better hires is my job.",
        "A number of people are waiting.",
        "Clear labels let people find things.",
        "The tool lets users export reports.",
        "Warning labels are printed in red.",
        "Each office must have a fire warden.",
        "Staff use several channels, which become vital in a crisis.",
        "We asked which pain points they have.",
        "Managers can edit the page, which Priya shows in her video.",
        "Some of these include: budgets, rotas and training.",
        "For those familiar with the process, the steps are short.",
    ],
)
def test_question_and_quantifier_look_alikes_stay_quiet(text: str) -> None:
    assert _agreement(text) == []


THANK_YOU = """Dear Ms Patel,

Thank you for meeting with me on Tuesday to discuss the Senior Analyst position. This role
combines the two things I enjoy most: analysis and mentoring. What stood out most was the
team's focus on clear reporting, and the project plan you described sounds exciting.

Talking with the analysts helped me understand the day-to-day work. The dashboard project
cut reporting time by half, and my current team uses similar tools. Does the panel need
anything further from me? Do you know when the team expects to decide?

Interview notes
Questions to ask

It is important that everyone attend the kickoff, so I suggest that he meet the wider team
first. Either Monday or Tuesday works for a call, and the start date works for me.

Kind regards,
Sam Lee
"""

FOLLOW_UP = """Hi Tom,

I hope you are well. It has been two weeks since my second interview, and I remain very
interested. The campaign results we discussed, particularly the spring launch, reflect the
approach I would bring. The project update email, sent on Monday, covers the details.
Whether the timeline works for you is my main question; if it changes, do let me know.
This means a lot to me, and that said, any feedback helps.

Thanks again,
Priya
"""


@pytest.mark.parametrize("text", [THANK_YOU, FOLLOW_UP])
def test_a_careful_thank_you_and_follow_up_raise_no_agreement_warning(text: str) -> None:
    assert _agreement(text) == []


def test_you_after_a_preposition_is_an_object_not_a_subject() -> None:
    from afterview.writing.checker import check_text
    from afterview.writing.context import CheckContext

    def agreement(text: str) -> list[str]:
        report = check_text(text, CheckContext(language="en-GB"), spelling=False)
        return [
            text[f.offset : f.offset + f.length]
            for f in report.findings
            if f.rule == "grammar.agreement"
        ]

    assert agreement("Whether the date works for you is my main question.") == []
    assert agreement("I know you is busy this week.") == ["you is"]


def test_slipped_copies_put_one_verb_in_its_other_number_tagged_by_its_form() -> None:
    from afterview.writing.checks import tagger_train

    sentence = (
        ["The", "tool", "allows", "teams", "to", "share", "."],
        ["DT", "NN", "VBZ", "NNS", "TO", "VB", "."],
    )
    no_verb = (["Thanks", "again", "!"], ["NNS", "RB", "."])
    copies = tagger_train.with_slips([sentence, no_verb])
    assert copies == [
        (
            ["The", "tool", "allow", "teams", "to", "share", "."],
            ["DT", "NN", "VBP", "NNS", "TO", "VB", "."],
        )
    ]
    assert tagger_train.other_number("Are", "VBP") == ("Is", "VBZ")
    assert tagger_train.other_number("needs", "NNS") is None


def test_the_slip_aware_tagger_reads_a_slipped_verb_as_a_verb() -> None:
    words = ["Content", "include", "blogs", ",", "images", "and", "forms", "."]
    assert tagger.tag(words)[1] != "VBP"
    assert tagger.tag_slips(tuple(words))[1] == "VBP"
    assert os.stat(tagger.SLIPS_DATA).st_size < 500_000  # learnt from the whole treebank


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Content include blogs, images, videos and forms.", "Content include"),
        ("Each checkbox have two different states.", "checkbox have"),
        ("Long paragraphs discourages users from reading on.", "paragraphs discourages"),
        ("Passive sentences often does not identify who is acting.", "sentences often does"),
        ("The search guidance recommend using a full search box.", "guidance recommend"),
        ("They now finds reading more difficult.", "They now finds"),
        ("There is 5 phases of service delivery.", "There is"),
    ],
)
def test_slips_only_the_slip_aware_tagging_reveals_are_caught(text: str, span: str) -> None:
    assert (span, "grammar.agreement") in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The recruitment brief usually forms the basis of a screener.",
        "When asking for a date as shown on a passport, credit card or other document, "
        "match the fields.",
        "You will need to install the prototype kit which has been built for this.",
        "Using an affinity map to group similar data points, we found themes.",
        "Most people today use mobile devices to view government websites.",
        "Neither the manager nor the recruiters have replied yet.",
        "This has led the Census Bureau to conduct extensive research.",
        "There is 1 phase left.",
    ],
)
def test_nouns_the_slip_aware_tagger_reads_as_verbs_stay_quiet(text: str) -> None:
    assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Captions and transcripts is valuable for many people.", "transcripts is"),
        ("Interviews and discussion groups is both run by a researcher.", "groups is"),
        ("International and national standards is a key part of it.", "standards is"),
        ("Roni is blind and have recently started using a screen reader.", "Roni … have"),
        ("To be clear, Manjot can get stuck and are unable to go on.", "Manjot … are"),
        ("Make sure each of these channels have a separate inbox.", "each … have"),
        ("One of the reports are late.", "One … are"),
        ("At best, automated scanning tools currently only covers a third.", "tools … covers"),
        ("Qualified clinicians checks our content.", "clinicians checks"),
    ],
)
def test_coordinated_shared_and_quantified_subjects_are_caught(text: str, span: str) -> None:
    """Plural heads agree whatever is joined before them; a second verb shares the first's
    subject; "each of"/"one of" is singular; a participle modifies the head (P5)."""
    found = [
        text[f.offset : f.offset + f.length]
        for f in findings(Document(text))
        if f.rule == "grammar.agreement"
    ]
    first, _, last = span.partition(" … ")
    assert any(s.startswith(first) and s.endswith(last or first) for s in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The tool checks that the pages load and shows a report.",
        "The team provides guidance and support to users.",
        "The system is used by social workers to track and manage cases.",
        "Send the user a code, similar to the pattern, and ask them to enter it.",
        "She writes code and tests it.",
        "We write code and he tests it.",
        "One of the reports that are late is mine.",
        "Each of the teams has a lead.",
        "Research and development is our largest cost.",
        "Did ACME send the contract?",
        "If you need more security, consider adding a second authentication factor.",
        "Writing emails takes time.",
    ],
)
def test_coordination_and_participle_look_alikes_stay_quiet(text: str) -> None:
    assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == []


def test_were_after_a_singular_subject_is_agreement_unless_subjunctive_or_where() -> None:
    assert ("discussion about the new platform were", "grammar.agreement") in _rules(
        "Our discussion about the new platform were very useful."
    )
    for text in (
        "If the service were free, we would use it.",
        "I wish the process were shorter.",
        "The problem were trying to solve is hard.",
    ):
        assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == [], text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("A secure website protect information.", "website protect"),
        ("Accessibility rely on your HTML.", "Accessibility rely"),
        ("The change control process ensure that the work is done.", "process ensure"),
    ],
)
def test_a_verb_read_as_a_noun_in_both_numbers_is_read_by_the_counts(text: str, span: str) -> None:
    """The tagger reads "protects" as a plural noun too; the counts say "protect" is a
    verb many times more often than a noun (`VERB_READING`)."""
    assert (span, "grammar.agreement") in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "A message overlay may pop up and cover the page.",
        "Most people today use mobile devices to view websites.",
        "It helps program support personnel work with users.",
        "Work with your agency's digital experience delivery lead to align the work.",
    ],
)
def test_nouns_and_modal_verbs_stay_quiet(text: str) -> None:
    assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Chris have Cerebral Palsy.", "Chris have"),
        ("Chris use a combination of tools.", "Chris use"),
        ("Common types of data visualization includes pie charts.", "types … includes"),
        ("It is recommended that forms on a page is only used once.", "forms … is"),
    ],
)
def test_given_names_types_of_and_nouns_read_as_verbs_are_subjects(text: str, span: str) -> None:
    found = [text[f.offset : f.offset + f.length] for f in findings(Document(text))]
    first, _, last = span.partition(" … ")
    assert any(s.startswith(first) and s.endswith(last or first) for s in found), found


@pytest.mark.parametrize(
    "text",
    [
        "James has agreed to join the panel.",
        "Chris has a new role.",
        "The types of tests vary.",
        "People with access needs often use screen readers.",
        "Use hint text to explain the format.",
    ],
)
def test_given_names_and_compounds_written_well_stay_quiet(text: str) -> None:
    assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == []


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Did you received my email?", "received", "receive"),
        ("Does the role includes travel?", "includes", "include"),
        ("Did the hiring manager mentioned a date?", "mentioned", "mention"),
        ("When did the team started?", "started", "start"),
        ("Did you got the portfolio?", "got", "get"),
    ],
)
def test_a_do_question_takes_the_plain_form(text: str, word: str, fix: str) -> None:
    found = [
        (text[f.offset : f.offset + f.length], f.suggestions[0])
        for f in findings(Document(text))
        if f.rule == "grammar.verb-form"
    ]
    assert (word, fix) in found


@pytest.mark.parametrize(
    "text",
    [
        "Did you see the report?",
        "What did you think of it?",
        "Did the report sent on Monday arrive?",
        "What they did matters.",
        "I did reports for them.",
        "Did the offer letter arrive?",
    ],
)
def test_do_questions_and_do_as_a_verb_stay_quiet(text: str) -> None:
    assert [r for r in _rules(text) if r[1] == "grammar.verb-form"] == []


def test_infinitives_after_a_causative_and_clauses_after_before_stay_quiet() -> None:
    for text in (
        "Easy reproducibility helps your colleagues test and validate what you have done.",
        "Reviewers read the code before the package is accepted.",
    ):
        assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == [], text


def test_the_subjunctive_after_a_mandative_word_stays_quiet_in_every_check() -> None:
    """The rules knew it; the verb-form model and the n-gram counts did not."""
    for text in (
        "We are proposing that it replace the old system.",
        "They recommended that the panel review it again.",
    ):
        assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == [], text
    assert ("It replace", "grammar.agreement") in _rules("It replace the old system.")


def test_a_plural_first_conjunct_makes_a_clause_subject_plural() -> None:
    assert ("skills and experience matches", "grammar.agreement") in _rules(
        "My skills and experience matches the role."
    )
    for text in (
        "Research and development is our largest cost.",
        "That means close analysis of policies, laws and business needs, and workshops.",
    ):
        assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == [], text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("And tables generally uses many fewer words.", "tables generally uses"),
        ("Other laws likely does apply, so check them.", "laws likely does"),
        ("These tools currently only covers some of the criteria.", "tools currently only covers"),
        ("A smaller margin means your test results is closer.", "results is"),
        ("When testing we find most failures falls under the same criteria.", "failures falls"),
        ("You will need version 3 as older versions is not compliant.", "versions is"),
        ("Text boxes looks great in a document.", "boxes looks"),
    ],
)
def test_subjects_found_past_adverbs_misread_words_and_a_dropped_that(text: str, span: str) -> None:
    assert any(found == span for found, _ in _rules(text)), _rules(text)


def _agreement_in(text: str, language: str) -> list[str]:
    found = findings(Document(text), language)
    return [text[f.offset : f.offset + f.length] for f in found if f.rule == "grammar.agreement"]


def test_a_collective_noun_is_singular_in_american_english_and_either_in_british() -> None:
    assert _agreement_in("The team are happy with the plan.", "en-US") == ["team are"]
    assert _agreement_in("The agency also use examples in its rules.", "en-US") == [
        "agency also use"
    ]
    assert _agreement_in("The team are happy with the plan.", "en-GB") == []
    assert _agreement_in("The staff are happy with the plan.", "en-US") == []


def test_a_past_form_has_no_number() -> None:
    assert (
        _agreement_in("The Managing Director PRC Committee met this week to elect them.", "en-US")
        == []
    )


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "The Disability Discrimination Act 1992 protect Australians from harm.",
            "Act 1992 protect",
        ),
        ("This page detail why we do it.", "page detail"),
        ("If the defect stem from a lack of tests, fix it.", "defect stem"),
    ],
)
def test_the_only_word_that_can_be_a_clause_s_verb_is_read_as_one(text: str, span: str) -> None:
    assert any(found == span for found, _ in _rules(text)), _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Other lower profile content, such as a careers section, is managed elsewhere.",
        "Best wishes for the product launch next week.",
        "Apologies for the late reply.",
        "The view deal page impacting permission levels",
    ],
)
def test_verbless_phrases_and_compounds_stay_nouns(text: str) -> None:
    assert [r for _, r in _rules(text) if r == "grammar.agreement"] == []


def test_a_relative_clause_between_subject_and_verb_is_stepped_over() -> None:
    text = "People who cannot see a meaningful image needs an alternative."
    assert ("People who cannot see a meaningful image needs", "grammar.agreement") in _rules(text)
    assert _rules("People who use the service often need help.") == []
    assert _rules("It is software that lets multiple people make changes.") == []


def test_more_than_a_number_belongs_to_its_noun_phrase() -> None:
    text = "Services with more than 100,000 transactions per year is assessed by GDS."
    assert any(r == "grammar.agreement" and f.startswith("Services") for f, r in _rules(text))
    assert _rules("Services with more than 100,000 transactions per year are assessed.") == []


def test_a_relative_clause_without_that_is_stepped_over_too() -> None:
    text = "The tools they use works well."
    assert ("tools they use works", "grammar.agreement") in _rules(text)
    assert _rules("The results we got show progress, and the work we do matters.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Happy to do a take-home or a paired coding session, whichever works best.",
        "Looking forward to next steps! Let me know if Tuesday works for a call.",
    ],
)
def test_a_candidate_s_determined_or_idiomatic_phrase_wants_no_article(text: str) -> None:
    from afterview.writing.checker import check_text
    from afterview.writing.context import CheckContext

    found = check_text(text, CheckContext(language="en-US")).findings
    assert [f.rule for f in found if f.rule == "grammar.missing-word"] == []
