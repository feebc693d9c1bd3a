"""Settings: the profile drafts are signed with, the playbook's timing, the word list.

The timing form is generated from the `Settings` dataclass: one control per field,
grouped by the rule it serves (P1…P12, then working time), its description as help
text. Saving goes through `afterview.config.save`, the very path of
`afterview config set`, then the running app takes the new settings and re-plans
on its next use case (the settings fingerprint changed).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from datetime import date, time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from afterview import config as config_module
from afterview import paths
from afterview.errors import AfterviewError, BadInput
from afterview.playbook.settings import WEEKDAYS, Settings, SettingsError, from_plain, to_plain
from afterview.services.app import App
from afterview.services.profile import (
    add_words,
    get_profile,
    list_words,
    remove_words,
    set_profile,
)
from afterview.web.lessons_chart import rule_name
from afterview.web.pages import notices
from afterview.web.pages.common import back, now, service, shown
from afterview.web.templating import render
from afterview.writing.context import LANGUAGES

router = APIRouter()

PROFILE_FIELDS = ("name", "email", "phone", "signature", "skills", "experience", "language")
PROFILE_LABELS = {
    "name": "Your name",
    "email": "Your email address",
    "phone": "Phone",
    "signature": "Signature",
    "skills": "Skills",
    "experience": "Experience",
    "language": "Language",
}
LANGUAGE_NAMES = {"en-GB": "British English (en-GB)", "en-US": "American English (en-US)"}
# Settings whose values are a closed set get a menu instead of a text box.
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "thank_you_to": (("each", "Each interviewer"), ("hiring-manager", "Only the hiring manager")),
}
DAY_NAMES = dict(zip(WEEKDAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))
TIMING = "timing"
ZONE_FIELD = "timezone"
MAX_WORDS_FIELD = 2000


# Each setting as a person would say it, its unit in the label (the keys stay the
# config file's and the CLI's; a setting added later falls back to its key in words).
PLAIN_LABELS = {
    "recruiter_call_within_hours": "Call the recruiter within (hours after the interview)",
    "checklist_lead_minutes": "Show “ask before you leave” (minutes before the interview)",
    "debrief_within_hours": "Write the debrief within (hours after the interview)",
    "stale_after_days": "Drop a step that no longer matters after (days)",
    "morning_cutoff": "Interviews starting before this time are thanked the same day",
    "thank_you_to": "Send thank-you emails to",
    "thank_you_max_words": "Longest thank-you before a warning (words)",
    "working_days": "Working days",
    "working_day_start": "Working day starts at",
    "working_day_end": "Working day ends at",
    "holiday_country": "Public holidays of (country code, e.g. GB)",
    "holiday_subdivision": "Region of those holidays (code, e.g. ENG; optional)",
    "holidays": "Your own days off (dates)",
    "timeline_check_days": "Ask for the hiring timeline when none is known after (days)",
    "reflection_after_days": "Reflect on the fit after (days)",
    "first_follow_up_days": "First follow-up when no date was given, after (days)",
    "follow_up_guard_days": "At most one follow-up every (days)",
    "max_unanswered_follow_ups": "Suggest closing after this many unanswered follow-ups",
    "resume_after_reply_days": "After a reply, follow up again after (days)",
    "keep_searching_every_days": "Remind me to keep searching every (days)",
    "brief_before_hours": "Read the brief before the next round (hours before)",
    "offer_reply_within_days": "Answer an offer within (days)",
}


# Help that reads as the web's words where the spec's speaks of config values.
PLAIN_HELP = {
    "working_days": "Thank-yous and follow-ups land on these days, never on the others.",
    "holidays": "Days you do not want anything planned on.",
}


@dataclass(frozen=True)
class SettingControl:
    """One generated control of the timing form."""

    name: str
    rule: str
    description: str
    kind: str  # integer | decimal | time | choice | days | dates | text
    value: str
    env: str | None  # the environment variable that overrides it, when set
    choices: tuple[tuple[str, str], ...] = ()
    selected_days: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return PLAIN_LABELS.get(self.name) or self.name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class SettingGroup:
    rule: str
    title: str
    controls: tuple[SettingControl, ...]


def setting_groups(current: Settings, posted: dict[str, str] | None = None) -> list[SettingGroup]:
    """The timing form: every Settings field, grouped by its rule (working time first)."""
    plain = to_plain(current)
    by_rule: dict[str, list[SettingControl]] = {}
    for f in fields(Settings):
        rule = str(f.metadata["rule"])
        value = posted[f.name] if posted is not None and f.name in posted else _text(plain[f.name])
        default = f.default
        kind = _kind(f.name, default)
        env = f"AFTERVIEW_{f.name.upper()}"
        by_rule.setdefault(rule, []).append(
            SettingControl(
                name=f.name,
                rule=rule,
                description=PLAIN_HELP.get(f.name, str(f.metadata["description"])),
                kind=kind,
                value=value,
                env=env if env in os.environ else None,
                choices=CHOICES.get(f.name, ()),
                selected_days=tuple(d.strip() for d in value.split(",") if d.strip())
                if kind == "days"
                else (),
            )
        )
    order = sorted(by_rule, key=lambda r: -1 if r == TIMING else int(r.lstrip("P") or 0))
    return [
        SettingGroup(
            rule,
            "Working days and hours" if rule == TIMING else f"{rule} · {rule_name(rule)}",
            tuple(by_rule[rule]),
        )
        for rule in order
    ]


def _kind(name: str, default: Any) -> str:
    if name in CHOICES:
        return "choice"
    if name == "working_days":
        return "days"
    if isinstance(default, bool):
        return "text"
    if isinstance(default, int):
        return "integer"
    if isinstance(default, float):
        return "decimal"
    if isinstance(default, time):
        return "time"
    if name == "holidays":
        return "dates"
    return "text"


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v.isoformat() if isinstance(v, date) else v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def posted_settings(form: Any) -> dict[str, str]:
    """The timing form as NAME → text, the shape `afterview config set NAME=VALUE` reads."""
    values: dict[str, str] = {}
    for f in fields(Settings):
        if _kind(f.name, f.default) == "days":
            values[f.name] = ",".join(str(d) for d in form.getlist(f.name))
        else:
            raw = form.get(f.name)
            values[f.name] = raw.strip() if isinstance(raw, str) else ""
    return values


def changed_settings(current: Settings, posted: dict[str, str]) -> dict[str, str]:
    """Only what differs from the settings in force: the config file keeps the user's choices,
    not a copy of every default (a later, better default still reaches them)."""
    try:
        wanted = from_plain(dict(posted))
    except SettingsError as exc:
        raise BadInput(str(exc)) from None
    return {
        f.name: posted[f.name]
        for f in fields(Settings)
        if getattr(wanted, f.name) != getattr(current, f.name)
    }


def apply_config(app: App, values: dict[str, str], zone_changed: bool) -> None:
    """Save through `config.save` (as `afterview config set`), then use the result here.

    The next transaction sees a new settings fingerprint and re-plans everything.
    """
    loaded = config_module.save(dict(values))
    timezone = loaded.timezone if zone_changed else app.timezone
    app.config = config_module.Config(settings=loaded.settings, timezone=timezone)
    app.__dict__.pop("calendar", None)  # a cached_property built from the old settings


@router.get("/settings", response_class=HTMLResponse, summary="Settings")
def settings_page(request: Request) -> Response:
    return shown(request, _page(request, notice=notices.take(request)))


def safe_next(text: str | None) -> str | None:
    """Where to return after the profile is saved: a path of ours, never another site."""
    if not text or not text.startswith("/") or text.startswith("//") or "\\" in text:
        return None
    return text[:500]


@router.post("/settings/profile", summary="Save the profile")
async def save_profile(request: Request) -> Response:
    form = await request.form()
    posted = {name: _raw(form, name).replace("\r\n", "\n") for name in PROFILE_FIELDS}
    app = service(request)
    request.state.posted_next = _raw(form, "next")
    try:
        saved = await run_in_threadpool(_set_profile, app, posted)
    except AfterviewError as exc:
        message = _profile_message(exc.message)
        return _page(
            request,
            profile=posted,
            profile_error=message,
            status=400,
            profile_invalid=_invalid_profile_fields(exc.message),
        )
    target = safe_next(_raw(form, "next"))
    if target is not None:
        return back(request, target, f"Profile saved: {saved}. Carry on where you were.")
    return back(request, "/settings", f"Profile saved: {saved}.")


@router.post("/settings/timing", summary="Save the timing settings (P1–P12)")
async def save_timing(request: Request) -> Response:
    form = await request.form()
    posted = posted_settings(form)
    zone = _raw(form, ZONE_FIELD).strip()
    app = service(request)
    try:
        if not zone:
            raise BadInput("Your time zone must not be empty (an IANA name such as Europe/London).")
        changes = changed_settings(app.settings, posted)
        zone_changed = zone != app.timezone
        if zone_changed:
            changes[ZONE_FIELD] = zone
        if not changes:
            return back(request, "/settings", "Nothing changed.")
        server = getattr(request.app.state, "server", None)
        if server is not None:  # the agency server: the account's settings, not a file
            await run_in_threadpool(server.save_settings, request.state.user, app, changes)
        else:
            await run_in_threadpool(apply_config, app, changes, zone_changed)
    except AfterviewError as exc:
        return _page(
            request,
            timing=posted,
            zone=zone,
            timing_error=exc.message,
            timing_invalid=_invalid_settings(exc.message),
            status=400,
        )
    names = ", ".join(n.replace("_", " ") for n in changes)
    return back(request, "/settings", f"Saved: {names}. Every plan was recomputed with it.")


@router.post("/settings/words/add", summary="Add words the spelling check must accept")
async def add_to_word_list(request: Request) -> Response:
    form = await request.form()
    text = _raw(form, "words")
    app = service(request)
    try:
        if len(text) > MAX_WORDS_FIELD:
            raise BadInput(
                f"That is a lot of words at once; add at most {MAX_WORDS_FIELD} characters' worth."
            )
        words = [w for w in re.split(r"[\s,;]+", text) if w]
        added = await run_in_threadpool(lambda: add_words(app, words, now=now()))
    except AfterviewError as exc:
        return _page(request, words_text=text, words_error=exc.message, status=400)
    notice = f"Added: {', '.join(added)}." if added else "Those words were already on your list."
    return back(request, "/settings", notice)


@router.post("/settings/words/remove", summary="Remove a word from the word list")
async def remove_from_word_list(request: Request) -> Response:
    form = await request.form()
    word = _raw(form, "word")
    app = service(request)
    try:
        removed = await run_in_threadpool(lambda: remove_words(app, [word], now=now()))
    except AfterviewError as exc:
        return _page(request, words_error=exc.message, status=400)
    return back(request, "/settings", f"Removed: {', '.join(removed)}.")


def _set_profile(app: App, posted: dict[str, str]) -> str:
    profile = set_profile(app, now=now(), **posted)
    return f"{profile.name} <{profile.email}>, {profile.language}"


def _page(
    request: Request,
    *,
    notice: str | notices.Notice | None = None,
    profile: dict[str, str] | None = None,
    profile_error: str | None = None,
    profile_invalid: frozenset[str] = frozenset(),
    timing: dict[str, str] | None = None,
    zone: str | None = None,
    timing_error: str | None = None,
    timing_invalid: frozenset[str] = frozenset(),
    words_text: str = "",
    words_error: str | None = None,
    status: int = 200,
) -> Response:
    app = service(request)
    moment = now()
    saved = get_profile(app, moment)
    if profile is None:
        profile = dict.fromkeys(PROFILE_FIELDS, "")
        if saved is not None:
            profile |= {
                "name": saved.name,
                "email": saved.email,
                "phone": saved.phone or "",
                "signature": saved.signature or "",
                "skills": ", ".join(saved.skills),
                "experience": saved.experience or "",
                "language": saved.language,
            }
    return render(
        request,
        "settings.html",
        {
            "notice": notice,
            "next": safe_next(request.query_params.get("next") or _next_of(request)),
            "profile": profile,
            "has_profile": saved is not None,
            "profile_error": profile_error,
            "profile_invalid": profile_invalid,
            "languages": [(tag, LANGUAGE_NAMES.get(tag, tag)) for tag in LANGUAGES],
            "groups": setting_groups(app.settings, timing),
            "zones": _zones(),
            "zone": app.timezone if zone is None else zone,
            "zone_env": "AFTERVIEW_TZ" if os.environ.get("AFTERVIEW_TZ") else None,
            "timing_error": timing_error,
            "timing_invalid": timing_invalid,
            "config_file": paths.config_file(),
            "weekdays": list(DAY_NAMES.items()),
            "words": list_words(app, now=moment),
            "words_text": words_text,
            "words_error": words_error,
        },
        status=status,
    )


def _next_of(request: Request) -> str | None:
    """A profile form sent back with an error keeps where to return."""
    value = getattr(request.state, "posted_next", None)
    return value if isinstance(value, str) else None


def _zones() -> tuple[str, ...]:
    from afterview.web.pages.opportunities import zones

    return zones()


def _profile_message(message: str) -> str:
    """The service speaks the CLI's language (--email); the form names its fields."""
    for name, label in PROFILE_LABELS.items():
        message = message.replace(f"--{name}", label)
    return message


def _invalid_profile_fields(message: str) -> frozenset[str]:
    found = {name for name in PROFILE_FIELDS if f"--{name}" in message}
    if "email address" in message.lower():
        found.add("email")
    if "language" in message.lower():
        found.add("language")
    if "skill" in message.lower():
        found.add("skills")
    return frozenset(found)


def _invalid_settings(message: str) -> frozenset[str]:
    found = {f.name for f in fields(Settings) if re.search(rf"\b{f.name}\b", message)}
    if "zone" in message.lower():
        found.add(ZONE_FIELD)
    return frozenset(found)


def _raw(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""
