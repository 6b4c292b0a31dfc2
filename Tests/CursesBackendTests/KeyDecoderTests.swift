import CNcursesw
import CursesBackend
import TerminalGrid
import Testing

@Suite struct KeyDecoderTests {
  @Test(
    arguments: [
      (0x61, Key.character("a")),
      (0x51, .character("Q")),
      (0x20, .character(" ")),
      (0x2F, .character("/")),
      (0x3F, .character("?")),
      (0xE9, .character("é")),
      (0x65E5, .character("日")),
      (0x1F642, .character("🙂")),
      (0x0D, .enter),
      (0x0A, .enter),
      (0x09, .tab),
      (0x1B, .escape),
      (0x7F, .backspace),
      (0x08, .backspace),
      (0x00, .control(" ")),
      (0x01, .control("a")),
      (0x03, .control("c")),
      (0x0C, .control("l")),
      (0x12, .control("r")),
      (0x1A, .control("z")),
      (0x1C, .control("\\")),
      (0x1D, .control("]")),
      (0x1E, .control("^")),
      (0x1F, .control("_")),
    ] as [(UInt32, Key)])
  func `characters decode to keys`(code: UInt32, key: Key) {
    #expect(KeyDecoder.decode(status: OK, code: code) == key)
  }

  @Test(arguments: [0x80, 0x9B, 0x9F, 0xD800, 0x11_0000] as [UInt32])
  func `C1 controls and invalid code points are dropped`(code: UInt32) {
    #expect(KeyDecoder.decode(status: OK, code: code) == nil)
  }

  @Test(
    arguments: [
      (KEY_UP, Key.up),
      (KEY_DOWN, .down),
      (KEY_LEFT, .left),
      (KEY_RIGHT, .right),
      (KEY_PPAGE, .pageUp),
      (KEY_NPAGE, .pageDown),
      (KEY_HOME, .home),
      (KEY_END, .end),
      (KEY_A1, .home),
      (KEY_A3, .pageUp),
      (KEY_C1, .end),
      (KEY_C3, .pageDown),
      (KEY_BTAB, .backTab),
      (KEY_DC, .delete),
      (KEY_BACKSPACE, .backspace),
      (KEY_ENTER, .enter),
      (KEY_RESIZE, .resize),
      (KEY_F0 + 1, .function(1)),
      (KEY_F0 + 5, .function(5)),
      (KEY_F0 + 10, .function(10)),
      (KEY_F0 + 12, .function(12)),
      (KEY_F0 + 63, .function(63)),
    ] as [(Int32, Key)])
  func `function keys decode to keys`(code: Int32, key: Key) {
    #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(code)) == key)
  }

  @Test(arguments: [KEY_MOUSE, KEY_IC, KEY_B2, KEY_F0, KEY_F0 + 64, KEY_MAX + 5] as [Int32])
  func `mouse and unused function keys give nothing`(code: Int32) {
    #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(code)) == nil)
  }

  @Test func `a timeout gives nothing`() {
    #expect(KeyDecoder.decode(status: ERR, code: 0) == nil)
    #expect(KeyDecoder.decode(status: ERR, code: 0x61) == nil)
  }

  @Test func `the mouse decodes clicks and the wheel`() {
    let table: [(UInt32, MouseEvent.Kind?)] = [
      (preflight_button1_pressed(), .press),
      (preflight_button1_clicked(), .press),
      (preflight_button1_released(), .release),
      (preflight_button4_pressed(), .wheelUp),
      (preflight_button5_pressed(), .wheelDown),
      (0, nil),
    ]
    for (state, kind) in table {
      let expected = kind.map { Key.mouse(MouseEvent(kind: $0, x: 3, y: 7)) }
      #expect(KeyDecoder.decodeMouse(buttonState: state, x: 3, y: 7) == expected)
    }
  }
}
