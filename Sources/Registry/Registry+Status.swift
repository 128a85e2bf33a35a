import CourseModel
import Foundation
import GRDB

/// Where a helper stands with one certification on a day.
public struct CertificationStanding: Sendable, Hashable {
  public var certificationID: String
  public var title: LocalizedText
  public var status: CertificationStatus
  /// The cycle that counts (the latest), if any.
  public var cycle: Cycle?
  /// Days from today to validThrough (0 on the last valid day, negative once expired); nil without a cycle.
  public var daysLeft: Int?
  /// Initial-path courses passed that count toward a (new) initial cycle, in the path's order.
  public var initialPassed: [String]
  /// The initial path's courses, in order.
  public var initialRequired: [String]

  public init(
    certificationID: String, title: LocalizedText, status: CertificationStatus, cycle: Cycle?, daysLeft: Int?,
    initialPassed: [String], initialRequired: [String]
  ) {
    self.certificationID = certificationID
    self.title = title
    self.status = status
    self.cycle = cycle
    self.daysLeft = daysLeft
    self.initialPassed = initialPassed
    self.initialRequired = initialRequired
  }
}

/// A helper's record on a day: every certification of the catalogue and the courses passed.
public struct HelperStatus: Sendable, Hashable {
  public var helper: Helper
  public var today: CalendarDate
  public var certifications: [CertificationStanding]
  /// Each course passed, once (its latest pass), oldest first.
  public var passedCourses: [PassedCourse]

  public init(
    helper: Helper, today: CalendarDate, certifications: [CertificationStanding], passedCourses: [PassedCourse]
  ) {
    self.helper = helper
    self.today = today
    self.certifications = certifications
    self.passedCourses = passedCourses
  }
}

extension Registry {
  /// The helper's standing on `today` for every certification of the catalogue, and the courses passed.
  public func status(
    helperID: String, today: CalendarDate, certifications: CertificationCatalog
  ) throws -> HelperStatus {
    try read { db in
      let helper = try requireHelper(db, helperID)
      let passes = try passes(db, helperID: helper.id)
      let attempted = Set(
        try String.fetchAll(
          db, sql: "SELECT DISTINCT course_id FROM attempts WHERE helper_id = ?", arguments: [helper.id])
      )
      let current = Self.standings(
        passes: passes, attempted: attempted, cycles: try cycles(db, helperID: helper.id), today: today,
        certifications: certifications)
      return HelperStatus(
        helper: helper, today: today, certifications: current, passedCourses: try passedCourses(db, helper.id))
    }
  }

  /// Every pass and every cycle of the helper: what `CertificationRules.decision` needs for a forecast.
  public func certificationHistory(helperID: String) throws -> CertificationHistory {
    try read { db in try certificationHistory(db, helperID: try requireHelper(db, helperID).id) }
  }

  /// The courses the helper passed, each once (its latest pass), oldest first.
  public func passedCourses(helperID: String) throws -> [PassedCourse] {
    try read { db in try passedCourses(db, try requireHelper(db, helperID).id) }
  }

  /// Every attempt of the helper (all states), oldest first.
  public func attempts(helperID: String) throws -> [Attempt] {
    try read { db in
      let helper = try requireHelper(db, helperID)
      return try Row.fetchAll(
        db, sql: "SELECT * FROM attempts WHERE helper_id = ? ORDER BY id", arguments: [helper.id]
      ).map(Attempt.init(row:))
    }
  }

  /// The attempt with this id, or nil.
  public func attempt(_ id: Int64) throws -> Attempt? {
    try read { db in try Row.fetchOne(db, sql: "SELECT * FROM attempts WHERE id = ?", arguments: [id]) }
      .map(Attempt.init(row:))
  }

  /// Every cycle of the helper, in the order they were made.
  public func cycles(helperID: String) throws -> [Cycle] {
    try read { db in try cycles(db, helperID: try requireHelper(db, helperID).id) }
  }

  private func passedCourses(_ db: Database, _ helperID: String) throws -> [PassedCourse] {
    Self.latestPasses(
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, course_id, passed_on, state FROM attempts
          WHERE helper_id = ? AND passed_on IS NOT NULL ORDER BY passed_on DESC, id DESC
          """, arguments: [helperID]
      ).map { row in (row["id"], row["course_id"], row["passed_on"], row["state"]) })
  }

  /// Each course once (its latest pass), oldest first, from passes listed newest first
  /// (`passed_on DESC, id DESC`) as (attempt id, course id, passed on, state).
  package static func latestPasses(_ newestFirst: [(Int64, String, String, String)]) -> [PassedCourse] {
    var seen = Set<String>()
    var result: [PassedCourse] = []
    for (id, courseID, passedOn, stateText) in newestFirst {
      guard !seen.contains(courseID), let day = CalendarDate(iso: passedOn),
        let state = AttemptState(rawValue: stateText)
      else { continue }
      seen.insert(courseID)
      result.append(PassedCourse(courseID: courseID, passedOn: day, attemptID: id, state: state))
    }
    return result.reversed()
  }
}
