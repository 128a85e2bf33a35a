import CourseModel

/// A plain text table: a header row and left-aligned columns separated by two spaces.
///
/// Columns are measured in terminal columns (`DisplayWidth`), not characters, so accented, CJK and
/// emoji cells line up.
public struct TextTable: Sendable {
  public var header: [String]
  public var rows: [[String]] = []

  public init(header: [String]) {
    self.header = header
  }

  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The table as lines, every cell stripped of control characters, trailing spaces trimmed.
  public func render() -> String {
    String(decoding: bytes(), as: UTF8.self)
  }

  /// `render()` as UTF-8 bytes.
  public func bytes() -> [UInt8] {
    // Each cell is measured once. Only a cell with a control character is kept stripped (nearly none is);
    // the others are written as they are. The text is written as UTF-8 into one buffer.
    // Text that is not ASCII (accents, the French labels, "—") repeats from row to row: measured once.
    var stripped: [Int: String] = [:]
    var cellWidths: [Int] = []
    cellWidths.reserveCapacity((rows.count + 1) * header.count)
    var widths = [Int](repeating: 0, count: header.count)
    var measuredText: [UTF8Bytes: (width: Int, clean: String?)] = [:]
    var bytes = 0
    for number in -1..<rows.count {
      let row = number < 0 ? header : rows[number]
      for (index, text) in row.enumerated() where index < widths.count {
        let measured: (width: Int, clean: String?)
        if text.utf8.contains(where: { $0 >= 0x80 }) {
          let key = UTF8Bytes(text)
          if let known = measuredText[key] {
            measured = known
          } else {
            measured = Self.measure(text)
            measuredText[key] = measured
          }
        } else {
          measured = Self.measure(text)
        }
        if let clean = measured.clean { stripped[cellWidths.count] = clean }
        widths[index] = max(widths[index], measured.width)
        cellWidths.append(measured.width)
        bytes += measured.clean?.utf8.count ?? text.utf8.count
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes + (rows.count + 1) * (widths.reduce(0, +) + 2 * widths.count))
    var cell = 0
    for number in -1..<rows.count {
      let row = number < 0 ? header : rows[number]
      if number >= 0 { out.append(UInt8(ascii: "\n")) }
      let start = out.count
      for (index, text) in row.enumerated() where index < widths.count {
        if index > 0 { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
        out.append(contentsOf: (stripped.isEmpty ? text : stripped[cell] ?? text).utf8)
        if index != row.count - 1 {
          out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[index] - cellWidths[cell]))
        }
        cell += 1
      }
      while out.count > start, out.last == UInt8(ascii: " ") { out.removeLast() }
    }
    return out
  }

  /// A cell's display width, and its text stripped of control characters when it has any.
  static func measure(_ text: String) -> (width: Int, clean: String?) {
    guard text.hasControlOrBidi else { return (DisplayWidth.of(text), nil) }
    let clean = text.strippingControlCharacters()
    return (DisplayWidth.of(clean), clean)
  }
}
