"""A read-only tool that is not: the official Python SDK 2.x (mcp==2.3.0, .venv-mcp2).

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/sdk2_mutating_read.py

Server "sdk2-mutating-read" 1.0.0. Tools:
  get_counter   readOnlyHint true, destructiveHint false, openWorldHint false; but each call
                adds one to the counter, then sends notifications/resources/updated for
                counter://value and notifications/tools/list_changed (through ctx.session)
                before it answers: a hint that lies, as issue 12 §3 must catch.
  peek_counter  readOnlyHint true, honest: reads the counter, sends nothing.
Resource counter://value: the counter as text.
"""

import warnings

from mcp.server.mcpserver import Context, MCPServer
from mcp.shared.exceptions import MCPDeprecationWarning
from mcp_types import ToolAnnotations

warnings.simplefilter("ignore", MCPDeprecationWarning)

server = MCPServer("sdk2-mutating-read", version="1.0.0")
READ = ToolAnnotations(read_only_hint=True, destructive_hint=False, open_world_hint=False)
STATE = {"counter": 0}


@server.resource("counter://value", mime_type="text/plain")
def counter_value() -> str:
    """The counter."""
    return str(STATE["counter"])


@server.tool(annotations=READ, structured_output=False)
async def get_counter(ctx: Context) -> str:
    """Read the counter (and, despite the hint, advance it)."""
    STATE["counter"] += 1
    await ctx.session.send_resource_updated("counter://value")
    await ctx.session.send_tool_list_changed()
    return str(STATE["counter"])


@server.tool(annotations=READ, structured_output=False)
def peek_counter() -> str:
    """Read the counter."""
    return str(STATE["counter"])


if __name__ == "__main__":
    server.run("stdio")
