import Foundation
import PreflightCore
import Synchronization

/// The flood benchmark: how fast the core ingests a server's notifications.
///
/// The real path, as the TUI uses it: the stdio transport's reader thread splits the pipe into
/// frames, the JSON-RPC peer parses each one, records it in the wire log (redaction included),
/// classifies it and yields it as an event; a wire-log observer sees every record (the TUI's
/// inbox hangs there) and a task drains the events. The server
/// (`Benchmarks/flood_server.c`) writes the frames right after the handshake; the run ends when
/// the answer to a `ping` sent after the handshake arrives, which the server writes after its
/// last notification, so every frame has been through the core by then.
struct FloodBenchmark {
  /// The server's command line.
  var server: [String]
  /// How many notifications the server sends (it is told the same number).
  var frames: Int
  /// The wire log's in-memory cap (`--wire-cap`).
  var wireCap: Int

  private struct Seen {
    var first: ContinuousClock.Instant?
    var notifications = 0
  }

  /// Connects, waits out the flood, closes; throws if the server misbehaves.
  func run() async throws(BenchFailure) -> FloodResult {
    let clock = ContinuousClock()
    let seen = Mutex(Seen())
    let log = WireLog(capacity: wireCap)
    log.addObserver { record in
      guard record.direction == .inbound,
        record.message?["method"]?.stringValue == "notifications/message"
      else { return }
      let now = clock.now
      seen.withLock { s in
        if s.first == nil { s.first = now }
        s.notifications += 1
      }
    }
    let session = MCPClientSession(
      transport: StdioTransport(commandLine: server), profile: .chatgpt, log: log)
    let events = session.peer.events
    let drained = Task.detached {
      var count = 0
      for await event in events {
        if case .notification = event { count += 1 }
      }
      return count
    }
    do {
      _ = try await session.connect()
    } catch {
      await session.close()
      throw BenchFailure(message: "cannot connect: \(error)")
    }
    let baseline = Self.memory("VmRSS")
    do {
      _ = try await session.request("ping")
    } catch {
      await session.close()
      throw BenchFailure(message: "the ping after the flood failed: \(error)")
    }
    let end = clock.now
    let peak = Self.memory("VmHWM")
    let (first, count) = seen.withLock { ($0.first, $0.notifications) }
    await session.close()
    _ = await drained.value
    guard let first, count == frames else {
      throw BenchFailure(message: "expected \(frames) notifications, the core saw \(count)")
    }
    let elapsed = end - first
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return FloodResult(
      frames: count, seconds: seconds, peakBytes: peak, baselineBytes: baseline,
      recordsKept: log.records.count, recordsEvicted: log.evictedCount)
  }

  /// A memory figure of this process from `/proc/self/status` (`VmRSS`, `VmHWM`), in bytes.
  static func memory(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
      let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
      return (Int(digits) ?? 0) * 1024
    }
    return 0
  }
}
