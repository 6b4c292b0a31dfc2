import Glibc

// A write to a server that has exited must fail with EPIPE, not kill Preflight.
signal(SIGPIPE, SIG_IGN)
let code = await PreflightMain.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code)
