import Foundation
import PreflightCore

/// The stable, non-secret values `openai/subject` is derived from: the machine id, the user id
/// and the login name. Only their SHA-256 (``RequestIdentity/subject(userSeed:)``) leaves the
/// machine, so the subject is the same for one user on one machine, run after run, and says
/// nothing readable about either.
enum UserSeed {
  /// The seed of the user running Preflight.
  static func current() -> String {
    let machine =
      ["/etc/machine-id", "/var/lib/dbus/machine-id"].lazy
      .compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
      .first { !$0.isEmpty }?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? ProcessInfo.processInfo.hostName
    return "\(machine)\n\(getuid())\n\(NSUserName())"
  }

  /// The identity every command sends: per-user subject, a fresh session per conversation.
  static func identity() -> RequestIdentity {
    RequestIdentity.derived(userSeed: current())
  }
}
