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
    var text = columns.joined(separator: ",") + "\r\n"
    text.reserveCapacity(text.utf8.count + rows.count * 100)
    for row in Roster.sorted(rows) {
      for value in [row.helperID, row.name, row.local, row.region, row.certification] {
        text += quoted(neutralized(value))
        text += ","
      }
      text += row.status.rawValue
      text += ","
      text += row.certifiedOn?.description ?? ""
      text += ","
      text += row.validThrough?.description ?? ""
      text += ","
      text += row.daysLeft.map(String.init) ?? ""
      text += "\r\n"
    }
    return text
  }

  /// The value without control characters, with an apostrophe before a leading `=`, `+`, `-` or `@`.
  static func neutralized(_ value: String) -> String {
    let clean = value.strippingControlCharacters()
    // The first byte rules most values out without reading a whole character.
    guard let byte = clean.utf8.first, "=+-@".utf8.contains(byte), let first = clean.first, "=+-@".contains(first)
    else { return clean }
    return "'" + clean
  }

  /// The value, quoted when it holds a comma, a quote or a line break.
  static func quoted(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
