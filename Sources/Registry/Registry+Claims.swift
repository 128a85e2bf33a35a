import Foundation
import GRDB

/// Who runs an attempt: one process on one host. `token` is drawn at start-up, so a pid reused later by
/// another process never passes for the holder.
public struct Claimant: Sendable, Hashable {
  public var host: String
  public var pid: Int32
  public var token: String

  public init(host: String, pid: Int32, token: String) {
    self.host = host
    self.pid = pid
    self.token = token
  }
}

/// The holder of an in-progress attempt, as the registry keeps it (table `attempt_claims`).
public struct AttemptClaim: Sendable, Hashable {
  public var attemptID: Int64
  public var holder: Claimant
  /// ISO 8601 (UTC) timestamps, like the audit log's.
  public var claimedAt: String
  public var renewedAt: String

  public init(attemptID: Int64, holder: Claimant, claimedAt: String, renewedAt: String) {
    self.attemptID = attemptID
    self.holder = holder
    self.claimedAt = claimedAt
    self.renewedAt = renewedAt
  }

  init(row: Row) {
    self.init(
      attemptID: row["attempt_id"],
      holder: Claimant(host: row["host"], pid: Int32(row["pid"] as Int64), token: row["token"]),
      claimedAt: row["claimed_at"], renewedAt: row["renewed_at"])
  }

  /// Whether the holder is gone: on `host` (this machine) its process no longer exists, or, on any host,
  /// the claim was not renewed for `staleAfter` seconds.
  public func isStale(
    now: Date, host: String, processExists: (Int32) -> Bool, staleAfter: TimeInterval
  ) -> Bool {
    if holder.host == host, !processExists(holder.pid) { return true }
    guard let renewed = Registry.date(fromTimestamp: renewedAt) else { return true }
    return now.timeIntervalSince(renewed) > staleAfter
  }
}

/// How `startOrResumeAttempt` claims the attempt it returns.
public struct ClaimRequest: Sendable {
  public var claimant: Claimant
  /// End another live holder's claim (`run --take-over`).
  public var takeOver: Bool
  /// Whether an existing claim is stale (taken over without `takeOver`); see `AttemptClaim.isStale`.
  public var isStale: @Sendable (AttemptClaim) -> Bool

  public init(claimant: Claimant, takeOver: Bool, isStale: @escaping @Sendable (AttemptClaim) -> Bool) {
    self.claimant = claimant
    self.takeOver = takeOver
    self.isStale = isStale
  }
}

extension Registry {
  /// The claim on an attempt, or nil when no process holds it.
  public func claim(attemptID: Int64) throws -> AttemptClaim? {
    try read { db in try claim(db, attemptID) }
  }

  /// Marks the claim as still held now; throws `RegistryError.claimLost` when another process took it.
  public func renewClaim(attemptID: Int64, claimant: Claimant) throws {
    try write { db in
      try requireClaim(db, attemptID, claimant)
      try db.execute(
        sql: "UPDATE attempt_claims SET renewed_at = ? WHERE attempt_id = ?", arguments: [timestamp(), attemptID])
    }
  }

  /// Gives the attempt back (paused, interrupted): the next `run` resumes it without asking. Nothing
  /// happens when another process holds it.
  public func releaseClaim(attemptID: Int64, claimant: Claimant) throws {
    try write { db in
      try db.execute(
        sql: "DELETE FROM attempt_claims WHERE attempt_id = ? AND token = ?", arguments: [attemptID, claimant.token])
    }
  }

  // MARK: - Internals

  func claim(_ db: Database, _ attemptID: Int64) throws -> AttemptClaim? {
    try Row.fetchOne(db, sql: "SELECT * FROM attempt_claims WHERE attempt_id = ?", arguments: [attemptID])
      .map(AttemptClaim.init(row:))
  }

  /// Takes the attempt for `request.claimant`; returns the live claim it ended (`takeOver`), or nil.
  ///
  /// Another live holder without `takeOver` throws `RegistryError.attemptOpenElsewhere`.
  func takeClaim(_ db: Database, _ attemptID: Int64, _ request: ClaimRequest) throws -> AttemptClaim? {
    let at = timestamp()
    var ended: AttemptClaim?
    if let current = try claim(db, attemptID), current.holder.token != request.claimant.token,
      !request.isStale(current)
    {
      guard request.takeOver else { throw RegistryError.attemptOpenElsewhere(current) }
      ended = current
    }
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO attempt_claims (attempt_id, token, host, pid, claimed_at, renewed_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        attemptID, request.claimant.token, request.claimant.host, Int64(request.claimant.pid), at, at,
      ])
    return ended
  }

  /// Throws `RegistryError.claimLost` unless `claimant` holds the attempt (no claimant: no check).
  func requireClaim(_ db: Database, _ attemptID: Int64, _ claimant: Claimant?) throws {
    guard let claimant else { return }
    let current = try claim(db, attemptID)
    guard current?.holder.token == claimant.token else { throw RegistryError.claimLost(current) }
  }

  /// The date of an audit timestamp (`2026-11-22T14:03:00Z`), or nil.
  static func date(fromTimestamp text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
