import ApprovalPolicy
import Testing

/// The static read-only check: a mutating verb at the start of a read-only tool's name.
@Suite struct MutatingNameHeuristicTests {
  static let names: [(String, String?)] = [
    ("create_event", "create"),
    ("delete-note", "delete"),
    ("deleteNote", "delete"),
    ("UpdateRecord", "update"),
    ("send_email", "send"),
    ("post.message", "post"),
    ("set_status", "set"),
    ("add", "add"),
    ("remove_item", "remove"),
    ("write_file", "write"),
    ("__upsert_row", "upsert"),
    ("list_tasks", nil),
    ("get_task", nil),
    ("search", nil),
    ("settings_read", nil),  // "settings" is not "set"
    ("addresses", nil),
    ("createdAt_lookup", nil),  // "createdAt" → "created", not a listed verb
    ("run_query", nil),  // left out on purpose: often read-only
    ("order_status", nil),
    ("", nil),
  ]

  @Test(arguments: names) func `the first word is checked against the verbs`(
    name: String, verb: String?
  ) {
    #expect(MutatingNameHeuristic.mutatingVerb(in: name) == verb)
  }

  @Test func `only a tool that claims readOnlyHint true gets a finding`() {
    let claims = ToolFacts.stub("delete_cache", readOnly: .declared(true))
    let message = MutatingNameHeuristic.finding(for: claims)
    #expect(message?.contains("\"delete\"") == true)
    #expect(message?.contains("delete_cache") == true)
    #expect(
      MutatingNameHeuristic.finding(for: .stub("delete_cache", readOnly: .declared(false))) == nil)
    #expect(MutatingNameHeuristic.finding(for: .stub("delete_cache")) == nil)
    #expect(
      MutatingNameHeuristic.finding(for: .stub("list_caches", readOnly: .declared(true))) == nil)
  }
}
