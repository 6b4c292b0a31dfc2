import Foundation
import Glibc

/// Writing a result's binary or text content to a file the user named: base64 decoded, never
/// overwriting an existing file unless asked to.
public enum SavedFile {
  /// What to write.
  public enum Contents: Sendable, Hashable {
    /// Base64 text (an image, audio or a resource blob), written decoded.
    case base64(String)
    /// Text (a text resource), written as UTF-8.
    case text(String)

    /// The bytes to write, or nil when the base64 is not valid.
    public var bytes: [UInt8]? {
      switch self {
      case .text(let text): Array(text.utf8)
      case .base64(let b64):
        Self.decode(b64)
      }
    }

    /// Base64 without whitespace, padded when the server left the padding off.
    private static func decode(_ b64: String) -> [UInt8]? {
      var plain = b64.filter { !$0.isWhitespace }
      if plain.count % 4 != 0 { plain += String(repeating: "=", count: 4 - plain.count % 4) }
      return Data(base64Encoded: plain).map { [UInt8]($0) }
    }
  }

  /// How a save ended.
  public enum Outcome: Sendable, Hashable {
    /// Written: the absolute path and the number of bytes.
    case saved(path: String, bytes: Int)
    /// Nothing written: the file exists and overwriting was not asked for.
    case exists(path: String)
    /// Nothing written (or not all of it), with why.
    case failed(path: String, why: String)
  }

  /// The decoded size of base64 text, without decoding it (whitespace ignored).
  public static func decodedSize(base64: String) -> Int {
    var symbols = 0
    var padding = 0
    for byte in base64.utf8 {
      switch byte {
      case UInt8(ascii: "="): padding += 1
      case UInt8(ascii: " "), 0x0A, 0x0D, 0x09: continue
      default: symbols += 1
      }
    }
    let total = symbols + padding
    return max(0, total / 4 * 3 + (total % 4 == 0 ? 0 : (total % 4) - 1) - padding)
  }

  /// Writes `contents` to `path` (relative paths are taken from the current directory); when
  /// `overwrite` is false an existing file is left alone and `.exists` comes back.
  public static func write(_ contents: Contents, to path: String, overwrite: Bool) -> Outcome {
    let absolute =
      path.hasPrefix("/")
      ? path : FileManager.default.currentDirectoryPath + "/" + path
    guard let bytes = contents.bytes else {
      return .failed(path: absolute, why: "the data is not valid base64")
    }
    let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL)
    let fd = open(absolute, flags, 0o644)
    if fd < 0 {
      let code = errno
      if code == EEXIST { return .exists(path: absolute) }
      return .failed(path: absolute, why: String(cString: strerror(code)))
    }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress! + written, bytes.count - written)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return .failed(path: absolute, why: String(cString: strerror(errno)))
      }
      written += n
    }
    return .saved(path: absolute, bytes: written)
  }
}
