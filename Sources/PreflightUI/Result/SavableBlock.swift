import PreflightCore

/// A content block of a result that can be written to a file: an image, audio or an embedded
/// resource.
public struct SavableBlock: Sendable, Hashable {
  /// The block's position in `content`.
  public var index: Int
  /// The layout line of its heading (where the selection mark goes).
  public var line: Int
  /// What it is, for messages: `image/png image`.
  public var label: String
  /// The file name offered by default (in the current directory).
  public var suggestedName: String
  /// The bytes, still encoded as the server sent them.
  public var contents: SavedFile.Contents

  /// Makes a savable block.
  public init(
    index: Int, line: Int, label: String, suggestedName: String, contents: SavedFile.Contents
  ) {
    self.index = index
    self.line = line
    self.label = label
    self.suggestedName = suggestedName
    self.contents = contents
  }

  /// A file extension for a MIME type (`bin` when unknown).
  static func fileExtension(_ mime: String?) -> String {
    let known: [String: String] = [
      "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp",
      "image/svg+xml": "svg", "audio/wav": "wav", "audio/x-wav": "wav", "audio/mpeg": "mp3",
      "audio/ogg": "ogg", "audio/webm": "webm", "text/plain": "txt", "text/html": "html",
      "text/markdown": "md", "text/csv": "csv", "application/json": "json",
      "application/pdf": "pdf",
    ]
    let base = (mime ?? "").split(separator: ";").first.map(String.init) ?? ""
    return known[base.lowercased()] ?? "bin"
  }

  /// A safe default file name: the URI's last path part when it is plain, else `content-N.ext`.
  static func suggestedName(index: Int, mime: String?, uri: String?) -> String {
    if let uri, let last = uri.split(separator: "/").last, last.count <= 64,
      !last.hasPrefix("."), last.contains("."),
      last.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || $0 == "." || $0 == "-" || $0 == "_"
      })
    {
      return String(last)
    }
    return "content-\(index + 1).\(fileExtension(mime))"
  }
}
