import ApprovalPolicy
import Testing

struct ApprovalOutcomeTests {
  /// cli.md: `decision` is one of exactly these names.
  @Test func `outcome names are exactly the decision values of cli.md`() {
    #expect(
      ApprovalOutcome.Kind.allCases.map(\.name) == [
        "not-required", "approved", "denied", "remembered-approve", "remembered-deny", "refused",
      ])
  }

  /// cli.md: the `decision` names parse and print.
  @Test(arguments: ApprovalOutcome.Kind.allCases)
  func `an outcome name parses back to its kind`(kind: ApprovalOutcome.Kind) {
    #expect(ApprovalOutcome.Kind(name: kind.name) == kind)
    #expect("\(kind)" == kind.name)
  }

  /// cli.md: `sent` is true only if a `tools/call` went to the server; `local.kind` names.
  @Test(arguments: [
    (ApprovalOutcome.Kind.notRequired, true, String?.none),
    (.approved, true, "approval-approved"),
    (.denied, false, "approval-denied"),
    (.rememberedApprove, true, "remembered-approve"),
    (.rememberedDeny, false, "remembered-deny"),
    (.refused, false, "approval-refused"),
  ])
  func `each outcome says whether the call is sent and how the wire log names it`(
    kind: ApprovalOutcome.Kind, sent: Bool, logKind: String?
  ) {
    #expect(kind.sendsCall == sent)
    #expect(kind.wireLogKind == logKind)
  }

  /// cli.md `--decide D`.
  @Test(arguments: [
    ("approve", ApprovalAnswer(.approve)),
    ("deny", ApprovalAnswer(.deny)),
    ("approve-remember", ApprovalAnswer(.approve, remember: true)),
    ("deny-remember", ApprovalAnswer(.deny, remember: true)),
  ])
  func `answers parse and print their decide names`(name: String, answer: ApprovalAnswer) {
    #expect(ApprovalAnswer(name: name) == answer)
    #expect(answer.name == name)
  }

  /// cli.md `--decide D`: only the four documented names.
  @Test(arguments: ["remember", "approve-once", "Approve", ""])
  func `an unknown decide name does not parse`(name: String) {
    #expect(ApprovalAnswer(name: name) == nil)
  }
}
