import TerminalGrid

/// The bottom line: a notice if there is one, else the keys that work here, from the key table.
enum StatusBar {
  static func render(_ state: AppState, keys: KeyMap, in rect: Rect, into grid: inout CellGrid) {
    grid.fill(rect)
    if let notice = state.notice {
      grid.putTruncated(" " + notice, x: rect.x, y: rect.y, width: rect.width, style: Palette.write)
      return
    }
    if state.mode == .confirmQuit {
      grid.putTruncated(
        " A request is still running. Quit anyway?  y quit  n stay", x: rect.x, y: rect.y,
        width: rect.width, style: Palette.write)
      return
    }
    var spans: [Span] = [Span(" ")]
    var bindings = keys.statusBindings(mode: state.mode, focus: state.focus)
    if state.mode == .elicitation { bindings = ElicitationFlow.statusBindings(bindings, state) }
    for binding in bindings {
      let key = binding.keys.first.map(KeyBinding.name(of:)) ?? ""
      spans.append(Span(key, Palette.key))
      spans.append(Span(" " + binding.label + "  "))
    }
    StyledLine(spans).draw(into: &grid, x: rect.x, y: rect.y, width: rect.width)
  }
}
