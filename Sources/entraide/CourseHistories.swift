import CourseEngine
import CourseModel
import CourseXML
import Foundation
import Registry
import Reports

/// The helper's history of each course, as history-aware draws need it (DESIGN §3): read from the attempts the
/// registry keeps.
///
/// Counts the attempts run in Entraide and finished (passed or failed), from their per-item detail (the course
/// result). Courses passed in person and abandoned attempts showed nothing that Entraide knows of.
enum CourseHistories {
  /// Each course's history, by course id, oldest attempt first.
  static func byCourse(_ attempts: [Attempt]) -> [String: CourseHistory] {
    var result: [String: CourseHistory] = [:]
    let decoder = JSONDecoder()
    for attempt in attempts.sorted(by: { $0.id < $1.id })
    where attempt.state == .passed || attempt.state == .failed {
      guard let json = attempt.detailJSON,
        let courseResult = try? decoder.decode(CourseResult.self, from: Data(json.utf8))
      else { continue }
      result[attempt.courseID, default: .empty].attempts.append(
        PastAttempt(result: courseResult, started: attempt.startedAt))
    }
    return result
  }

  /// The helper's history of one course.
  static func history(of courseID: String, helperID: String, registry: any RegistryStore) throws -> CourseHistory {
    let attempts = try mappingRegistryErrors { try registry.attempts(helperID: helperID) }
    return byCourse(attempts.filter { $0.courseID == courseID })[courseID] ?? .empty
  }
}

extension CourseHistories {
  /// What the helper practised in each course so far (`entraide status`), from their attempts, with each course
  /// as the catalogue has it now.
  static func practiceReport(attempts: [Attempt], catalogue: Catalogue) -> PracticeReport {
    PracticeReport(
      entries: byCourse(attempts).map { courseID, history in
        PracticeReport.Entry(courseID: courseID, course: catalogue.course(courseID), history: history)
      })
  }
}
