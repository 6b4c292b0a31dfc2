import PreflightCore
import PreflightJSON
import Testing

@Suite struct NumberKeywordTests {
  static let cases: [SchemaCase] = [
    SchemaCase("minimum is inclusive", schema: #"{"minimum":1}"#, instance: "1"),
    SchemaCase(
      "below the minimum", schema: #"{"properties":{"count":{"minimum":1}}}"#,
      instance: #"{"count":0}"#, ["/count: count must be at least 1"]),
    SchemaCase("maximum is inclusive", schema: #"{"maximum":10}"#, instance: "10.0"),
    SchemaCase(
      "above the maximum", schema: #"{"maximum":10}"#, instance: "10.5",
      ["/: value must be at most 10"]),
    SchemaCase(
      "exclusiveMinimum as a number (2020-12)", schema: #"{"exclusiveMinimum":0}"#,
      instance: "0", ["/: value must be greater than 0"]),
    SchemaCase(
      "exclusiveMaximum as a number (2020-12)", schema: #"{"exclusiveMaximum":1}"#,
      instance: "0.999"),
    SchemaCase(
      "exclusiveMaximum excludes its limit", schema: #"{"exclusiveMaximum":1}"#,
      instance: "1.0", ["/: value must be less than 1"]),
    SchemaCase(
      "exclusiveMinimum true makes minimum exclusive (draft-04)",
      schema: #"{"minimum":5,"exclusiveMinimum":true}"#, instance: "5",
      ["/: value must be greater than 5"]),
    SchemaCase(
      "exclusiveMaximum false keeps maximum inclusive (draft-04)",
      schema: #"{"maximum":5,"exclusiveMaximum":false}"#, instance: "5"),
    SchemaCase(
      "minimum and exclusiveMinimum both apply",
      schema: #"{"minimum":1,"exclusiveMinimum":3}"#, instance: "2",
      ["/: value must be greater than 3"]),
    SchemaCase(
      "negative numbers compare correctly", schema: #"{"minimum":-2.5}"#, instance: "-3",
      ["/: value must be at least -2.5"]),
    SchemaCase("multipleOf an integer", schema: #"{"multipleOf":3}"#, instance: "9"),
    SchemaCase(
      "not a multiple", schema: #"{"multipleOf":3}"#, instance: "10",
      ["/: value must be a multiple of 3"]),
    SchemaCase(
      "0.3 is a multiple of 0.1, exactly", schema: #"{"multipleOf":0.1}"#, instance: "0.3"),
    SchemaCase("19.99 is a multiple of 0.01", schema: #"{"multipleOf":0.01}"#, instance: "19.99"),
    SchemaCase(
      "0.35 is not a multiple of 0.1", schema: #"{"multipleOf":0.1}"#, instance: "0.35",
      ["/: value must be a multiple of 0.1"]),
    SchemaCase("1.5 is a multiple of 0.5", schema: #"{"multipleOf":0.5}"#, instance: "1.5"),
    SchemaCase("zero is a multiple of anything", schema: #"{"multipleOf":7}"#, instance: "0"),
    SchemaCase(
      "a huge integer is a multiple of 2 when it is even",
      schema: #"{"multipleOf":2}"#, instance: "123456789012345678901234567890"),
    SchemaCase(
      "a huge odd integer is not a multiple of 2",
      schema: #"{"multipleOf":2}"#, instance: "123456789012345678901234567891",
      ["/: value must be a multiple of 2"]),
    SchemaCase(
      "1e308 is a multiple of 1e-308", schema: #"{"multipleOf":1e-308}"#, instance: "1e308"),
    SchemaCase(
      "big numbers compare beyond Double precision",
      schema: #"{"maximum":9007199254740993}"#, instance: "9007199254740994",
      ["/: value must be at most 9007199254740993"]),
    SchemaCase(
      "big numbers at the limit pass", schema: #"{"maximum":9007199254740993}"#,
      instance: "9007199254740993"),
    SchemaCase(
      "1e400 is above any ordinary maximum", schema: #"{"maximum":1e300}"#,
      instance: "1e400", ["/: value must be at most 1e300"]),
    SchemaCase(
      "-1e400 is below any ordinary minimum", schema: #"{"maximum":0}"#, instance: "-1e400"),
    SchemaCase(
      "an exponent too big for Int does not trap", schema: #"{"minimum":0}"#,
      instance: "1e99999999999999999999999"),
    SchemaCase(
      "number keywords ignore other types", schema: #"{"minimum":5,"multipleOf":2}"#,
      instance: #""3""#),
    SchemaCase(
      "an integer with bounds, as tools declare limits",
      schema: #"{"type":"integer","minimum":1,"maximum":100}"#, instance: "150",
      ["/: value must be at most 100"]),
  ]

  @Test(arguments: cases)
  func `numeric keywords compare exactly`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }
}
