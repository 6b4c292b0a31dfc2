import PreflightJSON

/// Every tool a server advertised, all pages in order, each exactly as sent.
public struct ToolListing: Sendable, Hashable {
  /// The tool objects in order.
  public var tools: [JSONValue]
  /// How many pages it took.
  public var pages: Int

  /// Makes a listing.
  public init(tools: [JSONValue], pages: Int) {
    self.tools = tools
    self.pages = pages
  }

  /// The tool with this name (the first, if a server repeats a name).
  public func tool(named name: String) -> JSONValue? {
    tools.first { $0["name"]?.stringValue == name }
  }
}
