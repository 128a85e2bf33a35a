/// A scored set of questions.
public struct Quiz: Sendable, Hashable, Codable {
  public var id: String
  public var title: LocalizedText
  /// The pass mark, a percentage of the questions asked (0…100).
  public var passPercent: Int
  public var shuffle: Bool
  /// How many questions to draw (nil: all).
  public var draw: Int?
  /// How many times a failed quiz may be retaken (default 0).
  public var retries: Int
  public var questions: [Question]
  public var location: SourceLocation

  public init(
    id: String, title: LocalizedText = LocalizedText(), passPercent: Int, shuffle: Bool = false, draw: Int? = nil,
    retries: Int = 0, questions: [Question] = [], location: SourceLocation = .unknown
  ) {
    self.id = id
    self.title = title
    self.passPercent = passPercent
    self.shuffle = shuffle
    self.draw = draw
    self.retries = retries
    self.questions = questions
    self.location = location
  }
}

/// One question, worth 1 point.
public struct Question: Sendable, Hashable, Codable {
  public enum Kind: Sendable, Hashable, Codable {
    /// One right option.
    case single([AnswerOption])
    /// Several right options; scores (right picked − wrong picked) / right, floored at 0.
    case multiple([AnswerOption])
    case truefalse(answer: Bool)
    /// Items listed in the right order; scores the share of items in the right place.
    case order([LocalizedText])
    /// Pairs listed matched; scores the share of right pairs.
    case match([MatchPair])
    /// Accepted answers, compared ignoring case, accents, spaces and punctuation.
    case short(accept: [String])
  }

  public var id: String
  public var prompt: LocalizedText
  public var explain: LocalizedText
  public var kind: Kind
  public var location: SourceLocation

  public init(
    id: String, prompt: LocalizedText = LocalizedText(), explain: LocalizedText = LocalizedText(), kind: Kind,
    location: SourceLocation = .unknown
  ) {
    self.id = id
    self.prompt = prompt
    self.explain = explain
    self.kind = kind
    self.location = location
  }
}

/// An option of a `single` or `multiple` question.
public struct AnswerOption: Sendable, Hashable, Codable {
  public var text: LocalizedText
  public var correct: Bool
  public var feedback: LocalizedText
  public var location: SourceLocation

  public init(
    text: LocalizedText, correct: Bool = false, feedback: LocalizedText = LocalizedText(),
    location: SourceLocation = .unknown
  ) {
    self.text = text
    self.correct = correct
    self.feedback = feedback
    self.location = location
  }
}

public struct MatchPair: Sendable, Hashable, Codable {
  public var left: LocalizedText
  public var right: LocalizedText
  public var location: SourceLocation

  public init(left: LocalizedText, right: LocalizedText, location: SourceLocation = .unknown) {
    self.left = left
    self.right = right
    self.location = location
  }
}
