/// An RFC 6901 JSON Pointer, such as `/tools/0/annotations/readOnlyHint`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
  /// The reference tokens, unescaped.
  public var tokens: [String]

  /// Makes a pointer from unescaped tokens.
  public init(tokens: [String] = []) {
    self.tokens = tokens
  }

  /// Parses pointer text; nil unless it is empty or starts with `/`.
  public init?(_ text: String) {
    if text.isEmpty {
      tokens = []
      return
    }
    guard text.hasPrefix("/") else { return nil }
    tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      $0.replacingAll("~1", with: "/").replacingAll("~0", with: "~")
    }
  }

  /// The pointer text, tokens escaped (`~` as `~0`, `/` as `~1`).
  public var description: String {
    tokens.map { "/" + $0.replacingAll("~", with: "~0").replacingAll("/", with: "~1") }.joined()
  }

  /// This pointer with one more token.
  public func appending(_ token: String) -> JSONPointer {
    JSONPointer(tokens: tokens + [token])
  }

  /// This pointer with an array index appended.
  public func appending(_ index: Int) -> JSONPointer {
    appending(String(index))
  }

  /// The value this pointer refers to inside `root`, or nil.
  public func resolve(in root: JSONValue) -> JSONValue? {
    var current = root
    for token in tokens {
      switch current {
      case .object(let o):
        guard let next = o[token] else { return nil }
        current = next
      case .array(let a):
        guard let i = Int(token), a.indices.contains(i) else { return nil }
        current = a[i]
      default:
        return nil
      }
    }
    return current
  }
}

extension Substring {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    String(self).replacingAll(target, with: replacement)
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
