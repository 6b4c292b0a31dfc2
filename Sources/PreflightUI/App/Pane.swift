/// The panes of the screen, in Tab order.
public enum Pane: String, Sendable, Hashable, CaseIterable {
  /// The tool list.
  case tools
  /// The selected tool's detail.
  case detail
  /// Every frame, live.
  case wire
  /// Notifications (progress, log messages, list changes) and the server's stderr.
  case log

  /// The tab label.
  public var title: String {
    switch self {
    case .tools: "Tools"
    case .detail: "Detail"
    case .wire: "Wire"
    case .log: "Log"
    }
  }
}
