import CourseModel
import Foundation
import PostgresNIO
import Registry

extension PostgresRegistry {
  // MARK: - Runner

  public func startOrResumeAttempt(
    helperID: String, course: CourseEntry, seed: UInt64, language: String, resumeStateJSON: String?
  ) throws -> AttemptStart {
    try write {
      let helper = try lockHelper(helperID)
      if let row = try connection.query(
        """
        SELECT \(unescaped: Self.attemptColumns) FROM attempts
        WHERE helper_id = \(helper.id) AND course_id = \(course.id) AND state = 'in-progress'
        """
      ).first {
        return AttemptStart(attempt: try Self.attempt(row), resumed: true)
      }
      let at = timestamp()
      let id = try connection.query(
        """
        INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at,
          state, resume_state)
        VALUES (\(helper.id), \(course.id), \(course.version), \(course.digest), \(String(seed)), \(language),
          \(at), 'in-progress', \(resumeStateJSON))
        RETURNING id
        """)[0].decode(Int64.self)
      try appendEvent(
        at: at, action: .attemptStarted, helperID: helper.id,
        detail: Registry.startedDetail(attemptID: id, course: course, seed: seed, language: language), reason: nil)
      return AttemptStart(attempt: try fetchAttempt(id), resumed: false)
    }
  }

  public func inProgressAttempt(helperID: String, courseID: String) throws -> Attempt? {
    try read {
      try connection.query(
        """
        SELECT \(unescaped: Self.attemptColumns) FROM attempts
        WHERE lower(helper_id) = lower(\(helperID)) AND course_id = \(courseID) AND state = 'in-progress'
        """
      ).first.map(Self.attempt)
    }
  }

  /// Stores the runner's resume state (one UPDATE, committed before the next question is shown).
  public func saveResumeState(attemptID: Int64, json: String) throws {
    try write {
      let changed = try connection.execute(
        "UPDATE attempts SET resume_state = \(json) WHERE id = \(attemptID) AND state = 'in-progress'")
      if changed == 0 { try throwNotInProgress(attemptID) }
    }
  }

  public func finishAttempt(
    attemptID: Int64, passed: Bool, score: Double?, detailJSON: String?, today: CalendarDate,
    certifications: CertificationCatalog
  ) throws -> AttemptOutcome {
    try write {
      let owner = try attemptOwner(attemptID)
      _ = try lockHelper(owner)
      let at = timestamp()
      let state: AttemptState = passed ? .passed : .failed
      let changed = try connection.execute(
        """
        UPDATE attempts SET state = \(state.rawValue), finished_at = \(at),
          passed_on = \(passed ? today.description : nil), score = \(score), detail = \(detailJSON),
          resume_state = NULL
        WHERE id = \(attemptID) AND state = 'in-progress'
        """)
      if changed == 0 { try throwNotInProgress(attemptID) }
      let attempt = try fetchAttempt(attemptID)
      try appendEvent(
        at: at, action: .attemptFinished, helperID: attempt.helperID,
        detail: Registry.finishedDetail(attempt, score: score, passedOn: passed ? today : nil), reason: nil)
      let effects =
        passed ? try applyPass(attempt: attempt, passedOn: today, certifications: certifications, at: at) : []
      return AttemptOutcome(attempt: attempt, effects: effects)
    }
  }

  public func abandonAttempt(attemptID: Int64, reason: String?) throws {
    try write {
      let at = timestamp()
      let changed = try connection.execute(
        """
        UPDATE attempts SET state = 'abandoned', finished_at = \(at) WHERE id = \(attemptID) AND state = 'in-progress'
        """)
      if changed == 0 { try throwNotInProgress(attemptID) }
      let attempt = try fetchAttempt(attemptID)
      try appendEvent(
        at: at, action: .attemptAbandoned, helperID: attempt.helperID,
        detail: ["attempt": String(attemptID), "course": attempt.courseID], reason: reason)
    }
  }

  public func record(
    helperID: String, courseID: String, on date: CalendarDate, note: String?, today: CalendarDate,
    courses: CourseIndex
  ) throws -> AttemptOutcome {
    let course = try Registry.recordableCourse(courseID, on: date, today: today, courses: courses)
    return try write {
      let helper = try lockHelper(helperID)
      let missing = CertificationRules.missingPrerequisites(
        requires: course.requires, passes: try passes(helperID: helper.id), on: date)
      guard missing.isEmpty else { throw RegistryError.missingPrerequisites(course: course.id, missing: missing) }
      let at = timestamp()
      let storedNote = Registry.storedNote(note)
      let id = try connection.query(
        """
        INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at,
          finished_at, state, passed_on, note)
        VALUES (\(helper.id), \(course.id), \(course.version), \(course.digest), '0', '', \(at), \(at), 'recorded',
          \(date.description), \(storedNote))
        RETURNING id
        """)[0].decode(Int64.self)
      let attempt = try fetchAttempt(id)
      try appendEvent(
        at: at, action: .courseRecorded, helperID: helper.id,
        detail: Registry.recordedDetail(attempt, date: date, note: storedNote), reason: storedNote)
      let effects = try applyPass(attempt: attempt, passedOn: date, certifications: courses.certifications, at: at)
      return AttemptOutcome(attempt: attempt, effects: effects)
    }
  }

  public func missingPrerequisites(helperID: String, course: CourseEntry, on day: CalendarDate) throws -> [String] {
    try read {
      let helper = try fetchHelper(helperID)
      return CertificationRules.missingPrerequisites(
        requires: course.requires, passes: try passes(helperID: helper?.id ?? helperID), on: day)
    }
  }

  // MARK: - Reads

  public func status(helperID: String, today: CalendarDate, certifications: CertificationCatalog) throws
    -> HelperStatus
  {
    try read {
      let helper = try requireHelperInside(helperID)
      let passes = try passes(helperID: helper.id)
      let attempted = Set(
        try connection.query("SELECT DISTINCT course_id FROM attempts WHERE helper_id = \(helper.id)").map {
          try $0.decode(String.self)
        })
      let current = Registry.standings(
        passes: passes, attempted: attempted, cycles: try cycles(ofHelper: helper.id), today: today,
        certifications: certifications)
      return HelperStatus(
        helper: helper, today: today, certifications: current, passedCourses: try passedCourses(ofHelper: helper.id))
    }
  }

  public func roster(today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool) throws
    -> [HelperStandings]
  {
    try read {
      let helpers = try allHelpers(includeInactive: includeInactive)
      var passes: [String: [String: [CalendarDate]]] = [:]
      var attempted: [String: Set<String>] = [:]
      for row in try connection.query("SELECT helper_id, course_id, passed_on FROM attempts") {
        let (helperID, courseID, passedOn) = try row.decode((String, String, String?).self)
        attempted[helperID, default: []].insert(courseID)
        if let passedOn, let day = CalendarDate(iso: passedOn) {
          passes[helperID, default: [:]][courseID, default: []].append(day)
        }
      }
      var cycles: [String: [Cycle]] = [:]
      for row in try connection.query("SELECT \(unescaped: Self.cycleColumns) FROM cycles ORDER BY id") {
        let cycle = try Self.cycle(row)
        cycles[cycle.helperID, default: []].append(cycle)
      }
      return helpers.map { helper in
        HelperStandings(
          helper: helper,
          certifications: Registry.standings(
            passes: passes[helper.id] ?? [:], attempted: attempted[helper.id] ?? [], cycles: cycles[helper.id] ?? [],
            today: today, certifications: certifications))
      }
    }
  }

  public func passedCourses(helperID: String) throws -> [PassedCourse] {
    try read { try passedCourses(ofHelper: try requireHelperInside(helperID).id) }
  }

  public func attempts(helperID: String) throws -> [Attempt] {
    try read {
      let helper = try requireHelperInside(helperID)
      return try connection.query(
        "SELECT \(unescaped: Self.attemptColumns) FROM attempts WHERE helper_id = \(helper.id) ORDER BY id"
      ).map(Self.attempt)
    }
  }

  public func attempt(_ id: Int64) throws -> Attempt? {
    try read {
      try connection.query("SELECT \(unescaped: Self.attemptColumns) FROM attempts WHERE id = \(id)").first.map(
        Self.attempt)
    }
  }

  public func cycles(helperID: String) throws -> [Cycle] {
    try read { try cycles(ofHelper: try requireHelperInside(helperID).id) }
  }

  // MARK: - Internals

  func fetchAttempt(_ id: Int64) throws -> Attempt {
    guard
      let row = try connection.query("SELECT \(unescaped: Self.attemptColumns) FROM attempts WHERE id = \(id)").first
    else { throw RegistryError.unknownAttempt(id) }
    return try Self.attempt(row)
  }

  /// The helper an attempt belongs to, or `unknownAttempt`.
  private func attemptOwner(_ id: Int64) throws -> String {
    guard let row = try connection.query("SELECT helper_id FROM attempts WHERE id = \(id)").first else {
      throw RegistryError.unknownAttempt(id)
    }
    return try row.decode(String.self)
  }

  private func throwNotInProgress(_ id: Int64) throws -> Never {
    _ = try fetchAttempt(id)
    throw RegistryError.attemptFinished(id)
  }

  /// Every day each course was passed by the helper.
  func passes(helperID: String) throws -> [String: [CalendarDate]] {
    var result: [String: [CalendarDate]] = [:]
    for row in try connection.query(
      "SELECT course_id, passed_on FROM attempts WHERE helper_id = \(helperID) AND passed_on IS NOT NULL")
    {
      let (courseID, passedOn) = try row.decode((String, String).self)
      if let day = CalendarDate(iso: passedOn) { result[courseID, default: []].append(day) }
    }
    return result
  }

  func cycles(ofHelper helperID: String, certificationID: String? = nil) throws -> [Cycle] {
    let rows =
      if let certificationID {
        try connection.query(
          """
          SELECT \(unescaped: Self.cycleColumns) FROM cycles
          WHERE helper_id = \(helperID) AND certification_id = \(certificationID) ORDER BY id
          """)
      } else {
        try connection.query(
          "SELECT \(unescaped: Self.cycleColumns) FROM cycles WHERE helper_id = \(helperID) ORDER BY id")
      }
    return try rows.map(Self.cycle)
  }

  private func passedCourses(ofHelper helperID: String) throws -> [PassedCourse] {
    Registry.latestPasses(
      try connection.query(
        """
        SELECT id, course_id, passed_on, state FROM attempts
        WHERE helper_id = \(helperID) AND passed_on IS NOT NULL ORDER BY passed_on DESC, id DESC
        """
      ).map { try $0.decode((Int64, String, String, String).self) })
  }

  /// Makes the cycles a pass earns, as `Registry.passDecision` decides, and logs `cycle-made` for each.
  private func applyPass(
    attempt: Attempt, passedOn: CalendarDate, certifications: CertificationCatalog, at: String
  ) throws -> [CertificationEffect] {
    let passes = try passes(helperID: attempt.helperID)
    var effects: [CertificationEffect] = []
    for certification in certifications.certifications(grantedBy: attempt.courseID) {
      let existing = try cycles(ofHelper: attempt.helperID, certificationID: certification.id)
      let kind: CertificationEffect.Kind
      switch Registry.passDecision(
        courseID: attempt.courseID, passedOn: passedOn, passes: passes, existing: existing,
        certification: certification)
      {
      case .nothing(let why):
        kind = why
      case .makeCycle(let cycleKind, let dates):
        let id = try connection.query(
          """
          INSERT INTO cycles (helper_id, certification_id, kind, certified_on, valid_through, window_opens,
            source_attempt_id, created_at)
          VALUES (\(attempt.helperID), \(certification.id), \(cycleKind.rawValue), \(dates.certifiedOn.description),
            \(dates.validThrough.description), \(dates.windowOpens.description), \(attempt.id), \(at))
          RETURNING id
          """)[0].decode(Int64.self)
        let cycle = Cycle(
          id: id, helperID: attempt.helperID, certificationID: certification.id, kind: cycleKind, dates: dates,
          sourceAttemptID: attempt.id, createdAt: at)
        try appendEvent(
          at: at, action: .cycleMade, helperID: attempt.helperID,
          detail: Registry.cycleDetail(cycle, attemptID: attempt.id), reason: nil)
        kind = cycleKind == .initial ? .certified(cycle) : .renewed(cycle)
      }
      effects.append(CertificationEffect(certificationID: certification.id, title: certification.title, kind: kind))
    }
    return effects
  }
}
