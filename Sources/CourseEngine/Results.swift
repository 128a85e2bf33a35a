import CourseModel

/// An exact share of a question's point (numerator / denominator, reduced, denominator > 0).
public struct Credit: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  public private(set) var numerator: Int
  public private(set) var denominator: Int

  public init(_ numerator: Int, _ denominator: Int) {
    precondition(denominator > 0, "Credit denominator must be positive")
    let divisor = Swift.max(Credit.gcd(Swift.abs(numerator), denominator), 1)
    self.numerator = numerator / divisor
    self.denominator = denominator / divisor
  }

  public static let zero = Credit(0, 1)
  public static let one = Credit(1, 1)

  public var value: Double { Double(numerator) / Double(denominator) }

  public static func + (lhs: Credit, rhs: Credit) -> Credit {
    Credit(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
  }

  public static func < (lhs: Credit, rhs: Credit) -> Bool {
    lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
  }

  public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

  static func gcd(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }
}

/// One choice taken in a role-play run, with what it said and did (texts in the session's language).
public struct PathEntry: Sendable, Hashable, Codable {
  /// Lines heard before the choice (scenes passed through automatically, then the scene's).
  public var lines: [SpokenLine]
  public var sceneID: String
  /// 0-based index among the scene's choices in the file.
  public var choiceIndex: Int
  public var say: String
  public var feedback: String
  public var points: [SkillPoints]
  public var critical: Bool
}

/// A skill's total in a run.
public struct SkillScore: Sendable, Hashable, Codable {
  public var skillID: String
  public var title: String
  public var points: Int
  public var min: Int?

  public init(skillID: String, title: String, points: Int, min: Int?) {
    self.skillID = skillID
    self.title = title
    self.points = points
    self.min = min
  }
}

/// Why a role-play run failed.
public enum RoleplayFailure: Sendable, Hashable, Codable {
  /// The run reached an ending with `result="fail"`.
  case failingEnding(endingID: String)
  /// A critical choice was taken (scene id, 0-based choice index).
  case criticalChoice(sceneID: String, choiceIndex: Int)
  /// The total is below the role-play's `pass`.
  case belowPass(total: Int, pass: Int)
  /// A skill is below its `min`.
  case belowMinimum(skillID: String, skill: String, points: Int, min: Int)
  /// A scene where no `goto` holds and no choice is offered.
  case deadEnd(sceneID: String)
  /// Automatic `goto`s that come back to a scene without a choice in between.
  case gotoLoop(sceneID: String)
  /// A `goto` or choice names neither a scene nor an ending.
  case missingTarget(target: String)

  public var message: Message {
    switch self {
    case .failingEnding(let id):
      return Message(fr: "La fin « \(id) » est un échec.", en: "The ending '\(id)' is a fail.")
    case .criticalChoice(let scene, let index):
      return Message(
        fr: "Le choix \(index + 1) de la scène « \(scene) » est une erreur grave.",
        en: "Choice \(index + 1) of scene '\(scene)' is a grave mistake.")
    case .belowPass(let total, let pass):
      return Message(
        fr: "Total de \(total) point\(abs(total) > 1 ? "s" : ""), il en faut \(pass).",
        en: "Total of \(total) point\(abs(total) == 1 ? "" : "s"), \(pass) needed.")
    case .belowMinimum(_, let skill, let points, let min):
      return Message(
        fr: "« \(skill) » : \(points) point\(abs(points) > 1 ? "s" : ""), il en faut au moins \(min).",
        en: "'\(skill)': \(points) point\(abs(points) == 1 ? "" : "s"), at least \(min) needed.")
    case .deadEnd(let scene):
      return Message(
        fr: "La scène « \(scene) » n'offre aucune suite : la mise en situation est bloquée.",
        en: "Scene '\(scene)' offers no way on: the role-play is stuck.")
    case .gotoLoop(let scene):
      return Message(
        fr:
          "Les renvois automatiques tournent en rond à partir de la scène « \(scene) » : la mise en situation est bloquée.",
        en: "Automatic jumps loop from scene '\(scene)': the role-play is stuck.")
    case .missingTarget(let target):
      return Message(
        fr: "« \(target) » n'est ni une scène ni une fin : la mise en situation est bloquée.",
        en: "'\(target)' is neither a scene nor an ending: the role-play is stuck.")
    }
  }
}

/// One run of a role-play.
public struct RoleplayRun: Sendable, Hashable, Codable {
  /// The ending reached; nil when the run got stuck.
  public var endingID: String?
  public var endingResult: Ending.Result?
  public var debrief: String
  /// Lines heard after the last choice, on the way to the ending.
  public var closingLines: [SpokenLine]
  public var path: [PathEntry]
  public var total: Int
  public var skills: [SkillScore]
  /// Empty when the run passed.
  public var failures: [RoleplayFailure]
  public var passed: Bool { failures.isEmpty }
}

/// A question as answered, for the feedback and the debrief.
public struct QuestionRecord: Sendable, Hashable, Codable {
  public var questionID: String
  public var prompt: String
  /// The answer as given, in the session's language (option texts, items in the order given, typed text).
  public var answerGiven: String
  /// The right answer, in the session's language.
  public var rightAnswer: String
  public var explanation: String?
  /// Feedback of the options picked (single, multiple), in order.
  public var optionFeedback: [String]
  public var credit: Credit
  public var verdict: Verdict
  /// The answer exactly as given, with numbers as shown.
  public var answer: Answer
}

/// One run of a quiz.
public struct QuizRun: Sendable, Hashable, Codable {
  public var questions: [QuestionRecord]
  /// The sum of the questions' credits.
  public var points: Credit
  /// `points` as a percentage of the questions asked (100 when none is asked).
  public var percent: Double
  public var passPercent: Int
  public var passed: Bool
}

/// A finished activity: what the debrief and the registry need. The last run counts.
public struct ActivityOutcome: Sendable, Hashable, Codable {
  public var activityID: String
  public var title: String
  public var kind: ActivityKind
  /// nil for a lesson (not graded).
  public var passed: Bool?
  /// How many runs were made (1 + retries used).
  public var runs: Int
  public var roleplay: RoleplayRun?
  public var quiz: QuizRun?
}

/// The result of a whole course: passed when every role-play and quiz passed.
public struct CourseResult: Sendable, Hashable, Codable {
  public var courseID: String
  public var version: String
  public var digest: String
  public var seed: UInt64
  public var language: Language
  public var passed: Bool
  public var activities: [ActivityOutcome]
  /// Every quiz question of the course pooled: 100 × credits / questions, rounded down; nil without quiz.
  public var scorePercent: Int?
  /// The sum of the role-plays' totals (last runs).
  public var roleplayPoints: Int
  /// Each skill's points summed over the role-plays, in first-seen order.
  public var skills: [SkillScore]

  /// `scorePercent` unrounded (0–100), as the registry stores it; nil without quiz.
  public var percent: Double? {
    let quizzes = activities.compactMap(\.quiz)
    guard !quizzes.isEmpty else { return nil }
    let records = quizzes.flatMap(\.questions)
    guard !records.isEmpty else { return 100 }
    return records.reduce(Credit.zero) { $0 + $1.credit }.value * 100 / Double(records.count)
  }
}
