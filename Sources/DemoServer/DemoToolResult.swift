import PreflightJSON

/// Builds `tools/call` results the way the Apps SDK recommends.
enum DemoToolResult {
  /// A successful result: `structuredContent` plus a text item holding the same JSON, and an
  /// optional widget-only `_meta`.
  static func success(_ structured: JSONValue, meta: JSONValue? = nil) -> JSONValue {
    var o = JSONObject()
    o["content"] = [["type": "text", "text": .string(JSONPrinter.compact(structured))]]
    o["structuredContent"] = structured
    if let meta { o["_meta"] = meta }
    return .object(o)
  }

  /// A tool-execution error (`isError: true`) whose text the model can read and act on.
  static func failure(_ message: String) -> JSONValue {
    [
      "content": [["type": "text", "text": .string(message)]],
      "isError": true,
    ]
  }
}
