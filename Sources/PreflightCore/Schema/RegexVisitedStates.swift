/// The (instruction, position) states a regex search has already explored: a dense bit set for
/// the main search, a hash set for lookaround bodies. Never exploring a state twice is what keeps
/// matching linear in pattern size × text length.
struct RegexVisitedStates {
  private var bits: [UInt64]
  private var sparse: Set<Int> = []
  private let isDense: Bool

  /// A dense set for `count` states.
  init(dense count: Int) {
    bits = Array(repeating: 0, count: (count + 63) / 64)
    isDense = true
  }

  /// An empty sparse set.
  init() {
    bits = []
    isDense = false
  }

  /// Marks `state`; false when it was already marked.
  mutating func insert(_ state: Int) -> Bool {
    guard isDense else { return sparse.insert(state).inserted }
    let word = state >> 6
    let mask = UInt64(1) << UInt64(state & 63)
    if bits[word] & mask != 0 { return false }
    bits[word] |= mask
    return true
  }
}
