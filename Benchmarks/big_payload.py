"""Preflight's headless `call` beside the official Python SDK client on the same 50 MB tool
results (Tests/EndToEndTests/Fixtures/big_server.py, prepared before the call), in one run:
time from sending the call to the parsed result, and each client's own peak RSS.

Usage: python3 Benchmarks/big_payload.py PREFLIGHT PYTHON [--bytes 50000000] [--runs 3]

PYTHON is the interpreter with the mcp package (.venv-mcp2/bin/python). Preflight's time is
the call's `elapsedMs` from `preflight call --json` (sending to the answer parsed, as the
record measures it); its peak RSS is its own VmHWM, read from /proc every few milliseconds
while it runs (the server it starts is not counted, as for Python). Prints a Markdown table of
medians; nothing is asserted.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(ROOT, "Tests", "EndToEndTests", "Fixtures", "big_server.py")
CLIENT = os.path.join(ROOT, "Benchmarks", "python_big_call.py")


def vm_hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def preflight_run(binary, size, shape):
    arguments = json.dumps({"bytes": size, "shape": shape})
    server = ["python3", SERVER, "--prepare", str(size), "--shape", shape]
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        process = subprocess.Popen(
            [binary, "call", "big", "--args", arguments, "--json", "--connect-timeout", "300",
             "--", *server],
            stdout=out, stderr=subprocess.DEVNULL)
        peak = 0
        while process.poll() is None:
            peak = max(peak, vm_hwm(process.pid) or 0)
            time.sleep(0.003)
        wall = time.monotonic() - start
        out.seek(max(0, out.seek(0, 2) - 4096))
        tail = out.read().decode("utf-8", "replace")
    marker = '"elapsedMs":'
    if process.returncode != 0 or marker not in tail:
        raise SystemExit(f"preflight call failed ({process.returncode}): {tail[-300:]}")
    elapsed = float(tail[tail.rindex(marker) + len(marker):].split(",")[0].split("}")[0]) / 1000
    return elapsed, peak, wall


def python_run(python, size, shape):
    server = ["python3", SERVER, "--prepare", str(size), "--shape", shape]
    start = time.monotonic()
    done = subprocess.run(
        [python, CLIENT, "--bytes", str(size), "--shape", shape, "--", *server],
        capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    if done.returncode != 0:
        raise SystemExit(f"python client failed: {done.stderr[-500:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["callSeconds"], report["peakRssBytes"], wall


def main():
    binary, python = sys.argv[1], sys.argv[2]
    size = int(sys.argv[sys.argv.index("--bytes") + 1]) if "--bytes" in sys.argv else 50_000_000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    print(f"| {size / 1e6:.0f} MB result | Preflight call → parsed | Python SDK client | ratio "
          "| Preflight peak RSS | Python peak RSS |")
    print("|---|---|---|---|---|---|")
    for shape in ("text", "structured"):
        ours = [preflight_run(binary, size, shape) for _ in range(runs)]
        theirs = [python_run(python, size, shape) for _ in range(runs)]
        p_time = statistics.median(r[0] for r in ours)
        y_time = statistics.median(r[0] for r in theirs)
        p_rss = statistics.median(r[1] for r in ours)
        y_rss = statistics.median(r[1] for r in theirs)
        label = "one text block" if shape == "text" else "`structuredContent`"
        print(f"| {label} | {p_time:.2f} s | {y_time:.2f} s | **{y_time / p_time:.1f}×** "
              f"| {p_rss / 1e6:.0f} MB ({p_rss / size:.1f} ×) "
              f"| {y_rss / 1e6:.0f} MB ({y_rss / size:.1f} ×) |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
