import PreflightJSON

/// The template a tool's widget would load (`_meta["openai/outputTemplate"]` or
/// `_meta.ui.resourceUri`), as read with `resources/read`.
public struct WidgetTemplate: Sendable, Hashable {
  /// The MIME types ChatGPT renders as a widget (chatgpt-approval.md §15).
  public static let renderedTypes = ["text/html+skybridge", "text/html;profile=mcp-app"]

  /// The template's URI.
  public var uri: String
  /// Still being read.
  public var loading: Bool
  /// The MIME type the server gave, if any.
  public var mimeType: String?
  /// The size of the template's text or blob, in characters.
  public var size: Int?
  /// Why it could not be read.
  public var error: String?

  /// A template being read.
  public static func loading(_ uri: String) -> WidgetTemplate {
    WidgetTemplate(uri: uri, loading: true)
  }

  /// Makes a template entry.
  public init(
    uri: String, loading: Bool = false, mimeType: String? = nil, size: Int? = nil,
    error: String? = nil
  ) {
    self.uri = uri
    self.loading = loading
    self.mimeType = mimeType
    self.size = size
    self.error = error
  }

  /// Reads the answer to `resources/read`: the first content whose `uri` matches, else the first.
  public init(uri: String, result: JSONValue) {
    let contents = result["contents"]?.arrayValue ?? []
    let content = contents.first { $0["uri"]?.stringValue == uri } ?? contents.first
    self.uri = uri
    loading = false
    mimeType = content?["mimeType"]?.stringValue
    size = (content?["text"]?.stringValue ?? content?["blob"]?.stringValue)?.count
    error = content == nil ? "resources/read returned no contents" : nil
  }

  /// The URI of the template a tool names, if any.
  public static func uri(of tool: JSONValue?) -> String? {
    tool?["_meta"]?["openai/outputTemplate"]?.stringValue
      ?? tool?["_meta"]?["ui"]?["resourceUri"]?.stringValue
  }

  /// Whether ChatGPT would render it as a widget: its MIME type is one of ``renderedTypes``
  /// (compared without case and spaces).
  public var chatGPTRenders: Bool {
    guard let mimeType else { return false }
    let normal = mimeType.lowercased().filter { $0 != " " }
    return Self.renderedTypes.contains(normal)
  }

  /// One sentence on whether and why ChatGPT would render it.
  public var verdict: String {
    if loading { return "reading the template…" }
    if let error { return "could not read it: " + error }
    if chatGPTRenders { return "ChatGPT would render it as a widget" }
    return "ChatGPT would not render it: the MIME type is \(mimeType ?? "missing"), not "
      + Self.renderedTypes.joined(separator: " or ")
  }
}
