"""`afterview profile …` and `afterview words …`: who drafts are from, and words never flagged."""

from __future__ import annotations

import click

from afterview.cli.common import Env, emit_json, json_option, pass_env, say


@click.group()
def profile() -> None:
    """Your profile: drafts are signed with it; skills and experience feed the sell (P5)."""


@profile.command("set")
@click.option("--name", help="Your full name, as you sign emails.")
@click.option("--email", help="The address you send from.")
@click.option("--phone")
@click.option("--signature", help='Replaces the default signature; "\\n" starts a new line.')
@click.option("--skills", help='Comma-separated, most relevant first: "Figma, user research".')
@click.option("--experience", help='One phrase: "eight years designing payment apps".')
@click.option(
    "--language",
    help="en-GB or en-US: drafts' spelling and the checker's (a new profile's default: "
    "your locale, else your time zone).",
)
@json_option
@pass_env
def set_(env: Env, /, as_json: bool, **fields: str | None) -> None:
    """Create or update your profile; only the options you give change.

    \b
    Example:
      afterview profile set --name "Sam Taylor" --email sam@example.org \\
        --skills "Python, data pipelines, mentoring" \\
        --experience "six years building data platforms" --language en-GB
    """
    from afterview.services.profile import set_profile

    result = set_profile(env.app, now=env.now(), **fields)
    if as_json:
        emit_json(_plain(result))
        return
    other = "en-US" if result.language == "en-GB" else "en-GB"
    say(
        f"Profile saved: {result.name} <{result.email}>, {result.language} "
        f"(drafts and checks; `--language {other}` changes it)."
    )


@profile.command("show")
@json_option
@pass_env
def show(env: Env, as_json: bool) -> None:
    """Show your profile."""
    from afterview.services.profile import get_profile

    result = get_profile(env.app, env.now())
    if as_json:
        emit_json(_plain(result) if result else None)
        return
    if result is None:
        say('No profile yet. Set one: afterview profile set --name "…" --email …')
        return
    say(f"{result.name} <{result.email}>")
    for label, value in (
        ("Phone", result.phone),
        ("Language", result.language),
        ("Skills", ", ".join(result.skills)),
        ("Experience", result.experience),
        ("Signature", (result.signature or "").replace("\n", " / ")),
    ):
        if value:
            say(f"  {label}: {value}")


def _plain(value: object) -> dict[str, object]:
    from dataclasses import asdict

    plain = asdict(value)  # type: ignore[call-overload]
    plain["skills"] = list(plain["skills"])
    return dict(plain)


@click.group()
def words() -> None:
    """Your word list: words the spelling check must never flag (jargon, product names)."""


@words.command("add")
@click.argument("word", nargs=-1, required=True)
@pass_env
def add(env: Env, word: tuple[str, ...]) -> None:
    """Add one or more words."""
    from afterview.services.profile import add_words

    added = add_words(env.app, list(word), now=env.now())
    already = [w for w in dict.fromkeys(word) if w.strip() not in added]
    if added:
        say(f"Added: {', '.join(added)}")
    if already:
        say(f"Already on the list: {', '.join(w.strip() for w in already)}")


@words.command("remove")
@click.argument("word", nargs=-1, required=True)
@pass_env
def remove(env: Env, word: tuple[str, ...]) -> None:
    """Remove words from the list."""
    from afterview.services.profile import remove_words

    removed = remove_words(env.app, list(word), now=env.now())
    say(f"Removed: {', '.join(removed)}")


@words.command("list")
@json_option
@pass_env
def list_(env: Env, as_json: bool) -> None:
    """Show the list."""
    from afterview.services.profile import list_words

    found = list_words(env.app, now=env.now())
    if as_json:
        emit_json(found)
        return
    say("\n".join(found) if found else "Your word list is empty: afterview words add WORD")
