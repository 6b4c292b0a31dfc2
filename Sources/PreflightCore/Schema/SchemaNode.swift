import PreflightJSON

/// One compiled (sub)schema: a boolean schema, or the keywords of an object schema with every
/// subschema replaced by its index in the validator's node table.
///
/// A class, so the evaluator holds a node with one retain rather than copying every keyword.
final class SchemaNode: Sendable {
  /// Where the schema is inside the document.
  let pointer: JSONPointer
  /// `true` or `false` for a boolean schema (or one treated as such); nil for an object schema.
  let constant: Bool?

  /// The `title`, for messages.
  let title: String?
  /// The last token of this node's `$ref` (`Task` for `#/$defs/Task`), for messages.
  let referenceName: String?
  /// The `$ref` (also `$dynamicRef` and `$recursiveRef`) target.
  let reference: Int?

  let types: [SchemaType]?
  /// OpenAPI's `nullable: true`: null is allowed whatever else the schema says.
  let isNullable: Bool
  let enumValues: [JSONValue]?
  let enumKeys: Set<CanonicalJSON>
  let constValue: JSONValue?
  let constKey: CanonicalJSON?

  let numericBounds: [NumericBound]
  let multipleOf: (value: DecimalNumber, text: String)?

  let minLength: Int?
  let maxLength: Int?
  let pattern: ECMARegex?
  let format: String?

  let properties: [String: Int]
  /// Property names in schema order, for "known fields are …" messages.
  let propertyOrder: [String]
  let patternProperties: [(regex: ECMARegex, node: Int)]
  let additionalProperties: Int?
  let propertyNames: Int?
  let required: [String]
  let minProperties: Int?
  let maxProperties: Int?
  /// `dependentRequired` (or `dependencies` with an array); the keyword is kept for the path.
  let dependentRequired: [(name: String, needs: [String], keyword: String)]
  /// `dependentSchemas` (or `dependencies` with a schema).
  let dependentSchemas: [(name: String, node: Int)]
  let unevaluatedProperties: Int?

  /// `prefixItems`, or draft-07's array form of `items`.
  let prefixItems: [Int]
  let prefixKeyword: String
  /// `items` after the prefix, or draft-07's `additionalItems`.
  let items: Int?
  let itemsKeyword: String
  let contains: Int?
  let minContains: Int?
  let maxContains: Int?
  let minItems: Int?
  let maxItems: Int?
  let uniqueItems: Bool
  let unevaluatedItems: Int?

  let allOf: [Int]
  let anyOf: [Int]
  let oneOf: [Int]
  let not: Int?
  let ifNode: Int?
  let thenNode: Int?
  let elseNode: Int?

  /// Where the schema is, as a URI fragment such as `#/$defs/Task`.
  let location: String

  /// Freezes a draft.
  init(_ draft: SchemaNodeDraft) {
    pointer = draft.pointer
    constant = draft.constant
    title = draft.title
    referenceName = draft.referenceName
    reference = draft.reference
    types = draft.types
    isNullable = draft.isNullable
    enumValues = draft.enumValues
    enumKeys = draft.enumKeys
    constValue = draft.constValue
    constKey = draft.constKey
    numericBounds = draft.numericBounds
    multipleOf = draft.multipleOf
    minLength = draft.minLength
    maxLength = draft.maxLength
    pattern = draft.pattern
    format = draft.format
    properties = draft.properties
    propertyOrder = draft.propertyOrder
    patternProperties = draft.patternProperties
    additionalProperties = draft.additionalProperties
    propertyNames = draft.propertyNames
    required = draft.required
    minProperties = draft.minProperties
    maxProperties = draft.maxProperties
    dependentRequired = draft.dependentRequired
    dependentSchemas = draft.dependentSchemas
    unevaluatedProperties = draft.unevaluatedProperties
    prefixItems = draft.prefixItems
    prefixKeyword = draft.prefixKeyword
    items = draft.items
    itemsKeyword = draft.itemsKeyword
    contains = draft.contains
    minContains = draft.minContains
    maxContains = draft.maxContains
    minItems = draft.minItems
    maxItems = draft.maxItems
    uniqueItems = draft.uniqueItems
    unevaluatedItems = draft.unevaluatedItems
    allOf = draft.allOf
    anyOf = draft.anyOf
    oneOf = draft.oneOf
    not = draft.not
    ifNode = draft.ifNode
    thenNode = draft.thenNode
    elseNode = draft.elseNode
    location = draft.location
  }

  /// The schema path of one of this node's keywords, such as `#/properties/title/minLength`.
  func path(_ tokens: String...) -> String {
    var text = location
    for token in tokens {
      text += "/"
      text += SchemaPointerText.escaped(token)
    }
    return text
  }

  /// Whether the node needs to know which members its in-place subschemas looked at.
  var needsEvaluatedMembers: Bool { unevaluatedProperties != nil || unevaluatedItems != nil }
}
