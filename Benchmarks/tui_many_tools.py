"""Measure the TUI on a server with many tools under tmux: time from launch to the full list,
time per key while typing a filter and per scroll key, and the peak RSS of preflight (VmHWM).

Usage: python3 Benchmarks/tui_many_tools.py PREFLIGHT_BINARY [--tools 10000]

Runs Tests/EndToEndTests/Fixtures/big_server.py --tools N. Screen changes are seen by polling
`tmux capture-pane`, so the times include that resolution. Numbers only; nothing is asserted.
"""

import os
import sys
import tempfile
import time

from tmux_pane import Pane

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(ROOT, "Tests", "EndToEndTests", "Fixtures", "big_server.py")
SOCKET = "preflight-bench-tools-%d" % os.getpid()


PANE = Pane(SOCKET)
tmux = PANE.tmux
screen = PANE.screen
preflight_peak_rss = PANE.peak_rss


def wait(predicate, timeout=120.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        text = screen()
        if predicate(text):
            return time.monotonic() - start
        time.sleep(0.002)
    raise SystemExit("timed out; last screen:\n" + screen())


def timed_key(key, literal=False):
    old = screen()
    start = time.monotonic()
    tmux("send-keys", "-t", "bench", *(["-l"] if literal else []), key)
    wait(lambda s: s != old, 60)
    return time.monotonic() - start


def main():
    binary = sys.argv[1]
    count = int(sys.argv[sys.argv.index("--tools") + 1]) if "--tools" in sys.argv else 10_000
    report = tempfile.mktemp(prefix="preflight-bench-", suffix=".txt")
    command = f"/usr/bin/time -v -o {report} {binary} -- python3 {SERVER} --tools {count}"
    start = time.monotonic()
    tmux("new-session", "-d", "-s", "bench", "-x", "100", "-y", "30", command)
    try:
        wait(lambda s: f"[Tools {count}]" in s and "tool_00001" in s)
        print(f"launch to {count} tools listed: {time.monotonic() - start:.2f} s (server start included)")
        tmux("send-keys", "-t", "bench", "/")
        typing = [timed_key(c, literal=True) for c in "tool_0999"]
        print(f"filter keys: median {sorted(typing)[len(typing) // 2] * 1000:.0f} ms, max {max(typing) * 1000:.0f} ms")
        tmux("send-keys", "-t", "bench", "Escape")
        wait(lambda s: "/tool_0999" not in s, 30)
        tmux("send-keys", "-t", "bench", "Home")
        wait(lambda s: "▶ tool_00001" in s, 30)
        moves = [timed_key("PageDown") for _ in range(20)]
        print(f"PgDn in the list: median {sorted(moves)[10] * 1000:.0f} ms, max {max(moves) * 1000:.0f} ms")
        print(f"End: {timed_key('End') * 1000:.0f} ms")
    finally:
        print("preflight peak RSS (VmHWM):", preflight_peak_rss())
        tmux("send-keys", "-t", "bench", "q")
        for _ in range(100):
            if os.path.exists(report) and os.path.getsize(report) > 0:
                break
            time.sleep(0.1)
        tmux("kill-server")
    if os.path.exists(report):
        for line in open(report):
            pass
        os.unlink(report)


if __name__ == "__main__":
    main()
