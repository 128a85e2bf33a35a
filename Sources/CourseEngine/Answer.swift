import CourseModel

/// An answer given to the current step; numbers are 1-based, as the helper types them.
public enum Answer: Sendable, Hashable, Codable {
  /// Go on: a lesson page, feedback, a result; after a failed run, go on without replaying.
  case `continue`
  /// Replay the failed role-play or quiz (only where `Expected.retryOrContinue`).
  case retry
  /// A role-play choice, numbered among the choices offered (`OfferedChoice.number`).
  case choice(Int)
  case single(Int)
  case truefalse(Bool)
  case multiple([Int])
  /// The numbers of the items as shown, in the order the helper puts them.
  case order([Int])
  /// For each left item in order, the number of the right item as shown.
  case match([Int])
  case text(String)
}

/// What the current step waits for; also tells `AnswerParser` how to read a typed line.
public enum Expected: Sendable, Hashable, Codable {
  /// Any line (Enter) goes on: `.continue`.
  case anyLine
  /// One of `count` offered role-play choices.
  case choice(count: Int)
  case single(count: Int)
  /// 1 or `v`/`t`/`vrai`/`true`/`oui`/`yes` for true; 2 or `f`/`faux`/`false`/`non`/`no` for false.
  case truefalse
  /// Distinct numbers among `count`, at least one.
  case multiple(count: Int)
  /// Every item number from 1 to `count` once, in the chosen order.
  case order(count: Int)
  /// `left` numbers, each one of the `right` items, all distinct.
  case match(left: Int, right: Int)
  /// Some non-empty text.
  case text
  /// 1 to replay the failed activity, 2 (or Enter) to go on: `.retry` or `.continue`.
  case retryOrContinue
  /// The course is finished: nothing more is taken.
  case nothing
}

/// Why an answer was not taken; the session is unchanged. `message` says what was expected.
public enum AnswerError: Error, Sendable, Hashable {
  /// An empty line where something must be typed.
  case empty(expected: Expected)
  /// A number outside `1...upperBound`.
  case outOfRange(value: Int, upperBound: Int)
  /// A word where a number was expected (`token` as typed).
  case notANumber(token: String, expected: Expected)
  /// The same number given twice in a list.
  case duplicate(value: Int, expected: Expected)
  /// A list with the wrong number of entries.
  case wrongCount(given: Int, expected: Int, of: Expected)
  /// Neither true nor false.
  case notTrueOrFalse(token: String)
  /// An answer of another form than the step takes (e.g. `.choice` on a question).
  case wrongKind(expected: Expected)
  /// The course is finished: no step waits for an answer.
  case notWaiting

  public var message: Message {
    switch self {
    case .empty(let expected):
      let what = expected.describe
      return Message(fr: "Réponse vide : \(what.fr)", en: "Empty answer: \(what.en)")
    case .outOfRange(let value, let upperBound):
      if upperBound == 1 {
        return Message(
          fr: "Le numéro \(value) n'existe pas : tape 1.", en: "There is no number \(value): type 1.")
      }
      return Message(
        fr: "Le numéro \(value) n'existe pas : tape un numéro de 1 à \(upperBound).",
        en: "There is no number \(value): type a number from 1 to \(upperBound).")
    case .notANumber(let token, let expected):
      let what = expected.describe
      return Message(
        fr: "« \(token.strippingControlCharacters()) » n'est pas un numéro : \(what.fr)",
        en: "'\(token.strippingControlCharacters())' is not a number: \(what.en)")
    case .duplicate(let value, let expected):
      let what = expected.describe
      return Message(
        fr: "Le numéro \(value) est donné deux fois : \(what.fr)",
        en: "Number \(value) is given twice: \(what.en)")
    case .wrongCount(let given, let expected, let of):
      let what = of.describe
      return Message(
        fr: "\(given) numéro\(given > 1 ? "s" : "") donné\(given > 1 ? "s" : ""), il en faut \(expected) : \(what.fr)",
        en: "\(given) number\(given == 1 ? "" : "s") given, \(expected) needed: \(what.en)")
    case .notTrueOrFalse(let token):
      let what = Expected.truefalse.describe
      return Message(
        fr: "« \(token.strippingControlCharacters()) » n'est ni vrai ni faux : \(what.fr)",
        en: "'\(token.strippingControlCharacters())' is neither true nor false: \(what.en)")
    case .wrongKind(let expected):
      let what = expected.describe
      return Message(
        fr: "Cette réponse ne convient pas à cette étape : \(what.fr)",
        en: "This answer does not fit this step: \(what.en)")
    case .notWaiting:
      return Message(
        fr: "Le cours est terminé : aucune réponse n'est attendue.",
        en: "The course is finished: no answer is expected.")
    }
  }
}

extension Expected {
  /// What to type, as one sentence in each language.
  public var describe: Message {
    switch self {
    case .anyLine:
      return Message(fr: "appuie sur Entrée pour continuer.", en: "press Enter to go on.")
    case .choice(let count), .single(let count):
      if count == 1 { return Message(fr: "tape 1.", en: "type 1.") }
      return Message(fr: "tape un numéro de 1 à \(count).", en: "type a number from 1 to \(count).")
    case .truefalse:
      return Message(fr: "tape 1 (vrai) ou 2 (faux), ou v ou f.", en: "type 1 (true) or 2 (false), or t or f.")
    case .multiple(let count):
      return Message(
        fr: "tape un ou plusieurs numéros de 1 à \(count), séparés par des espaces ou des virgules (ex. : 1 3).",
        en: "type one or more numbers from 1 to \(count), separated by spaces or commas (e.g. 1 3).")
    case .order(let count):
      return Message(
        fr: "tape les \(count) numéros dans l'ordre choisi, chacun une fois (ex. : \(Self.example(count))).",
        en: "type the \(count) numbers in your order, each once (e.g. \(Self.example(count))).")
    case .match(let left, let right):
      return Message(
        fr: "tape, pour chacun des \(left) éléments de gauche dans l'ordre, le numéro de droite qui lui correspond "
          + "(\(left) numéros de 1 à \(right), chacun une fois).",
        en: "type, for each of the \(left) left items in order, the number of its right item "
          + "(\(left) numbers from 1 to \(right), each once).")
    case .text:
      return Message(fr: "tape ta réponse.", en: "type your answer.")
    case .retryOrContinue:
      return Message(fr: "tape 1 pour recommencer ou 2 pour continuer.", en: "type 1 to try again or 2 to go on.")
    case .nothing:
      return Message(fr: "le cours est terminé.", en: "the course is finished.")
    }
  }

  /// `2 1 3` style example for `count` items.
  static func example(_ count: Int) -> String {
    guard count > 1 else { return "1" }
    return ([2, 1] + (2..<count).map { $0 + 1 }).prefix(count).map(String.init).joined(separator: " ")
  }
}
