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
    String(decoding: bytes(rows, dialect: dialect), as: UTF8.self)
  }

  /// `render(_:dialect:)` as UTF-8 bytes, written into one buffer without a string per field.
  public static func bytes(_ rows: [RosterRow], dialect: CSVDialect = .rfc4180) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(128 + rows.count * 96)
    if dialect.byteOrderMark { out.append(contentsOf: "\u{FEFF}".utf8) }
    out.append(contentsOf: dialect.line(columns).utf8)
    let separator = Array(String(dialect.delimiter).utf8)
    var number: [UInt8] = []
    for index in Roster.order(rows) {
      let row = rows[index]
      dialect.appendText(row.helperID, to: &out)
      out.append(contentsOf: separator)
      dialect.appendText(row.name, to: &out)
      out.append(contentsOf: separator)
      dialect.appendText(row.local, to: &out)
      out.append(contentsOf: separator)
      dialect.appendText(row.region, to: &out)
      out.append(contentsOf: separator)
      dialect.appendText(row.certification, to: &out)
      out.append(contentsOf: separator)
      dialect.appendField(row.status.rawValue.utf8, to: &out)
      for date in [row.certifiedOn, row.validThrough] {
        out.append(contentsOf: separator)
        if let date {
          number.removeAll(keepingCapacity: true)
          date.appendISO(to: &number)
          dialect.appendField(number, to: &out)
        }
      }
      out.append(contentsOf: separator)
      if let days = row.daysLeft { dialect.appendField(String(days).utf8, to: &out) }
      out.append(UInt8(ascii: "\r"))
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }
}
