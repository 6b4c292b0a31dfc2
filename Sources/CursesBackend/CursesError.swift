/// Why the terminal could not be started.
public enum CursesError: Error, Sendable, Equatable {
  /// Standard input or output is not a terminal.
  case notATerminal
  /// ncurses could not set up the terminal named by `TERM` (nil when unset).
  case cannotStart(term: String?)
}
