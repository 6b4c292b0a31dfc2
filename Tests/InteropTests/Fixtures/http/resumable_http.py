"""A resumable Streamable HTTP MCP server (official Python SDK 2.x) whose `drop_midway` tool cuts its
own SSE response stream, so a client must resume with GET + Last-Event-ID.

Needs mcp==2.3.0 (the .venv-mcp2 environment made by Scripts/setup-python.sh):

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/http/resumable_http.py --port 0

Binds 127.0.0.1 only. When it accepts connections it prints one line to stdout, the endpoint URL
(http://127.0.0.1:PORT/mcp); everything else goes to stderr. SIGTERM or SIGINT: exit status 0.

Resumability uses the SDK's own machinery: an EventStore (mcp.server.streamable_http.EventStore;
the SDK ships only the interface, InMemoryEventStore below implements it) and retry_interval=100.
With both, and a client that negotiated protocol 2025-11-25 or later, every SSE stream starts with
a priming event (`id: N`, `retry: 100`, empty data) and every message event carries an `id`.
Event ids are decimal integers counting up from 1 across the whole server ("1", "2", ...);
clients must treat them as opaque.

Server name "resumable-http", the four tools of sdk2_http.py, plus:
  drop_midway  parts (default 3, at least 2): on its POST stream the client gets the priming event,
               then notifications/message (level info, data "part 1 of N"), and then the server
               ends that response (Context.close_sse_stream()) without the result. "part 2 of N"
               is sent at once, while no stream is connected, so only the event store has it.
               About 0.5 s later come parts 3..N and the result, text "drop_midway done: N parts".
               A client that resumes (GET with Last-Event-ID = the id of "part 1") gets "part 2"
               replayed, a new priming event, then the rest live. Resuming later than 0.5 s gets
               everything from the event store.
               With a client on protocol 2025-06-18 or older the SDK does not drop the stream
               (close_sse_stream is a no-op there) and there are no event ids.

Options:
  --port PORT   0 (the default) picks a free port
  --verbose     INFO logs and an access log line per request, on stderr
"""

import itertools
import warnings

import anyio
from mcp.server.mcpserver import Context
from mcp.server.streamable_http import EventCallback, EventId, EventMessage, EventStore, StreamId
from mcp.shared.exceptions import MCPDeprecationWarning
from mcp_types import JSONRPCMessage

from _serve import base_arguments, serve
from sdk2_http import build_server

# ctx.info() warns that logging is deprecated in 2026-07-28; keep stderr quiet.
warnings.simplefilter("ignore", MCPDeprecationWarning)

RETRY_MS = 100


class InMemoryEventStore(EventStore):
    """Keeps every event of every stream in memory; ids are "1", "2", ... across the server."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self._events: dict[EventId, tuple[StreamId, JSONRPCMessage | None]] = {}

    async def store_event(self, stream_id: StreamId, message: JSONRPCMessage | None) -> EventId:
        event_id = str(next(self._ids))
        self._events[event_id] = (stream_id, message)
        return event_id

    async def replay_events_after(self, last_event_id: EventId, send_callback: EventCallback) -> StreamId | None:
        if last_event_id not in self._events:
            return None
        stream_id = self._events[last_event_id][0]
        after = False
        for event_id, (event_stream, message) in list(self._events.items()):
            if event_id == last_event_id:
                after = True
            elif after and event_stream == stream_id and message is not None:
                await send_callback(EventMessage(message, event_id))
        return stream_id


def build_resumable_server():
    server = build_server("resumable-http")

    @server.tool()
    async def drop_midway(ctx: Context, parts: int = 3) -> str:
        """Send parts as log notifications, cutting this call's SSE stream after the first one."""
        parts = max(parts, 2)
        await ctx.info(f"part 1 of {parts}")
        await anyio.sleep(0.1)  # let part 1 reach the wire before the cut
        await ctx.close_sse_stream()
        await ctx.info(f"part 2 of {parts}")  # stored only: no stream is connected
        await anyio.sleep(0.5)  # the client resumes meanwhile (retry: 100 ms)
        for part in range(3, parts + 1):
            await ctx.info(f"part {part} of {parts}")
        return f"drop_midway done: {parts} parts"

    return server


if __name__ == "__main__":
    args = base_arguments("Resumable Streamable HTTP fixture server (mcp 2.x)").parse_args()
    app = build_resumable_server().streamable_http_app(event_store=InMemoryEventStore(), retry_interval=RETRY_MS)
    serve(app, port=args.port, path="/mcp", verbose=args.verbose)
