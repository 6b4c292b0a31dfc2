/// A JSON object that keeps its members in order, duplicates included.
///
/// Lookups by key return the last member with that key, as most JSON readers do; `members` shows
/// every one, so a duplicate key sent by a server stays visible.
///
/// A large object can also stay as the bytes it arrived in (``raw``, made by
/// ``DeferringJSONParser``): its members are then parsed each time they are read, until the
/// first change, which parses them once and keeps them. Code that walks large values checks
/// ``raw`` first and works on the bytes.
public struct JSONObject: Sendable {
  private var stored: [JSONMember]
  /// The object's bytes when it has not been parsed into members (see ``DeferringJSONParser``).
  public private(set) var raw: RawJSON?

  /// The members in the order they were received or added.
  public var members: [JSONMember] {
    get { raw.map { $0.parsedMembers() } ?? stored }
    _modify {
      if let raw {
        stored = raw.parsedMembers()
        self.raw = nil
      }
      yield &stored
    }
  }

  /// Makes an object from members.
  public init(_ members: [JSONMember] = []) {
    self.stored = members
    self.raw = nil
  }

  /// Makes an object that stays as its bytes until its members are needed.
  public init(deferred raw: RawJSON) {
    self.stored = []
    self.raw = raw
  }

  /// The keys, in order.
  public var keys: [String] { members.map(\.key) }

  /// The number of members (known without parsing a deferred object).
  public var count: Int { raw?.memberCount ?? stored.count }

  /// Whether the object has no members.
  public var isEmpty: Bool { count == 0 }

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

extension JSONObject: Hashable {
  /// Equal when the members are equal, in order (a deferred object is parsed to compare, unless
  /// both are the same bytes).
  public static func == (a: JSONObject, b: JSONObject) -> Bool {
    if let x = a.raw, let y = b.raw, x == y { return true }
    if a.count != b.count { return false }
    return a.members == b.members
  }

  /// Hashes the members.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(members)
  }
}
