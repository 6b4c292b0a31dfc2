import ApprovalPolicy
import Testing

struct PolicyTests {
  /// cli.md `--policy`: the command-line names.
  @Test(arguments: [
    (Policy.chatgpt, "chatgpt"),
    (.codexAuto, "codex-auto"),
    (.readOnly, "read-only"),
    (.alwaysAsk, "always-ask"),
    (.neverAsk, "never-ask"),
  ])
  func `each policy parses and prints its command-line name`(policy: Policy, name: String) {
    #expect(Policy(name: name) == policy)
    #expect(policy.name == name)
    #expect("\(policy)" == name)
  }

  /// cli.md `--policy`.
  @Test func `the names are listed in the order of cli.md`() {
    #expect(Policy.names == ["chatgpt", "codex-auto", "read-only", "always-ask", "never-ask"])
  }

  /// cli.md `--policy`: names are exact.
  @Test(arguments: ["ChatGPT", "codex_auto", "readonly", "", "always"])
  func `an unknown policy name does not parse`(name: String) {
    #expect(Policy(name: name) == nil)
  }

  /// chatgpt-approval.md §6: the policy menu describes each policy.
  @Test func `every policy has its own one-line summary`() {
    let summaries = Policy.allCases.map(\.summary)
    #expect(Set(summaries).count == Policy.allCases.count)
    #expect(summaries.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
  }

  /// chatgpt-approval.md §3 and §6: what each policy lets the user remember.
  @Test(arguments: [
    (Policy.chatgpt, true, true),
    (.codexAuto, true, false),
    (.readOnly, false, false),
    (.alwaysAsk, false, false),
    (.neverAsk, false, false),
  ])
  func `each policy remembers what chatgpt-approval.md allows`(
    policy: Policy, approve: Bool, deny: Bool
  ) {
    #expect(policy.remembers(.approve) == approve)
    #expect(policy.remembers(.deny) == deny)
    #expect(policy.remembersAnything == (approve || deny))
  }
}
