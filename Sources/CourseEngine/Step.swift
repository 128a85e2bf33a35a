import CourseModel

/// What the session shows now and what it waits for. Texts are in the session's language.
public struct Step: Sendable, Hashable {
  /// The activity this step belongs to; nil for the course result.
  public var context: StepContext?
  public var content: StepContent
  /// What `CourseSession.answer(_:)` takes here.
  public var expectation: Expected

  public init(context: StepContext?, content: StepContent, expectation: Expected) {
    self.context = context
    self.content = content
    self.expectation = expectation
  }
}

public enum ActivityKind: String, Sendable, Hashable, Codable {
  case lesson
  case roleplay
  case quiz
}

/// Where a step sits in the course.
public struct StepContext: Sendable, Hashable {
  /// 0-based index of the activity in the course.
  public var activityIndex: Int
  public var activityCount: Int
  public var activityID: String
  public var activityTitle: String
  public var kind: ActivityKind
  /// 1-based run of a role-play or quiz (a retry is run 2); 1 for a lesson.
  public var run: Int
  /// How many runs the activity allows at most (1 + retries).
  public var maxRuns: Int
  /// The pool the activity was drawn from, when it was.
  public var drawnFrom: DrawnFrom?

  public init(
    activityIndex: Int, activityCount: Int, activityID: String, activityTitle: String, kind: ActivityKind, run: Int,
    maxRuns: Int, drawnFrom: DrawnFrom? = nil
  ) {
    self.activityIndex = activityIndex
    self.activityCount = activityCount
    self.activityID = activityID
    self.activityTitle = activityTitle
    self.kind = kind
    self.run = run
    self.maxRuns = maxRuns
    self.drawnFrom = drawnFrom
  }
}

/// Where a drawn activity comes from: its pool, how many each attempt takes, and of how many.
public struct DrawnFrom: Sendable, Hashable, Codable {
  public var poolID: String
  public var draw: Int
  public var size: Int

  public init(poolID: String, draw: Int, size: Int) {
    self.poolID = poolID
    self.draw = draw
    self.size = size
  }

  init(_ pool: Pool) {
    self.init(poolID: pool.id, draw: pool.draw, size: pool.activities.count)
  }
}

public enum StepContent: Sendable, Hashable {
  case page(PageStep)
  case scene(SceneStep)
  case choiceFeedback(ChoiceFeedbackStep)
  case question(QuestionStep)
  case questionFeedback(QuestionFeedbackStep)
  case activityResult(ActivityResultStep)
  case courseResult(CourseResult)
}

/// A lesson page: waits for any line.
public struct PageStep: Sendable, Hashable {
  /// 1-based.
  public var number: Int
  public var count: Int
  public var blocks: [Block]
}

/// A line spoken in a scene, already in the session's language.
public struct SpokenLine: Sendable, Hashable, Codable {
  public var sceneID: String
  public var speakerID: String
  /// The character's name (the id when the character is not declared).
  public var speaker: String
  public var text: String

  public init(sceneID: String, speakerID: String, speaker: String, text: String) {
    self.sceneID = sceneID
    self.speakerID = speakerID
    self.speaker = speaker
    self.text = text
  }
}

/// A choice offered in a scene.
public struct OfferedChoice: Sendable, Hashable {
  /// What the helper types: 1-based among the choices offered.
  public var number: Int
  /// The choice's 0-based index among the scene's choices in the file.
  public var index: Int
  public var say: String
}

/// A scene waiting for a choice.
public struct SceneStep: Sendable, Hashable {
  public var sceneID: String
  /// The role-play's setting, on the first scene of each run only.
  public var setting: String?
  /// Lines of the scenes passed through by automatic `goto`s since the last choice, then this scene's lines.
  public var lines: [SpokenLine]
  public var choices: [OfferedChoice]
}

/// Points a choice gave to a skill.
public struct SkillPoints: Sendable, Hashable, Codable {
  public var skillID: String
  public var skill: String
  public var points: Int

  public init(skillID: String, skill: String, points: Int) {
    self.skillID = skillID
    self.skill = skill
    self.points = points
  }
}

/// What a choice did: its feedback and effects. Waits for any line.
public struct ChoiceFeedbackStep: Sendable, Hashable {
  public var sceneID: String
  public var choiceIndex: Int
  public var say: String
  public var feedback: String
  public var points: [SkillPoints]
  public var critical: Bool
}

/// A question as shown.
public struct QuestionStep: Sendable, Hashable {
  /// 1-based among the questions drawn.
  public var number: Int
  public var count: Int
  public var questionID: String
  public var prompt: String
  public var presentation: QuestionPresentation
}

public enum QuestionPresentation: Sendable, Hashable {
  /// Options numbered from 1 in file order.
  case single(options: [String])
  case multiple(options: [String])
  /// 1 true, 2 false.
  case truefalse
  /// The items in a seeded shuffled order, numbered from 1 as shown.
  case order(items: [String])
  /// The left items in file order; the right items in a seeded shuffled order, numbered from 1 as shown.
  case match(left: [String], right: [String])
  case short
}

public enum Verdict: String, Sendable, Hashable, Codable {
  case right
  case partial
  case wrong
}

/// What an answer to a question scored. Waits for any line.
public struct QuestionFeedbackStep: Sendable, Hashable {
  public var record: QuestionRecord
}

/// The end of a role-play or quiz run.
public struct ActivityResultStep: Sendable, Hashable {
  public var outcome: ActivityOutcome
  /// Runs left after this one; a failed run with runs left waits for `.retryOrContinue`.
  public var retriesLeft: Int
  public var canRetry: Bool { !(outcome.passed ?? true) && retriesLeft > 0 }
}
