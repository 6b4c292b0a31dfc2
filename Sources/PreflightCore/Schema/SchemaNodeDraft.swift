import PreflightJSON

/// A ``SchemaNode`` while the compiler fills it in.
struct SchemaNodeDraft {
  /// Where the schema is inside the document.
  let pointer: JSONPointer
  /// `true` or `false` for a boolean schema (or one treated as such); nil for an object schema.
  var constant: Bool?

  /// The `title`, for messages.
  var title: String?
  /// The last token of this node's `$ref` (`Task` for `#/$defs/Task`), for messages.
  var referenceName: String?
  /// The `$ref` (also `$dynamicRef` and `$recursiveRef`) target.
  var reference: Int?

  var types: [SchemaType]?
  /// OpenAPI's `nullable: true`: null is allowed whatever else the schema says.
  var isNullable = false
  var enumValues: [JSONValue]?
  var enumKeys: Set<CanonicalJSON> = []
  var constValue: JSONValue?
  var constKey: CanonicalJSON?

  var numericBounds: [NumericBound] = []
  var multipleOf: (value: DecimalNumber, text: String)?

  var minLength: Int?
  var maxLength: Int?
  var pattern: ECMARegex?
  var format: String?

  var properties: [String: Int] = [:]
  /// Property names in schema order, for "known fields are …" messages.
  var propertyOrder: [String] = []
  var patternProperties: [(regex: ECMARegex, node: Int)] = []
  var additionalProperties: Int?
  var propertyNames: Int?
  var required: [String] = []
  var minProperties: Int?
  var maxProperties: Int?
  /// `dependentRequired` (or `dependencies` with an array); the keyword is kept for the path.
  var dependentRequired: [(name: String, needs: [String], keyword: String)] = []
  /// `dependentSchemas` (or `dependencies` with a schema).
  var dependentSchemas: [(name: String, node: Int)] = []
  var unevaluatedProperties: Int?

  /// `prefixItems`, or draft-07's array form of `items`.
  var prefixItems: [Int] = []
  var prefixKeyword = "prefixItems"
  /// `items` after the prefix, or draft-07's `additionalItems`.
  var items: Int?
  var itemsKeyword = "items"
  var contains: Int?
  var minContains: Int?
  var maxContains: Int?
  var minItems: Int?
  var maxItems: Int?
  var uniqueItems = false
  var unevaluatedItems: Int?

  var allOf: [Int] = []
  var anyOf: [Int] = []
  var oneOf: [Int] = []
  var not: Int?
  var ifNode: Int?
  var thenNode: Int?
  var elseNode: Int?

  /// Where the schema is, as a URI fragment such as `#/$defs/Task`.
  let location: String

  /// A node for the schema at `pointer`, with no keywords yet (or a boolean schema).
  init(pointer: JSONPointer, constant: Bool? = nil) {
    self.pointer = pointer
    self.constant = constant
    location = SchemaPointerText.fragment(pointer.tokens)
  }

  /// The schema path of one of this node's keywords, such as `#/properties/title/$ref`.
  func path(_ token: String) -> String {
    location + "/" + SchemaPointerText.escaped(token)
  }
}
