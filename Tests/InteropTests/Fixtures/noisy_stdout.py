"""An MCP server over stdio that also writes lines that are not JSON to stdout.

Needs mcp==1.30.0 (the .venv-mcp1 environment made by Scripts/setup-python.sh):

    .venv-mcp1/bin/python Tests/InteropTests/Fixtures/noisy_stdout.py

Before it starts serving it writes the line "this is not JSON" to stdout (fd 1), so that is
the first line a client reads. Each call of the tool "echo" writes "noise during tools/call"
to fd 1 just before the tool's result. Otherwise it is a normal FastMCP server named
"noisy-stdout" with one tool, echo(text), that returns its text unchanged.

Why mcp 1.x: while serving, mcp 2.x points fd 1 at stderr, so stray output from a tool
never reaches the wire there. 1.x writes the protocol to the process's real stdout.
"""

import os

from mcp.server.fastmcp import FastMCP

server = FastMCP("noisy-stdout")


def noise(line: str) -> None:
    # One write(2) of a whole line straight to fd 1, bypassing any Python buffering.
    os.write(1, (line + "\n").encode())


@server.tool(structured_output=False)
def echo(text: str) -> str:
    """Return the text unchanged (and write a non-JSON line to stdout first)."""
    noise("noise during tools/call")
    return text


if __name__ == "__main__":
    noise("this is not JSON")
    server.run("stdio")
