import Foundation
import PostgresNIO
import Registry

/// One role's scope as `access list` shows it.
public struct AccessEntry: Sendable, Hashable {
  public var role: String
  public var regions: [String]
  public var locals: [String]
  public var readOnly: Bool

  public init(role: String, regions: [String], locals: [String], readOnly: Bool) {
    self.role = role
    self.regions = regions
    self.locals = locals
    self.readOnly = readOnly
  }
}

/// What `access grant` did.
public struct AccessGrantResult: Sendable, Hashable {
  /// The role's whole scope after the grant.
  public var entry: AccessEntry
  /// Regions of the grant no helper is in (yet): allowed, and said.
  public var emptyRegions: [String]
  /// Locals of the grant no helper is in (yet).
  public var emptyLocals: [String]
}

extension PostgresRegistry {
  /// Gives `role` the helpers of `regions` and `locals` (added to any scope it had); `readOnly` then applies to
  /// the whole scope. The registry's owner only. The server's privileges and row-level security enforce it.
  public func grantAccess(role: String, regions: [String], locals: [String], readOnly: Bool) throws
    -> AccessGrantResult
  {
    let role = try checkedRole(role)
    let regions = Self.cleaned(regions)
    let locals = Self.cleaned(locals)
    return try manageAccess {
      let at = timestamp()
      for region in regions {
        try connection.execute(
          """
          INSERT INTO access_scopes (role, region, local, read_only, granted_at, granted_by)
          VALUES (\(role), \(region), NULL, \(readOnly), \(at), \(actor)) ON CONFLICT DO NOTHING
          """)
      }
      for local in locals {
        try connection.execute(
          """
          INSERT INTO access_scopes (role, region, local, read_only, granted_at, granted_by)
          VALUES (\(role), NULL, \(local), \(readOnly), \(at), \(actor)) ON CONFLICT DO NOTHING
          """)
      }
      try connection.execute("UPDATE access_scopes SET read_only = \(readOnly) WHERE role = \(role)")
      let quoted = Self.quotedIdentifier(role)
      try connection.execute(
        PostgresQuery(
          unsafeSQL:
            "GRANT SELECT ON helpers, attempts, cycles, events, attempt_claims, entraide_schema, access_scopes TO \(quoted)"
        ))
      if readOnly {
        try connection.execute(
          PostgresQuery(
            unsafeSQL:
              "REVOKE INSERT, UPDATE, DELETE ON helpers, attempts, cycles, events, attempt_claims FROM \(quoted)"))
        try connection.execute(
          PostgresQuery(unsafeSQL: "REVOKE USAGE ON ALL SEQUENCES IN SCHEMA public FROM \(quoted)"))
      } else {
        try connection.execute(PostgresQuery(unsafeSQL: "GRANT INSERT, UPDATE ON helpers, attempts TO \(quoted)"))
        try connection.execute(PostgresQuery(unsafeSQL: "GRANT INSERT ON cycles, events TO \(quoted)"))
        try connection.execute(
          PostgresQuery(unsafeSQL: "GRANT INSERT, UPDATE, DELETE ON attempt_claims TO \(quoted)"))
        try connection.execute(PostgresQuery(unsafeSQL: "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(quoted)"))
      }
      var detail = ["role": role, "read_only": readOnly ? "yes" : "no"]
      if !regions.isEmpty { detail["regions"] = regions.joined(separator: "; ") }
      if !locals.isEmpty { detail["locals"] = locals.joined(separator: "; ") }
      try appendEvent(at: at, action: .accessGranted, helperID: nil, detail: detail, reason: nil)
      var emptyRegions: [String] = []
      for region in regions
      where try connection.query("SELECT 1 FROM helpers WHERE lower(region) = lower(\(region)) LIMIT 1").isEmpty {
        emptyRegions.append(region)
      }
      var emptyLocals: [String] = []
      for local in locals
      where try connection.query("SELECT 1 FROM helpers WHERE lower(local) = lower(\(local)) LIMIT 1").isEmpty {
        emptyLocals.append(local)
      }
      let entry =
        try accessEntries().first { $0.role == role }
        ?? AccessEntry(
          role: role, regions: regions, locals: locals, readOnly: readOnly)
      return AccessGrantResult(entry: entry, emptyRegions: emptyRegions, emptyLocals: emptyLocals)
    }
  }

  /// Every role with a scope, sorted by role. The registry's owner only.
  public func accessList() throws -> [AccessEntry] {
    try manageAccess { try accessEntries() }
  }

  /// Takes away `role`'s whole scope and its privileges on the registry. The registry's owner only.
  public func revokeAccess(role: String) throws {
    let role = try checkedRole(role, mustExist: false)
    try manageAccess {
      let removed = try connection.execute("DELETE FROM access_scopes WHERE role = \(role)")
      guard removed > 0 else { throw ServerRegistryError.roleHasNoScope(role) }
      if try !connection.query("SELECT 1 FROM pg_roles WHERE rolname = \(role)").isEmpty {
        let quoted = Self.quotedIdentifier(role)
        try connection.execute(
          PostgresQuery(
            unsafeSQL:
              "REVOKE ALL ON helpers, attempts, cycles, events, attempt_claims, entraide_schema, access_scopes FROM \(quoted)"
          ))
        try connection.execute(
          PostgresQuery(unsafeSQL: "REVOKE USAGE ON ALL SEQUENCES IN SCHEMA public FROM \(quoted)"))
      }
      try appendEvent(at: timestamp(), action: .accessRevoked, helperID: nil, detail: ["role": role], reason: nil)
    }
  }

  // MARK: - Internals

  /// Runs `body` in one transaction, for the registry's owner only.
  private func manageAccess<T>(_ body: () throws -> T) throws -> T {
    if scope != nil { throw ServerRegistryError.ownerOnly(role: url.user, owner: owner) }
    return try write(body)
  }

  private func accessEntries() throws -> [AccessEntry] {
    var entries: [String: AccessEntry] = [:]
    for row in try connection.query(
      "SELECT role::text, region, local, read_only FROM access_scopes ORDER BY role, region, local")
    {
      let (role, region, local, readOnly) = try row.decode((String, String?, String?, Bool).self)
      var entry = entries[role] ?? AccessEntry(role: role, regions: [], locals: [], readOnly: readOnly)
      if let region { entry.regions.append(region) }
      if let local { entry.locals.append(local) }
      entry.readOnly = entry.readOnly && readOnly
      entries[role] = entry
    }
    return entries.values.sorted { $0.role < $1.role }
  }

  /// The role name, checked: well formed, known to the server (unless `mustExist` is false), neither the
  /// registry's owner nor a superuser.
  private func checkedRole(_ text: String, mustExist: Bool = true) throws -> String {
    let role = text.trimmingCharacters(in: .whitespaces)
    let valid =
      !role.isEmpty && role.count <= 63 && role.first.map { $0.isASCII && ($0.isLowercase || $0 == "_") } == true
      && role.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    guard valid else { throw ServerRegistryError.invalidRoleName(text) }
    guard mustExist else { return role }
    let rows = try connection.query(
      "SELECT rolsuper OR rolbypassrls OR rolname = \(owner) FROM pg_roles WHERE rolname = \(role)")
    guard let seesAll = try rows.first?.decode(Bool.self) else { throw ServerRegistryError.unknownRole(role) }
    if seesAll { throw ServerRegistryError.roleSeesEverything(role) }
    return role
  }

  /// Trimmed, without empties and repeats, in the order given.
  private static func cleaned(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
      !$0.isEmpty && seen.insert($0.lowercased()).inserted
    }
  }

  /// `name` as an SQL identifier: in double quotes, inner quotes doubled.
  static func quotedIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
