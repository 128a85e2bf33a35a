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
  /// `standings(…)`), with three queries in all instead of three per helper. Helpers are sorted by id;
  /// inactive ones only when `includeInactive`.
  public func roster(
    today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool = false
  ) throws -> [HelperStandings] {
    try read { db in
      let helpers = try Row.fetchAll(
        db, sql: "SELECT * FROM helpers \(includeInactive ? "" : "WHERE active = 1 ") ORDER BY id COLLATE NOCASE"
      ).map(Helper.init(row:))
      var passes: [String: [String: [CalendarDate]]] = [:]
      var attempted: [String: Set<String>] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT helper_id, course_id, passed_on FROM attempts") {
        let helperID: String = row["helper_id"]
        let courseID: String = row["course_id"]
        attempted[helperID, default: []].insert(courseID)
        if let text: String = row["passed_on"], let day = CalendarDate(iso: text) {
          passes[helperID, default: [:]][courseID, default: []].append(day)
        }
      }
      var cycles: [String: [Cycle]] = [:]
      for cycle in try Row.fetchAll(db, sql: "SELECT * FROM cycles ORDER BY id").map(Cycle.init(row:)) {
        cycles[cycle.helperID, default: []].append(cycle)
      }
      return helpers.map { helper in
        HelperStandings(
          helper: helper,
          certifications: standings(
            passes: passes[helper.id] ?? [:], attempted: attempted[helper.id] ?? [], cycles: cycles[helper.id] ?? [],
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
