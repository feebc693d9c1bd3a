"""`afterview mcp`: the plan for AI assistants, over the Model Context Protocol (stdio).

A desktop client (Claude Desktop, VS Code…) starts this command and talks to it on
stdin/stdout; `afterview serve` offers the same server over HTTP at /mcp, for which
`afterview mcp token` prints the bearer token (docs/assistants.md).
"""

from __future__ import annotations

from datetime import datetime

import click

from afterview.cli.common import Env, pass_env, say


@click.group(invoke_without_command=True)
@click.option("--read-only", is_flag=True, help="Serve only the read tools (nothing can change).")
@click.option("--at", metavar="TIME", help="Pretend it is always TIME (demos, tests).")
@click.pass_context
def mcp(ctx: click.Context, read_only: bool, at: str | None) -> None:
    """Serve Afterview to an AI assistant over MCP on stdin/stdout.

    Your assistant can read the plan, record facts, decide actions, and write and
    check drafts; it can queue mail only with your explicit confirmation. It cannot
    read mail passwords or the feed and MCP tokens.

    \b
    Claude Desktop, VS Code and other clients: see docs/assistants.md.
      afterview mcp                  what a client starts (stdio)
      afterview mcp --read-only      only the read tools
      afterview mcp token            the token for http://127.0.0.1:8765/mcp
    """
    if ctx.invoked_subcommand is not None:
        return
    import anyio

    env = ctx.find_object(Env)
    assert env is not None
    clock = env.time(at) if at else None
    anyio.run(_serve, env, read_only, clock)


async def _serve(env: Env, read_only: bool, clock: datetime | None) -> None:
    from afterview.mcp.server import serve_stdio

    await serve_stdio(env.app, read_only=read_only, clock=clock)


@mcp.command("token")
@click.option("--reset", is_flag=True, help="Replace the token: clients using the old one stop.")
@pass_env
def token(env: Env, reset: bool) -> None:
    """Print the bearer token for /mcp on `afterview serve`.

    Give it to the assistant as `Authorization: Bearer TOKEN`. Anyone with it can read
    and change your plan while the server runs: --reset makes a new one.
    """
    from afterview.services.mcp_token import mcp_token

    value = mcp_token(env.app, now=env.now(), reset=reset)
    if reset:
        click.echo("afterview: a new MCP token; the old one no longer opens /mcp.", err=True)
    say(value)
