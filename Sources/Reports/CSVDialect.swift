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

  /// Appends `quoted(Self.neutralized(value))` as UTF-8; most values are copied as they are.
  func appendText(_ value: String, to out: inout [UInt8]) {
    // A value with no control or bidirectional character, no leading `=+-@`, no quote and no delimiter is
    // neither changed nor quoted: its bytes are copied. Anything else goes through the string functions.
    if let first = value.utf8.first, first != UInt8(ascii: "="), first != UInt8(ascii: "+"),
      first != UInt8(ascii: "-"), first != UInt8(ascii: "@"), isPlain(value.utf8),
      !value.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) || value.firstControlOrBidi == nil
    {
      out.append(contentsOf: value.utf8)
    } else {
      out.append(contentsOf: quoted(Self.neutralized(value)).utf8)
    }
  }

  /// Appends `quoted(field)` for a field the program writes (a status, a date, a number): ASCII.
  func appendField(_ field: some Collection<UInt8>, to out: inout [UInt8]) {
    if isPlain(field) {
      out.append(contentsOf: field)
    } else {
      out.append(contentsOf: quoted(String(decoding: field, as: UTF8.self)).utf8)
    }
  }

  /// Whether UTF-8 bytes hold no quote, carriage return, line feed or delimiter (so need no quotes).
  private func isPlain(_ bytes: some Collection<UInt8>) -> Bool {
    guard let delimiter = delimiter.asciiValue, delimiter != 0x0D, delimiter != 0x0A else { return false }
    return !bytes.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
  }

  /// A text value made inert for a spreadsheet: control characters removed, and an apostrophe before a
  /// leading `=`, `+`, `-`, `@` (or a tab or carriage return, removed already) so it is shown, never run.
  public static func neutralized(_ value: String) -> String {
    let clean = value.strippingControlCharacters()
    guard let first = clean.first, "=+-@".contains(first) else { return clean }
    return "'" + clean
  }
}
