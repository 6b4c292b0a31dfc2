import Testing

@testable import PreflightCore

/// A format, a string, and whether the string is valid for the format.
struct FormatCase: Sendable, CustomTestStringConvertible {
  let format: String
  let text: String
  let valid: Bool

  init(_ format: String, _ text: String, _ valid: Bool) {
    self.format = format
    self.text = text
    self.valid = valid
  }

  var testDescription: String { "\(format): \(text.debugDescription) → \(valid)" }
}

@Suite struct SchemaFormatTests {
  static let cases: [FormatCase] = [
    FormatCase("date", "2025-01-31", true),
    FormatCase("date", "2024-02-29", true),
    FormatCase("date", "2100-02-29", false),
    FormatCase("date", "2025-1-31", false),
    FormatCase("date", "2025-04-31", false),
    FormatCase("date", "2025-01-31T00:00:00Z", false),
    FormatCase("date-time", "2025-01-31T09:30:00Z", true),
    FormatCase("date-time", "2025-01-31t09:30:00z", true),
    FormatCase("date-time", "2025-01-31T09:30:00.5-05:30", true),
    FormatCase("date-time", "2025-01-31 09:30:00Z", false),
    FormatCase("date-time", "2025-01-31T24:00:00Z", false),
    FormatCase("time", "09:30:00+01:00", true),
    FormatCase("time", "23:59:60Z", true),
    FormatCase("time", "22:59:60Z", false),
    FormatCase("time", "23:59:60+01:00", false),
    FormatCase("time", "09:30:00", true),
    FormatCase("time", "09:30", false),
    FormatCase("date-time", "2025-01-31T09:30:00", true),
    FormatCase("date-time", "2025-01-31T09:30", false),
    FormatCase("time", "9:30:00Z", false),
    FormatCase("duration", "P3D", true),
    FormatCase("duration", "PT1H30M", true),
    FormatCase("duration", "P1Y2M3DT4H5M6S", true),
    FormatCase("duration", "P2W", true),
    FormatCase("duration", "P", false),
    FormatCase("duration", "PT", false),
    FormatCase("duration", "P1D2Y", false),
    FormatCase("duration", "P1W2D", false),
    FormatCase("duration", "1D", false),
    FormatCase("email", "ada@example.com", true),
    FormatCase("email", "first.last+tag@sub.example.co", true),
    FormatCase("email", "user@localhost", true),
    FormatCase("email", "user@[192.168.0.1]", true),
    FormatCase("email", "\"quoted name\"@example.com", true),
    FormatCase("email", "@example.com", false),
    FormatCase("email", "ada@", false),
    FormatCase("email", "ada example@x.com", false),
    FormatCase("email", ".ada@example.com", false),
    FormatCase("email", "ada..b@example.com", false),
    FormatCase("email", "zoë@example.com", false),
    FormatCase("idn-email", "zoë@example.com", true),
    FormatCase("hostname", "example.com", true),
    FormatCase("hostname", "-bad.example", false),
    FormatCase("hostname", "a..b", false),
    FormatCase("hostname", String(repeating: "a", count: 64) + ".com", false),
    FormatCase("ipv4", "127.0.0.1", true),
    FormatCase("ipv4", "01.2.3.4", false),
    FormatCase("ipv4", "1.2.3", false),
    FormatCase("ipv6", "::1", true),
    FormatCase("ipv6", "::", true),
    FormatCase("ipv6", "fe80::1:2:3:4", true),
    FormatCase("ipv6", "::ffff:192.168.0.1", true),
    FormatCase("ipv6", "1:2:3:4:5:6:7:8", true),
    FormatCase("ipv6", "1:2:3:4:5:6:7:8:9", false),
    FormatCase("ipv6", "1::2::3", false),
    FormatCase("ipv6", "12345::", false),
    FormatCase("ipv6", "fe80::1%eth0", false),
    FormatCase("uri", "https://example.com/path?q=1#frag", true),
    FormatCase("uri", "urn:isbn:0451450523", true),
    FormatCase("uri", "mailto:ada@example.com", true),
    FormatCase("uri", "//example.com", false),
    FormatCase("uri", "1http://x", false),
    FormatCase("uri", "https://example.com/%zz", false),
    FormatCase("uri", "https://例え.jp", false),
    FormatCase("iri", "https://例え.jp", true),
    FormatCase("uri-reference", "", true),
    FormatCase("uri-reference", "#frag", true),
    FormatCase("uri-reference", "a b", false),
    FormatCase("uuid", "123e4567-e89b-12d3-a456-426614174000", true),
    FormatCase("uuid", "123E4567-E89B-12D3-A456-426614174000", true),
    FormatCase("uuid", "123e4567-e89b-12d3-a456-42661417400g", false),
    FormatCase("json-pointer", "", true),
    FormatCase("json-pointer", "/a~1b/c~0", true),
    FormatCase("json-pointer", "/a~2", false),
    FormatCase("json-pointer", "a", false),
    FormatCase("regex", "^[a-z]+$", true),
    FormatCase("regex", "[a-", false),
  ]

  @Test(arguments: cases)
  func `formats follow their RFCs`(_ row: FormatCase) {
    #expect(SchemaFormat.check(row.format, row.text) == row.valid)
  }

  @Test func `unknown formats are not checked`() {
    #expect(SchemaFormat.check("int32", "x") == nil)
    #expect(SchemaFormat.phrase("int32") == nil)
  }
}
