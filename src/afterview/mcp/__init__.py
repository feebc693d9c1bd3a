"""Afterview for AI assistants: a Model Context Protocol server over the service layer.

`afterview mcp` serves it on stdio (what desktop clients start); `afterview serve`
mounts the same server as Streamable HTTP at `/mcp`, behind a bearer token. Tools,
resources and prompts are thin adapters: every write is one service call, with the
CLI's validation and errors (docs/assistants.md).
"""
