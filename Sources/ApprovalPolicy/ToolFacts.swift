import PreflightJSON

/// What the approval policy needs to know about one tool, read from its raw `tools/list` JSON.
public struct ToolFacts: Sendable, Hashable {
  /// The server (connector, app) name, as the card shows it.
  public var server: String
  /// The tool's `name`, the key ChatGPT calls it by.
  public var name: String
  /// The name people see: `title`, else `annotations.title`, else `name`.
  public var displayName: String
  /// Whether the tool has an `annotations` member that is a JSON object.
  public var hasAnnotationsObject: Bool
  /// `annotations.readOnlyHint` as declared.
  public var readOnly: HintValue
  /// `annotations.destructiveHint` as declared.
  public var destructive: HintValue
  /// `annotations.idempotentHint` as declared.
  public var idempotent: HintValue
  /// `annotations.openWorldHint` as declared.
  public var openWorld: HintValue

  /// Makes facts from their parts; `displayName` defaults to `name`.
  public init(
    server: String,
    name: String,
    displayName: String? = nil,
    readOnly: HintValue = .absent,
    destructive: HintValue = .absent,
    idempotent: HintValue = .absent,
    openWorld: HintValue = .absent,
    hasAnnotationsObject: Bool = true
  ) {
    self.server = server
    self.name = name
    self.displayName = displayName ?? name
    self.readOnly = readOnly
    self.destructive = destructive
    self.idempotent = idempotent
    self.openWorld = openWorld
    self.hasAnnotationsObject = hasAnnotationsObject
  }

  /// Reads the facts from one tool object exactly as `tools/list` sent it.
  ///
  /// Hints are taken from the raw values, never coerced (chatgpt-approval.md §1). A tool with no
  /// `annotations` object, or one whose `annotations` is not an object, has every hint absent.
  /// A missing or non-string `name` reads as the empty string.
  public init(tool: JSONValue, server: String) {
    let name = tool["name"]?.stringValue ?? ""
    let annotations = tool["annotations"]?.objectValue
    let title = Self.nonEmpty(tool["title"]?.stringValue)
    let annotationsTitle = Self.nonEmpty(annotations?["title"]?.stringValue)
    self.init(
      server: server,
      name: name,
      displayName: title ?? annotationsTitle ?? name,
      readOnly: HintValue(json: annotations?[HintName.readOnly.key]),
      destructive: HintValue(json: annotations?[HintName.destructive.key]),
      idempotent: HintValue(json: annotations?[HintName.idempotent.key]),
      openWorld: HintValue(json: annotations?[HintName.openWorld.key]),
      hasAnnotationsObject: annotations != nil
    )
  }

  /// Facts for tests: a tool on server `tasks-demo`, every hint absent unless given.
  public static func stub(
    _ name: String = "create_task",
    server: String = "tasks-demo",
    displayName: String? = nil,
    readOnly: HintValue = .absent,
    destructive: HintValue = .absent,
    idempotent: HintValue = .absent,
    openWorld: HintValue = .absent,
    hasAnnotationsObject: Bool = true
  ) -> ToolFacts {
    ToolFacts(
      server: server, name: name, displayName: displayName, readOnly: readOnly,
      destructive: destructive, idempotent: idempotent, openWorld: openWorld,
      hasAnnotationsObject: hasAnnotationsObject)
  }

  /// The declared value of one hint.
  public subscript(_ hint: HintName) -> HintValue {
    switch hint {
    case .readOnly: readOnly
    case .destructive: destructive
    case .idempotent: idempotent
    case .openWorld: openWorld
    }
  }

  /// The required hints (read-only, destructive, open-world) that are absent, null or invalid.
  public var missingHints: [HintName] {
    HintName.required.filter { self[$0].isMissing }
  }

  /// Whether ChatGPT treats the tool as a write action: `readOnlyHint` is not exactly `true`.
  public var isWriteAction: Bool { !readOnly.isTrue }

  private static func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }
}
