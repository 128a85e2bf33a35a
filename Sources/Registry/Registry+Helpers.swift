import CourseModel
import Foundation
import GRDB

extension Registry {
  /// Adds a helper (id generated from the name when not given) and logs `helper-added`.
  @discardableResult
  public func addHelper(_ new: NewHelper, reason: String? = nil) throws -> Helper {
    try requireInert(reason, field: "reason")
    return try write { db in
      let at = timestamp()
      let helper = try insertHelper(db, new, at: at, taken: try takenIDs(db))
      try appendEvent(
        db, at: at, action: .helperAdded, helperID: helper.id, detail: Self.helperDetail(helper), reason: reason)
      return helper
    }
  }

  /// Adds every helper or none: the first bad one throws `RegistryError.badRow` with its line number.
  ///
  /// `rows` pairs each helper with its line in the source file; each gets a `helper-imported` event.
  @discardableResult
  public func importHelpers(_ rows: [(line: Int, helper: NewHelper)], source: String) throws -> [Helper] {
    // What each row alone decides, before the database is touched: a bad last row of a long file is
    // refused at once rather than after every other row was inserted and rolled back.
    for row in rows {
      do {
        try Self.checkFields(row.helper)
      } catch let error as RegistryError {
        throw RegistryError.badRow(line: row.line, problem: error.message)
      }
    }
    return try write { db in
      let at = timestamp()
      var taken = try takenIDs(db)
      var added: [Helper] = []
      for row in rows {
        do {
          let helper = try insertHelper(db, row.helper, at: at, taken: taken)
          taken.insert(helper.id.lowercased())
          try appendEvent(
            db, at: at, action: .helperImported, helperID: helper.id,
            detail: Self.helperImportedDetail(helper, source: source, line: row.line), reason: nil)
          added.append(helper)
        } catch let error as RegistryError {
          throw RegistryError.badRow(line: row.line, problem: error.message)
        }
      }
      return added
    }
  }

  /// Changes some fields of a helper and logs `helper-edited` with the old and new values.
  @discardableResult
  public func editHelper(_ id: String, changes: HelperChanges, reason: String? = nil) throws -> Helper {
    guard !changes.isEmpty else { throw RegistryError.nothingToChange }
    try requireInert(reason, field: "reason")
    return try write { db in
      let old = try requireHelper(db, id)
      let (new, detail) = try Self.edited(old, changes: changes)
      guard !detail.isEmpty else { return old }
      try db.execute(
        sql: "UPDATE helpers SET name = ?, local = ?, region = ?, email = ? WHERE id = ?",
        arguments: [new.name, new.local, new.region, new.email, old.id])
      try appendEvent(db, at: timestamp(), action: .helperEdited, helperID: old.id, detail: detail, reason: reason)
      return new
    }
  }

  /// Marks a helper inactive (kept with their history) and logs `helper-deactivated`.
  @discardableResult
  public func deactivateHelper(_ id: String, reason: String? = nil) throws -> Helper {
    try requireInert(reason, field: "reason")
    return try write { db in
      var helper = try requireHelper(db, id)
      guard helper.active else { return helper }
      try db.execute(sql: "UPDATE helpers SET active = 0 WHERE id = ?", arguments: [helper.id])
      helper.active = false
      try appendEvent(db, at: timestamp(), action: .helperDeactivated, helperID: helper.id, detail: [:], reason: reason)
      return helper
    }
  }

  /// The helper with this id (ignoring case), or nil.
  public func helper(_ id: String) throws -> Helper? {
    try read { db in try Row.fetchOne(db, sql: "SELECT * FROM helpers WHERE id = ?", arguments: [id]) }
      .map(Helper.init(row:))
  }

  /// The helper, or `RegistryError.unknownHelper` suggesting the closest ids.
  public func requireHelper(_ id: String) throws -> Helper {
    try read { db in try requireHelper(db, id) }
  }

  /// Helpers sorted by id; inactive ones only when `includeInactive`.
  public func helpers(includeInactive: Bool = false) throws -> [Helper] {
    try read { db in
      // Read by position from a cursor: a federation lists 20,000 helpers.
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Helper.columns) FROM helpers h \(includeInactive ? "" : "WHERE h.active = 1 ") \
          ORDER BY h.id COLLATE NOCASE
          """)
      var helpers: [Helper] = []
      while let row = try rows.next() { helpers.append(Helper(columns: row)) }
      return helpers
    }
  }

  /// The id `addHelper` would give a helper with this name now.
  public func proposedID(forName name: String) throws -> String {
    guard let base = HelperIDs.base(forName: name) else { throw RegistryError.cannotMakeID(name) }
    return try read { db in HelperIDs.unique(base, taken: try takenIDs(db)) }
  }

  // MARK: - Internals

  func requireHelper(_ db: Database, _ id: String) throws -> Helper {
    if let row = try Row.fetchOne(db, sql: "SELECT * FROM helpers WHERE id = ?", arguments: [id]) {
      return Helper(row: row)
    }
    let ids = try String.fetchAll(db, sql: "SELECT id FROM helpers ORDER BY id")
    throw RegistryError.unknownHelper(id, suggestions: closestMatches(to: id, among: ids))
  }

  private func takenIDs(_ db: Database) throws -> Set<String> {
    Set(try String.fetchAll(db, sql: "SELECT lower(id) FROM helpers"))
  }

  /// The checks of `insertHelper` that need no database: required fields, characters, the id's form.
  package static func checkFields(_ new: NewHelper) throws {
    let name = try requireText(new.name, field: "name")
    _ = try requireText(new.local, field: "local")
    _ = try requireText(new.region, field: "region")
    if let given = new.id?.trimmingCharacters(in: .whitespaces), !given.isEmpty {
      guard HelperIDs.isValid(given) else { throw RegistryError.invalidHelperID(given) }
    } else if HelperIDs.base(forName: name) == nil {
      throw RegistryError.cannotMakeID(name)
    }
    try requireInert(new.email?.trimmingCharacters(in: .whitespacesAndNewlines), field: "email")
  }

  private func insertHelper(_ db: Database, _ new: NewHelper, at: String, taken: Set<String>) throws -> Helper {
    let helper = try Self.validatedHelper(new, at: at, taken: taken)
    try db.execute(
      sql: "INSERT INTO helpers (id, name, local, region, email, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
      arguments: [helper.id, helper.name, helper.local, helper.region, helper.email, at])
    return helper
  }

  // MARK: - Decisions shared by every store

  /// The helper `new` becomes when added at `at`: fields trimmed and required, the id checked or made from
  /// the name, unique among `taken` (lowercased ids).
  package static func validatedHelper(_ new: NewHelper, at: String, taken: Set<String>) throws -> Helper {
    let name = try requireText(new.name, field: "name")
    let local = try requireText(new.local, field: "local")
    let region = try requireText(new.region, field: "region")
    let id: String
    if let given = new.id?.trimmingCharacters(in: .whitespaces), !given.isEmpty {
      guard HelperIDs.isValid(given) else { throw RegistryError.invalidHelperID(given) }
      guard !taken.contains(given.lowercased()) else { throw RegistryError.duplicateHelperID(given) }
      id = given
    } else {
      guard let base = HelperIDs.base(forName: name) else { throw RegistryError.cannotMakeID(name) }
      id = HelperIDs.unique(base, taken: taken)
    }
    let email = new.email?.trimmingCharacters(in: .whitespacesAndNewlines)
    try requireInert(email, field: "email")
    return Helper(
      id: id, name: name, local: local, region: region, email: email?.isEmpty == false ? email : nil, active: true,
      createdAt: at)
  }

  /// `old` with `changes` applied, and the audit detail of what changed (empty: nothing did).
  package static func edited(_ old: Helper, changes: HelperChanges) throws -> (Helper, [String: String]) {
    var new = old
    if let name = changes.name { new.name = try requireText(name, field: "name") }
    if let local = changes.local { new.local = try requireText(local, field: "local") }
    if let region = changes.region { new.region = try requireText(region, field: "region") }
    if let email = changes.email {
      let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
      try requireInert(trimmed, field: "email")
      new.email = trimmed.isEmpty ? nil : trimmed
    }
    var detail: [String: String] = [:]
    for (field, before, after) in [
      ("name", old.name, new.name), ("local", old.local, new.local), ("region", old.region, new.region),
      ("email", old.email ?? "", new.email ?? ""),
    ] where before != after {
      detail[field] = after
      detail["old_" + field] = before
    }
    return (new, detail)
  }

  private static func requireText(_ text: String, field: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    try requireInert(trimmed, field: field)
    guard !trimmed.isEmpty else { throw field == "name" ? RegistryError.emptyName : RegistryError.emptyField(field) }
    return trimmed
  }

  /// Refuses a text holding a control or bidirectional character, naming the field: what a person types
  /// or imports is never stored with anything that would change how the rest of a line is shown.
  package static func requireInert(_ text: String?, field: String) throws {
    if let character = text?.firstControlOrBidi {
      throw RegistryError.controlCharacter(field: field, character: character)
    }
  }

  /// `Registry.requireInert(_:field:)`.
  func requireInert(_ text: String?, field: String) throws {
    try Self.requireInert(text, field: field)
  }

  package static func helperDetail(_ helper: Helper) -> [String: String] {
    var detail = ["name": helper.name, "local": helper.local, "region": helper.region]
    if let email = helper.email { detail["email"] = email }
    return detail
  }
}
