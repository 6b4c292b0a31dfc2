import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight prompts` and `resources` ask only for what the server declares: the demo server
/// declares resources but not prompts.
@Suite struct CapabilityGateTests {
  @Test func `prompts on a server without the capability asks nothing and says so`() async throws {
    let output = try await preflight(["prompts", "--json"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(
      output.stderrText.contains(
        "the server does not declare the prompts capability, so it was not asked"))
    let document = try parseDocument(output.stdout, what: "prompts --json output")
    #expect(document["prompts"] == .array([]))
  }

  @Test func `resources on a server with the capability lists without the gate note`() async throws
  {
    let output = try await preflight(["resources", "--json"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(!output.stderrText.contains("capability"))
    let document = try parseDocument(output.stdout, what: "resources --json output")
    #expect((document["resources"]?.arrayValue?.count ?? 0) > 0)
    #expect((document["resourceTemplates"]?.arrayValue?.count ?? 0) > 0)
  }
}
