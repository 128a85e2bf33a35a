import CourseModel

/// The roster as CSV (RFC 4180 unless a `CSVDialect` says otherwise): a header row, then one row per helper
/// and certification.
///
/// Lines end with CRLF; a field with the delimiter, a quote or a line break is quoted, quotes doubled.
/// Control characters are removed from every value. A text value (id, name, local, region, certification)
/// that starts with `=`, `+`, `-` or `@` gets a leading apostrophe, so a spreadsheet shows it as text
/// instead of running it as a formula; `days_left` is a number the program writes and is never changed.
public enum RosterCSV {
  /// The column names, in order (DESIGN §7).
  public static let columns = [
    "helper_id", "name", "local", "region", "certification", "status", "certified_on", "valid_through", "days_left",
  ]

  /// The rows, sorted like the table, with the header row, in `dialect` (RFC 4180 unless told).
  public static func render(_ rows: [RosterRow], dialect: CSVDialect = .rfc4180) -> String {
    var records = [columns]
    for row in Roster.sorted(rows) {
      let text = [row.helperID, row.name, row.local, row.region, row.certification].map(CSVDialect.neutralized)
      let other = [
        row.status.rawValue, row.certifiedOn?.description ?? "", row.validThrough?.description ?? "",
        row.daysLeft.map(String.init) ?? "",
      ]
      records.append(text + other)
    }
    return dialect.document(records)
  }
}
