import CNcursesw
import TerminalGrid

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal through ncursesw: start, size, draw a `GridDiff`, read a key, stop.
///
/// ncurses is not thread-safe: create it and call every method on the main thread. It is not
/// `Sendable`. `stop()` (also run on deinit) restores the terminal and may be called twice.
public final class CursesTerminal {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private var palette: CursesPalette
  private var stopped = false
  private var lastSize: Size

  /// Whether styles are drawn in colour (false for `NO_COLOR`, monochrome terminals, or when
  /// `start(colors: false)`).
  public let hasColors: Bool

  /// Whether mouse events are reported as `Key.mouse`.
  public let hasMouse: Bool

  private init(
    screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colors: Bool, mouse: Bool
  ) {
    self.screen = screen
    self.window = window
    var defaultColors = false
    var colorsOn = false
    if colors && has_colors() && start_color() == OK {
      colorsOn = true
      defaultColors = use_default_colors() == OK
    }
    self.hasColors = colorsOn
    self.palette = CursesPalette(
      colors: colorsOn, colorCount: Int(preflight_colors()),
      pairCount: Int(preflight_color_pairs()), defaultColors: defaultColors)
    var mouseOn = false
    if mouse {
      let wanted =
        preflight_button1_pressed() | preflight_button1_released()
        | preflight_button4_pressed() | preflight_button5_pressed()
      mouseOn = mousemask(wanted, nil) != 0
      if mouseOn { mouseinterval(0) }
    }
    self.hasMouse = mouseOn
    self.lastSize = Size(
      width: Int(preflight_getmaxx(window)), height: Int(preflight_getmaxy(window)))
  }

  deinit {
    stop()
  }

  /// Takes over the terminal: sets the locale from the environment (falling back to C.UTF-8
  /// for characters when it is not UTF-8), then newterm, cbreak, noecho, nonl, keypad, a 25 ms
  /// Esc delay, a hidden cursor, and colours on the terminal's own background when `colors`
  /// (pass false for `NO_COLOR` or a monochrome choice). `mouse` turns on click and wheel
  /// reports (it stops the terminal's own text selection, so it is off by default).
  ///
  /// Throws `CursesError.notATerminal` when stdin or stdout is not a terminal, and
  /// `CursesError.cannotStart` when ncurses cannot set it up; it never exits the process.
  public static func start(colors: Bool, mouse: Bool = false) throws -> CursesTerminal {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CursesError.notATerminal
    }
    setlocale(LC_ALL, "")
    if !isUTF8Codeset() {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.utf8") }
    }
    guard let screen = preflight_newterm(), let window = preflight_stdscr() else {
      throw CursesError.cannotStart(term: getenv("TERM").map { String(cString: $0) })
    }
    cbreak()
    noecho()
    nonl()
    intrflush(window, false)
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    return CursesTerminal(screen: screen, window: window, colors: colors, mouse: mouse)
  }

  /// The terminal's size now (it changes after `Key.resize`); the last size once stopped.
  public var size: Size {
    guard !stopped else { return lastSize }
    lastSize = Size(
      width: Int(preflight_getmaxx(window)), height: Int(preflight_getmaxy(window)))
    return lastSize
  }

  /// Draws `diff` and updates the screen: clears first when `clearAll`, then writes each run's
  /// cells with their styles, wide characters whole; cells beyond the current size are
  /// skipped.
  public func apply(_ diff: GridDiff) {
    guard !stopped else { return }
    if diff.clearAll { wclear(window) }
    let current = size
    for run in diff.runs where run.y >= 0 && run.y < current.height {
      for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
        let x = run.x + offset
        guard x >= 0, x + max(1, cell.width) <= current.width else { continue }
        draw(cell, x: x, y: run.y)
      }
    }
    wrefresh(window)
  }

  /// Waits up to `timeoutMilliseconds` (negative: forever) for a key; nil on timeout or for
  /// keys Preflight does not use.
  public func readKey(timeoutMilliseconds: Int32) -> Key? {
    guard !stopped else { return nil }
    wtimeout(window, timeoutMilliseconds)
    var code: wint_t = 0
    let status = wget_wch(window, &code)
    if status == KEY_CODE_YES && Int32(truncatingIfNeeded: code) == KEY_MOUSE {
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      return KeyDecoder.decodeMouse(buttonState: event.bstate, x: event.x, y: event.y)
    }
    return KeyDecoder.decode(status: status, code: UInt32(code))
  }

  /// Lends the terminal to another program (an editor): saves curses' modes and ends curses
  /// mode, so the terminal is as the shell had it. Call ``resume()`` afterwards.
  public func suspend() {
    guard !stopped else { return }
    def_prog_mode()
    curs_set(1)
    endwin()
  }

  /// Takes the terminal back after ``suspend()``: restores curses' modes, drops input left
  /// over from the other program (answers to its terminal queries would read as keys), and
  /// redraws the whole screen on the next ``apply(_:)`` (pass a full diff).
  public func resume() {
    guard !stopped else { return }
    reset_prog_mode()
    flushinp()
    curs_set(0)
    keypad(window, true)
    clearok(window, true)
    wrefresh(window)
  }

  /// Writes an OSC 52 sequence asking the terminal to copy `text` to the clipboard; call it
  /// after ``apply(_:)`` so curses' own output is flushed first. Terminals that do not allow
  /// it ignore it.
  public func copyToClipboard(_ text: String) {
    guard !stopped else { return }
    let bytes = ClipboardSequence.osc52(text)
    fflush(nil)
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { break }
        offset += written
      }
    }
  }

  /// Gives the terminal back: shows the cursor, ends curses mode and frees the screen. Safe
  /// to call more than once; the terminal does nothing afterwards.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    curs_set(1)
    endwin()
    delscreen(screen)
  }

  private func draw(_ cell: Cell, x: Int, y: Int) {
    let attributes = palette.attributes(for: cell.style)
    let pair = palette.pair(for: cell.style)
    let units = CellPlan.units(text: cell.text, width: max(1, cell.width)) { scalar in
      Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }
    var column = Int32(x)
    for unit in units {
      var characters = unit.scalars.map { wchar_t(bitPattern: $0.value) }
      characters.append(0)
      var complex = cchar_t()
      characters.withUnsafeBufferPointer { buffer in
        _ = setcchar(&complex, buffer.baseAddress, attributes, pair, nil)
      }
      mvwadd_wch(window, Int32(y), column, &complex)
      column += Int32(unit.width)
    }
  }

  private static func isUTF8Codeset() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
