import PreflightJSON

/// Puts violations in document order, once each.
///
/// Order follows the instance: a value's own violations come before those inside it, members
/// in the order they appear, elements by index, and members that are missing (required but
/// absent) after those present, in the order they were found.
enum SchemaViolationOrder {
  /// `violations` without repeats (same path and message), in document order.
  static func arrange(_ violations: [SchemaViolation], in instance: JSONValue) -> [SchemaViolation]
  {
    var seen = Set<[String]>()
    let unique = violations.filter { seen.insert($0.path.tokens + [$0.message]).inserted }
    var memberIndex: [[String]: [String: Int]] = [:]
    let keyed = unique.enumerated().map { offset, violation in
      (position(of: violation.path, in: instance, memberIndex: &memberIndex), offset, violation)
    }
    return keyed.sorted { a, b in
      for (x, y) in zip(a.0, b.0) where x != y { return x < y }
      if a.0.count != b.0.count { return a.0.count < b.0.count }
      return a.1 < b.1
    }.map(\.2)
  }

  /// Each token's position in its parent (member order or index); `Int.max` once the path
  /// leaves the instance.
  private static func position(
    of path: JSONPointer, in instance: JSONValue, memberIndex: inout [[String]: [String: Int]]
  ) -> [Int] {
    var result: [Int] = []
    var current: JSONValue? = instance
    for (depth, token) in path.tokens.enumerated() {
      switch current {
      case .object(let object):
        let parent = Array(path.tokens[..<depth])
        if memberIndex[parent] == nil {
          var positions: [String: Int] = [:]
          for (i, member) in object.members.enumerated() where positions[member.key] == nil {
            positions[member.key] = i
          }
          memberIndex[parent] = positions
        }
        result.append(memberIndex[parent]?[token] ?? Int.max)
        current = object[token]
      case .array(let elements):
        if let i = Int(token), elements.indices.contains(i) {
          result.append(i)
          current = elements[i]
        } else {
          result.append(Int.max)
          current = nil
        }
      default:
        result.append(Int.max)
        current = nil
      }
    }
    return result
  }
}
