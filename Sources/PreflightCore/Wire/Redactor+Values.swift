import PreflightJSON

extension Redactor {
  /// Masks the user's secret values wherever they appear inside the strings of `value` (member
  /// names included), and nothing else: unlike ``redact(_:)-(JSONValue)``, members named like
  /// secrets keep their values, so a server's message keeps its meaning. Returns nil when
  /// nothing changed.
  ///
  /// The peer applies this to every message it receives before handing it on, so a server that
  /// echoes the user's token (in a description, a result, an error) cannot put it on screen, in
  /// `--json` output or in an error message.
  public func maskingSecretValues(_ value: JSONValue) -> JSONValue? {
    guard !secrets.isEmpty else { return nil }
    switch value {
    case .string(let text):
      let (masked, changed) = redact(text)
      return changed ? .string(masked) : nil
    case .array(let items):
      var copy: [JSONValue]?
      for (index, item) in items.enumerated() {
        if let masked = maskingSecretValues(item) {
          if copy == nil { copy = items }
          copy![index] = masked
        }
      }
      return copy.map { .array($0) }
    case .object(let object):
      if let raw = object.raw {
        guard mightRedact(raw, names: false) else { return nil }
        return maskingSecretValues(.object(JSONObject(object.members)))
      }
      var copy: JSONObject?
      for (index, member) in object.members.enumerated() {
        let (key, keyChanged) = redact(member.key)
        let masked = maskingSecretValues(member.value)
        if keyChanged || masked != nil {
          if copy == nil { copy = object }
          copy!.members[index].key = key
          if let masked { copy!.members[index].value = masked }
        }
      }
      return copy.map { .object($0) }
    default:
      return nil
    }
  }
}
