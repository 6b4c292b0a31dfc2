/// The cheap static check of a read-only claim: a tool marked `readOnlyHint: true` whose name
/// starts with a verb that usually changes state (`create_event`, `deleteNote`, `send-mail`).
///
/// A weak finding: names lie less often than hints, but `set_up_report` or `post_count` are
/// read-only in places. The behavioural observer in HostFlow (what follows a call) is the
/// stronger evidence; this one needs no call at all, so `preflight tools` and the connector
/// check can use it.
public enum MutatingNameHeuristic {
  /// Verbs that, at the start of a tool name, suggest the tool writes. Words that are as often
  /// nouns or read verbs at the start of a name (`run_query`, `order_status`, `book_search`) are
  /// left out on purpose.
  public static let verbs: Set<String> = [
    "add", "append", "apply", "approve", "archive", "assign", "buy", "cancel", "clear", "close",
    "commit", "create", "delete", "deploy", "disable", "drop", "edit",
    "enable", "erase", "insert", "install", "invite", "kill", "launch", "merge",
    "modify", "move", "mutate", "patch", "pay", "post", "publish", "purchase", "push",
    "put", "rename", "reject", "remove", "replace", "reset", "restart", "revoke", "save",
    "schedule", "send", "set", "share", "start", "stop", "submit", "transfer", "trigger",
    "uninstall", "unsubscribe", "update", "upload", "upsert", "write",
  ]

  /// The mutating verb a name starts with, lowercased, or nil. The first word is what precedes
  /// the first `_`, `-`, `.`, `/`, space or lower-to-upper case change (`deleteNote` → `delete`).
  public static func mutatingVerb(in name: String) -> String? {
    let word = firstWord(of: name).lowercased()
    return verbs.contains(word) ? word : nil
  }

  /// The finding for one tool: its name starts with a mutating verb and it claims
  /// `readOnlyHint: true`. Nil when the hint is not exactly `true` or the name does not match.
  public static func finding(for facts: ToolFacts) -> String? {
    guard facts.readOnly.isTrue, let verb = mutatingVerb(in: facts.name) else { return nil }
    return "\(facts.name) declares readOnlyHint: true, but its name starts with \"\(verb)\", "
      + "a verb that usually changes state; ChatGPT would run it without asking"
  }

  /// The name up to its first separator or lower-to-upper case change.
  static func firstWord(of name: String) -> String {
    var word = ""
    var previousWasLower = false
    for ch in name {
      if ch == "_" || ch == "-" || ch == "." || ch == "/" || ch == " " || ch == ":" {
        if word.isEmpty { continue }
        break
      }
      if ch.isUppercase && previousWasLower { break }
      word.append(ch)
      previousWasLower = ch.isLowercase
    }
    return word
  }
}
