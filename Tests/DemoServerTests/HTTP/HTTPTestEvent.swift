import PreflightJSON

/// One Server-Sent Events block as the test client read it.
struct HTTPTestEvent {
  /// The `event:` field, if any.
  var event: String?
  /// The `id:` field, if any.
  var id: String?
  /// The `data:` lines joined with newlines, if any.
  var data: String?
  /// The comment lines (without the colon).
  var comments: [String] = []

  /// Parses one block of lines (the empty line that ends it excluded).
  init(_ block: [UInt8]) {
    for line in String(decoding: block, as: UTF8.self).split(separator: "\n") {
      if line.hasPrefix(":") {
        comments.append(Self.dropSpace(String(line.dropFirst())))
        continue
      }
      let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      let value = parts.count > 1 ? Self.dropSpace(String(parts[1])) : ""
      switch name {
      case "event": event = value
      case "id": id = value
      case "data": data = data.map { $0 + "\n" + value } ?? value
      default: break
      }
    }
  }

  /// The data parsed as JSON, or nil.
  var message: JSONValue? { data.flatMap { try? JSONParser.parse($0) } }

  /// `text` without one leading space.
  private static func dropSpace(_ text: String) -> String {
    text.hasPrefix(" ") ? String(text.dropFirst()) : text
  }
}
