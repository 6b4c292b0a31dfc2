#!/usr/bin/env bash
# Runs Preflight from a fresh clone: installs the ncursesw headers the build needs if they are
# missing, then `swift run preflight` with your arguments (none: the built-in demo server).
#   Scripts/run.sh                      # the TUI on the demo server
#   Scripts/run.sh -- python server.py  # the TUI on your stdio server
#   Scripts/run.sh tools https://example.com/mcp
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -e /usr/include/ncursesw/curses.h ]; then
  echo "run.sh: installing libncurses-dev" >&2
  apt-get update -qq && apt-get install -y -qq libncurses-dev >/dev/null
fi
swift build --product preflight >&2
exec "$(swift build --show-bin-path)/preflight" "$@"
