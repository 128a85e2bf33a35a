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
    guard !rows.isEmpty else { return Roster.noRows.text(language) }
    var table = TextTable(header: header(language))
    table.rows.reserveCapacity(rows.count)
    for index in Roster.order(rows) {
      let row = rows[index]
      table.append([
        row.region, row.local, row.name, row.helperID, row.title(language), row.status.label.text(language),
        row.certifiedOn?.description ?? "—", row.validThrough?.description ?? "—",
        row.daysLeft.map(String.init) ?? "—",
      ])
    }
    return table.render() + "\n\n" + Roster.summary(rows).text(language)
  }
}
