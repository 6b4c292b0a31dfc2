import PreflightText
import TerminalGrid

/// The resources and prompts overlay: the list (kind, URI or name, title and details, widget
/// mark), or the opened item's lines. Server text reaches the grid, which shows control
/// characters as visible escapes.
enum CatalogView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let catalog = state.catalog else { return }
    if let form = state.catalogForm {
      renderForm(
        form, template: catalog.selectedRow?.kind == .template,
        completions: state.catalogCompletions, in: rect, into: &grid)
      return
    }
    let counts = Dictionary(grouping: catalog.rows, by: \.kind).mapValues(\.count)
    let title =
      catalog.opened?.title
      ?? "Resources \(counts[.resource] ?? 0) · templates \(counts[.template] ?? 0) · prompts \(counts[.prompt] ?? 0)"
    let footer = catalog.opened == nil ? "Enter open · Esc close" : "Esc back"
    let area = Modal.box(
      in: rect, width: 120, height: rect.height - 2, title: title, footer: footer, into: &grid)
    guard !area.isEmpty else { return }
    if let opened = catalog.opened {
      Modal.lines(opened.lines.map { StyledLine($0) }, from: catalog.scroll, in: area, into: &grid)
      return
    }
    if catalog.loading {
      grid.putTruncated("listing…", x: area.x, y: area.y, width: area.width, style: Palette.dim)
      return
    }
    if let error = catalog.error {
      grid.putTruncated(error, x: area.x, y: area.y, width: area.width, style: Palette.error)
      return
    }
    if catalog.rows.isEmpty {
      grid.putTruncated(
        "The server lists no resources, templates or prompts.", x: area.x, y: area.y,
        width: area.width, style: Palette.dim)
      return
    }
    let start = ListWindow.start(
      current: 0, selected: catalog.selected, count: catalog.rows.count, height: area.height)
    for (offset, row) in catalog.rows[start..<min(catalog.rows.count, start + area.height)]
      .enumerated()
    {
      let index = start + offset
      let y = area.y + offset
      let marker = index == catalog.selected ? "▶ " : "  "
      var spans = [
        Span(marker), Span(pad(row.kind.rawValue, 9), Palette.dim),
        Span(row.key + "  ", Palette.key),
      ]
      if row.widget { spans.append(Span("[widget] ", Palette.accent)) }
      if row.kind == .resource && state.subscriptions.contains(row.key) {
        spans.append(Span("[subscribed] ", Palette.accent))
      }
      spans.append(Span(row.detail, Palette.dim))
      var line = StyledLine(spans)
      if index == catalog.selected {
        line = StyledLine(line.spans.map { Span($0.text, Palette.selected) })
      }
      line.draw(into: &grid, x: area.x, y: y, width: area.width)
    }
  }

  /// A prompt's arguments or a template's variables being filled in; a template shows the URI
  /// it makes so far, and the completions asked for show as a pick list under their field.
  static func renderForm(
    _ form: CallForm, template: Bool, completions: CompletionPick? = nil, in rect: Rect,
    into grid: inout CellGrid
  ) {
    let title = (template ? "Read " : "Get prompt ") + form.toolName
    let footer =
      completions == nil
      ? (template ? "Enter read" : "Enter get") + " · Tab next · Ctrl-T complete · Esc back"
      : "←→ choose · Enter pick · Esc close the list"
    let area = Modal.box(
      in: rect, width: 120, height: rect.height - 2, title: title, footer: footer, into: &grid)
    guard !area.isEmpty else { return }
    var lines: [StyledLine] = []
    if template, let uri = CatalogForms.expandedURI(form) {
      lines.append(StyledLine([Span("URI  ", Palette.dim), Span(uri, Palette.key)]))
      lines.append(StyledLine(""))
    }
    let (fields, selected) = FormView.lines(form)
    let selectedLine = lines.count + selected
    lines += fields
    if let completions {
      lines.insert(contentsOf: pickLines(completions), at: selectedLine + 1)
    }
    let start = ListWindow.start(
      current: 0, selected: selectedLine, count: lines.count, height: area.height)
    Modal.lines(lines, from: start, in: area, into: &grid)
  }

  /// The pick list: one value a line (server text, made one safe line), the highlighted one
  /// marked, then what the list holds.
  static func pickLines(_ pick: CompletionPick) -> [StyledLine] {
    var lines: [StyledLine] = []
    for (index, value) in pick.values.enumerated() {
      let shown = UntrustedText.oneLine(value, width: 100)
      lines.append(
        index == pick.selected
          ? StyledLine([Span("    ▸ ", Palette.accent), Span(shown, Palette.selected)])
          : StyledLine([Span("      "), Span(shown)]))
    }
    lines.append(StyledLine("      " + pick.summary, Palette.dim))
    return lines
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
