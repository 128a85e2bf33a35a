import CourseModel
import Foundation
import GRDB

extension Registry {
  /// The passes that made `cycle`: for a renewal, the pass that renewed it; for an initial cycle, the
  /// latest pass on or before certifiedOn of each course of the initial path, in the path's order.
  public func passesBehind(_ cycle: Cycle, certification: Certification) throws -> [Attempt] {
    try read { db in
      if cycle.kind == .renewal {
        guard let id = cycle.sourceAttemptID else { return [] }
        return [try fetchAttempt(db, id)]
      }
      return try certification.initial.compactMap { reference in
        try Row.fetchOne(
          db,
          sql: """
            SELECT * FROM attempts WHERE helper_id = ? AND course_id = ? AND passed_on IS NOT NULL AND passed_on <= ?
            ORDER BY passed_on DESC, id DESC LIMIT 1
            """, arguments: [cycle.helperID, reference.courseID, cycle.dates.certifiedOn.description]
        ).map(Attempt.init(row:))
      }
    }
  }
}
