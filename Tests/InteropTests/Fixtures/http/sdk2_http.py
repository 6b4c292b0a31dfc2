"""A small MCP server over Streamable HTTP, written with the official Python SDK 2.x (MCPServer).

Needs mcp==2.3.0 (the .venv-mcp2 environment made by Scripts/setup-python.sh):

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/http/sdk2_http.py --port 0
    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/http/sdk2_http.py --port 0 --json-response
    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/http/sdk2_http.py --port 0 --stateless

Binds 127.0.0.1 only. When it accepts connections it prints one line to stdout, the endpoint URL
(http://127.0.0.1:PORT/mcp); everything else goes to stderr. SIGTERM or SIGINT: exit status 0.

Options:
  --port PORT       0 (the default) picks a free port
  --json-response   answer each request POST with one application/json body instead of an SSE
                    stream (no progress, no server-to-client requests during a call)
  --stateless       no Mcp-Session-Id; every POST gets a fresh transport
  --verbose         INFO logs and an access log line per request, on stderr
  --ssl-certfile F, --ssl-keyfile K
                    serve HTTPS with this certificate and key (the URL line says https://)

Server name "sdk2-http", version "1.0.0". Tools (list order):
  list_tasks   readOnlyHint/idempotentHint true; structured result {"tasks": [...]}
  add_task     readOnlyHint/destructiveHint false; adds {"id", "title", "done": false}
  slow         steps (default 5): one notifications/progress per step, ~100 ms apart, only when
               the request's _meta has a progressToken; returns "slow done after N steps"
  ping_client  sends a `ping` request to the client on this call's POST stream, waits for the
               answer (timeout_seconds, default 5), returns "pong received"

Other fixtures (sdk2_legacy_sse.py, forgetful_http.py, resumable_http.py) import build_server().
"""

import anyio
from mcp.server.mcpserver import Context, MCPServer
from mcp.shared.message import ServerMessageMetadata
from mcp_types import EmptyResult, PingRequest, ToolAnnotations
from pydantic import BaseModel

from _serve import base_arguments, serve


class Task(BaseModel):
    id: int
    title: str
    done: bool = False


class TaskList(BaseModel):
    tasks: list[Task]


def build_server(name: str = "sdk2-http") -> MCPServer:
    """The MCPServer with the four tools above (state in memory, per process)."""
    server = MCPServer(name, version="1.0.0", log_level="WARNING")
    tasks = [Task(id=1, title="Write the README"), Task(id=2, title="Ship it", done=True)]

    @server.tool(annotations=ToolAnnotations(read_only_hint=True, idempotent_hint=True))
    def list_tasks() -> TaskList:
        """List all tasks."""
        return TaskList(tasks=tasks)

    @server.tool(annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False))
    def add_task(title: str) -> Task:
        """Add a task and return it."""
        task = Task(id=len(tasks) + 1, title=title)
        tasks.append(task)
        return task

    @server.tool()
    async def slow(ctx: Context, steps: int = 5) -> str:
        """Work for about steps x 100 ms, reporting progress after each step."""
        for step in range(1, steps + 1):
            await anyio.sleep(0.1)
            await ctx.report_progress(step, steps, f"step {step} of {steps}")
        return f"slow done after {steps} steps"

    @server.tool()
    async def ping_client(ctx: Context, timeout_seconds: float = 5) -> str:
        """Send a ping request to the client on this call's stream and wait for the answer."""
        await ctx.session.send_request(
            PingRequest(),
            EmptyResult,
            request_read_timeout_seconds=timeout_seconds,
            metadata=ServerMessageMetadata(related_request_id=ctx.request_id),
        )
        return "pong received"

    return server


def with_downgrade_redirect(app):
    """`app`, plus a path /downgrade that answers 307 to the same host and port over plain http
    (the redirect a client must not follow from https)."""

    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/downgrade":
            host = dict(scope["headers"]).get(b"host", b"127.0.0.1").decode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 307,
                    "headers": [(b"location", f"http://{host}/mcp".encode()), (b"content-length", b"0")],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await app(scope, receive, send)

    return wrapped


if __name__ == "__main__":
    parser = base_arguments("Streamable HTTP fixture server (mcp 2.x)")
    parser.add_argument("--json-response", action="store_true", help="answer requests with application/json")
    parser.add_argument("--stateless", action="store_true", help="no sessions")
    parser.add_argument("--ssl-certfile", help="PEM certificate: serve HTTPS (needs --ssl-keyfile)")
    parser.add_argument("--ssl-keyfile", help="PEM private key of --ssl-certfile")
    args = parser.parse_args()
    app = build_server().streamable_http_app(json_response=args.json_response, stateless_http=args.stateless)
    serve(
        with_downgrade_redirect(app),
        port=args.port,
        path="/mcp",
        verbose=args.verbose,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
    )
