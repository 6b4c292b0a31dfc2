#!/usr/bin/env python3
"""A raw JSON-RPC MCP server for `preflight check` tests. Standard library only.

    python3 check_server.py [--fault NAME] [--http PORT [--path /mcp]]

Without --fault it is a clean server: every tool carries all three hints as booleans, a
useful description, object schemas, and its widget template resolves with a widget MIME type,
a CSP and a domain. Each --fault breaks one connector-check rule (see FAULTS below).

Over stdio it reads newline-delimited JSON-RPC. With --http PORT it serves Streamable HTTP
(JSON answers) on 127.0.0.1 at --path (default /mcp), prints "listening URL" on stdout, answers
ChatGPT's server/discover probe with HTTP 200 and -32601 (unless a discover fault says
otherwise), and serves OAuth metadata for the auth faults, whose MCP endpoint answers 401
unless the request carries "Authorization: Bearer good-token". --http 0 picks a free port.
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = {
    "missing-hints", "null-hints", "string-hints", "duplicate-name", "bad-name", "dotted-name",
    "no-tools", "cursor-loop", "empty-page", "many-tools", "no-description", "short-description",
    "long-description", "huge-tool", "big-total", "bad-input-schema", "invalid-schema",
    "bad-output-schema", "long-invoking", "long-instructions", "bad-version", "no-server-info",
    "hint-mismatch", "hidden-tool", "bad-security", "missing-template", "bad-mime",
    "no-widget-meta", "bad-structured", "call-error", "file-params-type", "file-params-name",
    "file-params-schema", "challenge-ok", "challenge-missing", "challenge-malformed",
    "challenge-undeclared", "long-name", "skybridge-template",
    # HTTP only
    "discover-legacy", "discover-400", "discover-modern-incomplete", "bad-session-id", "auth",
    "auth-no-s256", "auth-no-challenge", "auth-no-prm", "auth-no-as", "auth-no-registration",
    "oauth-tool-no-prm", "auth-no-iss", "redirect-loop", "redirect-long", "redirect-cross-origin",
    "redirect-302", "redirect-plain-http",
}
REDIRECT_FAULTS = {"redirect-loop", "redirect-long", "redirect-cross-origin", "redirect-302"}
CHALLENGE_FAULTS = {"challenge-ok", "challenge-missing", "challenge-malformed", "challenge-undeclared"}
OAUTH_ONLY = [{"type": "oauth2", "scopes": ["notes.read"]}]
FILE_OBJECT = {
    "type": "object",
    "properties": {
        "download_url": {"type": "string"},
        "file_id": {"type": "string"},
        "mime_type": {"type": "string"},
        "file_name": {"type": "string"},
    },
    "required": ["download_url", "file_id"],
}
CHALLENGE = (
    'Bearer resource_metadata="https://notes.example.com/.well-known/oauth-protected-resource", '
    'error="insufficient_scope", error_description="Sign in to read your private notes"'
)

HINTS_READ = {"readOnlyHint": True, "destructiveHint": False, "openWorldHint": False}
HINTS_WRITE = {"readOnlyHint": False, "destructiveHint": False, "openWorldHint": False}
TEMPLATE = "ui://widget/notes.html"


def tools_for(fault):
    tools = [
        {
            "name": "list_notes",
            "title": "List notes",
            "description": "Lists the user's notes, newest first, with their ids and titles.",
            "inputSchema": {"type": "object", "properties": {}},
            "outputSchema": {
                "type": "object",
                "properties": {"notes": {"type": "array", "items": {"type": "string"}}},
                "required": ["notes"],
            },
            "annotations": dict(HINTS_READ),
            "_meta": {
                "ui": {"resourceUri": TEMPLATE},
                "openai/toolInvocation/invoking": "Listing notes",
                "openai/toolInvocation/invoked": "Listed notes",
            },
        },
        {
            "name": "add_note",
            "title": "Add a note",
            "description": "Adds a note with the given text and returns its id.",
            "inputSchema": {
                "type": "object",
                "properties": {"text": {"type": "string", "description": "The note's text."}},
                "required": ["text"],
            },
            "annotations": dict(HINTS_WRITE),
        },
    ]
    read, write = tools
    if fault == "missing-hints":
        del write["annotations"]["openWorldHint"]
    elif fault == "null-hints":
        write["annotations"]["destructiveHint"] = None
    elif fault == "string-hints":
        read["annotations"]["readOnlyHint"] = "true"
    elif fault == "duplicate-name":
        tools.append(dict(write))
    elif fault == "bad-name":
        write["name"] = "add note"
    elif fault == "dotted-name":
        write["name"] = "notes.add"
    elif fault == "long-name":
        write["name"] = "add_a_note_to_the_notebook_of_the_signed_in_user_with_the_given_text"
    elif fault == "no-tools":
        return []
    elif fault == "many-tools":
        for i in range(23):
            extra = dict(write)
            extra["name"] = "add_note_%d" % i
            tools.append(extra)
    elif fault == "no-description":
        del write["description"]
    elif fault == "short-description":
        write["description"] = "Adds."
    elif fault == "long-description":
        write["description"] = "Adds a note. " * 1500
    elif fault == "huge-tool":
        write["inputSchema"]["properties"] = {
            "field_%d" % i: {"type": "string", "description": "A field that says a lot. " * 8}
            for i in range(110)
        }
    elif fault == "big-total":
        for i in range(5):
            extra = json.loads(json.dumps(write))
            extra["name"] = "bulk_%d" % i
            extra["inputSchema"]["properties"] = {
                "field_%d" % j: {"type": "string", "description": "A field that says a lot. " * 8}
                for j in range(70)
            }
            tools.append(extra)
    elif fault == "bad-input-schema":
        write["inputSchema"] = {"type": "string"}
    elif fault == "invalid-schema":
        write["inputSchema"]["properties"]["text"]["pattern"] = "[a-"
    elif fault == "bad-output-schema":
        read["outputSchema"] = {"type": "array"}
    elif fault == "long-invoking":
        read["_meta"]["openai/toolInvocation/invoking"] = "Listing every single note you have ever written, please wait a while"
    elif fault == "hint-mismatch":
        extra = json.loads(json.dumps(write))
        extra["name"] = "delete_note"
        extra["description"] = "Deletes the note with the given id, for good."
        extra["annotations"] = {"readOnlyHint": False, "destructiveHint": False, "openWorldHint": False}
        tools.append(extra)
    elif fault == "hidden-tool":
        write["_meta"] = {"ui": {"visibility": ["app"]}}
    elif fault == "bad-security":
        write["securitySchemes"] = [{"type": "apikey"}]
    elif fault == "oauth-tool-no-prm":
        write["securitySchemes"] = [{"type": "oauth2", "scopes": ["notes.write"]}]
        write["_meta"] = {"securitySchemes": [{"type": "oauth2", "scopes": ["notes.write"]}]}
    elif fault == "missing-template":
        read["_meta"]["ui"]["resourceUri"] = "ui://widget/missing.html"
    elif fault in ("file-params-type", "file-params-name", "file-params-schema"):
        schema = json.loads(json.dumps(FILE_OBJECT))
        params = ["document"]
        if fault == "file-params-type":
            params = "document"
        elif fault == "file-params-name":
            params = ["document", "attachment.file"]
        else:
            del schema["properties"]["file_name"]
            schema["required"].append("mime_type")
        tools.append({
            "name": "attach_file",
            "title": "Attach a file",
            "description": "Attaches an uploaded file to a note and returns the note's id.",
            "inputSchema": {"type": "object", "properties": {"document": schema}, "required": ["document"]},
            "annotations": dict(HINTS_WRITE),
            "_meta": {"openai/fileParams": params},
        })
    elif fault in CHALLENGE_FAULTS or fault == "redirect-plain-http":
        private = {
            "name": "list_private_notes",
            "title": "List private notes",
            "description": "Lists the signed-in user's private notes; needs a linked account.",
            "inputSchema": {"type": "object", "properties": {}},
            "annotations": dict(HINTS_READ),
            "securitySchemes": OAUTH_ONLY,
            "_meta": {"securitySchemes": OAUTH_ONLY},
        }
        if fault == "challenge-undeclared":
            del private["securitySchemes"]
            del private["_meta"]
        tools.append(private)
    return tools


INSTRUCTIONS = "Notes server. Use list_notes to see notes and add_note to add one."
LONG_INSTRUCTIONS = (
    "Notes server for the preflight check tests. " * 11
    + "This sentence runs across the five hundred and twelfth character without stopping so "
    "the cut falls in its middle and the rest is lost."
)


class Server:
    def __init__(self, fault):
        self.fault = fault

    def handle(self, message):
        """The answer to one JSON-RPC message, or None for a notification."""
        if "id" not in message or "method" not in message:
            return None
        mid = message["id"]
        method = message["method"]
        params = message.get("params") or {}
        fault = self.fault

        def ok(result):
            return {"jsonrpc": "2.0", "id": mid, "result": result}

        def err(code, text):
            return {"jsonrpc": "2.0", "id": mid, "error": {"code": code, "message": text}}

        if method == "initialize":
            version = params.get("protocolVersion", "2025-11-25")
            if fault == "bad-version":
                version = "2024-11-05"
            result = {
                "protocolVersion": version,
                "capabilities": {"tools": {}, "resources": {}},
                "serverInfo": {"name": "check-fixture", "version": "1.0.0"},
                "instructions": LONG_INSTRUCTIONS if fault == "long-instructions" else INSTRUCTIONS,
            }
            if fault == "no-server-info":
                del result["serverInfo"]
            return ok(result)
        if method == "server/discover":
            if fault == "discover-legacy":
                return ok({
                    "supportedVersions": ["2025-11-25", "2025-06-18"],
                    "capabilities": {"tools": {}},
                    "ttlMs": 0, "cacheScope": "public",
                })
            if fault == "discover-modern-incomplete":
                return ok({"supportedVersions": ["2026-07-28"], "capabilities": {"tools": {}}})
            return err(-32601, "Method not found: server/discover")
        if method == "ping":
            return ok({})
        if method == "tools/list":
            tools = tools_for(fault)
            cursor = params.get("cursor")
            if fault == "cursor-loop":
                return ok({"tools": tools[:1] if cursor is None else tools[1:], "nextCursor": "again"})
            if fault == "empty-page":
                if cursor is None:
                    return ok({"tools": [], "nextCursor": "page-2"})
                return ok({"tools": tools})
            return ok({"tools": tools})
        if method == "resources/read":
            uri = params.get("uri")
            if uri != TEMPLATE:
                return err(-32002, "Resource not found: %s" % uri)
            content = {
                "uri": TEMPLATE,
                "mimeType": {"bad-mime": "text/html", "skybridge-template": "text/html+skybridge"}.get(
                    fault, "text/html;profile=mcp-app"),
                "text": "<div id=notes></div>",
                "_meta": {
                    "ui": {
                        "csp": {"connectDomains": ["https://api.example.com"], "resourceDomains": []},
                        "domain": "https://notes.example.com",
                    }
                },
            }
            if fault == "no-widget-meta":
                del content["_meta"]
            return ok({"contents": [content]})
        if method == "resources/list":
            return ok({"resources": [{"uri": TEMPLATE, "name": "notes widget"}]})
        if method == "tools/call":
            name = params.get("name")
            if name == "list_notes":
                if fault == "call-error":
                    return ok({"content": [{"type": "text", "text": "the notes store is down"}], "isError": True})
                structured = {"notes": [1, 2]} if fault == "bad-structured" else {"notes": ["first", "second"]}
                return ok({
                    "content": [{"type": "text", "text": json.dumps(structured)}],
                    "structuredContent": structured,
                })
            if name == "add_note":
                return ok({"content": [{"type": "text", "text": "added note 3"}]})
            if name == "list_private_notes":
                # Never a token here: a stdio call, or an HTTP one without Authorization.
                if fault == "challenge-missing":
                    return ok({"content": [{"type": "text", "text": "no private notes"}]})
                challenge = [CHALLENGE]
                if fault == "challenge-malformed":
                    challenge = 'Bearer error="invalid_token"'
                return ok({
                    "content": [{"type": "text", "text": "Sign in to read your private notes."}],
                    "isError": True,
                    "_meta": {"mcp/www_authenticate": challenge},
                })
            return err(-32602, "Unknown tool: %s" % name)
        return err(-32601, "Method not found: %s" % method)


def serve_stdio(server):
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            message = json.loads(line)
        except ValueError:
            continue
        answer = server.handle(message)
        if answer is not None:
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()


def serve_http(server, port, path):
    fault = server.fault
    auth_faults = {"auth", "auth-no-s256", "auth-no-challenge", "auth-no-prm", "auth-no-as",
                   "auth-no-registration", "auth-no-iss"}
    endpoint = "/final" if fault in REDIRECT_FAULTS else path

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def origin(self):
            return "http://127.0.0.1:%d" % self.server.server_address[1]

        def send_json(self, status, body, headers=None):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def send_empty(self, status, headers=None):
            self.send_response(status)
            self.send_header("Content-Length", "0")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()

        def redirect(self):
            """The redirect a redirect fault answers this request with, as (status, Location)."""
            here = self.path
            if fault == "redirect-loop":
                if here == path:
                    return 307, "/loop"
                if here == "/loop":
                    return 307, path
            if fault == "redirect-long":
                if here == path:
                    return 307, "/hop/1"
                if here.startswith("/hop/"):
                    n = int(here[len("/hop/"):])
                    return 307, ("/hop/%d" % (n + 1)) if n < 5 else "/final"
            if fault == "redirect-cross-origin" and here == path:
                return 307, "http://localhost:%d/final" % self.server.server_address[1]
            if fault == "redirect-302" and here == path:
                return 302, "/final"
            if fault == "redirect-plain-http" and here.startswith("/.well-known/oauth-protected-resource"):
                # .invalid never resolves; the check must not follow a hop to plain http.
                return 301, "http://auth.example.invalid" + here
            return None

        def do_GET(self):
            origin = self.origin()
            hop = self.redirect()
            if hop is not None:
                return self.send_empty(hop[0], {"Location": hop[1]})
            if self.path.startswith("/.well-known/oauth-protected-resource"):
                if fault in ("auth-no-prm", "oauth-tool-no-prm") or fault not in auth_faults:
                    return self.send_json(404, {"error": "not found"})
                return self.send_json(200, {
                    "resource": origin + path,
                    "authorization_servers": [origin],
                    "scopes_supported": ["notes"],
                })
            if self.path.startswith("/.well-known/oauth-authorization-server"):
                if fault not in auth_faults or fault == "auth-no-as":
                    return self.send_json(404, {"error": "not found"})
                meta = {
                    "issuer": origin,
                    "authorization_endpoint": origin + "/authorize",
                    "token_endpoint": origin + "/token",
                    "registration_endpoint": origin + "/register",
                    "code_challenge_methods_supported": ["S256"],
                    "authorization_response_iss_parameter_supported": fault != "auth-no-iss",
                }
                if fault == "auth-no-s256":
                    meta["code_challenge_methods_supported"] = ["plain"]
                if fault == "auth-no-registration":
                    del meta["registration_endpoint"]
                return self.send_json(200, meta)
            if self.path == endpoint:
                return self.send_empty(405, {"Allow": "POST"})
            return self.send_json(404, {"error": "not found"})

        def do_DELETE(self):
            self.send_empty(405, {"Allow": "POST"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            hop = self.redirect()
            if hop is not None:
                return self.send_empty(hop[0], {"Location": hop[1]})
            if self.path != endpoint:
                return self.send_json(404, {"error": "not found"})
            if fault in auth_faults and self.headers.get("Authorization") != "Bearer good-token":
                headers = {}
                if fault != "auth-no-challenge":
                    headers["WWW-Authenticate"] = (
                        'Bearer resource_metadata="%s/.well-known/oauth-protected-resource%s", scope="notes"'
                        % (self.origin(), path))
                return self.send_json(401, {"error": "invalid_token"}, headers)
            try:
                message = json.loads(body)
            except ValueError:
                return self.send_json(400, {"jsonrpc": "2.0", "id": None,
                                            "error": {"code": -32700, "message": "Parse error"}})
            if message.get("method") == "server/discover" and fault == "discover-400":
                return self.send_empty(400)
            answer = server.handle(message)
            if answer is None:
                return self.send_empty(202)
            headers = {}
            if message.get("method") == "initialize":
                headers["Mcp-Session-Id"] = "bad session id" if fault == "bad-session-id" else "s-1234"
            self.send_json(200, answer, headers)

    httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print("listening http://127.0.0.1:%d%s" % (httpd.server_address[1], path), flush=True)
    httpd.serve_forever()


def main():
    args = sys.argv[1:]
    fault = None
    if "--fault" in args:
        fault = args[args.index("--fault") + 1]
        if fault not in FAULTS:
            sys.exit("unknown fault %r; faults: %s" % (fault, ", ".join(sorted(FAULTS))))
    server = Server(fault)
    if "--http" in args:
        port = int(args[args.index("--http") + 1])
        path = args[args.index("--path") + 1] if "--path" in args else "/mcp"
        serve_http(server, port, path)
    else:
        serve_stdio(server)


if __name__ == "__main__":
    main()
