"""`afterview completion bash|zsh|fish`: the script that makes TAB complete Afterview."""

from __future__ import annotations

import click

from afterview.cli.completion import SHELLS


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL: commands, options, step ids,
    opportunity, interview, person and draft ids, and time zones complete on TAB.

    \b
    Install it once:
      bash:  echo 'eval "$(afterview completion bash)"' >> ~/.bashrc
      zsh:   echo 'eval "$(afterview completion zsh)"' >> ~/.zshrc
      fish:  afterview completion fish > ~/.config/fish/completions/afterview.fish
    """
    from afterview.cli.completion import script

    click.echo(script(shell))
