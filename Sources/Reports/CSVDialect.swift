import CourseModel

/// How Entraide writes CSV: RFC 4180 by default (comma, no byte-order mark, CRLF), or what a French
/// spreadsheet opens by a double click (semicolon, byte-order mark).
public struct CSVDialect: Sendable, Hashable {
  /// The field separator: `,` or `;`.
  public var delimiter: Character
  /// Whether the text starts with a UTF-8 byte-order mark (U+FEFF).
  public var byteOrderMark: Bool

  public init(delimiter: Character = ",", byteOrderMark: Bool = false) {
    self.delimiter = delimiter
    self.byteOrderMark = byteOrderMark
  }

  /// RFC 4180: comma, no byte-order mark.
  public static let rfc4180 = CSVDialect()

  /// One record: fields joined by the delimiter, CRLF at the end.
  public func line(_ fields: [String]) -> String {
    fields.map(quoted).joined(separator: String(delimiter)) + "\r\n"
  }

  /// The header and the records, with the byte-order mark when asked.
  public func document(_ records: [[String]]) -> String {
    (byteOrderMark ? "\u{FEFF}" : "") + records.map(line).joined()
  }

  /// The value, quoted when it holds the delimiter, a quote or a line break; quotes doubled.
  public func quoted(_ value: String) -> String {
    guard value.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A text value made inert for a spreadsheet: control characters removed, and an apostrophe before a
  /// leading `=`, `+`, `-`, `@` (or a tab or carriage return, removed already) so it is shown, never run.
  public static func neutralized(_ value: String) -> String {
    let clean = value.strippingControlCharacters()
    guard let first = clean.first, "=+-@".contains(first) else { return clean }
    return "'" + clean
  }
}
