#!/usr/bin/env python3
"""A raw JSON-RPC stdio MCP server with big payloads and many tools. Standard library only,
so it starts fast; used by the end-to-end tests and runnable by hand for benchmarks.

    python3 big_server.py [--tools N]

Reads newline-delimited JSON-RPC on stdin and answers `initialize`, `tools/list` (all tools in
one page), `tools/call` and `ping`; notifications are ignored, other requests get -32601. It
exits at end of input.

--prepare B build the `big` result of B bytes at start, so calling `big` with those bytes
            (and that shape) answers at once (benchmarks then time the client, not Python)
--shape S   the default shape of `big` in its schema, and the shape --prepare builds (text)
--tools N   list N tools named tool_00001 … instead (every 7th read-only, every 11th
            destructive, the others without annotations); calling one echoes its arguments.
            `big` and `binary` stay callable but are not listed, so the list has exactly N.

The tools listed without --tools:

big    {"bytes": 50000000, "shape": "text" | "structured"}
       text:       one text content block holding JSON text of about `bytes` bytes (an array of
                   records; the last record's "marker" is "END-OF-BIG-PAYLOAD")
       structured: a short text block and `structuredContent` {"items": [...]} of about `bytes`
                   bytes of objects, the last with the same marker
binary {}
       an image (a 1×1 PNG), an audio clip (8 bytes) and an embedded resource (text and blob),
       plus a resource link
"""

import json
import sys

MARKER = "END-OF-BIG-PAYLOAD"

PNG_1X1 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def record(i):
    return {"id": i, "name": "record %07d" % i, "tags": ["alpha", "beta"], "value": i * 3}


def big_items(size):
    """Records whose compact JSON adds up to about `size` bytes, the last carrying MARKER."""
    # A record's size grows with its id; measure one from the far end of the range.
    sample = len(json.dumps(record(size // 80), separators=(",", ":"))) + 1
    count = max(1, size // sample)
    items = [record(i) for i in range(count)]
    items[-1]["marker"] = MARKER
    return items


def big_result(arguments):
    size = int(arguments.get("bytes", 1_000_000))
    shape = arguments.get("shape", "text")
    items = big_items(size)
    if shape == "structured":
        return {
            "content": [{"type": "text", "text": "%d items in structuredContent" % len(items)}],
            "structuredContent": {"items": items},
        }
    return {"content": [{"type": "text", "text": json.dumps(items, separators=(",", ":"))}]}


def binary_result():
    return {
        "content": [
            {"type": "image", "data": PNG_1X1, "mimeType": "image/png"},
            {"type": "audio", "data": "UklGRgAAAAA=", "mimeType": "audio/wav"},
            {
                "type": "resource",
                "resource": {"uri": "file:///notes.txt", "mimeType": "text/plain", "text": "hello"},
            },
            {
                "type": "resource",
                "resource": {
                    "uri": "file:///logo.png",
                    "mimeType": "image/png",
                    "blob": PNG_1X1,
                },
            },
            {
                "type": "resource_link",
                "uri": "file:///report.pdf",
                "name": "report.pdf",
                "mimeType": "application/pdf",
                "description": "The full report",
            },
        ]
    }


FIXED_TOOLS = [
    {
        "name": "big",
        "description": "Returns a big result: one JSON text block, or big structuredContent.",
        "inputSchema": {
            "type": "object",
            "properties": {
                "bytes": {"type": "integer", "default": 50000000},
                "shape": {"type": "string", "enum": ["text", "structured"], "default": "text"},
            },
        },
        "annotations": {
            "readOnlyHint": True,
            "destructiveHint": False,
            "openWorldHint": False,
        },
    },
    {
        "name": "binary",
        "description": "Returns an image, audio, embedded resources and a resource link.",
        "inputSchema": {"type": "object"},
        "annotations": {
            "readOnlyHint": True,
            "destructiveHint": False,
            "openWorldHint": False,
        },
    },
]


def many_tools(n):
    tools = []
    for i in range(1, n + 1):
        tool = {
            "name": "tool_%05d" % i,
            "description": "Generated tool number %d." % i,
            "inputSchema": {"type": "object", "properties": {"x": {"type": "string"}}},
        }
        if i % 7 == 0:
            tool["annotations"] = {"readOnlyHint": True}
        elif i % 11 == 0:
            tool["annotations"] = {"destructiveHint": True, "title": "Tool %d" % i}
        tools.append(tool)
    return tools


PREPARED = {}


def send_raw(line):
    sys.stdout.write(line)
    sys.stdout.flush()


def send(message):
    sys.stdout.write(json.dumps(message, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main():
    args = sys.argv[1:]
    if "--tools" in args:
        tools = many_tools(int(args[args.index("--tools") + 1]))
    else:
        tools = FIXED_TOOLS
    shape = args[args.index("--shape") + 1] if "--shape" in args else "text"
    FIXED_TOOLS[0]["inputSchema"]["properties"]["shape"]["default"] = shape
    if "--prepare" in args:
        size = int(args[args.index("--prepare") + 1])
        PREPARED[(size, shape)] = json.dumps(
            big_result({"bytes": size, "shape": shape}), separators=(",", ":")
        )

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        message = json.loads(line)
        if "id" not in message or "method" not in message:
            continue
        method = message["method"]
        params = message.get("params") or {}
        if method == "initialize":
            result = {
                "protocolVersion": params.get("protocolVersion", "2025-11-25"),
                "capabilities": {"tools": {}},
                "serverInfo": {"name": "big", "version": "1.0.0"},
            }
        elif method == "tools/list":
            result = {"tools": tools}
        elif method == "tools/call":
            name = params.get("name")
            arguments = params.get("arguments") or {}
            key = (arguments.get("bytes", 1_000_000), arguments.get("shape", "text"))
            if name == "big" and key in PREPARED:
                line = '{"jsonrpc":"2.0","id":%s,"result":%s}\n'
                send_raw(line % (json.dumps(message["id"]), PREPARED[key]))
                continue
            if name == "big":
                result = big_result(arguments)
            elif name == "binary":
                result = binary_result()
            elif name and name.startswith("tool_"):
                result = {"content": [{"type": "text", "text": json.dumps(arguments)}]}
            else:
                send({
                    "jsonrpc": "2.0",
                    "id": message["id"],
                    "error": {"code": -32602, "message": "unknown tool: %s" % name},
                })
                continue
        elif method == "ping":
            result = {}
        else:
            send({
                "jsonrpc": "2.0",
                "id": message["id"],
                "error": {"code": -32601, "message": "method not found: " + method},
            })
            continue
        send({"jsonrpc": "2.0", "id": message["id"], "result": result})


if __name__ == "__main__":
    main()
