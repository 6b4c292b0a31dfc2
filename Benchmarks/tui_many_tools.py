"""Measure the TUI on a server with many tools: launch to the full list drawn, each key while
typing a filter and each scroll key (key read to frame drawn), and the peak RSS of preflight.

Usage: python3 Benchmarks/tui_many_tools.py PREFLIGHT_BINARY [--tools 10000]

Runs Tests/EndToEndTests/Fixtures/big_server.py --tools N under tmux with the TUI's trace on
(PREFLIGHT_TRACE): times are measured inside the program (Benchmarks/trace_events.py); tmux is
polled only to know when to send the next key. Numbers only; nothing is asserted.
"""

import os
import statistics
import sys
import tempfile
import time

from tmux_pane import Pane
from trace_events import Trace

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(ROOT, "Tests", "EndToEndTests", "Fixtures", "big_server.py")
SOCKET = "preflight-bench-tools-%d" % os.getpid()


PANE = Pane(SOCKET)
tmux = PANE.tmux
screen = PANE.screen


def wait(predicate, timeout=120.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        text = screen()
        if predicate(text):
            return
        time.sleep(0.05)  # the times come from the trace: polling only paces the keys
    raise SystemExit("timed out; last screen:\n" + screen())


def key(name, literal=False):
    old = screen()
    tmux("send-keys", "-t", "bench", *(["-l"] if literal else []), name)
    wait(lambda s: s != old, 60)


def main():
    binary = sys.argv[1]
    count = int(sys.argv[sys.argv.index("--tools") + 1]) if "--tools" in sys.argv else 10_000
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    trace_path = tempfile.mktemp(prefix="preflight-bench-", suffix=".ndjson")
    command = (
        f"PREFLIGHT_TRACE={trace_path} PREFLIGHT_TRACE_T0=$(date +%s%N) exec {binary}"
        f" -- python3 {SERVER} --tools {count}"
    )
    tmux("new-session", "-d", "-s", "bench", "-x", "100", "-y", "30", command)
    try:
        wait(lambda s: f"[Tools {count}]" in s and "tool_00001" in s)
        for _ in range(rounds):
            tmux("send-keys", "-t", "bench", "/")
            wait(lambda s: "/" in s, 30)
            for c in "tool_0999":
                key(c, literal=True)
            tmux("send-keys", "-t", "bench", "Escape")
            wait(lambda s: "/tool_0999" not in s, 30)
        tmux("send-keys", "-t", "bench", "Home")
        wait(lambda s: "▶ tool_00001" in s, 30)
        for _ in range(20):
            key("PageDown")
        key("End")
    finally:
        tmux("send-keys", "-t", "bench", "q")
        time.sleep(0.3)
        tmux("send-keys", "-t", "bench", "y")
        for _ in range(100):
            if os.path.exists(trace_path) and '"exit"' in open(trace_path).read():
                break
            time.sleep(0.1)
        tmux("kill-server")
    trace = Trace(trace_path)
    os.unlink(trace_path)
    events = trace.events
    launch = next(e["ns"] for e in events if e["event"] == "launch")
    listed = next(e["ns"] for e in events if e["event"] == "draw" and e["tools"] == count)
    print(f"launch to {count} tools drawn: {(listed - launch) / 1e9:.2f} s (server start included)")
    typing, filtering = [], False
    for i, e in enumerate(events):
        if e["event"] != "key":
            continue
        if e["key"] == "character(?/?)":
            filtering = True
        elif e["key"] == "escape":
            filtering = False
        elif filtering and e["key"].startswith("character"):
            typing.append(trace.key_to_draw(i))
    print(f"filter keys x{len(typing)} (key read to frame drawn): median "
          f"{statistics.median(typing):.1f} ms, max {max(typing):.1f} ms")
    pages = [trace.key_to_draw(i) for i in trace.keys("pageDown")]
    print(f"PgDn in the list: median {statistics.median(pages):.1f} ms, max {max(pages):.1f} ms")
    print(f"End: {trace.key_to_draw(trace.keys('end')[-1]):.1f} ms")
    rss = trace.peak_rss_kib()
    print(f"preflight peak RSS: {rss / 1024:.0f} MiB" if rss else "peak RSS: not written")


if __name__ == "__main__":
    main()
