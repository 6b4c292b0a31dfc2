import PreflightCore
import PreflightJSON

/// The `_meta` that the TUI's next model-style `tools/call` carries, as three layers merged key
/// by key: the profile's keys (with this user's `openai/subject` and the current conversation's
/// `openai/session`, as the session makes them), then `--request-meta`, then the edits made in
/// the TUI (`m`). A key whose merged value is `null` is not sent: that is how a profile key is
/// removed, here and in `--request-meta` alike.
///
/// The edits apply to every following call in every conversation. `openai/session` follows the
/// conversation unless an edit sets it (it is then pinned: the same value in every
/// conversation).
public struct RequestMetaEdits: Sendable, Hashable {
  /// The key ChatGPT's conversation id travels in.
  public static let sessionKey = "openai/session"

  /// The profile's tool-call keys for ``profileConversation``, as the session would send them.
  public var profile = JSONObject()
  /// The conversation whose `openai/session` ``profile`` holds; nil until the session said.
  public var profileConversation: String?
  /// `--request-meta`, as given.
  public var commandLine = JSONObject()
  /// The edits made in the TUI, merged over the other two; `null` removes a key. Empty when
  /// nothing was edited.
  public var override = JSONObject()
  /// The overlay's selected row.
  public var selected = 0

  /// Makes empty layers (nothing known yet, nothing edited).
  public init() {}

  /// Whether the TUI changed anything.
  public var isEdited: Bool { !override.isEmpty }

  /// Whether ``profile`` holds `conversation`'s `openai/session`.
  public func knows(_ conversation: String) -> Bool { profileConversation == conversation }

  /// The profile's keys with `--request-meta` over them (`null`s kept).
  public var base: JSONObject { MCPClientSession.mergedMeta(profile, commandLine) }

  /// Every layer merged (`null`s kept): what the editor shows.
  public var merged: JSONObject { MCPClientSession.mergedMeta(base, override) }

  /// What goes out: every layer merged, the `null`s left out.
  public var sent: JSONObject { JSONObject(merged.members.filter { !$0.value.isNull }) }

  /// `--request-meta` with the edits over it: what `preflight call --request-meta` needs to
  /// send the same `_meta` (the profile supplies the rest).
  public var commandLineEquivalent: JSONObject {
    MCPClientSession.mergedMeta(commandLine, override)
  }

  /// Every key in order (the profile's, then new ones), with its value and source.
  public var rows: [RequestMetaRow] {
    merged.keys.map { key in
      let fallback = [commandLine[key], profile[key]].compactMap { $0 }.first { !$0.isNull }
      if let edit = override[key] {
        let existed = commandLine[key] != nil || profile[key] != nil
        return RequestMetaRow(
          key: key, value: edit.isNull ? (fallback ?? .null) : edit,
          source: existed ? .edited : .added, sent: !edit.isNull)
      }
      if let given = commandLine[key] {
        return RequestMetaRow(
          key: key, value: given.isNull ? (profile[key] ?? .null) : given, source: .commandLine,
          sent: !given.isNull)
      }
      return RequestMetaRow(key: key, value: profile[key] ?? .null, source: .profile, sent: true)
    }
  }

  /// The edits that make the merged `_meta` equal `edited` (a whole object from the editor):
  /// a key that differs from the profile and `--request-meta` is set; a key they send that
  /// `edited` lacks, or sets to `null`, is removed; an earlier edit that `edited` keeps as it was
  /// stays an edit, so a pinned `openai/session` stays pinned.
  public func override(for edited: JSONObject) -> JSONObject {
    let base = self.base
    var out = JSONObject()
    for member in edited.members {
      let key = member.key
      let value = member.value
      if let earlier = override[key], JSONEditorFlow.same(earlier, value) {
        out[key] = value
      } else if value.isNull {
        if let below = base[key], !below.isNull { out[key] = .null }
      } else if let below = base[key], JSONEditorFlow.same(below, value) {
        continue
      } else {
        out[key] = value
      }
    }
    for member in base.members where !member.value.isNull && edited[member.key] == nil {
      out[member.key] = .null
    }
    return out
  }

  /// Stops sending `key`, or sends it again: a removed key comes back with the value below the
  /// edit; a key added here disappears. Returns what happened, in words.
  public mutating func toggleSent(_ key: String) -> String {
    if let edit = override[key] {
      if edit.isNull {
        override[key] = nil
        if let below = base[key], below.isNull, let p = profile[key] { override[key] = p }
        return "\(key) is sent again"
      }
      if base[key] == nil || base[key]?.isNull == true {
        override[key] = nil
        return "\(key) removed: it was added here"
      }
      override[key] = .null
      return "\(key) is not sent any more"
    }
    guard let below = base[key] else { return "\(key) is not in the request _meta" }
    if below.isNull {
      guard let p = profile[key] else { return "\(key) has no value to send" }
      override[key] = p
      return "\(key) is sent again (with the profile's value)"
    }
    override[key] = .null
    return "\(key) is not sent any more"
  }

  /// Pins `openai/session` to the current conversation's value (the same in every later
  /// conversation), or unpins it (a new one for each conversation again). Returns what happened.
  public mutating func togglePin(conversation: String) -> String {
    let key = Self.sessionKey
    if let edit = override[key], !edit.isNull {
      override[key] = nil
      guard let below = base[key], !below.isNull else {
        return "\(key) removed: the profile sends none"
      }
      return "\(key) unpinned: each new conversation gets a new one"
    }
    guard knows(conversation), let current = base[key], !current.isNull else {
      return "no openai/session to pin: this profile sends none (add one with e)"
    }
    override[key] = current
    return "\(key) pinned: later conversations keep this value"
  }

  /// What a call in `conversation` would send, for the card's request view: ``sent`` when the
  /// session has said what `conversation`'s keys are; otherwise the profile's placeholders
  /// (named `profileName`) with the other layers over them.
  public func sent(conversation: String, profileName: String) -> JSONObject {
    if knows(conversation) { return sent }
    var placeholders = self
    placeholders.profile =
      ClientProfile.named(profileName)?.toolCallMeta.objectValue ?? JSONObject()
    return placeholders.sent
  }
}
