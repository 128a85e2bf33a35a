import CourseModel
import Registry
import Reports

extension HistoryReport {
  /// The history report of a helper's attempts and cycles (oldest first), course titles from `courses`.
  init(attempts: [Attempt], cycles: [Cycle], courses: CourseIndex) {
    let title = { (id: String) in courses.courses[id]?.title ?? LocalizedText() }
    let courseOfAttempt = Dictionary(attempts.map { ($0.id, $0.courseID) }, uniquingKeysWith: { first, _ in first })
    self.init(
      attempts: attempts.filter { $0.state != .recorded }.map { attempt in
        AttemptEntry(
          id: attempt.id, course: attempt.courseID, courseTitle: title(attempt.courseID),
          startedOn: String(attempt.startedAt.prefix(10)), finishedOn: attempt.finishedAt.map { String($0.prefix(10)) },
          result: attempt.state.rawValue, score: attempt.score)
      },
      inPerson: attempts.compactMap { attempt in
        guard attempt.state == .recorded, let date = attempt.passedOn else { return nil }
        return InPersonEntry(
          id: attempt.id, course: attempt.courseID, courseTitle: title(attempt.courseID), date: date, note: attempt.note
        )
      },
      cycles: cycles.map { cycle in
        CycleEntry(
          id: cycle.id, certification: cycle.certificationID,
          certificationTitle: courses.certifications.certification(cycle.certificationID)?.title ?? LocalizedText(),
          kind: cycle.kind.rawValue, certifiedOn: cycle.dates.certifiedOn, validThrough: cycle.dates.validThrough,
          windowOpens: cycle.dates.windowOpens, sourceCourse: cycle.sourceAttemptID.flatMap { courseOfAttempt[$0] })
      })
  }
}
