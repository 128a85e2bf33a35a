import CourseModel
import Foundation
import PostgresRegistry
import PostgresTestCluster
import Testing

@testable import Registry

/// SQLite → PostgreSQL → SQLite: the same bytes at each export, ids kept, numbering going on after them.
@Test func aSnapshotMovesBetweenTheStoresByteForByte() throws {
  let original = try richRegistry()
  let file = try original.snapshot().encoded()
  let database = try TestCluster.shared().makeDatabase()
  let server = try serverRegistry(database)
  try server.importSnapshot(try RegistrySnapshot.decode(file))
  #expect(try server.snapshot().encoded() == file)
  #expect(
    try server.status(helperID: "mtremblay", today: day("2026-11-22"), certifications: catalog)
      == original.status(helperID: "mtremblay", today: day("2026-11-22"), certifications: catalog))
  let back = try memoryRegistry()
  try back.importSnapshot(try RegistrySnapshot.decode(try server.snapshot().encoded()))
  #expect(try back.snapshot().encoded() == file)

  // The server goes on numbering after the imported ids.
  let highest = try original.snapshot()
  let next = try server.startOrResumeAttempt(
    helperID: "mtremblay", course: course("prevention-suicide"), seed: 1, language: "fr")
  #expect(next.attempt.id == (highest.attempts.map(\.id).max() ?? 0) + 1)
  #expect(try server.events().last?.id == (highest.events.map(\.id).max() ?? 0) + 1)

  // Importing again: refused as SQLite refuses it, nothing added.
  let before = try server.snapshot()
  let refusal = thrownError { try server.importSnapshot(try RegistrySnapshot.decode(file)) }
  let sqliteRefusal = thrownError { try original.importSnapshot(try RegistrySnapshot.decode(file)) }
  #expect(refusal as? RegistryError != nil)
  #expect((refusal as? RegistryError) == (sqliteRefusal as? RegistryError))
  #expect(
    (refusal as? RegistryError)?.message.en.hasPrefix(
      "Import refused, nothing was imported (every record must be new to this registry):\n  helpers: id already in this registry: jcote, mtremblay, pparti\n"
    ) == true)
  #expect(try server.snapshot() == before)
}

/// A record the server refuses midway (here a second attempt in progress of one helper and course, which
/// the server's unique index refuses after the helpers and events went in) leaves nothing behind: the
/// import is one transaction.
@Test func anImportTheServerRefusesMidwayLeavesNothing() throws {
  var snapshot = try richRegistry().snapshot()
  var twin = try #require(snapshot.attempts.first { $0.state == "in-progress" })
  twin.id = (snapshot.attempts.map(\.id).max() ?? 0) + 1
  snapshot.attempts.append(twin)
  let database = try TestCluster.shared().makeDatabase()
  let server = try serverRegistry(database)
  #expect(snapshot.importProblems(existing: .init(helpers: [], attempts: [], cycles: [], events: [])).isEmpty)
  let error = thrownError { try server.importSnapshot(snapshot) }
  #expect(
    (error as? RegistryError)?.message.en.contains("attempts_one_in_progress") == true, "\(String(describing: error))")
  #expect(try server.snapshot().helpers.isEmpty)
  #expect(try server.snapshot().events.isEmpty)
}

/// Only the registry's owner imports: a role with a scope is refused before anything is read.
@Test func aRoleWithAScopeCannotImport() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let role = "imp_\(database.name.suffix(12))"
  try cluster.createRole(role, password: "pw-imp")
  let owner = try serverRegistry(database)
  try owner.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"))
  _ = try owner.grantAccess(role: role, regions: ["Estrie"], locals: [], readOnly: false)
  let coordinator = try serverRegistry(database, role: role, password: "pw-imp")
  #expect(throws: ServerRegistryError.importOwnerOnly(role: role, owner: TestCluster.ownerRole)) {
    try coordinator.importSnapshot(try richRegistry().snapshot())
  }
  // Its export holds its scope.
  #expect(try coordinator.snapshot().helpers.map(\.id) == ["mtremblay"])
}
