/// `preflight-bench`: measurements taken inside Preflight's core, for `Scripts/bench.sh`.
///
///     preflight-bench flood [--frames N] [--wire-cap N] -- SERVER [ARGS...]
///
/// Not installed with Preflight and not part of its command line: a benchmark tool.
enum BenchMain {
  static let usage = """
    usage: preflight-bench flood [--frames N] [--wire-cap N] -- SERVER [ARGS...]
      Connects to SERVER over stdio (Benchmarks/flood_server.c: it sends N notifications/message
      frames right after the handshake), waits until the core has ingested all of them, and
      prints one line: frames, seconds, frames/s, peak RSS, records kept by the wire log.
    """

  /// Runs the command line; returns the exit status.
  static func run(arguments: [String]) async -> Int32 {
    var args = arguments[...]
    guard args.popFirst() == "flood" else {
      print(usage)
      return 2
    }
    var frames = 100_000
    var cap = 100_000
    while let option = args.first, option != "--" {
      args.removeFirst()
      guard let value = args.popFirst().flatMap({ Int($0) }), value > 0 else {
        print(usage)
        return 2
      }
      switch option {
      case "--frames": frames = value
      case "--wire-cap": cap = value
      default:
        print(usage)
        return 2
      }
    }
    guard args.popFirst() == "--", !args.isEmpty else {
      print(usage)
      return 2
    }
    do {
      let result = try await FloodBenchmark(
        server: Array(args), frames: frames, wireCap: cap
      ).run()
      print(result.line)
      return 0
    } catch {
      print("preflight-bench: \(error.message)")
      return 1
    }
  }
}
