import CourseModel

/// The roster as CSV (RFC 4180): a header row, then one row per helper and certification.
///
/// Lines end with CRLF; a field with a comma, a quote or a line break is quoted, quotes doubled.
/// Control characters are removed from every value. A text value (id, name, local, region, certification)
/// that starts with `=`, `+`, `-` or `@` gets a leading apostrophe, so a spreadsheet shows it as text
/// instead of running it as a formula; `days_left` is a number the program writes and is never changed.
public enum RosterCSV {
  /// The column names, in order (DESIGN §7).
  public static let columns = [
    "helper_id", "name", "local", "region", "certification", "status", "certified_on", "valid_through", "days_left",
  ]

  /// The rows, sorted like the table, with the header row; UTF-8 text without a byte-order mark.
  public static func render(_ rows: [RosterRow]) -> String {
    var lines = [columns.joined(separator: ",")]
    for row in Roster.sorted(rows) {
      let text = [row.helperID, row.name, row.local, row.region, row.certification].map { quoted(neutralized($0)) }
      let other = [
        row.status.rawValue, row.certifiedOn?.description ?? "", row.validThrough?.description ?? "",
        row.daysLeft.map(String.init) ?? "",
      ]
      lines.append((text + other).joined(separator: ","))
    }
    return lines.map { $0 + "\r\n" }.joined()
  }

  /// The value without control characters, with an apostrophe before a leading `=`, `+`, `-` or `@`.
  static func neutralized(_ value: String) -> String {
    let clean = value.strippingControlCharacters()
    guard let first = clean.first, "=+-@".contains(first) else { return clean }
    return "'" + clean
  }

  /// The value, quoted when it holds a comma, a quote or a line break.
  static func quoted(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
