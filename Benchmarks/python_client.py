"""The official Python MCP SDK client doing what a Preflight benchmark command does, so both
can be timed in the same run on the same server.

Usage:
  python_client.py [--calls N] [--text T] -- COMMAND [ARGS...]   # a stdio server
  python_client.py [--calls N] [--text T] URL                    # Streamable HTTP

It connects, initializes, lists every page of tools, then (with --calls N) makes N sequential
`tools/call`s of the server's `echo` tool with {"text": T}, and shuts down. It prints one line
so a broken run is noticed.
"""

import sys

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

try:  # mcp 2.x
    from mcp.client.streamable_http import streamable_http_client as http_client
except ImportError:  # mcp 1.x
    from mcp.client.streamable_http import streamablehttp_client as http_client


async def work(read, write, calls: int, text: str) -> None:
    async with ClientSession(read, write) as session:
        await session.initialize()
        cursor = None
        names = []
        while True:
            result = await session.list_tools(cursor=cursor) if cursor else await session.list_tools()
            names += [tool.name for tool in result.tools]
            cursor = getattr(result, "next_cursor", None) or getattr(result, "nextCursor", None)
            if not cursor:
                break
        for _ in range(calls):
            answer = await session.call_tool("echo", {"text": text})
            if getattr(answer, "is_error", None) or getattr(answer, "isError", None):
                raise SystemExit("echo failed")
    print(len(names), "tools,", calls, "calls")


async def main(argv: list[str]) -> None:
    calls, text = 0, "hello"
    while argv and argv[0].startswith("--") and argv[0] != "--":
        option, value, argv = argv[0], argv[1], argv[2:]
        if option == "--calls":
            calls = int(value)
        elif option == "--text":
            text = value
        else:
            raise SystemExit(f"unknown option {option}")
    if argv and argv[0] == "--":
        params = StdioServerParameters(command=argv[1], args=argv[2:])
        async with stdio_client(params) as (read, write):
            await work(read, write, calls, text)
    else:
        async with http_client(argv[0]) as streams:
            await work(streams[0], streams[1], calls, text)


if __name__ == "__main__":
    anyio.run(main, sys.argv[1:])
