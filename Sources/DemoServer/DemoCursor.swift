/// The opaque `nextCursor` of a paged list: the offset of the next page, with a fixed prefix.
enum DemoCursor {
  /// What every cursor this server issues starts with.
  private static let prefix = "preflight-demo:after:"

  /// The cursor for the page that starts at `offset`.
  static func encode(offset: Int) -> String { prefix + String(offset) }

  /// The offset a cursor points at, if it is one this server could have issued for a list of
  /// `count` items.
  static func decode(_ cursor: String, count: Int) -> Int? {
    guard cursor.hasPrefix(prefix), let offset = Int(cursor.dropFirst(prefix.count)),
      offset > 0, offset < count
    else { return nil }
    return offset
  }
}
