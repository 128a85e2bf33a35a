import CourseModel
import Foundation

/// One row of the roster: one active helper and one certification.
public struct RosterRow: Sendable, Hashable {
  public var helperID: String
  public var name: String
  /// The union local (syndicat).
  public var local: String
  public var region: String
  /// The certification's id (`entraidant`).
  public var certification: String
  /// The certification's title, shown in the table and the HTML page.
  public var certificationTitle: LocalizedText
  public var status: CertificationStatus
  /// The current cycle's dates; all nil when the helper has no cycle.
  public var certifiedOn: CalendarDate?
  public var validThrough: CalendarDate?
  public var windowOpens: CalendarDate?
  /// Days from today to validThrough (0 on the last valid day, negative once expired); nil without a cycle.
  public var daysLeft: Int?

  public init(
    helperID: String, name: String, local: String, region: String, certification: String,
    certificationTitle: LocalizedText = LocalizedText(), status: CertificationStatus, certifiedOn: CalendarDate? = nil,
    validThrough: CalendarDate? = nil, windowOpens: CalendarDate? = nil, daysLeft: Int? = nil
  ) {
    self.helperID = helperID
    self.name = name
    self.local = local
    self.region = region
    self.certification = certification
    self.certificationTitle = certificationTitle
    self.status = status
    self.certifiedOn = certifiedOn
    self.validThrough = validThrough
    self.windowOpens = windowOpens
    self.daysLeft = daysLeft
  }

  /// The certification's title in `language`, else the other language, else its id.
  public func title(_ language: Language) -> String {
    certificationTitle.text(language.rawValue, fallbacks: ["fr", "en"]) ?? certification
  }
}

/// Sorting and counting rows, shared by every format.
public enum Roster {
  /// The rows by region, local, name, certification id (ignoring case and accents), then helper id.
  ///
  /// Each field's distinct values are ranked once (`CollationKey`); rows are then sorted by those ranks,
  /// not by folding strings at every comparison.
  public static func sorted(_ rows: [RosterRow]) -> [RosterRow] {
    order(rows).map { rows[$0] }
  }

  /// The indices of `rows` in the order of `sorted(_:)`.
  public static func order(_ rows: [RosterRow]) -> [Int] {
    let ranks = [
      CollationKey.ranks(rows.map(\.region)), CollationKey.ranks(rows.map(\.local)),
      CollationKey.ranks(rows.map(\.name)), CollationKey.ranks(rows.map(\.certification)),
      CollationKey.ranks(rows.map(\.helperID)),
    ]
    // Ranks are below the row count: three fit in one 64-bit key and two in another when that is under 2^21.
    let bits = 21
    guard rows.count < 1 << bits else {
      return rows.indices.sorted { a, b in
        for field in ranks where field[a] != field[b] { return field[a] < field[b] }
        return false
      }
    }
    var keys: [(high: UInt64, low: UInt64, index: Int)] = []
    keys.reserveCapacity(rows.count)
    for index in rows.indices {
      keys.append(
        (
          UInt64(ranks[0][index]) << (2 * bits) | UInt64(ranks[1][index]) << bits | UInt64(ranks[2][index]),
          UInt64(ranks[3][index]) << bits | UInt64(ranks[4][index]), index
        ))
    }
    keys.sort { a, b in a.high != b.high ? a.high < b.high : a.low < b.low }
    return keys.map(\.index)
  }

  /// The order summaries list the statuses in: certified first, never last.
  public static let summaryOrder: [CertificationStatus] = [.certified, .due, .expired, .lapsed, .inTraining, .never]

  /// How many rows have each status, in `summaryOrder`.
  public static func counts(_ rows: [RosterRow]) -> [(status: CertificationStatus, count: Int)] {
    var count: [CertificationStatus: Int] = [:]
    for row in rows { count[row.status, default: 0] += 1 }
    return summaryOrder.map { status in (status, count[status] ?? 0) }
  }

  /// The number of different helpers among the rows.
  public static func helperCount(_ rows: [RosterRow]) -> Int {
    var seen = Set<String>()
    var previous: String?
    for row in rows where row.helperID != previous {
      // A helper's rows are next to each other: the same id is lowercased and looked up once.
      previous = row.helperID
      seen.insert(row.helperID.lowercased())
    }
    return seen.count
  }

  /// The closing line of the table: the rows, the helpers and the count of each status.
  public static func summary(_ rows: [RosterRow]) -> Message {
    guard !rows.isEmpty else { return noRows }
    let count = Dictionary(uniqueKeysWithValues: counts(rows).map { ($0.status, $0.count) })
    let n = { (status: CertificationStatus) in count[status] ?? 0 }
    let helpers = helperCount(rows)
    return Message(
      fr:
        "Lignes : \(rows.count) (entraidant·es : \(helpers)). Certifié·es : \(n(.certified)) ; à renouveler : \(n(.due)) ; expiré·es : \(n(.expired)) ; périmé·es : \(n(.lapsed)) ; en formation : \(n(.inTraining)) ; jamais formé·es : \(n(.never)).",
      en:
        "Rows: \(rows.count) (peer helpers: \(helpers)). Certified: \(n(.certified)); due: \(n(.due)); expired: \(n(.expired)); lapsed: \(n(.lapsed)); in training: \(n(.inTraining)); never trained: \(n(.never))."
    )
  }

  /// Said instead of an empty table.
  public static let noRows = Message(
    fr: "Aucun·e entraidant·e ne correspond à ces critères.", en: "No peer helper matches these criteria.")

  /// The title of the roster on `today`.
  public static func title(today: CalendarDate) -> Message {
    Message(fr: "Registre des entraidant·es au \(today)", en: "Peer-helper roster as of \(today)")
  }

}
