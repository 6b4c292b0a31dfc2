import Foundation
import Glibc
import Testing

@testable import PreflightCore

@Suite(.timeLimit(.minutes(5))) struct StdioTransportTests {
  typealias Support = StdioTestSupport

  @Test func `cat echoes frames back in order`() async throws {
    try await Support.withServer(["cat"]) { transport, recorder in
      let frames = [
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "caf\u{E9} \u{65E5}", "3",
      ]
      for frame in frames {
        try await transport.send(Array(frame.utf8))
      }
      #expect(await recorder.waitForFrames(3))
      #expect(recorder.frameTexts == frames)
    }
  }

  @Test func `opening leaves a note naming the command and its pid`() async throws {
    try await Support.withServer(["cat", "-u"]) { transport, _ in
      let pid = try #require(transport.pid)
      let note = try #require(transport.openingNote)
      #expect(note.kind == "process")
      #expect(note.text == "started cat -u (pid \(pid))")
      #expect(kill(pid, 0) == 0)
    }
  }

  @Test func `a thousand sequential round trips through cat arrive in order`() async throws {
    let transport = Support.transport(["cat"])
    let stream = try await transport.open()
    let watchdog = Task {
      try await Task.sleep(for: .seconds(45))
      await transport.close()
    }
    var iterator = stream.makeAsyncIterator()
    let clock = ContinuousClock()
    var microseconds: [Double] = []
    for index in 0..<1_000 {
      let frame = Array("{\"jsonrpc\":\"2.0\",\"id\":\(index),\"method\":\"ping\"}".utf8)
      let start = clock.now
      try await transport.send(frame)
      var received: [UInt8]?
      while received == nil, let event = await iterator.next() {
        if case .frame(let bytes) = event {
          received = bytes
        } else if case .frames(let list) = event {
          received = list.first
        }
      }
      let elapsed = clock.now - start
      microseconds.append(
        Double(elapsed.components.attoseconds) / 1e12
          + Double(elapsed.components.seconds) * 1e6)
      #expect(received == frame, "round trip \(index)")
      if received != frame { break }
    }
    watchdog.cancel()
    await transport.close()
    let sorted = microseconds.sorted()
    let median = sorted[sorted.count / 2]
    let p90 = sorted[sorted.count * 9 / 10]
    print(
      "stdio round trip through cat: median \(Int(median)) µs, p90 \(Int(p90)) µs, "
        + "total \(Int(microseconds.reduce(0, +) / 1_000)) ms for \(microseconds.count)")
  }

  @Test func `lines that are not JSON still arrive as frames and empty lines are skipped`()
    async throws
  {
    let script = #"printf 'hello\n{not json\n\n   \n{"jsonrpc":"2.0"}\n'"#
    try await Support.withServer(Support.sh(script)) { _, recorder in
      #expect(await recorder.waitForClose() != nil)
      #expect(recorder.frameTexts == ["hello", "{not json", "   ", #"{"jsonrpc":"2.0"}"#])
    }
  }

  @Test func `a frame split across writes with pauses arrives whole`() async throws {
    let code = """
      import sys, time
      parts = [b'{"jsonrpc":', b'"2.0","id"', b':1,"result":{}}', b'\\n{"id":2', b'}\\r', b'\\n']
      for part in parts:
          sys.stdout.buffer.write(part)
          sys.stdout.buffer.flush()
          time.sleep(0.05)
      """
    try await Support.withServer(Support.python(code)) { _, recorder in
      #expect(await recorder.waitForClose() != nil)
      #expect(recorder.frameTexts == [#"{"jsonrpc":"2.0","id":1,"result":{}}"#, #"{"id":2}"#])
    }
  }

  @Test func `a 20 MB single line arrives whole and byte exact`() async throws {
    let count = 20_000_000
    let code = """
      import sys
      pattern = bytes(b for b in range(256) if b not in (10, 13))
      data = (pattern * (\(count) // len(pattern) + 1))[:\(count)]
      sys.stdout.buffer.write(data + b'\\n')
      sys.stdout.buffer.flush()
      """
    let expected = Support.bigLine(count: count)
    let clock = ContinuousClock()
    let start = clock.now
    try await Support.withServer(Support.python(code)) { _, recorder in
      #expect(await recorder.waitForFrames(1, timeout: .seconds(40)))
      print("20 MB line through stdio: \(clock.now - start) (including python start-up)")
      let frames = recorder.frames
      #expect(frames.count == 1)
      #expect(frames.first?.count == count)
      let exact = frames.first == expected
      #expect(exact)
      if frames.isEmpty {
        Issue.record("events: \(recorder.events)")
      }
    }
  }

  @Test func `a 20 MB frame sent through cat comes back whole`() async throws {
    let frame = Support.bigLine(count: 20_000_000)
    try await Support.withServer(["cat"]) { transport, recorder in
      try await transport.send(frame)
      try await transport.send(Array("after".utf8))
      #expect(await recorder.waitForFrames(2, timeout: .seconds(40)))
      let frames = recorder.frames
      #expect(frames.count == 2)
      let exact = frames.first == frame
      #expect(exact)
      #expect(frames.last == Array("after".utf8))
    }
  }

  @Test func `a process that keeps the pipes open does not hold up the end of the stream`()
    async throws
  {
    let clock = ContinuousClock()
    let start = clock.now
    try await Support.withServer(Support.sh("sleep 30 & exit 4")) { _, recorder in
      let reason = await recorder.waitForClose()
      #expect(reason == .processExited(status: 4, signal: nil, lastStderr: []))
      // The grandchild holds the pipes for 30 s; ending long before proves we stopped reading.
      #expect(clock.now - start < .seconds(15))
      #expect(
        recorder.notes.contains {
          $0.hasSuffix("still holds its stdout or stderr; stopped reading")
        })
    }
  }

  @Test func `the command line is quoted for notes where needed`() {
    let command = StdioCommand(["python3", "-c", "print('hi there')", "--name=x", ""])
    #expect(command.displayText == #"python3 -c 'print('\''hi there'\'')' --name=x ''"#)
    #expect(command.programName == "python3")
  }

  @Test func `CRLF line endings are tolerated`() async throws {
    let script = #"printf 'one\r\ntwo\r\n\r\nthree\n'"#
    try await Support.withServer(Support.sh(script)) { _, recorder in
      #expect(await recorder.waitForClose() != nil)
      #expect(recorder.frameTexts == ["one", "two", "three"])
    }
  }

  @Test func `stdout bytes that are not UTF-8 are kept and stderr is repaired`() async throws {
    let code = #"""
      import sys
      sys.stdout.buffer.write(b'\xff\xfe{}\n')
      sys.stdout.buffer.flush()
      sys.stderr.buffer.write(b'bad \xff byte\n')
      sys.stderr.buffer.flush()
      """#
    try await Support.withServer(Support.python(code)) { _, recorder in
      #expect(await recorder.waitForClose() != nil)
      #expect(recorder.frames == [[0xFF, 0xFE, 0x7B, 0x7D]])
      #expect(recorder.stderrLines == ["bad \u{FFFD} byte"])
    }
  }

  @Test func `stderr lines arrive as stderr events and never as frames`() async throws {
    let script = #"""
      echo "log one" >&2; echo '{"jsonrpc":"2.0"}'; echo "log two" >&2; printf 'no newline' >&2
      """#
    try await Support.withServer(Support.sh(script)) { _, recorder in
      #expect(await recorder.waitForClose() != nil)
      #expect(recorder.stderrLines == ["log one", "log two", "no newline"])
      #expect(recorder.frameTexts == [#"{"jsonrpc":"2.0"}"#])
    }
  }

  @Test func `exit status and the last stderr lines are reported when the server exits`()
    async throws
  {
    let script = #"i=1; while [ $i -le 25 ]; do echo "line $i" >&2; i=$((i+1)); done; exit 7"#
    try await Support.withServer(Support.sh(script)) { transport, recorder in
      let reason = await recorder.waitForClose()
      let lastTen = (16...25).map { "line \($0)" }
      #expect(reason == .processExited(status: 7, signal: nil, lastStderr: lastTen))
      #expect(recorder.closeReasons.count == 1)
      #expect(transport.recentStderr == (6...25).map { "line \($0)" })
      #expect(recorder.stderrLines.count == 25)
    }
  }

  @Test func `a server killed by a signal is reported with the signal`() async throws {
    try await Support.withServer(Support.sh("echo dying >&2; kill -KILL $$")) { _, recorder in
      let reason = await recorder.waitForClose()
      #expect(reason == .processExited(status: nil, signal: SIGKILL, lastStderr: ["dying"]))
    }
  }

  @Test func `close ends a well behaved server by closing its stdin without signals`()
    async throws
  {
    let transport = Support.transport(["cat"])
    let recorder = StdioEventRecorder(try await transport.open())
    try await transport.send(Array("x".utf8))
    #expect(await recorder.waitForFrames(1))
    async let first: Void = transport.close()
    async let second: Void = transport.close()
    _ = await (first, second)
    await transport.close()
    #expect(await recorder.waitForClose() == .local)
    #expect(recorder.closeReasons == [.local])
    #expect(!recorder.notes.contains { $0.contains("SIGTERM") || $0.contains("SIGKILL") })
    #expect(recorder.notes.contains { $0.hasPrefix("shutting down: closed the server's stdin") })
    #expect(recorder.notes.last?.hasSuffix("exited with status 0") == true)
    if case .closed = recorder.events.last {} else { Issue.record("last event is not .closed") }
    await #expect(throws: TransportError.self) { try await transport.send(Array("y".utf8)) }
  }

  @Test func `close escalates to SIGKILL for a server that ignores SIGTERM`() async throws {
    let script = "trap '' TERM; echo ready >&2; sleep 30; echo unreachable >&2"
    let transport = Support.transport(
      Support.sh(script), stdinGrace: .milliseconds(200), terminateGrace: .milliseconds(300))
    let recorder = StdioEventRecorder(try await transport.open())
    #expect(await recorder.waitForStderr("ready"))
    let pid = try #require(transport.pid)
    let clock = ContinuousClock()
    let start = clock.now
    await transport.close()
    let elapsed = clock.now - start
    // The server would sleep 30 s; ending well before that proves the escalation.
    #expect(elapsed < .seconds(28), "close took \(elapsed)")
    #expect(elapsed >= .milliseconds(500))
    #expect(await recorder.waitForClose() == .local)
    let notes = recorder.notes
    #expect(notes.contains("sent SIGTERM to process group \(pid), waiting up to 0.3 s"))
    #expect(notes.contains("sent SIGKILL to process group \(pid)"))
    #expect(notes.contains("server process \(pid) was killed by signal 9"))
    // The `sleep` in the same group died too: otherwise it would hold the pipes open.
    #expect(!notes.contains { $0.contains("still holds") })
  }

  @Test func `environment variables and the working directory are passed to the server`()
    async throws
  {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-stdio-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    let script = #"echo "$PREFLIGHT_STDIO_TEST"; pwd -P; echo "${PATH:+inherited}""#
    try await Support.withServer(
      Support.sh(script), environment: ["PREFLIGHT_STDIO_TEST": "hello world"],
      workingDirectory: directory
    ) { _, recorder in
      #expect(await recorder.waitForClose() != nil)
      #expect(recorder.frameTexts == ["hello world", resolved, "inherited"])
    }
  }

  @Test func `a missing command gives a clear error naming it and no environment value`()
    async throws
  {
    let transport = Support.transport(
      ["preflight-no-such-command", "--flag"], environment: ["API_TOKEN": "s3cr3t-value"])
    let error = await #expect(throws: TransportError.self) { try await transport.open() }
    #expect(
      error?.message
        == "cannot start 'preflight-no-such-command': no such file or directory in PATH")
    #expect(error?.message.contains("s3cr3t") == false)
    await transport.close()
  }

  @Test func `a missing path, a file that is not executable and a missing directory are reported`()
    async throws
  {
    let missing = Support.transport(["/nonexistent/preflight-server"])
    let missingError = await #expect(throws: TransportError.self) { try await missing.open() }
    #expect(
      missingError?.message
        == "cannot start '/nonexistent/preflight-server': no such file or directory")

    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-stdio-\(UUID().uuidString).txt").path
    #expect(FileManager.default.createFile(atPath: file, contents: Data("text".utf8)))
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect(chmod(file, 0o644) == 0)
    let notExecutable = Support.transport([file])
    let permissionError = await #expect(throws: TransportError.self) {
      try await notExecutable.open()
    }
    #expect(permissionError?.message == "cannot start '\(file)': permission denied")

    let badDirectory = Support.transport(["cat"], workingDirectory: "/nonexistent/preflight-dir")
    let directoryError = await #expect(throws: TransportError.self) {
      try await badDirectory.open()
    }
    #expect(
      directoryError?.message
        == "cannot start 'cat': working directory '/nonexistent/preflight-dir' does not exist")

    let empty = Support.transport([])
    await #expect(throws: TransportError.self) { try await empty.open() }
  }

  @Test func `sending after the server has exited throws instead of crashing`() async throws {
    try await Support.withServer(Support.sh("exit 0")) { transport, recorder in
      #expect(
        await recorder.waitForClose() == .processExited(status: 0, signal: nil, lastStderr: []))
      let error = await #expect(throws: TransportError.self) {
        try await transport.send(Array("{}".utf8))
      }
      #expect(error?.message == "cannot send to '/bin/sh': the server process has exited")
    }
  }

  @Test func `sending to a server that closed its stdin throws a broken pipe error`() async throws {
    let script = "exec 0<&-; echo closed >&2; sleep 30"
    try await Support.withServer(
      Support.sh(script), stdinGrace: .milliseconds(100), terminateGrace: .milliseconds(500)
    ) { transport, recorder in
      #expect(await recorder.waitForStderr("closed"))
      let error = await #expect(throws: TransportError.self) {
        try await transport.send(Array("{}".utf8))
      }
      #expect(error?.message.contains("broken pipe") == true)
    }
  }

  @Test func `a transport is opened once and refuses to send before it is open`() async throws {
    let transport = Support.transport(["cat"])
    await #expect(throws: TransportError.self) { try await transport.send([0x31]) }
    let recorder = StdioEventRecorder(try await transport.open())
    await #expect(throws: TransportError.self) { _ = try await transport.open() }
    await transport.close()
    #expect(await recorder.waitForClose() == .local)

    let neverOpened = Support.transport(["cat"])
    await neverOpened.close()
    await #expect(throws: TransportError.self) { _ = try await neverOpened.open() }
  }

  @Test func `the server runs in its own process group and inherits no other descriptors`()
    async throws
  {
    let stray = open("/dev/null", O_RDONLY)
    #expect(stray > 2)
    defer { _ = Glibc.close(stray) }
    let code = """
      import os
      def is_open(fd):
          try:
              os.fstat(fd)
              return True
          except OSError:
              return False
      print(os.getpgrp() == os.getpid())
      print([fd for fd in range(3, 4096) if is_open(fd)])
      """
    try await Support.withServer(Support.python(code)) { transport, recorder in
      #expect(await recorder.waitForClose() != nil)
      #expect(recorder.frameTexts == ["True", "[]"])
      let pid = try #require(transport.pid)
      #expect(getpgid(pid) == -1)
    }
  }

  @Test func `the server starts with no standard signal ignored or blocked`() async throws {
    // This process ignores SIGPIPE; the server must not inherit that. (glibc's posix_spawn
    // always leaves its two internal real-time signals, 32 and 33, ignored: not checked.)
    let script = "exec grep -E '^Sig(Ign|Blk)' /proc/self/status"
    try await Support.withServer(Support.sh(script)) { _, recorder in
      #expect(await recorder.waitForClose() != nil)
      let masks = recorder.frameTexts.compactMap { line -> (String, UInt64)? in
        let parts = line.split(separator: "\t")
        guard parts.count == 2, let mask = UInt64(parts[1], radix: 16) else { return nil }
        return (String(parts[0]), mask)
      }
      #expect(masks.map(\.0) == ["SigBlk:", "SigIgn:"])
      for (name, mask) in masks {
        #expect(mask & 0x7FFF_FFFF == 0, "\(name) \(String(mask, radix: 16))")
      }
    }
  }
}
