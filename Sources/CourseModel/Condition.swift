/// A condition over role-play variables: comparisons with integers joined by `and`, `or`, `not`.
public indirect enum Condition: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
    case greaterOrEqual = ">="
    case greater = ">"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
  }

  case compare(variable: String, Comparison, Int)
  case and(Condition, Condition)
  case or(Condition, Condition)
  case not(Condition)

  /// Whether the condition holds; a variable that is not given counts as 0.
  public func holds(_ variables: [String: Int]) -> Bool {
    switch self {
    case .compare(let name, let comparison, let value):
      return comparison.holds(variables[name] ?? 0, value)
    case .and(let lhs, let rhs): return lhs.holds(variables) && rhs.holds(variables)
    case .or(let lhs, let rhs): return lhs.holds(variables) || rhs.holds(variables)
    case .not(let inner): return !inner.holds(variables)
    }
  }

  /// The variables the condition reads.
  public var variables: Set<String> {
    switch self {
    case .compare(let name, _, _): [name]
    case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.variables.union(rhs.variables)
    case .not(let inner): inner.variables
    }
  }

  public var description: String {
    switch self {
    case .compare(let name, let comparison, let value): "\(name) \(comparison.rawValue) \(value)"
    case .and(let lhs, let rhs): "(\(lhs) and \(rhs))"
    case .or(let lhs, let rhs): "(\(lhs) or \(rhs))"
    case .not(let inner): "not \(inner)"
    }
  }
}

/// Why a condition's text could not be read; `offset` counts characters from the start.
public struct ConditionSyntaxError: Error, Sendable, Hashable {
  public var offset: Int
  public var message: Message

  public init(offset: Int, message: Message) {
    self.offset = offset
    self.message = message
  }
}

extension Condition {
  /// Reads `confiance >= 2 and not (colere > 1 or x = 0)`; `and` binds tighter than `or`.
  public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
    var parser = ConditionParser(text: text)
    let condition = try parser.parseOr()
    parser.skipSpaces()
    if parser.index < parser.characters.count {
      let rest = String(parser.characters[parser.index...])
      throw ConditionSyntaxError(
        offset: parser.index,
        message: Message(
          fr: "texte inattendu « \(rest) » dans la condition « \(text) »",
          en: "unexpected text '\(rest)' in condition '\(text)'"))
    }
    return condition
  }
}

private struct ConditionParser {
  /// Parentheses and `not` nested deeper than this are refused: the parser and every walk over a condition
  /// recurse once per level (the fuzzer overflowed the stack with 3,600 parentheses).
  static let maximumDepth = 32
  /// Comparisons beyond this are refused: `and`/`or` chains nest one level per comparison in the tree.
  static let maximumComparisons = 200

  let text: String
  let characters: [Character]
  var index = 0
  var depth = 0
  var comparisons = 0

  init(text: String) {
    self.text = text
    self.characters = Array(text)
  }

  mutating func skipSpaces() {
    while index < characters.count, characters[index].isWhitespace { index += 1 }
  }

  func error(_ fr: String, _ en: String) -> ConditionSyntaxError {
    ConditionSyntaxError(
      offset: index,
      message: Message(fr: "\(fr) dans la condition « \(text) »", en: "\(en) in condition '\(text)'"))
  }

  mutating func keyword(_ word: String) -> Bool {
    skipSpaces()
    let wordChars = Array(word)
    guard index + wordChars.count <= characters.count,
      Array(characters[index..<index + wordChars.count]) == wordChars
    else { return false }
    let end = index + wordChars.count
    if end < characters.count, isIdentifierCharacter(characters[end]) { return false }
    index = end
    return true
  }

  mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
    var lhs = try parseAnd()
    while keyword("or") {
      let rhs = try parseAnd()
      lhs = .or(lhs, rhs)
    }
    return lhs
  }

  mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
    var lhs = try parseUnary()
    while keyword("and") {
      let rhs = try parseUnary()
      lhs = .and(lhs, rhs)
    }
    return lhs
  }

  mutating func parseUnary() throws(ConditionSyntaxError) -> Condition {
    try enterLevel()
    defer { depth -= 1 }
    if keyword("not") { return .not(try parseUnary()) }
    skipSpaces()
    if index < characters.count, characters[index] == "(" {
      index += 1
      let inner = try parseOr()
      skipSpaces()
      guard index < characters.count, characters[index] == ")" else {
        throw error("parenthèse fermante « ) » attendue", "closing parenthesis ')' expected")
      }
      index += 1
      return inner
    }
    return try parseComparison()
  }

  /// One more level of `not` or parentheses, refused past `maximumDepth`.
  mutating func enterLevel() throws(ConditionSyntaxError) {
    depth += 1
    guard depth <= Self.maximumDepth else {
      throw error(
        "plus de \(Self.maximumDepth) niveaux de parenthèses ou de « not » ; simplifiez la condition",
        "more than \(Self.maximumDepth) levels of parentheses or 'not'; simplify the condition")
    }
  }

  mutating func parseComparison() throws(ConditionSyntaxError) -> Condition {
    comparisons += 1
    guard comparisons <= Self.maximumComparisons else {
      throw error(
        "plus de \(Self.maximumComparisons) comparaisons ; simplifiez la condition",
        "more than \(Self.maximumComparisons) comparisons; simplify the condition")
    }
    skipSpaces()
    let start = index
    while index < characters.count, isIdentifierCharacter(characters[index]) { index += 1 }
    guard index > start else {
      throw error("nom de variable attendu", "variable name expected")
    }
    let name = String(characters[start..<index])
    if ["and", "or", "not"].contains(name) {
      index = start
      throw error("nom de variable attendu avant « \(name) »", "variable name expected before '\(name)'")
    }
    skipSpaces()
    guard let comparison = parseOperator() else {
      throw error(
        "opérateur attendu après « \(name) » (>=, >, =, !=, <, <=)",
        "operator expected after '\(name)' (>=, >, =, !=, <, <=)")
    }
    skipSpaces()
    let numberStart = index
    if index < characters.count, characters[index] == "-" || characters[index] == "+" { index += 1 }
    while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
    guard let value = Int(String(characters[numberStart..<index])) else {
      index = numberStart
      throw error(
        "nombre entier attendu après « \(name) \(comparison.rawValue) »",
        "integer expected after '\(name) \(comparison.rawValue)'")
    }
    return .compare(variable: name, comparison, value)
  }

  mutating func parseOperator() -> Condition.Comparison? {
    for candidate in [Condition.Comparison.greaterOrEqual, .lessOrEqual, .notEqual, .greater, .less, .equal] {
      let symbol = Array(candidate.rawValue)
      if index + symbol.count <= characters.count, Array(characters[index..<index + symbol.count]) == symbol {
        index += symbol.count
        return candidate
      }
    }
    return nil
  }

  func isIdentifierCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
  }
}

extension Condition.Comparison {
  /// Whether `lhs` compares to `rhs` this way.
  @inlinable
  public func holds<Value: BinaryInteger>(_ lhs: Value, _ rhs: Value) -> Bool {
    switch self {
    case .greaterOrEqual: lhs >= rhs
    case .greater: lhs > rhs
    case .equal: lhs == rhs
    case .notEqual: lhs != rhs
    case .less: lhs < rhs
    case .lessOrEqual: lhs <= rhs
    }
  }
}
