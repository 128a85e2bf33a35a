import CourseModel
import Foundation
import GRDB

/// One helper and where they stand with each certification, on a day.
public struct HelperStandings: Sendable, Hashable {
  public var helper: Helper
  /// One per certification of the catalogue, in the catalogue's order.
  public var certifications: [CertificationStanding]

  public init(helper: Helper, certifications: [CertificationStanding]) {
    self.helper = helper
    self.certifications = certifications
  }
}

extension Registry {
  /// Every helper's standing on `today` for every certification of the catalogue, read in one transaction.
  ///
  /// The same standings as `status(helperID:today:certifications:)` gives for each helper (both use
  /// `standings(…)`), with a few queries in all instead of three per helper, each reading only what the
  /// standings need: the latest cycle of each helper and certification (an index seek each), and for the
  /// initial paths' courses whether each helper attempted them and their latest pass (from an index).
  /// Helpers are sorted by id; inactive ones only when `includeInactive`.
  public func roster(
    today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool = false
  ) throws -> [HelperStandings] {
    try read { db in
      let active = includeInactive ? "" : "WHERE h.active = 1"
      let helpers = try Row.fetchAll(
        db, sql: "SELECT * FROM helpers h \(active) ORDER BY id COLLATE NOCASE"
      ).map(Helper.init(row:))
      var latest: [String: [Cycle]] = [:]
      for certification in certifications.certifications {
        // The latest cycle: the latest certified_on, the last made on a tie (`latestCycle`).
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT c.* FROM helpers h JOIN cycles c ON c.id = (
              SELECT id FROM cycles WHERE helper_id = h.id AND certification_id = ?
              ORDER BY certified_on DESC, id DESC LIMIT 1)
            \(active)
            """, arguments: [certification.id])
        while let row = try rows.next() {
          let cycle = try Cycle(row: row)
          latest[cycle.helperID, default: []].append(cycle)
        }
      }
      // Only the initial paths' courses count for the standings: whether each was attempted, and its latest
      // pass (a pass counts when on or after a day, so the latest one decides).
      let initialCourses = Array(Set(certifications.certifications.flatMap { $0.initial.map(\.courseID) }))
      var passes: [String: [String: [CalendarDate]]] = [:]
      var attempted: [String: Set<String>] = [:]
      if !initialCourses.isEmpty {
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT helper_id, course_id, max(passed_on) FROM attempts
            WHERE course_id IN (\(databaseQuestionMarks(count: initialCourses.count)))
            GROUP BY course_id, helper_id
            """, arguments: StatementArguments(initialCourses))
        while let row = try rows.next() {
          let helperID: String = row[0]
          let courseID: String = row[1]
          attempted[helperID, default: []].insert(courseID)
          if let text: String = row[2], let day = CalendarDate(iso: text) {
            passes[helperID, default: [:]][courseID] = [day]
          }
        }
      }
      return helpers.map { helper in
        HelperStandings(
          helper: helper,
          certifications: standings(
            passes: passes[helper.id] ?? [:], attempted: attempted[helper.id] ?? [], cycles: latest[helper.id] ?? [],
            today: today, certifications: certifications))
      }
    }
  }

  /// A helper's standing with each certification, from their passes (course → days), the courses they
  /// attempted and their cycles (in the order they were made).
  func standings(
    passes: [String: [CalendarDate]], attempted: Set<String>, cycles: [Cycle], today: CalendarDate,
    certifications: CertificationCatalog
  ) -> [CertificationStanding] {
    certifications.certifications.map { certification in
      let latest = CertificationRules.latest(cycles.filter { $0.certificationID == certification.id }, dates: \.dates)
      let required = certification.initial.map(\.courseID)
      let started = required.contains { attempted.contains($0) }
      let status = CertificationRules.status(
        on: today, latestCycle: latest?.dates, initialPathStarted: started, certification: certification)
      let passed = CertificationRules.initialPassed(
        passes: passes, latestCycle: latest?.dates, certification: certification)
      return CertificationStanding(
        certificationID: certification.id, title: certification.title, status: status, cycle: latest,
        daysLeft: latest.map { today.days(to: $0.dates.validThrough) }, initialPassed: passed,
        initialRequired: required)
    }
  }
}
