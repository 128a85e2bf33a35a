import CourseModel
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The registry of one network: helpers, attempts, certification cycles and the audit log, in one SQLite file.
///
/// It owns the database connection and its migrations; callers use its intent-named methods, never SQL.
/// Every change writes an audit event in the same transaction. Errors thrown are `RegistryError`.
public final class Registry: Sendable {
  /// The `application_id` that marks an SQLite file as an Entraide registry ("Entr").
  public static let applicationID: Int32 = 0x456E_7472
  /// How long a write waits for another process holding the file.
  public static let busyTimeout: TimeInterval = 10
  /// The earliest date a course can be recorded on: the first CSN peer-help networks began in 1980
  /// (docs/content-facts.md); an earlier date is a mistyped year.
  public static let earliestRecordDate = CalendarDate(year: 1980, month: 1, day: 1)!

  let writer: any DatabaseWriter
  /// The author of the audit events this registry writes (`$USER` or `--by`).
  public let actor: String
  let clock: @Sendable () -> Date
  /// The database file, or nil in memory.
  public let path: String?

  init(writer: any DatabaseWriter, path: String?, actor: String, clock: @escaping @Sendable () -> Date) {
    self.writer = writer
    self.path = path
    self.actor = actor
    self.clock = clock
  }

  /// Opens the registry file at `path`, creating it (and its folder) with owner-only permissions when missing.
  ///
  /// A file that is not SQLite, is another program's database, or was written by a newer Entraide is
  /// refused and left byte-identical. `clock` gives the audit timestamps.
  public static func open(
    path: String, actor: String, clock: @escaping @Sendable () -> Date = { Date() }
  ) throws -> Registry {
    let fileManager = FileManager.default
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    if fileManager.fileExists(atPath: folder, isDirectory: &isFolder) {
      guard isFolder.boolValue else { throw RegistryError.cannotCreateFolder(path: folder) }
    } else {
      do {
        try fileManager.createDirectory(
          atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        throw RegistryError.cannotCreateFolder(path: folder)
      }
    }

    var created = false
    var isCurrent = false
    if fileManager.fileExists(atPath: path, isDirectory: &isFolder) {
      if isFolder.boolValue { throw RegistryError.isAFolder(path: path) }
      isCurrent = try inspectExistingFile(path: path)
    } else {
      guard fileManager.isWritableFile(atPath: folder) else { throw RegistryError.folderNotWritable(path: folder) }
      let descriptor = posixOpen(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
      if descriptor >= 0 {
        close(descriptor)
        created = true
      } else if errno != EEXIST {
        throw RegistryError.folderNotWritable(path: folder)
      }
    }

    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    // One connection in WAL mode, set up here rather than by GRDB's `DatabasePool`: the pool makes sure a
    // non-empty `-wal` file exists by writing (a table created and dropped, four syncs) each time it opens a
    // registry whose last user closed it cleanly, so that every read command wrote to the file.
    configuration.prepareDatabase { db in
      if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      }
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    let pool: DatabaseQueue
    do {
      pool = try retryingWhileBusy { try DatabaseQueue(path: path, configuration: configuration) }
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB { throw RegistryError.notSQLite(path: path) }
      if let unwritable = RegistryError.unwritable(error, path: path) { throw unwritable }
      throw RegistryError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
    } catch {
      throw RegistryError.cannotOpen(path: path, reason: "\(error)")
    }
    if created {
      for suffix in ["", "-wal", "-shm"] { chmod(path + suffix, 0o600) }
    }
    // A registry the inspection found up to date needs no migration, nor the migrator's write barrier.
    if isCurrent { return Registry(writer: pool, path: path, actor: actor, clock: clock) }
    try migrate(pool, path: path)
    return Registry(writer: pool, path: path, actor: actor, clock: clock)
  }

  /// A fresh registry in memory, for tests.
  public static func inMemory(actor: String, clock: @escaping @Sendable () -> Date = { Date() }) throws -> Registry {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    let queue = try DatabaseQueue(configuration: configuration)
    try migrate(queue, path: nil)
    return Registry(writer: queue, path: nil, actor: actor, clock: clock)
  }

  /// Refuses, without writing anything, a file that is not an Entraide registry this program can use.
  ///
  /// Returns whether it is an Entraide registry with every migration of this program already applied.
  @discardableResult
  static func inspectExistingFile(path: String) throws -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw RegistryError.fileNotReadable(path: path)
    }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    try? handle.close()
    if header.isEmpty { return false }
    guard header == Data("SQLite format 3\0".utf8) else { throw RegistryError.notSQLite(path: path) }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    do {
      let queue = try retryingWhileBusy { try DatabaseQueue(path: path, configuration: configuration) }
      defer { try? queue.close() }
      return try retryingWhileBusy {
        try queue.read { db in
          let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
          if applicationID != Registry.applicationID {
            // A new file another process is setting up may show GRDB's migrations table before ours.
            let others = try Int.fetchOne(
              db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'"
            )
            let migrations =
              try db.tableExists("grdb_migrations")
              ? try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") : 0
            if applicationID != 0 || others != 0 || migrations != 0 { throw RegistryError.foreignDatabase(path: path) }
            return false
          }
          let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
          let superseded = try migrator.hasBeenSuperseded(db)
          if userVersion > Registry.schemaVersion || superseded {
            throw RegistryError.newerSchema(path: path)
          }
          return try migrator.hasCompletedMigrations(db)
        }
      }
    } catch let error as RegistryError {
      throw error
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
        throw RegistryError.notSQLite(path: path)
      }
      if let unwritable = RegistryError.unwritable(error, path: path) { throw unwritable }
      throw RegistryError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
    }
  }

  /// Applies the migrations; another process migrating the same file at the same time is not an error.
  ///
  /// GRDB's migrator reads which migrations are applied, then applies each of the others in a transaction
  /// of its own: a process creating the same new registry in between applies one first, and this one's then
  /// fails ("table helpers already exists"). A failure after which another process has applied more
  /// migrations is tried again (for up to `busyTimeout`); one with no such progress is an error.
  static func migrate(_ writer: any DatabaseWriter, path: String?) throws {
    let deadline = Date().addingTimeInterval(busyTimeout)
    while true {
      let before = try? writer.read { db in try migrator.appliedIdentifiers(db) }
      do {
        try retryingWhileBusy { try migrator.migrate(writer) }
        return
      } catch {
        if (try? writer.read { db in try migrator.hasCompletedMigrations(db) }) == true { return }
        let after = try? writer.read { db in try migrator.appliedIdentifiers(db) }
        guard let before, let after, after.isStrictSuperset(of: before), Date() < deadline else {
          throw RegistryError.cannotOpen(path: path ?? ":memory:", reason: "\(error)")
        }
      }
    }
  }

  /// Runs `body`, again and again for up to 10 seconds while SQLite answers "busy" or "locked".
  ///
  /// The busy timeout covers ordinary reads and writes, but not every lock SQLite takes while a
  /// new file is being set up (switching to WAL, recovering a WAL), which answer at once.
  static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
    let deadline = Date().addingTimeInterval(busyTimeout)
    var pause: useconds_t = 2_000
    while true {
      do {
        return try body()
      } catch let error as DatabaseError
        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline
      {
        usleep(pause)
        pause = min(pause * 2, 100_000)
      }
    }
  }

  // MARK: - Transactions

  /// The audit timestamp for now: ISO 8601 in UTC, to the second.
  func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: clock())
  }

  /// Runs `body` in one IMMEDIATE write transaction (so concurrent writers wait instead of failing).
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw RegistryError.database("transaction ended without a result") }
        return result
      }
    } catch let error as RegistryError {
      throw error
    } catch let error as DatabaseError {
      if let unwritable = RegistryError.unwritable(error, path: path ?? ":memory:") { throw unwritable }
      throw RegistryError.database(error.message ?? "\(error.resultCode)")
    }
  }

  /// Caps the file at its current size plus `sparePages` pages (`PRAGMA max_page_count` on the writing
  /// connection): a full disk, for tests (`ENTRAIDE_TEST_SPARE_PAGES`).
  public func limitGrowth(sparePages: Int) throws {
    do {
      try writer.writeWithoutTransaction { db in
        let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        try db.execute(sql: "PRAGMA max_page_count = \(pages + max(0, sparePages))")
      }
    } catch let error as DatabaseError {
      throw RegistryError.database(error.message ?? "\(error.resultCode)")
    }
  }

  /// Runs `body` with a consistent read.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.read(body)
    } catch let error as RegistryError {
      throw error
    } catch let error as DatabaseError {
      throw RegistryError.database(error.message ?? "\(error.resultCode)")
    }
  }

  /// Appends one audit event; returns its id.
  @discardableResult
  func appendEvent(
    _ db: Database, at: String, action: AuditAction, helperID: String?, detail: [String: String], reason: String?
  ) throws -> Int64 {
    let json = Self.detailJSON(detail)
    try db.cachedStatement(
      sql: "INSERT INTO events (at, by, action, helper_id, detail, reason) VALUES (?, ?, ?, ?, ?, ?)"
    ).execute(arguments: [at, actor, action.rawValue, helperID, json, reason])
    return db.lastInsertedRowID
  }

  /// An event's detail as JSON: one object, keys sorted, the escapes JSONEncoder writes (a bulk record
  /// writes hundreds of thousands of them; JSONEncoder took a sixth of the time).
  package static func detailJSON(_ detail: [String: String]) -> String {
    var json: [UInt8] = [UInt8(ascii: "{")]
    json.reserveCapacity(160)
    for (index, key) in detail.keys.sorted().enumerated() {
      if index > 0 { json.append(UInt8(ascii: ",")) }
      appendJSONString(key, to: &json)
      json.append(UInt8(ascii: ":"))
      appendJSONString(detail[key]!, to: &json)
    }
    json.append(UInt8(ascii: "}"))
    return String(decoding: json, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// A JSON string literal of `text`, in UTF-8: `"` `\` `/` and control characters escaped.
  private static func appendJSONString(_ text: String, to json: inout [UInt8]) {
    json.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): json += [UInt8(ascii: "\\"), byte]
      case 0x0A: json += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: json += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: json += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x08: json += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x0C: json += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0..<0x20: json += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
      default: json.append(byte)
      }
    }
    json.append(UInt8(ascii: "\""))
  }

  // MARK: - Audit log

  /// The audit log, oldest first; only the helper's events when `helperID` is given.
  public func events(helperID: String? = nil) throws -> [AuditEvent] {
    try read { db in
      let rows =
        if let helperID {
          try Row.fetchAll(db, sql: "SELECT * FROM events WHERE helper_id = ? ORDER BY id", arguments: [helperID])
        } else {
          try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY id")
        }
      return try rows.map(AuditEvent.init(row:))
    }
  }
}

/// `open(2)` under a name that does not clash with `Registry.open`.
func posixOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
  open(path, flags, mode)
}
