import HostFlow
import PreflightCore

/// Flags read-only tools that change state while the TUI runs (issue 12 §3): the wire pane's
/// records go through ``HintHonestyObserver``, and each new piece of evidence is noted in the
/// log with the record that shows it. Pure: it changes the state only.
enum HintWatch {
  /// Whether a batch of records may hold new evidence: an inbound resource update or
  /// `list_changed` notification.
  static func mayMatter(_ records: [WireRecord]) -> Bool {
    records.contains { record in
      guard record.direction == .inbound, let method = record.message?["method"]?.stringValue
      else { return false }
      return method == "notifications/resources/updated" || method.hasSuffix("/list_changed")
    }
  }

  /// Notes evidence not noted before, one log line each.
  static func update(_ state: inout AppState) {
    let findings = HintHonestyObserver.findings(
      records: state.wire.records, tools: state.tools.items.map(\.raw))
    for finding in findings {
      for evidence in finding.evidence where !state.notedHintEvidence.contains(evidence.seq) {
        state.notedHintEvidence.insert(evidence.seq)
        state.log.note(
          tag: "hint",
          text: "\(finding.tool) declares readOnlyHint: true, but \(evidence.what) "
            + "(wire record \(evidence.seq)): ChatGPT would run it without asking",
          time: state.wire.rows.last?.time ?? "")
      }
    }
  }
}
