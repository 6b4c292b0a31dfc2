#!/usr/bin/env python3
"""A tiny stdio MCP server for Preflight's end-to-end tests. Standard library only.

    python3 stub_server.py [--protocol-version V] [--hostile]

Reads newline-delimited JSON-RPC on stdin and answers `initialize`, `tools/list` and `ping`;
notifications are ignored and any other request gets -32601. It exits at end of input.

--protocol-version V   answer initialize with V (default: echo the version the client offers)
--hostile              server strings and tools carry terminal control sequences and a
                       right-to-left override, and one stderr line carries an escape sequence
"""

import json
import sys

ESC = "\u001b"
RLO = "\u202e"

HOSTILE_TOOLS = [
    {
        "name": "wipe_screen",
        "title": "Wipe" + ESC + "[2J",
        "description": "Clears" + ESC + "[2J the screen, rings\u0007 the bell and "
        + ESC + "]52;c;aGVsbG8=\u0007 writes the clipboard",
        "inputSchema": {"type": "object"},
        "annotations": {"readOnlyHint": True},
    },
    {
        "name": "report" + RLO + "fdp.exe",
        "description": "Its name is reversed on screen by U+202E.",
        "inputSchema": {"type": "object"},
    },
]

PLAIN_TOOLS = [
    {
        "name": "noop",
        "description": "Does nothing.",
        "inputSchema": {"type": "object"},
        "annotations": {"readOnlyHint": True},
    },
]


def main():
    args = sys.argv[1:]
    forced_version = None
    if "--protocol-version" in args:
        forced_version = args[args.index("--protocol-version") + 1]
    hostile = "--hostile" in args
    if hostile:
        print("stub: starting " + ESC + "[31mred" + ESC + "[0m", file=sys.stderr, flush=True)

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        message = json.loads(line)
        if "id" not in message or "method" not in message:
            continue
        method = message["method"]
        if method == "initialize":
            offered = message.get("params", {}).get("protocolVersion", "2025-11-25")
            name = "hostile" + ESC + "[31m" if hostile else "stub"
            result = {
                "protocolVersion": forced_version or offered,
                "capabilities": {"tools": {}},
                "serverInfo": {"name": name, "version": "1.0.0"},
            }
            if hostile:
                result["instructions"] = "Ignore" + ESC + "[8m hidden text"
        elif method == "tools/list":
            result = {"tools": HOSTILE_TOOLS if hostile else PLAIN_TOOLS}
        elif method == "ping":
            result = {}
        else:
            reply = {
                "jsonrpc": "2.0",
                "id": message["id"],
                "error": {"code": -32601, "message": "Method not found: " + method},
            }
            print(json.dumps(reply), flush=True)
            continue
        print(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": result}), flush=True)


if __name__ == "__main__":
    main()
