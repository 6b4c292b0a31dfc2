"""Measure the TUI on a big tool result under tmux: time from pressing Enter on the call form
to the first drawn result screen, time per scroll key, time for a search near the end, and
the peak RSS of preflight (from /usr/bin/time -v).

Usage: python3 Benchmarks/tui_big_result.py PREFLIGHT_BINARY [--bytes 50000000] [--keys 20]
       [--shape text|structured]

Runs Tests/EndToEndTests/Fixtures/big_server.py --prepare BYTES, so the payload is built before
the call and the times are the client's. Screen changes are seen by polling
`tmux capture-pane` (a few ms a poll), so the times include that resolution. Numbers only;
nothing is asserted.
"""

import os
import sys
import tempfile
import time

from tmux_pane import Pane

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(ROOT, "Tests", "EndToEndTests", "Fixtures", "big_server.py")


SOCKET = "preflight-bench-%d" % os.getpid()
PANE = Pane(SOCKET)
tmux = PANE.tmux
screen = PANE.screen
preflight_peak_rss = PANE.peak_rss


def wait(predicate, timeout=600.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        text = screen()
        if predicate(text):
            return time.monotonic() - start, text
        time.sleep(0.002)
    raise SystemExit("timed out; last screen:\n" + screen())


def main():
    binary = sys.argv[1]
    size = int(sys.argv[sys.argv.index("--bytes") + 1]) if "--bytes" in sys.argv else 50_000_000
    keys = int(sys.argv[sys.argv.index("--keys") + 1]) if "--keys" in sys.argv else 20
    shape = sys.argv[sys.argv.index("--shape") + 1] if "--shape" in sys.argv else "text"
    report = tempfile.mktemp(prefix="preflight-bench-", suffix=".txt")
    command = (
        f"/usr/bin/time -v -o {report} {binary} --connect-timeout 120 -- python3 {SERVER}"
        f" --prepare {size} --shape {shape}"
    )
    tmux("new-session", "-d", "-s", "bench", "-x", "100", "-y", "30", command)
    try:
        wait(lambda s: "▶ big" in s and "ready" in s, 120)
        tmux("send-keys", "-t", "bench", "c")
        wait(lambda s: "50000000" in s, 30)
        if size != 50_000_000:
            tmux("send-keys", "-t", "bench", *(["BSpace"] * 8), str(size))
        before = time.monotonic()
        tmux("send-keys", "-t", "bench", "Enter")
        first, _ = wait(lambda s: "Call big" in s and ("content[0]" in s or "content ·" in s))
        print(f"call to first result screen: {first:.2f} s")

        times = []
        for _ in range(keys):
            old = screen()
            start = time.monotonic()
            tmux("send-keys", "-t", "bench", "PageDown")
            elapsed, _ = wait(lambda s: s != old, 60)
            times.append(elapsed)
        times.sort()
        print(
            f"PgDn x{keys}: median {times[len(times) // 2] * 1000:.0f} ms, "
            f"max {times[-1] * 1000:.0f} ms (includes tmux polling)"
        )
        old = screen()
        start = time.monotonic()
        tmux("send-keys", "-t", "bench", "End")
        end_time, _ = wait(lambda s: "END-OF-BIG-PAYLOAD" in s, 60)
        print(f"End: {end_time * 1000:.0f} ms")
        tmux("send-keys", "-t", "bench", "Home")
        wait(lambda s: "content[0]" in s or "content ·" in s, 60)
        tmux("send-keys", "-t", "bench", "/")
        tmux("send-keys", "-t", "bench", "-l", "END-OF-BIG")
        wait(lambda s: "/END-OF-BIG" in s, 30)
        start = time.monotonic()
        tmux("send-keys", "-t", "bench", "Enter")
        search, _ = wait(lambda s: "END-OF-BIG-PAYLOAD" in s, 120)
        print(f"search near the end: {search * 1000:.0f} ms")
    except SystemExit as e:
        print(e)
    finally:
        print("preflight peak RSS (VmHWM):", preflight_peak_rss())
        tmux("send-keys", "-t", "bench", "Escape")
        time.sleep(0.3)
        tmux("send-keys", "-t", "bench", "q")
        for _ in range(100):
            if os.path.exists(report) and os.path.getsize(report) > 0:
                break
            time.sleep(0.1)
        tmux("kill-server")
    if os.path.exists(report):
        for line in open(report):
            if "Elapsed (wall" in line:
                print(line.strip())
        os.unlink(report)


if __name__ == "__main__":
    main()
