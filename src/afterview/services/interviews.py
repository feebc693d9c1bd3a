"""Read-only: one interview with what its page needs (P4 debrief, P7 reflection)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from afterview.playbook.facts import Debrief, Interview, Opportunity, Person, Reflection
from afterview.playbook.status import status
from afterview.services.app import App


@dataclass(frozen=True)
class InterviewView:
    opportunity: Opportunity
    interview: Interview
    status: str

    @property
    def interviewers(self) -> tuple[Person, ...]:
        return tuple(p for i in self.interview.interviewer_ids if (p := self.opportunity.person(i)))

    @property
    def debrief(self) -> Debrief | None:
        return self.opportunity.debrief_for(self.interview.id)

    @property
    def last_reflection(self) -> Reflection | None:
        """The opportunity's latest fit reflection (P7): reflections are kept, not replaced."""
        reflections = sorted(self.opportunity.reflections, key=lambda r: (r.recorded_at, r.id))
        return reflections[-1] if reflections else None


def show_interview(app: App, interview_id: int, now: datetime) -> InterviewView:
    """The interview, its opportunity and status; UnknownInterview when there is none."""
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(repo.interview_opportunity(interview_id))
    interview = next(i for i in opp.interviews if i.id == interview_id)
    return InterviewView(opp, interview, status(opp, now).value)
