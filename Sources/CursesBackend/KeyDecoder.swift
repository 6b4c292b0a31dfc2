import CNcursesw
import TerminalGrid

/// Turns what `wget_wch` returned into a `Key`: a pure function, tested by a table.
public enum KeyDecoder {
  /// The key for a `wget_wch` result: `status` `OK` with a character in `code`, or
  /// `KEY_CODE_YES` with a `KEY_*` code. Nil for `ERR` (timeout), `KEY_MOUSE` (the terminal
  /// reads it with `getmouse` and calls `decodeMouse`) and anything unknown.
  ///
  /// Characters: CR and LF are `.enter`, HT `.tab`, ESC `.escape`, DEL and BS `.backspace`,
  /// other C0 controls `.control` (Ctrl-A is `"a"`, NUL is `" "`, 0x1C–0x1F are `\`, `]`, `^`,
  /// `_`); C1 controls and invalid code points are dropped.
  public static func decode(status: Int32, code: UInt32) -> Key? {
    switch status {
    case OK: decodeCharacter(code)
    case KEY_CODE_YES: decodeFunctionKey(code)
    default: nil
    }
  }

  /// The mouse event for a `getmouse` result: button 1 pressed, clicked or released, and the
  /// wheel (buttons 4 and 5). Nil for anything else.
  public static func decodeMouse(buttonState: UInt32, x: Int32, y: Int32) -> Key? {
    let kind: MouseEvent.Kind
    if buttonState & preflight_button4_pressed() != 0 {
      kind = .wheelUp
    } else if buttonState & preflight_button5_pressed() != 0 {
      kind = .wheelDown
    } else if buttonState & (preflight_button1_pressed() | preflight_button1_clicked()) != 0 {
      kind = .press
    } else if buttonState & preflight_button1_released() != 0 {
      kind = .release
    } else {
      return nil
    }
    return .mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y)))
  }

  private static func decodeCharacter(_ code: UInt32) -> Key? {
    switch code {
    case 0x0D, 0x0A: return .enter
    case 0x09: return .tab
    case 0x1B: return .escape
    case 0x7F, 0x08: return .backspace
    case 0x00: return .control(" ")
    case 0x01...0x1A:
      return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
    case 0x1C...0x1F:
      return .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
    case 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  private static func decodeFunctionKey(_ code: UInt32) -> Key? {
    let key = Int32(truncatingIfNeeded: code)
    switch key {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_BTAB: return .backTab
    case KEY_DC: return .delete
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    case KEY_RESIZE: return .resize
    case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(key - KEY_F0))
    default: return nil
    }
  }
}
