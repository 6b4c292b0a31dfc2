"""A small MCP server over the legacy HTTP+SSE transport (2024-11-05), official Python SDK 2.x.

mcp 2.3.0 still ships the legacy transport (mcp.server.sse.SseServerTransport, MCPServer.sse_app).
Needs the .venv-mcp2 environment made by Scripts/setup-python.sh:

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/http/sdk2_legacy_sse.py --port 0
    (add --ssl-certfile CERT.pem --ssl-keyfile KEY.pem to serve HTTPS)

Binds 127.0.0.1 only. When it accepts connections it prints one line to stdout, the SSE URL
(http://127.0.0.1:PORT/sse); everything else goes to stderr. SIGTERM or SIGINT: exit status 0.

A client GETs /sse, receives an `endpoint` event whose data is the relative POST URL
(/messages/?session_id=<32 hex>), POSTs every message there (answered 202 "Accepted"), and reads
every server message (responses included) as `message` events on the GET stream.

Server name "sdk2-legacy-sse", version "1.0.0"; the tools of sdk2_http.py (list_tasks, add_task,
slow, ping_client).
"""

from _serve import base_arguments, serve
from sdk2_http import build_server

if __name__ == "__main__":
    parser = base_arguments("Legacy HTTP+SSE fixture server (mcp 2.x)")
    parser.add_argument("--ssl-certfile", help="PEM certificate: serve HTTPS (needs --ssl-keyfile)")
    parser.add_argument("--ssl-keyfile", help="PEM private key of --ssl-certfile")
    args = parser.parse_args()
    serve(
        build_server("sdk2-legacy-sse").sse_app(),
        port=args.port,
        path="/sse",
        verbose=args.verbose,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
    )
