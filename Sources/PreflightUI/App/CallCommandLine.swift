import HostFlow
import PreflightCore
import PreflightJSON

/// A call written as the `preflight call …` command line that makes it again, secrets
/// redacted: the arguments' members named like secrets (`password`, `api_key`, `token` …)
/// become `"***"`, and the server's options and target come from ``CommandWords``, which the
/// executable redacted (`${VAR}` placeholders for headers and variables, `[REDACTED]` in URLs).
public enum CallCommandLine {
  /// The command line for `call` against the server `words` name. `requestMeta`, when not
  /// empty, goes inline in `--request-meta` (secret-named members masked as well): the keys that
  /// differ from the profile's, `null` for a key not sent.
  public static func make(
    _ call: ModelCall, words: CommandWords, requestMeta: JSONObject? = nil
  ) -> String {
    var parts = ["preflight", "call"]
    if let arguments = call.arguments, arguments != .object(JSONObject()) {
      parts += ["--args", CommandWords.quote(JSONPrinter.compact(redacted(arguments)))]
    }
    if let requestMeta, !requestMeta.isEmpty {
      parts += [
        "--request-meta", CommandWords.quote(JSONPrinter.compact(redacted(.object(requestMeta)))),
      ]
    }
    parts += words.options
    parts.append(CommandWords.quote(call.name))
    parts += words.target
    return parts.joined(separator: " ")
  }

  /// `value` with every member named like a secret replaced by `"***"`, at any depth.
  public static func redacted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
      return .object(
        JSONObject(
          object.members.map { member in
            JSONMember(
              key: member.key,
              value: Redactor.isSecretName(member.key) && member.value != .null
                ? .string("***") : redacted(member.value))
          }))
    case .array(let items):
      return .array(items.map(redacted))
    default:
      return value
    }
  }
}
