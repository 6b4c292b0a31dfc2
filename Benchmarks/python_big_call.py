"""The official Python MCP SDK client making one call of big_server.py's `big` tool, timed from
sending the call to holding the parsed result (a CallToolResult), with the client's own peak
RSS (the server is a separate process and is not counted).

Usage: python_big_call.py --bytes B --shape text|structured -- COMMAND [ARGS...]

Prints one JSON line: {"callSeconds": …, "peakRssBytes": …, "check": …}, where "check" is the
size of what came back (the text's length, or the number of structuredContent items), so a
broken run is noticed.
"""

import json
import resource
import sys
import time

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(argv):
    size, shape = 50_000_000, "text"
    while argv and argv[0] != "--":
        option, value, argv = argv[0], argv[1], argv[2:]
        if option == "--bytes":
            size = int(value)
        elif option == "--shape":
            shape = value
        else:
            raise SystemExit(f"unknown option {option}")
    params = StdioServerParameters(command=argv[1], args=argv[2:])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            await session.list_tools()
            start = time.perf_counter()
            result = await session.call_tool("big", {"bytes": size, "shape": shape})
            elapsed = time.perf_counter() - start
    structured = getattr(result, "structured_content", None) or getattr(
        result, "structuredContent", None
    )
    check = len(structured["items"]) if structured else len(result.content[0].text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"callSeconds": elapsed, "peakRssBytes": peak, "check": check}))


if __name__ == "__main__":
    anyio.run(main, sys.argv[1:])
