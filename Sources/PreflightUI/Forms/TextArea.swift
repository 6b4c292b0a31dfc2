/// A multi-line text being edited: its lines, the cursor, and the first line shown. Pure and
/// small: the raw JSON editor of the call form is one of these.
public struct TextArea: Sendable, Hashable {
  /// The lines, without their line breaks (always at least one, maybe empty).
  public private(set) var lines: [[Character]]
  /// The cursor's line.
  public private(set) var row = 0
  /// The cursor's column, in characters (0 is before the first).
  public private(set) var column = 0
  /// The first line shown (kept by the view so the cursor stays visible).
  public var scroll = 0

  /// Makes an editor holding `text`, the cursor at its start.
  public init(_ text: String = "") {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    if lines.isEmpty { lines = [[]] }
  }

  /// The whole text, lines joined with `\n`.
  public var text: String {
    lines.map { String($0) }.joined(separator: "\n")
  }

  /// Inserts a character at the cursor (`\n` splits the line) and moves past it.
  public mutating func insert(_ c: Character) {
    if c == "\n" || c == "\r\n" || c == "\r" {
      newline()
      return
    }
    lines[row].insert(c, at: column)
    column += 1
  }

  /// Inserts text at the cursor (a paste), line breaks included.
  public mutating func insert(_ text: String) {
    for c in text { insert(c) }
  }

  /// Splits the line at the cursor; the cursor goes to the start of the new line.
  public mutating func newline() {
    let rest = Array(lines[row][column...])
    lines[row].removeSubrange(column...)
    lines.insert(rest, at: row + 1)
    row += 1
    column = 0
  }

  /// Deletes the character before the cursor (at a line's start: joins it to the line above).
  public mutating func deleteBackward() {
    if column > 0 {
      lines[row].remove(at: column - 1)
      column -= 1
    } else if row > 0 {
      let line = lines.remove(at: row)
      row -= 1
      column = lines[row].count
      lines[row] += line
    }
  }

  /// Deletes the character under the cursor (at a line's end: joins the next line to it).
  public mutating func deleteForward() {
    if column < lines[row].count {
      lines[row].remove(at: column)
    } else if row + 1 < lines.count {
      let next = lines.remove(at: row + 1)
      lines[row] += next
    }
  }

  /// Moves one character left, to the end of the line above at a line's start.
  public mutating func moveLeft() {
    if column > 0 {
      column -= 1
    } else if row > 0 {
      row -= 1
      column = lines[row].count
    }
  }

  /// Moves one character right, to the start of the next line at a line's end.
  public mutating func moveRight() {
    if column < lines[row].count {
      column += 1
    } else if row + 1 < lines.count {
      row += 1
      column = 0
    }
  }

  /// Moves `delta` lines up (negative) or down, keeping the column where the line allows.
  public mutating func moveLines(_ delta: Int) {
    row = max(0, min(lines.count - 1, row &+ delta))
    column = min(column, lines[row].count)
  }

  /// Moves to the start of the line.
  public mutating func moveToLineStart() { column = 0 }

  /// Moves to the end of the line.
  public mutating func moveToLineEnd() { column = lines[row].count }

  /// Puts the cursor on `line`, `column` (both from 1, as parse errors count them), clamped.
  public mutating func moveTo(line: Int, column: Int) {
    row = max(0, min(lines.count - 1, line - 1))
    self.column = max(0, min(lines[row].count, column - 1))
  }

  /// The 1-based line and column of UTF-8 byte `offset` in `text` (where a parse stopped).
  public static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var bytes = 0
    for c in text {
      if bytes >= offset { break }
      bytes += c.utf8.count
      if c == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }
}
