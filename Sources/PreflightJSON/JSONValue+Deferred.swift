extension JSONValue {
  /// The value with a deferred object (``JSONObject/raw``) parsed into members once, so code
  /// that reads its members many times (a schema validator) does not parse it each time; any
  /// other value as it is.
  public var parsedIfDeferred: JSONValue {
    guard case .object(let object) = self, object.raw != nil else { return self }
    return .object(JSONObject(object.members))
  }
}
