/// The OSC 52 escape sequence that asks a terminal to put text on the system clipboard
/// (`ESC ] 52 ; c ; BASE64 BEL`). Terminals that do not allow it ignore it; tmux keeps it in
/// its paste buffer when `set-clipboard` is on.
public enum ClipboardSequence {
  /// The bytes to write for `text`.
  public static func osc52(_ text: String) -> [UInt8] {
    Array("\u{1B}]52;c;".utf8) + Array(base64(Array(text.utf8)).utf8) + [0x07]
  }

  /// Standard base64 with padding.
  public static func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var out = ""
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let b0 = bytes[index]
      let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
      let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : "=")
      out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : "=")
      index += 3
    }
    return out
  }
}
