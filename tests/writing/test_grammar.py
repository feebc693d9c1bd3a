"""grammar: common slips (P5 "Checks before sending"), each with a fix for exactly its span."""

from __future__ import annotations

import pytest

from afterview.writing.checks import grammar
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity
from afterview.writing.text import Document

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def found(text: str) -> list[tuple[str, str, Severity, str]]:
    return [
        (text[f.offset : f.offset + f.length], f.rule, f.severity, f.suggestions[0])
        for f in grammar.check(Document(text), CheckContext())
    ]


POSITIVES = [
    # hear / here
    (
        "I was glad to here about the new platform.",
        "glad to here",
        "grammar.hear-here",
        W,
        "glad to hear",
    ),
    (
        "I look forward to here from you.",
        "forward to here",
        "grammar.hear-here",
        W,
        "forward to hearing",
    ),
    ("I am hear to help if you need anything.", "am hear", "grammar.hear-here", W, "am here"),
    # could of
    ("I could of asked more.", "could of", "grammar.could-of", E, "could have"),
    ("We should of met sooner.", "should of", "grammar.could-of", E, "should have"),
    ("It would of helped.", "would of", "grammar.could-of", E, "would have"),
    ("You must of been busy.", "must of", "grammar.could-of", E, "must have"),
    ("Would of been nice.", "Would of", "grammar.could-of", E, "Would have"),
    # repeated words
    ("Thank you for the the tour.", "the the", "grammar.repeated-word", E, "the"),
    ("So I I adjusted the totals.", "I I", "grammar.repeated-word", E, "I"),
    ("The the team was kind.", "The the", "grammar.repeated-word", E, "The"),
    ("It was a pleasure to to meet.", "to to", "grammar.repeated-word", E, "to"),
    # its / it's, were / we're, your / you're, too / to where only one can stand
    ("That is why its simply a draft.", "its simply", "grammar.its-its", W, "it's simply"),
    ("We think its better to wait.", "its better to", "grammar.its-its", W, "it's better to"),
    ("The sooner, the easier its to plan.", "its to", "grammar.its-its", W, "it's to"),
    ("As always, were here to help.", "were here", "grammar.were-where", W, "we're here"),
    (
        "As you know, were in the process of moving.",
        "As you know, were",
        "grammar.were-where",
        W,
        "As you know, we're",
    ),
    ("And were did they come from?", "were", "grammar.were-where", W, "where"),
    ("We had more fun their than here.", "their", "grammar.their-there", W, "there"),
    (
        "The rule goes into affect on Monday.",
        "into affect",
        "grammar.affect-effect",
        W,
        "into effect",
    ),
    (
        "He said to the affect that it was late.",
        "to the affect",
        "grammar.affect-effect",
        W,
        "to the effect",
    ),
    ("The law takes affect in May.", "takes affect", "grammar.affect-effect", W, "takes effect"),
    (
        "I hope she and the baby has made it.",
        "she and the baby has",
        "grammar.agreement",
        W,
        "she and the baby have",
    ),
    ("Tom and I was there.", "Tom and I was", "grammar.agreement", W, "Tom and I were"),
    ("You may of already heard.", "may of", "grammar.could-of", E, "may have"),
    (
        "They sometimes misreads them.",
        "They sometimes misreads",
        "grammar.agreement",
        E,
        "They sometimes misread",
    ),
    (
        "Me and my current team has done it.",
        "Me and my current team has",
        "grammar.agreement",
        W,
        "Me and my current team have",
    ),
    ("I will keep you update.", "keep you update", "grammar.verb-form", W, "keep you updated"),
    ("Jennifer or I will keep posted.", "keep", "grammar.missing-word", W, "keep you"),
    (
        "I think you and your team has been kind.",
        "you and your team has",
        "grammar.agreement",
        W,
        "you and your team have",
    ),
    ("I asked to see if would help.", "if would", "grammar.missing-word", W, "if it would"),
    (
        "It says Section 6.3 contain the rules.",
        "Section 6.3 contain",
        "grammar.agreement",
        W,
        "Section 6.3 contains",
    ),
    (
        "The industry in general are hiring.",
        "industry in general are",
        "grammar.agreement",
        W,
        "industry in general is",
    ),
    (
        "I will check before begin to code.",
        "before begin",
        "grammar.verb-form",
        W,
        "before beginning",
    ),
    ("Having went there, I know.", "went", "grammar.verb-form", W, "gone"),
    ("You had a bigger freak show there then we did here.", "then", "grammar.then-than", W, "than"),
    (
        "Were launching the pilot in May.",
        "Were launching",
        "grammar.were-where",
        W,
        "We're launching",
    ),
    (
        "Asking means your less likely to miss it.",
        "your less likely",
        "grammar.your-youre",
        W,
        "you're less likely",
    ),
    (
        "It helps us too effectively communicate.",
        "too effectively communicate",
        "grammar.to-too",
        W,
        "to effectively communicate",
    ),
    # an article dropped from a set phrase
    (
        "Data plays crucial role here.",
        "plays crucial role",
        "grammar.missing-word",
        W,
        "plays a crucial role",
    ),
    ("Users are at core of our work.", "at core of", "grammar.missing-word", W, "at the core of"),
    (
        "Asking is right thing to do.",
        "is right thing",
        "grammar.missing-word",
        W,
        "is the right thing",
    ),
    # you / your ("your" typed without its "r")
    ("Thank you for you time today.", "you time", "grammar.you-your", E, "your time"),
    ("Thanks for you help with the schedule.", "you help", "grammar.you-your", W, "your help"),
    ("I look forward to working with you team.", "you team", "grammar.you-your", W, "your team"),
    # your / you're
    ("Your welcome to call me.", "Your welcome", "grammar.your-youre", E, "You're welcome"),
    ("Thanks, your welcome.", "your welcome", "grammar.your-youre", E, "you're welcome"),
    (
        "I know your going to decide soon.",
        "your going to",
        "grammar.your-youre",
        W,
        "you're going to",
    ),
    ("Thank you for you're time.", "you're time", "grammar.your-youre", E, "your time"),
    ("Thank you for you’re help.", "you’re help", "grammar.your-youre", E, "your help"),
    # its / it's
    ("The team has it's own budget.", "it's own", "grammar.its-its", E, "its own"),
    ("Its a great team.", "Its a", "grammar.its-its", E, "It's a"),
    ("I know its been busy.", "its been", "grammar.its-its", E, "it's been"),
    ("The firm and it's customers.", "it's customers", "grammar.its-its", W, "its customers"),
    # their / there / they're
    ("I think their is a gap.", "their is", "grammar.their-there", E, "there is"),
    ("They have there own office.", "there own", "grammar.their-there", E, "their own"),
    ("I met they're team.", "they're team", "grammar.their-there", E, "their team"),
    ("I like there culture.", "there culture", "grammar.their-there", W, "their culture"),
    ("I hope their going to call.", "their going to", "grammar.their-there", W, "they're going to"),
    # then / than
    ("It was more then I hoped.", "more then", "grammar.then-than", E, "more than"),
    ("This is better then before.", "better then", "grammar.then-than", E, "better than"),
    ("I would rather then wait.", "rather then", "grammar.then-than", E, "rather than"),
    ("A bigger then usual team.", "bigger then", "grammar.then-than", W, "bigger than"),
    ("We met and than we talked.", "and than", "grammar.then-than", W, "and then"),
    # affect / effect
    ("It had an affect on me.", "an affect", "grammar.affect-effect", E, "an effect"),
    ("There are no side affects.", "side affects", "grammar.affect-effect", E, "side effects"),
    ("It will effect the plan.", "will effect", "grammar.affect-effect", W, "will affect"),
    (
        "A positive affect on sales.",
        "positive affect",
        "grammar.affect-effect",
        W,
        "positive effect",
    ),
    # to / too
    ("There were far to many.", "far to many", "grammar.to-too", W, "far too many"),
    ("It is to late now.", "is to late", "grammar.to-too", W, "is too late"),
    ("It's to early to say.", "It's to early", "grammar.to-too", W, "It's too early"),
    ("I enjoyed it, me to.", "me to", "grammar.to-too", W, "me too"),
    (
        "I look forward too hearing from you.",
        "forward too hearing",
        "grammar.to-too",
        W,
        "forward to hearing",
    ),
    # a / an
    ("It was a interesting day.", "a interesting", "grammar.a-an", E, "an interesting"),
    ("He studied at an university.", "an university", "grammar.a-an", E, "a university"),
    ("We spoke for a hour.", "a hour", "grammar.a-an", E, "an hour"),
    ("It is an great team.", "an great", "grammar.a-an", E, "a great"),
    ("It is an one-off role.", "an one", "grammar.a-an", E, "a one"),
    ("I hold a MBA.", "a MBA", "grammar.a-an", W, "an MBA"),
    ("I hold an PhD.", "an PhD", "grammar.a-an", W, "a PhD"),
    ("I have a MSc.", "a MSc", "grammar.a-an", W, "an MSc"),
    ("It needs an UX designer.", "an UX", "grammar.a-an", W, "a UX"),
    ("An European team.", "An European", "grammar.a-an", E, "A European"),
    ("He is a honest man.", "a honest", "grammar.a-an", E, "an honest"),
    ("A interview like this.", "A interview", "grammar.a-an", E, "An interview"),
    # capitals at sentence starts
    ("It went well. the team was kind.", "the", "grammar.capital-start", W, "The"),
    ("Dear Ann,\n\nthank you for today.", "thank", "grammar.capital-start", W, "Thank"),
    ("Did it help? yes it did.", "yes", "grammar.capital-start", W, "Yes"),
    # spacing
    ("I enjoyed  the tour.", "  ", "grammar.double-space", W, " "),
    ("I enjoyed it.  The team was kind.", "  ", "grammar.double-space", INFO, " "),
    # i
    ("Today i learned a lot.", "i", "grammar.lowercase-i", E, "I"),
    ("Yes, i'm keen.", "i", "grammar.lowercase-i", E, "I"),
    ("I think i’ll apply.", "i", "grammar.lowercase-i", E, "I"),
]


@pytest.mark.parametrize(("text", "span", "rule", "severity", "suggestion"), POSITIVES)
def test_finds_the_slip(
    text: str, span: str, rule: str, severity: Severity, suggestion: str
) -> None:
    assert found(text) == [(span, rule, severity, suggestion)]


NEGATIVES = [
    "I misread the email yesterday, and we redid the deck and rebuilt the model.",
    "We moved it last year, and it cut the nightly load time by half.",
    "In May of 2001 we met; some may of course disagree.",
    "Please keep posted items short, and I'll keep you posted.",
    "We need to know it's time. We keep all post here.",
    "I want to thank you and your team is welcome to join.",
    "Directions: how to get to here from the station. It was good to hear about the plans.",
    "I am here until Friday, and I was glad to hear from you; here is my portfolio.",
    "It plays a key role; at heart we agree; this is the right thing and right now is fine.",
    "The team and its more than 40 members; its better results came later; its to-do list.",
    "Were there any questions? They were looking for a lead; we were happy to help.",
    "Your more detailed notes helped. It was too late, and too close to call.",
    "I can offer you help with that, and I made a plan for you today.",
    "Thank you for your time. It was good to talk to you; see you next week.",
    "I would of course be happy to help.",
    "I know that that is important. We had had a long day.",
    "We visited Bora Bora and Walla Walla.",
    "Use --file FILE or --tz ZONE zone; skip       Skip an action.",
    "I thanked the\nthe team.",
    "Thank you for your welcome.",
    "Thank you for your warm welcome. Your welcome pack arrived.",
    "I appreciate your time and your feedback.",
    "You're right, and you're kind to ask. You're welcome to call.",
    "Its own team, its mission and its people. It's a great day and it's not over.",
    "There is a team there. They're keen; their own plan is good. Is there a plan?",
    "Their offices are there.",
    "It is more than that; better than before; rather than wait. We met and then talked.",
    "Back then, I was a student. Since then I have grown.",
    "It will affect us. The effect on sales was large. It will effect change.",
    "Factors that come into play affect the result; things that take time affect us.",
    "As you know, we were in the process. Also, were there any questions? Those were fine.",
    "Their plan is better than ours, and their team more than doubled.",
    "I would ask that both John and I are notified. Ernst and Young is a firm.",
    "See Section 3 include the list. I wonder if you would come.",
    "We said we would finish, and then we did. Before lunch we met; after all, it was late.",
    "I appreciate your being flexible. Thanks for your having taken the time. You guys had fun.",
    "I am having lunch; we are having issues; having read it, I agree.",
    "Jacques is ready to drop in. Dallas is warm in May.",
    "They hope to effect real change. The new rules will effect a change.",
    "It was too late. There were far too many. I want to hear more.",
    "I have been to many conferences. I spoke to many people.",
    "As you asked me to. I would love you to. You told me to!",
    "I look forward to hearing from you. I am happy to share more.",
    "We saw an interview, a university, an hour, a one-off, a European, an MBA, a PhD, an MSc, an "
    "SQL, a SQL, a UX designer, an honest view, a user, an umbrella, a unique role, an "
    "NHS trust, an HR team, a NATO role, a Year 9 class, an hourly rate, a historic day, "
    "an historic day, an X-ray, a B2B firm, an FDA submission, a GCSE, a JavaScript role, "
    "an iPhone, a HubSpot role, an OpenAI model, an 8-week course, a once-in-a-decade move.",
    "We chose option a or b. Plan A is fine. Grade A students.",
    "We met at 9 a.m. tomorrow works. See e.g. the report; i.e. the one from May. Etc. and "
    "so on. It was great... and then it ended. Visit www.acme.com. and more.",
    "He wrote: iPhone sales grew. The eBay team met.",
    "Dear Jo,\n\nThank you.  \n\nKind regards,\nSam",
    "Reply to anna@acme.com or see https://acme.com/the the page.",
    "Items: (i) scope, (ii) budget. Section i is short.",
    "Indented\n    code  here is fine at line start.",
    "Mr. Smith and Dr. Jones met Ms. Patel at St. Mary's.",
    # "to meeting" read as "to the meeting" before the person met (found using the product)
    "I look forward to meeting you.",
    "Looking forward to meeting you in person next week.",
    "Thank you again for meeting us on Friday.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_correct_text_alone(text: str) -> None:
    assert [f for f in found(text) if f[2] is not INFO and f[1] != "grammar.double-space"] == []


def test_double_space_between_words_is_the_only_spacing_finding() -> None:
    assert found("Indented\n    code here.") == []
    assert found("A  b") == [("  ", "grammar.double-space", W, " ")]


def test_several_slips_are_reported_in_order_once_each() -> None:
    text = "I could of said more then that, and i did."
    assert [f[0] for f in found(text)] == ["could of", "more then", "i"]


def test_typographic_apostrophe_is_kept_in_the_suggestion() -> None:
    text = "It’s a day. Your welcome. ’Twas fine. It’s fine."
    assert ("Your welcome", "grammar.your-youre", E, "You’re welcome") in found(text)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("interview", ("an", True)),
        ("university", ("a", True)),
        ("hour", ("an", True)),
        ("MBA", ("an", False)),
        ("SQL", None),
        ("historic", None),
        ("NASA", ("a", True)),
        ("HIPAA", ("a", True)),
    ],
)
def test_expected_article(word: str, expected: tuple[str, bool] | None) -> None:
    assert grammar.expected_article(word) == expected


@pytest.mark.parametrize(("text", "span", "rule", "severity", "suggestion"), POSITIVES)
def test_applying_the_suggestion_fixes_the_slip(
    text: str, span: str, rule: str, severity: Severity, suggestion: str
) -> None:
    [finding] = grammar.check(Document(text), CheckContext())
    fixed = text[: finding.offset] + suggestion + text[finding.offset + finding.length :]
    assert [f for f in found(fixed) if f[1] == rule] == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("I look forward to meet you again.", "look forward to meet", "look forward to meeting"),
        ("I am looking forward to hear from you.", "looking forward to hear", None),
        ("Thank you for meet with me yesterday.", "Thank you for meet", "Thank you for meeting"),
        ("Thanks again for take the time to show me round.", "Thanks again for take", None),
        ("I enjoyed to learn about the roadmap.", "enjoyed to learn", "enjoyed learning"),
        ("I am excited to joining the team.", "excited to joining", "excited to join"),
        ("I appreciated the chance to learning more.", "chance to learning", "chance to learn"),
        ("I was able to submitting my portfolio.", "able to submitting", "able to submit"),
        (
            "Thank you for taking the time to meeting with me.",
            "taking the time to meeting",
            "taking the time to meet",
        ),
        ("I am very interesting in the role.", "I am very interesting", "I am very interested"),
        ("Im very interesting in the role.", "Im very interesting", "Im very interested"),
        ("I am exciting to join the team.", "I am exciting", "I am excited"),
        ("We're exciting about the launch.", "We're exciting", "We're excited"),
    ],
)
def test_a_letters_set_phrases_take_the_verb_form_they_ask_for(
    text: str, span: str, fix: str | None
) -> None:
    """P5: the verb after "look forward to", "thank you for", "enjoyed", "excited to"."""
    hits = [(s, fix_) for s, rule, _sev, fix_ in found(text) if rule == "grammar.verb-form"]
    assert any(s == span and (fix is None or fix == f) for s, f in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "I look forward to the interview on Monday.",
        "I look forward to hearing from you.",
        "Thank you for your help with the timeline.",
        "Thank you for help with the timeline.",
        "Thanks for making time for me.",
        "I enjoyed learning about the roadmap.",
        "I am committed to improving the onboarding.",
        "I would welcome the opportunity to discuss this.",
        "The role is interesting in many ways, and I am interested in it.",
        "I am excited to join the team.",
        "We found something interesting about the data.",
        "Thank you for taking the time to meet with me.",
    ],
)
def test_a_letters_set_phrases_written_well_stay_quiet(text: str) -> None:
    assert [f for f in found(text) if f[1] == "grammar.verb-form"] == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("I have been working in data engineering since 5 years.", "since 5 years", "for 5 years"),
        ("I am agree with your plan.", "I am agree", "I agree"),
        ("We are agree on the dates.", "We are agree", "We agree"),
        ("I look forward for your reply.", "look forward for", "look forward to"),
        ("I would like to discuss about the next steps.", "discuss about", "discuss"),
        ("Thank you for the informations.", "informations", "information"),
        ("Could you send me the feedbacks?", "feedbacks", "feedback"),
        ("I am very much interested for this role.", "interested for", "interested in"),
        ("I am having five years of experience.", "I am having", "I have"),
    ],
)
def test_usage_slips_of_a_second_language_are_found_with_their_fix(
    text: str, span: str, fix: str
) -> None:
    assert (span, "grammar.usage", W, fix) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have been here since 2021.",
        "Since two years ago, the team has doubled.",
        "The discussion about pay went well.",
        "I agree, and I am sure we are aligned.",
        "I am looking forward to your reply.",
        "Thank you for the information and your feedback.",
        "I am having lunch with the team.",
    ],
)
def test_usage_written_well_stays_quiet(text: str) -> None:
    assert [f for f in found(text) if f[1] == "grammar.usage"] == []


@pytest.mark.parametrize(
    "text",
    [
        "As she was wont to say, the team comes first.",
        "The user id should be set.",
        "Looking forward, I see the team growing.",
        "We are looking forward to hearing from you.",
    ],
)
def test_words_that_only_look_like_a_dropped_apostrophe_or_to(text: str) -> None:
    assert [f for f in found(text) if f[1] in {"grammar.apostrophe", "grammar.missing-word"}] == []


@pytest.mark.parametrize(
    ("text", "span", "rule", "fix"),
    [
        (
            "I am looking forward hear from you.",
            "looking forward hear",
            "grammar.missing-word",
            "looking forward to hearing",
        ),
        (
            "Looking forward working with you.",
            "Looking forward working",
            "grammar.missing-word",
            "Looking forward to working",
        ),
        (
            "I look forward meet the team.",
            "look forward meet",
            "grammar.missing-word",
            "look forward to meeting",
        ),
        ("I cant wait to start.", "I cant", "grammar.apostrophe", "I can't"),
        ("It wont take long.", "It wont", "grammar.apostrophe", "It won't"),
        ("Id love to join the team.", "Id", "grammar.apostrophe", "I'd"),
        (
            "Could you let me know when I can expect to here back?",
            "to here",
            "grammar.hear-here",
            "to hear",
        ),
        ("I am very exited about the role.", "very exited", "grammar.usage", "very excited"),
        ("We're exited to meet the team.", "We're exited", "grammar.usage", "We're excited"),
        (
            "Me and my team delivered the project on time.",
            "Me and my team",
            "grammar.usage",
            "My team and I",
        ),
        ("Thanks. Me and Sam met last year.", "Me and Sam", "grammar.usage", "Sam and I"),
        (
            "I enjoyed hearing about the teams plans for next year.",
            "the teams",
            "grammar.apostrophe",
            "the team's",
        ),
        (
            "Between you and I, the role sounds perfect.",
            "Between you and I",
            "grammar.usage",
            "Between you and me",
        ),
        (
            "I think the interview went really good.",
            "went really good",
            "grammar.usage",
            "went really well",
        ),
        ("Hi Tom, I hope your well.", "your well", "grammar.your-youre", "you're well"),
        (
            "I was wondering weather you had any update.",
            "wondering weather",
            "grammar.usage",
            "wondering whether",
        ),
        ("Thankyou for your understanding.", "Thankyou", "grammar.usage", "Thank you"),
        (
            "I wanted to followup on my interview.",
            "to followup",
            "grammar.usage",
            "to follow up",
        ),
        (
            "I admire the companies commitment to open source.",
            "the companies",
            "grammar.apostrophe",
            "the company's",
        ),
        ("Here is the references you asked for.", "Here is", "grammar.agreement", "Here are"),
        ("Me and Sarah is free.", "Me and Sarah is", "grammar.agreement", "Me and Sarah are"),
        (
            "The role and the team sounds great.",
            "The role and the team sounds",
            "grammar.agreement",
            "The role and the team sound",
        ),
        (
            "Please find attached copy of my CV.",
            "find attached copy",
            "grammar.missing-word",
            "find attached a copy",
        ),
        (
            "Could you tell me when decision will be made?",
            "when decision",
            "grammar.missing-word",
            "when the decision",
        ),
        ("I have worked in finance for five year.", "five year", "grammar.agreement", "five years"),
        (
            "It was great to meet you and rest of the team.",
            "and rest of",
            "grammar.missing-word",
            "and the rest of",
        ),
        (
            "Looking forward to hearing from you and to meet the team.",
            "and to meet",
            "grammar.verb-form",
            "and to meeting",
        ),
        ("I reiterate my interest for the role.", "interest for", "grammar.usage", "interest in"),
        ("I was hoping to heard back.", "heard", "grammar.verb-form", "hear"),
        ("I don't my floor plan yet.", "I don't", "grammar.missing-word", "I don't have"),
        (
            "She would interested in it.",
            "would interested",
            "grammar.missing-word",
            "would be interested",
        ),
        ("I spoke Steve today.", "I spoke Steve", "grammar.missing-word", "I spoke to Steve"),
        ("I am talking them again.", "talking them", "grammar.missing-word", "talking to them"),
        ("We invite you the reception.", "invite you", "grammar.missing-word", "invite you to"),
        ("He said he knowed Mike.", "knowed", "grammar.verb-form", "knew"),
        ("I want to let know that I am free.", "let know", "grammar.missing-word", "let you know"),
        ("I will meet each you.", "each you", "grammar.missing-word", "each of you"),
        ("It existed at time of the bid.", "at time of", "grammar.missing-word", "at the time of"),
        ("Here are a photograph of it.", "Here are", "grammar.agreement", "Here is"),
        ("Get it before than if possible.", "before than", "grammar.then-than", "before then"),
        ("We could not done it.", "could not done", "grammar.verb-form", "could not have done"),
        ("Do not any trades today.", "Do not", "grammar.missing-word", "Do not have"),
        ("See if he any old ones.", "if he", "grammar.missing-word", "if he has"),
        ("I'll be going over their in a minute.", "their", "grammar.their-there", "there"),
        (
            "Steve Morse and Chaz Vaughan reports to Brad.",
            "Steve Morse and Chaz Vaughan reports",
            "grammar.agreement",
            "Steve Morse and Chaz Vaughan report",
        ),
        (
            "We will send you name of the lead.",
            "send you name",
            "grammar.missing-word",
            "send you the name",
        ),
        (
            "I enjoyed learning about team and its plans.",
            "about team",
            "grammar.missing-word",
            "about the team",
        ),
        (
            "Is there any update on position?",
            "on position",
            "grammar.missing-word",
            "on the position",
        ),
        (
            "I attached it as requested during interview.",
            "during interview",
            "grammar.missing-word",
            "during the interview",
        ),
        (
            "Thank you for meeting me to discuss Data Analyst role.",
            "discuss Data Analyst role",
            "grammar.missing-word",
            "discuss the Data Analyst role",
        ),
        (
            "Thank you for the chance to talk about Head of Sales role.",
            "about Head of Sales role",
            "grammar.missing-word",
            "about the Head of Sales role",
        ),
        (
            "The Head of Sales want to wait.",
            "Head of Sales want",
            "grammar.agreement",
            "wants",
        ),
        (
            "I would welcome opportunity to talk again.",
            "welcome opportunity",
            "grammar.missing-word",
            "welcome the opportunity",
        ),
        ("I hope to have chance to help.", "have chance", "grammar.missing-word", "have a chance"),
        ("I would be great fit for it.", "be great fit", "grammar.missing-word", "be a great fit"),
        ("I have five year experience.", "five year", "grammar.agreement", "five years"),
        (
            "The skills you described matches my experience.",
            "skills you described matches",
            "grammar.agreement",
            "match",
        ),
        (
            "The timeline you gave me work well.",
            "timeline you gave me work",
            "grammar.agreement",
            "works",
        ),
        (
            "The people I met was all kind.",
            "people I met was",
            "grammar.agreement",
            "were",
        ),
        (
            "Please don't hesitate to contacting me.",
            "hesitate to contacting",
            "grammar.verb-form",
            "hesitate to contact",
        ),
    ],
)
def test_slips_of_a_hurried_thank_you(text: str, span: str, rule: str, fix: str) -> None:
    """P5's checks on the sentences candidates type in a hurry."""
    assert any(s == span and r == rule and f == fix for s, r, _sev, f in found(text)), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The process was exited by the user.",
        "From there to here from the station is a mile.",
        "It was fun for me and my team worked hard.",
        "The teams focus on quality.",
        "The sales goals were met.",
        "We went good places together.",
        "The charity does good and we went home.",
        "I hope your team is well.",
        "Check the weather forecast before the trip.",
        "Whatever the weather or not, we meet.",
        "I sent a followup last week.",
        "Here is the process. Here is the news you wanted.",
        "The relationship between the team and the manager is good.",
        "I have a five year contract; it lasted two years and a day.",
        "I look forward to working with you and to the launch.",
        "My interest for now is the role. When decisions are made, we hear.",
        "Please find attached the report and my CV. The rest of the team agreed.",
        "I want to read it, to put it down and to found a company. I hope to see you.",
        "The people I met were kind, and the person I met was too.",
        "I spoke English at home. Treat it as you would any other candidate. Will this work?",
        "Here are the notes of the meeting. It is not all once-off. I gave each them a copy.",
        "EDS is a different company, and Jacques is ready.",
        "I could have done more. If you have any questions, ask. Don't the numbers look good?",
        "Marks and Spencer is a shop. Their in-house team is good. Send them the name.",
        "These segments hold a lot of opportunity. The cake is on offer; I am on call.",
        "We talked about team building, and I was invited to interview.",
        "I was shortlisted for interview. Thank you for inviting me for interview last week.",
        "The skills you described match my experience, and the advice you gave us helps.",
        "I would be a great fit, and she is a strong match. It is a five year plan.",
        # "of" inside a job title (found using the product: every draft for such a role)
        "I enjoyed discussing the Head of Development role with you.",
        "Thank you — VP of Engineering interview",
        "I met the Director of Finance role holder at Bank of America.",
    ],
)
def test_what_only_looks_like_those_slips(text: str) -> None:
    rules = {
        "grammar.hear-here",
        "grammar.usage",
        "grammar.apostrophe",
        "grammar.agreement",
        "grammar.missing-word",
        "grammar.verb-form",
    }
    assert [f for f in found(text) if f[1] in rules] == []
