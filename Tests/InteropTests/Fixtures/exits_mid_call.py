"""An MCP server over stdio that dies in the middle of a tool call.

Needs mcp==2.3.0 (the .venv-mcp2 environment made by Scripts/setup-python.sh):

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/exits_mid_call.py

An MCPServer named "exits-mid-call" (version "1.0.0") that initializes and lists tools
normally. Tools:
  echo   returns its text unchanged
  crash  writes "crash: exiting with status 7" to stderr, then ends the process at once
         with status 7 (os._exit), so the tools/call request never gets a response
"""

import os
import sys

from mcp.server.mcpserver import MCPServer

server = MCPServer("exits-mid-call", version="1.0.0")


@server.tool(structured_output=False)
def echo(text: str) -> str:
    """Return the text unchanged."""
    return text


@server.tool(structured_output=False)
def crash() -> str:
    """Exit the server process with status 7 while this call is in flight."""
    sys.stderr.write("crash: exiting with status 7\n")
    sys.stderr.flush()
    os._exit(7)


if __name__ == "__main__":
    server.run("stdio")
