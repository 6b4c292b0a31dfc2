extension AppState {
  /// How many lines the result view scrolls over: the laid-out result, then who sees what;
  /// nil before a result is laid out.
  public var resultLineCount: Int? { ResultFlow.lineCount(self) }
}
