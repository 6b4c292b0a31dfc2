import PreflightJSON
import PreflightText

/// One line for a server's `notifications/message`: `server log [level] logger: data`, with the
/// data (any JSON) shown as text and sanitized.
public enum LogMessageLine {
  /// The line for the notification's params (no trailing newline).
  public static func text(_ params: JSONValue?, width: Int = 300) -> String {
    let level = params?["level"]?.stringValue ?? "?"
    let logger = params?["logger"]?.stringValue.map { " " + $0 + ":" } ?? ""
    let data: String
    if let text = params?["data"]?.stringValue {
      data = text
    } else if let value = params?["data"] {
      data = JSONPrinter.compact(value)
    } else {
      data = ""
    }
    return UntrustedText.oneLine("server log [\(level)]\(logger) \(data)", width: width)
  }
}
