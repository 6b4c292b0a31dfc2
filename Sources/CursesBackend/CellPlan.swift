/// How one grid cell is written through ncurses so that ncurses, which measures with the C
/// library's `wcwidth`, advances exactly the columns the grid gave the cell.
///
/// A cell's text is cut into spacing characters, each with the zero-width marks after it (at
/// most four, as `cchar_t` holds five). If those widths add up to the cell's width, they are
/// written in turn (a flag's two regional indicators, a Devanagari consonant and vowel sign).
/// Otherwise the first spacing character is written if it fits, and the rest of the cell is
/// padded with spaces (an emoji with VS16 that `wcwidth` calls narrow, or a skin-tone
/// sequence, whose modifier is dropped). A character `wcwidth` cannot measure (newer than the
/// C library's Unicode tables) is shown as U+FFFD, padded likewise.
enum CellPlan {
  /// One `cchar_t` to write: a spacing character with its marks, and its columns.
  struct Unit: Equatable {
    /// The scalars, spacing character first.
    var scalars: [Unicode.Scalar]
    /// The columns ncurses will advance.
    var width: Int
  }

  /// The units that draw `text` in `width` columns, measuring each scalar with `measure`
  /// (`wcwidth`: -1 unprintable, 0 combining, 1 or 2).
  static func units(text: String, width: Int, measure: (Unicode.Scalar) -> Int) -> [Unit] {
    var parts: [Unit] = []
    var unprintable = false
    for scalar in text.unicodeScalars {
      let columns = measure(scalar)
      if columns > 0 {
        parts.append(Unit(scalars: [scalar], width: columns))
      } else if columns == 0, !parts.isEmpty {
        if parts[parts.count - 1].scalars.count < 5 {
          parts[parts.count - 1].scalars.append(scalar)
        }
      } else if columns < 0 {
        unprintable = true
      }
    }
    let total = parts.reduce(0) { $0 + $1.width }
    if !unprintable && total == width && !parts.isEmpty {
      return parts
    }
    var plan: [Unit]
    if !unprintable, let first = parts.first, first.width <= width {
      plan = [first]
    } else {
      plan = [Unit(scalars: ["\u{FFFD}"], width: 1)]
    }
    let used = plan.reduce(0) { $0 + $1.width }
    for _ in 0..<max(0, width - used) {
      plan.append(Unit(scalars: [" "], width: 1))
    }
    return plan
  }
}
