/// Scroll arithmetic for lists: the window moves only as much as needed to keep the selection
/// visible, so nothing jumps.
enum ListWindow {
  /// The first row to show, starting from `current`, so that `selected` is visible.
  static func start(current: Int, selected: Int, count: Int, height: Int) -> Int {
    guard count > height, height > 0 else { return 0 }
    var start = current
    if selected < start { start = selected }
    if selected >= start + height { start = selected - height + 1 }
    return clamp(start, count: count, height: height)
  }

  /// A window start clamped to the content.
  static func clamp(_ start: Int, count: Int, height: Int) -> Int {
    max(0, min(max(0, count - height), start))
  }
}
