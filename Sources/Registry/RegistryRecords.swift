import CourseModel
import Foundation
import GRDB

/// The fields of a helper to add; a nil id is generated from the name (`Marie Tremblay` → `mtremblay`).
public struct NewHelper: Sendable, Hashable {
  public var id: String?
  public var name: String
  public var local: String
  public var region: String
  public var email: String?

  public init(id: String? = nil, name: String, local: String, region: String, email: String? = nil) {
    self.id = id
    self.name = name
    self.local = local
    self.region = region
    self.email = email
  }
}

/// The fields of a helper to change; nil leaves a field as it is (an empty email removes it).
public struct HelperChanges: Sendable, Hashable {
  public var name: String?
  public var local: String?
  public var region: String?
  public var email: String?

  public init(name: String? = nil, local: String? = nil, region: String? = nil, email: String? = nil) {
    self.name = name
    self.local = local
    self.region = region
    self.email = email
  }

  public var isEmpty: Bool { name == nil && local == nil && region == nil && email == nil }
}

/// Where an attempt stands.
public enum AttemptState: String, Sendable, Hashable, Codable, CaseIterable {
  case inProgress = "in-progress"
  case passed
  case failed
  /// Given up (`run --restart`); kept in history.
  case abandoned
  /// A course passed in person, entered with `record`.
  case recorded

  /// Whether the attempt counts as the course passed.
  public var isPass: Bool { self == .passed || self == .recorded }
}

/// One try at a course, from the terminal runner or recorded in person.
public struct Attempt: Sendable, Hashable, Codable {
  public var id: Int64
  public var helperID: String
  public var courseID: String
  public var courseVersion: String
  /// The course file's digest when the attempt began.
  public var contentDigest: String
  /// The seed that shuffles and draws quiz questions, so the attempt can be replayed.
  public var seed: UInt64
  /// The language the course is taken in (`fr`, `en`).
  public var language: String
  public var startedAt: String
  public var finishedAt: String?
  public var state: AttemptState
  /// The day the course counts as passed (the run's day, or the date given to `record`).
  public var passedOn: CalendarDate?
  /// The score in percent (0–100), when graded.
  public var score: Double?
  /// Per-item results as JSON, as the runner gives them.
  public var detailJSON: String?
  /// The runner's resume state as JSON, while in progress.
  public var resumeStateJSON: String?
  public var note: String?

  public init(
    id: Int64, helperID: String, courseID: String, courseVersion: String, contentDigest: String, seed: UInt64,
    language: String, startedAt: String, finishedAt: String? = nil, state: AttemptState,
    passedOn: CalendarDate? = nil, score: Double? = nil, detailJSON: String? = nil, resumeStateJSON: String? = nil,
    note: String? = nil
  ) {
    self.id = id
    self.helperID = helperID
    self.courseID = courseID
    self.courseVersion = courseVersion
    self.contentDigest = contentDigest
    self.seed = seed
    self.language = language
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.state = state
    self.passedOn = passedOn
    self.score = score
    self.detailJSON = detailJSON
    self.resumeStateJSON = resumeStateJSON
    self.note = note
  }
}

/// One certification cycle: made once, never changed.
public struct Cycle: Sendable, Hashable, Codable {
  public var id: Int64
  public var helperID: String
  public var certificationID: String
  public var kind: CycleKind
  public var dates: CycleDates
  /// The attempt whose pass made the cycle.
  public var sourceAttemptID: Int64?
  /// The event that made the cycle, when no attempt did (a correction).
  public var sourceEventID: Int64?
  public var createdAt: String

  public init(
    id: Int64, helperID: String, certificationID: String, kind: CycleKind, dates: CycleDates,
    sourceAttemptID: Int64?, sourceEventID: Int64? = nil, createdAt: String
  ) {
    self.id = id
    self.helperID = helperID
    self.certificationID = certificationID
    self.kind = kind
    self.dates = dates
    self.sourceAttemptID = sourceAttemptID
    self.sourceEventID = sourceEventID
    self.createdAt = createdAt
  }
}

/// One entry of the append-only audit log.
public struct AuditEvent: Sendable, Hashable, Codable {
  public var id: Int64
  /// When (ISO 8601 timestamp, UTC).
  public var at: String
  /// Who (`$USER` or `--by`).
  public var by: String
  public var action: AuditAction
  public var helperID: String?
  /// What changed, as string fields (stored as JSON).
  public var detail: [String: String]
  /// Why, when given.
  public var reason: String?

  public init(
    id: Int64, at: String, by: String, action: AuditAction, helperID: String?, detail: [String: String],
    reason: String?
  ) {
    self.id = id
    self.at = at
    self.by = by
    self.action = action
    self.helperID = helperID
    self.detail = detail
    self.reason = reason
  }
}

/// What an audit event records.
public enum AuditAction: String, Sendable, Hashable, Codable, CaseIterable {
  case helperAdded = "helper-added"
  case helperEdited = "helper-edited"
  case helperDeactivated = "helper-deactivated"
  case helperImported = "helper-imported"
  case attemptStarted = "attempt-started"
  case attemptFinished = "attempt-finished"
  case attemptAbandoned = "attempt-abandoned"
  /// `run --take-over` ended another live process's claim on an in-progress attempt.
  case attemptTakenOver = "attempt-taken-over"
  case courseRecorded = "course-recorded"
  case cycleMade = "cycle-made"
  /// A role was given a scope on a shared (PostgreSQL) registry.
  case accessGranted = "access-granted"
  /// A role's scope was taken away.
  case accessRevoked = "access-revoked"
}

/// A course a helper passed, and when.
public struct PassedCourse: Sendable, Hashable, Codable {
  public var courseID: String
  public var passedOn: CalendarDate
  public var attemptID: Int64
  /// `.passed` (run in the terminal) or `.recorded` (in person).
  public var state: AttemptState

  public init(courseID: String, passedOn: CalendarDate, attemptID: Int64, state: AttemptState) {
    self.courseID = courseID
    self.passedOn = passedOn
    self.attemptID = attemptID
    self.state = state
  }
}

// MARK: - Rows

extension Helper {
  init(row: Row) {
    self.init(
      id: row["id"], name: row["name"], local: row["local"], region: row["region"], email: row["email"],
      active: row["active"], createdAt: row["created_at"])
  }
}

extension Attempt {
  init(row: Row) throws {
    let seedText: String = row["seed"]
    let stateText: String = row["state"]
    guard let seed = UInt64(seedText), let state = AttemptState(rawValue: stateText) else {
      throw RegistryError.database("attempt \(row["id"] as Int64) is malformed")
    }
    let passedOnText: String? = row["passed_on"]
    self.init(
      id: row["id"], helperID: row["helper_id"], courseID: row["course_id"], courseVersion: row["course_version"],
      contentDigest: row["content_digest"], seed: seed, language: row["language"], startedAt: row["started_at"],
      finishedAt: row["finished_at"], state: state, passedOn: passedOnText.flatMap(CalendarDate.init(iso:)),
      score: row["score"], detailJSON: row["detail"], resumeStateJSON: row["resume_state"], note: row["note"])
  }
}

extension Cycle {
  init(row: Row) throws {
    let kindText: String = row["kind"]
    guard let kind = CycleKind(rawValue: kindText),
      let certifiedOn = CalendarDate(iso: row["certified_on"]),
      let validThrough = CalendarDate(iso: row["valid_through"]),
      let windowOpens = CalendarDate(iso: row["window_opens"])
    else { throw RegistryError.database("cycle \(row["id"] as Int64) is malformed") }
    self.init(
      id: row["id"], helperID: row["helper_id"], certificationID: row["certification_id"], kind: kind,
      dates: CycleDates(certifiedOn: certifiedOn, validThrough: validThrough, windowOpens: windowOpens),
      sourceAttemptID: row["source_attempt_id"], sourceEventID: row["source_event_id"], createdAt: row["created_at"])
  }
}

extension AuditEvent {
  init(row: Row) throws {
    let actionText: String = row["action"]
    let detailText: String = row["detail"]
    guard let action = AuditAction(rawValue: actionText),
      let detail = try? JSONDecoder().decode([String: String].self, from: Data(detailText.utf8))
    else { throw RegistryError.database("event \(row["id"] as Int64) is malformed") }
    self.init(
      id: row["id"], at: row["at"], by: row["by"], action: action, helperID: row["helper_id"], detail: detail,
      reason: row["reason"])
  }
}
