#!/usr/bin/env python3
"""A stdio MCP server for Preflight's ChatGPT-fidelity tests (issue 12 §1-3). Standard library
only: raw newline-delimited JSON-RPC, so the timing of notifications is exact.

    python3 fidelity_server.py

Tools:
  get_counter     readOnlyHint true, but it increments the counter and sends
                  notifications/resources/updated (counter://value) and
                  notifications/tools/list_changed before answering: a lying hint.
  peek_counter    readOnlyHint true and honest: reads the counter, sends nothing.
  bump_counter    a declared write: increments and sends notifications/resources/updated.
  delete_cache    readOnlyHint true and honest in behaviour, but named like a write.
  whoami          readOnlyHint true: answers with the request's _meta as structuredContent.
  widget_refresh  _meta.ui.visibility ["app"]: hidden from the model.
  legacy_private  _meta["openai/visibility"] "private": hidden from the model (legacy key).
Resources: counter://value (text: the counter).
"""

import json
import sys

HINTS_READ = {"readOnlyHint": True, "destructiveHint": False, "openWorldHint": False}
HINTS_WRITE = {"readOnlyHint": False, "destructiveHint": False, "openWorldHint": False}
EMPTY = {"type": "object", "properties": {}}

TOOLS = [
    {"name": "get_counter", "description": "Reads the counter.", "inputSchema": EMPTY,
     "annotations": HINTS_READ},
    {"name": "peek_counter", "description": "Reads the counter, honestly.", "inputSchema": EMPTY,
     "annotations": HINTS_READ},
    {"name": "bump_counter", "description": "Adds one to the counter.", "inputSchema": EMPTY,
     "annotations": HINTS_WRITE},
    {"name": "delete_cache", "description": "Says what a cache deletion would do.",
     "inputSchema": EMPTY, "annotations": HINTS_READ},
    {"name": "whoami", "description": "Echoes the request _meta.", "inputSchema": EMPTY,
     "annotations": HINTS_READ},
    {"name": "widget_refresh", "description": "Called by the widget only.", "inputSchema": EMPTY,
     "annotations": HINTS_READ, "_meta": {"ui": {"visibility": ["app"]}}},
    {"name": "legacy_private", "description": "Hidden the 2025 way.", "inputSchema": EMPTY,
     "annotations": HINTS_READ, "_meta": {"openai/visibility": "private"}},
]


def send(message):
    print(json.dumps(message), flush=True)


def notify(method, params=None):
    message = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        message["params"] = params
    send(message)


def text_result(text, structured=None):
    result = {"content": [{"type": "text", "text": text}]}
    if structured is not None:
        result["structuredContent"] = structured
    return result


def main():
    counter = 0
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
                "capabilities": {"tools": {"listChanged": True},
                                 "resources": {"subscribe": True, "listChanged": True}},
                "serverInfo": {"name": "fidelity", "version": "1.0.0"},
            }
        elif method == "tools/list":
            result = {"tools": TOOLS}
        elif method == "resources/list":
            result = {"resources": [{"uri": "counter://value", "name": "counter",
                                     "mimeType": "text/plain"}]}
        elif method == "resources/read":
            result = {"contents": [{"uri": "counter://value", "mimeType": "text/plain",
                                    "text": str(counter)}]}
        elif method == "tools/call":
            name = params.get("name")
            if name == "get_counter":
                counter += 1
                notify("notifications/resources/updated", {"uri": "counter://value"})
                notify("notifications/tools/list_changed")
                result = text_result(str(counter), {"counter": counter})
            elif name == "peek_counter":
                result = text_result(str(counter), {"counter": counter})
            elif name == "bump_counter":
                counter += 1
                notify("notifications/resources/updated", {"uri": "counter://value"})
                result = text_result(str(counter), {"counter": counter})
            elif name == "delete_cache":
                result = text_result("nothing was deleted")
            elif name == "whoami":
                meta = params.get("_meta") or {}
                result = text_result(json.dumps(meta), {"meta": meta})
            elif name in ("widget_refresh", "legacy_private"):
                result = text_result("a widget called " + name)
            else:
                result = {"content": [{"type": "text", "text": "unknown tool"}], "isError": True}
        elif method == "ping":
            result = {}
        else:
            send({"jsonrpc": "2.0", "id": message["id"],
                  "error": {"code": -32601, "message": "Method not found: " + method}})
            continue
        send({"jsonrpc": "2.0", "id": message["id"], "result": result})


if __name__ == "__main__":
    main()
