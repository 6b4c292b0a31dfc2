"""List a stdio server's tools with the official Python MCP SDK, for comparison with
`preflight tools`: the same work (spawn, initialize, tools/list across pages, shut down).

Usage: .venv-mcp2/bin/python Benchmarks/python_list_tools.py COMMAND [ARGS...]
"""

import sys

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(argv: list[str]) -> None:
    params = StdioServerParameters(command=argv[0], args=argv[1:])
    async with stdio_client(params) as (read, write):
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
    print(len(names), "tools")


if __name__ == "__main__":
    anyio.run(main, sys.argv[1:])
