import PreflightCore
import PreflightJSON
import Testing

/// Python servers that print stray lines on stdout or die: the session reports what happened
/// and keeps every byte in the wire log.
@Suite(Interop.gate, .timeLimit(.minutes(5)))
struct MisbehavingServerTests {
  @Test func `a non-JSON line on stdout is kept raw and the session still works`() async throws {
    let command = Interop.fixture("noisy_stdout.py", venv: Interop.venv1)
    let session = try await Interop.withConnectedSession(command) { session, info in
      #expect(info.name == "noisy-stdout")
      #expect(info.version == "1.30.0")
      let listing = try await session.listTools()
      #expect(listing.tools.compactMap { $0["name"]?.stringValue } == ["echo"])
      let result = try await session.callTool("echo", arguments: ["text": "still here"])
      #expect(Interop.texts(result) == ["still here"])
      return session
    }
    let log = session.log
    let frames = log.records.filter { $0.isFrame && $0.direction == .inbound }
    // The first line the server wrote, before the initialize response, kept as it was.
    #expect(frames.first?.rawText == "this is not JSON")
    #expect(frames.first?.byteCount == "this is not JSON".utf8.count)
    if case .raw(_, let reason)? = frames.first?.body {
      #expect(reason.hasPrefix("not JSON"))
    }
    let initialize = try #require(log.outbound("initialize").first)
    let initialized = try #require(log.response(to: initialize.message?["id"]))
    #expect(frames.dropFirst().first?.seq == initialized.seq)

    // The noise during the call: raw, after the request and before its response.
    let call = try #require(log.outbound("tools/call").first)
    let answer = try #require(log.response(to: call.message?["id"]))
    let noise = log.records.filter { $0.rawText == "noise during tools/call" }
    #expect(noise.count == 1)
    #expect(noise.allSatisfy { $0.seq > call.seq && $0.seq < answer.seq })
    #expect(log.records.filter { $0.rawText != nil }.count == 2)

    let events = await Interop.events(of: session)
    let invalid = events.compactMap { event -> Int? in
      if case .invalidFrame(_, let seq) = event { return seq }
      return nil
    }
    #expect(invalid == [frames.first?.seq, noise.first?.seq].compactMap { $0 })
  }

  @Test func `a server that exits at once fails connect with its status and stderr`() async throws {
    // Any Python 3 runs this fixture; the venv's interpreter avoids shims on PATH.
    let command = Interop.fixture("exits_early.py", venv: Interop.venv2)
    let session = try await Interop.withSession(command) { session in
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
        #expect(error.exitCode == 3)
      }
      return session
    }
    #expect(
      await session.peer.closed
        == .processExited(
          status: 3, signal: nil,
          lastStderr: ["starting exits-early fixture", "fatal: missing API key EXAMPLE"]))
    let records = session.log.records
    #expect(
      records.compactMap(\.stderrLine) == [
        "starting exits-early fixture", "fatal: missing API key EXAMPLE",
      ])
    let exited = try #require(records.first { $0.localKind == "server-exited" })
    #expect(exited.localText?.contains("exited with status 3") == true)
    let lastStderr = try #require(records.last { $0.stderrLine != nil })
    #expect(exited.seq > lastStderr.seq)
    #expect(!records.contains { $0.direction == .inbound && $0.isFrame })
  }

  @Test func `a server that exits during a call fails that call with its status and stderr`()
    async throws
  {
    let command = Interop.fixture("exits_mid_call.py", venv: Interop.venv2)
    let session = try await Interop.withConnectedSession(command) { session, info in
      #expect(info.name == "exits-mid-call")
      #expect(info.version == "1.0.0")
      let listing = try await session.listTools()
      #expect(listing.tools.compactMap { $0["name"]?.stringValue } == ["echo", "crash"])
      let echoed = try await session.callTool("echo", arguments: ["text": "before the crash"])
      #expect(Interop.texts(echoed) == ["before the crash"])

      do throws(SessionError) {
        let result = try await session.callTool("crash", arguments: [:])
        Issue.record("crash returned: \(result)")
      } catch {
        guard case .connection(let text) = error else {
          Issue.record("expected SessionError.connection, got \(error)")
          return session
        }
        #expect(text.contains("exited with status 7"), "\(text)")
        #expect(text.contains("crash: exiting with status 7"), "\(text)")
      }
      // The session is over: the next request fails at once, saying why.
      do throws(SessionError) {
        _ = try await session.listTools()
        Issue.record("listing tools after the exit succeeded")
      } catch {
        #expect(error.description.contains("exited with status 7"), "\(error)")
      }
      return session
    }
    let closed = await session.peer.closed
    guard case .processExited(let status, let signal, let lastStderr)? = closed else {
      Issue.record("expected the process to have exited, got \(String(describing: closed))")
      return
    }
    #expect(status == 7)
    #expect(signal == nil)
    #expect(lastStderr.last == "crash: exiting with status 7")
    let records = session.log.records
    let crash = try #require(records.first { $0.stderrLine == "crash: exiting with status 7" })
    let exited = try #require(records.first { $0.localKind == "server-exited" })
    #expect(exited.seq > crash.seq)
    #expect(exited.localText?.contains("exited with status 7") == true)
    // The crash call went out and got no answer.
    let call = try #require(session.log.outbound("tools/call").last?.message)
    #expect(call["params"]?["name"] == "crash")
    #expect(session.log.response(to: call["id"]) == nil)
  }
}
