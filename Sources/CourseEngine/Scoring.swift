import CourseModel
import Foundation

/// The scoring of each question kind (DESIGN §3): every question is worth 1.
public enum Scoring {
  /// single: 1 when the option picked is right.
  public static func single(_ options: [AnswerOption], picked: Int) -> Credit {
    picked >= 0 && picked < options.count && options[picked].correct ? .one : .zero
  }

  /// multiple: (right picked − wrong picked) / right, floored at 0 (0 when no option is right).
  public static func multiple(_ options: [AnswerOption], picked: [Int]) -> Credit {
    let right = options.filter(\.correct).count
    guard right > 0 else { return .zero }
    let rightPicked = picked.filter { $0 >= 0 && $0 < options.count && options[$0].correct }.count
    let wrongPicked = picked.count - rightPicked
    return Credit(Swift.max(rightPicked - wrongPicked, 0), right)
  }

  /// order: the share of items in the right place; `given` lists 0-based file indices in the order given.
  public static func order(count: Int, given: [Int]) -> Credit {
    guard count > 0 else { return .zero }
    return Credit(given.enumerated().filter { $0.offset == $0.element }.count, count)
  }

  /// match: the share of right pairs; `given[i]` is the 0-based file index of the right item for left item i.
  public static func match(count: Int, given: [Int]) -> Credit {
    order(count: count, given: given)
  }

  /// short: 1 when the text equals an accepted answer, ignoring case, accents, spaces and punctuation.
  public static func short(accept: [String], given: String) -> Credit {
    let normalized = normalize(given)
    guard !normalized.isEmpty else { return .zero }
    return accept.contains { normalize($0) == normalized } ? .one : .zero
  }

  /// Lower case, accents removed, only letters and digits kept: `« Ça, c'est 9-8-8 ! »` → `cacest988`.
  public static func normalize(_ text: String) -> String {
    // Canonical decomposition separates accents (combining marks) from their letters.
    let decomposed = text.decomposedStringWithCanonicalMapping
    var result = String.UnicodeScalarView()
    for scalar in decomposed.unicodeScalars {
      let properties = scalar.properties
      switch properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark:
        continue
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
        .letterNumber, .otherNumber:
        switch scalar {
        case "œ", "Œ": result.append(contentsOf: "oe".unicodeScalars)
        case "æ", "Æ": result.append(contentsOf: "ae".unicodeScalars)
        case "ß": result.append(contentsOf: "ss".unicodeScalars)
        default: result.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
        }
      default:
        continue
      }
    }
    return String(result)
  }

  static func verdict(_ credit: Credit) -> Verdict {
    credit == .one ? .right : credit == .zero ? .wrong : .partial
  }

  static func trueFalseText(_ value: Bool, _ language: Language) -> String {
    switch language {
    case .fr: value ? "Vrai" : "Faux"
    case .en: value ? "True" : "False"
    }
  }

  /// Checks `answer` against the question as shown and scores it; throws what the step expected.
  static func record(
    question: Question, drawn: SessionState.DrawnQuestion, answer: Answer, expectation: Expected,
    text: (LocalizedText) -> String, language: Language
  ) throws(AnswerError) -> QuestionRecord {
    let credit: Credit
    let given: String
    let right: String
    var feedback: [String] = []
    let separator = language == .fr ? " ; " : "; "
    switch (question.kind, answer) {
    case (.single(let options), .single(let number)):
      try check([number], upperBound: options.count, exactCount: 1, expectation: expectation)
      credit = single(options, picked: number - 1)
      given = text(options[number - 1].text)
      right = options.filter(\.correct).map { text($0.text) }.joined(separator: separator)
      feedback = [text(options[number - 1].feedback)].filter { !$0.isEmpty }
    case (.multiple(let options), .multiple(let numbers)):
      try check(numbers, upperBound: options.count, exactCount: nil, expectation: expectation)
      credit = multiple(options, picked: numbers.map { $0 - 1 })
      given = numbers.map { text(options[$0 - 1].text) }.joined(separator: separator)
      right = options.filter(\.correct).map { text($0.text) }.joined(separator: separator)
      feedback = numbers.map { text(options[$0 - 1].feedback) }.filter { !$0.isEmpty }
    case (.truefalse(let expected), .truefalse(let value)):
      credit = value == expected ? .one : .zero
      given = trueFalseText(value, language)
      right = trueFalseText(expected, language)
    case (.order(let items), .order(let numbers)):
      try check(numbers, upperBound: items.count, exactCount: items.count, expectation: expectation)
      let shown = drawn.shown ?? Array(items.indices)
      let fileIndices = numbers.map { shown[$0 - 1] }
      credit = order(count: items.count, given: fileIndices)
      given = fileIndices.map { text(items[$0]) }.joined(separator: " → ")
      right = items.map { text($0) }.joined(separator: " → ")
    case (.match(let pairs), .match(let numbers)):
      try check(numbers, upperBound: pairs.count, exactCount: pairs.count, expectation: expectation)
      let shown = drawn.shown ?? Array(pairs.indices)
      let fileIndices = numbers.map { shown[$0 - 1] }
      credit = match(count: pairs.count, given: fileIndices)
      given = zip(pairs, fileIndices).map { "\(text($0.left)) → \(text(pairs[$1].right))" }.joined(separator: separator)
      right = pairs.map { "\(text($0.left)) → \(text($0.right))" }.joined(separator: separator)
    case (.short(let accept), .text(let typed)):
      let trimmed = typed.trimmingWhitespace
      guard !trimmed.isEmpty else { throw .empty(expected: expectation) }
      credit = short(accept: accept, given: trimmed)
      given = trimmed
      right = accept.first ?? ""
    default:
      throw .wrongKind(expected: expectation)
    }
    let explanation = text(question.explain)
    return QuestionRecord(
      questionID: question.id, prompt: text(question.prompt), answerGiven: given, rightAnswer: right,
      explanation: explanation.isEmpty ? nil : explanation, optionFeedback: feedback, credit: credit,
      verdict: verdict(credit), answer: answer)
  }

  /// The same checks as `AnswerParser` for answers built in code.
  static func check(
    _ numbers: [Int], upperBound: Int, exactCount: Int?, expectation: Expected
  ) throws(AnswerError) {
    guard !numbers.isEmpty else { throw .empty(expected: expectation) }
    var seen: Set<Int> = []
    for number in numbers {
      guard number >= 1, number <= upperBound else { throw .outOfRange(value: number, upperBound: upperBound) }
      guard seen.insert(number).inserted else { throw .duplicate(value: number, expected: expectation) }
    }
    if let exactCount, numbers.count != exactCount {
      throw .wrongCount(given: numbers.count, expected: exactCount, of: expectation)
    }
  }
}
