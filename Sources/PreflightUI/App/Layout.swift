import TerminalGrid

/// Where each part of the screen goes for a given size: side by side on a wide terminal, tabs
/// on a narrow one.
public struct Layout: Sendable, Hashable {
  /// The header row.
  public var header: Rect
  /// The tab row (narrow layouts only).
  public var tabs: Rect?
  /// Each visible pane's box.
  public var panes: [Pane: Rect]
  /// The status line.
  public var status: Rect

  /// The layout for `state`'s size and focus.
  public init(size: Size, wide: Bool, focus: Pane) {
    header = Rect(x: 0, y: 0, width: size.width, height: 1)
    status = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
    if wide {
      tabs = nil
      let bodyTop = 1
      let bodyHeight = size.height - 2
      let topHeight = max(8, bodyHeight * 3 / 5)
      let toolsWidth = min(44, max(30, size.width / 4))
      let bottom = focus == .log ? Pane.log : Pane.wire
      panes = [
        .tools: Rect(x: 0, y: bodyTop, width: toolsWidth, height: topHeight),
        .detail: Rect(
          x: toolsWidth, y: bodyTop, width: size.width - toolsWidth, height: topHeight),
        bottom: Rect(
          x: 0, y: bodyTop + topHeight, width: size.width, height: bodyHeight - topHeight),
      ]
    } else {
      tabs = Rect(x: 0, y: 1, width: size.width, height: 1)
      panes = [focus: Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 3))]
    }
  }

  /// Rows of content inside a pane's box (its height less the border).
  public func contentRows(_ pane: Pane) -> Int {
    max(1, (panes[pane]?.height ?? 3) - 2)
  }
}

extension AppState {
  /// The layout for this state.
  public var layout: Layout { Layout(size: size, wide: isWide, focus: focus) }
}
