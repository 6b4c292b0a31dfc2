/// How much a finding matters to a ChatGPT connector.
public enum CheckSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
  /// ChatGPT would refuse the server or misbehave with it.
  case error
  /// Likely trouble, or a rejection at app submission.
  case warning
  /// Advice, or a fact worth knowing.
  case info

  /// Errors first, then warnings, then info.
  public static func < (lhs: CheckSeverity, rhs: CheckSeverity) -> Bool {
    lhs.rank < rhs.rank
  }

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .info: 2
    }
  }
}
