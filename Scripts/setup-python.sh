#!/usr/bin/env bash
# Creates the two Python virtual environments the interop tests run against:
#   .venv-mcp2  mcp==2.3.0 mcp-server-time==2026.10.19 mcp-server-git==2026.10.19 (+ HTTP pins)
#   .venv-mcp1  mcp==1.30.0 (+ HTTP pins)
# Idempotent: each venv holds a marker file with its pins; when the marker
# matches, the venv is reused as is, otherwise it is rebuilt from scratch.
# Set PYTHON to choose the interpreter (default: python3; needs 3.10 or later).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
MARKER_NAME=".preflight-pins"

fail() {
  echo "setup-python: error: $*" >&2
  exit 1
}

command -v "$PYTHON" >/dev/null 2>&1 || fail "'$PYTHON' not found; install Python 3.10+ or set PYTHON"
# One interpreter start-up: prints the version, or says what is missing.
PY_VERSION="$("$PYTHON" -c '
import sys
if sys.version_info < (3, 10):
    sys.exit("Python %s is too old; mcp needs Python 3.10 or later (set PYTHON)" % sys.version.split()[0])
try:
    import venv, ensurepip
except ImportError:
    sys.exit("the venv module is unavailable (on Debian/Ubuntu: apt-get install python3-venv)")
print(sys.version.split()[0])
' 2>&1)" || fail "${PY_VERSION:-'$PYTHON' failed to run}"

# Serialise concurrent runs (e.g. parallel test processes) where flock exists.
if command -v flock >/dev/null 2>&1; then
  exec 9<"${BASH_SOURCE[0]}"
  flock 9
fi

# ensure_venv NAME PIN...
ensure_venv() {
  local name="$1"
  shift
  local dir="$ROOT/$name"
  local want
  want="python $PY_VERSION: $*"

  if [[ -f "$dir/$MARKER_NAME" && "$(cat "$dir/$MARKER_NAME")" == "$want" ]] \
    && "$dir/bin/python" -c '' >/dev/null 2>&1; then
    echo "$name: ready ($*)"
    return
  fi

  local start=$SECONDS
  rm -rf "$dir"
  "$PYTHON" -m venv "$dir" || fail "could not create $dir with '$PYTHON -m venv'"
  if ! "$dir/bin/python" -m pip install --quiet --no-input "$@" >"$dir/pip.log" 2>&1; then
    tail -n 20 "$dir/pip.log" >&2
    fail "pip install $* into $name failed (full log: $dir/pip.log)"
  fi
  echo "$want" >"$dir/$MARKER_NAME"
  echo "$name: created ($*) in $((SECONDS - start))s"
}

# The HTTP servers' framing (CRLF SSE lines, keep-alive comments) comes from these, which mcp
# leaves unpinned; pinning them keeps the interop facts reproducible.
HTTP_PINS="uvicorn==0.54.0 starlette==1.10.0 sse-starlette==3.7.0"
# shellcheck disable=SC2086
ensure_venv .venv-mcp2 mcp==2.3.0 mcp-server-time==2026.10.19 mcp-server-git==2026.10.19 $HTTP_PINS
# shellcheck disable=SC2086
ensure_venv .venv-mcp1 mcp==1.30.0 $HTTP_PINS
