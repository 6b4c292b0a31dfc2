import PreflightCore
import PreflightUI
import TerminalGrid
import Testing

/// Ping on demand (P) and the log pane's lines for server requests and cancellation.
@Suite struct ProtocolExtrasTests {
  @Test func `P pings a connected server and shows the round trip in the status line and log`() {
    var state = UIFixtures.state()
    #expect(AppUpdate.update(&state, .key(.character("P"))) == [.ping])
    #expect(state.notice == "ping sent…")
    #expect(AppUpdate.update(&state, .pinged(.microseconds(3_250))).isEmpty)
    #expect(state.notice == "ping: the server answered in 3.3 ms")
    #expect(state.log.entries.last?.tag == "ping")
    #expect(state.log.entries.last?.text == "ping: the server answered in 3.3 ms")
    _ = AppUpdate.update(&state, .pingFailed("ping: no answer within 60 s"))
    #expect(state.notice == "ping failed: ping: no answer within 60 s")
  }

  @Test func `P without a connection sends nothing and says why`() {
    var state = AppState(
      size: Size(width: 80, height: 24),
      header: HeaderInfo(target: "x", transport: "stdio", profile: "full", policy: "chatgpt"),
      policy: .chatgpt)
    #expect(AppUpdate.update(&state, .key(.character("P"))).isEmpty)
    #expect(state.notice == "not connected — press R to restart")
  }

  @Test func `the key map binds P to ping, listed in the help`() {
    let binding = KeyMap.standard.bindings.first { $0.action == .ping }
    #expect(binding?.keys == [.character("P")])
    #expect(KeyMap.standard.action(for: .character("P"), mode: .normal, focus: .tools) == .ping)
  }

  @Test(arguments: [
    ("elicitation-answered", "request"), ("sampling-answered", "request"),
    ("roots-answered", "request"), ("cancel-requested", "cancel"), ("late-response", "late"),
    ("progress-off", "progress"),
  ])
  func `server requests, cancels and late answers appear in the log pane`(
    kind: String, tag: String
  ) {
    let record = WireRecord(
      seq: 7, timeMillis: 1_795_003_263_114, direction: .local, transport: "stdio",
      body: .local(kind: kind, text: "what happened", details: nil), byteCount: 0)
    var pane = LogPane()
    pane.append([record])
    #expect(pane.entries.map(\.tag) == [tag])
    #expect(pane.entries.map(\.text) == ["what happened"])
  }

  @Test func `x cancels the running call and says so; with none running it says that`() {
    var state = UIFixtures.state()
    #expect(AppUpdate.update(&state, .key(.character("x"))).isEmpty)
    #expect(state.notice == "no call is running")
    state.busy = true
    #expect(AppUpdate.update(&state, .key(.character("x"))) == [.cancelCall])
    #expect(
      state.notice
        == "cancelling the call: notifications/cancelled sent; a late answer is ignored")
  }

  @Test func `L cycles the server's logging level when it declares logging`() {
    var state = UIFixtures.state()
    state.server?.capabilities = ["tools": [:], "logging": [:]]
    #expect(AppUpdate.update(&state, .key(.character("L"))) == [.setLogLevel("debug")])
    _ = AppUpdate.update(&state, .logLevelSet("debug"))
    #expect(state.notice == "the server now logs at debug and above")
    #expect(state.log.entries.last?.text == "logging/setLevel debug accepted")
    #expect(AppUpdate.update(&state, .key(.character("L"))) == [.setLogLevel("info")])
    _ = AppUpdate.update(&state, .logLevelSet("error"))
    #expect(AppUpdate.update(&state, .key(.character("L"))) == [.setLogLevel("debug")])
  }

  @Test func `L on a server without logging sends nothing and says why`() {
    var state = UIFixtures.state()
    state.server?.capabilities = ["tools": [:]]
    #expect(AppUpdate.update(&state, .key(.character("L"))).isEmpty)
    #expect(
      state.notice
        == "the server does not declare logging, so it cannot be asked to change level")
  }

  @Test func `durations are shown in milliseconds with one decimal`() {
    #expect(AppUpdate.milliseconds(.milliseconds(12)) == "12.0 ms")
    #expect(AppUpdate.milliseconds(.microseconds(450)) == "0.5 ms")
    #expect(AppUpdate.milliseconds(.seconds(2)) == "2000.0 ms")
  }
}
