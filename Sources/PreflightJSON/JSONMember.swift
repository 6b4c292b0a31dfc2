/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Hashable {
  /// The key, with escapes decoded.
  public var key: String
  /// The value.
  public var value: JSONValue

  /// Makes a member.
  public init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}
