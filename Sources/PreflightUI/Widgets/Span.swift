import TerminalGrid

/// A run of text in one style.
public struct Span: Sendable, Hashable {
  /// The text (untrusted text is made safe by the grid when drawn).
  public var text: String
  /// Its style.
  public var style: Style

  /// Makes a span.
  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}
