import Foundation
import PreflightJSON

/// One line of the wire log: a frame, a stderr line or a local event, numbered in order.
public struct WireRecord: Sendable, Hashable {
  /// Position in the log, from 1, never reused.
  public var seq: Int
  /// When it was recorded, in milliseconds since 1970 (UTC).
  public var timeMillis: Int64
  /// Which way it went.
  public var direction: WireDirection
  /// The transport's kind (`stdio`, `http`, `sse`, `memory`).
  public var transport: String
  /// The content.
  public var body: WireBody
  /// HTTP details for HTTP and SSE frames, as the JSON object of cli.md.
  public var http: JSONValue?
  /// Whether a secret was replaced in this record.
  public var redacted: Bool
  /// The frame's size on the wire in bytes (0 for local and stderr records).
  public var byteCount: Int

  /// Makes a record.
  public init(
    seq: Int, timeMillis: Int64, direction: WireDirection, transport: String, body: WireBody,
    http: JSONValue? = nil, redacted: Bool = false, byteCount: Int = 0
  ) {
    self.seq = seq
    self.timeMillis = timeMillis
    self.direction = direction
    self.transport = transport
    self.body = body
    self.http = http
    self.redacted = redacted
    self.byteCount = byteCount
  }

  /// The JSON-RPC message, when the frame parsed.
  public var message: JSONValue? {
    if case .message(let m) = body { return m }
    return nil
  }

  /// The record in the NDJSON shape of cli.md.
  public var json: JSONValue {
    var o = JSONObject()
    o["seq"] = .int(seq)
    o["time"] = .string(WireRecord.formatTime(timeMillis))
    o["direction"] = .string(direction.rawValue)
    o["transport"] = .string(transport)
    switch body {
    case .message(let m):
      o["message"] = m
    case .raw(let text, let reason):
      o["raw"] = .string(text)
      o["error"] = .string(reason)
    case .rawBase64(let b64, let reason):
      o["rawBase64"] = .string(b64)
      o["error"] = .string(reason)
    case .stderr(let line):
      o["stderr"] = .string(line)
    case .local(let kind, let text, let details):
      var l = JSONObject()
      l["kind"] = .string(kind)
      l["text"] = .string(text)
      if case .object(let extra)? = details {
        for m in extra.members where m.key != "kind" && m.key != "text" { l[m.key] = m.value }
      }
      o["local"] = .object(l)
    }
    if let http { o["http"] = http }
    if redacted { o["redacted"] = true }
    return .object(o)
  }

  /// Formats milliseconds since 1970 as `2026-11-26T12:01:09.883Z`.
  public static func formatTime(_ millis: Int64) -> String {
    var seconds = time_t(millis / 1000)
    let ms = Int(millis % 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ v: Int32, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
      + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
      + "\(pad(Int32(ms), 3))Z"
  }
}
