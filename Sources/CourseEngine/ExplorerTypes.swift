import CourseModel

/// A choice of a scene, named by its place in the file.
public struct ChoiceReference: Sendable, Hashable, Codable, Comparable {
  public var sceneID: String
  /// 0-based index among the scene's choices in the file (shown 1-based).
  public var index: Int
  public var say: LocalizedText
  public var critical: Bool

  public init(sceneID: String, index: Int, say: LocalizedText, critical: Bool) {
    self.sceneID = sceneID
    self.index = index
    self.say = say
    self.critical = critical
  }

  public static func < (lhs: ChoiceReference, rhs: ChoiceReference) -> Bool {
    (lhs.sceneID, lhs.index) < (rhs.sceneID, rhs.index)
  }
}

/// A reachable state with no way out.
public struct DeadEnd: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    /// No `goto` holds and no choice is offered.
    case noWayOut
    /// Automatic `goto`s come back to a scene without a choice in between.
    case gotoLoop
    /// A `goto` or a choice names neither a scene nor an ending.
    case missingTarget
  }

  public var sceneID: String
  public var kind: Kind
  /// The variables in one such state.
  public var variables: [String: Int]

  public init(sceneID: String, kind: Kind, variables: [String: Int]) {
    self.sceneID = sceneID
    self.kind = kind
    self.variables = variables
  }
}

/// One step of a summarized path: a scene and the choice taken there.
public struct PathStep: Sendable, Hashable, Codable {
  public var sceneID: String
  /// 0-based index among the scene's choices in the file.
  public var choiceIndex: Int

  public init(sceneID: String, choiceIndex: Int) {
    self.sceneID = sceneID
    self.choiceIndex = choiceIndex
  }
}

/// Limits that make exploration terminate on any role-play.
public struct ExplorationLimits: Sendable, Hashable {
  /// Scores and variables saturate this far beyond every number the role-play mentions.
  public var saturationMargin: Int
  /// Exploration stops (incomplete) after this many distinct control states.
  public var maxStates: Int

  public init(saturationMargin: Int = 4, maxStates: Int = 2_000_000) {
    self.saturationMargin = saturationMargin
    self.maxStates = maxStates
  }

  public static let standard = ExplorationLimits()
}

/// Everything reachable in a role-play: endings, scores, unreached parts, dead ends, failing choices.
public struct RoleplayExploration: Sendable, Hashable {
  public var roleplayID: String
  /// Control states found: scene waiting for a choice, critical taken, variables, once-choices used
  /// (scores are kept per state as Pareto sets, not as separate states).
  public var stateCount: Int
  /// False when `maxStates` stopped the exploration.
  public var complete: Bool
  /// True when a score or variable hit its saturation bound (a loop that keeps adding).
  public var saturated: Bool
  /// Ending ids reached, in file order.
  public var endingsReached: [String]
  public var endingsNeverReached: [String]
  /// Whether some run reaches a passing ending with no critical choice, `pass` and every `min` met.
  public var passingRunExists: Bool
  /// Best and worst totals over the runs that reach an ending (nil when none does).
  public var bestTotal: Int?
  public var worstTotal: Int?
  /// Scene ids never shown, in file order.
  public var scenesNeverReached: [String]
  /// Choices never offered in any reachable state (in reached scenes), in file order.
  public var choicesNeverReached: [ChoiceReference]
  /// Dead ends, one per scene and kind, in file order of the scene.
  public var deadEnds: [DeadEnd]
  /// Choices after which no passing run exists, from every state that offers them and could still pass
  /// (so never a choice that only fails after some earlier mistakes), in file order.
  public var failingChoices: [ChoiceReference]
  /// The choices of a passing run with the best total (empty when none passes).
  public var bestPassingPath: [PathStep]
  public var bestPassingTotal: Int?
}

/// What running a quiz under many seeds found.
public struct QuizCheck: Sendable, Hashable {
  public enum Problem: Sendable, Hashable {
    /// A question that no answer scores fully (no right option, no item, no pair, no usable accept).
    case cannotBeAnsweredFully(questionID: String, seed: UInt64)
    /// Even all-right answers stay below the pass mark.
    case passMarkUnreachable(percent: Double, pass: Int, seed: UInt64)
    /// The quiz asks no question.
    case noQuestion

    public var message: Message {
      switch self {
      case .cannotBeAnsweredFully(let id, let seed):
        return Message(
          fr: "La question « \(id) » ne peut pas être réussie entièrement (graine \(seed)).",
          en: "Question '\(id)' cannot be answered fully (seed \(seed)).")
      case .passMarkUnreachable(let percent, let pass, let seed):
        let shown = Int(percent.rounded(.down))
        return Message(
          fr: "Même sans faute, le questionnaire donne \(shown) %, sous le seuil de \(pass) % (graine \(seed)).",
          en: "Even with every answer right the quiz gives \(shown)%, below the \(pass)% pass mark (seed \(seed)).")
      case .noQuestion:
        return Message(fr: "Le questionnaire ne pose aucune question.", en: "The quiz asks no question.")
      }
    }
  }

  public var quizID: String
  public var seeds: Int
  /// One problem per question and kind (the first seed that shows it).
  public var problems: [Problem]
  public var passed: Bool { problems.isEmpty }
}

/// The whole check of one course, as `entraide test` reports it.
public struct CourseCheck: Sendable, Hashable {
  public var courseID: String
  public var roleplays: [RoleplayExploration]
  public var quizzes: [QuizCheck]

  public init(courseID: String, roleplays: [RoleplayExploration], quizzes: [QuizCheck]) {
    self.courseID = courseID
    self.roleplays = roleplays
    self.quizzes = quizzes
  }

  /// Fails when a role-play cannot be passed, has a dead end or an unreachable part, or a quiz has a problem.
  public var passed: Bool { failures(language: .en).isEmpty }
}
