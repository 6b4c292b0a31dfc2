import PreflightCore
import PreflightJSON
import Testing

/// One row of a validation table: a schema, an instance, and the violations expected, each
/// written as `SchemaViolation.description` (`/title: title is required`, `/` for the root).
struct SchemaCase: Sendable, CustomTestStringConvertible {
  let name: String
  let schema: String
  let instance: String
  let expected: [String]
  let options: JSONSchemaValidator.Options

  init(
    _ name: String, schema: String, instance: String, _ expected: [String] = [],
    options: JSONSchemaValidator.Options = .init()
  ) {
    self.name = name
    self.schema = schema
    self.instance = instance
    self.expected = expected
    self.options = options
  }

  var testDescription: String { name }

  /// Validates the instance and returns the violations as descriptions.
  func run() throws -> [String] {
    let validator = try JSONSchemaValidator(schema: JSONParser.parse(schema), options: options)
    #expect(validator.problems == [], "schema problems in \(name)")
    return validator.validate(try JSONParser.parse(instance)).map(\.description)
  }
}

/// Parses JSON text in a test.
func parsedJSON(_ text: String) throws -> JSONValue {
  try JSONParser.parse(text)
}
