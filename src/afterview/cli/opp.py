"""`afterview opp …`: the opportunities a candidate pursues."""

from __future__ import annotations

import click

from afterview.cli.common import OPP_ID, Env, choice, emit_json, json_option, pass_env, say
from afterview.playbook.facts import Route

ORG_ZONE_HELP = (
    "The zone the interviewers work in, e.g. America/New_York, when it is not the zone "
    "the interview's times are given in: thank-yous and follow-ups land in their working "
    "hours (P5, P8)."
)
HOLIDAYS_HELP = (
    "Whose public holidays the organisation keeps: an ISO code such as US or GB-SCT "
    "(default: the holiday_country setting)."
)


@click.group()
def opp() -> None:
    """Opportunities: one role at one organisation.

    \b
    Example:
      afterview opp add --company "Northwind Health" --role "Data Engineer" \\
          --route recruiter --recruiter-name "Priya Shah" \\
          --recruiter-email priya@talentbridge.example
    """


@opp.command("add")
@click.option("--company", required=True, help="The organisation, spelled as it spells itself.")
@click.option("--role", required=True, help="The role's title.")
@click.option("--route", type=choice(Route), required=True, help="Via a recruiter, or direct.")
@click.option("--recruiter-name", help="The recruitment consultant (route recruiter).")
@click.option("--recruiter-email", help="Their email address.")
@click.option("--recruiter-phone", help="Their phone number.")
@click.option("--org-zone", help=ORG_ZONE_HELP)
@click.option("--holidays", "holiday_country", help=HOLIDAYS_HELP)
@json_option
@pass_env
def add(
    env: Env,
    company: str,
    role: str,
    route: str,
    recruiter_name: str | None,
    recruiter_email: str | None,
    recruiter_phone: str | None,
    org_zone: str | None,
    holiday_country: str | None,
    as_json: bool,
) -> None:
    """Add an opportunity; prints its id."""
    from afterview.services.records import add_opportunity

    opp_id = add_opportunity(
        env.app,
        company=company,
        role=role,
        route=Route(route),
        now=env.now(),
        recruiter_name=recruiter_name,
        recruiter_email=recruiter_email,
        recruiter_phone=recruiter_phone,
        org_tz=org_zone,
        holiday_country=holiday_country,
    )
    if as_json:
        emit_json({"id": opp_id})
    else:
        say(str(opp_id))


@opp.command("where")
@click.argument("opp_id", type=OPP_ID)
@click.option("--org-zone", help=ORG_ZONE_HELP + ' "" clears it.')
@click.option("--holidays", "holiday_country", help=HOLIDAYS_HELP + ' "" clears it.')
@pass_env
def where(env: Env, opp_id: int, org_zone: str | None, holiday_country: str | None) -> None:
    """Where the organisation works: its zone and its public holidays.

    \b
    Example (a video interview with a team in New York, you in London):
      afterview opp where 1 --org-zone America/New_York --holidays US
    """
    from afterview.services.queries import opportunity_place
    from afterview.services.records import set_organisation_place

    if org_zone is not None or holiday_country is not None:
        set_organisation_place(
            env.app, opp_id, env.now(), org_tz=org_zone, holiday_country=holiday_country
        )
    place = opportunity_place(env.app, opp_id, env.now())
    say(f"Organisation's zone: {place['org_tz']}")
    say(f"Public holidays: {place['holidays']}")
    say(f"Your zone: {place['home_tz']}")


@opp.command("list")
@json_option
@pass_env
def list_(env: Env, as_json: bool) -> None:
    """Every opportunity with its status (P12)."""
    from afterview.services.queries import list_opportunities

    rows = list_opportunities(env.app, env.now())
    if as_json:
        emit_json(rows)
        return
    if not rows:
        say("No opportunities yet. Add one: afterview opp add --company … --role … --route …")
        return
    for row in rows:
        nxt = (
            f"  next interview {row['next_interview'][:16].replace('T', ' ')}"
            if row["next_interview"]
            else ""
        )
        say(
            f"{row['id']:>4}  {row['company']} — {row['role']}  "
            f"[{row['status']}] ({row['route']}){nxt}"
        )


@opp.command("show")
@click.argument("opp_id", type=OPP_ID)
@json_option
@pass_env
def show(env: Env, opp_id: int, as_json: bool) -> None:
    """Everything about one opportunity, with its plan."""
    from afterview.services.queries import show_opportunity

    view = show_opportunity(env.app, opp_id, env.now())
    if as_json:
        emit_json(view.to_json())
        return
    from afterview.cli.opp_view import render_opportunity

    render_opportunity(view)


@opp.command("competitor")
@click.argument("opp_id", type=OPP_ID)
@click.argument("name")
@pass_env
def competitor(env: Env, opp_id: int, name: str) -> None:
    """Note a competitor of the organisation to look at (P9)."""
    from afterview.services.records import add_competitor

    add_competitor(env.app, opp_id, name, env.now())
    say(f"Noted {name} as a competitor to look at.")
