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
    let movement: Set<Action> = [.up, .down, .pageUp, .pageDown, .top, .bottom]
    let groups: [(String, (KeyBinding) -> Bool)] = [
      ("Everywhere", { $0.scopes.contains(.global) }),
      ("The call form", { $0.scopes.contains(.mode(.form)) }),
      ("The arguments JSON editor", { $0.scopes.contains(.mode(.jsonEditor)) }),
      (
        "The request _meta (m) and its JSON editor",
        { $0.scopes.contains(.mode(.requestMeta)) || $0.scopes.contains(.mode(.metaEditor)) }
      ),
      ("Moving in lists, the detail and frames", { movement.contains($0.action) }),
      ("Tool list", { $0.scopes.contains(.pane(.tools)) && !movement.contains($0.action) }),
      ("Tool detail", { $0.scopes.contains(.pane(.detail)) && !movement.contains($0.action) }),
      ("Wire", { $0.scopes.contains(.pane(.wire)) && !movement.contains($0.action) }),
      ("Log", { $0.scopes.contains(.pane(.log)) && !movement.contains($0.action) }),
      ("An opened frame", { $0.scopes.contains(.mode(.frame)) && !movement.contains($0.action) }),
      ("A call's result", { $0.scopes.contains(.mode(.result)) }),
      ("The shared command line", { $0.scopes.contains(.mode(.shareCommand)) }),
      ("Typing a filter", { $0.scopes.contains(.mode(.filter)) }),
      ("Resources and prompts (o)", { $0.scopes.contains(.mode(.catalog)) }),
      ("A server asks for input", { $0.scopes.contains(.mode(.elicitation)) }),
      ("A server asks for a model reply", { $0.scopes.contains(.mode(.sampling)) }),
      ("Quit while busy", { $0.scopes.contains(.mode(.confirmQuit)) }),
    ]
    var out: [StyledLine] = []
    var shown = Set<KeyBinding>()
    for (title, belongs) in groups {
      let bindings = keys.bindings.filter { belongs($0) && !shown.contains($0) }
      guard !bindings.isEmpty else { continue }
      out.append(StyledLine(title, Palette.title))
      for binding in bindings {
        shown.insert(binding)
        let names = binding.keyNames
        out.append(
          StyledLine([
            Span(
              "  " + names + String(repeating: " ", count: max(1, 16 - DisplayWidth.of(names))),
              Palette.key),
            Span(binding.help),
          ]))
      }
      out.append(StyledLine())
    }
    out.append(
      StyledLine("Typing in a filter takes every printable key; Esc clears it.", Palette.dim))
    out.append(
      StyledLine("Ctrl-C quits at any time; the terminal is always restored.", Palette.dim))
    return out
  }
}
