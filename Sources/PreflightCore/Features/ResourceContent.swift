import Foundation
import PreflightJSON

/// One entry of a `resources/read` result's `contents`: text, or a base64 blob.
public struct ResourceContent: Sendable, Hashable {
  /// The entry's URI.
  public var uri: String
  /// The declared MIME type, if any.
  public var mimeType: String?
  /// The text, for a text entry.
  public var text: String?
  /// The decoded bytes, for a blob entry whose base64 decodes.
  public var bytes: [UInt8]?
  /// Whether the entry is a blob (even one whose base64 does not decode).
  public var isBlob: Bool
  /// The entry as sent.
  public var raw: JSONValue

  /// Reads one entry.
  public init(json: JSONValue) {
    raw = json
    uri = json["uri"]?.stringValue ?? ""
    mimeType = json["mimeType"]?.stringValue
    text = json["text"]?.stringValue
    if let blob = json["blob"]?.stringValue {
      isBlob = true
      bytes = Data(base64Encoded: blob, options: .ignoreUnknownCharacters).map { Array($0) }
    } else {
      isBlob = false
      bytes = nil
    }
  }

  /// Every entry of a `resources/read` result.
  public static func all(in result: JSONValue) -> [ResourceContent] {
    (result["contents"]?.arrayValue ?? []).map(ResourceContent.init(json:))
  }

  /// Whether this entry is an Apps SDK widget template.
  public var isWidget: Bool { WidgetResource.isWidget(uri: uri, mimeType: mimeType) }

  /// The bytes to save: the text as UTF-8, or the decoded blob.
  public var data: [UInt8] {
    if let text { return Array(text.utf8) }
    return bytes ?? []
  }
}
