"""`afterview person …`: the people met, and where their details came from (P3)."""

from __future__ import annotations

import click

from afterview.cli.common import (
    OPP_ID,
    PERSON_ID,
    Env,
    choice,
    emit_json,
    json_option,
    pass_env,
    say,
)
from afterview.playbook.facts import PersonRole, Source


@click.group()
def person() -> None:
    """People: interviewers, hiring managers, recruiters, receptionists."""


@person.command("add")
@click.argument("opp_id", type=OPP_ID)
@click.option("--name", required=True)
@click.option("--role", type=choice(PersonRole), required=True)
@click.option("--email")
@click.option("--phone")
@click.option("--title", help="Their job title.")
@click.option(
    "--source",
    type=choice(Source),
    default=Source.TYPED.value,
    show_default=True,
    help="Where the details came from.",
)
@json_option
@pass_env
def add(
    env: Env,
    opp_id: int,
    name: str,
    role: str,
    email: str | None,
    phone: str | None,
    title: str | None,
    source: str,
    as_json: bool,
) -> None:
    """Add a person to an opportunity; prints the id.

    \b
    Example:
      afterview person add 1 --name "Dana Kim" --role hiring-manager \\
          --email dana.kim@northwind.example --source business-card
    """
    from afterview.services.records import add_person

    person_id = add_person(
        env.app,
        opp_id,
        name=name,
        role=PersonRole(role),
        now=env.now(),
        email=email,
        phone=phone,
        title=title,
        source=Source(source),
    )
    emit_json({"id": person_id}) if as_json else say(str(person_id))


@person.command("edit")
@click.argument("person_id", type=PERSON_ID)
@click.option("--name")
@click.option("--role", type=choice(PersonRole))
@click.option("--email")
@click.option("--phone")
@click.option("--title")
@click.option("--source", type=choice(Source))
@pass_env
def edit(
    env: Env,
    person_id: int,
    name: str | None,
    role: str | None,
    email: str | None,
    phone: str | None,
    title: str | None,
    source: str | None,
) -> None:
    """Change a person's details, e.g. the email the receptionist gave you (P3)."""
    from afterview.services.records import edit_person

    edit_person(
        env.app,
        person_id,
        env.now(),
        name=name,
        email=email,
        phone=phone,
        title=title,
        role=PersonRole(role) if role else None,
        source=Source(source) if source else None,
    )
    say(f"Updated person {person_id}.")
