/// The values a server offered for one field of the catalog form (`completion/complete`),
/// shown as a pick list under the field.
public struct CompletionPick: Sendable, Equatable {
  /// The most values the list keeps, as the protocol allows no more in one answer.
  public static let limit = 100

  /// The argument (field name) the values complete.
  public var argument: String
  /// The values offered, in the server's order, at most ``limit``.
  public var values: [String]
  /// How many values there are in all, when the server says.
  public var total: Int?
  /// Whether the server has more values than it sent.
  public var hasMore: Bool
  /// The highlighted value.
  public var selected = 0

  /// Makes a pick list of `values` (cut to ``limit``), the first one highlighted.
  public init(argument: String, values: [String], total: Int?, hasMore: Bool) {
    self.argument = argument
    self.values = Array(values.prefix(Self.limit))
    self.total = total
    self.hasMore = hasMore || values.count > Self.limit
  }

  /// What the list holds, for the status line and the list's last line: "3 completions",
  /// "100 of 250 completions, more on the server".
  public var summary: String {
    var text = "\(values.count)"
    if let total, total > values.count { text += " of \(total)" }
    text += values.count == 1 && (total ?? 1) <= 1 ? " completion" : " completions"
    if hasMore { text += ", more on the server (type more to narrow)" }
    return text
  }
}
