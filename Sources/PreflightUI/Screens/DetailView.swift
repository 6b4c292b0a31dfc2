import ApprovalPolicy
import PreflightJSON
import TerminalGrid

/// The selected tool in full: what ChatGPT does with it and why, the description, the input and
/// output schemas as trees, every annotation (set or defaulted), `_meta` explained, icons.
enum DetailView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    let focused = state.focus == .detail
    guard let item = state.tools.selected else {
      grid.drawBox(rect, title: "Detail", focused: focused)
      let inner = rect.content
      if !inner.isEmpty {
        grid.putTruncated(
          state.connection.reason ?? "no tool selected", x: inner.x, y: inner.y,
          width: inner.width, style: state.connection.reason == nil ? Palette.dim : Palette.error)
      }
      return
    }
    var title = item.name
    if let t = item.title { title += " · " + t }
    grid.drawBox(rect, title: title, footer: focused ? "Esc back" : "", focused: focused)
    let inner = rect.content
    guard !inner.isEmpty else { return }
    var all = lines(for: item, width: inner.width)
    if let reason = state.connection.reason {
      // The server is gone: say why above everything else, where the eye already is.
      var banner = [
        StyledLine(
          "✕ \(state.connection.word): "
            + (reason.split(separator: "\n").first.map(String.init) ?? reason), Palette.error)
      ]
      banner += reason.split(separator: "\n").dropFirst().map {
        StyledLine(String($0), Palette.error)
      }
      banner.append(StyledLine("  press R to restart the server", Palette.dim))
      all = banner + [StyledLine()] + all
    }
    let start = ListWindow.clamp(state.detailScroll, count: all.count, height: inner.height)
    for (offset, line) in all[start..<min(all.count, start + inner.height)].enumerated() {
      line.draw(into: &grid, x: inner.x, y: inner.y + offset, width: inner.width)
    }
  }

  static func lines(for item: ToolItem, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    let kind = item.kindWord.uppercased()
    let verdict: String
    switch item.decision {
    case .run: verdict = "ChatGPT runs it without asking"
    case .ask: verdict = "ChatGPT asks for approval"
    case .refuse: verdict = "the policy refuses it"
    }
    out.append(
      StyledLine([
        Span(kind, Palette.kind(item.kindWord).bolded), Span(" · " + verdict, Palette.title),
      ]))
    for line in DisplayWidth.wrap(item.reason, width: max(10, width)) {
      out.append(StyledLine(line, Palette.dim))
    }
    if item.hiddenFromModel {
      out.append(StyledLine("Hidden from the model: only its widget can call it.", Palette.write))
    }
    out.append(StyledLine())
    if let description = item.raw["description"]?.stringValue, !description.isEmpty {
      for line in DisplayWidth.wrap(description, width: max(10, width)) {
        out.append(StyledLine(line))
      }
    } else {
      out.append(StyledLine("(no description)", Palette.dim))
    }
    out.append(StyledLine())
    out.append(StyledLine("Input", Palette.title))
    if let schema = item.raw["inputSchema"] {
      out += SchemaTree.lines(schema, width: width)
    } else {
      out.append(StyledLine("  no inputSchema (the specification requires one)", Palette.error))
    }
    out.append(StyledLine("Output", Palette.title))
    if let schema = item.raw["outputSchema"] {
      out += SchemaTree.lines(schema, width: width)
    } else {
      out.append(StyledLine("  no outputSchema", Palette.dim))
    }
    out.append(StyledLine("Annotations", Palette.title))
    out += annotationLines(item)
    if let meta = item.raw["_meta"]?.objectValue, !meta.isEmpty {
      out.append(StyledLine("_meta", Palette.title))
      for member in meta.members {
        var spans = [
          Span("  " + member.key + "  "), Span(JSONPrinter.compact(member.value), Palette.accent),
        ]
        if let note = MetaGlossary.explanations[member.key] {
          spans.append(Span("  " + note, Palette.dim))
        }
        out.append(StyledLine(spans))
      }
    }
    if let icons = item.raw["icons"]?.arrayValue, !icons.isEmpty {
      out.append(StyledLine("Icons", Palette.title))
      for icon in icons {
        let src = icon["src"]?.stringValue ?? "?"
        let shown = src.hasPrefix("data:") ? String(src.prefix(40)) + "…" : src
        let extra = [icon["mimeType"]?.stringValue, icon["sizes"].map { JSONPrinter.compact($0) }]
          .compactMap { $0 }.joined(separator: " ")
        out.append(StyledLine([Span("  " + shown), Span("  " + extra, Palette.dim)]))
      }
    }
    if let task = item.raw["execution"]?["taskSupport"]?.stringValue {
      out.append(StyledLine([Span("Tasks", Palette.title), Span("  taskSupport " + task)]))
    }
    return out
  }

  private static func annotationLines(_ item: ToolItem) -> [StyledLine] {
    var out: [StyledLine] = []
    if !item.facts.hasAnnotationsObject {
      out.append(
        StyledLine(
          "  no annotations object: every hint takes the specification's default", Palette.write))
    }
    for hint in HintName.allCases {
      let value = item.facts[hint]
      let name = "  " + hint.key
      let padded = name + String(repeating: " ", count: max(1, 20 - name.count))
      switch value {
      case .declared(let b):
        out.append(
          StyledLine([
            Span(padded), Span(b ? "true" : "false", Palette.title), Span("  set", Palette.dim),
          ]))
      case .absent:
        out.append(
          StyledLine([
            Span(padded), Span("–(\(hint.specDefault))", Palette.dim),
            Span("  not set; the default applies", Palette.dim),
          ]))
      case .null:
        out.append(
          StyledLine([
            Span(padded), Span("null", Palette.write),
            Span("  null counts as not set", Palette.dim),
          ]))
      case .invalid(let raw):
        out.append(
          StyledLine([
            Span(padded), Span(JSONPrinter.compact(raw), Palette.error),
            Span("  not a boolean: ChatGPT does not treat it as true", Palette.dim),
          ]))
      }
    }
    if let annotations = item.raw["annotations"]?.objectValue {
      let known = Set(HintName.allCases.map(\.key))
      for member in annotations.members where !known.contains(member.key) {
        out.append(
          StyledLine([
            Span("  " + member.key + "  "), Span(JSONPrinter.compact(member.value), Palette.accent),
          ]))
      }
    }
    return out
  }
}

extension Style {
  /// This style, bold.
  var bolded: Style {
    var s = self
    s.bold = true
    return s
  }
}
