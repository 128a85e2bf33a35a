import CourseModel
import Foundation
import PostgresRegistry
import PostgresTestCluster
import Testing

@testable import Registry

// The PostgreSQL store against a real server: the test cluster (one per test run, a database per test).

@Test func theServerRefusesToChangeOrDeleteCyclesEventsAndFinishedAttemptsEvenForTheOwner() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let registry = try serverRegistry(database)
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"), reason: nil)
  _ = try registry.record(
    helperID: "mtremblay", courseID: "prevention-suicide", on: day("2026-11-01"), note: nil,
    today: day("2026-11-22"), courses: courseIndex)
  func asOwner(_ sql: String) -> TestCluster.Output {
    cluster.psql(sql, database: database.name, role: TestCluster.ownerRole, password: TestCluster.ownerPassword)
  }
  for sql in [
    "DELETE FROM cycles", "DELETE FROM events", "UPDATE cycles SET valid_through = '2099-01-01'",
    "UPDATE events SET by = 'someone'", "TRUNCATE events", "TRUNCATE cycles",
  ] {
    let result = asOwner(sql)
    #expect(result.status != 0, "\(sql) was accepted")
    #expect(result.stderr.contains("permission denied for table"), "\(sql): \(result.stderr)")
  }
  // The owner keeps UPDATE on attempts (saving progress), but a finished attempt never changes, and the
  // triggers hold even for a superuser, who bypasses privileges.
  let frozen = asOwner("UPDATE attempts SET score = 100")
  #expect(frozen.status != 0)
  #expect(frozen.stderr.contains("a finished attempt never changes"), "\(frozen.stderr)")
  let superDelete = cluster.psql("DELETE FROM cycles", database: database.name)
  #expect(superDelete.stderr.contains("certification cycles are never changed or deleted"), "\(superDelete.stderr)")
  let superEvents = cluster.psql("DELETE FROM events", database: database.name)
  #expect(superEvents.stderr.contains("the audit log is append-only"), "\(superEvents.stderr)")
  let helperDelete = cluster.psql("DELETE FROM helpers", database: database.name)
  #expect(helperDelete.stderr.contains("helpers are never deleted: deactivate them"), "\(helperDelete.stderr)")
  #expect(cluster.psql("SELECT count(*) FROM cycles", database: database.name).stdout == "1\n")
  #expect(cluster.psql("SELECT count(*) FROM events", database: database.name).stdout == "3\n")
}

@Test func twoFirstUsesAtOnceBothSucceedAndMigrateOnce() throws {
  let database = try TestCluster.shared().makeDatabase()
  let failures = Failures()
  DispatchQueue.concurrentPerform(iterations: 4) { _ in
    do {
      _ = try serverRegistry(database).helpers(includeInactive: false)
    } catch {
      failures.add("\(error)")
    }
  }
  #expect(failures.all.isEmpty)
  let versions = try TestCluster.shared().psql("SELECT version, name FROM entraide_schema", database: database.name)
  #expect(versions.stdout == "1|v1-registry\n2|v2-roster-indexes\n")
}

@Test func aVersionOneRegistryIsReadAsIsByAScopedRoleAndUpgradedByItsOwner() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let estrie = "estrie_\(database.name.suffix(12))"
  try cluster.createRole(estrie, password: "pw-\(estrie)")
  let owner = try serverRegistry(database)
  try owner.addHelper(NewHelper(id: "marie", name: "Marie Tremblay", local: "CSN 123", region: "Estrie"), reason: nil)
  _ = try owner.record(
    helperID: "marie", courseID: "prevention-suicide", on: day("2026-11-01"), note: nil, today: day("2026-11-22"),
    courses: courseIndex)
  _ = try owner.grantAccess(role: estrie, regions: ["Estrie"], locals: [], readOnly: false)
  // The registry as a version-1 Entraide left it.
  let downgraded = cluster.psql(
    "DROP INDEX cycles_latest, attempts_by_course; DELETE FROM entraide_schema WHERE version = 2",
    database: database.name)
  #expect(downgraded.status == 0, "\(downgraded.stderr)")
  let indexes = """
    SELECT (SELECT string_agg(version::text, ',' ORDER BY version) FROM entraide_schema) || ' ' ||
      (SELECT count(*) FROM pg_indexes WHERE indexname IN ('cycles_latest', 'attempts_by_course'))
    """

  // A role that does not own the registry cannot add the indexes: it works on version 1 as is.
  let coordinator = try serverRegistry(database, role: estrie, password: "pw-\(estrie)")
  let lines = try coordinator.rosterLines(today: day("2026-11-22"), certifications: catalog, includeInactive: false)
  #expect(lines.map(\.helperID) == ["marie"])
  #expect(lines[0].standings.map(\.status) == [.never, .certified])
  _ = try coordinator.record(
    helperID: "marie", courseID: "ecoute-active", on: day("2026-11-20"), note: nil, today: day("2026-11-22"),
    courses: courseIndex)
  #expect(cluster.psql(indexes, database: database.name).stdout == "1 0\n")

  // The owner's next use applies version 2; the roster reads the same.
  let upgraded = try serverRegistry(database)
  #expect(cluster.psql(indexes, database: database.name).stdout == "1,2 2\n")
  #expect(
    try upgraded.rosterLines(today: day("2026-11-22"), certifications: catalog, includeInactive: false)
      == (try coordinator.rosterLines(today: day("2026-11-22"), certifications: catalog, includeInactive: false)))
  #expect(try upgraded.attempts(helperID: "marie").count == 2)
}

@Test func twoCoordinatorsRecordingForOneHelperAtOnceMakeOneCycle() throws {
  let database = try TestCluster.shared().makeDatabase()
  let setup = try serverRegistry(database)
  for index in 0..<3 {
    try setup.addHelper(
      NewHelper(id: "h\(index)", name: "Helper \(index)", local: "CSN 123", region: "Estrie"), reason: nil)
    _ = try setup.record(
      helperID: "h\(index)", courseID: "ecoute-active", on: day("2026-11-01"), note: nil, today: day("2026-11-22"),
      courses: courseIndex)
  }
  let first = try serverRegistry(database, actor: "lucie")
  let second = try serverRegistry(database, actor: "marc")
  let failures = Failures()
  for index in 0..<3 {
    DispatchQueue.concurrentPerform(iterations: 2) { which in
      do {
        _ = try (which == 0 ? first : second).record(
          helperID: "h\(index)", courseID: "referer", on: day("2026-11-20"), note: nil, today: day("2026-11-22"),
          courses: courseIndex)
      } catch {
        failures.add("\(error)")
      }
    }
  }
  #expect(failures.all.isEmpty)
  for index in 0..<3 {
    #expect(try setup.cycles(helperID: "h\(index)").count == 1)
    #expect(try setup.attempts(helperID: "h\(index)").count == 3)
  }
}

@Test func aDatabaseOfAnotherProgramIsRefusedAndLeftAsItWas() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let created = cluster.psql(
    "CREATE TABLE invoices (id int)", database: database.name, role: TestCluster.ownerRole,
    password: TestCluster.ownerPassword)
  #expect(created.status == 0, "\(created.stderr)")
  let url = try PostgresURL(parsing: database.url())
  #expect(throws: ServerRegistryError.notARegistry(server: url.description)) {
    try serverRegistry(database)
  }
  let tables = cluster.psql(
    "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'",
    database: database.name)
  #expect(tables.stdout == "invoices\n")
}

@Test func aRegistryOfANewerEntraideIsRefusedAndLeftAsItWas() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  try serverRegistry(database).addHelper(
    NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"), reason: nil)
  #expect(cluster.psql("INSERT INTO entraide_schema VALUES (3, 'v3-future')", database: database.name).status == 0)
  let url = try PostgresURL(parsing: database.url())
  #expect(throws: ServerRegistryError.newerSchema(server: url.description, found: 3, known: 2)) {
    try serverRegistry(database)
  }
  #expect(cluster.psql("SELECT count(*) FROM events", database: database.name).stdout == "1\n")
}

@Test func anEmptyDatabaseIsARegistryOnlyWhenCreating() throws {
  let database = try TestCluster.shared().makeDatabase()
  let url = try PostgresURL(parsing: database.url())
  #expect(throws: ServerRegistryError.noRegistry(server: url.description)) {
    try PostgresRegistry.open(url: url, actor: "coord", creating: false)
  }
  _ = try PostgresRegistry.open(url: url, actor: "coord", creating: true)
  _ = try PostgresRegistry.open(url: url, actor: "coord", creating: false)
}

@Test func connectionFailuresSayWhatIsWrongWithoutThePassword() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let wrong = try PostgresURL(parsing: database.url(password: "not-the-password-42"))
  let error = thrownError { _ = try PostgresRegistry.open(url: wrong, actor: "coord") }
  #expect(
    error as? ServerRegistryError
      == .authenticationFailed(
        server: "postgresql://entraide_owner@127.0.0.1:\(cluster.port)/\(database.name)",
        user: "entraide_owner"))
  let message = (error as? ServerRegistryError)?.message
  #expect(message?.en.contains("not-the-password-42") == false)
  #expect(message?.fr.contains("not-the-password-42") == false)

  let missing = try PostgresURL(parsing: "postgresql://entraide_owner:owner-secret-0@127.0.0.1:\(cluster.port)/nope")
  #expect(throws: ServerRegistryError.noSuchDatabase(server: missing.description)) {
    try PostgresRegistry.open(url: missing, actor: "coord")
  }

  let nothingListens = try PostgresURL(parsing: "postgresql://someone:secret@127.0.0.1:1/registry")
  #expect(throws: ServerRegistryError.cannotConnect(server: "postgresql://someone@127.0.0.1:1/registry", refused: true))
  {
    try PostgresRegistry.open(url: nothingListens, actor: "coord")
  }

  let unknownHost = try PostgresURL(parsing: "postgresql://someone:secret@no-such-host.invalid/registry")
  #expect(throws: ServerRegistryError.unknownHost(host: "no-such-host.invalid")) {
    try PostgresRegistry.open(url: unknownHost, actor: "coord")
  }
}

@Test func aRoleWithAScopeSeesAndChangesOnlyItsHelpers() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let estrie = "estrie_\(database.name.suffix(12))"
  let executive = "exec_\(database.name.suffix(12))"
  let nobody = "nobody_\(database.name.suffix(12))"
  for role in [estrie, executive, nobody] { try cluster.createRole(role, password: "pw-\(role)") }
  let owner = try serverRegistry(database)
  try owner.addHelper(NewHelper(id: "marie", name: "Marie Tremblay", local: "CSN 123", region: "Estrie"), reason: nil)
  try owner.addHelper(NewHelper(id: "paul", name: "Paul Roy", local: "FTQ 1", region: "Montréal"), reason: nil)
  try owner.addHelper(NewHelper(id: "lea", name: "Léa Roy", local: "FTQ 9", region: "Laval"), reason: nil)
  let granted = try owner.grantAccess(role: estrie, regions: ["Estrie", "Gaspésie"], locals: [], readOnly: false)
  #expect(granted.emptyRegions == ["Gaspésie"])
  _ = try owner.grantAccess(role: executive, regions: [], locals: ["FTQ 1"], readOnly: true)
  #expect(
    try owner.accessList()
      == [
        AccessEntry(role: estrie, regions: ["Estrie", "Gaspésie"], locals: [], readOnly: false),
        AccessEntry(role: executive, regions: [], locals: ["FTQ 1"], readOnly: true),
      ].sorted { $0.role < $1.role })

  let coordinator = try serverRegistry(database, role: estrie, password: "pw-\(estrie)")
  #expect(try coordinator.helpers(includeInactive: true).map(\.id) == ["marie"])
  #expect(
    try coordinator.roster(today: day("2026-11-22"), certifications: catalog, includeInactive: false).map(\.helper.id)
      == ["marie"])
  _ = try coordinator.record(
    helperID: "marie", courseID: "prevention-suicide", on: day("2026-11-01"), note: nil, today: day("2026-11-22"),
    courses: courseIndex)
  #expect(throws: RegistryError.unknownHelper("paul", suggestions: [])) {
    try coordinator.record(
      helperID: "paul", courseID: "prevention-suicide", on: day("2026-11-01"), note: nil, today: day("2026-11-22"),
      courses: courseIndex)
  }
  #expect(
    throws: ServerRegistryError.outsideScope(role: estrie, regions: ["Estrie", "Gaspésie"], locals: [])
  ) {
    try coordinator.addHelper(NewHelper(name: "Jean Roy", local: "FTQ 1", region: "Montréal"), reason: nil)
  }
  // The id made from the name skips ids taken outside the scope.
  #expect(
    try coordinator.addHelper(NewHelper(name: "Paul", local: "CSN 5", region: "estrie"), reason: nil).id == "paul2")
  #expect(throws: ServerRegistryError.ownerOnly(role: estrie, owner: TestCluster.ownerRole)) {
    try coordinator.accessList()
  }

  // Plain SQL as the role: only its scope's rows, whatever the program.
  let plain = cluster.psql(
    """
    SELECT (SELECT string_agg(id, ',' ORDER BY id) FROM helpers) || ' ' ||
      (SELECT count(*) FROM events WHERE helper_id <> 'marie' AND helper_id <> 'paul2') || ' ' ||
      (SELECT count(*) FROM cycles) || ' ' || (SELECT count(DISTINCT helper_id) FROM attempts)
    """, database: database.name, role: estrie, password: "pw-\(estrie)")
  #expect(plain.stdout == "marie,paul2 0 1 1\n", "\(plain.stderr)")
  let sneaky = cluster.psql(
    "UPDATE helpers SET name = 'X' WHERE id = 'paul'", database: database.name, role: estrie,
    password: "pw-\(estrie)")
  #expect(sneaky.stdout == "" && sneaky.status == 0)
  #expect(cluster.psql("SELECT name FROM helpers WHERE id = 'paul'", database: database.name).stdout == "Paul Roy\n")
  let moving = cluster.psql(
    "UPDATE helpers SET region = 'Laval' WHERE id = 'marie'", database: database.name, role: estrie,
    password: "pw-\(estrie)")
  #expect(moving.stderr.contains("row-level security"), "\(moving.stderr)")

  // A read-only role reads its scope and writes nothing.
  let reader = try serverRegistry(database, role: executive, password: "pw-\(executive)")
  #expect(try reader.helpers(includeInactive: false).map(\.id) == ["paul"])
  #expect(throws: ServerRegistryError.readOnly(role: executive)) {
    try reader.deactivateHelper("paul", reason: nil)
  }
  let insert = cluster.psql(
    "INSERT INTO events (at, by, action) VALUES ('x', 'y', 'z')", database: database.name, role: executive,
    password: "pw-\(executive)")
  #expect(insert.stderr.contains("permission denied for table events"), "\(insert.stderr)")

  // A role with no scope is told so; a revoked role loses everything.
  #expect(throws: ServerRegistryError.noScope(role: nobody)) {
    try serverRegistry(database, role: nobody, password: "pw-\(nobody)")
  }
  try owner.revokeAccess(role: executive)
  #expect(throws: ServerRegistryError.noScope(role: executive)) {
    try serverRegistry(database, role: executive, password: "pw-\(executive)")
  }
  #expect(throws: ServerRegistryError.roleHasNoScope(executive)) { try owner.revokeAccess(role: executive) }
  #expect(throws: ServerRegistryError.unknownRole("ghost_role")) {
    try owner.grantAccess(role: "ghost_role", regions: ["Estrie"], locals: [], readOnly: false)
  }
  #expect(throws: ServerRegistryError.roleSeesEverything(TestCluster.ownerRole)) {
    try owner.grantAccess(role: TestCluster.ownerRole, regions: ["Estrie"], locals: [], readOnly: false)
  }
  #expect(throws: ServerRegistryError.invalidRoleName("Robert'); DROP TABLE helpers; --")) {
    try owner.grantAccess(role: "Robert'); DROP TABLE helpers; --", regions: ["Estrie"], locals: [], readOnly: false)
  }
  #expect(
    try owner.events(helperID: nil).filter { $0.helperID == nil }.map(\.action) == [
      .accessGranted, .accessGranted, .accessRevoked,
    ])
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []

  func add(_ failure: String) { lock.withLock { list.append(failure) } }
  var all: [String] { lock.withLock { list } }
}
