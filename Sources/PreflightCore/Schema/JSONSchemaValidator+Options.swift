extension JSONSchemaValidator {
  /// How strictly and how far the validator checks.
  public struct Options: Sendable, Hashable {
    /// Whether `format` is checked (`email`, `uri`, `date`, `date-time`, `time`, `duration`,
    /// `uuid`, `ipv4`, `ipv6`, `hostname`, `json-pointer`, `regex`); when false it is an
    /// annotation only, as JSON Schema 2020-12 says by default.
    public var validateFormats: Bool
    /// How deeply schemas may be applied inside one another (each level of the instance, and
    /// each `$ref`, `allOf`, `anyOf` … at one level, counts one); deeper values are reported as
    /// too deeply nested to check.
    public var maximumDepth: Int
    /// How many subschema applications one validation may make before it stops and reports
    /// the value as too large or complex to check.
    public var maximumSteps: Int
    /// What messages call the whole instance: "value must be an object, not an array".
    public var rootName: String

    /// Makes options; the defaults check formats and allow any realistic document.
    public init(
      validateFormats: Bool = true, maximumDepth: Int = 200, maximumSteps: Int = 2_000_000,
      rootName: String = "value"
    ) {
      self.validateFormats = validateFormats
      self.maximumDepth = maximumDepth
      self.maximumSteps = maximumSteps
      self.rootName = rootName
    }
  }
}
