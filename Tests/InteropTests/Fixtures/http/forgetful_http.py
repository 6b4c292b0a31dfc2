"""A Streamable HTTP MCP server (official Python SDK 2.x) that forgets a session after N requests.

Needs mcp==2.3.0 (the .venv-mcp2 environment made by Scripts/setup-python.sh):

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/http/forgetful_http.py --port 0 --forget-after 2

Binds 127.0.0.1 only. When it accepts connections it prints one line to stdout, the endpoint URL
(http://127.0.0.1:PORT/mcp); everything else goes to stderr. SIGTERM or SIGINT: exit status 0.

The server is sdk2_http.py's (name "forgetful-http", the same four tools, SSE responses) behind a
small ASGI wrapper. The wrapper counts, per session id, the POSTed JSON-RPC *requests* that carry
that `Mcp-Session-Id` (initialize carries none; notifications, responses, GET and DELETE are not
counted). When request number N+1 arrives, the wrapper makes the SDK forget the session first
(the same call the SDK makes on DELETE or idle timeout), so the SDK itself answers that request
with 404 and a JSON-RPC error body without id, "Session not found", and so for everything that
later carries the id; an open GET stream of that session ends. A client must initialize again
without the id; the new session gets a new id and a fresh count of N.

Options:
  --port PORT          0 (the default) picks a free port
  --forget-after N     requests served per session before it is forgotten (default 2)
  --verbose            INFO logs and an access log line per request, on stderr

stderr gets one line each time a session is forgotten:
  forgetful-http: forgetting session <id> after N requests
"""

import json
import sys

from _serve import base_arguments, serve
from sdk2_http import build_server


class ForgetAfter:
    """ASGI wrapper: the (N+1)-th JSON-RPC request of a session makes the SDK drop that session."""

    def __init__(self, app, server, limit: int):
        self.app = app
        self.server = server  # MCPServer; its session manager exists once streamable_http_app() ran
        self.limit = limit
        self.counts: dict[str, int] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        session_id = dict(scope["headers"]).get(b"mcp-session-id", b"").decode("latin-1")
        if not session_id:
            await self.app(scope, receive, send)
            return

        # Read the whole body, then hand the SDK a receive() that replays it.
        chunks = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        try:
            message = json.loads(body)
        except ValueError:
            message = None
        if isinstance(message, dict) and "method" in message and "id" in message:
            manager = self.server.session_manager
            transport = manager._server_instances.get(session_id)
            if transport is not None:
                served = self.counts.get(session_id, 0)
                if served >= self.limit:
                    print(f"forgetful-http: forgetting session {session_id} after {served} requests", file=sys.stderr)
                    sys.stderr.flush()
                    self.counts.pop(session_id, None)
                    await manager._discard_session(session_id, transport)
                else:
                    self.counts[session_id] = served + 1
        await self.app(scope, replay, send)


if __name__ == "__main__":
    parser = base_arguments("Streamable HTTP fixture server (mcp 2.x) that forgets sessions")
    parser.add_argument("--forget-after", type=int, default=2, metavar="N", help="requests per session (default 2)")
    args = parser.parse_args()
    if args.forget_after < 0:
        parser.error("--forget-after must be 0 or more")
    server = build_server("forgetful-http")
    app = server.streamable_http_app()
    serve(ForgetAfter(app, server, args.forget_after), port=args.port, path="/mcp", verbose=args.verbose)
