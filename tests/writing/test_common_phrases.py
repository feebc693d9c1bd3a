"""The phrases nearly every email holds draw no finding at all (P5: a checker that cries
wolf on "I hope you're well" teaches the candidate to ignore it). Written for these tests;
the list grows whenever a real letter shows a stock phrase the checker misread ("Hope
all is well with you" once drew a verb-form warning, "I hope you're well" a your/you're
one)."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext

PHRASES = [
    "I hope you're well.",
    "Hope you're well.",
    "I hope you are well.",
    "I trust you're well.",
    "Hope you're keeping well.",
    "I hope this email finds you well.",
    "Hope all is well with you.",
    "Thanks for getting back to me so quickly.",
    "Thank you for your time yesterday.",
    "It was great to meet you on Tuesday.",
    "It was a pleasure speaking with you today.",
    "Thanks again for the chance to meet the team.",
    "I really enjoyed our conversation about the roadmap.",
    "Please let me know if you have any questions.",
    "Let me know if there's anything else you need.",
    "I've attached the file you asked for.",
    "I look forward to hearing from you.",
    "Looking forward to hearing from you soon.",
    "I'm looking forward to the next steps.",
    "Have a great weekend.",
    "Thanks in advance for your help.",
    "Sorry for the delay in getting back to you.",
    "Apologies for the late reply.",
    "Just following up on my email from last week.",
    "I wanted to check in on the status of my application.",
    "Could we move our call to Thursday?",
    "Does 3pm work for you?",
    "I'm available any time next week.",
    "Happy to help if you need anything else.",
    "You're welcome.",
    "You're right, I missed that.",
    "Let's catch up next week.",
    "Can you send me the slides when you get a chance?",
    "I'll get back to you by Friday.",
    "Please keep me posted.",
    "That sounds great, thanks.",
    "No problem at all.",
    "See you then.",
    "Talk soon.",
    "Your planning will benefit from the team's experience.",
    "Your table of contents should be a reliable roadmap.",
    "Thank you for taking the time to speak with me today.",
    "I appreciated learning more about the role and the team.",
    "I'm very excited about the opportunity to join your team.",
    "I believe my experience in data engineering would be a good fit.",
    "Please don't hesitate to contact me if you need any further information.",
    "I would welcome the chance to discuss my application further.",
    "I am writing to follow up on my interview last Thursday.",
    "I wanted to touch base regarding the position.",
    "I understand you're busy, so I'll keep this brief.",
    "Thanks for the update, that's great news.",
    "I've been thinking about what you said about the migration.",
    "It was good to hear that the team is growing.",
    "I'm sorry to hear about the delay.",
    "Unfortunately, I won't be able to make it on Monday.",
    "Would Wednesday afternoon suit you instead?",
    "I can do any time after 2pm.",
    "I'll be out of the office until Monday.",
    "I'm afraid I have to withdraw my application.",
    "After careful thought, I've decided to accept another offer.",
    "Thank you for considering me for the position.",
    "I'd love to stay in touch.",
    "Feel free to reach out anytime.",
    "Let me know what works best for you.",
    "Just a quick note to say thanks.",
    "I hope you had a good weekend.",
    "Hope your week is going well.",
    "I hope the rest of your week goes smoothly.",
    "Please give my regards to the team.",
    "Congratulations on the launch!",
    "Well done on the results.",
    "I completely agree with your point about testing.",
    "That makes sense to me.",
    "I'll keep you updated.",
    "I'll let you know as soon as I hear back.",
    "Sounds good to me.",
    "Any update on the timeline would be much appreciated.",
    "I'm still very interested in the role.",
    "Is there anything else you need from me?",
    "I'm happy to provide references.",
    "My availability next week is below.",
    "Let me know if that works.",
    "Thanks so much for your help with this.",
    "Much appreciated.",
    "Cheers,",
    "All the best,",
    "Warm regards,",
    "Speak soon,",
    "Have a lovely evening.",
    "It's been a pleasure working with you.",
    "Good luck with the project.",
    "I've copied Sarah, who leads the data team.",
    "Attached is my portfolio.",
    "Here is the link to my GitHub profile.",
    "Could you confirm the address for the interview?",
    "What time should I arrive?",
    "Who will I be meeting with?",
    "How long will the interview last?",
    "I'm looking forward to meeting everyone.",
    "I'll be there at 10.",
    "See you on Tuesday.",
]


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
def test_stock_phrases_draw_no_finding(language: str) -> None:
    flagged = {
        phrase: [(f.rule, phrase[f.offset : f.offset + f.length]) for f in found]
        for phrase in PHRASES
        if (found := check_text(phrase, CheckContext(language=language)).findings)
    }
    assert flagged == {}
