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
    let ranks = [
      CollationKey.ranks(rows.map(\.region)), CollationKey.ranks(rows.map(\.local)),
      CollationKey.ranks(rows.map(\.name)), CollationKey.ranks(rows.map(\.certification)),
      CollationKey.ranks(rows.map(\.helperID)),
    ]
    let order = rows.indices.sorted { a, b in
      for field in ranks where field[a] != field[b] { return field[a] < field[b] }
      return false
    }
    return order.map { rows[$0] }
  }

  /// The order summaries list the statuses in: certified first, never last.
  public static let summaryOrder: [CertificationStatus] = [.certified, .due, .expired, .lapsed, .inTraining, .never]

  /// How many rows have each status, in `summaryOrder`.
  public static func counts(_ rows: [RosterRow]) -> [(status: CertificationStatus, count: Int)] {
    summaryOrder.map { status in (status, rows.filter { $0.status == status }.count) }
  }

  /// The number of different helpers among the rows.
  public static func helperCount(_ rows: [RosterRow]) -> Int {
    Set(rows.map { $0.helperID.lowercased() }).count
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
