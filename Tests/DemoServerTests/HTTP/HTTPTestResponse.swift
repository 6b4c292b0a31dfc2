import Foundation
import PreflightJSON

/// A response as the test client read it.
struct HTTPTestResponse {
  /// The status code.
  var status: Int
  /// The header fields in order.
  var headers: [(name: String, value: String)]
  /// The body (empty until read).
  var body: [UInt8]

  /// The first value of a header field, compared without regard to case.
  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The body as text.
  var text: String { String(decoding: body, as: UTF8.self) }

  /// The body parsed as JSON, or nil.
  var json: JSONValue? { try? JSONParser.parse(body) }

  /// The JSON-RPC messages of the body: the JSON object, or the data of each SSE event.
  var messages: [JSONValue] {
    guard mediaType == "text/event-stream" else { return json.map { [$0] } ?? [] }
    return text.components(separatedBy: "\n\n").compactMap {
      HTTPTestEvent(Array($0.utf8)).message
    }
  }

  /// The `Content-Type` without parameters, lowercased.
  var mediaType: String? {
    header("Content-Type")?.split(separator: ";").first.map { $0.lowercased() }
  }
}
