#!/usr/bin/env bash
# The whole test suite, from a fresh clone: prepares what the tests need, then runs them.
#   - Python virtual environments with the pinned MCP servers (Scripts/setup-python.sh)
#   - a debug build of the package and its tests
#   - every test target (unit, interop against the Python SDK and reference servers, end to end)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

Scripts/setup-python.sh

# Interop tests fail instead of skipping when their servers are missing.
export PREFLIGHT_REQUIRE_INTEROP=1
swift build --build-tests
swift test --skip-build "$@"
