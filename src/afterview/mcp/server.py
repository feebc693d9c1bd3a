"""The MCP server itself: tools, resources and prompts on the SDK's low-level `Server`.

The low-level API is used so that every schema and description is ours, written for a
model, rather than derived from Python signatures. Tool arguments are checked against
their schema first; the service then validates as it does for the CLI. Any error the
user can cause comes back as one line (a tool result with `isError`, or an MCP error
for an unknown tool, resource or prompt), never a traceback.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from afterview import __version__
from afterview.errors import AfterviewError
from afterview.mcp.registry import Answer, Call, Tool, tools_for

if TYPE_CHECKING:
    import mcp_types as types
    from mcp.server.context import ServerRequestContext
    from mcp.server.lowlevel import Server

    from afterview.services.app import App

INSTRUCTIONS = (
    "Afterview plans what a job candidate should do after each interview (playbook rules "
    "P1–P12) from the facts recorded. Start with the `today` tool. Record facts with the "
    "record_* tools; decide planned actions with mark_done / skip_action / snooze_action "
    "using the keys the agenda gives. Write emails with create_draft or the prompts, and "
    "call check_text or check_draft before presenting any text. Never call "
    "queue_draft_to_send unless the person explicitly confirmed sending."
)


def build_server(
    app: App, *, read_only: bool = False, clock: datetime | None = None
) -> Server[Any]:
    """One server over one service App; `clock` freezes time (demos and tests)."""
    import anyio
    import mcp_types as types
    from mcp.server.lowlevel import Server
    from mcp.shared.exceptions import MCPError

    tools = tools_for(read_only)
    limiter = anyio.CapacityLimiter(1)  # one use case at a time: the store's own rule

    def now() -> datetime:
        return clock or datetime.now(UTC)

    async def in_thread(function: Any, *args: Any) -> Any:
        return await anyio.to_thread.run_sync(function, *args, limiter=limiter)

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[_describe(t) for t in tools.values()])

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        tool = tools.get(params.name)
        if tool is None:
            mode = " (read-only mode: only the read tools are served)" if read_only else ""
            raise MCPError(types.INVALID_PARAMS, f"No tool {params.name!r}{mode}.")
        args = dict(params.arguments or {})
        problem = schema_problem(tool, args)
        if problem is not None:
            return _failure(problem)
        try:
            answer: Answer = await in_thread(tool.run, Call(app, args, now()))
        except AfterviewError as exc:
            return _failure(exc.message)
        except Exception as exc:
            return _failure(_unexpected(exc))
        return types.CallToolResult(
            content=[types.TextContent(text=answer.text)], structured_content=answer.data
        )

    async def list_resources(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListResourcesResult:
        from afterview.mcp.resources import listed

        cursor = params.cursor if params is not None else None
        offset = int(cursor) if cursor and cursor.isdigit() else 0
        found, following = await _guarded(in_thread(listed, app, now(), offset))
        return types.ListResourcesResult(
            resources=[
                types.Resource(
                    uri=r.uri,
                    name=r.name,
                    title=r.title,
                    description=r.description,
                    mime_type=r.mime_type,
                )
                for r in found
            ],
            next_cursor=str(following) if following is not None else None,
        )

    async def list_templates(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListResourceTemplatesResult:
        return types.ListResourceTemplatesResult(
            resource_templates=[
                types.ResourceTemplate(
                    uri_template="afterview://opportunity/{id}",
                    name="opportunity",
                    title="An opportunity",
                    description="Everything about one opportunity, with its plan (JSON).",
                    mime_type="application/json",
                ),
                types.ResourceTemplate(
                    uri_template="afterview://playbook/{rule}",
                    name="playbook-rule",
                    title="A playbook rule",
                    description="One rule of the playbook, P1 to P12, with its guidance.",
                    mime_type="text/markdown",
                ),
            ]
        )

    async def read_resource(
        ctx: ServerRequestContext[Any], params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        from afterview.mcp.resources import read

        content = await _guarded(in_thread(read, app, str(params.uri), now()))
        return types.ReadResourceResult(
            contents=[
                types.TextResourceContents(
                    uri=content.uri, mime_type=content.mime_type, text=content.text
                )
            ]
        )

    async def list_prompts(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListPromptsResult:
        from afterview.mcp.prompts import PROMPTS

        return types.ListPromptsResult(
            prompts=[
                types.Prompt(
                    name=p.name,
                    title=p.title,
                    description=p.description,
                    arguments=[
                        types.PromptArgument(name=n, description=d, required=r)
                        for n, d, r in p.arguments
                    ],
                )
                for p in PROMPTS.values()
            ]
        )

    async def get_prompt(
        ctx: ServerRequestContext[Any], params: types.GetPromptRequestParams
    ) -> types.GetPromptResult:
        from afterview.mcp.prompts import PROMPTS

        spec = PROMPTS.get(params.name)
        if spec is None:
            raise MCPError(types.INVALID_PARAMS, f"No prompt {params.name!r}.")
        args = dict(params.arguments or {})
        missing = [n for n, _, required in spec.arguments if required and not args.get(n)]
        if missing:
            raise MCPError(types.INVALID_PARAMS, f"The prompt needs {', '.join(missing)}.")
        text = await _guarded(in_thread(spec.build, app, args, now()))
        return types.GetPromptResult(
            description=spec.title,
            messages=[types.PromptMessage(role="user", content=types.TextContent(text=text))],
        )

    return Server(
        "afterview",
        version=__version__,
        title="Afterview",
        description="What to do after a job interview, and when: the plan, drafts and checks.",
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_list_resource_templates=list_templates,
        on_read_resource=read_resource,
        on_list_prompts=list_prompts,
        on_get_prompt=get_prompt,
    )


def schema_problem(tool: Tool, args: dict[str, Any]) -> str | None:
    """The first way `args` break the tool's schema, as one line; None when they fit."""
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped]

    error = best_match(_validator(tool).iter_errors(args))
    if error is None:
        return None
    where = ".".join(str(p) for p in error.absolute_path)
    if where == "confirm_send" or "'confirm_send' is a required" in error.message:
        return (
            "Sending needs confirm_send: true, given only after the person explicitly "
            "confirmed that this draft should be sent."
        )
    message = " ".join(error.message.split())
    if len(message) > 300:
        message = message[:297] + "…"
    return f"{tool.name}: {where + ': ' if where else ''}{message}."


_VALIDATORS: dict[str, Any] = {}


def _validator(tool: Tool) -> Any:
    """Built once per tool: checking the schema itself costs more than a call."""
    if tool.name not in _VALIDATORS:
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

        Draft202012Validator.check_schema(tool.schema)
        _VALIDATORS[tool.name] = Draft202012Validator(tool.schema)
    return _VALIDATORS[tool.name]


def _describe(tool: Tool) -> types.Tool:
    import mcp_types as types

    return types.Tool(
        name=tool.name,
        title=tool.title,
        description=tool.description,
        input_schema=tool.schema,
        annotations=types.ToolAnnotations(
            title=tool.title,
            read_only_hint=not tool.writes,
            destructive_hint=tool.destructive if tool.writes else None,
            idempotent_hint=tool.idempotent,
            open_world_hint=tool.destructive,  # only sending reaches outside this machine
        ),
    )


def _failure(message: str) -> types.CallToolResult:
    import mcp_types as types

    return types.CallToolResult(
        content=[types.TextContent(text=message)],
        structured_content={"error": message},
        is_error=True,
    )


async def _guarded(awaitable: Any) -> Any:
    """Resources and prompts: a user's error becomes an MCP error with its one line."""
    import mcp_types as types
    from mcp.shared.exceptions import MCPError

    try:
        return await awaitable
    except AfterviewError as exc:
        raise MCPError(types.INVALID_PARAMS, exc.message) from None
    except Exception as exc:
        raise MCPError(types.INTERNAL_ERROR, _unexpected(exc)) from None


def _unexpected(exc: BaseException) -> str:
    """A bug: one line to the client and to stderr (the client's log), no traceback."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    reason = f"{type(exc).__name__}: {lines[0][:200]}" if lines else type(exc).__name__
    message = f"Unexpected error ({reason}). Please report it."
    print(f"afterview mcp: {message}", file=sys.stderr)
    return message


async def serve_stdio(app: App, *, read_only: bool, clock: datetime | None) -> None:
    from mcp.server.stdio import stdio_server

    server = build_server(app, read_only=read_only, clock=clock)
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
