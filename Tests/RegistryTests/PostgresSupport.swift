import Foundation
import PostgresRegistry
import PostgresTestCluster
import Testing

@testable import Registry

/// Which store a test runs on.
enum Store: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite
  case postgresql

  var testDescription: String { rawValue }
}

/// A fresh, empty registry on `store`: SQLite in memory, or a new database of the test cluster.
func makeRegistry(_ store: Store, actor: String = "coord") throws -> any RegistryStore {
  switch store {
  case .sqlite: try Registry.inMemory(actor: actor, clock: { fixedInstant })
  case .postgresql: try serverRegistry(try TestCluster.shared().makeDatabase(), actor: actor)
  }
}

/// The registry in `database`, connecting as `role` (the owner by default).
func serverRegistry(
  _ database: TestCluster.Database, role: String = TestCluster.ownerRole,
  password: String = TestCluster.ownerPassword, actor: String = "coord"
) throws -> PostgresRegistry {
  try PostgresRegistry.open(
    url: try PostgresURL(parsing: database.url(role: role, password: password)), actor: actor,
    clock: { fixedInstant })
}

/// The registry with Marie Tremblay (mtremblay, CSN 123, Estrie), on `store`.
func registryWithMarie(_ store: Store) throws -> any RegistryStore {
  let registry = try makeRegistry(store)
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"))
  return registry
}

/// The error `body` throws, or nil.
func thrownError(_ body: () throws -> Void) -> (any Error)? {
  do {
    try body()
    return nil
  } catch {
    return error
  }
}
