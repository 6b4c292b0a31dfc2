/// The result view's own state: the layout built for the last call, the selected savable
/// block, the search and the save prompt.
public struct ResultScreen: Sendable {
  /// Bumped for every finished call, so a layout is known to belong to the current one.
  public var generation = 0
  /// The layout for the last call at the current width.
  public var layout: ResultLayout?
  /// The selected savable block (an index into the layout's `savable`).
  public var selectedBlock: Int?
  /// The search text.
  public var query = ""
  /// Whether keys are typing the search text.
  public var typingQuery = false
  /// The line of the last match, if the last search found one.
  public var match: Int?
  /// The path being typed for saving the selected block, while asking for one.
  public var savePath: String?
  /// Whether the save prompt is asking to overwrite an existing file.
  public var confirmOverwrite = false

  /// A fresh screen.
  public init() {}

  /// Whether a prompt (search or save) takes the typed characters.
  public var prompting: Bool { typingQuery || savePath != nil }
}
