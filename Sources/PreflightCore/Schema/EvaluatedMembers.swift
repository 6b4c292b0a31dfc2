/// Which members of an object and elements of an array the keywords at one location looked at,
/// for `unevaluatedProperties` and `unevaluatedItems`.
struct EvaluatedMembers {
  /// Whether every member was looked at (`additionalProperties`, `unevaluatedProperties`).
  var allProperties = false
  /// Members looked at by `properties` and `patternProperties`.
  var properties: Set<String> = []
  /// Whether every element was looked at (`items`, `unevaluatedItems`).
  var allItems = false
  /// How many leading elements `prefixItems` looked at.
  var prefixCount = 0
  /// Elements `contains` matched.
  var items: Set<Int> = []

  /// Adds what `other` looked at.
  mutating func merge(_ other: EvaluatedMembers) {
    allProperties = allProperties || other.allProperties
    properties.formUnion(other.properties)
    allItems = allItems || other.allItems
    prefixCount = max(prefixCount, other.prefixCount)
    items.formUnion(other.items)
  }

  /// Whether member `key` was looked at.
  func covers(property key: String) -> Bool { allProperties || properties.contains(key) }

  /// Whether element `index` was looked at.
  func covers(item index: Int) -> Bool {
    allItems || index < prefixCount || items.contains(index)
  }
}
