import TerminalGrid

/// Draws the whole screen from the state into a cell grid: no I/O, no terminal.
public enum AppRender {
  /// Renders `state` into `grid` (which has the state's size).
  public static func render(_ state: AppState, into grid: inout CellGrid, keys: KeyMap = .standard)
  {
    let full = Rect(x: 0, y: 0, width: grid.size.width, height: grid.size.height)
    grid.fill(full)
    guard state.fitsMinimum else {
      tooSmall(state, into: &grid)
      return
    }
    let layout = state.layout
    HeaderView.render(state, in: layout.header, into: &grid)
    if let tabs = layout.tabs { TabsView.render(state, in: tabs, into: &grid) }
    for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      switch pane {
      case .tools: ToolsView.render(state, in: rect, into: &grid)
      case .detail: DetailView.render(state, in: rect, into: &grid)
      case .wire: WireView.render(state, in: rect, into: &grid)
      case .log: LogView.render(state, in: rect, into: &grid)
      }
    }
    let body = Rect(x: 0, y: 1, width: full.width, height: full.height - 2)
    switch state.mode {
    case .frame: FrameView.render(state, in: body, into: &grid)
    case .help: HelpOverlay.render(state, keys: keys, in: body, into: &grid)
    case .form: FormView.render(state, in: body, into: &grid)
    case .approval: ApprovalCardView.render(state, in: body, into: &grid)
    case .result: ResultView.render(state, in: body, into: &grid)
    case .jsonEditor, .metaEditor: JSONEditorView.render(state, in: body, into: &grid)
    case .requestMeta: RequestMetaView.render(state, in: body, into: &grid)
    case .shareCommand:
      if state.sharedFrom == .result { ResultView.render(state, in: body, into: &grid) }
      ShareCommandView.render(state, in: body, into: &grid)
    case .check: CheckView.render(state, in: body, into: &grid)
    case .transcript: TranscriptView.render(state, in: body, into: &grid)
    case .refreshDiff: RefreshDiffView.render(state, in: body, into: &grid)
    case .exportPath:
      if state.exportReturn == .transcript { TranscriptView.render(state, in: body, into: &grid) }
      ExportPromptView.render(state, in: body, into: &grid)
    case .catalog: CatalogView.render(state, in: body, into: &grid)
    case .elicitation: ElicitationView.render(state, in: body, into: &grid)
    case .sampling: SamplingView.render(state, in: body, into: &grid)
    default: break
    }
    StatusBar.render(state, keys: keys, in: layout.status, into: &grid)
  }

  private static func tooSmall(_ state: AppState, into grid: inout CellGrid) {
    let lines = [
      "Terminal too small",
      "Preflight needs 80 × 24; this one is \(state.size.width) × \(state.size.height).",
      "Enlarge the window, or press q to quit.",
    ]
    let top = max(0, grid.size.height / 2 - 1)
    for (i, line) in lines.enumerated() where top + i < grid.size.height {
      let width = DisplayWidth.of(line)
      let x = max(0, (grid.size.width - width) / 2)
      grid.putTruncated(
        line, x: x, y: top + i, width: grid.size.width - x, style: i == 0 ? Palette.title : .plain)
    }
  }
}
