import PreflightCore
import PreflightJSON

/// The resources and prompts overlay: every resource, template and prompt the server lists, and
/// what the user opened (a resource's contents or a prompt's messages).
public struct Catalog: Sendable, Hashable {
  /// What a row is.
  public enum Kind: String, Sendable, Hashable {
    /// A resource (`resources/list`).
    case resource
    /// A resource template (`resources/templates/list`).
    case template
    /// A prompt (`prompts/list`).
    case prompt
  }

  /// One row of the list.
  public struct Row: Sendable, Hashable {
    /// What it is.
    public var kind: Kind
    /// The URI, URI template or prompt name.
    public var key: String
    /// The title or name, with the MIME type or the arguments.
    public var detail: String
    /// Whether it is an Apps SDK widget template.
    public var widget: Bool
    /// The object as sent.
    public var raw: JSONValue
  }

  /// The rows: resources, then templates, then prompts, each in the server's order.
  public var rows: [Row] = []
  /// Whether the lists are being fetched.
  public var loading = true
  /// Why listing failed, if it did.
  public var error: String?
  /// The selected row.
  public var selected = 0
  /// The opened item's title and lines (contents or messages), or nil while browsing.
  public var opened: (title: String, lines: [String])? {
    get { openedTitle.map { ($0, openedLines) } }
    set {
      openedTitle = newValue?.title
      openedLines = newValue?.lines ?? []
      scroll = 0
    }
  }
  /// The opened item's scroll.
  public var scroll = 0
  private var openedTitle: String?
  private var openedLines: [String] = []

  /// An empty catalog, loading.
  public init() {}

  /// Fills the rows from the three lists.
  public mutating func load(resources: [JSONValue], templates: [JSONValue], prompts: [JSONValue]) {
    rows =
      resources.map { r in
        Row(
          kind: .resource, key: r["uri"]?.stringValue ?? "(no uri)",
          detail: Catalog.detail(r, extra: r["mimeType"]?.stringValue),
          widget: WidgetResource.isWidget(r), raw: r)
      }
      + templates.map { t in
        let pattern = t["uriTemplate"]?.stringValue ?? "(no uriTemplate)"
        let variables = (try? URITemplate(pattern))?.variables.joined(separator: ", ")
        return Row(
          kind: .template, key: pattern,
          detail: Catalog.detail(t, extra: variables.map { "variables: " + $0 }),
          widget: WidgetResource.isWidget(t), raw: t)
      }
      + prompts.map { p in
        let arguments = (p["arguments"]?.arrayValue ?? []).map { a in
          (a["name"]?.stringValue ?? "?") + (a["required"]?.boolValue == true ? "*" : "")
        }
        return Row(
          kind: .prompt, key: p["name"]?.stringValue ?? "(no name)",
          detail: Catalog.detail(
            p, extra: arguments.isEmpty ? nil : "arguments: " + arguments.joined(separator: ", ")),
          widget: false, raw: p)
      }
    loading = false
    error = nil
    selected = min(selected, max(0, rows.count - 1))
  }

  /// The selected row, if any.
  public var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

  private static func detail(_ item: JSONValue, extra: String?) -> String {
    let title = item["title"]?.stringValue ?? item["name"]?.stringValue ?? ""
    return [title, extra ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
  }

  /// The lines of a `resources/read` result: per entry a heading (URI, MIME type, size), then
  /// the text, or a summary for binary contents.
  public static func lines(readResult result: JSONValue) -> [String] {
    let contents = ResourceContent.all(in: result)
    if contents.isEmpty { return ["(the server returned no contents)"] }
    var out: [String] = []
    for content in contents {
      if !out.isEmpty { out.append("") }
      out.append(
        content.uri + " · " + (content.mimeType ?? "no MIME type")
          + " · \(content.data.count) bytes"
          + (content.isWidget ? " · widget" : ""))
      if let text = content.text {
        out += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      } else if content.isBlob {
        out.append(
          content.bytes == nil
            ? "binary (the blob is not valid base64)"
            : "binary, \(content.data.count) bytes; preflight read --out FILE saves it")
      }
    }
    return out
  }

  /// The lines of a `prompts/get` result: the description, then each message under its role.
  public static func lines(promptResult result: JSONValue) -> [String] {
    var out: [String] = []
    if let description = result["description"]?.stringValue, !description.isEmpty {
      out += [description, ""]
    }
    for message in result["messages"]?.arrayValue ?? [] {
      let content = message["content"]
      let type = content?["type"]?.stringValue ?? "no type"
      out.append("── \(message["role"]?.stringValue ?? "(no role)") · \(type)")
      switch type {
      case "text":
        let text = content?["text"]?.stringValue ?? ""
        out += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      case "resource":
        let resource = content?["resource"]
        out.append("[embedded resource \(resource?["uri"]?.stringValue ?? "?")]")
        if let text = resource?["text"]?.stringValue {
          out += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
      case "resource_link":
        out.append("[link \(content?["uri"]?.stringValue ?? "?")]")
      case "image", "audio":
        out.append("[\(type), \(content?["mimeType"]?.stringValue ?? "unknown type")]")
      default:
        out.append(content.map(JSONPrinter.compact) ?? "(no content)")
      }
      out.append("")
    }
    return out
  }
}
