"""Measure the TUI on a big tool result: from pressing Enter on the call form to the first
drawn result screen, per scroll key, End, a search near the end, and the peak RSS of preflight.

Usage: python3 Benchmarks/tui_big_result.py PREFLIGHT_BINARY [--bytes 50000000] [--keys 20]
       [--shape text|structured]

Runs Tests/EndToEndTests/Fixtures/big_server.py --prepare BYTES, so the payload is built before
the call and the times are the client's. The TUI runs under tmux with its trace on
(PREFLIGHT_TRACE): the times are measured inside the program, from the key read to the frame
drawn after it (Benchmarks/trace_events.py), and the peak RSS is the one it writes when it
stops. tmux is polled only to know when to send the next key. Numbers only; nothing is
asserted.
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


SOCKET = "preflight-bench-%d" % os.getpid()
PANE = Pane(SOCKET)
tmux = PANE.tmux
screen = PANE.screen


def wait(predicate, timeout=600.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        text = screen()
        if predicate(text):
            return text
        time.sleep(0.05)  # the times come from the trace: polling only paces the keys
    raise SystemExit("timed out; last screen:\n" + screen())


def main():
    binary = sys.argv[1]
    size = int(sys.argv[sys.argv.index("--bytes") + 1]) if "--bytes" in sys.argv else 50_000_000
    keys = int(sys.argv[sys.argv.index("--keys") + 1]) if "--keys" in sys.argv else 20
    shape = sys.argv[sys.argv.index("--shape") + 1] if "--shape" in sys.argv else "text"
    trace_path = tempfile.mktemp(prefix="preflight-bench-", suffix=".ndjson")
    command = (
        f"PREFLIGHT_TRACE={trace_path} {binary} --connect-timeout 120 -- python3 {SERVER}"
        f" --prepare {size} --shape {shape}"
    )
    tmux("new-session", "-d", "-s", "bench", "-x", "100", "-y", "30", command)
    finished = False
    try:
        wait(lambda s: "▶ big" in s and "ready" in s, 120)
        tmux("send-keys", "-t", "bench", "c")
        wait(lambda s: "50000000" in s, 30)
        if size != 50_000_000:
            tmux("send-keys", "-t", "bench", *(["BSpace"] * 8), str(size))
        tmux("send-keys", "-t", "bench", "Enter")
        wait(lambda s: "Call big" in s and ("content[0]" in s or "content ·" in s))
        for _ in range(keys):
            old = screen()
            tmux("send-keys", "-t", "bench", "PageDown")
            wait(lambda s: s != old, 60)
        tmux("send-keys", "-t", "bench", "End")
        wait(lambda s: "END-OF-BIG-PAYLOAD" in s, 60)
        tmux("send-keys", "-t", "bench", "Home")
        wait(lambda s: "content[0]" in s or "content ·" in s, 60)
        tmux("send-keys", "-t", "bench", "/")
        tmux("send-keys", "-t", "bench", "-l", "END-OF-BIG")
        wait(lambda s: "/END-OF-BIG" in s, 30)
        tmux("send-keys", "-t", "bench", "Enter")
        wait(lambda s: "END-OF-BIG-PAYLOAD" in s, 120)
        finished = True
    except SystemExit as e:
        print(e)
    finally:
        tmux("send-keys", "-t", "bench", "Escape")
        time.sleep(0.3)
        tmux("send-keys", "-t", "bench", "q")
        time.sleep(0.3)
        tmux("send-keys", "-t", "bench", "y")
        for _ in range(100):
            if os.path.exists(trace_path) and '"exit"' in open(trace_path).read():
                break
            time.sleep(0.1)
        tmux("kill-server")
    if not os.path.exists(trace_path):
        print("no trace written")
        return
    trace = Trace(trace_path)
    os.unlink(trace_path)
    events = trace.events
    done = trace.message("callFinished")
    if done is not None:
        enters = [i for i in trace.keys("enter") if i < done]
        drawn = trace.after(done, lambda e: e["event"] == "draw")
        print(f"Enter to the first result screen drawn: "
              f"{(events[drawn]['ns'] - events[enters[-1]]['ns']) / 1e9:.2f} s "
              f"(of which laying out and drawing the result: "
              f"{(events[drawn]['ns'] - events[done]['ns']) / 1e6:.0f} ms)")
    pages = [t for t in (trace.key_to_draw(i) for i in trace.keys("pageDown")) if t is not None]
    if pages:
        print(f"PgDn x{len(pages)} (key read to frame drawn): median "
              f"{statistics.median(pages):.1f} ms, max {max(pages):.1f} ms")
    ends = trace.keys("end")
    if ends:
        print(f"End: {trace.key_to_draw(ends[-1]):.1f} ms")
    if finished:
        print(f"search near the end (Enter to frame drawn): "
              f"{trace.key_to_draw(trace.keys('enter')[-1]):.1f} ms")
    rss = trace.peak_rss_kib()
    if rss:
        print(f"preflight peak RSS: {rss / 1024:.0f} MiB ({rss * 1024 / size:.1f} × the payload)")


if __name__ == "__main__":
    main()
