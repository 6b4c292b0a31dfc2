"""An "MCP server" that dies before answering initialize. Needs only Python 3, no SDK:

    python3 Tests/InteropTests/Fixtures/exits_early.py

It writes two lines to stderr and exits with status 3 straight away, without reading
stdin or writing anything to stdout, like a server started without its API key:

    starting exits-early fixture
    fatal: missing API key EXAMPLE

Because it does not read stdin, it may be gone before a client writes initialize; the
client's write can then fail with EPIPE (or SIGPIPE), which it must survive.
"""

import sys

sys.stderr.write("starting exits-early fixture\n")
sys.stderr.write("fatal: missing API key EXAMPLE\n")
sys.stderr.flush()
sys.exit(3)
