import HostFlow
import PreflightJSON
import PreflightUI
import Testing

/// A widget-only tool goes to the host flow without a card: the flow refuses it with the reason.
@Suite struct WidgetOnlyCallTests {
  @Test func `calling a widget-only write tool opens no card and lets the host flow refuse it`() {
    let hidden: JSONValue = [
      "name": "refresh_widget", "inputSchema": ["type": "object", "properties": [:]],
      "annotations": ["readOnlyHint": false], "_meta": ["ui": ["visibility": ["app"]]],
    ]
    var state = UIFixtures.state(tools: [hidden])
    var effects = AppUpdate.update(&state, .key(.character("c")))
    if state.mode == .form { effects += AppUpdate.update(&state, .key(.enter)) }
    #expect(state.mode != .approval, "no approval card for a tool the model cannot call")
    let sent = effects.contains {
      if case .runCall(let request) = $0 {
        return request.call.name == "refresh_widget" && request.answer == nil
      }
      return false
    }
    #expect(sent, "\(effects)")
  }
}
