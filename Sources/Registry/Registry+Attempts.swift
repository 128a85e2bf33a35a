import CourseModel
import Foundation
import GRDB

/// What passing (or failing) a course did to one certification.
public struct CertificationEffect: Sendable, Hashable {
  public var certificationID: String
  public var title: LocalizedText
  /// What `CertificationRules.decision` answered for this pass.
  public var decision: CertificationDecision
  /// The cycle stored for the decision, when it made one.
  public var cycle: Cycle?

  public init(certificationID: String, title: LocalizedText, decision: CertificationDecision, cycle: Cycle? = nil) {
    self.certificationID = certificationID
    self.title = title
    self.decision = decision
    self.cycle = cycle
  }

  /// One line for the user: « Entraidant·e : valide jusqu'au 2027-11-21 ».
  public var message: Message {
    let fr = title.text("fr", fallbacks: ["en"]) ?? certificationID
    let en = title.text("en", fallbacks: ["fr"]) ?? certificationID
    switch decision {
    case .initialCycle(let dates), .renewal(let dates, _):
      return Message(
        fr: "\(fr) : valide jusqu’au \(dates.validThrough)",
        en: "\(en): valid through \(dates.validThrough)")
    case .nothing(.lapsed):
      return Message(
        fr:
          "\(fr) : cours enregistré, mais il ne renouvelle rien (certification périmée) ; le parcours initial est à refaire.",
        en: "\(en): course recorded, but it renews nothing (certification lapsed); the initial path is required again.")
    case .nothing(.notCertified):
      return Message(
        fr: "\(fr) : cours enregistré, mais il ne renouvelle rien : aucune certification à renouveler.",
        en: "\(en): course recorded, but it renews nothing: there is no certification to renew.")
    case .nothing(.predatesCycle):
      return Message(
        fr: "\(fr) : cours enregistré ; il précède le cycle en cours et ne change rien.",
        en: "\(en): course recorded; it predates the current cycle and changes nothing.")
    case .nothing(.initialProgress(let passed, let required)):
      return Message(
        fr: "\(fr) : parcours initial, \(passed) cours réussi\(passed > 1 ? "s" : "") sur \(required).",
        en: "\(en): initial path, \(passed) of \(required) courses passed.")
    case .nothing(.alreadyCertified(let validThrough)):
      return Message(
        fr: "\(fr) : ce cours ne change rien (cycle en cours valide jusqu’au \(validThrough)).",
        en: "\(en): this course changes nothing (current cycle valid through \(validThrough)).")
    }
  }
}

/// A finished or recorded attempt and what it did to each certification its course counts for.
public struct AttemptOutcome: Sendable, Hashable {
  public var attempt: Attempt
  /// Empty when the attempt failed or was abandoned.
  public var effects: [CertificationEffect]

  public init(attempt: Attempt, effects: [CertificationEffect]) {
    self.attempt = attempt
    self.effects = effects
  }
}

/// The attempt the runner continues: a new one, or the one in progress for the same helper and course.
public struct AttemptStart: Sendable, Hashable {
  public var attempt: Attempt
  /// True when an in-progress attempt was found (compare its `contentDigest` with the course's).
  public var resumed: Bool
  /// The live claim `ClaimRequest.takeOver` ended, if any.
  public var tookOver: AttemptClaim?

  public init(attempt: Attempt, resumed: Bool, tookOver: AttemptClaim? = nil) {
    self.attempt = attempt
    self.resumed = resumed
    self.tookOver = tookOver
  }
}

extension Registry {
  // MARK: - Runner API

  /// The in-progress attempt of `course` by the helper, or a new one storing seed, version, digest and language.
  ///
  /// A new attempt logs `attempt-started`. The helper must exist; check prerequisites first with
  /// `missingPrerequisites`. With `claim`, the attempt is held by its claimant (one attempt, one terminal):
  /// another live holder throws `RegistryError.attemptOpenElsewhere` and nothing is written.
  public func startOrResumeAttempt(
    helperID: String, course: CourseEntry, seed: UInt64, language: String, resumeStateJSON: String? = nil,
    claim request: ClaimRequest? = nil
  ) throws -> AttemptStart {
    try write { db in
      let helper = try requireHelper(db, helperID)
      if let row = try Row.fetchOne(
        db, sql: "SELECT * FROM attempts WHERE helper_id = ? AND course_id = ? AND state = 'in-progress'",
        arguments: [helper.id, course.id])
      {
        let attempt = try Attempt(row: row)
        let ended = try request.flatMap { try takeClaim(db, attempt.id, $0) }
        if let ended {
          try appendEvent(
            db, at: timestamp(), action: .attemptTakenOver, helperID: helper.id,
            detail: Self.attemptTakenOverDetail(attemptID: attempt.id, courseID: course.id, from: ended.holder),
            reason: nil)
        }
        return AttemptStart(attempt: attempt, resumed: true, tookOver: ended)
      }
      let at = timestamp()
      try db.execute(
        sql: """
          INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at,
            state, resume_state)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'in-progress', ?)
          """,
        arguments: [helper.id, course.id, course.version, course.digest, String(seed), language, at, resumeStateJSON])
      let id = db.lastInsertedRowID
      try appendEvent(
        db, at: at, action: .attemptStarted, helperID: helper.id,
        detail: Self.attemptStartedDetail(attemptID: id, course: course, seed: seed, language: language), reason: nil)
      if let request { _ = try takeClaim(db, id, request) }
      return AttemptStart(attempt: try fetchAttempt(db, id), resumed: false)
    }
  }

  /// The helper's in-progress attempt of the course, or nil.
  public func inProgressAttempt(helperID: String, courseID: String) throws -> Attempt? {
    try read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM attempts WHERE helper_id = ? AND course_id = ? AND state = 'in-progress'",
        arguments: [helperID, courseID]
      ).map(Attempt.init(row:))
    }
  }

  /// Stores the runner's resume state of an in-progress attempt (one small UPDATE; not an audit event).
  ///
  /// With `claimant`, refused with `RegistryError.claimLost` when another process holds the attempt.
  public func saveResumeState(attemptID: Int64, json: String, claimant: Claimant? = nil) throws {
    try write { db in
      try requireClaim(db, attemptID, claimant)
      try db.execute(
        sql: "UPDATE attempts SET resume_state = ? WHERE id = ? AND state = 'in-progress'",
        arguments: [json, attemptID])
      if db.changesCount == 0 { try throwNotInProgress(db, attemptID) }
    }
  }

  /// Finishes an in-progress attempt with its result and, when passed, applies the certification effect,
  /// all in one transaction; `today` is the day it counts as passed.
  public func finishAttempt(
    attemptID: Int64, passed: Bool, score: Double?, detailJSON: String?, today: CalendarDate,
    certifications: CertificationCatalog, claimant: Claimant? = nil
  ) throws -> AttemptOutcome {
    try write { db in
      try requireClaim(db, attemptID, claimant)
      try db.execute(sql: "DELETE FROM attempt_claims WHERE attempt_id = ?", arguments: [attemptID])
      let at = timestamp()
      let state: AttemptState = passed ? .passed : .failed
      try db.execute(
        sql: """
          UPDATE attempts SET state = ?, finished_at = ?, passed_on = ?, score = ?, detail = ?, resume_state = NULL
          WHERE id = ? AND state = 'in-progress'
          """,
        arguments: [state.rawValue, at, passed ? today.description : nil, score, detailJSON, attemptID])
      if db.changesCount == 0 { try throwNotInProgress(db, attemptID) }
      let attempt = try fetchAttempt(db, attemptID)
      let detail = Self.attemptFinishedDetail(
        attemptID: attemptID, courseID: attempt.courseID, state: state, score: score, passedOn: passed ? today : nil)
      try appendEvent(db, at: at, action: .attemptFinished, helperID: attempt.helperID, detail: detail, reason: nil)
      var history = try history(db, helperID: attempt.helperID)
      let effects =
        passed
        ? try applyPass(
          db, attempt: attempt, passedOn: today, certifications: certifications, at: at, history: &history)
        : []
      return AttemptOutcome(attempt: attempt, effects: effects)
    }
  }

  /// Gives up an in-progress attempt (`run --restart`); it stays in the history as abandoned.
  ///
  /// With `claim`, refused like `startOrResumeAttempt` when another live process holds the attempt.
  public func abandonAttempt(attemptID: Int64, reason: String? = nil, claim request: ClaimRequest? = nil) throws {
    try requireInert(reason, field: "reason")
    try write { db in
      if let request { _ = try takeClaim(db, attemptID, request) }
      let at = timestamp()
      try db.execute(
        sql: "UPDATE attempts SET state = 'abandoned', finished_at = ? WHERE id = ? AND state = 'in-progress'",
        arguments: [at, attemptID])
      if db.changesCount == 0 { try throwNotInProgress(db, attemptID) }
      try db.execute(sql: "DELETE FROM attempt_claims WHERE attempt_id = ?", arguments: [attemptID])
      let attempt = try fetchAttempt(db, attemptID)
      try appendEvent(
        db, at: at, action: .attemptAbandoned, helperID: attempt.helperID,
        detail: Self.attemptAbandonedDetail(attemptID: attemptID, courseID: attempt.courseID), reason: reason)
    }
  }

  /// Records a course passed in person on `date` and applies its certification effect, in one transaction.
  ///
  /// Refused: an unknown helper or course, a course that grants or renews no certification, a date after
  /// `today` or before `earliestRecordDate`, a prerequisite not passed on or before `date`.
  public func record(
    helperID: String, courseID: String, on date: CalendarDate, note: String? = nil, today: CalendarDate,
    courses: CourseIndex
  ) throws -> AttemptOutcome {
    let course = try Self.recordableCourse(courseID, on: date, today: today, courses: courses)
    return try write { db in
      let helper = try requireHelper(db, helperID)
      var history = try history(db, helperID: helper.id)
      return try recordPass(
        db, helper: helper, course: course, on: date, note: note, at: timestamp(), courses: courses,
        history: &history, origin: [:])
    }
  }

  /// The course, if a pass of it on `date` may be recorded (the checks that need no helper): known, granting
  /// or renewing a certification, dated neither after `today` nor before `earliestRecordDate`.
  package static func recordableCourse(
    _ courseID: String, on date: CalendarDate, today: CalendarDate, courses: CourseIndex
  ) throws -> CourseEntry {
    let course = try courses.course(courseID)
    guard !courses.certifications.certifications(grantedBy: course.id).isEmpty else {
      throw RegistryError.courseGrantsNothing(course.id)
    }
    guard date <= today else { throw RegistryError.futureDate(date: date, today: today) }
    guard date >= Self.earliestRecordDate else {
      throw RegistryError.dateBeforeNetworks(date: date, earliest: Self.earliestRecordDate)
    }
    return course
  }

  /// Records one in-person pass after `recordableCourse`: checks the prerequisites against `history`, stores
  /// the attempt and its `course-recorded` event (with `origin` added to its detail), applies the
  /// certification effect and keeps `history` up to date.
  func recordPass(
    _ db: Database, helper: Helper, course: CourseEntry, on date: CalendarDate, note: String?, at: String,
    courses: CourseIndex, history: inout HelperHistory, origin: [String: String]
  ) throws -> AttemptOutcome {
    let missing = CertificationRules.missingPrerequisites(requires: course.requires, passes: history.passes, on: date)
    guard missing.isEmpty else { throw RegistryError.missingPrerequisites(course: course.id, missing: missing) }
    try requireInert(note, field: "note")
    let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
    let storedNote = trimmedNote?.isEmpty == false ? trimmedNote : nil
    try db.cachedStatement(
      sql: """
        INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at,
          finished_at, state, passed_on, note)
        VALUES (?, ?, ?, ?, '0', '', ?, ?, 'recorded', ?, ?)
        """
    ).execute(arguments: [helper.id, course.id, course.version, course.digest, at, at, date.description, storedNote])
    let attempt = Attempt(
      id: db.lastInsertedRowID, helperID: helper.id, courseID: course.id, courseVersion: course.version,
      contentDigest: course.digest, seed: 0, language: "", startedAt: at, finishedAt: at, state: .recorded,
      passedOn: date, note: storedNote)
    history.passes[course.id, default: []].append(date)
    history.recorded.insert(HelperHistory.Day(courseID: course.id, date: date))
    let detail = Self.courseRecordedDetail(
      origin: origin, attemptID: attempt.id, courseID: course.id, date: date, note: storedNote)
    try appendEvent(db, at: at, action: .courseRecorded, helperID: helper.id, detail: detail, reason: storedNote)
    let effects = try applyPass(
      db, attempt: attempt, passedOn: date, certifications: courses.certifications, at: at, history: &history)
    return AttemptOutcome(attempt: attempt, effects: effects)
  }

  /// The prerequisites of `course` the helper has not passed on or before `day`, in the order listed.
  public func missingPrerequisites(helperID: String, course: CourseEntry, on day: CalendarDate) throws -> [String] {
    try read { db in
      CertificationRules.missingPrerequisites(
        requires: course.requires, passes: try passes(db, helperID: helperID), on: day)
    }
  }

  // MARK: - Internals

  func fetchAttempt(_ db: Database, _ id: Int64) throws -> Attempt {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM attempts WHERE id = ?", arguments: [id]) else {
      throw RegistryError.unknownAttempt(id)
    }
    return try Attempt(row: row)
  }

  private func throwNotInProgress(_ db: Database, _ id: Int64) throws -> Never {
    _ = try fetchAttempt(db, id)
    throw RegistryError.attemptFinished(id)
  }

  /// What the registry knows of one helper while it decides: every pass and every cycle.
  struct HelperHistory {
    /// A course on a day.
    struct Day: Hashable {
      var courseID: String
      var date: CalendarDate
    }

    /// Every day each course was passed.
    var passes: [String: [CalendarDate]] = [:]
    /// The courses recorded in person, by day.
    var recorded: Set<Day> = []
    /// Every cycle, in the order they were made.
    var cycles: [Cycle] = []
  }

  /// The helper's passes and cycles, read once.
  func history(_ db: Database, helperID: String) throws -> HelperHistory {
    var history = HelperHistory()
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: "SELECT course_id, passed_on, state FROM attempts WHERE helper_id = ? AND passed_on IS NOT NULL"),
      arguments: [helperID])
    while let row = try rows.next() {
      guard let day = CalendarDate(iso: row["passed_on"]) else { continue }
      let courseID: String = row["course_id"]
      history.passes[courseID, default: []].append(day)
      if row["state"] as String == AttemptState.recorded.rawValue {
        history.recorded.insert(HelperHistory.Day(courseID: courseID, date: day))
      }
    }
    history.cycles = try Row.fetchAll(
      db.cachedStatement(sql: "SELECT * FROM cycles WHERE helper_id = ? ORDER BY id"), arguments: [helperID]
    ).map(Cycle.init(row:))
    return history
  }

  /// Every day each course was passed by the helper.
  func passes(_ db: Database, helperID: String) throws -> [String: [CalendarDate]] {
    var result: [String: [CalendarDate]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT course_id, passed_on FROM attempts WHERE helper_id = ? AND passed_on IS NOT NULL",
      arguments: [helperID])
    {
      if let day = CalendarDate(iso: row["passed_on"]) { result[row["course_id"], default: []].append(day) }
    }
    return result
  }

  func cycles(_ db: Database, helperID: String, certificationID: String? = nil) throws -> [Cycle] {
    let rows =
      if let certificationID {
        try Row.fetchAll(
          db, sql: "SELECT * FROM cycles WHERE helper_id = ? AND certification_id = ? ORDER BY id",
          arguments: [helperID, certificationID])
      } else {
        try Row.fetchAll(db, sql: "SELECT * FROM cycles WHERE helper_id = ? ORDER BY id", arguments: [helperID])
      }
    return try rows.map(Cycle.init(row:))
  }

  /// Makes the cycles a pass earns (`CertificationRules.decision`) and logs `cycle-made` for each; returns
  /// every effect.
  ///
  /// `history` holds the helper's passes (this one included) and cycles; the cycles made are added to it.
  private func applyPass(
    _ db: Database, attempt: Attempt, passedOn: CalendarDate, certifications: CertificationCatalog, at: String,
    history: inout HelperHistory
  ) throws -> [CertificationEffect] {
    var effects: [CertificationEffect] = []
    for (certification, decision) in CertificationRules.decisions(
      passing: attempt.courseID, on: passedOn, catalog: certifications, history: history.certificationHistory)
    {
      var cycle: Cycle?
      if let (cycleKind, dates) = decision.newCycle {
        try db.cachedStatement(
          sql: """
            INSERT INTO cycles (helper_id, certification_id, kind, certified_on, valid_through, window_opens,
              source_attempt_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(
          arguments: [
            attempt.helperID, certification.id, cycleKind.rawValue, dates.certifiedOn.description,
            dates.validThrough.description, dates.windowOpens.description, attempt.id, at,
          ])
        let made = Cycle(
          id: db.lastInsertedRowID, helperID: attempt.helperID, certificationID: certification.id, kind: cycleKind,
          dates: dates, sourceAttemptID: attempt.id, createdAt: at)
        history.cycles.append(made)
        try appendEvent(
          db, at: at, action: .cycleMade, helperID: attempt.helperID,
          detail: Self.cycleMadeDetail(
            cycleID: made.id, certificationID: certification.id, kind: cycleKind, dates: dates, attemptID: attempt.id),
          reason: nil)
        cycle = made
      }
      effects.append(
        CertificationEffect(
          certificationID: certification.id, title: certification.title, decision: decision, cycle: cycle))
    }
    return effects
  }

  /// Every pass and every cycle of the helper, as `CertificationRules.decision` needs them.
  func certificationHistory(_ db: Database, helperID: String) throws -> CertificationHistory {
    try history(db, helperID: helperID).certificationHistory
  }
}

extension Registry.HelperHistory {
  /// The passes and cycles as `CertificationRules.decision` takes them.
  var certificationHistory: CertificationHistory {
    CertificationHistory(
      passes: passes, cycles: Dictionary(grouping: cycles, by: \.certificationID).mapValues { $0.map(\.dates) })
  }
}
