/// Runs a ``RegexProgram`` over a text: a backtracking search that remembers every state it has
/// explored, so it never takes more than (instructions × (text length + 1)) steps for the main
/// pattern, however ambiguous the pattern (`(a+)+$` included).
struct RegexMatcher {
  private let program: RegexProgram
  private let text: [UInt32]
  private let width: Int
  private var budget: Int
  private var lookaroundResults: [Int: Bool] = [:]

  /// The most states the main search may mark (a 16 MB bit set); longer texts are not checked.
  static let maximumStates = 1 << 27
  /// The most steps one search may take, lookarounds included.
  static let maximumSteps = 20_000_000

  /// Prepares to search `text`.
  init(program: RegexProgram, text: [UInt32]) {
    self.program = program
    self.text = text
    width = text.count + 1
    budget = Self.maximumSteps
  }

  /// Whether the pattern matches anywhere in the text; nil when the text is too long for the
  /// pattern to be checked within the limits.
  mutating func search() -> Bool? {
    let states = program.code.count.multipliedReportingOverflow(by: width)
    guard !states.overflow, states.partialValue <= Self.maximumStates else { return nil }
    var visited = RegexVisitedStates(dense: states.partialValue)
    for start in 0..<width {
      guard let found = run(from: 0, at: start, target: nil, visited: &visited) else { return nil }
      if found { return true }
    }
    return false
  }

  /// Explores from (`startPC`, `startPosition`); true when a `match` is reached (at `target`, if
  /// given), false when every path fails, nil when the step budget runs out.
  private mutating func run(
    from startPC: Int, at startPosition: Int, target: Int?, visited: inout RegexVisitedStates
  ) -> Bool? {
    var stack: [(Int, Int)] = [(startPC, startPosition)]
    let count = text.count
    while let (firstPC, firstPosition) = stack.popLast() {
      var pc = firstPC
      var position = firstPosition
      thread: while visited.insert(pc * width + position) {
        budget -= 1
        if budget < 0 { return nil }
        switch program.code[pc] {
        case .scalar(let value):
          guard position < count, text[position] == value else { break thread }
          pc += 1
          position += 1
        case .anyExceptLineTerminator:
          guard position < count, !RegexClassEscape.isLineTerminator(text[position]) else {
            break thread
          }
          pc += 1
          position += 1
        case .set(let index):
          guard position < count, program.sets[index].contains(text[position]) else {
            break thread
          }
          pc += 1
          position += 1
        case .split(let first, let second):
          stack.append((second, position))
          pc = first
        case .jump(let next):
          pc = next
        case .inputStart:
          guard position == 0 else { break thread }
          pc += 1
        case .inputEnd:
          guard position == count else { break thread }
          pc += 1
        case .wordBoundary(let negated):
          let before = position > 0 && RegexClassEscape.isWord(text[position - 1])
          let after = position < count && RegexClassEscape.isWord(text[position])
          guard (before != after) != negated else { break thread }
          pc += 1
        case .lookaround(let index):
          guard let holds = lookaround(index, at: position) else { return nil }
          guard holds else { break thread }
          pc += 1
        case .match:
          if target == nil || target == position { return true }
          break thread
        }
      }
    }
    return false
  }

  /// Whether lookaround `index` holds at `position` (cached), or nil when out of budget.
  private mutating func lookaround(_ index: Int, at position: Int) -> Bool? {
    let key = index * width + position
    if let known = lookaroundResults[key] { return known }
    let look = program.lookarounds[index]
    var visited = RegexVisitedStates()
    var found = false
    if look.behind {
      // The body must match some stretch that ends exactly here.
      for start in stride(from: position, through: 0, by: -1) {
        guard let result = run(from: look.start, at: start, target: position, visited: &visited)
        else { return nil }
        if result {
          found = true
          break
        }
      }
    } else {
      guard let result = run(from: look.start, at: position, target: nil, visited: &visited)
      else { return nil }
      found = result
    }
    let holds = found != look.negated
    lookaroundResults[key] = holds
    return holds
  }
}
