"""A paginated MCP server over stdio, written with the official Python SDK 2.x LOW-LEVEL API.

Needs mcp==2.3.0 (the .venv-mcp2 environment made by Scripts/setup-python.sh):

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/sdk2_paginated.py

Server name "sdk2-paginated", version "1.0.0". 25 tools, tool_00 .. tool_24, listed 10 per
page: tools/list without a cursor gives tool_00..tool_09 and a nextCursor; following the
cursors gives tool_10..tool_19, then tool_20..tool_24 with no nextCursor (3 pages). Cursors
are opaque (base64 of "offset=N"). Any other cursor is answered with JSON-RPC error
-32602 "Invalid cursor". Calling tool_NN returns the text "tool_NN called"; calling any
other name returns isError true with the text "Unknown tool: NAME".

The 2.x low-level Server hands the list handler `params: PaginatedRequestParams | None`
(with `params.cursor`); the handler returns `ListToolsResult(next_cursor=...)`, serialised
as `nextCursor`. Raising MCPError(code, message) becomes a JSON-RPC error response.
"""

import base64

import anyio
import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import MCPError

PAGE_SIZE = 10
TOOLS = [
    types.Tool(
        name=f"tool_{i:02d}",
        description=f"Fixture tool {i} of 25.",
        input_schema={"type": "object", "properties": {}},
    )
    for i in range(25)
]


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset={offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    for offset in range(PAGE_SIZE, len(TOOLS), PAGE_SIZE):
        if cursor == encode_cursor(offset):
            return offset
    raise MCPError(code=types.INVALID_PARAMS, message="Invalid cursor")


async def list_tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:
    cursor = params.cursor if params else None
    start = 0 if cursor is None else decode_cursor(cursor)
    end = start + PAGE_SIZE
    next_cursor = encode_cursor(end) if end < len(TOOLS) else None
    return types.ListToolsResult(tools=TOOLS[start:end], next_cursor=next_cursor)


async def call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams) -> types.CallToolResult:
    if params.name not in {tool.name for tool in TOOLS}:
        text = f"Unknown tool: {params.name}"
        return types.CallToolResult(content=[types.TextContent(text=text)], is_error=True)
    return types.CallToolResult(content=[types.TextContent(text=f"{params.name} called")])


server = Server("sdk2-paginated", version="1.0.0", on_list_tools=list_tools, on_call_tool=call_tool)


async def main() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


if __name__ == "__main__":
    anyio.run(main)
