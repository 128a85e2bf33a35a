import CourseModel
import Foundation
import PostgresNIO
import Registry

/// The shared registry on a PostgreSQL server: the same operations, rules and output as the SQLite one.
///
/// Decisions come from `Registry`'s shared functions and `CertificationRules`; this type reads and writes.
/// Every change and its audit event are one transaction; writes that concern one helper lock that helper's
/// row first, so two coordinators recording for the same helper at once make one cycle, never two. A role
/// other than the owner works within its scope (`access grant`), which the server enforces itself.
public final class PostgresRegistry: RegistryStore, @unchecked Sendable {
  public let actor: String
  public let url: PostgresURL
  let connection: ServerConnection
  let clock: @Sendable () -> Date
  /// The connecting role's scope; nil for the owner (or a superuser), who sees everything.
  public let scope: AccessScope?
  /// The role that owns the registry's tables.
  public let owner: String

  public var location: String { url.description }

  init(
    connection: ServerConnection, actor: String, clock: @escaping @Sendable () -> Date, scope: AccessScope?,
    owner: String
  ) {
    self.connection = connection
    self.url = connection.url
    self.actor = actor
    self.clock = clock
    self.scope = scope
    self.owner = owner
  }

  /// Connects to the registry at `url`; with `creating`, makes its schema in an empty database (the
  /// database's owner only), else an empty database is refused as holding no registry.
  ///
  /// Refused, with nothing changed: a server that cannot be reached, a wrong password, a database of
  /// another program or of a newer Entraide, a role with no scope.
  public static func open(
    url: PostgresURL, actor: String, creating: Bool = true, clock: @escaping @Sendable () -> Date = { Date() }
  ) throws -> PostgresRegistry {
    let connection = try ServerConnection.open(url)
    let state = try PostgresSchema.state(connection)
    if !creating, state.version == nil { throw ServerRegistryError.noRegistry(server: url.description) }
    try PostgresSchema.migrate(connection, from: state)
    let rows = try connection.query(
      """
      SELECT r.rolsuper OR r.rolbypassrls OR r.rolname = pg_get_userbyid(c.relowner), pg_get_userbyid(c.relowner)::text
      FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'helpers'::regclass
      """)
    guard let (seesAll, owner) = try rows.first?.decode((Bool, String).self) else {
      throw ServerRegistryError.server("cannot read the registry's owner")
    }
    var scope: AccessScope?
    if !seesAll {
      let entries = try connection.query("SELECT region, local, read_only FROM access_scopes").map { row in
        try row.decode((String?, String?, Bool).self)
      }
      guard !entries.isEmpty else { throw ServerRegistryError.noScope(role: url.user) }
      scope = AccessScope(
        role: url.user, regions: entries.compactMap(\.0), locals: entries.compactMap(\.1),
        readOnly: entries.allSatisfy(\.2))
    }
    return PostgresRegistry(connection: connection, actor: actor, clock: clock, scope: scope, owner: owner)
  }

  // MARK: - Transactions

  /// The audit timestamp for now: ISO 8601 in UTC, to the second (as the SQLite registry writes it).
  func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: clock())
  }

  /// Runs `body` in one write transaction, again (up to five times) when the server reports a
  /// serialization failure or a deadlock; a read-only role is refused before anything is sent.
  @discardableResult
  func write<T>(_ body: () throws -> T) throws -> T {
    if let scope, scope.readOnly { throw ServerRegistryError.readOnly(role: scope.role) }
    var attempt = 0
    while true {
      attempt += 1
      do {
        return try mappingFailures { try connection.transaction(body) }
      } catch let failure as ServerFailure where ["40001", "40P01"].contains(failure.sqlState) && attempt < 5 {
        continue
      }
    }
  }

  /// Runs `body` with a consistent read (one REPEATABLE READ, READ ONLY transaction).
  func read<T>(_ body: () throws -> T) throws -> T {
    try mappingFailures { try connection.transaction(readOnly: true, body) }
  }

  /// Turns what the server refused into the registry's words (a trigger's refusal, a broken constraint).
  private func mappingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let failure as ServerFailure where !["40001", "40P01"].contains(failure.sqlState) {
      throw RegistryError.database(failure.message)
    } catch ServerRegistryError.notPermitted(let role, let reason) {
      if let scope, scope.readOnly { throw ServerRegistryError.readOnly(role: role) }
      if reason.contains("row-level security"), let scope {
        throw ServerRegistryError.outsideScope(role: role, regions: scope.regions, locals: scope.locals)
      }
      throw ServerRegistryError.notPermitted(role: role, reason: reason)
    }
  }

  /// Appends one audit event; returns its id.
  @discardableResult
  func appendEvent(
    at: String, action: AuditAction, helperID: String?, detail: [String: String], reason: String?
  ) throws -> Int64 {
    let json = Registry.detailJSON(detail)
    let rows = try connection.query(
      """
      INSERT INTO events (at, by, action, helper_id, detail, reason)
      VALUES (\(at), \(actor), \(action.rawValue), \(helperID), \(json), \(reason)) RETURNING id
      """)
    return try rows[0].decode(Int64.self)
  }

  // MARK: - Audit log

  public func events(helperID: String?) throws -> [AuditEvent] {
    try read {
      let rows =
        if let helperID {
          try connection.query(
            "SELECT \(unescaped: Self.eventColumns) FROM events WHERE helper_id = \(helperID) ORDER BY id")
        } else {
          try connection.query("SELECT \(unescaped: Self.eventColumns) FROM events ORDER BY id")
        }
      return try rows.map(Self.event)
    }
  }

  /// What the server's constraints cannot say: every cycle explained by a passed attempt or an in-person
  /// record of the same helper, no claim left on a finished attempt. (The server keeps its files, references
  /// and the one attempt in progress per course itself.)
  public func check() throws -> RegistryCheck {
    try read {
      var problems: [RegistryProblem] = []
      for row in try connection.query(
        """
        SELECT c.id, c.helper_id, c.certification_id, c.certified_on FROM cycles c
        WHERE NOT EXISTS (
          SELECT 1 FROM attempts a WHERE a.id = c.source_attempt_id AND a.helper_id = c.helper_id
            AND a.state IN ('passed', 'recorded'))
        AND NOT EXISTS (
          SELECT 1 FROM events e WHERE e.id = c.source_event_id AND e.helper_id = c.helper_id
            AND e.action = 'course-recorded')
        ORDER BY c.id
        """)
      {
        let (id, helperID, certificationID, certifiedOn) = try row.decode((Int64, String, String, String).self)
        problems.append(
          .unexplainedCycle(id: id, helperID: helperID, certificationID: certificationID, certifiedOn: certifiedOn))
      }
      for row in try connection.query(
        """
        SELECT c.attempt_id FROM attempt_claims c JOIN attempts a ON a.id = c.attempt_id
        WHERE a.state <> 'in-progress' ORDER BY c.attempt_id
        """)
      {
        problems.append(.claimOnFinishedAttempt(attemptID: try row.decode(Int64.self)))
      }
      let counts = try connection.query(
        "SELECT (SELECT count(*) FROM helpers), (SELECT count(*) FROM attempts), (SELECT count(*) FROM cycles)")
      let (helpers, attempts, cycles) = try counts[0].decode((Int, Int, Int).self)
      return RegistryCheck(problems: problems, helpers: helpers, attempts: attempts, cycles: cycles)
    }
  }

  public func backup(to path: String) throws {
    throw ServerRegistryError.backupOnServer
  }

  // MARK: - Helpers

  @discardableResult
  public func addHelper(_ new: NewHelper, reason: String?) throws -> Helper {
    try checkInScope(region: new.region, local: new.local)
    return try write {
      try connection.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey + 1))")
      let at = timestamp()
      let helper = try insertHelper(new, at: at, taken: try takenIDs(for: new))
      try appendEvent(
        at: at, action: .helperAdded, helperID: helper.id, detail: Registry.helperDetail(helper), reason: reason)
      return helper
    }
  }

  @discardableResult
  public func importHelpers(_ rows: [(line: Int, helper: NewHelper)], source: String) throws -> [Helper] {
    for row in rows {
      do {
        try checkInScope(region: row.helper.region, local: row.helper.local)
      } catch let error as ServerRegistryError {
        throw RegistryError.badRow(line: row.line, problem: error.message)
      }
    }
    return try write {
      try connection.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey + 1))")
      let at = timestamp()
      var taken = Set<String>()
      var added: [Helper] = []
      for row in rows {
        do {
          taken.formUnion(try takenIDs(for: row.helper))
          let helper = try insertHelper(row.helper, at: at, taken: taken)
          taken.insert(helper.id.lowercased())
          try appendEvent(
            at: at, action: .helperImported, helperID: helper.id,
            detail: Registry.helperImportedDetail(helper, source: source, line: row.line), reason: nil)
          added.append(helper)
        } catch let error as RegistryError {
          throw RegistryError.badRow(line: row.line, problem: error.message)
        }
      }
      return added
    }
  }

  @discardableResult
  public func editHelper(_ id: String, changes: HelperChanges, reason: String?) throws -> Helper {
    guard !changes.isEmpty else { throw RegistryError.nothingToChange }
    if changes.region != nil || changes.local != nil, scope != nil {
      let old = try requireHelper(id)
      try checkInScope(region: changes.region ?? old.region, local: changes.local ?? old.local)
    }
    return try write {
      let old = try lockHelper(id)
      let (new, detail) = try Registry.edited(old, changes: changes)
      guard !detail.isEmpty else { return old }
      try connection.execute(
        """
        UPDATE helpers SET name = \(new.name), local = \(new.local), region = \(new.region), email = \(new.email)
        WHERE id = \(old.id)
        """)
      try appendEvent(at: timestamp(), action: .helperEdited, helperID: old.id, detail: detail, reason: reason)
      return new
    }
  }

  @discardableResult
  public func deactivateHelper(_ id: String, reason: String?) throws -> Helper {
    try write {
      var helper = try lockHelper(id)
      guard helper.active else { return helper }
      try connection.execute("UPDATE helpers SET active = false WHERE id = \(helper.id)")
      helper.active = false
      try appendEvent(at: timestamp(), action: .helperDeactivated, helperID: helper.id, detail: [:], reason: reason)
      return helper
    }
  }

  public func helper(_ id: String) throws -> Helper? {
    try read { try fetchHelper(id) }
  }

  public func requireHelper(_ id: String) throws -> Helper {
    try read { try requireHelperInside(id) }
  }

  public func helpers(includeInactive: Bool) throws -> [Helper] {
    try read { try allHelpers(includeInactive: includeInactive) }
  }

  public func proposedID(forName name: String) throws -> String {
    guard let base = HelperIDs.base(forName: name) else { throw RegistryError.cannotMakeID(name) }
    return try read {
      let taken = Set(
        try connection.query("SELECT entraide_taken_ids(\(base))").map { try $0.decode(String.self) })
      return HelperIDs.unique(base, taken: taken)
    }
  }

  // MARK: - Helper internals

  static let helperColumns = "id, name, local, region, email, active, created_at"

  func fetchHelper(_ id: String, forUpdate: Bool = false) throws -> Helper? {
    let rows = try connection.query(
      """
      SELECT \(unescaped: Self.helperColumns) FROM helpers WHERE lower(id) = lower(\(id))
      \(unescaped: forUpdate ? "FOR UPDATE" : "")
      """)
    return try rows.first.map(Self.helper)
  }

  /// The helper, or `unknownHelper` with the closest ids the role can see.
  func requireHelperInside(_ id: String, forUpdate: Bool = false) throws -> Helper {
    if let helper = try fetchHelper(id, forUpdate: forUpdate) { return helper }
    let ids = try connection.query("SELECT id FROM helpers ORDER BY lower(id) COLLATE \"C\"").map {
      try $0.decode(String.self)
    }
    throw RegistryError.unknownHelper(id, suggestions: closestMatches(to: id, among: ids))
  }

  /// The helper, its row locked until the transaction ends: writes about one helper happen one at a time.
  func lockHelper(_ id: String) throws -> Helper {
    try requireHelperInside(id, forUpdate: true)
  }

  func allHelpers(includeInactive: Bool) throws -> [Helper] {
    try connection.query(
      """
      SELECT \(unescaped: Self.helperColumns) FROM helpers \(unescaped: includeInactive ? "" : "WHERE active")
      ORDER BY lower(id) COLLATE "C"
      """
    ).map(Self.helper)
  }

  /// The lowercased ids, in the whole registry, that the id `new` would get could collide with.
  private func takenIDs(for new: NewHelper) throws -> Set<String> {
    let given = new.id?.trimmingCharacters(in: .whitespaces) ?? ""
    guard let prefix = given.isEmpty ? HelperIDs.base(forName: new.name) : given else { return [] }
    return Set(try connection.query("SELECT entraide_taken_ids(\(prefix))").map { try $0.decode(String.self) })
  }

  private func insertHelper(_ new: NewHelper, at: String, taken: Set<String>) throws -> Helper {
    let helper = try Registry.validatedHelper(new, at: at, taken: taken)
    try connection.execute(
      """
      INSERT INTO helpers (id, name, local, region, email, active, created_at)
      VALUES (\(helper.id), \(helper.name), \(helper.local), \(helper.region), \(helper.email), true, \(at))
      """)
    return helper
  }

  /// Refuses, before anything is sent, a helper outside the connecting role's scope.
  func checkInScope(region: String, local: String) throws {
    guard let scope else { return }
    if scope.readOnly { throw ServerRegistryError.readOnly(role: scope.role) }
    let trimmedRegion = region.trimmingCharacters(in: .whitespacesAndNewlines)
    let trimmedLocal = local.trimmingCharacters(in: .whitespacesAndNewlines)
    guard scope.covers(region: trimmedRegion, local: trimmedLocal) else {
      throw ServerRegistryError.outsideScope(role: scope.role, regions: scope.regions, locals: scope.locals)
    }
  }

  // MARK: - Rows

  static let attemptColumns = """
    id, helper_id, course_id, course_version, content_digest, seed, language, started_at, finished_at, state,
    passed_on, score, detail, resume_state, note
    """
  static let cycleColumns =
    "id, helper_id, certification_id, kind, certified_on, valid_through, window_opens, source_attempt_id, source_event_id, created_at"
  static let eventColumns = "id, at, by, action, helper_id, detail, reason"

  static func helper(_ row: PostgresRow) throws -> Helper {
    let (id, name, local, region, email, active, createdAt) = try row.decode(
      (String, String, String, String, String?, Bool, String).self)
    return Helper(
      id: id, name: name, local: local, region: region, email: email, active: active, createdAt: createdAt)
  }

  static func attempt(_ row: PostgresRow) throws -> Attempt {
    let cells = row.makeRandomAccess()
    let id = try cells["id"].decode(Int64.self)
    guard let seed = UInt64(try cells["seed"].decode(String.self)),
      let state = AttemptState(rawValue: try cells["state"].decode(String.self))
    else { throw RegistryError.database("attempt \(id) is malformed") }
    return Attempt(
      id: id, helperID: try cells["helper_id"].decode(String.self),
      courseID: try cells["course_id"].decode(String.self),
      courseVersion: try cells["course_version"].decode(String.self),
      contentDigest: try cells["content_digest"].decode(String.self), seed: seed,
      language: try cells["language"].decode(String.self), startedAt: try cells["started_at"].decode(String.self),
      finishedAt: try cells["finished_at"].decode(String?.self), state: state,
      passedOn: try cells["passed_on"].decode(String?.self).flatMap(CalendarDate.init(iso:)),
      score: try cells["score"].decode(Double?.self), detailJSON: try cells["detail"].decode(String?.self),
      resumeStateJSON: try cells["resume_state"].decode(String?.self), note: try cells["note"].decode(String?.self))
  }

  /// A cycle from a row of `cycleColumns`, decoded by position (the roster reads tens of thousands).
  static func cycle(_ row: PostgresRow) throws -> Cycle {
    let (
      id, helperID, certificationID, kindText, certifiedOnText, validThroughText, windowOpensText, sourceAttemptID,
      sourceEventID, createdAt
    ) = try row.decode((Int64, String, String, String, String, String, String, Int64?, Int64?, String).self)
    guard let kind = CycleKind(rawValue: kindText), let certifiedOn = CalendarDate(iso: certifiedOnText),
      let validThrough = CalendarDate(iso: validThroughText), let windowOpens = CalendarDate(iso: windowOpensText)
    else { throw RegistryError.database("cycle \(id) is malformed") }
    return Cycle(
      id: id, helperID: helperID, certificationID: certificationID, kind: kind,
      dates: CycleDates(certifiedOn: certifiedOn, validThrough: validThrough, windowOpens: windowOpens),
      sourceAttemptID: sourceAttemptID, sourceEventID: sourceEventID, createdAt: createdAt)
  }

  static func event(_ row: PostgresRow) throws -> AuditEvent {
    let (id, at, by, actionText, helperID, detailText, reason) = try row.decode(
      (Int64, String, String, String, String?, String, String?).self)
    guard let action = AuditAction(rawValue: actionText),
      let detail = try? JSONDecoder().decode([String: String].self, from: Data(detailText.utf8))
    else { throw RegistryError.database("event \(id) is malformed") }
    return AuditEvent(
      id: id, at: at, by: by, action: action, helperID: helperID, detail: detail, reason: reason)
  }
}

/// What a role other than the owner may see and change: the helpers of some regions and locals.
public struct AccessScope: Sendable, Hashable {
  public var role: String
  public var regions: [String]
  public var locals: [String]
  /// True when the role may only read.
  public var readOnly: Bool

  public init(role: String, regions: [String], locals: [String], readOnly: Bool) {
    self.role = role
    self.regions = regions
    self.locals = locals
    self.readOnly = readOnly
  }

  /// Whether a helper of `region` and `local` is inside (compared ignoring case, as the server does).
  public func covers(region: String, local: String) -> Bool {
    regions.contains { $0.lowercased() == region.lowercased() }
      || locals.contains { $0.lowercased() == local.lowercased() }
  }
}
