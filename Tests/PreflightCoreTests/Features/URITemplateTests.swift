import PreflightCore
import Testing

/// RFC 6570's own examples (sections 1.2 and 3.2), levels 1 to 3 and the prefix modifier.
@Suite struct URITemplateTests {
  static let values: [String: String] = [
    "var": "value", "hello": "Hello World!", "path": "/foo/bar", "empty": "", "x": "1024",
    "y": "768", "accent": "é",
  ]

  @Test(arguments: [
    // Level 1
    ("{var}", "value"), ("{hello}", "Hello%20World%21"), ("{accent}", "%C3%A9"),
    ("{undef}", ""), ("{empty}", ""), ("notes://by-name/{var}", "notes://by-name/value"),
    // Level 2
    ("{+var}", "value"), ("{+hello}", "Hello%20World!"), ("{+path}/here", "/foo/bar/here"),
    ("here?ref={+path}", "here?ref=/foo/bar"), ("X{#var}", "X#value"),
    ("X{#hello}", "X#Hello%20World!"),
    // Level 3
    ("map?{x,y}", "map?1024,768"), ("{x,hello,y}", "1024,Hello%20World%21,768"),
    ("{+x,hello,y}", "1024,Hello%20World!,768"), ("{+path,x}/here", "/foo/bar,1024/here"),
    ("{#x,hello,y}", "#1024,Hello%20World!,768"), ("{#path,x}/here", "#/foo/bar,1024/here"),
    ("X{.var}", "X.value"), ("X{.x,y}", "X.1024.768"), ("{/var}", "/value"),
    ("{/var,x}/here", "/value/1024/here"), ("{;x,y}", ";x=1024;y=768"),
    ("{;x,y,empty}", ";x=1024;y=768;empty"), ("{?x,y}", "?x=1024&y=768"),
    ("{?x,y,empty}", "?x=1024&y=768&empty="), ("?fixed=yes{&x}", "?fixed=yes&x=1024"),
    ("{&x,y,empty}", "&x=1024&y=768&empty="), ("{?x,undef}", "?x=1024"), ("{?undef}", ""),
    ("{/undef,var}", "/value"),
    // Level 4's prefix modifier
    ("{var:3}", "val"), ("{var:30}", "value"), ("{+path:6}/here", "/foo/b/here"),
    ("{?var:2}", "?var=va"),
    // Literals outside expressions keep reserved characters and encode the rest
    ("a b/{var}", "a%20b/value"),
  ])
  func `expands as RFC 6570 says`(template: String, expected: String) throws {
    let parsed = try URITemplate(template)
    #expect(parsed.expand(Self.values) == expected)
  }

  @Test(arguments: ["{var", "var}", "{=var}", "{a b}", "{}", "{var:0}", "{var:x}", "{|x}"])
  func `malformed templates are refused`(template: String) {
    #expect(throws: URITemplateError.self) { try URITemplate(template) }
  }

  @Test func `variables are listed once, in order of first appearance`() throws {
    #expect(try URITemplate("search://items{?q,limit}").variables == ["q", "limit"])
    #expect(try URITemplate("{/a,b}{?b,c}{#a}").variables == ["a", "b", "c"])
    #expect(try URITemplate("notes://welcome").variables.isEmpty)
  }

  @Test func `an error names the offset of the bad expression`() {
    #expect(throws: URITemplateError(offset: 4, reason: "'{' is never closed")) {
      try URITemplate("abc/{var")
    }
  }
}
