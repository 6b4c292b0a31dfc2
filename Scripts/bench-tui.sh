#!/usr/bin/env bash
# The TUI's own timings, from its trace (PREFLIGHT_TRACE), driven under tmux. Called by
# Scripts/bench.sh with the preflight binary and a scratch directory; runnable alone:
#
#   Scripts/bench-tui.sh [PREFLIGHT] [WORKDIR]
#
# Prints Markdown tables. Needs tmux and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
P="${1:-$PWD/.build/release/preflight}"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
RUNS="${RUNS:-15}"
socket="preflight-bench-$$"
tm() { env -u TMUX -u TMUX_PANE LANG=C.UTF-8 tmux -u -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT

# Starts the TUI in a fresh tmux server with a trace; arguments are preflight's.
launch() {
  local trace="$1"
  shift
  tm kill-server 2>/dev/null || true
  rm -f "$trace"
  local quoted=""
  for word in "$@"; do quoted+=" $(printf '%q' "$word")"; done
  tm start-server \; set-option -g status off \; new-session -d -s t -x 120 -y 40 \
    "PREFLIGHT_TRACE=$trace PREFLIGHT_TRACE_T0=\$(date +%s%N) exec $(printf '%q' "$P")$quoted"
}

# Waits until the trace has an event matching the Python expression over `e` (a dict).
wait_trace() {
  local trace="$1" condition="$2" deadline=$((SECONDS + ${3:-60}))
  until [[ -f "$trace" ]] && python3 - "$trace" "$condition" <<'PY'; do
import json, sys
events = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
sys.exit(0 if any(eval(sys.argv[2], {}, {"e": e}) for e in events) else 1)
PY
    if ((SECONDS >= deadline)); then
      echo "bench-tui.sh: timed out waiting for $condition in $trace" >&2
      exit 1
    fi
    sleep 0.05
  done
}

quit() {
  tm send-keys -t t q
  sleep 0.3
  tm send-keys -t t y 2>/dev/null || true
  tm kill-server 2>/dev/null || true
}

# --- start to the first drawn tool list, demo server ---
for run in $(seq "$RUNS"); do
  launch "$work/start-$run.ndjson"
  wait_trace "$work/start-$run.ndjson" "e['event'] == 'draw' and e['tools'] > 0"
  quit
done
python3 - "$work" "$RUNS" <<'PY'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
launch, main = [], []
for run in range(1, runs + 1):
    events = [json.loads(l) for l in open(f"{work}/start-{run}.ndjson") if l.strip()]
    t0 = next(e["ns"] for e in events if e["event"] == "launch")
    tm = next(e["ns"] for e in events if e["event"] == "main")
    drawn = next(e["ns"] for e in events if e["event"] == "draw" and e["tools"] > 0)
    launch.append((drawn - t0) / 1e6)
    main.append((tm - t0) / 1e6)
print()
print("## The TUI")
print()
print("| measure | median | target |")
print("|---|---|---|")
print(f"| start (exec) to the first drawn tool list, demo server | {statistics.median(launch):.1f} ms "
      f"(of which exec to main: {statistics.median(main):.1f} ms) | ≤ 150 ms |")
PY

# --- idle CPU with a connected server ---
launch "$work/idle.ndjson"
wait_trace "$work/idle.ndjson" "e['event'] == 'draw' and e['tools'] > 0"
pid="$(tm display-message -p -t t '#{pane_pid}')"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before="$(ticks "$pid")"
sleep 5
after="$(ticks "$pid")"
quit
python3 -c "
import os
hz = os.sysconf('SC_CLK_TCK')
print(f'| idle CPU over 5 s, connected to the demo server | {100 * ($after - $before) / hz / 5:.2f} % of a core | ≈ 0 |')"

# --- big payloads and many tools (Tests/EndToEndTests/Fixtures/big_server.py) ---
echo
echo "### 50 MB results, 10,000 tools and a flood (times from the TUI's trace; one run each)"
echo
echo '```'
python3 Benchmarks/tui_big_result.py "$P" --shape text
python3 Benchmarks/tui_big_result.py "$P" --shape structured
python3 Benchmarks/tui_many_tools.py "$P"
python3 Benchmarks/tui_flood.py "$P"
echo '```'

# --- the same 50 MB results, headless, beside the Python SDK client ---
PY="${PY:-$PWD/.venv-mcp2/bin/python}"
echo
echo "### 50 MB results: \`preflight call\` beside the Python SDK client (medians of ${BIG_RUNS:-3})"
echo
python3 Benchmarks/big_payload.py "$P" "$PY" --runs "${BIG_RUNS:-3}"
