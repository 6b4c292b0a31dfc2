import Glibc

// A write to a server that has exited must fail with EPIPE, not kill the benchmark.
signal(SIGPIPE, SIG_IGN)
let code = await BenchMain.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code)
