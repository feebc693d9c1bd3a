"""`import invite FILE|-` and `import vcard FILE|- OPP`: invitations and business cards in."""

from __future__ import annotations

import sys

import click

from afterview.cli.common import OPP_ID, Env, choice, emit_json, json_option, pass_env, say
from afterview.playbook.facts import PersonRole, Route
from afterview.services.import_summary import describe_invite, describe_vcards


@click.command("invite")
@click.argument("path", metavar="FILE|-")
@click.option("--opp", "opp_id", type=OPP_ID, help="The opportunity (default: matched).")
@click.option("--create", "company", metavar="COMPANY", help="Start a new opportunity for it.")
@click.option("--role", metavar="ROLE", help="The role's title, with --create.")
@click.option(
    "--route",
    type=choice(Route),
    default=Route.DIRECT.value,
    show_default=True,
    help="With --create: via a recruiter, or direct.",
)
@click.option(
    "--me",
    "own_emails",
    multiple=True,
    metavar="EMAIL",
    help="Your own address, never added as a person (your profile's is known).",
)
@json_option
@pass_env
def invite(
    env: Env,
    path: str,
    opp_id: int | None,
    company: str | None,
    role: str | None,
    route: str,
    own_emails: tuple[str, ...],
    as_json: bool,
) -> None:
    """Import a calendar invitation (.ics, or an .eml carrying one) as an interview.

    A new invitation adds the interview and its organiser and attendees as people;
    the same invitation updated (a higher SEQUENCE) moves it, and a cancellation
    cancels it. Without --opp the opportunity is found by the organiser's email
    domain, else by its name in the event's title.

    \b
    Examples:
      afterview import invite ~/Downloads/invite.ics
      afterview import invite interview.eml --opp 2
      afterview import invite invite.ics --create "Northwind Health" --role "Data Engineer"
    """
    from afterview.errors import BadInput
    from afterview.services.invites import NewOpportunity, import_invite

    if (company is None) != (role is None):
        raise BadInput('--create and --role go together: --create "Company" --role "Role".')
    create = NewOpportunity(company, role, Route(route)) if company and role else None
    result = import_invite(
        env.app,
        read_input(path, "invitation"),
        now=env.now(),
        opp_id=opp_id,
        own_emails=own_emails,
        create=create,
    )
    if as_json:
        emit_json(result.to_json())
        return
    say(describe_invite(result))
    for note in result.notes:
        say(f"  Note: {note}")


@click.command("vcard")
@click.argument("path", metavar="FILE|-")
@click.argument("opp_id", type=OPP_ID, metavar="OPP")
@click.option(
    "--role",
    type=choice(PersonRole),
    help="Their role (new people: interviewer unless given; known people: changed only if given).",
)
@json_option
@pass_env
def vcard(env: Env, path: str, opp_id: int, role: str | None, as_json: bool) -> None:
    """Import business cards (.vcf: one or several) as people of an opportunity (P3).

    A card matching someone recorded (same email, else same name) updates them.

    \b
    Examples:
      afterview import vcard dana-kim.vcf 2
      afterview import vcard contacts.vcf 2 --role recruiter
    """
    from afterview.services.vcards import import_vcards

    result = import_vcards(
        env.app,
        read_input(path, "vCard file"),
        opp_id,
        now=env.now(),
        role=PersonRole(role) if role else None,
    )
    if as_json:
        emit_json(result.to_json())
        return
    say(describe_vcards(result))
    for note in result.notes:
        say(f"  Note: {note}")


def read_input(path: str, what: str) -> bytes:
    """The file's bytes (or stdin's for -), refusing a huge one before reading it all."""
    from afterview.errors import BadInput
    from afterview.integrations import MAX_BYTES, check_size

    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise BadInput(f"No such file: {path}") from None
    except IsADirectoryError:
        raise BadInput(f"{path} is a folder; give the {what} file.") from None
    except OSError as exc:
        raise BadInput(f"Cannot read {path}: {exc.strerror or exc}") from None
    check_size(data, what)
    return data


def as_import_group(backup_import: click.Command) -> click.Group:
    """`import` as a group: `json FILE [--replace]` exactly as before, `invite`, `vcard`.

    `import json` was one command taking KIND; its options are reused unchanged so
    `afterview import json FILE --replace` behaves as it did.
    """

    @click.group("import")
    def group() -> None:
        """Import a JSON backup, a calendar invitation, or business cards."""

    @click.pass_context
    def restore(ctx: click.Context, /, **options: object) -> None:
        ctx.invoke(backup_import, kind="json", **options)

    group.add_command(
        click.Command(
            "json",
            callback=restore,
            params=[p for p in backup_import.params if p.name != "kind"],
            help=backup_import.help,
            short_help="Restore a JSON backup.",
        )
    )
    group.add_command(invite)
    group.add_command(vcard)
    return group
