/// A log level of `notifications/message`, in syslog order from least to most severe.
enum DemoLogLevel: Int, CaseIterable, Comparable, Sendable {
  case debug
  case info
  case notice
  case warning
  case error
  case critical
  case alert
  case emergency

  /// The level's name on the wire.
  var name: String { String(describing: self) }

  /// The level with this wire name, or nil.
  init?(name: String) {
    guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = level
  }

  /// Orders levels by severity.
  static func < (lhs: DemoLogLevel, rhs: DemoLogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
