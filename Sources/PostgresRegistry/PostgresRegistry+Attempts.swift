import CourseModel
import Foundation
import PostgresNIO
import Registry

extension PostgresRegistry {
  // MARK: - Runner

  @discardableResult
  public func startOrResumeAttempt(
    helperID: String, course: CourseEntry, seed: UInt64, language: String, resumeStateJSON: String?,
    claim request: ClaimRequest?
  ) throws -> AttemptStart {
    try write {
      let helper = try lockHelper(helperID)
      if let row = try connection.query(
        """
        SELECT \(unescaped: Self.attemptColumns) FROM attempts
        WHERE helper_id = \(helper.id) AND course_id = \(course.id) AND state = 'in-progress'
        """
      ).first {
        let attempt = try Self.attempt(row)
        let ended = try request.flatMap { try takeClaim(attempt.id, $0) }
        if let ended {
          try appendEvent(
            at: timestamp(), action: .attemptTakenOver, helperID: helper.id,
            detail: Registry.attemptTakenOverDetail(attemptID: attempt.id, courseID: course.id, from: ended.holder),
            reason: nil)
        }
        return AttemptStart(attempt: attempt, resumed: true, tookOver: ended)
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
        detail: Registry.attemptStartedDetail(attemptID: id, course: course, seed: seed, language: language),
        reason: nil)
      if let request { _ = try takeClaim(id, request) }
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
  public func saveResumeState(attemptID: Int64, json: String, claimant: Claimant?) throws {
    try write {
      try requireClaim(attemptID, claimant)
      let changed = try connection.execute(
        "UPDATE attempts SET resume_state = \(json) WHERE id = \(attemptID) AND state = 'in-progress'")
      if changed == 0 { try throwNotInProgress(attemptID) }
    }
  }

  @discardableResult
  public func finishAttempt(
    attemptID: Int64, passed: Bool, score: Double?, detailJSON: String?, today: CalendarDate,
    certifications: CertificationCatalog, claimant: Claimant?
  ) throws -> AttemptOutcome {
    try write {
      let owner = try attemptOwner(attemptID)
      _ = try lockHelper(owner)
      try requireClaim(attemptID, claimant)
      try connection.execute("DELETE FROM attempt_claims WHERE attempt_id = \(attemptID)")
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
      let detail = Registry.attemptFinishedDetail(
        attemptID: attemptID, courseID: attempt.courseID, state: state, score: score, passedOn: passed ? today : nil)
      try appendEvent(at: at, action: .attemptFinished, helperID: attempt.helperID, detail: detail, reason: nil)
      let effects =
        passed ? try applyPass(attempt: attempt, passedOn: today, certifications: certifications, at: at) : []
      return AttemptOutcome(attempt: attempt, effects: effects)
    }
  }

  public func abandonAttempt(attemptID: Int64, reason: String?, claim request: ClaimRequest?) throws {
    try Registry.requireInert(reason, field: "reason")
    try write {
      if let request { _ = try takeClaim(attemptID, request) }
      let at = timestamp()
      let changed = try connection.execute(
        """
        UPDATE attempts SET state = 'abandoned', finished_at = \(at) WHERE id = \(attemptID) AND state = 'in-progress'
        """)
      if changed == 0 { try throwNotInProgress(attemptID) }
      try connection.execute("DELETE FROM attempt_claims WHERE attempt_id = \(attemptID)")
      let attempt = try fetchAttempt(attemptID)
      try appendEvent(
        at: at, action: .attemptAbandoned, helperID: attempt.helperID,
        detail: Registry.attemptAbandonedDetail(attemptID: attemptID, courseID: attempt.courseID), reason: reason)
    }
  }

  @discardableResult
  public func record(
    helperID: String, courseID: String, on date: CalendarDate, note: String?, today: CalendarDate,
    courses: CourseIndex
  ) throws -> AttemptOutcome {
    let course = try Registry.recordableCourse(courseID, on: date, today: today, courses: courses)
    return try write {
      let helper = try lockHelper(helperID)
      return try recordPass(helper: helper, course: course, on: date, note: note, at: timestamp(), courses: courses)
    }
  }

  @discardableResult
  public func recordAttendance(
    _ rows: [AttendanceRow], source: String, today: CalendarDate, courses: CourseIndex
  ) throws -> AttendanceOutcome {
    var (checked, problems) = Registry.attendancePlan(rows, today: today, courses: courses)
    return try write {
      let at = timestamp()
      var helpers: [String: Helper] = [:]
      for helper in try allHelpers(includeInactive: true) { helpers[helper.id.lowercased()] = helper }
      var firstLine: [String: Int] = [:]
      var cycles: [CertificationEffect] = []
      var recordedHelpers = Set<String>()
      var locked = Set<String>()
      for (row, course, date) in checked {
        guard let helper = helpers[row.helperID.lowercased()] else {
          problems.append((row.line, .unknownHelper(row.helperID, suggestions: [])))
          continue
        }
        let key = "\(helper.id.lowercased())\u{0}\(course.id)\u{0}\(date)"
        if let first = firstLine[key] {
          problems.append(
            (row.line, .listedTwice(helperID: helper.id, courseID: course.id, date: date, firstLine: first)))
          continue
        }
        firstLine[key] = row.line
        if locked.insert(helper.id).inserted { _ = try lockHelper(helper.id) }
        let already = try connection.query(
          """
          SELECT 1 FROM attempts WHERE helper_id = \(helper.id) AND course_id = \(course.id)
            AND state = 'recorded' AND passed_on = \(date.description) LIMIT 1
          """)
        if !already.isEmpty {
          problems.append((row.line, .alreadyRecorded(helperID: helper.id, courseID: course.id, date: date)))
          continue
        }
        do {
          let outcome = try recordPass(
            helper: helper, course: course, on: date, note: row.note, at: at, courses: courses,
            origin: ["source": source, "line": String(row.line)])
          cycles += outcome.effects.filter { $0.cycle != nil }
          recordedHelpers.insert(helper.id)
        } catch let error as RegistryError {
          problems.append((row.line, error))
        }
      }
      if !problems.isEmpty { throw Registry.attendanceRefusal(problems, ids: helpers.values.map(\.id)) }
      return AttendanceOutcome(recorded: rows.count, helpers: recordedHelpers.count, cycles: cycles)
    }
  }

  /// Records one in-person pass (as `Registry.recordPass`): prerequisites, the attempt, its event, its cycles.
  private func recordPass(
    helper: Helper, course: CourseEntry, on date: CalendarDate, note: String?, at: String, courses: CourseIndex,
    origin: [String: String] = [:]
  ) throws -> AttemptOutcome {
    let missing = CertificationRules.missingPrerequisites(
      requires: course.requires, passes: try passes(helperID: helper.id), on: date)
    guard missing.isEmpty else { throw RegistryError.missingPrerequisites(course: course.id, missing: missing) }
    try Registry.requireInert(note, field: "note")
    let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
    let storedNote = trimmedNote?.isEmpty == false ? trimmedNote : nil
    let id = try connection.query(
      """
      INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at,
        finished_at, state, passed_on, note)
      VALUES (\(helper.id), \(course.id), \(course.version), \(course.digest), '0', '', \(at), \(at), 'recorded',
        \(date.description), \(storedNote))
      RETURNING id
      """)[0].decode(Int64.self)
    let attempt = try fetchAttempt(id)
    let detail = Registry.courseRecordedDetail(
      origin: origin, attemptID: attempt.id, courseID: course.id, date: date, note: storedNote)
    try appendEvent(at: at, action: .courseRecorded, helperID: helper.id, detail: detail, reason: storedNote)
    let effects = try applyPass(attempt: attempt, passedOn: date, certifications: courses.certifications, at: at)
    return AttemptOutcome(attempt: attempt, effects: effects)
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
      var position: [String: Int] = [:]
      position.reserveCapacity(helpers.count)
      for (index, helper) in helpers.enumerated() { position[helper.id] = index }
      // As the SQLite roster reads: each helper's latest cycle of each certification (the latest certified_on,
      // the last made on a tie: `CertificationRules.latest`), and for the initial paths' courses whether each
      // was attempted and its latest pass (a pass counts when on or after a day, so the latest one decides).
      // In the order of the index `cycles_latest` (schema version 2): read without a sort.
      var latest = [[Cycle]](repeating: [], count: helpers.count)
      let certificationIDs = certifications.certifications.map(\.id)
      for row in try connection.query(
        """
        SELECT DISTINCT ON (helper_id, certification_id) \(unescaped: Self.cycleColumns)
        FROM cycles WHERE certification_id = ANY(\(certificationIDs))
        ORDER BY helper_id, certification_id, certified_on DESC, id DESC
        """)
      {
        let cycle = try Self.cycle(row)
        if let index = position[cycle.helperID] { latest[index].append(cycle) }
      }
      let initialCourses = Array(Set(certifications.certifications.flatMap { $0.initial.map(\.courseID) }))
      var passes = [[String: [CalendarDate]]](repeating: [:], count: helpers.count)
      var attempted = [Set<String>](repeating: [], count: helpers.count)
      for row in try connection.query(
        """
        SELECT helper_id, course_id, max(passed_on COLLATE "C") FROM attempts WHERE course_id = ANY(\(initialCourses))
        GROUP BY course_id, helper_id
        """)
      {
        let (helperID, courseID, passedOn) = try row.decode((String, String, String?).self)
        guard let index = position[helperID] else { continue }
        attempted[index].insert(courseID)
        if let passedOn, let day = CalendarDate(iso: passedOn) { passes[index][courseID] = [day] }
      }
      return helpers.indices.map { index in
        HelperStandings(
          helper: helpers[index],
          certifications: Registry.standings(
            passes: passes[index], attempted: attempted[index], cycles: latest[index], today: today,
            certifications: certifications))
      }
    }
  }

  /// The roster's lines: the same helpers, statuses and dates as `roster(…)`, from three reads of what they
  /// need (helpers; each one's latest cycle dates per certification, from the index `cycles_latest`; which
  /// initial-path courses each one attempted, from `attempts_by_course`), the status decided by
  /// `Registry.standing(…)` as on SQLite.
  public func rosterLines(today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool) throws
    -> [RosterLine]
  {
    try read {
      let catalogue = certifications.certifications
      var lines: [RosterLine] = []
      var position: [String: Int] = [:]
      for row in try connection.query(
        """
        SELECT id, name, local, region FROM helpers \(unescaped: includeInactive ? "" : "WHERE active")
        ORDER BY lower(id) COLLATE "C"
        """)
      {
        let (id, name, local, region) = try row.decode((String, String, String, String).self)
        position[id] = lines.count
        lines.append(RosterLine(helperID: id, name: name, local: local, region: region, standings: []))
      }
      var latest = [[CycleDates?]](repeating: Array(repeating: nil, count: catalogue.count), count: lines.count)
      for row in try connection.query(
        """
        SELECT DISTINCT ON (helper_id, certification_id) helper_id, certification_id,
          certified_on || valid_through || window_opens
        FROM cycles WHERE certification_id = ANY(\(catalogue.map(\.id)))
        ORDER BY helper_id, certification_id, certified_on DESC, id DESC
        """)
      {
        var (helperID, certificationID, text) = try row.decode((String, String, String).self)
        guard let index = position[helperID], let slot = catalogue.firstIndex(where: { $0.id == certificationID })
        else { continue }
        guard let dates = text.withUTF8(CycleDates.init(concatenated:)) else {
          throw RegistryError.database("a cycle of \(helperID) is malformed")
        }
        latest[index][slot] = dates
      }
      let initialCourses = Array(Set(catalogue.flatMap { $0.initial.map(\.courseID) }))
      var attempted = [Set<String>](repeating: [], count: lines.count)
      for row in try connection.query(
        "SELECT DISTINCT course_id, helper_id FROM attempts WHERE course_id = ANY(\(initialCourses))")
      {
        let (courseID, helperID) = try row.decode((String, String).self)
        if let index = position[helperID] { attempted[index].insert(courseID) }
      }
      for index in lines.indices {
        lines[index].standings = catalogue.enumerated().map { slot, certification in
          Registry.standing(
            latest: latest[index][slot],
            initialPathStarted: Registry.initialPathStarted(certification, attempted: attempted[index]),
            today: today, certification: certification)
        }
      }
      return lines
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

  /// Makes the cycles a pass earns, as `CertificationRules.decisions` decides, and logs `cycle-made` for each.
  private func applyPass(
    attempt: Attempt, passedOn: CalendarDate, certifications: CertificationCatalog, at: String
  ) throws -> [CertificationEffect] {
    let history = try certificationHistory(ofHelper: attempt.helperID)
    var effects: [CertificationEffect] = []
    for (certification, decision) in CertificationRules.decisions(
      passing: attempt.courseID, on: passedOn, catalog: certifications, history: history)
    {
      var cycle: Cycle?
      if let (cycleKind, dates) = decision.newCycle {
        let id = try connection.query(
          """
          INSERT INTO cycles (helper_id, certification_id, kind, certified_on, valid_through, window_opens,
            source_attempt_id, created_at)
          VALUES (\(attempt.helperID), \(certification.id), \(cycleKind.rawValue), \(dates.certifiedOn.description),
            \(dates.validThrough.description), \(dates.windowOpens.description), \(attempt.id), \(at))
          RETURNING id
          """)[0].decode(Int64.self)
        cycle = Cycle(
          id: id, helperID: attempt.helperID, certificationID: certification.id, kind: cycleKind, dates: dates,
          sourceAttemptID: attempt.id, createdAt: at)
        try appendEvent(
          at: at, action: .cycleMade, helperID: attempt.helperID,
          detail: Registry.cycleMadeDetail(
            cycleID: id, certificationID: certification.id, kind: cycleKind, dates: dates, attemptID: attempt.id),
          reason: nil)
      }
      effects.append(
        CertificationEffect(
          certificationID: certification.id, title: certification.title, decision: decision, cycle: cycle))
    }
    return effects
  }

  /// Every pass and every cycle of the helper, as `CertificationRules.decision` takes them.
  func certificationHistory(ofHelper helperID: String) throws -> CertificationHistory {
    let cycles = try cycles(ofHelper: helperID)
    return CertificationHistory(
      passes: try passes(helperID: helperID),
      cycles: Dictionary(grouping: cycles, by: \.certificationID).mapValues { $0.map(\.dates) })
  }

  public func certificationHistory(helperID: String) throws -> CertificationHistory {
    try read { try certificationHistory(ofHelper: try requireHelperInside(helperID).id) }
  }

  public func passesBehind(_ cycle: Cycle, certification: Certification) throws -> [Attempt] {
    try read {
      if cycle.kind == .renewal {
        guard let id = cycle.sourceAttemptID else { return [] }
        return [try fetchAttempt(id)]
      }
      return try certification.initial.compactMap { reference in
        try connection.query(
          """
          SELECT \(unescaped: Self.attemptColumns) FROM attempts
          WHERE helper_id = \(cycle.helperID) AND course_id = \(reference.courseID) AND passed_on IS NOT NULL
            AND passed_on <= \(cycle.dates.certifiedOn.description)
          ORDER BY passed_on DESC, id DESC LIMIT 1
          """
        ).first.map(Self.attempt)
      }
    }
  }

  // MARK: - Claims

  public func claim(attemptID: Int64) throws -> AttemptClaim? {
    try read { try claim(attemptID) }
  }

  public func renewClaim(attemptID: Int64, claimant: Claimant) throws {
    try write {
      try requireClaim(attemptID, claimant)
      try connection.execute(
        "UPDATE attempt_claims SET renewed_at = \(timestamp()) WHERE attempt_id = \(attemptID)")
    }
  }

  public func releaseClaim(attemptID: Int64, claimant: Claimant) throws {
    try write {
      try connection.execute(
        "DELETE FROM attempt_claims WHERE attempt_id = \(attemptID) AND token = \(claimant.token)")
    }
  }

  private func claim(_ attemptID: Int64) throws -> AttemptClaim? {
    try connection.query(
      "SELECT token, host, pid, claimed_at, renewed_at FROM attempt_claims WHERE attempt_id = \(attemptID)"
    ).first.map { row in
      let (token, host, pid, claimedAt, renewedAt) = try row.decode((String, String, Int64, String, String).self)
      return AttemptClaim(
        attemptID: attemptID, holder: Claimant(host: host, pid: Int32(truncatingIfNeeded: pid), token: token),
        claimedAt: claimedAt, renewedAt: renewedAt)
    }
  }

  /// Takes the attempt for `request.claimant` (as `Registry.takeClaim`); returns the live claim it ended.
  private func takeClaim(_ attemptID: Int64, _ request: ClaimRequest) throws -> AttemptClaim? {
    let at = timestamp()
    var ended: AttemptClaim?
    if let current = try claim(attemptID), current.holder.token != request.claimant.token,
      !request.isStale(current)
    {
      guard request.takeOver else { throw RegistryError.attemptOpenElsewhere(current) }
      ended = current
    }
    try connection.execute(
      """
      INSERT INTO attempt_claims (attempt_id, token, host, pid, claimed_at, renewed_at)
      VALUES (\(attemptID), \(request.claimant.token), \(request.claimant.host), \(Int64(request.claimant.pid)),
        \(at), \(at))
      ON CONFLICT (attempt_id) DO UPDATE SET token = excluded.token, host = excluded.host, pid = excluded.pid,
        claimed_at = excluded.claimed_at, renewed_at = excluded.renewed_at
      """)
    return ended
  }

  private func requireClaim(_ attemptID: Int64, _ claimant: Claimant?) throws {
    guard let claimant else { return }
    let current = try claim(attemptID)
    guard current?.holder.token == claimant.token else { throw RegistryError.claimLost(current) }
  }
}
