"""Import: a calendar invitation becomes an interview; business cards become people (P3).

The same use cases as `afterview import invite|vcard`. Files arrive as uploads (or,
for an invitation, pasted text: some mail clients only show the .ics source). A
failed import writes nothing and keeps every choice made on the form; only the file
must be chosen again (browsers never refill a file field).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from afterview.errors import AfterviewError, BadInput
from afterview.integrations import MAX_BYTES, check_size
from afterview.playbook.facts import PersonRole, Route
from afterview.services.import_summary import describe_invite, describe_vcards
from afterview.services.invites import NewOpportunity, import_invite
from afterview.services.queries import list_opportunities
from afterview.services.vcards import import_vcards
from afterview.web.pages.common import back, form_text, now, service
from afterview.web.templating import render

router = APIRouter()
ROLE_LABELS = {
    "": "Interviewer (or as already recorded)",
    PersonRole.INTERVIEWER.value: "Interviewer",
    PersonRole.HIRING_MANAGER.value: "Hiring manager",
    PersonRole.RECRUITER.value: "Recruiter",
    PersonRole.RECEPTIONIST.value: "Receptionist",
    PersonRole.OTHER.value: "Other",
}


@router.get("/import", response_class=HTMLResponse, summary="Import")
def import_page(request: Request, opp: int | None = None) -> Response:
    chosen = "" if opp is None else str(opp)
    return _page(request, invite={"opp": chosen}, cards={"opp": chosen})


@router.post("/import/invite", summary="Import a calendar invitation")
async def post_invite(request: Request) -> Response:
    form = await request.form()
    values = {
        name: form_text(form, name) or ""
        for name in ("opp", "company", "role", "route", "pasted", "me")
    }
    values["route"] = values["route"] or Route.DIRECT.value
    app = service(request)
    try:
        data = await _file_or_text(form.get("file"), values["pasted"], "invitation")
        opp_id = _opportunity(values["opp"], required=False)
        create = None
        if values["company"] or values["role"]:
            if not (values["company"] and values["role"]):
                raise BadInput("To start a new opportunity, give both its company and its role.")
            create = NewOpportunity(values["company"], values["role"], Route(values["route"]))
        result = await run_in_threadpool(
            lambda: import_invite(
                app,
                data,
                now=now(),
                opp_id=opp_id,
                create=create,
                own_emails=[values["me"]] if values["me"] else [],
            )
        )
    except (AfterviewError, ValueError) as exc:
        message = exc.message if isinstance(exc, AfterviewError) else str(exc)
        unmatched = "--create" in message or "--opp" in message
        return _page(
            request,
            invite=values,
            invite_error=_web_words(message),
            offer_create=unmatched,
            status=400,
        )
    notice = " ".join([describe_invite(result), *result.notes])
    return back(request, f"/opportunities/{result.opportunity_id}", notice)


@router.post("/import/vcard", summary="Import business cards")
async def post_vcard(request: Request) -> Response:
    form = await request.form()
    values = {name: form_text(form, name) or "" for name in ("opp", "role")}
    app = service(request)
    try:
        data = await _file_or_text(form.get("file"), "", "vCard file")
        opp_id = _opportunity(values["opp"], required=True)
        assert opp_id is not None
        role = PersonRole(values["role"]) if values["role"] else None
        result = await run_in_threadpool(
            lambda: import_vcards(app, data, opp_id, now=now(), role=role)
        )
    except (AfterviewError, ValueError) as exc:
        message = exc.message if isinstance(exc, AfterviewError) else str(exc)
        return _page(request, cards=values, cards_error=_web_words(message), status=400)
    notice = " ".join([describe_vcards(result), *result.notes])
    return back(request, f"/opportunities/{result.opportunity_id}", notice)


async def _file_or_text(upload: Any, pasted: str, what: str) -> bytes:
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(MAX_BYTES + 1)
        check_size(data, what)
        return data
    if pasted:
        data = pasted.encode("utf-8")
        check_size(data, what)
        return data
    if what == "invitation":
        raise BadInput("Choose the invitation file (.ics or .eml), or paste its text.")
    raise BadInput("Choose the business card file (.vcf).")


def _profile_email(app: Any) -> str | None:
    from afterview.services.profile import get_profile

    profile = get_profile(app, now())
    return profile.email if profile is not None else None


def _opportunity(text: str, *, required: bool) -> int | None:
    if not text:
        if required:
            raise BadInput("Choose the opportunity these people belong to.")
        return None
    try:
        return int(text)
    except ValueError:
        raise BadInput(f"{text!r} is not an opportunity.") from None


def _web_words(message: str) -> str:
    """The services speak the CLI's language; say it the form's way."""
    cli_advice = 'Pass --opp OPP, or create one with --create "Company" --role "Role".'
    if cli_advice in message:
        return message.replace(
            cli_advice,
            "Choose its opportunity below, or start a new one with its company and role.",
        )
    if message == "Give --opp or --create, not both.":
        return "Choose an opportunity or start a new one, not both."
    return (
        message.replace("--opp", "“Opportunity”")
        .replace("--create", "“Start a new opportunity”")
        .replace("--role", "“Role”")
    )


def _page(
    request: Request,
    *,
    invite: dict[str, str] | None = None,
    cards: dict[str, str] | None = None,
    invite_error: str | None = None,
    cards_error: str | None = None,
    offer_create: bool = False,
    status: int = 200,
) -> Response:
    app = service(request)
    invite = {"opp": "", "company": "", "role": "", "route": "direct", "pasted": "", "me": ""} | (
        invite or {}
    )
    cards = {"opp": "", "role": ""} | (cards or {})
    opportunities = sorted(
        list_opportunities(app, now()), key=lambda o: (o["company"].casefold(), o["id"])
    )
    return render(
        request,
        "import.html",
        {
            "opportunities": opportunities,
            "invite": invite,
            "cards": cards,
            "invite_error": invite_error,
            "cards_error": cards_error,
            "offer_create": offer_create or bool(invite.get("company")),
            "roles": list(ROLE_LABELS.items()),
            "max_mb": MAX_BYTES // (1024 * 1024),
            "profile_email": _profile_email(app),
        },
        status=status,
    )
