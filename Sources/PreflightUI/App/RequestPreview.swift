import PreflightCore
import PreflightJSON

/// The `tools/call` request a call on the card would send, for the card's request view: the
/// params with the `_meta` it will carry (the profile's keys with this user's subject and the
/// conversation's session, `--request-meta`, and the edits made with `m`), secrets redacted.
/// The id and the progress token are assigned when it is sent.
enum RequestPreview {
  /// The request as JSON; `meta` is the `_meta` the call will carry (nil: the profile's).
  static func request(
    for pending: PendingApproval, profile: String, meta: JSONObject? = nil
  ) -> JSONValue {
    var params = JSONObject()
    params["name"] = .string(pending.call.name)
    if let arguments = pending.call.arguments { params["arguments"] = arguments }
    let named = ClientProfile.named(profile)
    var meta = meta ?? named?.toolCallMeta.objectValue ?? JSONObject()
    if named?.sendsProgressTokens == true { meta["progressToken"] = "(assigned when sent)" }
    if !meta.isEmpty { params["_meta"] = .object(meta) }
    var o = JSONObject()
    o["jsonrpc"] = "2.0"
    o["id"] = "(assigned when sent)"
    o["method"] = "tools/call"
    o["params"] = .object(params)
    let value = JSONValue.object(o)
    return Redactor().redact(value) ?? value
  }
}
