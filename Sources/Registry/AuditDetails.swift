import CourseModel

/// What each audit event records in its detail: one place for both stores (SQLite and PostgreSQL), so
/// that the same command leaves the same audit log on either.
extension Registry {
  /// `helper-imported`: the helper's fields, and the file and line it came from.
  package static func helperImportedDetail(_ helper: Helper, source: String, line: Int) -> [String: String] {
    var detail = helperDetail(helper)
    detail["source"] = source
    detail["line"] = String(line)
    return detail
  }

  /// `attempt-started`: what makes the attempt replayable.
  package static func attemptStartedDetail(attemptID: Int64, course: CourseEntry, seed: UInt64, language: String)
    -> [String: String]
  {
    [
      "attempt": String(attemptID), "course": course.id, "version": course.version, "digest": course.digest,
      "seed": String(seed), "language": language,
    ]
  }

  /// `attempt-taken-over`: the terminal the attempt was taken from.
  package static func attemptTakenOverDetail(attemptID: Int64, courseID: String, from holder: Claimant)
    -> [String: String]
  {
    ["attempt": String(attemptID), "course": courseID, "from_host": holder.host, "from_pid": String(holder.pid)]
  }

  /// `attempt-finished`: its state, score and day passed.
  package static func attemptFinishedDetail(
    attemptID: Int64, courseID: String, state: AttemptState, score: Double?, passedOn: CalendarDate?
  ) -> [String: String] {
    var detail = ["attempt": String(attemptID), "course": courseID, "state": state.rawValue]
    if let score { detail["score"] = String(score) }
    if let passedOn { detail["passed_on"] = passedOn.description }
    return detail
  }

  /// `attempt-abandoned`.
  package static func attemptAbandonedDetail(attemptID: Int64, courseID: String) -> [String: String] {
    ["attempt": String(attemptID), "course": courseID]
  }

  /// `course-recorded`: `origin` (an attendance sheet's file and line) with the record.
  package static func courseRecordedDetail(
    origin: [String: String], attemptID: Int64, courseID: String, date: CalendarDate, note: String?
  ) -> [String: String] {
    var detail = origin
    detail["attempt"] = String(attemptID)
    detail["course"] = courseID
    detail["date"] = date.description
    if let note { detail["note"] = note }
    return detail
  }

  /// `cycle-made`: the cycle's dates as decided, and the attempt that made it.
  package static func cycleMadeDetail(
    cycleID: Int64, certificationID: String, kind: CycleKind, dates: CycleDates, attemptID: Int64
  ) -> [String: String] {
    [
      "cycle": String(cycleID), "certification": certificationID, "kind": kind.rawValue,
      "certified_on": dates.certifiedOn.description, "valid_through": dates.validThrough.description,
      "window_opens": dates.windowOpens.description, "attempt": String(attemptID),
    ]
  }
}
