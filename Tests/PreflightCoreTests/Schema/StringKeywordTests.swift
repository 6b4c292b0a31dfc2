import PreflightCore
import PreflightJSON
import Testing

@Suite struct StringKeywordTests {
  static let cases: [SchemaCase] = [
    SchemaCase(
      "too short", schema: #"{"properties":{"title":{"minLength":1}}}"#,
      instance: #"{"title":""}"#, ["/title: title must be at least 1 character long"]),
    SchemaCase(
      "too long", schema: #"{"maxLength":3}"#, instance: #""abcd""#,
      ["/: value must be at most 3 characters long"]),
    SchemaCase(
      "length counts code points, not UTF-16 units (an emoji is one)",
      schema: #"{"maxLength":1}"#, instance: #""😀""#),
    SchemaCase(
      "length counts code points, not graphemes (e + accent is two)",
      schema: #"{"maxLength":1}"#, instance: #""e\u0301""#,
      ["/: value must be at most 1 character long"]),
    SchemaCase("length keywords ignore other types", schema: #"{"minLength":3}"#, instance: "1"),
    SchemaCase("a pattern is not anchored", schema: #"{"pattern":"b"}"#, instance: #""abc""#),
    SchemaCase(
      "a pattern mismatch shows the pattern",
      schema: #"{"properties":{"id":{"pattern":"^t[0-9]+$"}}}"#, instance: #"{"id":"x1"}"#,
      ["/id: id must match the pattern ^t[0-9]+$"]),
    SchemaCase(
      "a pattern uses ECMA-262 \\d (ASCII digits only)",
      schema: #"{"pattern":"^\\d+$"}"#, instance: #""١٢""#,
      [#"/: value must match the pattern ^\d+$"#]),
    SchemaCase(
      "a pattern supports Unicode property escapes",
      schema: #"{"pattern":"^\\p{L}+$"}"#, instance: #""Zoë""#),
    SchemaCase(
      "several string keywords report together",
      schema: #"{"minLength":5,"pattern":"^[a-z]+$"}"#, instance: #""AB""#,
      [
        "/: value must be at least 5 characters long",
        "/: value must match the pattern ^[a-z]+$",
      ]),
  ]

  @Test(arguments: cases)
  func `string keywords`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }

  static let formats: [SchemaCase] = [
    SchemaCase(
      "a date names its shape",
      schema: #"{"properties":{"due":{"properties":{"date":{"type":"string","format":"date"}}}}}"#,
      instance: #"{"due":{"date":"31/01/2025"}}"#,
      ["/due/date: due.date must be a date (YYYY-MM-DD)"]),
    SchemaCase("a real date", schema: #"{"format":"date"}"#, instance: #""2024-02-29""#),
    SchemaCase(
      "a day that does not exist", schema: #"{"format":"date"}"#, instance: #""2025-02-29""#,
      ["/: value must be a date (YYYY-MM-DD)"]),
    SchemaCase(
      "a date-time needs a time", schema: #"{"format":"date-time"}"#,
      instance: #""2025-01-31""#,
      ["/: value must be a date and time (such as 2025-01-31T09:30:00Z)"]),
    SchemaCase(
      "a date-time may leave out the offset, as Python does", schema: #"{"format":"date-time"}"#,
      instance: #""2025-01-31T09:30:00""#),
    SchemaCase(
      "a date-time with fractions and an offset", schema: #"{"format":"date-time"}"#,
      instance: #""2025-01-31T09:30:00.123+01:00""#),
    SchemaCase("a time with Z", schema: #"{"format":"time"}"#, instance: #""23:59:60Z""#),
    SchemaCase(
      "a time without seconds",
      schema: #"{"format":"time"}"#, instance: #""09:30""#,
      ["/: value must be a time (HH:MM:SS, such as 09:30:00 or 09:30:00+01:00)"]),
    SchemaCase("an email address", schema: #"{"format":"email"}"#, instance: #""ada@example.com""#),
    SchemaCase(
      "not an email address", schema: #"{"format":"email"}"#, instance: #""ada at example""#,
      ["/: value must be an email address"]),
    SchemaCase("a URI", schema: #"{"format":"uri"}"#, instance: #""https://example.com/a?b=1#c""#),
    SchemaCase(
      "a relative reference is not a URI", schema: #"{"format":"uri"}"#, instance: #""/a/b""#,
      ["/: value must be an absolute URI (such as https://example.com/)"]),
    SchemaCase(
      "a URI with a space", schema: #"{"format":"uri"}"#, instance: #""https://example.com/a b""#,
      ["/: value must be an absolute URI (such as https://example.com/)"]),
    SchemaCase("a URI reference", schema: #"{"format":"uri-reference"}"#, instance: #""../a?b""#),
    SchemaCase(
      "a UUID", schema: #"{"format":"uuid"}"#, instance: #""123e4567-e89b-12d3-a456-426614174000""#
    ),
    SchemaCase(
      "not a UUID", schema: #"{"format":"uuid"}"#, instance: #""123e4567e89b12d3a456426614174000""#,
      ["/: value must be a UUID (8-4-4-4-12 hex digits)"]),
    SchemaCase("an IPv4 address", schema: #"{"format":"ipv4"}"#, instance: #""192.168.0.1""#),
    SchemaCase(
      "an IPv4 address out of range", schema: #"{"format":"ipv4"}"#, instance: #""256.1.1.1""#,
      ["/: value must be an IPv4 address"]),
    SchemaCase("an IPv6 address", schema: #"{"format":"ipv6"}"#, instance: #""2001:db8::1""#),
    SchemaCase(
      "not an IPv6 address", schema: #"{"format":"ipv6"}"#, instance: #""2001:db8:::1""#,
      ["/: value must be an IPv6 address"]),
    SchemaCase("a duration", schema: #"{"format":"duration"}"#, instance: #""PT1H30M""#),
    SchemaCase("a host name", schema: #"{"format":"hostname"}"#, instance: #""api.example.com""#),
    SchemaCase(
      "an unknown format is not checked", schema: #"{"format":"int32"}"#, instance: #""x""#),
    SchemaCase("formats ignore other types", schema: #"{"format":"email"}"#, instance: "12"),
    SchemaCase(
      "formats off: a bad date passes", schema: #"{"format":"date"}"#, instance: #""soon""#,
      options: .init(validateFormats: false)),
    SchemaCase(
      "formats off: a bad email passes", schema: #"{"format":"email"}"#, instance: #""nope""#,
      options: .init(validateFormats: false)),
  ]

  @Test(arguments: formats)
  func `formats are checked when asked`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }
}
