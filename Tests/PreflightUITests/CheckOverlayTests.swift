import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import ServerCheck
import TerminalGrid
import Testing

/// The connector check overlay: C runs the check, its report is shown by severity, Esc closes it.
@Suite struct CheckOverlayTests {
  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  /// The report of the rule engine on the fixture tools, as the effect runner would post it.
  static func report() -> CheckReport {
    let observation = CheckObservation(
      target: CheckTarget(kind: .stdio, transport: "stdio"),
      initializeResult: UIFixtures.server.raw,
      toolPages: [["tools": .array(UIFixtures.tools)]], toolsEvidence: [4])
    return CheckReport(observation: observation)
  }

  @Test func `C opens the overlay and asks for a check; the report replaces "checking"`() {
    var state = UIFixtures.state()
    let effects = AppUpdate.update(&state, .key(.character("C")))
    #expect(effects == [.runCheck])
    #expect(state.mode == .check)
    #expect(state.check.running)
    #expect(render(state).contains("checking…"))
    #expect(AppUpdate.update(&state, .key(.character("C"))).isEmpty, "one check at a time")

    let report = Self.report()
    _ = AppUpdate.update(&state, .checkFinished(report))
    #expect(!state.check.running)
    let screen = render(state)
    #expect(!screen.contains("checking…"))
    #expect(screen.contains("ChatGPT connector check"))
    #expect(screen.contains("WARNINGS") || screen.contains("ERRORS"))

    _ = AppUpdate.update(&state, .key(.escape))
    #expect(state.mode == .normal)
    #expect(state.check.report == report, "the last report is kept for the next look")
  }

  @Test func `without a connection the overlay says so and runs nothing`() {
    var state = UIFixtures.state()
    state.connection = .failed("gone")
    #expect(AppUpdate.update(&state, .key(.character("C"))).isEmpty)
    #expect(state.mode == .check)
    #expect(render(state).contains("not connected"))
  }

  @Test func `arrows scroll the overlay and a failure is shown`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .key(.character("C")))
    _ = AppUpdate.update(&state, .checkFinished(Self.report()))
    _ = AppUpdate.update(&state, .key(.down))
    _ = AppUpdate.update(&state, .key(.down))
    #expect(state.check.scroll == 2)
    _ = AppUpdate.update(&state, .key(.up))
    #expect(state.check.scroll == 1)
    _ = AppUpdate.update(&state, .checkFailed("the session closed"))
    #expect(render(state).contains("the session closed"))
  }

  @Test func `the overlay at 100 by 30`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .key(.character("C")))
    _ = AppUpdate.update(&state, .checkFinished(Self.report()))
    expectSnapshot(render(state), named: "check-100x30")
  }

  @Test func `the help lists the check key`() {
    var state = UIFixtures.state(width: 160, height: 48)
    _ = AppUpdate.update(&state, .key(.character("?")))
    #expect(render(state).contains("Run ChatGPT's connector check: findings"))
  }
}
