import PreflightCore
import PreflightJSON

/// An elicitation waiting for the user: which server asks, and what (a form's fields with their
/// defaults, or a URL and its domain).
public struct ElicitationPrompt: Sendable, Hashable {
  /// The id the answer goes back with.
  public var id: Int
  /// The server asking (its `serverInfo.name`).
  public var server: String
  /// The request as sent.
  public var request: ElicitationRequest

  /// Makes a prompt.
  public init(id: Int, server: String, request: ElicitationRequest) {
    self.id = id
    self.server = server
    self.request = request
  }

  /// The content accepting sends in form mode: the schema's defaults.
  public var defaults: JSONValue {
    var content = JSONObject()
    for member in request.requestedSchema?["properties"]?.objectValue?.members ?? [] {
      if let value = member.value["default"] { content[member.key] = value }
    }
    return .object(content)
  }

  /// The request's message, line by line (shown above the form the user fills).
  public var messageLines: [String] {
    request.message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The lines shown: the message, then the fields (name, type, constraints, default) or the
  /// URL with its domain.
  public var lines: [String] {
    var out = request.message.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    out.append("")
    switch request.mode {
    case .url:
      out.append("URL     " + (request.url ?? "(none)"))
      out.append("domain  " + (request.domain ?? "(none: not a web address)"))
      out.append("")
      out.append("Accepting only says you agree to open it: Preflight never opens it for you.")
    case .form:
      let schema = request.requestedSchema
      let required = Set((schema?["required"]?.arrayValue ?? []).compactMap(\.stringValue))
      let properties = schema?["properties"]?.objectValue?.members ?? []
      if properties.isEmpty { out.append("(no fields)") }
      for member in properties {
        let p = member.value
        var facts = [p["type"]?.stringValue ?? "any"]
        if let format = p["format"]?.stringValue { facts.append(format) }
        if let choices = (p["enum"] ?? p["items"]?["enum"])?.arrayValue {
          facts.append("one of " + choices.map(JSONPrinter.compact).joined(separator: ", "))
        }
        if let min = p["minimum"] { facts.append("≥ \(JSONPrinter.compact(min))") }
        if let max = p["maximum"] { facts.append("≤ \(JSONPrinter.compact(max))") }
        let name = member.key + (required.contains(member.key) ? " *" : "")
        var line = name + "  (" + facts.joined(separator: ", ") + ")"
        if let d = p["default"] { line += "  default " + JSONPrinter.compact(d) }
        out.append(line)
        if let description = p["description"]?.stringValue { out.append("    " + description) }
      }
      out.append("")
      out.append("Accepting sends the defaults shown; fields without one are left out.")
    }
    return out
  }
}
