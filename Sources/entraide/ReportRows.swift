import CourseModel
import CourseXML
import Registry
import Reports

extension StatusReport {
  /// The status report of `status` for the certifications of `catalog` (the catalogue's, or the one asked for):
  /// cycles of other certifications are left out; course titles and the practice from `catalogue`.
  init(
    status: HelperStatus, attempts: [Attempt], cycles: [Cycle], catalog: CertificationCatalog, catalogue: Catalogue
  ) {
    let courses = catalogue.courseIndex
    let shownCycles = cycles.filter { cycle in catalog.certifications.contains { $0.id == cycle.certificationID } }
    self.init(
      helper: status.helper, today: status.today,
      standings: status.certifications.map(Standing.init),
      passed: status.passedCourses.map { course in
        Passed(
          course: course.courseID, title: courses.courses[course.courseID]?.title ?? LocalizedText(),
          passedOn: course.passedOn, how: course.state.rawValue)
      },
      history: HistoryReport(attempts: attempts, cycles: shownCycles, courses: courses),
      practice: CourseHistories.practiceReport(attempts: attempts, catalogue: catalogue))
  }
}

extension StatusReport.Standing {
  /// The report's view of the registry's standing with one certification.
  init(_ standing: CertificationStanding) {
    let dates = standing.cycle?.dates
    self.init(
      certification: standing.certificationID, title: standing.title, status: standing.status,
      certifiedOn: dates?.certifiedOn, validThrough: dates?.validThrough, windowOpens: dates?.windowOpens,
      daysLeft: standing.daysLeft, initialPassed: standing.initialPassed, initialRequired: standing.initialRequired)
  }
}

extension HelperRecord {
  /// The record of `helpers show` from the registry's helper, audit events and attempts.
  init(helper: Helper, events: [AuditEvent], attempts: [Attempt]) {
    self.init(
      helper: helper,
      events: events.map { Event(at: $0.at, by: $0.by, action: $0.action.rawValue, reason: $0.reason) },
      attempts: attempts.map { attempt in
        AttemptLine(
          id: attempt.id, course: attempt.courseID, version: attempt.courseVersion, startedAt: attempt.startedAt,
          state: attempt.state.rawValue, passedOn: attempt.passedOn, score: attempt.score)
      })
  }
}
