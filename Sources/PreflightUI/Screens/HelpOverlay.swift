import TerminalGrid

/// Every key, from the key table, grouped by where it works.
enum HelpOverlay {
  static func render(_ state: AppState, keys: KeyMap, in rect: Rect, into grid: inout CellGrid) {
    let width = min(rect.width - 4, 90)
    let height = min(rect.height - 2, 40)
    let box = Rect(
      x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width,
      height: height)
    grid.fill(box)
    grid.drawBox(box, title: "Keys", footer: "Esc close", focused: true)
    let inner = box.content
    let all = lines(keys)
    let start = ListWindow.clamp(state.helpScroll, count: all.count, height: inner.height)
    for (offset, line) in all[start..<min(all.count, start + inner.height)].enumerated() {
      line.draw(into: &grid, x: inner.x, y: inner.y + offset, width: inner.width)
    }
  }

  static func lines(_ keys: KeyMap) -> [StyledLine] {
    let groups: [(String, [KeyScope])] = [
      ("Everywhere", [.global]),
      ("Tool list", [.pane(.tools)]),
      ("Tool detail", [.pane(.detail)]),
      ("Wire", [.pane(.wire)]),
      ("Log", [.pane(.log)]),
      ("An opened frame", [.mode(.frame)]),
      ("Typing a filter", [.mode(.filter)]),
      ("This help", [.mode(.help)]),
      ("Quit while busy", [.mode(.confirmQuit)]),
    ]
    var out: [StyledLine] = []
    for (title, scopes) in groups {
      let bindings = keys.bindings.filter { b in b.scopes.contains { scopes.contains($0) } }
      guard !bindings.isEmpty else { continue }
      out.append(StyledLine(title, Palette.title))
      for binding in bindings {
        let names = binding.keyNames
        out.append(
          StyledLine([
            Span(
              "  " + names + String(repeating: " ", count: max(1, 16 - DisplayWidth.of(names))),
              Palette.key),
            Span(binding.help),
          ]))
      }
    }
    out.append(StyledLine())
    out.append(
      StyledLine("Ctrl-C quits at any time; the terminal is always restored.", Palette.dim))
    return out
  }
}
