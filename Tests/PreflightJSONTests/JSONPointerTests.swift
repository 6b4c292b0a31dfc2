import PreflightJSON
import Testing

@Suite struct JSONPointerTests {
  @Test func `pointers resolve through objects and arrays`() throws {
    let value = try JSONParser.parse(
      #"{"tools":[{"annotations":{"readOnlyHint":true}}],"a/b":{"~k":1}}"#)
    #expect(JSONPointer("/tools/0/annotations/readOnlyHint")?.resolve(in: value) == .bool(true))
    #expect(JSONPointer("/a~1b/~0k")?.resolve(in: value) == 1)
    #expect(JSONPointer("")?.resolve(in: value) == value)
    #expect(JSONPointer("/tools/5")?.resolve(in: value) == nil)
    #expect(JSONPointer("no-slash") == nil)
  }

  @Test func `pointer text escapes tilde and slash`() {
    let pointer = JSONPointer(tokens: ["a/b", "~c", "0"])
    #expect(pointer.description == "/a~1b/~0c/0")
    #expect(JSONPointer(pointer.description) == pointer)
    #expect(JSONPointer().appending("x").appending(2).description == "/x/2")
  }
}
