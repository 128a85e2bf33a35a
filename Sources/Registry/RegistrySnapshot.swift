import CourseModel
import Foundation
import GRDB

/// The whole registry as one file (`entraide export json`, `entraide import json`): docs/registry-json.md.
///
/// Every record as stored, ids included, so that export → import into an empty registry → export gives
/// the same bytes. Absent optional fields mean none.
public struct RegistrySnapshot: Sendable, Hashable, Codable {
  /// The `format` every such file names.
  public static let formatName = "entraide-registry"
  /// The format version this program writes and reads.
  public static let currentVersion = 1

  /// A helper as stored: `Helper` itself, whose coding keys are this file's (`created_at`).
  public typealias HelperRecord = Helper

  public struct AttemptRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var helperID: String
    public var courseID: String
    public var courseVersion: String
    public var contentDigest: String
    /// The seed as stored (a decimal UInt64).
    public var seed: String
    public var language: String
    public var startedAt: String
    public var finishedAt: String?
    public var state: String
    public var passedOn: String?
    public var score: Double?
    /// The runner's per-item results, as the JSON text stored.
    public var detail: String?
    /// The saved state of an attempt in progress, as the JSON text stored.
    public var resumeState: String?
    public var note: String?

    public init(
      id: Int64, helperID: String, courseID: String, courseVersion: String, contentDigest: String, seed: String,
      language: String, startedAt: String, finishedAt: String? = nil, state: String, passedOn: String? = nil,
      score: Double? = nil, detail: String? = nil, resumeState: String? = nil, note: String? = nil
    ) {
      self.id = id
      self.helperID = helperID
      self.courseID = courseID
      self.courseVersion = courseVersion
      self.contentDigest = contentDigest
      self.seed = seed
      self.language = language
      self.startedAt = startedAt
      self.finishedAt = finishedAt
      self.state = state
      self.passedOn = passedOn
      self.score = score
      self.detail = detail
      self.resumeState = resumeState
      self.note = note
    }

    enum CodingKeys: String, CodingKey {
      case id, seed, language, state, score, detail, note
      case helperID = "helper_id"
      case courseID = "course_id"
      case courseVersion = "course_version"
      case contentDigest = "content_digest"
      case startedAt = "started_at"
      case finishedAt = "finished_at"
      case passedOn = "passed_on"
      case resumeState = "resume_state"
    }
  }

  public struct CycleRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var helperID: String
    public var certificationID: String
    public var kind: String
    public var certifiedOn: String
    public var validThrough: String
    public var windowOpens: String
    public var sourceAttemptID: Int64?
    public var sourceEventID: Int64?
    public var createdAt: String

    public init(
      id: Int64, helperID: String, certificationID: String, kind: String, certifiedOn: String, validThrough: String,
      windowOpens: String, sourceAttemptID: Int64? = nil, sourceEventID: Int64? = nil, createdAt: String
    ) {
      self.id = id
      self.helperID = helperID
      self.certificationID = certificationID
      self.kind = kind
      self.certifiedOn = certifiedOn
      self.validThrough = validThrough
      self.windowOpens = windowOpens
      self.sourceAttemptID = sourceAttemptID
      self.sourceEventID = sourceEventID
      self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
      case id, kind
      case helperID = "helper_id"
      case certificationID = "certification_id"
      case certifiedOn = "certified_on"
      case validThrough = "valid_through"
      case windowOpens = "window_opens"
      case sourceAttemptID = "source_attempt_id"
      case sourceEventID = "source_event_id"
      case createdAt = "created_at"
    }
  }

  public struct EventRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: String
    public var by: String
    public var action: String
    public var helperID: String?
    /// What changed, as the JSON text stored.
    public var detail: String
    public var reason: String?

    public init(
      id: Int64, at: String, by: String, action: String, helperID: String? = nil, detail: String, reason: String? = nil
    ) {
      self.id = id
      self.at = at
      self.by = by
      self.action = action
      self.helperID = helperID
      self.detail = detail
      self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
      case id, at, by, action, detail, reason
      case helperID = "helper_id"
    }
  }

  public var format: String
  public var version: Int
  public var helpers: [HelperRecord]
  public var attempts: [AttemptRecord]
  public var cycles: [CycleRecord]
  public var events: [EventRecord]

  public init(
    format: String, version: Int, helpers: [HelperRecord], attempts: [AttemptRecord], cycles: [CycleRecord],
    events: [EventRecord]
  ) {
    self.format = format
    self.version = version
    self.helpers = helpers
    self.attempts = attempts
    self.cycles = cycles
    self.events = events
  }

  /// The file's bytes: pretty-printed UTF-8 JSON, keys sorted, records by id, a final line break.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a file's bytes; a malformed or truncated file, another format or another version is refused.
  public static func decode(_ data: Data) throws -> RegistrySnapshot {
    struct Header: Decodable {
      var format: String?
      var version: Int?
    }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw RegistryError.badRegistryFile(reason: malformed(error))
    }
    guard header.format == formatName else {
      throw RegistryError.badRegistryFile(
        reason: Message(
          fr: "ce n’est pas un registre exporté par Entraide (« format » n’est pas « \(formatName) »)",
          en: "it is not a registry exported by Entraide (“format” is not “\(formatName)”)"))
    }
    guard let version = header.version, version == currentVersion else {
      let found = header.version.map(String.init) ?? "—"
      let newer = (header.version ?? 0) > currentVersion
      throw RegistryError.badRegistryFile(
        reason: newer
          ? Message(
            fr:
              "il a été écrit par une version plus récente d’Entraide (format \(found) ; celle-ci lit le format \(currentVersion)) : mettez Entraide à jour",
            en:
              "it was written by a newer Entraide (format \(found); this one reads format \(currentVersion)): update Entraide"
          )
          : Message(
            fr: "sa version de format (\(found)) est inconnue ; celle-ci lit le format \(currentVersion)",
            en: "its format version (\(found)) is unknown; this one reads format \(currentVersion)"))
    }
    do {
      return try JSONDecoder().decode(RegistrySnapshot.self, from: data)
    } catch {
      throw RegistryError.badRegistryFile(reason: malformed(error))
    }
  }

  /// Why the JSON could not be read, with the path of the field at fault when the decoder names it.
  static func malformed(_ error: any Error) -> Message {
    let path: String
    switch error as? DecodingError {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
      path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    case .dataCorrupted(let context) where !context.codingPath.isEmpty:
      path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    default:
      path = ""
    }
    if case .keyNotFound(let key, _) = error as? DecodingError {
      let at = path.isEmpty ? "" : " (\(path))"
      return Message(
        fr: "le champ « \(key.stringValue) » manque\(at)", en: "the field “\(key.stringValue)” is missing\(at)")
    }
    if path.isEmpty {
      return Message(
        fr: "ce n’est pas du JSON valide (fichier tronqué ou abîmé)",
        en: "it is not valid JSON (the file is truncated or damaged)")
    }
    return Message(fr: "la valeur de \(path) n’a pas le bon type", en: "the value of \(path) has the wrong type")
  }
}

extension Registry {
  /// Every record of the registry, for `export json`.
  public func snapshot() throws -> RegistrySnapshot {
    try read { db in
      RegistrySnapshot(
        format: RegistrySnapshot.formatName, version: RegistrySnapshot.currentVersion,
        helpers: try Row.fetchAll(db, sql: "SELECT * FROM helpers ORDER BY id").map(Helper.init(row:)),
        attempts: try Row.fetchAll(db, sql: "SELECT * FROM attempts ORDER BY id").map { row in
          .init(
            id: row["id"], helperID: row["helper_id"], courseID: row["course_id"], courseVersion: row["course_version"],
            contentDigest: row["content_digest"], seed: row["seed"], language: row["language"],
            startedAt: row["started_at"], finishedAt: row["finished_at"], state: row["state"],
            passedOn: row["passed_on"], score: row["score"], detail: row["detail"], resumeState: row["resume_state"],
            note: row["note"])
        },
        cycles: try Row.fetchAll(db, sql: "SELECT * FROM cycles ORDER BY id").map { row in
          .init(
            id: row["id"], helperID: row["helper_id"], certificationID: row["certification_id"], kind: row["kind"],
            certifiedOn: row["certified_on"], validThrough: row["valid_through"], windowOpens: row["window_opens"],
            sourceAttemptID: row["source_attempt_id"], sourceEventID: row["source_event_id"],
            createdAt: row["created_at"])
        },
        events: try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY id").map { row in
          .init(
            id: row["id"], at: row["at"], by: row["by"], action: row["action"], helperID: row["helper_id"],
            detail: row["detail"], reason: row["reason"])
        })
    }
  }

  /// Adds every record of `snapshot`, or none: refused unless every record is new to this registry (no
  /// silent merge) and every record is sound (`RegistrySnapshot.importProblems`). Writes no event of its own,
  /// so that an export of the result equals the file imported.
  public func importSnapshot(_ snapshot: RegistrySnapshot) throws {
    try write { db in
      let existing = RegistrySnapshot.ExistingIDs(
        helpers: Set(try String.fetchAll(db, sql: "SELECT lower(id) FROM helpers")),
        attempts: Set(try Int64.fetchAll(db, sql: "SELECT id FROM attempts")),
        cycles: Set(try Int64.fetchAll(db, sql: "SELECT id FROM cycles")),
        events: Set(try Int64.fetchAll(db, sql: "SELECT id FROM events")))
      let problems = snapshot.importProblems(existing: existing)
      guard problems.isEmpty else { throw RegistryError.registryImportRefused(problems) }

      for helper in snapshot.helpers {
        try db.cachedStatement(
          sql: "INSERT INTO helpers (id, name, local, region, email, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(
          arguments: [
            helper.id, helper.name, helper.local, helper.region, helper.email, helper.active, helper.createdAt,
          ])
      }
      for event in snapshot.events {
        try db.cachedStatement(
          sql: "INSERT INTO events (id, at, by, action, helper_id, detail, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [event.id, event.at, event.by, event.action, event.helperID, event.detail, event.reason])
      }
      for attempt in snapshot.attempts {
        try db.cachedStatement(
          sql: """
            INSERT INTO attempts (id, helper_id, course_id, course_version, content_digest, seed, language, started_at,
              finished_at, state, passed_on, score, detail, resume_state, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
          attempt.id, attempt.helperID, attempt.courseID, attempt.courseVersion, attempt.contentDigest, attempt.seed,
          attempt.language, attempt.startedAt, attempt.finishedAt, attempt.state, attempt.passedOn, attempt.score,
          attempt.detail, attempt.resumeState, attempt.note,
        ])
      }
      for cycle in snapshot.cycles {
        try db.cachedStatement(
          sql: """
            INSERT INTO cycles (id, helper_id, certification_id, kind, certified_on, valid_through, window_opens,
              source_attempt_id, source_event_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
          cycle.id, cycle.helperID, cycle.certificationID, cycle.kind, cycle.certifiedOn, cycle.validThrough,
          cycle.windowOpens, cycle.sourceAttemptID, cycle.sourceEventID, cycle.createdAt,
        ])
      }
    }
  }
}

extension RegistrySnapshot {
  /// The ids a registry already holds (helpers' lowercased), for an import's checks.
  public struct ExistingIDs: Sendable {
    public var helpers: Set<String>
    public var attempts: Set<Int64>
    public var cycles: Set<Int64>
    public var events: Set<Int64>

    public init(helpers: Set<String>, attempts: Set<Int64>, cycles: Set<Int64>, events: Set<Int64>) {
      self.helpers = helpers
      self.attempts = attempts
      self.cycles = cycles
      self.events = events
    }
  }

  /// Why this snapshot cannot be imported into a registry holding `existing` (at most
  /// `Registry.attendanceProblemsShown`); empty when it can: every id new and listed once, every reference
  /// to a record in the file or the registry, the same checks the registry's tables hold, and the dates.
  ///
  /// Both stores decide an import with this one function.
  public func importProblems(existing: ExistingIDs) -> [Message] {
    let snapshot = self
    var problems: [Message] = []
    func check(_ condition: Bool, _ message: @autoclosure () -> Message) {
      if !condition, problems.count < Registry.attendanceProblemsShown { problems.append(message()) }
    }
    func duplicates<T: Hashable>(_ values: [T]) -> [T] {
      var seen = Set<T>()
      return values.filter { !seen.insert($0).inserted }
    }
    func list<T>(_ values: [T]) -> String { values.prefix(10).map { "\($0)" }.joined(separator: ", ") }

    // Ids: unique in the file and new to the registry.
    let helperIDs = snapshot.helpers.map { $0.id.lowercased() }
    let existingHelpers = existing.helpers
    let tables: [(table: String, fr: String, en: String, ids: [String], existing: Set<String>)] = [
      ("helpers", "entraidant·es", "helpers", helperIDs, existingHelpers),
      (
        "attempts", "tentatives", "attempts", snapshot.attempts.map { String($0.id) },
        Set(existing.attempts.map { String($0) })
      ),
      (
        "cycles", "cycles", "cycles", snapshot.cycles.map { String($0.id) },
        Set(existing.cycles.map { String($0) })
      ),
      (
        "events", "événements", "events", snapshot.events.map { String($0.id) },
        Set(existing.events.map { String($0) })
      ),
    ]
    for table in tables {
      let twice = duplicates(table.ids)
      check(
        twice.isEmpty,
        Message(
          fr: "\(table.fr) : identifiant en double dans le fichier : \(list(twice))",
          en: "\(table.en): id listed twice in the file: \(list(twice))"))
      let taken = table.ids.filter { table.existing.contains($0) }
      check(
        taken.isEmpty,
        Message(
          fr: "\(table.fr) : identifiant déjà dans ce registre : \(list(taken))",
          en: "\(table.en): id already in this registry: \(list(taken))"))
    }

    // References and values.
    let knownHelpers = existingHelpers.union(helperIDs)
    let knownAttempts = tables[1].existing.union(tables[1].ids)
    let knownEvents = tables[3].existing.union(tables[3].ids)
    for helper in snapshot.helpers {
      check(
        HelperIDs.isValid(helper.id) && !helper.name.trimmingCharacters(in: .whitespaces).isEmpty,
        Message(
          fr: "entraidant·e « \(helper.id) » : identifiant ou nom invalide",
          en: "helper “\(helper.id)”: invalid id or name"))
      check(
        Self.isTimestamp(helper.createdAt),
        Message(
          fr: "entraidant·e « \(helper.id) » : valeurs incohérentes", en: "helper “\(helper.id)”: inconsistent values"))
    }
    for attempt in snapshot.attempts {
      check(
        knownHelpers.contains(attempt.helperID.lowercased()),
        Message(
          fr: "tentative \(attempt.id) : l’entraidant·e « \(attempt.helperID) » n’existe pas",
          en: "attempt \(attempt.id): the helper “\(attempt.helperID)” does not exist"))
      let state = AttemptState(rawValue: attempt.state)
      check(
        state != nil && UInt64(attempt.seed) != nil && attempt.passedOn.map { CalendarDate(iso: $0) != nil } != false
          && (state?.isPass ?? false) == (attempt.passedOn != nil)
          && (state == .inProgress) == (attempt.finishedAt == nil) && Self.isTimestamp(attempt.startedAt)
          && attempt.finishedAt.map(Self.isTimestamp) != false,
        Message(
          fr: "tentative \(attempt.id) : valeurs incohérentes", en: "attempt \(attempt.id): inconsistent values"))
    }
    for cycle in snapshot.cycles {
      check(
        knownHelpers.contains(cycle.helperID.lowercased()),
        Message(
          fr: "cycle \(cycle.id) : l’entraidant·e « \(cycle.helperID) » n’existe pas",
          en: "cycle \(cycle.id): the helper “\(cycle.helperID)” does not exist"))
      check(
        CycleKind(rawValue: cycle.kind) != nil && CalendarDate(iso: cycle.certifiedOn) != nil
          && CalendarDate(iso: cycle.validThrough) != nil && CalendarDate(iso: cycle.windowOpens) != nil
          && (cycle.sourceAttemptID != nil || cycle.sourceEventID != nil)
          && cycle.sourceAttemptID.map { knownAttempts.contains(String($0)) } != false
          && cycle.sourceEventID.map { knownEvents.contains(String($0)) } != false && Self.isTimestamp(cycle.createdAt),
        Message(fr: "cycle \(cycle.id) : valeurs incohérentes", en: "cycle \(cycle.id): inconsistent values"))
    }
    for event in snapshot.events {
      check(
        event.helperID.map { knownHelpers.contains($0.lowercased()) } != false,
        Message(
          fr: "événement \(event.id) : l’entraidant·e « \(event.helperID ?? "") » n’existe pas",
          en: "event \(event.id): the helper “\(event.helperID ?? "")” does not exist"))
      check(
        (try? JSONDecoder().decode([String: String].self, from: Data(event.detail.utf8))) != nil,
        Message(fr: "événement \(event.id) : détail illisible", en: "event \(event.id): unreadable detail"))
      check(
        Self.isTimestamp(event.at),
        Message(fr: "événement \(event.id) : valeurs incohérentes", en: "event \(event.id): inconsistent values"))
    }

    // A NUL character: neither store can keep it (SQLite's text would end there, PostgreSQL refuses it).
    let texts: [(fr: String, en: String, values: [String?])] =
      snapshot.helpers.map {
        (
          "entraidant·e « \($0.id) »", "helper “\($0.id)”",
          [$0.id, $0.name, $0.local, $0.region, $0.email, $0.createdAt]
        )
      }
      + snapshot.attempts.map {
        (
          "tentative \($0.id)", "attempt \($0.id)",
          [
            $0.helperID, $0.courseID, $0.courseVersion, $0.contentDigest, $0.seed, $0.language, $0.startedAt,
            $0.finishedAt, $0.state, $0.passedOn, $0.detail, $0.resumeState, $0.note,
          ]
        )
      }
      + snapshot.cycles.map {
        (
          "cycle \($0.id)", "cycle \($0.id)",
          [$0.helperID, $0.certificationID, $0.kind, $0.certifiedOn, $0.validThrough, $0.windowOpens, $0.createdAt]
        )
      }
      + snapshot.events.map {
        ("événement \($0.id)", "event \($0.id)", [$0.at, $0.by, $0.action, $0.helperID, $0.detail, $0.reason])
      }
    for record in texts {
      check(
        !record.values.contains { $0?.utf8.contains(0) == true },
        Message(
          fr: "\(record.fr) : un texte contient le caractère nul (U+0000), qu’un registre ne peut pas garder",
          en: "\(record.en): a text holds the NUL character (U+0000), which a registry cannot keep"))
    }
    return problems
  }

  /// Whether `text` is a timestamp as the registry writes them: ISO 8601 in UTC, to the second
  /// (`2026-12-02T08:27:19Z`).
  static func isTimestamp(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
      CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) != nil
    else { return false }
    let digits = [11, 12, 14, 15, 17, 18].map { Int(bytes[$0]) - Int(UInt8(ascii: "0")) }
    guard digits.allSatisfy({ (0...9).contains($0) }) else { return false }
    return digits[0] * 10 + digits[1] < 24 && digits[2] * 10 + digits[3] < 60 && digits[4] * 10 + digits[5] < 61
  }
}
