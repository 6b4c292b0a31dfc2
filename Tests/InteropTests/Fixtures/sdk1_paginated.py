"""A paginated MCP server over stdio, written with the official Python SDK 1.x LOW-LEVEL API.

Needs mcp==1.30.0 (the .venv-mcp1 environment made by Scripts/setup-python.sh):

    .venv-mcp1/bin/python Tests/InteropTests/Fixtures/sdk1_paginated.py

Server name "sdk1-paginated", version "1.0.0". 25 tools, tool_00 .. tool_24, listed 10 per
page: tools/list without a cursor gives tool_00..tool_09 and a nextCursor; following the
cursors gives tool_10..tool_19, then tool_20..tool_24 with no nextCursor (3 pages). Cursors
are opaque (base64 of "offset=N"). Any other cursor is answered with JSON-RPC error
-32602 "Invalid cursor". Calling tool_NN returns the text "tool_NN called"; calling any
other name returns isError true with the text "Unknown tool: NAME".

In 1.x, a @server.list_tools() handler that takes a parameter annotated
`types.ListToolsRequest` receives the whole request (`req.params.cursor`) and may return a
`ListToolsResult(nextCursor=...)`; FastMCP cannot paginate. Raising McpError(ErrorData(...))
becomes a JSON-RPC error response. (1.x also calls the list handler with req=None to fill
its tool cache before a tools/call, hence the None check.)
"""

import base64

import anyio
import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import McpError

PAGE_SIZE = 10
TOOLS = [
    types.Tool(
        name=f"tool_{i:02d}",
        description=f"Fixture tool {i} of 25.",
        inputSchema={"type": "object", "properties": {}},
    )
    for i in range(25)
]

server = Server("sdk1-paginated", version="1.0.0")


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset={offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    for offset in range(PAGE_SIZE, len(TOOLS), PAGE_SIZE):
        if cursor == encode_cursor(offset):
            return offset
    raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message="Invalid cursor"))


@server.list_tools()
async def list_tools(req: types.ListToolsRequest) -> types.ListToolsResult:
    cursor = req.params.cursor if req is not None and req.params is not None else None
    start = 0 if cursor is None else decode_cursor(cursor)
    end = start + PAGE_SIZE
    next_cursor = encode_cursor(end) if end < len(TOOLS) else None
    return types.ListToolsResult(tools=TOOLS[start:end], nextCursor=next_cursor)


@server.call_tool(validate_input=False)
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name not in {tool.name for tool in TOOLS}:
        # The 1.x call_tool decorator turns any exception into an isError result.
        raise ValueError(f"Unknown tool: {name}")
    return [types.TextContent(type="text", text=f"{name} called")]


async def main() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


if __name__ == "__main__":
    anyio.run(main)
