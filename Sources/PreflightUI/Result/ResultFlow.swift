import PreflightCore
import TerminalGrid

/// The result view's part of `update`: building the layout when a call finishes or the
/// terminal changes size, scrolling within it, searching, choosing a block and saving it.
enum ResultFlow {
  /// The content area of the result view for a terminal of `size` (the body less the box).
  static func contentArea(_ size: Size) -> Rect {
    Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2)).content
  }

  /// A call finished: a new layout, nothing selected, no search.
  static func finished(_ state: inout AppState) {
    let generation = state.resultScreen.generation + 1
    state.resultScreen = ResultScreen()
    state.resultScreen.generation = generation
    state.resultScreen.selectedBlock = nil
    layOut(&state)
    if let blocks = state.resultScreen.layout?.savable, !blocks.isEmpty {
      state.resultScreen.selectedBlock = 0
    }
  }

  /// The terminal changed size: lay out again only when the width changed.
  static func resized(_ state: inout AppState) {
    guard state.lastCall != nil else { return }
    if state.resultScreen.layout?.width != contentArea(state.size).width { layOut(&state) }
  }

  private static func layOut(_ state: inout AppState) {
    guard let record = state.lastCall else {
      state.resultScreen.layout = nil
      return
    }
    let tool = state.tools.items.first { $0.name == record.call.name }?.raw
    state.resultScreen.layout = ResultLayout(
      record, tool: tool, width: contentArea(state.size).width,
      generation: state.resultScreen.generation)
  }

  /// The result view's lines: the laid-out result, then who sees what (the model, the
  /// widget); nil before a layout exists.
  static func lineCount(_ state: AppState) -> Int? {
    guard let laidOut = state.resultScreen.layout?.lines.count else { return nil }
    let width = contentArea(state.size).width
    let audience = state.lastCall.map { AudienceView.lines($0, state: state, width: width).count }
    return laidOut + (audience ?? 0)
  }

  /// Scrolls by `delta` lines, kept within the content.
  static func scroll(_ state: inout AppState, by delta: Int) {
    let height = contentArea(state.size).height
    let count = lineCount(state) ?? Int.max / 4
    let last = max(0, count - height)
    state.resultScroll = max(0, min(last, state.resultScroll &+ delta))
  }

  /// Keys typed into the search or the save prompt; nil when no prompt is open.
  static func intercept(_ key: Key, _ state: inout AppState) -> [Effect]? {
    guard state.mode == .result, state.resultScreen.prompting else { return nil }
    if state.resultScreen.typingQuery {
      switch key {
      case .character(let c): state.resultScreen.query.append(c)
      case .backspace:
        if !state.resultScreen.query.isEmpty { state.resultScreen.query.removeLast() }
      case .enter:
        state.resultScreen.typingQuery = false
        find(&state, after: state.resultScroll - 1)
      case .escape:
        state.resultScreen.typingQuery = false
        state.resultScreen.query = ""
        state.resultScreen.match = nil
      default: break
      }
      return []
    }
    if state.resultScreen.confirmOverwrite {
      switch key {
      case .character("y"): return save(&state, overwrite: true)
      case .character("n"), .escape: state.resultScreen.confirmOverwrite = false
      default: break
      }
      return []
    }
    switch key {
    case .character(let c): state.resultScreen.savePath?.append(c)
    case .backspace:
      if state.resultScreen.savePath?.isEmpty == false { state.resultScreen.savePath?.removeLast() }
    case .enter: return save(&state, overwrite: false)
    case .escape:
      state.resultScreen.savePath = nil
      state.notice = "not saved"
    default: break
    }
    return []
  }

  /// The result view's own actions.
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch action {
    case .filter:
      state.resultScreen.typingQuery = true
      state.resultScreen.query = ""
    case .findNext:
      guard !state.resultScreen.query.isEmpty else {
        state.notice = "no search yet — / searches"
        return []
      }
      find(&state, after: state.resultScreen.match ?? state.resultScroll - 1)
    case .nextBlock:
      guard let blocks = state.resultScreen.layout?.savable, !blocks.isEmpty else {
        state.notice = "no image, audio or resource to select"
        return []
      }
      let next = ((state.resultScreen.selectedBlock ?? -1) + 1) % blocks.count
      state.resultScreen.selectedBlock = next
      reveal(blocks[next].line, &state)
    case .save:
      guard let block = selectedBlock(state) else {
        state.notice = "nothing to save: no image, audio or resource in this result"
        return []
      }
      state.resultScreen.savePath = block.suggestedName
      state.resultScreen.confirmOverwrite = false
    default: break
    }
    return []
  }

  /// A save ended.
  static func saved(_ outcome: SavedFile.Outcome, _ state: inout AppState) {
    switch outcome {
    case .saved(let path, let bytes):
      state.resultScreen.savePath = nil
      state.resultScreen.confirmOverwrite = false
      state.notice = "saved \(WireSummary.size(bytes)) to \(path)"
    case .exists(let path):
      state.resultScreen.confirmOverwrite = true
      state.notice = "\(path) exists — y overwrites it, n keeps it"
    case .failed(let path, let why):
      state.resultScreen.confirmOverwrite = false
      state.notice = "could not save \(path): \(why)"
    }
  }

  static func selectedBlock(_ state: AppState) -> SavableBlock? {
    guard let blocks = state.resultScreen.layout?.savable, !blocks.isEmpty else { return nil }
    return blocks[min(blocks.count - 1, max(0, state.resultScreen.selectedBlock ?? 0))]
  }

  private static func save(_ state: inout AppState, overwrite: Bool) -> [Effect] {
    guard let block = selectedBlock(state), let path = state.resultScreen.savePath, !path.isEmpty
    else {
      state.notice = "type a file name first"
      return []
    }
    return [.saveFile(block.contents, path: path, overwrite: overwrite)]
  }

  private static func find(_ state: inout AppState, after line: Int) {
    let query = state.resultScreen.query
    guard !query.isEmpty, let lines = state.resultScreen.layout?.lines else { return }
    if let found = lines.find(query, after: line) {
      if let previous = state.resultScreen.match, found <= previous {
        state.notice = "search wrapped to the top"
      }
      state.resultScreen.match = found
      reveal(found, &state)
    } else {
      state.resultScreen.match = nil
      state.notice = "not found: \(query)"
    }
  }

  /// Scrolls so `line` is on screen, a few lines from the top when it was off screen.
  private static func reveal(_ line: Int, _ state: inout AppState) {
    let height = contentArea(state.size).height
    if line < state.resultScroll || line >= state.resultScroll + height {
      state.resultScroll = max(0, line - 2)
      scroll(&state, by: 0)
    }
  }
}
