import CourseModel

/// The roster as a terminal table, the same for `entraide roster` and the menu's roster view.
public enum RosterTable {
  /// The column headers in `language`.
  public static func header(_ language: Language) -> [String] {
    switch language {
    case .fr:
      [
        "Région", "Syndicat", "Nom", "Identifiant", "Certification", "Statut", "Certifié·e le", "Valide jusqu’au",
        "Jours restants",
      ]
    case .en:
      ["Region", "Local", "Name", "Id", "Certification", "Status", "Certified on", "Valid through", "Days left"]
    }
  }

  /// The rows sorted (region, local, name, certification), a table, then the closing count; or, without rows,
  /// the sentence that says so.
  public static func render(_ rows: [RosterRow], language: Language) -> String {
    String(decoding: bytes(rows, language: language), as: UTF8.self)
  }

  /// `render(_:language:)` as UTF-8 bytes.
  public static func bytes(_ rows: [RosterRow], language: Language) -> [UInt8] {
    guard !rows.isEmpty else { return Array(Roster.noRows.text(language).utf8) }
    var table = TextTable(header: header(language))
    table.rows.reserveCapacity(rows.count)
    // One status word per status, not one per row.
    let labels = Dictionary(
      uniqueKeysWithValues: CertificationStatus.allCases.map { ($0, $0.label.text(language)) })
    // One title per certification, not one per row.
    var titles: [String: String] = [:]
    for index in Roster.order(rows) {
      let title =
        titles[rows[index].certification]
        ?? {
          let title = rows[index].title(language)
          titles[rows[index].certification] = title
          return title
        }()
      table.append([
        rows[index].region, rows[index].local, rows[index].name, rows[index].helperID, title,
        labels[rows[index].status] ?? "", rows[index].certifiedOn?.description ?? "—",
        rows[index].validThrough?.description ?? "—", rows[index].daysLeft.map(String.init) ?? "—",
      ])
    }
    var out = table.bytes()
    out.append(contentsOf: "\n\n".utf8)
    out.append(contentsOf: Roster.summary(rows).text(language).utf8)
    return out
  }
}
