import PreflightCore
import PreflightJSON
import PreflightText

/// The human-readable resource list: resources, then templates with their variables; widgets
/// marked. Every server string is sanitized before it is printed.
struct ResourcesReport {
  let server: ServerInfo
  let resources: [JSONValue]
  let templates: [JSONValue]
  let transport: String
  let style: TerminalStyle
  let width: Int

  var text: String {
    var out = ServerHeading.text(server: server, style: style)
    out +=
      style.dim(
        "protocol \(UntrustedText.sanitize(server.protocolVersion)) · \(transport) · "
          + Plural.count(resources.count, "resource") + " · "
          + Plural.count(templates.count, "template"))
      + "\n"
    if !resources.isEmpty {
      out += "\n" + style.bold("Resources") + "\n"
      for resource in resources {
        out += entry(resource, uri: resource["uri"]?.stringValue ?? "(no uri)", variables: nil)
      }
    }
    if !templates.isEmpty {
      out += "\n" + style.bold("Templates") + "\n"
      for template in templates {
        let pattern = template["uriTemplate"]?.stringValue ?? "(no uriTemplate)"
        let variables: String
        if let parsed = try? URITemplate(pattern) {
          variables =
            parsed.variables.isEmpty
            ? "no variables" : "variables: " + parsed.variables.joined(separator: ", ")
        } else {
          variables = "not a valid RFC 6570 template"
        }
        out += entry(template, uri: pattern, variables: variables)
      }
    }
    return out
  }

  private func entry(_ item: JSONValue, uri: String, variables: String?) -> String {
    var line = "  " + style.bold(UntrustedText.oneLine(uri, width: max(30, width - 40)))
    let title = item["title"]?.stringValue ?? item["name"]?.stringValue ?? ""
    if !title.isEmpty { line += "  " + UntrustedText.oneLine(title, width: 40) }
    if let mime = item["mimeType"]?.stringValue {
      line += "  " + style.dim(UntrustedText.oneLine(mime, width: 40))
    }
    if WidgetResource.isWidget(item) { line += "  " + style.cyan("[widget]") }
    var out = line + "\n"
    var details: [String] = []
    if let description = item["description"]?.stringValue, !description.isEmpty {
      details.append(UntrustedText.oneLine(description, width: max(20, width - 6)))
    }
    if let variables { details.append(variables) }
    for d in details { out += "    " + style.dim(d) + "\n" }
    return out
  }
}
