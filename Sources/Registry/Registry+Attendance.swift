import CourseModel
import Foundation
import GRDB

/// What recording an attendance sheet did.
public struct AttendanceOutcome: Sendable, Hashable {
  /// The number of rows recorded (every row of the sheet).
  public var recorded: Int
  /// The number of different helpers.
  public var helpers: Int
  /// The cycles the sheet made (certifications granted or renewed), in the order they were made.
  public var cycles: [CertificationEffect]

  public init(recorded: Int, helpers: Int, cycles: [CertificationEffect]) {
    self.recorded = recorded
    self.helpers = helpers
    self.cycles = cycles
  }
}

extension Registry {
  /// The most bad rows an attendance refusal names one by one; the others are counted.
  public static let attendanceProblemsShown = 20

  /// Records every row of a training day's attendance sheet, or none: one transaction.
  ///
  /// Each row goes through the rules of `record` (the same checks, the same certification decision), and
  /// two more for a sheet: a helper listed twice for one course and day, and a course already recorded
  /// for the helper that day (a sheet recorded twice). Rows are applied by date (a prerequisite listed
  /// later on the same day counts), so the cycles made do not depend on the order of the lines.
  /// Bad rows throw `RegistryError.badAttendanceRows` naming each by its line, in line order.
  /// `source` (the file name) and each row's line go into its `course-recorded` event.
  @discardableResult
  public func recordAttendance(
    _ rows: [AttendanceRow], source: String, today: CalendarDate, courses: CourseIndex
  ) throws -> AttendanceOutcome {
    let (checked, initialProblems) = Self.attendancePlan(rows, today: today, courses: courses)
    var problems = initialProblems
    func refuse(_ line: Int, _ error: RegistryError) { problems.append((line, error)) }

    return try write { db in
      let at = timestamp()
      var helpers: [String: Helper] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT * FROM helpers") {
        let helper = Helper(row: row)
        helpers[helper.id.lowercased()] = helper
      }
      var histories: [String: HelperHistory] = [:]
      var firstLine: [String: Int] = [:]
      var cycles: [CertificationEffect] = []
      var recordedHelpers = Set<String>()
      for (row, course, date) in checked {
        guard let helper = helpers[row.helperID.lowercased()] else {
          refuse(row.line, .unknownHelper(row.helperID, suggestions: []))
          continue
        }
        let key = "\(helper.id.lowercased())\u{0}\(course.id)\u{0}\(date)"
        if let first = firstLine[key] {
          refuse(row.line, .listedTwice(helperID: helper.id, courseID: course.id, date: date, firstLine: first))
          continue
        }
        firstLine[key] = row.line
        var history = try histories[helper.id] ?? history(db, helperID: helper.id)
        if history.recorded.contains(HelperHistory.Day(courseID: course.id, date: date)) {
          refuse(row.line, .alreadyRecorded(helperID: helper.id, courseID: course.id, date: date))
          continue
        }
        do {
          let outcome = try recordPass(
            db, helper: helper, course: course, on: date, note: row.note, at: at, courses: courses,
            history: &history, origin: ["source": source, "line": String(row.line)])
          cycles += outcome.effects.filter { $0.cycle != nil }
          recordedHelpers.insert(helper.id)
        } catch let error as RegistryError {
          refuse(row.line, error)
        }
        histories[helper.id] = history
      }
      if !problems.isEmpty { throw Self.attendanceRefusal(problems, ids: helpers.values.map(\.id)) }
      return AttendanceOutcome(recorded: rows.count, helpers: recordedHelpers.count, cycles: cycles)
    }
  }

  /// How deep each course sits in the prerequisite graph (0: requires nothing); a cycle stops the count.
  /// The checks of an attendance sheet that need no registry, in line order, and the rows that pass them,
  /// sorted as they are applied: by date, prerequisites before the courses that need them, then by line.
  package static func attendancePlan(_ rows: [AttendanceRow], today: CalendarDate, courses: CourseIndex) -> (
    checked: [(row: AttendanceRow, course: CourseEntry, date: CalendarDate)],
    problems: [(line: Int, error: RegistryError)]
  ) {
    var problems: [(line: Int, error: RegistryError)] = []
    func refuse(_ line: Int, _ error: RegistryError) { problems.append((line, error)) }

    // The checks that need no registry, in line order.
    var checked: [(row: AttendanceRow, course: CourseEntry, date: CalendarDate)] = []
    checked.reserveCapacity(rows.count)
    for row in rows {
      if let column = [("helper_id", row.helperID), ("course", row.courseID), ("date", row.date)].first(where: {
        $0.1.isEmpty
      }) {
        refuse(row.line, .emptyCell(column: column.0))
        continue
      }
      guard let date = CalendarDate(iso: row.date) else {
        refuse(row.line, .impossibleDate(row.date))
        continue
      }
      do {
        checked.append((row, try Self.recordableCourse(row.courseID, on: date, today: today, courses: courses), date))
      } catch let error as RegistryError {
        refuse(row.line, error)
      } catch {
        refuse(row.line, .database("\(error)"))
      }
    }

    // By date, then prerequisites before the courses that need them, then by line.
    let depth = Self.prerequisiteDepths(courses)
    // Keys computed once per row, not per comparison (an attendance sheet may hold 190,000 rows).
    let keys = checked.map { (date: $0.date, depth: depth[$0.course.id] ?? 0, line: $0.row.line) }
    let order = checked.indices.sorted { a, b in
      let (left, right) = (keys[a], keys[b])
      if left.date != right.date { return left.date < right.date }
      return left.depth != right.depth ? left.depth < right.depth : left.line < right.line
    }

    return (order.map { checked[$0] }, problems)
  }

  /// The refusal of a sheet with bad rows: each named by its line, in line order, an unknown helper with
  /// the closest of `ids`.
  package static func attendanceRefusal(_ problems: [(line: Int, error: RegistryError)], ids: [String]) -> RegistryError
  {
    let shown = problems.sorted { $0.line < $1.line }.prefix(Self.attendanceProblemsShown).map { problem in
      guard case .unknownHelper(let id, _) = problem.error else {
        return RowProblem(line: problem.line, problem: problem.error.message)
      }
      let error = RegistryError.unknownHelper(id, suggestions: closestMatches(to: id, among: ids))
      return RowProblem(line: problem.line, problem: error.message)
    }
    return RegistryError.badAttendanceRows(shown, more: problems.count - shown.count)
  }

  private static func prerequisiteDepths(_ courses: CourseIndex) -> [String: Int] {
    var depths: [String: Int] = [:]
    func depth(_ id: String, _ visiting: Set<String>) -> Int {
      if let known = depths[id] { return known }
      guard !visiting.contains(id), let course = courses.courses[id] else { return 0 }
      let result = course.requires.map { depth($0, visiting.union([id])) + 1 }.max() ?? 0
      depths[id] = result
      return result
    }
    for id in courses.courses.keys { _ = depth(id, []) }
    return depths
  }
}
