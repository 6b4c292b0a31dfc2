import PreflightCore
import Testing

@testable import PreflightUI

/// What the log pane takes from wire records of Preflight's own.
@Suite struct LogPaneTests {
  @Test func `the --insecure TLS warning is shown in the log pane`() {
    var state = UIFixtures.state()
    let text = "TLS certificates are not verified (--insecure): any certificate is accepted"
    let record = WireRecord(
      seq: 900, timeMillis: 1_795_003_263_114, direction: .local, transport: "http",
      body: .local(kind: "tls-warning", text: text, details: nil), byteCount: 0)
    _ = AppUpdate.update(&state, .wire([record]))
    let entry = state.log.entries.last
    #expect(entry?.tag == "insecure")
    #expect(entry?.text == text)
    #expect(entry?.seq == 900)
  }

  @Test func `other local records stay out of the log pane`() {
    var pane = LogPane()
    pane.append([
      WireRecord(
        seq: 1, timeMillis: 0, direction: .local, transport: "http",
        body: .local(kind: "transport-chosen", text: "Streamable HTTP", details: nil),
        byteCount: 0)
    ])
    #expect(pane.entries.isEmpty)
  }
}
