import CourseModel
import Foundation
import GRDB
import Testing

@testable import Registry

/// A registry file with Marie certified (one cycle, events, a recorded attempt).
func populatedRegistry(at path: String) throws -> Registry {
  let registry = try Registry.open(path: path, actor: "coord", clock: { fixedInstant })
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"))
  _ = try registry.record(
    helperID: "mtremblay", courseID: "prevention-suicide", on: day("2026-11-01"), today: day("2026-11-22"),
    courses: courseIndex)
  return registry
}

func permissions(_ path: String) throws -> Int {
  (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Test func aNewFileAndItsFolderAreOwnerOnly() throws {
  let folder = try temporaryFolder()
  let path = folder.appendingPathComponent("deep/er/registry.sqlite").path
  let registry = try populatedRegistry(at: path)
  #expect(try permissions(path) == 0o600)
  #expect(try permissions(folder.appendingPathComponent("deep/er").path) == 0o700)
  #expect(try permissions(folder.appendingPathComponent("deep").path) == 0o700)
  for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
    #expect(try permissions(path + suffix) == 0o600)
  }
  #expect(FileManager.default.fileExists(atPath: path + "-wal"))
  let journal = try registry.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
  #expect(journal == "wal")
  let foreignKeys = try registry.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
  #expect(foreignKeys == 1)
  #expect(try registry.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == Registry.applicationID)
}

@Test func reopeningKeepsEverything() throws {
  let path = try temporaryFolder().appendingPathComponent("r.sqlite").path
  _ = try populatedRegistry(at: path)
  let again = try Registry.open(path: path, actor: "other", clock: { fixedInstant })
  #expect(try again.helpers().map(\.id) == ["mtremblay"])
  #expect(try again.cycles(helperID: "mtremblay").count == 1)
}

@Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
  let path = try temporaryFolder().appendingPathComponent("notes.sqlite").path
  let bytes = Data("name,local\nMarie,CSN\n".utf8)
  try bytes.write(to: URL(fileURLWithPath: path))
  #expect(throws: RegistryError.notSQLite(path: path)) { try Registry.open(path: path, actor: "coord") }
  #expect(FileManager.default.contents(atPath: path) == bytes)
  #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  #expect(
    RegistryError.notSQLite(path: path).message.fr
      == "« \(path) » n’est pas une base de données SQLite ; le fichier n’a pas été modifié.")
}

@Test func aCorruptSQLiteFileIsRefusedAndLeftUntouched() throws {
  let path = try temporaryFolder().appendingPathComponent("bad.sqlite").path
  var bytes = Data("SQLite format 3\0".utf8)
  bytes.append(Data(repeating: 0xAB, count: 4080))
  try bytes.write(to: URL(fileURLWithPath: path))
  #expect(throws: RegistryError.notSQLite(path: path)) { try Registry.open(path: path, actor: "coord") }
  #expect(FileManager.default.contents(atPath: path) == bytes)
}

@Test func anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws {
  let path = try temporaryFolder().appendingPathComponent("other.sqlite").path
  let queue = try DatabaseQueue(path: path)
  try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
  try queue.close()
  let before = FileManager.default.contents(atPath: path)
  #expect(throws: RegistryError.foreignDatabase(path: path)) { try Registry.open(path: path, actor: "coord") }
  #expect(FileManager.default.contents(atPath: path) == before)
}

@Test(arguments: ["migration", "user_version"])
func aRegistryFromANewerProgramIsRefusedAndLeftUntouched(_ how: String) throws {
  let path = try temporaryFolder().appendingPathComponent("newer.sqlite").path
  _ = try populatedRegistry(at: path)
  let queue = try DatabaseQueue(path: path)
  try queue.writeWithoutTransaction { db in
    if how == "migration" {
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
    } else {
      try db.execute(sql: "PRAGMA user_version = \(Registry.schemaVersion + 1)")
    }
    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
  }
  try queue.close()
  let before = FileManager.default.contents(atPath: path)
  #expect(throws: RegistryError.newerSchema(path: path)) { try Registry.open(path: path, actor: "coord") }
  #expect(FileManager.default.contents(atPath: path) == before)
  #expect(
    RegistryError.newerSchema(path: path).message.en
      == "The registry “\(path)” was written by a newer version of Entraide; please update Entraide. The file was left untouched."
  )
}

@Test func aNewerSchemaStillInTheWriteAheadLogIsRefused() throws {
  // The file's header still says this program's schema: only the log, not yet copied back, says newer.
  // The inspection reads through SQLite, which sees the log.
  let path = try temporaryFolder().appendingPathComponent("newer-in-wal.sqlite").path
  _ = try populatedRegistry(at: path)
  let pool = try DatabasePool(path: path)
  try pool.writeWithoutTransaction { db in
    try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
    try db.execute(sql: "PRAGMA user_version = \(Registry.schemaVersion + 1)")
  }
  #expect(throws: RegistryError.newerSchema(path: path)) { try Registry.open(path: path, actor: "coord") }
  try pool.close()
}

@Test func anUpToDateRegistryIsOpenedWithoutMigrating() throws {
  let path = try temporaryFolder().appendingPathComponent("current.sqlite").path
  _ = try populatedRegistry(at: path)
  #expect(try Registry.inspectExistingFile(path: path))
  let older = try temporaryFolder().appendingPathComponent("older.sqlite").path
  _ = try populatedRegistry(at: older)
  let queue = try DatabaseQueue(path: older)
  try queue.write { db in
    try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-cycles-latest-dates'")
    try db.execute(sql: "PRAGMA user_version = 3")
  }
  try queue.close()
  #expect(try !Registry.inspectExistingFile(path: older))
  let registry = try Registry.open(path: older, actor: "coord")
  #expect(
    try registry.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations WHERE identifier = 'v4-cycles-latest-dates'")
    } == 1)
}

@Test func anEmptyFileBecomesARegistry() throws {
  let path = try temporaryFolder().appendingPathComponent("empty.sqlite").path
  FileManager.default.createFile(atPath: path, contents: Data())
  let registry = try Registry.open(path: path, actor: "coord")
  #expect(try registry.helpers().isEmpty)
}

@Test func aFolderThatCannotHoldTheRegistryIsReported() throws {
  let folder = try temporaryFolder()
  let file = folder.appendingPathComponent("plain.txt")
  try Data("x".utf8).write(to: file)
  #expect(throws: RegistryError.cannotCreateFolder(path: file.path + "/sub")) {
    try Registry.open(path: file.path + "/sub/r.sqlite", actor: "coord")
  }
  #expect(throws: RegistryError.cannotCreateFolder(path: file.path)) {
    try Registry.open(path: file.path + "/r.sqlite", actor: "coord")
  }
  #expect(throws: RegistryError.isAFolder(path: folder.path)) {
    try Registry.open(path: folder.path, actor: "coord")
  }
}

@Test func aReadOnlyFolderIsReported() throws {
  #if os(Linux)
    // /proc refuses new files even to root.
    #expect(throws: RegistryError.folderNotWritable(path: "/proc")) {
      try Registry.open(path: "/proc/registry.sqlite", actor: "coord")
    }
  #endif
  if geteuid() != 0 {
    let folder = try temporaryFolder()
    chmod(folder.path, 0o555)
    defer { chmod(folder.path, 0o755) }
    #expect(throws: RegistryError.folderNotWritable(path: folder.path)) {
      try Registry.open(path: folder.appendingPathComponent("r.sqlite").path, actor: "coord")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}

/// Runs raw SQL as a program bypassing the Registry API would, and returns the SQLite error message.
func refusal(_ registry: Registry, _ sql: String) -> String? {
  do {
    try registry.writer.writeWithoutTransaction { db in try db.execute(sql: sql) }
    return nil
  } catch let error as DatabaseError {
    return error.message
  } catch {
    return "\(error)"
  }
}

@Test(arguments: [
  ("UPDATE cycles SET valid_through = '2099-12-31'", "certification cycles are never changed"),
  ("DELETE FROM cycles", "certification cycles are never deleted"),
  ("UPDATE events SET reason = 'rewritten'", "the audit log is append-only"),
  ("DELETE FROM events", "the audit log is append-only"),
  ("UPDATE attempts SET state = 'failed'", "a finished attempt never changes"),
  ("UPDATE attempts SET passed_on = '2020-01-01'", "a finished attempt never changes"),
  ("UPDATE attempts SET score = 1.0", "a finished attempt never changes"),
  ("DELETE FROM attempts", "attempts are never deleted"),
  ("DELETE FROM helpers", "helpers are never deleted: deactivate them"),
  ("UPDATE helpers SET id = 'other'", "a helper id never changes"),
])
func theSchemaRefusesRewritingHistory(_ example: (sql: String, message: String)) throws {
  let registry = try populatedRegistry(at: try temporaryFolder().appendingPathComponent("r.sqlite").path)
  let before = try registry.read { db in
    try Row.fetchAll(db, sql: "SELECT * FROM cycles") + Row.fetchAll(db, sql: "SELECT * FROM events")
      + Row.fetchAll(db, sql: "SELECT * FROM attempts") + Row.fetchAll(db, sql: "SELECT * FROM helpers")
  }
  #expect(refusal(registry, example.sql) == example.message)
  let after = try registry.read { db in
    try Row.fetchAll(db, sql: "SELECT * FROM cycles") + Row.fetchAll(db, sql: "SELECT * FROM events")
      + Row.fetchAll(db, sql: "SELECT * FROM attempts") + Row.fetchAll(db, sql: "SELECT * FROM helpers")
  }
  #expect(before == after)
}

@Test func anInProgressAttemptMayOnlyChangeItsProgressAndResult() throws {
  let registry = try registryWithMarie()
  let start = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("ecoute-active"), seed: 3, language: "fr")
  #expect(
    refusal(registry, "UPDATE attempts SET seed = '4' WHERE id = \(start.attempt.id)")
      == "what an attempt is never changes")
  #expect(
    refusal(registry, "UPDATE attempts SET course_id = 'referer' WHERE id = \(start.attempt.id)")
      == "what an attempt is never changes")
  #expect(refusal(registry, "UPDATE attempts SET resume_state = '{}' WHERE id = \(start.attempt.id)") == nil)
}

@Test func onlyOneAttemptOfACourseIsInProgress() throws {
  let registry = try registryWithMarie()
  _ = try registry.startOrResumeAttempt(helperID: "mtremblay", course: course("ecoute-active"), seed: 3, language: "fr")
  let message = refusal(
    registry,
    """
    INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at, state)
    VALUES ('mtremblay', 'ecoute-active', '1', 'd', '1', 'fr', 'now', 'in-progress')
    """)
  #expect(message?.hasPrefix("UNIQUE constraint failed") == true)
}
