import Foundation
import PreflightCore
import PreflightJSON
import Testing

/// The wire log of whole sessions with real servers: order, numbering, completeness.
@Suite(Interop.gate, .timeLimit(.minutes(5)))
struct WireLogTests {
  /// One session (connect, three pages of tools/list, close) with the mcp 1.x paginated server.
  @Test func `the wire log holds one session in order with every frame`() async throws {
    let line = SDKLine.mcp1
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-interop-\(UUID().uuidString).ndjson").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    let tap = TappedTransport(Interop.stdio(line.paginated))
    let session = try await Interop.withSession(transport: tap, profile: .full) { session in
      try session.log.attachFile(path: file)
      _ = try await session.connect()
      let count = try await session.listTools().tools.count
      #expect(count == 25)
      return session
    }
    let log = session.log
    log.closeFile()
    let records = log.records

    // Numbered from 1 without gaps, nothing evicted.
    #expect(records.map(\.seq) == Array(1...records.count))
    #expect(log.evictedCount == 0)
    #expect(records.last?.localKind == "closed")
    // The transport's "started" note is recorded when it opens, before anything is sent.
    let started = try #require(records.first { $0.localKind == "process" })
    #expect(started.localText?.hasPrefix("started ") == true)
    #expect(started.seq == 1)

    // The frames, in order.
    let frames = records.filter(\.isFrame)
    #expect(
      frames.map(\.summary) == [
        "out initialize #1", "in result #1", "out notifications/initialized",
        "out tools/list #2", "in result #2", "out tools/list #3", "in result #3",
        "out tools/list #4", "in result #4",
      ])
    #expect(frames.allSatisfy { $0.transport == "stdio" && $0.byteCount > 0 })

    // Every frame that crossed the transport is in the log, byte counts and contents alike.
    let inbound = frames.filter { $0.direction == .inbound }
    #expect(inbound.count == tap.inbound.count)
    for (record, bytes) in zip(inbound, tap.inbound) {
      #expect(record.byteCount == bytes.count)
      #expect(record.message == (try? JSONParser.parse(bytes)))
    }
    let outbound = frames.filter { $0.direction == .outbound }
    #expect(outbound.count == tap.outbound.count)
    for (record, bytes) in zip(outbound, tap.outbound) {
      #expect(record.byteCount == bytes.count)
      #expect(record.message.map(JSONPrinter.compactBytes) == bytes)
    }

    // The NDJSON file holds the same records, line for line.
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.last == "")
    let parsed = lines.dropLast().map { try? JSONParser.parse(String($0)) }
    #expect(parsed == records.map { Optional($0.json) })
  }

  /// A server that is gone before `initialize` is even written (held back here until the
  /// transport has reported the exit; on a loaded machine it happens by itself): the write fails,
  /// and the session must still say how the server exited and what it wrote to stderr.
  @Test func `a server gone before initialize is written is reported with its exit status`()
    async throws
  {
    let command = Interop.fixture("exits_early.py", venv: Interop.venv2)
    let tap = TappedTransport(Interop.stdio(command), holdingFirstSendUntilClosed: true)
    let session = try await Interop.withSession(transport: tap) { session in
      do throws(SessionError) {
        let info = try await session.connect()
        Issue.record("connect succeeded: \(info)")
      } catch {
        guard case .connection(let text) = error else {
          Issue.record("expected SessionError.connection, got \(error)")
          return session
        }
        #expect(text.contains("exited with status 3"), "\(text)")
        #expect(text.contains("fatal: missing API key EXAMPLE"), "\(text)")
        #expect(!text.contains("cannot send"), "\(text)")
      }
      return session
    }
    let records = session.log.records
    #expect(records.contains { $0.localKind == "server-exited" })
    #expect(records.contains { $0.stderrLine == "fatal: missing API key EXAMPLE" })
  }
}
