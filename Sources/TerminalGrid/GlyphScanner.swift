import PreflightText

/// One thing drawn in one cell, or two for a wide character: visible text and its width.
struct Glyph: Sendable, Hashable {
  /// A grapheme, or one spacing character with its combining marks.
  var text: String
  /// 1 or 2.
  var width: Int
}

/// Turns text into the glyphs `CellGrid.put` draws, so that nothing reaches the terminal as a
/// control sequence.
///
/// - Unsafe scalars (`UntrustedText.isUnsafe`: C0 and C1 controls, DEL, bidi controls,
///   zero-width characters and joiners) become their escape, `\u{1B}`, one cell per character,
///   the same spelling as `UntrustedText.sanitize`. An emoji joined by U+200D therefore shows
///   its parts and the joiners' escapes.
/// - A tab becomes spaces up to the next multiple of four columns from the start of the text.
/// - An emoji sequence (flag, VS16, skin tone, keycap) is one glyph of width 2.
/// - Any other cluster is split into its spacing characters, each with the marks that follow
///   it, so each glyph is 1 or 2 columns as the terminal counts them; marks with nothing to
///   attach to (a lone combining accent) are escaped.
enum GlyphScanner {
  static let tabStop = 4

  /// Calls `body` with each glyph of `text` in order until it returns false.
  static func scan(_ text: String, _ body: (Glyph) -> Bool) {
    var column = 0
    func emit(_ glyph: Glyph) -> Bool {
      column += glyph.width
      return body(glyph)
    }
    for character in text {
      let scalars = character.unicodeScalars
      if !scalars.contains(where: UntrustedText.isUnsafe) {
        guard emitSafe(character, emit) else { return }
        continue
      }
      var pending = String.UnicodeScalarView()
      for scalar in scalars {
        guard UntrustedText.isUnsafe(scalar) else {
          pending.append(scalar)
          continue
        }
        if !pending.isEmpty {
          for part in String(pending) {
            guard emitSafe(part, emit) else { return }
          }
          pending = String.UnicodeScalarView()
        }
        if scalar == "\t" {
          let spaces = tabStop - column % tabStop
          for _ in 0..<spaces {
            guard emit(Glyph(text: " ", width: 1)) else { return }
          }
        } else {
          guard emitEscape(scalar, emit) else { return }
        }
      }
      for part in String(pending) {
        guard emitSafe(part, emit) else { return }
      }
    }
  }

  /// Emits a cluster that holds no unsafe scalar.
  private static func emitSafe(_ character: Character, _ emit: (Glyph) -> Bool) -> Bool {
    let scalars = character.unicodeScalars
    if scalars.count == 1, let only = scalars.first {
      let width = DisplayWidth.of(only)
      return width == 0
        ? emitEscape(only, emit) : emit(Glyph(text: String(character), width: width))
    }
    if DisplayWidth.isEmojiSequence(scalars) {
      return emit(Glyph(text: String(character), width: 2))
    }
    var unit = String.UnicodeScalarView()
    var unitWidth = 0
    for scalar in scalars {
      let width = DisplayWidth.of(scalar)
      if width == 0 {
        if unitWidth == 0 {
          guard emitEscape(scalar, emit) else { return false }
        } else {
          unit.append(scalar)
        }
        continue
      }
      if unitWidth > 0 {
        guard emit(Glyph(text: String(unit), width: unitWidth)) else { return false }
      }
      unit = String.UnicodeScalarView([scalar])
      unitWidth = width
    }
    if unitWidth > 0 {
      return emit(Glyph(text: String(unit), width: unitWidth))
    }
    return true
  }

  /// Emits `\u{XX}` for `scalar`, one glyph per character.
  private static func emitEscape(_ scalar: Unicode.Scalar, _ emit: (Glyph) -> Bool) -> Bool {
    for character in escape(scalar) {
      guard emit(Glyph(text: String(character), width: 1)) else { return false }
    }
    return true
  }

  /// The visible escape for `scalar`: `\u{1B}`, hexadecimal in capitals.
  static func escape(_ scalar: Unicode.Scalar) -> String {
    "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
  }
}
