#!/usr/bin/env bash
# The whole test suite, from a fresh clone: prepares what the tests need, then runs them.
#   - Python virtual environments with the pinned MCP servers (Scripts/setup-python.sh)
#   - a debug build of the package and its tests
#   - every test target (unit, interop against the Python SDK and reference servers, end to end)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# System parts: ncursesw headers for the build, tmux for the TUI's end-to-end tests.
missing=()
[ -e /usr/include/ncursesw/curses.h ] || missing+=(libncurses-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

Scripts/setup-python.sh

# Interop tests fail instead of skipping when their servers are missing.
export PREFLIGHT_REQUIRE_INTEROP=1
export PREFLIGHT_REQUIRE_TMUX=1
swift build --build-tests
swift test --skip-build "$@"
