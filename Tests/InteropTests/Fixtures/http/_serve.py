"""Shared start-up code for the HTTP fixtures (not a fixture itself).

Works with both SDK lines (uvicorn is a dependency of mcp 1.x and 2.x). It

  * binds 127.0.0.1:PORT itself (PORT 0 = a free port chosen by the kernel), so the real port is
    known before uvicorn starts;
  * prints exactly one line to stdout, the URL to connect to, once uvicorn has started serving
    (after the app's lifespan startup), and flushes it;
  * sends every log line (uvicorn's, the SDK's, the access log) to stderr, never stdout;
  * exits with status 0 on SIGTERM or SIGINT: uvicorn shuts down (open streams get at most
    GRACE_SECONDS), then re-raises the signal, which the no-op handler installed here swallows;
  * serves HTTPS instead when given a certificate and key (--ssl-certfile and --ssl-keyfile of
    sdk2_http.py and sdk2_legacy_sse.py; the URL line then starts with https://), for the `--insecure` tests, which
    make a self-signed certificate per run.
"""

import argparse
import asyncio
import logging
import signal
import socket
import sys

import uvicorn

GRACE_SECONDS = 1


def base_arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 = pick a free port)")
    parser.add_argument(
        "--verbose", action="store_true", help="log at INFO level, with an access log line per request (stderr)"
    )
    return parser


def _log_config(verbose: bool) -> dict:
    level = "INFO" if verbose else "WARNING"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "plain"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }


def serve(
    app, *, port: int, path: str, verbose: bool = False, ssl_certfile: str | None = None, ssl_keyfile: str | None = None
) -> None:
    """Serve the ASGI `app` on 127.0.0.1:`port`; print http(s)://127.0.0.1:<real port><path> when ready."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as error:
        print(f"cannot bind 127.0.0.1:{port}: {error}", file=sys.stderr)
        sys.exit(2)
    sock.listen(128)
    real_port = sock.getsockname()[1]
    scheme = "https" if ssl_certfile else "http"
    url = f"{scheme}://127.0.0.1:{real_port}{path}"

    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=real_port,
        log_config=_log_config(verbose),
        log_level="info" if verbose else "warning",
        access_log=verbose,
        timeout_graceful_shutdown=GRACE_SECONDS,
        lifespan="on",
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
    )
    server = uvicorn.Server(config)
    if not verbose:
        # The SDKs log per request at INFO (mcp 1.x: "Processing request of type ..."); keep stderr quiet.
        logging.getLogger("mcp").setLevel(logging.WARNING)

    # uvicorn captures SIGTERM/SIGINT while serving and re-raises them after a graceful shutdown;
    # these handlers (restored by uvicorn at that point) turn the re-raise into a normal exit 0.
    signal.signal(signal.SIGTERM, lambda *_: None)
    signal.signal(signal.SIGINT, lambda *_: None)

    async def main() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            if task.done():
                await task  # start-up failed: propagate
                sys.exit(1)
            await asyncio.sleep(0.01)
        sys.stdout.write(url + "\n")
        sys.stdout.flush()
        await task

    asyncio.run(main())
