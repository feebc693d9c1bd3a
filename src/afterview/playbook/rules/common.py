"""What every rule needs: the opportunity, the settings, the working calendar."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cached_property

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import (
    ContactKind,
    Interview,
    InterviewFormat,
    Opportunity,
    Outcome,
    Person,
    PersonRole,
    PlanContext,
)
from afterview.playbook.settings import Settings
from afterview.playbook.timing import WorkingCalendar, add_days, calendar_for, describe_local


@dataclass(frozen=True)
class Scope:
    opp: Opportunity
    settings: Settings
    calendar: WorkingCalendar
    context: PlanContext
    zone_override: str | None = None  # set by `theirs()`: the recipient's zone

    @property
    def tz(self) -> str:
        """The zone for opportunity-wide actions: the latest interview's, else the user's."""
        return self.zone_override or self.opp.zone(self.context.default_tz)

    def theirs(self) -> Scope:
        """This scope as the organisation sees time: its zone and its working calendar,
        for a message that should land in its working hours (P5, P8)."""
        live = self.opp.live_interviews
        zone = self.org_tz(live[-1] if live else None)
        return replace(self, calendar=self.org_calendar, zone_override=zone)

    # Interviews across zones (docs/playbook.md, "Time zones"): the candidate's steps
    # are judged in the candidate's zone and calendar; a message to the organisation
    # lands in the organisation's working hours, by its public holidays.

    def candidate_tz(self, interview: Interview | None = None) -> str:
        """Where the candidate is: at the interview for an on-site one, else at home."""
        home = self.context.home_tz
        if interview is None:
            return home or self.tz
        if home is None or interview.format is InterviewFormat.ONSITE:
            return interview.tz
        return home

    def org_tz(self, interview: Interview | None = None) -> str:
        """Where the interviewers work: as recorded, else the zone the interview's times
        were given in (an invitation carries its organiser's zone)."""
        if self.opp.org_tz:
            return self.opp.org_tz
        return interview.tz if interview is not None else self.tz

    @cached_property
    def org_calendar(self) -> WorkingCalendar:
        """The organisation's working days: its own country's public holidays if recorded."""
        if not self.opp.holiday_country:
            return self.calendar
        return calendar_for(self.settings, self.opp.holiday_country)

    def action(
        self, key: str, rule: str, title: str, due: datetime, why: str, **extra: object
    ) -> PlannedAction:
        """A PlannedAction of this opportunity; `key` is prefixed with the rule id."""
        tz = extra.pop("tz", None) or self.tz
        return PlannedAction(
            key=f"{rule}:{key}",
            rule=rule,
            title=title,
            due=due,
            tz=str(tz),
            why=why,
            opportunity_id=self.opp.id,
            **extra,  # type: ignore[arg-type]
        )

    def stale_after(self, due: datetime, tz: str) -> datetime:
        """When an undone step stops being worth doing (a week-late thank-you reads odd)."""
        return add_days(due, self.settings.stale_after_days, tz)

    def when(self, moment: datetime, tz: str | None = None) -> str:
        return describe_local(moment, tz or self.tz)

    def first_contact_after(
        self, kind: ContactKind, after: datetime, person_id: int | None = None
    ) -> datetime | None:
        """When the first matching contact at or after `after` was made.

        A contact logged without a person counts for every person.
        """
        for contact in self.opp.contacts_of(kind):
            if contact.at < after:
                continue
            if person_id is None or contact.person_id in (None, person_id):
                return contact.at
        return None

    def interviewers(self, interview: Interview) -> tuple[Person, ...]:
        people = tuple(p for p in self.opp.people if p.id in interview.interviewer_ids)
        return people

    def recruiter(self) -> Person | None:
        recruiters = self.opp.recruiters
        return recruiters[0] if recruiters else None

    def accepted_elsewhere(self) -> datetime | None:
        ctx = self.context
        if ctx.accepted_offer_at is not None and ctx.accepted_offer_opp != self.opp.id:
            return ctx.accepted_offer_at
        return None

    def last_outcome(self) -> Outcome | None:
        events = sorted(self.opp.outcomes, key=lambda e: e.at)
        return events[-1].outcome if events else None


def entered_late(scope: Scope, interview: Interview, due: datetime) -> datetime | None:
    """When `interview` was entered, if that was after `due` but not so long after the
    interview that it is history (twice `stale_after_days`): a catch-up is owed."""
    entered = interview.recorded_at
    if entered is None or entered <= due:
        return None
    horizon = add_days(interview.end, 2 * scope.settings.stale_after_days, interview.tz)
    return entered if entered <= horizon else None


def possessive(name: str) -> str:
    """ "Cobalt Labs'" but "Acme's": names ending in s take the apostrophe alone."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def hours(value: float) -> timedelta:
    return timedelta(hours=value)


def name_of(person: Person | None, fallback: str) -> str:
    return person.name if person is not None else fallback


def decision_makers(people: tuple[Person, ...]) -> tuple[Person, ...]:
    return tuple(p for p in people if p.role is PersonRole.HIRING_MANAGER)
