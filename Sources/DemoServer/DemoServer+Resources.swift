import PreflightJSON

extension DemoServer {
  /// `resources/list`: the two widget templates, on one page.
  func listResources(_ params: JSONValue?) -> DemoReply {
    if let reply = rejectCursor(params) { return reply }
    return .result(["resources": .array(DemoResources.list)])
  }

  /// `resources/templates/list`: the task template, on one page.
  func listResourceTemplates(_ params: JSONValue?) -> DemoReply {
    if let reply = rejectCursor(params) { return reply }
    return .result(["resourceTemplates": .array(DemoResources.templates)])
  }

  /// `resources/read`: a widget's HTML or a task's JSON; an unknown URI is error -32002.
  func readResource(_ params: JSONValue?) -> DemoReply {
    guard let uri = params?["uri"]?.stringValue else {
      return .invalidParams("resources/read needs params.uri, a string")
    }
    guard let contents = DemoResources.read(uri, store: store) else {
      return .error(
        code: DemoReply.resourceNotFoundCode, message: "Resource not found",
        data: ["uri": .string(uri)])
    }
    return .result(["contents": .array(contents)])
  }

  /// An invalid-cursor error when the params carry any cursor, as these lists have one page.
  private func rejectCursor(_ params: JSONValue?) -> DemoReply? {
    switch params?["cursor"] {
    case nil, .null?: nil
    case .string(let s)?: invalidCursor(s)
    case let other?: .invalidParams("cursor must be a string, not \(other.typeName)")
    }
  }
}
