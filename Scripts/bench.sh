#!/usr/bin/env bash
# Preflight's benchmarks, each beside a peer in the same run, reported as ratios.
#
#   Scripts/bench.sh            # everything; RUNS=N changes the number of runs (default 15)
#   Scripts/bench.sh cold calls # only some sections: cold, calls, flood, tui
#
# Builds Preflight in release mode, installs hyperfine, tmux and a C compiler if missing, and uses the Python
# environments of Scripts/setup-python.sh. Whole-process times come from hyperfine (medians);
# times inside the TUI come from its trace (PREFLIGHT_TRACE, see docs/benchmarks.md).
# Not part of CI: the numbers need a quiet machine. Results go to stdout as Markdown tables.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sections=("$@")
[[ ${#sections[@]} -gt 0 ]] || sections=(cold calls flood tui)
wants() { [[ " ${sections[*]} " == *" $1 "* ]]; }

missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
if [[ ${#missing[@]} -gt 0 ]]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
Scripts/setup-python.sh >/dev/null
if [[ -n "${PREFLIGHT_BIN:-}" ]]; then
  P="$PREFLIGHT_BIN" # a build of your own, e.g. to check this script quickly
  B="${PREFLIGHT_BENCH_BIN:-$(dirname "$P")/preflight-bench}"
else
  swift build -c release --product preflight >/dev/null
  swift build -c release --product preflight-bench >/dev/null
  P="$PWD/.build/release/preflight"
  B="$PWD/.build/release/preflight-bench"
fi
PY="$PWD/.venv-mcp2/bin/python"
RUNS="${RUNS:-15}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -z "$server_pid" ]] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -o "$work/pipe_floor" Benchmarks/pipe_floor.c
cc -O2 -o "$work/echo_server" Benchmarks/echo_server.c
cc -O2 -o "$work/flood_server" Benchmarks/flood_server.c

# Runs hyperfine on the given commands and appends their medians (seconds) to $work/NAME.tsv.
measure() {
  local name="$1"
  shift
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/$name.json" "$@" >/dev/null
  python3 - "$work/$name.json" <<'PY' >"$work/$name.tsv"
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['median']:.6f}\t{r['stddev'] or 0:.6f}\t{r['command']}")
PY
}
median() { sed -n "${2}p" "$work/$1.tsv" | cut -f1; }
ms() { python3 -c "print(f'{($1) * 1000:.1f} ms')"; }
ratio() { python3 -c "print(f'{($1) / ($2):.1f}×')"; }

echo "# Preflight benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$(uname -sm), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(swift --version 2>&1 | head -1 | sed 's/ (.*//'),"
echo "Python $("$PY" -c 'import sys; print(sys.version.split()[0])'), mcp $("$PY" -c 'import importlib.metadata as m; print(m.version("mcp"))'),"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs after 2 warm-ups; medians."

# A stdio server's own cost: the demo server answering a canned initialize + tools/list.
printf '%s\n' \
  '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}' \
  '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
  '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' >"$work/canned.ndjson"

start_http() {
  "$P" demo-server --http 0 >"$work/http.txt" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    URL="$(grep -o 'http://[^ ]*' "$work/http.txt" | head -1 || true)"
    [[ -n "$URL" ]] && return 0
    sleep 0.05
  done
  echo "bench.sh: the HTTP demo server did not start" >&2
  exit 1
}

if wants cold; then
  start_http
  measure cold \
    "$P tools -- $P demo-server" \
    "$PY Benchmarks/python_client.py -- $P demo-server" \
    "sh -c 'exec $P demo-server < $work/canned.ndjson > /dev/null'" \
    "$P tools $URL" \
    "$PY Benchmarks/python_client.py $URL"
  pf=$(median cold 1) py=$(median cold 2) srv=$(median cold 3) pfh=$(median cold 4) pyh=$(median cold 5)
  echo
  echo "## Cold start to the tool list (whole process)"
  echo
  echo "| transport | preflight tools | Python SDK client | ratio | Preflight's own share |"
  echo "|---|---|---|---|---|"
  echo "| stdio | $(ms "$pf") | $(ms "$py") | **$(ratio "$py" "$pf")** | $(ms "$pf - $srv") (server alone: $(ms "$srv")) |"
  echo "| Streamable HTTP | $(ms "$pfh") | $(ms "$pyh") | **$(ratio "$pyh" "$pfh")** | — (server already running) |"
  kill "$server_pid" 2>/dev/null || true
  server_pid=""
fi

if wants calls; then
  N="${CALLS:-1000}"
  python3 -c "import json; print(json.dumps([{'name':'echo','arguments':{'text':'hello'}}]*1))" >"$work/calls1.json"
  python3 -c "import json; print(json.dumps([{'name':'echo','arguments':{'text':'hello'}}]*$N))" >"$work/callsN.json"
  start_http
  measure calls \
    "$P scenario --json $work/calls1.json -- $P demo-server" \
    "$P scenario --json $work/callsN.json -- $P demo-server" \
    "$PY Benchmarks/python_client.py --calls 1 -- $P demo-server" \
    "$PY Benchmarks/python_client.py --calls $N -- $P demo-server" \
    "$work/pipe_floor 1" \
    "$work/pipe_floor $N" \
    "$P scenario --json $work/calls1.json $URL" \
    "$P scenario --json $work/callsN.json $URL" \
    "$PY Benchmarks/python_client.py --calls 1 $URL" \
    "$PY Benchmarks/python_client.py --calls $N $URL" \
    "$P scenario --json $work/calls1.json -- $work/echo_server" \
    "$P scenario --json $work/callsN.json -- $work/echo_server" \
    "taskset -c 0 $P scenario --json $work/calls1.json -- $P demo-server" \
    "taskset -c 0 $P scenario --json $work/callsN.json -- $P demo-server" \
    "taskset -c 0 $PY Benchmarks/python_client.py --calls 1 -- $P demo-server" \
    "taskset -c 0 $PY Benchmarks/python_client.py --calls $N -- $P demo-server" \
    "taskset -c 0 $work/pipe_floor 1" \
    "taskset -c 0 $work/pipe_floor $N"
  rate() { python3 -c "print(f'{($N - 1) / ($(median calls "$2") - $(median calls "$1")):.0f}')"; }
  pf=$(rate 1 2) py=$(rate 3 4) floor=$(rate 5 6) pfh=$(rate 7 8) pyh=$(rate 9 10)
  pfc=$(rate 11 12)
  pf1=$(rate 13 14) py1=$(rate 15 16) floor1=$(rate 17 18)
  us() { python3 -c "print(f'{1e6 / $1:.1f} µs')"; }
  echo
  echo "## Call throughput: sequential tools/call of echo ($N calls; rate = (N−1) / (T(N) − T(1)))"
  echo
  echo "| transport | Preflight | Python SDK client | ratio | bare pipe echo pair | Preflight / floor |"
  echo "|---|---|---|---|---|---|"
  echo "| stdio | $pf calls/s | $py calls/s | **$(ratio "$pf" "$py")** | $floor round trips/s | $(python3 -c "print(f'{100 * $pf / $floor:.1f} %')") |"
  echo "| Streamable HTTP | $pfh calls/s | $pyh calls/s | **$(ratio "$pfh" "$pyh")** | — | — |"
  echo "| stdio, client and server on one core (taskset -c 0) | $pf1 calls/s | $py1 calls/s | **$(ratio "$pf1" "$py1")** | $floor1 round trips/s | $(python3 -c "print(f'{100 * $pf1 / $floor1:.1f} %')") |"
  echo
  echo "On two cores each call wakes the other process on the other core; on an idle virtual"
  echo "machine that wake-up can cost tens of µs (compare the two pipe floors), the same for both"
  echo "clients, which compresses the ratio. The one-core row takes that out for both."
  echo
  echo "Floors (stdio): a bare pipe round trip $(us "$floor"); Preflight against a minimal C echo"
  echo "server (Benchmarks/echo_server.c, so the time is nearly all Preflight's) $pfc calls/s ="
  echo "$(us "$pfc") a call, $(python3 -c "print(f'{100 * $pfc / $floor:.1f} %')") of the pipe floor;"
  echo "against the demo server $(us "$pf") a call (the demo server's share: $(python3 -c "print(f'{1e6 / $pf - 1e6 / $pfc:.1f} µs')"))."
  kill "$server_pid" 2>/dev/null || true
  server_pid=""
fi

if wants flood; then
  # The core's ingestion rate: the real stdio transport, peer, wire log and event stream, fed
  # by a C server that writes the frames as fast as the pipe takes them (docs/benchmarks.md).
  F="${FRAMES:-100000}"
  for cap in 100000 10000; do
    for _ in $(seq "${FLOOD_RUNS:-5}"); do
      "$B" flood --frames "$F" --wire-cap "$cap" -- "$work/flood_server" "$F"
    done >"$work/flood-$cap.txt"
  done
  field() { grep -o "$2=[0-9.]*" "$work/flood-$1.txt" | cut -d= -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo
  echo "## Flood: $F notifications/message through the core (median of ${FLOOD_RUNS:-5})"
  echo
  echo "| wire cap | frames/s | time | peak RSS | RSS before the flood | records kept |"
  echo "|---|---|---|---|---|---|"
  for cap in 100000 10000; do
    echo "| $cap | $(field "$cap" rate) | $(python3 -c "print(f'{$(field "$cap" seconds) * 1000:.0f} ms')") | $(field "$cap" peakMB) MB | $(field "$cap" baselineMB) MB | $(field "$cap" kept) |"
  done
fi

if wants tui && [[ -x Scripts/bench-tui.sh ]]; then
  Scripts/bench-tui.sh "$P" "$work"
fi
