/// A JSON object that keeps its members in order, duplicates included.
///
/// Lookups by key return the last member with that key, as most JSON readers do; `members` shows
/// every one, so a duplicate key sent by a server stays visible.
public struct JSONObject: Sendable, Hashable {
  /// The members in the order they were received or added.
  public var members: [JSONMember]

  /// Makes an object from members.
  public init(_ members: [JSONMember] = []) {
    self.members = members
  }

  /// The keys, in order.
  public var keys: [String] { members.map(\.key) }

  /// The number of members.
  public var count: Int { members.count }

  /// Whether the object has no members.
  public var isEmpty: Bool { members.isEmpty }

  /// Whether any member has this key.
  public func contains(_ key: String) -> Bool {
    members.contains { $0.key == key }
  }

  /// Keys that appear more than once.
  public var duplicateKeys: [String] {
    var seen = Set<String>()
    var dups: [String] = []
    for m in members where !seen.insert(m.key).inserted && !dups.contains(m.key) {
      dups.append(m.key)
    }
    return dups
  }

  /// The value of the last member with this key; setting replaces every member with that key
  /// (keeping the first one's position) or appends, and setting nil removes them.
  public subscript(key: String) -> JSONValue? {
    get {
      members.last { $0.key == key }?.value
    }
    set {
      guard let newValue else {
        members.removeAll { $0.key == key }
        return
      }
      if let first = members.firstIndex(where: { $0.key == key }) {
        members[first].value = newValue
        var i = members.count - 1
        while i > first {
          if members[i].key == key { members.remove(at: i) }
          i -= 1
        }
      } else {
        members.append(JSONMember(key: key, value: newValue))
      }
    }
  }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  /// Makes an object whose members keep the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(elements.map { JSONMember(key: $0.0, value: $0.1) })
  }
}
