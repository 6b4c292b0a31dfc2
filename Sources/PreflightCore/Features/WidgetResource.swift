import PreflightJSON

/// Recognises Apps SDK widget templates: `ui://` resources, or the MIME types ChatGPT renders
/// as widgets (`text/html+skybridge`, and MCP Apps' `text/html;profile=mcp-app`).
public enum WidgetResource {
  /// The MIME types of widget templates.
  public static let mimeTypes = ["text/html+skybridge", "text/html;profile=mcp-app"]

  /// Whether a resource or template object (`uri` or `uriTemplate`, `mimeType`) is a widget.
  public static func isWidget(_ resource: JSONValue) -> Bool {
    let uri = resource["uri"]?.stringValue ?? resource["uriTemplate"]?.stringValue ?? ""
    return isWidget(uri: uri, mimeType: resource["mimeType"]?.stringValue)
  }

  /// Whether a URI and MIME type mark a widget template.
  public static func isWidget(uri: String, mimeType: String?) -> Bool {
    if uri.lowercased().hasPrefix("ui://") { return true }
    guard let mime = mimeType else { return false }
    let normal = String(mime.lowercased().filter { $0 != " " })
    return mimeTypes.contains(normal)
  }
}
