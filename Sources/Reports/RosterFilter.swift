import CourseModel
import Foundation

/// Which roster rows an executive asked for: `roster --local --region --status --due-within`.
public struct RosterFilter: Sendable, Hashable {
  /// Exact, ignoring case and the spaces around it; nil keeps every local.
  public var local: String?
  public var region: String?
  /// Empty keeps every status.
  public var statuses: Set<CertificationStatus>
  /// Days ahead: keeps the rows to renew within them (see `isDue`); nil keeps every row.
  public var dueWithin: Int?

  public init(
    local: String? = nil, region: String? = nil, statuses: Set<CertificationStatus> = [], dueWithin: Int? = nil
  ) {
    self.local = local
    self.region = region
    self.statuses = statuses
    self.dueWithin = dueWithin
  }

  /// The rows kept, in their order.
  public func apply(_ rows: [RosterRow]) -> [RosterRow] {
    rows.filter { row in
      Self.matches(row.local, local) && Self.matches(row.region, region)
        && (statuses.isEmpty || statuses.contains(row.status))
        && (dueWithin.map { Self.isDue(row, within: $0) } ?? true)
    }
  }

  /// Whether a row is one to renew within `days` days: a certified or due row whose last valid day is at
  /// most `days` days away, or an expired row (a renewal still counts). Never, in-training and lapsed rows
  /// are not: they need the initial path, not a renewal.
  public static func isDue(_ row: RosterRow, within days: Int) -> Bool {
    switch row.status {
    case .certified, .due: (row.daysLeft ?? Int.max) <= days
    case .expired: true
    case .never, .inTraining, .lapsed: false
    }
  }

  /// Exact match ignoring case (accents count) and the filter's surrounding spaces; no filter matches everything.
  public static func matches(_ value: String, _ filter: String?) -> Bool {
    guard let filter else { return true }
    return value.lowercased() == filter.trimmingCharacters(in: .whitespaces).lowercased()
  }
}
