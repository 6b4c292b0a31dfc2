import PreflightJSON

/// A root the client advertises in answer to `roots/list`: a `file://` URI and a name.
public struct ClientRoot: Sendable, Hashable {
  /// The `file://` URI.
  public var uri: String
  /// A display name (the last path component by default).
  public var name: String?

  /// Makes a root from a URI and a name.
  public init(uri: String, name: String?) {
    self.uri = uri
    self.name = name
  }

  /// Makes a root from an absolute file-system path, percent-encoding what a URI path cannot
  /// hold; the name is the last path component.
  public init(path: String) {
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    uri = "file://" + ClientRoot.encodePath(trimmed)
    let last = trimmed.split(separator: "/").last.map(String.init)
    name = last ?? "/"
  }

  /// The root as sent: `{uri, name?}`.
  public var json: JSONValue {
    var o = JSONObject()
    o["uri"] = .string(uri)
    if let name { o["name"] = .string(name) }
    return .object(o)
  }

  private static func encodePath(_ path: String) -> String {
    let allowed = Set(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@"
        .unicodeScalars)
    var out = ""
    for b in path.utf8 {
      let scalar = Unicode.Scalar(b)
      if b < 0x80 && allowed.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else {
        let hex = Array("0123456789ABCDEF")
        out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0x0F)])
      }
    }
    return out
  }
}
