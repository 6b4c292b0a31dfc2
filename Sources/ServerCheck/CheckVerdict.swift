/// The overall answer of the check (cli.md's `verdict`).
public enum CheckVerdict: String, Sendable, Hashable {
  /// No errors and no warnings.
  case connect
  /// Warnings, but no errors.
  case connectWithWarnings = "connect-with-warnings"
  /// At least one error: ChatGPT would refuse or misbehave.
  case refuse

  /// The verdict for a list of findings.
  public init(findings: [CheckFinding]) {
    if findings.contains(where: { $0.severity == .error }) {
      self = .refuse
    } else if findings.contains(where: { $0.severity == .warning }) {
      self = .connectWithWarnings
    } else {
      self = .connect
    }
  }
}
