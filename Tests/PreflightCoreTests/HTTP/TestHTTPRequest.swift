import PreflightJSON

/// One request the test server received.
struct TestHTTPRequest: Sendable {
  /// `GET`, `POST`, `DELETE`.
  var method: String
  /// The path with its query.
  var path: String
  /// The headers in order.
  var headers: [(name: String, value: String)]
  /// The body.
  var body: [UInt8]

  /// A header's value, the name compared without regard to case.
  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The body as JSON, if it is.
  var json: JSONValue? { try? JSONParser.parse(body) }

  /// The JSON-RPC method of the body.
  var rpcMethod: String? { json?["method"]?.stringValue }

  /// The JSON-RPC id of the body.
  var rpcID: JSONValue? { json?["id"] }
}
