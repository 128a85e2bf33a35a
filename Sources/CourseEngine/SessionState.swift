import CourseModel
import Foundation

/// The whole state of a session, as saved: stable, versioned JSON (see docs/engine.md).
///
/// Finished activities keep their outcomes with texts already rendered, so they survive a change of
/// the course file (`CourseSession.resumeAfterChange`).
public struct SessionState: Sendable, Hashable, Codable {
  /// The JSON format this code writes; `resume` refuses others.
  public static let currentFormatVersion = 1

  public var formatVersion: Int
  public var courseID: String
  public var version: String
  public var digest: String
  /// The seed as a decimal string (a UInt64 survives every JSON reader that way).
  public var seed: String
  public var language: Language
  public var position: Position
  /// Outcomes of the finished activities, in course order (lessons included, not graded).
  public var finished: [ActivityOutcome]
  /// The role-play in progress.
  public var roleplay: RoleplayProgress?
  /// The quiz in progress.
  public var quiz: QuizProgress?
  /// The run just finished, shown as the activity result.
  public var pendingOutcome: ActivityOutcome?
  /// The helper's earlier attempts of the course, as handed in at the start (nil: none, or saved before pools).
  public var history: CourseHistory?
  /// The ids of the activities this attempt takes, in order (`Draws.plan`); nil in states saved before pools,
  /// meaning every activity of the course.
  public var plan: [String]?

  public var seedValue: UInt64 { UInt64(seed) ?? 0 }

  /// Where the session is.
  public struct Position: Sendable, Hashable, Codable {
    public enum Phase: String, Sendable, Hashable, Codable {
      case page
      case scene
      case choiceFeedback
      case question
      case questionFeedback
      case activityResult
      case finished
    }

    /// 0-based activity index (the activity count once finished).
    public var activity: Int
    public var phase: Phase
    /// 0-based page of a lesson.
    public var page: Int?
  }

  /// A role-play run in progress.
  public struct RoleplayProgress: Sendable, Hashable, Codable {
    /// 1-based run.
    public var run: Int
    /// The scene waiting for a choice (or whose choice is being fed back).
    public var sceneID: String
    /// Scenes passed through by automatic `goto`s before `sceneID`, since the last choice.
    public var passedThrough: [String]
    public var variables: [String: Int]
    public var skills: [String: Int]
    /// Once-choices taken, as `scene#index` (0-based), sorted.
    public var onceUsed: [String]
    public var path: [PathEntry]
  }

  /// A quiz run in progress.
  public struct QuizProgress: Sendable, Hashable, Codable {
    public var run: Int
    public var drawn: [DrawnQuestion]
    /// 0-based index into `drawn` of the question asked or fed back.
    public var current: Int
    public var records: [QuestionRecord]
  }

  /// A question drawn for a run, with its seeded presentation order.
  public struct DrawnQuestion: Sendable, Hashable, Codable {
    /// 0-based index among the quiz's questions in the file.
    public var index: Int
    /// For `order` (items) and `match` (right items): shown position → 0-based index in the file.
    public var shown: [Int]?
  }
}

/// Why a saved state cannot be resumed.
public enum ResumeError: Error, Sendable, Hashable {
  /// Not JSON of a session state.
  case malformed(detail: String)
  case unsupportedFormat(version: Int)
  /// The state belongs to another course.
  case otherCourse(expected: String, found: String)
  /// The course file changed since the state was saved (content digests differ).
  case courseChanged(savedVersion: String, savedDigest: String, currentVersion: String, currentDigest: String)
  /// The state names a position this course does not have.
  case inconsistent(detail: String)

  public var message: Message {
    switch self {
    case .malformed(let detail):
      return Message(
        fr: "La progression enregistrée est illisible (\(detail)).",
        en: "The saved progress cannot be read (\(detail)).")
    case .unsupportedFormat(let version):
      return Message(
        fr: "La progression enregistrée est dans un format inconnu (version \(version)).",
        en: "The saved progress is in an unknown format (version \(version)).")
    case .otherCourse(let expected, let found):
      return Message(
        fr: "La progression enregistrée est celle du cours « \(found) », pas de « \(expected) ».",
        en: "The saved progress belongs to course '\(found)', not '\(expected)'.")
    case .courseChanged(let savedVersion, _, let currentVersion, _):
      return Message(
        fr:
          "Le fichier du cours a changé depuis le début de la tentative (version \(savedVersion) → \(currentVersion)).",
        en: "The course file changed since the attempt began (version \(savedVersion) → \(currentVersion)).")
    case .inconsistent(let detail):
      return Message(
        fr: "La progression enregistrée ne correspond pas au cours (\(detail)).",
        en: "The saved progress does not match the course (\(detail)).")
    }
  }
}

/// What `resumeAfterChange` kept and what it restarts.
public struct ChangeReport: Sendable, Hashable {
  /// Finished activities whose results were kept, in course order.
  public var keptActivityIDs: [String]
  /// The activity that starts over (nil when every activity is finished).
  public var restartedActivityID: String?
  /// Finished activities whose results were dropped (gone from the course, or after a new or changed one).
  public var droppedActivityIDs: [String]
  /// Activities the attempt had taken or drawn (from a pool) that the course no longer has; a pool that lost
  /// its drawn activity draws another.
  public var removedActivityIDs: [String] = []

  public var message: Message {
    let restart =
      restartedActivityID.map {
        Message(fr: "L'activité « \($0) » recommence", en: "Activity '\($0)' starts over")
      } ?? Message(fr: "Toutes les activités sont terminées", en: "Every activity is finished")
    let removed = removedActivityIDs.map { "« \($0) »" }.joined(separator: ", ")
    let removedEnglish = removedActivityIDs.map { "'\($0)'" }.joined(separator: ", ")
    let redrawn =
      removedActivityIDs.isEmpty
      ? Message(fr: "", en: "")
      : Message(
        fr: " Prévu pour cette tentative, \(removed) n'est plus dans le cours.",
        en: " Planned for this attempt, \(removedEnglish) is no longer in the course.")
    return Message(
      fr: "Le fichier du cours a changé depuis le début de la tentative.\(redrawn.fr) \(restart.fr) ; "
        + "les résultats de \(keptActivityIDs.count) activité\(keptActivityIDs.count > 1 ? "s" : "") terminée\(keptActivityIDs.count > 1 ? "s" : "") sont conservés.",
      en: "The course file changed since the attempt began.\(redrawn.en) \(restart.en); "
        + "the results of \(keptActivityIDs.count) finished activit\(keptActivityIDs.count == 1 ? "y are" : "ies are") kept."
    )
  }
}
