extension CellGrid {
  /// The text dump for snapshot tests: each row as text with trailing spaces trimmed, then
  /// a line `--- styles`, then one line per run of cells in the same non-plain style, as
  /// `y x1-x2 style` with inclusive columns and the style in words (`Style.summary`), for
  /// example `3 0-11 fg=green bold`. Every line ends with a newline.
  public func textDump() -> String {
    var out = ""
    for y in 0..<size.height {
      out += rowText(y)
      out += "\n"
    }
    out += "--- styles\n"
    for y in 0..<size.height {
      var x = 0
      while x < size.width {
        let style = self[x, y].style
        var end = x + 1
        while end < size.width && self[end, y].style == style { end += 1 }
        if !style.isPlain {
          out += "\(y) \(x)-\(end - 1) \(style.summary)\n"
        }
        x = end
      }
    }
    return out
  }

  /// Row `y` as text, wide characters once, trailing spaces trimmed; "" outside the grid.
  public func rowText(_ y: Int) -> String {
    guard y >= 0, y < size.height else { return "" }
    var text = ""
    for x in 0..<size.width {
      text += self[x, y].text
    }
    while text.last == " " { text.removeLast() }
    return text
  }
}
