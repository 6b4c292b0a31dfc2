"""Measure the TUI while a server floods it: keys answered (key read to frame drawn) while
100,000 notifications/message arrive, and the peak RSS of preflight.

Usage: python3 Benchmarks/tui_flood.py PREFLIGHT_BINARY [--count 100000] [--pause-ms 30]
       [--wire-cap 100000]

Runs Tests/EndToEndTests/Fixtures/hostile_server.py --fault flood: after the handshake it
sends the notifications in batches of 1000, --pause-ms apart, so the flood lasts a few seconds
and keys can be pressed in the middle of it. Tab and Shift-Tab move the focus (each redraws
the screen) every 100 ms until the last notification is on screen. The times come from the
TUI's trace (PREFLIGHT_TRACE, Benchmarks/trace_events.py); tmux is polled only to pace the
keys. Numbers only; nothing is asserted.
"""

import os
import statistics
import sys
import tempfile
import time

from tmux_pane import Pane
from trace_events import Trace

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(ROOT, "Tests", "EndToEndTests", "Fixtures", "hostile_server.py")
PANE = Pane("preflight-flood-%d" % os.getpid())


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    binary = sys.argv[1]
    count = int(option("--count", "100000"))
    pause = option("--pause-ms", "30")
    cap = option("--wire-cap", "100000")
    trace_path = tempfile.mktemp(prefix="preflight-flood-", suffix=".ndjson")
    command = (
        f"PREFLIGHT_TRACE={trace_path} {binary} --wire-cap {cap} --connect-timeout 120 -- "
        f"python3 {SERVER} --fault flood --count {count} --pause-ms {pause}"
    )
    PANE.tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", command)
    last = "flood %d" % (count - 1)
    sent = 0
    try:
        start = time.monotonic()
        while time.monotonic() - start < 120:
            screen = PANE.screen()
            if "ready" in screen or "flood" in screen:
                break
            time.sleep(0.02)
        start = time.monotonic()
        while time.monotonic() - start < 300:
            PANE.tmux("send-keys", "-t", "bench", "Tab" if sent % 2 == 0 else "BTab")
            sent += 1
            time.sleep(0.1)
            if last in PANE.screen():
                break
    finally:
        PANE.tmux("send-keys", "-t", "bench", "q")
        time.sleep(0.3)
        PANE.tmux("send-keys", "-t", "bench", "y")
        for _ in range(100):
            if os.path.exists(trace_path) and '"exit"' in open(trace_path).read():
                break
            time.sleep(0.1)
        PANE.tmux("kill-server")
    if not os.path.exists(trace_path):
        print("no trace written")
        return
    trace = Trace(trace_path)
    os.unlink(trace_path)
    keys = trace.keys("tab") + trace.keys("backTab")
    latencies = sorted(x for x in (trace.key_to_draw(i) for i in keys) if x is not None)
    if latencies:
        print(f"keys during the flood ({len(latencies)}, key read to frame drawn): "
              f"median {statistics.median(latencies):.1f} ms, max {latencies[-1]:.1f} ms")
    rss = trace.peak_rss_kib()
    if rss:
        print(f"preflight peak RSS: {rss / 1024:.0f} MiB (wire cap {cap})")


if __name__ == "__main__":
    main()
