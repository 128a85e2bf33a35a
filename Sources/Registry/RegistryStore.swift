import CourseModel
import Foundation

/// The registry's operations, whatever holds it: the SQLite file (`Registry`, the embedded default) or a
/// PostgreSQL server (`PostgresRegistry`).
///
/// Both implementations take their decisions from the same functions (`Registry.validatedHelper`,
/// `Registry.passDecision`, `Registry.standings`, `CertificationRules`): a store only reads and writes.
/// The interface is synchronous: the PostgreSQL store waits for its server on its own event loop, so the
/// commands stay the same for both. Errors thrown are `RegistryError`.
public protocol RegistryStore: AnyObject, Sendable {
  /// The author of the audit events this store writes (`$USER` or `--by`).
  var actor: String { get }
  /// Where the registry is, for messages: the file path, or the server URL without its password.
  var location: String { get }

  @discardableResult
  func addHelper(_ new: NewHelper, reason: String?) throws -> Helper
  @discardableResult
  func importHelpers(_ rows: [(line: Int, helper: NewHelper)], source: String) throws -> [Helper]
  @discardableResult
  func editHelper(_ id: String, changes: HelperChanges, reason: String?) throws -> Helper
  @discardableResult
  func deactivateHelper(_ id: String, reason: String?) throws -> Helper
  func helper(_ id: String) throws -> Helper?
  func requireHelper(_ id: String) throws -> Helper
  func helpers(includeInactive: Bool) throws -> [Helper]
  func proposedID(forName name: String) throws -> String

  @discardableResult
  func startOrResumeAttempt(
    helperID: String, course: CourseEntry, seed: UInt64, language: String, resumeStateJSON: String?,
    claim request: ClaimRequest?
  ) throws -> AttemptStart
  func inProgressAttempt(helperID: String, courseID: String) throws -> Attempt?
  func saveResumeState(attemptID: Int64, json: String, claimant: Claimant?) throws
  @discardableResult
  func finishAttempt(
    attemptID: Int64, passed: Bool, score: Double?, detailJSON: String?, today: CalendarDate,
    certifications: CertificationCatalog, claimant: Claimant?
  ) throws -> AttemptOutcome
  func abandonAttempt(attemptID: Int64, reason: String?, claim request: ClaimRequest?) throws
  func claim(attemptID: Int64) throws -> AttemptClaim?
  func renewClaim(attemptID: Int64, claimant: Claimant) throws
  func releaseClaim(attemptID: Int64, claimant: Claimant) throws
  @discardableResult
  func record(
    helperID: String, courseID: String, on date: CalendarDate, note: String?, today: CalendarDate,
    courses: CourseIndex
  ) throws -> AttemptOutcome
  @discardableResult
  func recordAttendance(_ rows: [AttendanceRow], source: String, today: CalendarDate, courses: CourseIndex) throws
    -> AttendanceOutcome
  func missingPrerequisites(helperID: String, course: CourseEntry, on day: CalendarDate) throws -> [String]

  func roster(today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool) throws
    -> [HelperStandings]
  /// The roster's lines: `roster(…)` without the detail a roster report does not show (the SQLite store reads
  /// them in one query; the default makes them from `roster(…)`).
  func rosterLines(today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool) throws
    -> [RosterLine]
  func status(helperID: String, today: CalendarDate, certifications: CertificationCatalog) throws -> HelperStatus
  func certificationHistory(helperID: String) throws -> CertificationHistory
  func passedCourses(helperID: String) throws -> [PassedCourse]
  func attempts(helperID: String) throws -> [Attempt]
  func attempt(_ id: Int64) throws -> Attempt?
  func cycles(helperID: String) throws -> [Cycle]
  func events(helperID: String?) throws -> [AuditEvent]

  /// The passes behind a cycle (its renewal, or the initial path's latest passes up to it), for an attestation.
  func passesBehind(_ cycle: Cycle, certification: Certification) throws -> [Attempt]

  /// Verifies the registry and says what is wrong, in plain words (`entraide check`). Reads only.
  func check() throws -> RegistryCheck

  /// Copies the whole registry to a new file at `path` (SQLite); a server store refuses (use `pg_dump`).
  func backup(to path: String) throws

  /// Every record the connection sees, ids included, for `export json` (docs/registry-json.md).
  func snapshot() throws -> RegistrySnapshot
  /// Adds every record of `snapshot` in one transaction, or none, as decided by
  /// `RegistrySnapshot.importProblems`; writes no event of its own. Later records are numbered after the
  /// highest imported ids.
  func importSnapshot(_ snapshot: RegistrySnapshot) throws
}

extension Registry: RegistryStore {
  public var location: String { path ?? ":memory:" }
}

extension RegistryStore {
  /// `addHelper(_:reason:)` with no reason.
  @discardableResult
  public func addHelper(_ new: NewHelper) throws -> Helper { try addHelper(new, reason: nil) }

  /// The active helpers.
  public func helpers() throws -> [Helper] { try helpers(includeInactive: false) }

  /// The whole audit log.
  public func events() throws -> [AuditEvent] { try events(helperID: nil) }

  /// `startOrResumeAttempt` with no resume state for a new attempt.
  public func startOrResumeAttempt(helperID: String, course: CourseEntry, seed: UInt64, language: String) throws
    -> AttemptStart
  {
    try startOrResumeAttempt(
      helperID: helperID, course: course, seed: seed, language: language, resumeStateJSON: nil, claim: nil)
  }

  /// `startOrResumeAttempt` without a claim.
  public func startOrResumeAttempt(
    helperID: String, course: CourseEntry, seed: UInt64, language: String, resumeStateJSON: String?
  ) throws -> AttemptStart {
    try startOrResumeAttempt(
      helperID: helperID, course: course, seed: seed, language: language, resumeStateJSON: resumeStateJSON,
      claim: nil)
  }

  /// `saveResumeState` without a claim.
  public func saveResumeState(attemptID: Int64, json: String) throws {
    try saveResumeState(attemptID: attemptID, json: json, claimant: nil)
  }

  /// `finishAttempt` without a claim.
  public func finishAttempt(
    attemptID: Int64, passed: Bool, score: Double?, detailJSON: String?, today: CalendarDate,
    certifications: CertificationCatalog
  ) throws -> AttemptOutcome {
    try finishAttempt(
      attemptID: attemptID, passed: passed, score: score, detailJSON: detailJSON, today: today,
      certifications: certifications, claimant: nil)
  }

  /// `abandonAttempt` without a claim.
  public func abandonAttempt(attemptID: Int64, reason: String?) throws {
    try abandonAttempt(attemptID: attemptID, reason: reason, claim: nil)
  }

  /// `abandonAttempt` with no reason and no claim.
  public func abandonAttempt(attemptID: Int64) throws {
    try abandonAttempt(attemptID: attemptID, reason: nil, claim: nil)
  }

  /// `record` with no note.
  public func record(
    helperID: String, courseID: String, on date: CalendarDate, today: CalendarDate, courses: CourseIndex
  ) throws -> AttemptOutcome {
    try record(helperID: helperID, courseID: courseID, on: date, note: nil, today: today, courses: courses)
  }

  /// The lines of `roster(…)`.
  public func rosterLines(today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool) throws
    -> [RosterLine]
  {
    try roster(today: today, certifications: certifications, includeInactive: includeInactive).map(RosterLine.init)
  }

  /// The active helpers' standings.
  public func roster(today: CalendarDate, certifications: CertificationCatalog) throws -> [HelperStandings] {
    try roster(today: today, certifications: certifications, includeInactive: false)
  }
}
