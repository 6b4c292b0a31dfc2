#!/usr/bin/env bash
# Wall time of `preflight tools` against the demo server, beside the official Python SDK client
# doing the same work against the same server, in one run (hyperfine; medians reported).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
Scripts/setup-python.sh >/dev/null
swift build -c release --product preflight >/dev/null
P=.build/release/preflight
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-json /tmp/preflight-bench-tools.json \
  "$P tools" \
  "$P tools -- $P demo-server" \
  ".venv-mcp2/bin/python Benchmarks/python_list_tools.py $P demo-server"
python3 - <<'PY'
import json
data = json.load(open("/tmp/preflight-bench-tools.json"))["results"]
print()
print("| command | median | mean ± σ |")
print("|---|---|---|")
for r in data:
    print(f"| `{r['command']}` | {r['median']*1000:.1f} ms | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms |")
base = data[0]["median"]
print()
print(f"Python SDK client / preflight tools (medians): {data[-1]['median']/base:.1f}x")
PY
