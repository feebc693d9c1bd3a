"""tone_criticism: complaints about people at work in the forms a hurried letter takes
(P5: no negative statements; P7, P8), and the courteous or proud sentences that use the
same words without complaining. Written for these tests, as candidates write."""

from __future__ import annotations

import pytest

from afterview.writing.checks import tone
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity
from afterview.writing.text import Document

STATEMENT = "tone.negative-statement"


def statements(text: str) -> list[str]:
    return [
        text[f.offset : f.offset + f.length]
        for f in tone.check(Document(text), CheckContext())
        if f.rule == STATEMENT and f.severity is Severity.ERROR
    ]


COMPLAINTS = [
    "I think management dropped the ball on the launch.",
    "I'll ask again after the usual runaround from those clowns.",
    "Sorry for the delay, my partners can't get anything done on time.",
    "Bob has grudgingly agreed to cover, since nobody else here ever helps out.",
    "I spent two years at a firm that was run like a circus.",
    "HR usually manages to slow these things down to a crawl.",
    "She might send it, if she can be bothered.",
    "I will write when we know more, assuming our own lawyers can be bothered to call.",
    "Jane should send the details, if she ever gets around to it.",
    "It could be split among the business units, who never agree on anything.",
    "Things are fine here, apart from my hopeless boss.",
    "I am waiting until these lazy listing agents return my calls.",
    "He was let go in March, which was a stupid call by HR.",
    "Please keep a copy, since our own filing system here is a shambles.",
    "Frankly the whole reorganization was a waste of everyone's time.",
    "Nobody here seems to care whether the numbers are right.",
    "We would have closed this weeks ago if the lawyers knew what they were doing.",
    "I see the back office has lost the confirms again.",
    "Typical of this outfit to announce it on a Friday afternoon.",
    "The consultants charged a fortune and delivered nothing useful.",
    "I guess that's what passes for planning around here.",
    "Once again, I'm the last to know.",
    "Another brilliant idea from the executive floor.",
    "Sorry for the late reply, the IT department broke my laptop again.",
    "I'm sure our fearless leaders have a plan.",
    "Let's hope accounting gets it right this time.",
    "As always, the traders get the bonuses and we get the blame.",
    "Why they hired him is beyond me.",
    "Honestly I've given up trying to get a straight answer from the desk heads.",
    "Same old story with this company.",
    "The old group was mismanaged into the ground.",
    "It was painfully obvious your team just copied the slides.",
    "Our manager conveniently forgot the deadline he set.",
    "Working there showed me how incompetent our leadership really is.",
    "The geniuses upstairs have cut the budget again.",
    "Honestly, working under Dave was a nightmare from day one.",
    "The onboarding at my last job was a total joke.",
    "My line manager took all the credit and none of the blame.",
    "The leadership there couldn't organise a meeting to save their lives.",
    "I am leaving because the culture is poisonous.",
    "Nobody in that company ever says thank you.",
    "The finance team is always late with everything.",
    "Our vendor messed up the delivery again.",
    "My boss is the reason half the team quit.",
    "I've had enough of the constant firefighting caused by poor planning upstairs.",
    "To be frank, my current employer doesn't value its engineers.",
    "The previous recruiter ghosted me for three weeks.",
    "The people running the project had no clue.",
    "Management keeps moving the goalposts.",
    "My old team was a bunch of amateurs.",
    "The CEO only cares about the share price.",
    "The client was a nightmare to deal with.",
    "Our IT department is painfully slow.",
    "The whole department is a mess since the merger.",
    "My supervisor constantly undermined me in meetings.",
    "They promised a promotion and never delivered.",
    "The last interview panel clearly hadn't read my CV.",
    "My colleagues spend more time gossiping than working.",
    "The company has been going downhill for years.",
    "I'm frustrated with how my current team is managed.",
    "Their process is bureaucratic and slow.",
    "Frankly, the training they gave us was worthless.",
    "My manager blamed me for his own mistakes.",
    "The HR team lost my paperwork twice.",
    "Senior management is completely out of touch.",
    "It was impossible to get a straight answer from anyone there.",
    "The agency wasted my time with roles that didn't fit.",
    "The last place I worked was badly managed and chaotic.",
    "Yet another pointless reorganisation was announced.",
    "My manager won't lift a finger to help the juniors.",
    "HR couldn't be bothered to reply to anyone.",
    "The recruiter finally bothered to call me back.",
    "Not that anyone in management will ever notice.",
    "I sent it again, assuming the panel ever reads these.",
    "It shows how little the company values its staff.",
    "The director foolishly cancelled the whole project.",
    "We got zero support from head office.",
    "With their usual last-minute changes, the client moved the date.",
    "I resented the way my manager spoke to us.",
    "None of you ever reply to my emails.",
    "Procurement blocked us again.",
    "My team lead keeps losing the meeting notes.",
    "To be honest my current team is a shambles.",
    "Management there completely dropped the ball on the migration.",
    "My old boss never listened to anyone.",
    "Our director has been dragging his feet for months.",
    "The leadership team is clueless about what engineers do.",
    "I'm sick of the politics at my current company.",
    "I am tired of covering for my colleagues.",
    "My manager threw me under the bus in front of the client.",
    "Frankly the HR department has been hopeless.",
    "The whole process at my last place was a joke.",
    "Honestly the recruitment process here has been exhausting and badly run.",
    "My colleagues are lazy and never pull their weight.",
    "The last company I worked for was a sinking ship.",
    "My team lead had no idea what he was doing.",
    "Nobody at my current firm knows what they are doing.",
    "I left because the management was incompetent.",
    "My previous employer treated its staff appallingly.",
    "The sales team botched the launch.",
    "Our CTO keeps changing his mind every week.",
    "I was fed up with the constant reorganisations.",
    "Corporate never gives us enough notice.",
    "The people in finance are impossible to work with.",
    "Procurement sat on our request for a month.",
    "Quite frankly, the agency you use is unprofessional.",
    "Your recruiter never replied to my emails, which was frustrating.",
    "The interviewer was rude and clearly uninterested.",
    "I found the panel disorganised and unprepared.",
    "My current job is soul-destroying.",
    "My last manager was a bully.",
    "The company is going nowhere under its current leadership.",
    "Head office has made a complete mess of the restructure.",
    "Legal took forever to sign off, as usual.",
    "The old platform team wasted months on nothing.",
    "I can't wait to get away from my current employer.",
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_complaint_about_people_at_work_is_a_negative_statement(text: str) -> None:
    assert len(statements(text)) == 1


NOT_COMPLAINTS = [
    "I spent a lazy Sunday catching up on the reading you sent.",
    "The new filing system is a joy to use.",
    "I made a stupid mistake in my first draft, now fixed.",
    "We finally agreed on everything at the last meeting.",
    "Once the team can be reached, we will confirm the date.",
    "I lost my keys again on the way in, so I was late.",
    "Sorry to waste your time with a second note.",
    "No one cares about the weather when the work is this interesting.",
    "I knew what they were doing was right.",
    "I broke my laptop again, sorry about the delay.",
    "We hope to get it right this time with your help.",
    "I take the blame for the delay.",
    "It is beyond me to explain it better than the paper does.",
    "I'm so sorry to hear that your team had a terrible week.",
    "I cleaned up a department that had been mismanaged for years.",
    "The traffic slowed down to a crawl on the way, so I was a little late.",
    "The circus came to town, and the clown show was a hit with my children.",
    "I had enough of a break to recharge before starting.",
    "I avoid office gossip and focus on the work.",
    "I had no clue it would be this much fun.",
    "I have been out of touch with the field, so I took a course.",
    "The old system was not fit for purpose, so I rebuilt it.",
    "The training was slow at first, but I learnt a lot from it.",
    "It is impossible to get a better team than this one.",
    "My manager gave me the credit I needed to grow.",
    "The team was never late with a release.",
    "They only care about doing things well.",
    "Yet another great quarter for the team.",
    "We finally managed to ship the release, and I finally got around to the write-up.",
    "Looking back, it shows how little I knew then and how much the team taught me.",
    "Our usual short stand-up was quick today.",
    "I resent the invitation yesterday; I resent the email this morning too.",
    "With no help from a template, I built the report myself and enjoyed it.",
    "Thank you for taking the time to meet me yesterday.",
    "I enjoyed hearing how the team rebuilt the platform after the outage.",
    "I am sorry to hear that the project was delayed.",
    "Our team solved a difficult scheduling problem last year.",
    "I led the recovery after a serious incident at my current company.",
    "The migration was a challenge, and we delivered it on time.",
    "I would love to help the team tackle its backlog of legacy issues.",
    "I understand the hiring process takes time, and I am happy to wait.",
    "My manager supported me when I moved into data engineering.",
    "I left my last role to focus on healthcare.",
    "The team handled a messy data set with real care.",
    "I learnt a lot from a hard project at my previous employer.",
    "I was sorry to miss you on Tuesday.",
    "Unfortunately I cannot make Thursday; could we try Friday?",
    "Please let me know if the panel needs anything else from me.",
    "The leadership team was generous with its time.",
    "Honestly, it was a pleasure to meet everyone.",
    "Frankly, the role is exactly what I have been looking for.",
    "I am not tired of learning; I enjoy it.",
    "The disaster recovery plan was the part I enjoyed most.",
    "We reduced errors in the billing pipeline by half.",
    "No problem at all if the timeline moves.",
    "My colleagues and I rebuilt the reporting from scratch.",
    "The sales team exceeded its target for the third year running.",
    "I appreciated your honesty about the challenges ahead.",
    "Our director gave me room to grow.",
    "The process has been clear and well organised.",
    "I know the team has been busy with the launch.",
    "Legal signed off the contract within a week.",
    "I am keen to get stuck into the problems you described.",
    "The team never gave up on the launch.",
    "My manager never once missed a one-to-one.",
    "The team delivered on time, as usual.",
    "Our team ran a disaster recovery drill every quarter.",
    "The team cleaned up a mess left by the old system.",
    "We never wasted our time in meetings there.",
    "The build took forever before I optimised it.",
    "My manager was not disorganised at all; she was the opposite.",
    "The process was long but rewarding.",
    "Head Office is a short walk from the station.",
    "I helped my team turn around a failing project.",
    "They were generous and welcoming.",
    "He was the most helpful interviewer I have met.",
    "The panel gave me plenty of time to answer.",
    "My current employer has been very supportive of my move.",
    "Our clients are demanding, and I enjoy that.",
    "I know the team is stretched, so there is no rush.",
    "The office was lively and friendly.",
    "My previous company was acquired last year.",
    "Everyone at the office was welcoming.",
    # the writer owning a slip in a complaint's words
    "I dropped the ball on the invoice and will send it today.",
    "We really messed up the first order, so the second one is on us.",
]


@pytest.mark.parametrize("text", NOT_COMPLAINTS)
def test_courtesy_praise_and_stories_of_a_fix_are_not_complaints(text: str) -> None:
    assert statements(text) == []


def test_the_finding_quotes_the_complaint_to_the_end_of_its_clause() -> None:
    text = "Thanks again. I'm sick of the politics at my current company, but I stay positive."
    assert statements(text) == ["sick of the politics at my current company"]


def test_the_target_starts_the_span_and_a_negation_clears_it() -> None:
    assert statements("Frankly, the HR department has been hopeless.") == [
        "the HR department has been hopeless"
    ]
    assert statements("The HR department has not been hopeless at all.") == []
