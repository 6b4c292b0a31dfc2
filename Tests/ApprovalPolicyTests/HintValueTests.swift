import ApprovalPolicy
import PreflightJSON
import Testing

struct HintValueTests {
  /// chatgpt-approval.md §1: hints are read from the raw JSON value, never coerced.
  @Test(arguments: [
    (JSONValue?.none, HintValue.absent),
    (JSONValue.null, HintValue.null),
    (JSONValue.bool(true), HintValue.declared(true)),
    (JSONValue.bool(false), HintValue.declared(false)),
    (JSONValue.string("true"), HintValue.invalid("true")),
    (JSONValue.number("1"), HintValue.invalid(.number("1"))),
    (JSONValue.object(JSONObject()), HintValue.invalid(.object(JSONObject()))),
  ])
  func `a hint is read from the raw JSON without coercion`(json: JSONValue?, expected: HintValue) {
    #expect(HintValue(json: json) == expected)
  }

  /// chatgpt-approval.md §1: only the literal `true` counts as read-only.
  @Test(arguments: [
    (HintValue.declared(true), true, false, false),
    (.declared(false), false, true, false),
    (.absent, false, false, true),
    (.null, false, false, true),
    (.invalid("true"), false, false, true),
  ])
  func `only a JSON boolean is declared`(
    value: HintValue, isTrue: Bool, isFalse: Bool, isMissing: Bool
  ) {
    #expect(value.isTrue == isTrue)
    #expect(value.isFalse == isFalse)
    #expect(value.isMissing == isMissing)
  }

  /// chatgpt-approval.md §1: an invalid hint is flagged with its value and type.
  @Test(arguments: [
    (HintValue.declared(true), "true"),
    (.declared(false), "false"),
    (.absent, "missing"),
    (.null, "null"),
    (.invalid("true"), #""true" (a string, not a boolean)"#),
    (.invalid(.number("1")), "1 (a number, not a boolean)"),
    (.invalid(.array([])), "[] (an array, not a boolean)"),
  ])
  func `a hint describes how it was declared`(value: HintValue, text: String) {
    #expect(value.description == text)
  }
}
