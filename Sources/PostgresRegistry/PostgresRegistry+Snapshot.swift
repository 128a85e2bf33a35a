import Foundation
import PostgresNIO
import Registry

extension PostgresRegistry {
  /// How many records one INSERT carries on import (one JSON array parameter each).
  static let importBatch = 5000

  /// Every record the connection sees, in the order and with the values the SQLite registry exports, so
  /// that both stores export the same bytes. A role with a scope exports its scope.
  public func snapshot() throws -> RegistrySnapshot {
    try read {
      RegistrySnapshot(
        format: RegistrySnapshot.formatName, version: RegistrySnapshot.currentVersion,
        // SQLite orders its ids with NOCASE: ASCII letters folded, then byte order.
        helpers: try connection.query(
          "SELECT \(unescaped: Self.helperColumns) FROM helpers ORDER BY lower(id) COLLATE \"C\""
        ).map(Self.helper),
        attempts: try connection.query("SELECT \(unescaped: Self.attemptColumns) FROM attempts ORDER BY id").map {
          row in
          let (
            id, helperID, courseID, courseVersion, contentDigest, seed, language, startedAt, finishedAt, state,
            passedOn, score, detail, resumeState, note
          ) = try row.decode(
            (
              Int64, String, String, String, String, String, String, String, String?, String, String?, Double?,
              String?, String?, String?
            ).self)
          return .init(
            id: id, helperID: helperID, courseID: courseID, courseVersion: courseVersion,
            contentDigest: contentDigest, seed: seed, language: language, startedAt: startedAt,
            finishedAt: finishedAt, state: state, passedOn: passedOn, score: score, detail: detail,
            resumeState: resumeState, note: note)
        },
        cycles: try connection.query("SELECT \(unescaped: Self.cycleColumns) FROM cycles ORDER BY id").map { row in
          let (
            id, helperID, certificationID, kind, certifiedOn, validThrough, windowOpens, sourceAttemptID,
            sourceEventID, createdAt
          ) = try row.decode((Int64, String, String, String, String, String, String, Int64?, Int64?, String).self)
          return .init(
            id: id, helperID: helperID, certificationID: certificationID, kind: kind, certifiedOn: certifiedOn,
            validThrough: validThrough, windowOpens: windowOpens, sourceAttemptID: sourceAttemptID,
            sourceEventID: sourceEventID, createdAt: createdAt)
        },
        events: try connection.query("SELECT \(unescaped: Self.eventColumns) FROM events ORDER BY id").map { row in
          let (id, at, by, action, helperID, detail, reason) = try row.decode(
            (Int64, String, String, String, String?, String, String?).self)
          return .init(id: id, at: at, by: by, action: action, helperID: helperID, detail: detail, reason: reason)
        })
    }
  }

  /// Adds every record of `snapshot` in one transaction, or none (the registry's owner only).
  ///
  /// The tables are locked against other writers while the ids are checked (`RegistrySnapshot.importProblems`,
  /// as on SQLite) and the records inserted; nothing is updated or deleted, so the append-only triggers hold
  /// as they are. The identity sequences then continue after the highest ids.
  public func importSnapshot(_ snapshot: RegistrySnapshot) throws {
    if scope != nil { throw ServerRegistryError.importOwnerOnly(role: url.user, owner: owner) }
    try write {
      // Every write of the registry inserts or updates helpers or attempts (cycles and events come with
      // them): locking these two holds other writers off. (The owner may not lock cycles and events so:
      // its UPDATE and DELETE privileges on them are revoked.)
      try connection.execute("LOCK TABLE helpers, attempts IN SHARE ROW EXCLUSIVE MODE")
      func ids(_ table: String) throws -> Set<Int64> {
        Set(try connection.query("SELECT id FROM \(unescaped: table)").map { try $0.decode(Int64.self) })
      }
      let existing = RegistrySnapshot.ExistingIDs(
        helpers: Set(try connection.query("SELECT lower(id) FROM helpers").map { try $0.decode(String.self) }),
        attempts: try ids("attempts"), cycles: try ids("cycles"), events: try ids("events"))
      let problems = snapshot.importProblems(existing: existing)
      guard problems.isEmpty else { throw RegistryError.registryImportRefused(problems) }

      // The records as the file has them (their keys are the columns' names), in batches; the order
      // respects the references (cycles name attempts and events).
      try insert(snapshot.helpers, into: "helpers", columns: Self.helperColumns)
      try insert(snapshot.events, into: "events", columns: Self.eventColumns)
      try insert(snapshot.attempts, into: "attempts", columns: Self.attemptColumns)
      try insert(snapshot.cycles, into: "cycles", columns: Self.cycleColumns)
      for table in ["attempts", "cycles", "events"] {
        try connection.execute(
          """
          SELECT setval(pg_get_serial_sequence('\(unescaped: table)', 'id'), max(id)) FROM \(unescaped: table)
          HAVING max(id) IS NOT NULL
          """)
      }
    }
  }

  /// Inserts `records` into `table`, each batch as one JSON array turned into rows by the server.
  private func insert<Record: Encodable>(_ records: [Record], into table: String, columns: String) throws {
    let encoder = JSONEncoder()
    var start = 0
    while start < records.count {
      let end = min(start + Self.importBatch, records.count)
      let json = String(decoding: try encoder.encode(Array(records[start..<end])), as: UTF8.self)
      try connection.execute(
        """
        INSERT INTO \(unescaped: table) (\(unescaped: columns))
        SELECT \(unescaped: columns) FROM json_populate_recordset(NULL::\(unescaped: table), \(json)::json)
        """)
      start = end
    }
  }
}
