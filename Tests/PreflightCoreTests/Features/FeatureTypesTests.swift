import PreflightCore
import PreflightJSON
import Testing

/// The small pure types behind resources, elicitation, roots and logging.
@Suite struct FeatureTypesTests {
  @Test(arguments: [
    ("https://auth.example.com/start?session=1", "auth.example.com"),
    ("https://user:pw@Evil.Example:8443/path", "evil.example"),
    ("http://[::1]:9000/x", "[::1]"),
    ("https://example.com#frag", "example.com"),
    ("mailto:x@example.com", nil),
  ])
  func `a URL elicitation shows the URL's domain`(url: String, domain: String?) {
    let request = ElicitationRequest(
      params: ["mode": "url", "url": .string(url), "message": "m", "elicitationId": "e"])
    #expect(request.mode == .url)
    #expect(request.domain == domain)
  }

  @Test func `an elicitation without mode is a form`() {
    let request = ElicitationRequest(
      params: ["message": "Pick", "requestedSchema": ["type": "object", "properties": [:]]])
    #expect(request.mode == .form)
    #expect(request.message == "Pick")
    #expect(request.requestedSchema?["type"] == "object")
  }

  @Test func `answers carry content only when accepted with some`() {
    #expect(
      ElicitationAnswer.accept(["colour": "red"]).json == [
        "action": "accept", "content": ["colour": "red"],
      ])
    #expect(ElicitationAnswer.accept(nil).json == ["action": "accept"])
    #expect(ElicitationAnswer.decline.json == ["action": "decline"])
    #expect(ElicitationAnswer.cancel.json == ["action": "cancel"])
  }

  @Test func `-32042 lists the URLs to open, and a session error names them`() throws {
    let error = JSONRPCErrorObject(
      code: -32042, message: "URL elicitation required",
      data: [
        "elicitations": [
          [
            "mode": "url", "message": "Pay first", "url": "https://pay.example.com/x",
            "elicitationId": "pay-1",
          ]
        ]
      ])
    let required = try #require(URLElicitationRequired(error))
    #expect(required.elicitations.map(\.url) == ["https://pay.example.com/x"])
    #expect(required.elicitations.map(\.elicitationID) == ["pay-1"])
    let text = SessionError.rpc(method: "tools/call", error: error).description
    #expect(text.contains("https://pay.example.com/x (domain pay.example.com): Pay first"))
    #expect(text.contains("-32042"))
    #expect(URLElicitationRequired(JSONRPCErrorObject(code: -32602, message: "x")) == nil)
  }

  @Test(arguments: [
    ("/tmp/project", "file:///tmp/project", "project"),
    ("/tmp/a b/", "file:///tmp/a%20b", "a b"),
    ("/srv/café", "file:///srv/caf%C3%A9", "café"),
    ("/", "file:///", "/"),
  ])
  func `roots are file URIs of absolute paths`(path: String, uri: String, name: String) {
    let root = ClientRoot(path: path)
    #expect(root.uri == uri)
    #expect(root.name == name)
    #expect(root.json == ["uri": .string(uri), "name": .string(name)])
  }

  @Test(arguments: [
    (#"{"uri":"ui://widget/board.html"}"#, true),
    (#"{"uri":"https://x/board.html","mimeType":"text/html+skybridge"}"#, true),
    (#"{"uriTemplate":"https://x/{id}","mimeType":"text/html; profile=mcp-app"}"#, true),
    (#"{"uri":"notes://welcome","mimeType":"text/html"}"#, false),
    (#"{"uri":"notes://welcome"}"#, false),
  ])
  func `widget templates are recognised by ui:// or MIME type`(json: String, widget: Bool) throws {
    #expect(WidgetResource.isWidget(try JSONParser.parse(json)) == widget)
  }

  @Test func `resource contents decode blobs and keep text`() throws {
    let result = try JSONParser.parse(
      #"{"contents":[{"uri":"images://logo","mimeType":"image/png","blob":"iVBORw0KGgoAAQIDBAUGBw=="},"#
        + #"{"uri":"notes://welcome","text":"hi"},{"uri":"bad://","blob":"***"}]}"#)
    let contents = ResourceContent.all(in: result)
    #expect(contents.count == 3)
    #expect(
      contents[0].bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 3, 4, 5, 6, 7])
    #expect(contents[0].isBlob && contents[0].text == nil)
    #expect(contents[1].text == "hi" && !contents[1].isBlob && contents[1].data == Array("hi".utf8))
    #expect(contents[2].isBlob && contents[2].data.isEmpty)
  }

  @Test func `a log message line shows level, logger and data, sanitized`() {
    #expect(
      LogMessageLine.text(["level": "warning", "logger": "db", "data": "slow \u{1B}[31mquery"])
        == "server log [warning] db: slow \\u{1B}[31mquery")
    #expect(
      LogMessageLine.text(["level": "info", "data": ["n": 1]]) == #"server log [info] {"n":1}"#)
  }
}
