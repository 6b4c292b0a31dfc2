import Foundation

/// Finds the final response head among the header lines libcurl reports.
///
/// libcurl's header callback sees every head of an exchange, one line at a time: interim
/// `1xx` heads (`HTTP/1.1 100 Continue`), the heads of redirects it follows, then the real one,
/// and after the body any chunked trailers. Only the final head counts: a head is final when
/// its blank line arrives and it is neither `1xx` nor a redirect libcurl is about to follow.
struct CurlHeadParser: Sendable {
  /// Statuses libcurl follows when they carry a `Location` (with `CURLOPT_FOLLOWLOCATION`).
  static let redirects: Set<Int> = [301, 302, 303, 307, 308]

  private var status: Int?
  private var headers: [(name: String, value: String)] = []
  /// Whether libcurl follows redirects for this exchange.
  let followsRedirects: Bool
  /// The last head that ended, final or not (what a body belongs to if libcurl did not follow
  /// a redirect after all).
  private(set) var lastHead: HTTPResponseHead?

  /// Makes a parser.
  init(followsRedirects: Bool) {
    self.followsRedirects = followsRedirects
  }

  /// Reads one header line (with or without its CRLF); returns the head when `line` ends the
  /// final one.
  mutating func feed(_ line: [UInt8]) -> HTTPResponseHead? {
    var end = line.count
    while end > 0, line[end - 1] == 10 || line[end - 1] == 13 { end -= 1 }
    let text = String(decoding: line[..<end], as: UTF8.self)
    if text.hasPrefix("HTTP/") {
      let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
      status = parts.count >= 2 ? Int(parts[1]) : nil
      headers = []
      return nil
    }
    guard let current = status else { return nil }
    if text.isEmpty {
      status = nil
      let head = HTTPResponseHead(status: current, headers: combined())
      lastHead = head
      if (100..<200).contains(current) { return nil }
      if followsRedirects, Self.redirects.contains(current), head.value("Location") != nil {
        return nil
      }
      return head
    }
    if let first = text.first, first == " " || first == "\t", !headers.isEmpty {
      // An obsolete folded continuation line belongs to the previous header.
      headers[headers.count - 1].value += " " + text.trimmingCharacters(in: .whitespaces)
      return nil
    }
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let name = String(text[..<colon])
    let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    headers.append((name, value))
    return nil
  }

  /// The headers by lowercased name; repeated names joined with ", " as URLSession does.
  private func combined() -> [String: String] {
    var result: [String: String] = [:]
    for (name, value) in headers {
      let key = name.lowercased()
      if let existing = result[key] {
        result[key] = existing + ", " + value
      } else {
        result[key] = value
      }
    }
    return result
  }
}
