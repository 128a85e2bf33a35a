import CourseModel

/// Reads a typed line as the answer a step expects (`2 1 3`, `1, 3`, `v`, `vrai`, `true`…).
///
/// Runner commands (`?`, `r`, `q`) are the runner's business and are not read here.
public enum AnswerParser {
  public static func parse(_ line: String, expecting expectation: Expected) throws(AnswerError) -> Answer {
    let trimmed = line.trimmingWhitespace
    switch expectation {
    case .anyLine:
      return .continue
    case .nothing:
      throw .notWaiting
    case .text:
      guard !trimmed.isEmpty else { throw .empty(expected: expectation) }
      return .text(trimmed)
    case .retryOrContinue:
      switch trimmed.lowercased() {
      case "1": return .retry
      case "2", "": return .continue
      default:
        if let number = Int(trimmed) { throw .outOfRange(value: number, upperBound: 2) }
        throw .notANumber(token: trimmed, expected: expectation)
      }
    case .choice(let count):
      return .choice(try single(trimmed, count: count, expectation: expectation))
    case .single(let count):
      return .single(try single(trimmed, count: count, expectation: expectation))
    case .truefalse:
      guard !trimmed.isEmpty else { throw .empty(expected: expectation) }
      switch trimmed.lowercased() {
      case "1", "v", "vrai", "t", "true", "o", "oui", "y", "yes": return .truefalse(true)
      case "2", "f", "faux", "false", "n", "non", "no": return .truefalse(false)
      default:
        if let number = Int(trimmed) { throw .outOfRange(value: number, upperBound: 2) }
        throw .notTrueOrFalse(token: trimmed)
      }
    case .multiple(let count):
      let numbers = try list(trimmed, upperBound: count, expectation: expectation)
      return .multiple(numbers)
    case .order(let count):
      let numbers = try list(trimmed, upperBound: count, expectation: expectation)
      guard numbers.count == count else { throw .wrongCount(given: numbers.count, expected: count, of: expectation) }
      return .order(numbers)
    case .match(let left, let right):
      let numbers = try list(trimmed, upperBound: right, expectation: expectation)
      guard numbers.count == left else { throw .wrongCount(given: numbers.count, expected: left, of: expectation) }
      return .match(numbers)
    }
  }

  static func single(_ text: String, count: Int, expectation: Expected) throws(AnswerError) -> Int {
    guard !text.isEmpty else { throw .empty(expected: expectation) }
    let numbers = try list(text, upperBound: count, expectation: expectation)
    guard numbers.count == 1 else { throw .wrongCount(given: numbers.count, expected: 1, of: expectation) }
    return numbers[0]
  }

  /// Numbers separated by spaces and/or commas (or semicolons), each in 1...upperBound, no duplicate.
  static func list(_ text: String, upperBound: Int, expectation: Expected) throws(AnswerError) -> [Int] {
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\t" }).map(String.init)
    guard !tokens.isEmpty else { throw .empty(expected: expectation) }
    var numbers: [Int] = []
    for token in tokens {
      guard token.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(token) else {
        throw .notANumber(token: token, expected: expectation)
      }
      guard number >= 1, number <= upperBound else { throw .outOfRange(value: number, upperBound: upperBound) }
      guard !numbers.contains(number) else { throw .duplicate(value: number, expected: expectation) }
      numbers.append(number)
    }
    return numbers
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and line ends.
  var trimmingWhitespace: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
    while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
