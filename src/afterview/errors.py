"""One error hierarchy, mapped once to exit codes (CLI) and later to HTTP statuses (web).

Each message says what went wrong and what to do next; no adapter invents its own.
"""

from __future__ import annotations


class AfterviewError(Exception):
    """Base of every error a user can cause; never shown with a traceback."""

    exit_code = 2
    http_status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInput(AfterviewError):
    """A value the user typed cannot be used."""


class NotFound(AfterviewError):
    http_status = 404


class UnknownOpportunity(NotFound):
    def __init__(self, opp_id: object) -> None:
        super().__init__(f"No opportunity {opp_id}. `afterview opp list` shows ids.")


class UnknownInterview(NotFound):
    def __init__(self, interview_id: object) -> None:
        super().__init__(
            f"No interview {interview_id}. `afterview opp show OPP` lists its interviews."
        )


class UnknownPerson(NotFound):
    def __init__(self, person_id: object, opp_id: object | None = None) -> None:
        where = f" in opportunity {opp_id}" if opp_id is not None else ""
        super().__init__(
            f"No person {person_id}{where}. `afterview opp show OPP` lists the people."
        )


class UnknownMessage(NotFound):
    def __init__(self, message_id: object) -> None:
        super().__init__(f"No draft or message {message_id}. `afterview draft list` shows ids.")


class UnknownAction(NotFound):
    def __init__(self, key: str) -> None:
        super().__init__(f"No action {key!r}. `afterview agenda --all --json` lists action keys.")


class Refused(AfterviewError):
    """The playbook forbids this now (e.g. the weekly follow-up guard, P8)."""

    http_status = 409


class Conflict(AfterviewError):
    """The store's state does not allow this (e.g. importing into a non-empty database)."""

    http_status = 409


class StoreError(AfterviewError):
    """The database cannot be opened or migrated."""

    exit_code = 3
    http_status = 503
