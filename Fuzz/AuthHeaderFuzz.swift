/// libFuzzer entry point for the 401 handling's header parsing (``HTTPResponseHead``: header
/// lookup, `Content-Type` media type, the failure sentence with the `WWW-Authenticate`
/// challenge) and the redaction applied to it. The input holds a header name, a value and a
/// body, separated by NUL bytes, and a secret taken from the value.
///
/// Invariants: lookup ignores case (every header carries the same value); the media type is lowercased, trimmed and has no
/// parameters; the failure sentence names the status and carries the challenge; and once
/// redacted, the sentence holds no byte sequence of the secret (a secret that shares no
/// character with the mask).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuthHeader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
  let name = String(decoding: parts.first ?? [], as: UTF8.self)
  let value = String(decoding: parts.count > 1 ? parts[1] : [], as: UTF8.self)
  let body = parts.count > 2 ? Array(parts[2]) : []
  let status = 400 + (bytes.first.map { Int($0) % 200 } ?? 1)

  var headers = ["WWW-Authenticate": value, "Content-Type": value]
  headers[name] = value
  let head = HTTPResponseHead(status: status, headers: headers)
  guard head.value("www-authenticate") == value, head.value("WWW-AUTHENTICATE") == value,
    head.value(name) == value, head.value(name.lowercased()) == value
  else { fatalError("auth: header lookup depends on case") }
  if let type = head.mediaType {
    guard type == type.lowercased(), !type.contains(";"),
      type == type.trimmingCharacters(in: .whitespaces)
    else { fatalError("auth: media type \(type.debugDescription) is not normalised") }
  }
  let url = "https://example.test/mcp"
  let text = head.failureText(url: url, body: body, total: body.count)
  guard text.hasPrefix("HTTP \(head.statusLine) from \(url)") else {
    fatalError("auth: the failure sentence does not start with the status")
  }
  if let challenge = head.value("WWW-Authenticate"), !challenge.isEmpty {
    guard text.contains(challenge) else { fatalError("auth: the challenge is missing") }
  }

  // A secret taken from the challenge, as a server that echoes the token would send it.
  let scalars = Array(value.unicodeScalars)
  let start = scalars.isEmpty ? 0 : Int(bytes.last ?? 0) % scalars.count
  let secretScalars = scalars[start...].prefix(4 + Int(bytes.first ?? 0) % 12)
  var secret = ""
  secret.unicodeScalars.append(contentsOf: secretScalars)
  let maskScalars = Set(Redactor.mask.unicodeScalars)
  guard secret.unicodeScalars.count >= 4, secret.count >= 4,
    !secret.unicodeScalars.contains(where: { maskScalars.contains($0) })
  else { return 0 }
  let (redacted, _) = Redactor(secrets: [secret]).redact(text)
  guard !Array(redacted.utf8).contains(Array(secret.utf8)) else {
    fatalError("auth: the secret \(secret.debugDescription) survived redaction")
  }
  return 0
}
