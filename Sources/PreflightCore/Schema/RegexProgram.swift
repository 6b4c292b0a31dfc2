/// A regular expression compiled to instructions for ``RegexMatcher``.
struct RegexProgram: Sendable {
  /// The instructions; the main pattern starts at 0, lookaround bodies follow it.
  var code: [RegexInstruction] = []
  /// Character sets the instructions refer to.
  var sets: [RegexCharacterSet] = []
  /// Lookarounds the instructions refer to.
  var lookarounds: [RegexLookaround] = []

  /// Programs longer than this are rejected (counted repetition expands, so `a{1000}{1000}`
  /// would otherwise be a million instructions).
  static let maximumSize = 20_000

  /// Compiles `node`.
  init(_ node: RegexNode) throws(RegexSyntaxError) {
    var pending: [(Int, RegexNode)] = []
    try emit(node, pending: &pending)
    code.append(.match)
    var next = 0
    while next < pending.count {
      let (index, body) = pending[next]
      lookarounds[index].start = code.count
      try emit(body, pending: &pending)
      code.append(.match)
      next += 1
    }
  }

  private mutating func emit(
    _ node: RegexNode, pending: inout [(Int, RegexNode)]
  ) throws(RegexSyntaxError) {
    guard code.count <= Self.maximumSize else {
      throw RegexSyntaxError(reason: "pattern is too large", offset: 0)
    }
    switch node {
    case .empty:
      break
    case .scalar(let value):
      code.append(.scalar(value))
    case .anyExceptLineTerminator:
      code.append(.anyExceptLineTerminator)
    case .set(let set):
      sets.append(set)
      code.append(.set(sets.count - 1))
    case .sequence(let items):
      for item in items { try emit(item, pending: &pending) }
    case .alternation(let branches):
      var exits: [Int] = []
      for (i, branch) in branches.enumerated() {
        if i == branches.count - 1 {
          try emit(branch, pending: &pending)
        } else {
          let split = code.count
          code.append(.split(split + 1, -1))
          try emit(branch, pending: &pending)
          exits.append(code.count)
          code.append(.jump(-1))
          code[split] = .split(split + 1, code.count)
        }
      }
      for exit in exits { code[exit] = .jump(code.count) }
    case .repetition(let body, let min, let max):
      try emitRepetition(body, min: min, max: max, pending: &pending)
    case .inputStart:
      code.append(.inputStart)
    case .inputEnd:
      code.append(.inputEnd)
    case .wordBoundary(let negated):
      code.append(.wordBoundary(negated: negated))
    case .lookaround(let body, let behind, let negated):
      lookarounds.append(RegexLookaround(start: -1, behind: behind, negated: negated))
      pending.append((lookarounds.count - 1, body))
      code.append(.lookaround(lookarounds.count - 1))
    }
  }

  private mutating func emitRepetition(
    _ body: RegexNode, min: Int, max: Int?, pending: inout [(Int, RegexNode)]
  ) throws(RegexSyntaxError) {
    guard let max else {
      if min == 0 {
        let loop = code.count
        code.append(.split(loop + 1, -1))
        try emit(body, pending: &pending)
        code.append(.jump(loop))
        code[loop] = .split(loop + 1, code.count)
      } else {
        for _ in 0..<(min - 1) { try emit(body, pending: &pending) }
        let loop = code.count
        try emit(body, pending: &pending)
        code.append(.split(loop, code.count + 1))
      }
      return
    }
    for _ in 0..<min { try emit(body, pending: &pending) }
    var splits: [Int] = []
    for _ in 0..<(max - min) {
      splits.append(code.count)
      code.append(.split(code.count + 1, -1))
      try emit(body, pending: &pending)
    }
    for split in splits { code[split] = .split(split + 1, code.count) }
  }
}
