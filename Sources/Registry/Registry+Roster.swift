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

/// One helper's line of the roster: who they are and where they stand with each certification, without the
/// detail `HelperStandings` carries (the cycle's provenance, the initial path's passes).
public struct RosterLine: Sendable, Hashable {
  public var helperID: String
  public var name: String
  public var local: String
  public var region: String
  /// One per certification of the catalogue, in the catalogue's order.
  public var standings: [Standing]

  /// A status, with the latest cycle's dates.
  public struct Standing: Sendable, Hashable {
    public var status: CertificationStatus
    /// The latest cycle's dates; nil without a cycle.
    public var dates: CycleDates?
    /// Days from today to validThrough (0 on the last valid day, negative once expired); nil without a cycle.
    public var daysLeft: Int?

    public init(status: CertificationStatus, dates: CycleDates?, daysLeft: Int?) {
      self.status = status
      self.dates = dates
      self.daysLeft = daysLeft
    }
  }

  public init(helperID: String, name: String, local: String, region: String, standings: [Standing]) {
    self.helperID = helperID
    self.name = name
    self.local = local
    self.region = region
    self.standings = standings
  }

  /// The line of a helper's full standings.
  public init(_ entry: HelperStandings) {
    self.init(
      helperID: entry.helper.id, name: entry.helper.name, local: entry.helper.local, region: entry.helper.region,
      standings: entry.certifications.map { standing in
        Standing(status: standing.status, dates: standing.cycle?.dates, daysLeft: standing.daysLeft)
      })
  }
}

extension Registry {
  /// The roster's lines on `today`: the same helpers, statuses and cycle dates as `roster(…)`, in one query.
  ///
  /// One row per helper, with, for each certification, its latest cycle's dates (one seek in the covering
  /// index `cycles_latest`, no read of the table) and whether the initial path is started (one seek in
  /// `attempts_by_helper`); the status is decided by `standing(…)`, as for `status` and `roster`.
  public func rosterLines(
    today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool = false
  ) throws -> [RosterLine] {
    let catalogue = certifications.certifications
    var sql = "SELECT h.id, h.name, h.local, h.region"
    var arguments: [any DatabaseValueConvertible] = []
    for certification in catalogue {
      // The latest cycle: the latest certified_on, the last made on a tie (`CertificationRules.latest`).
      sql += """
        , (SELECT certified_on || valid_through || window_opens FROM cycles
          WHERE helper_id = h.id AND certification_id = ? ORDER BY certified_on DESC, id DESC LIMIT 1)
        """
      arguments.append(certification.id)
      let courses = certification.initial.map(\.courseID)
      if courses.isEmpty {
        sql += ", 0"
      } else {
        sql += """
          , EXISTS (SELECT 1 FROM attempts WHERE helper_id = h.id \
          AND course_id IN (\(databaseQuestionMarks(count: courses.count))))
          """
        arguments += courses
      }
    }
    sql += " FROM helpers h \(includeInactive ? "" : "WHERE h.active = 1") ORDER BY h.id COLLATE NOCASE"
    return try read { db in
      let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
      var lines: [RosterLine] = []
      while let row = try rows.next() {
        var standings: [RosterLine.Standing] = []
        standings.reserveCapacity(catalogue.count)
        for (index, certification) in catalogue.enumerated() {
          var dates: CycleDates?
          if var text = row[4 + 2 * index] as String? {
            guard let parsed = text.withUTF8(CycleDates.init(concatenated:)) else {
              throw RegistryError.database("a cycle of \(row[0] as String) is malformed")
            }
            dates = parsed
          }
          standings.append(
            Self.standing(
              latest: dates, initialPathStarted: row[5 + 2 * index], today: today, certification: certification))
        }
        lines.append(RosterLine(helperID: row[0], name: row[1], local: row[2], region: row[3], standings: standings))
      }
      return lines
    }
  }

  /// Every helper's standing on `today` for every certification of the catalogue, read in one transaction.
  ///
  /// The same standings as `status(helperID:today:certifications:)` gives for each helper (both use
  /// `standings(…)`), with a few queries in all instead of three per helper, each reading only what the
  /// standings need: the latest cycle of each helper and certification (an index seek each), and for the
  /// initial paths' courses whether each helper attempted them and their latest pass (from an index).
  /// Helpers are sorted by id; inactive ones only when `includeInactive`.
  public func roster(
    today: CalendarDate, certifications: CertificationCatalog, includeInactive: Bool = false
  ) throws -> [HelperStandings] {
    try read { db in
      let active = includeInactive ? "" : "WHERE h.active = 1"
      let helpers = try Row.fetchAll(
        db, sql: "SELECT \(Helper.columns) FROM helpers h \(active) ORDER BY id COLLATE NOCASE"
      ).map(Helper.init(columns:))
      var position: [String: Int] = [:]
      position.reserveCapacity(helpers.count)
      for (index, helper) in helpers.enumerated() { position[helper.id] = index }
      var latest = [[Cycle]](repeating: [], count: helpers.count)
      for certification in certifications.certifications {
        // The latest cycle: the latest certified_on, the last made on a tie (`latestCycle`).
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT \(Cycle.columns) FROM helpers h JOIN cycles c ON c.id = (
              SELECT id FROM cycles WHERE helper_id = h.id AND certification_id = ?
              ORDER BY certified_on DESC, id DESC LIMIT 1)
            \(active)
            """, arguments: [certification.id])
        while let row = try rows.next() {
          let cycle = try Cycle(columns: row)
          if let index = position[cycle.helperID] { latest[index].append(cycle) }
        }
      }
      // Only the initial paths' courses count for the standings: whether each was attempted, and its latest
      // pass (a pass counts when on or after a day, so the latest one decides).
      let initialCourses = Array(Set(certifications.certifications.flatMap { $0.initial.map(\.courseID) }))
      var passes = [[String: [CalendarDate]]](repeating: [:], count: helpers.count)
      var attempted = [Set<String>](repeating: [], count: helpers.count)
      if !initialCourses.isEmpty {
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT helper_id, course_id, max(passed_on) FROM attempts
            WHERE course_id IN (\(databaseQuestionMarks(count: initialCourses.count)))
            GROUP BY course_id, helper_id
            """, arguments: StatementArguments(initialCourses))
        while let row = try rows.next() {
          guard let index = position[row[0]] else { continue }
          let courseID: String = row[1]
          attempted[index].insert(courseID)
          if let text: String = row[2], let day = CalendarDate(iso: text) { passes[index][courseID] = [day] }
        }
      }
      return helpers.indices.map { index in
        HelperStandings(
          helper: helpers[index],
          certifications: Self.standings(
            passes: passes[index], attempted: attempted[index], cycles: latest[index], today: today,
            certifications: certifications))
      }
    }
  }

  /// A helper's standing with each certification, from their passes (course → days), the courses they
  /// attempted and their cycles (in the order they were made).
  package static func standings(
    passes: [String: [CalendarDate]], attempted: Set<String>, cycles: [Cycle], today: CalendarDate,
    certifications: CertificationCatalog
  ) -> [CertificationStanding] {
    certifications.certifications.map { certification in
      let latest = CertificationRules.latest(cycles.filter { $0.certificationID == certification.id }, dates: \.dates)
      let required = certification.initial.map(\.courseID)
      let standing = standing(
        latest: latest?.dates, initialPathStarted: initialPathStarted(certification, attempted: attempted),
        today: today, certification: certification)
      let passed = CertificationRules.initialPassed(
        passes: passes, latestCycle: latest?.dates, certification: certification)
      return CertificationStanding(
        certificationID: certification.id, title: certification.title, status: standing.status, cycle: latest,
        daysLeft: standing.daysLeft, initialPassed: passed, initialRequired: required)
    }
  }

  /// Whether a helper who attempted `attempted` (course ids) started the certification's initial path: they
  /// attempted one of its courses (as `rosterLines` asks SQLite).
  package static func initialPathStarted(_ certification: Certification, attempted: Set<String>) -> Bool {
    certification.initial.contains { attempted.contains($0.courseID) }
  }

  /// A status and the days left, from the latest cycle's dates and whether the initial path is started.
  package static func standing(
    latest: CycleDates?, initialPathStarted: Bool, today: CalendarDate, certification: Certification
  ) -> RosterLine.Standing {
    RosterLine.Standing(
      status: CertificationRules.status(
        on: today, latestCycle: latest, initialPathStarted: initialPathStarted, certification: certification),
      dates: latest, daysLeft: latest.map { today.days(to: $0.validThrough) })
  }
}

extension Helper {
  /// The columns `init(columns:)` reads, in its order (table alias `h`).
  static let columns = "h.id, h.name, h.local, h.region, h.email, h.active, h.created_at"

  /// A helper from a row of `columns`, read by position: the roster reads 20,000 of them.
  init(columns row: Row) {
    self.init(
      id: row[0], name: row[1], local: row[2], region: row[3], email: row[4], active: row[5], createdAt: row[6])
  }
}

extension Cycle {
  /// The columns `init(columns:)` reads, in its order (table alias `c`).
  static let columns = """
    c.id, c.helper_id, c.certification_id, c.kind, c.certified_on, c.valid_through, c.window_opens, \
    c.source_attempt_id, c.source_event_id, c.created_at
    """

  /// A cycle from a row of `columns`, read by position (the same checks as `init(row:)`).
  init(columns row: Row) throws {
    let kindText: String = row[3]
    guard let kind = CycleKind(rawValue: kindText), let certifiedOn = CalendarDate(iso: row[4]),
      let validThrough = CalendarDate(iso: row[5]), let windowOpens = CalendarDate(iso: row[6])
    else { throw RegistryError.database("cycle \(row[0] as Int64) is malformed") }
    self.init(
      id: row[0], helperID: row[1], certificationID: row[2], kind: kind,
      dates: CycleDates(certifiedOn: certifiedOn, validThrough: validThrough, windowOpens: windowOpens),
      sourceAttemptID: row[7], sourceEventID: row[8], createdAt: row[9])
  }
}

extension CycleDates {
  /// The dates of a cycle from its three `YYYY-MM-DD` written one after the other (30 bytes), or nil.
  package init?(concatenated bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 30, let certifiedOn = CalendarDate(iso: UnsafeBufferPointer(rebasing: bytes[0..<10])),
      let validThrough = CalendarDate(iso: UnsafeBufferPointer(rebasing: bytes[10..<20])),
      let windowOpens = CalendarDate(iso: UnsafeBufferPointer(rebasing: bytes[20..<30]))
    else { return nil }
    self.init(certifiedOn: certifiedOn, validThrough: validThrough, windowOpens: windowOpens)
  }
}
