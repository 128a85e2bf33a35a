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
    // Each cell is stripped and measured once; the text is written as UTF-8 into one buffer.
    var cells: [String] = []
    var cellWidths: [Int] = []
    var widths = [Int](repeating: 0, count: header.count)
    var bytes = 0
    for number in -1..<rows.count {
      let row = number < 0 ? header : rows[number]
      for (index, cell) in row.enumerated() where index < widths.count {
        let clean = cell.strippingControlCharacters()
        let width = DisplayWidth.of(clean)
        widths[index] = max(widths[index], width)
        cells.append(clean)
        cellWidths.append(width)
        bytes += clean.utf8.count
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes + (rows.count + 1) * (widths.reduce(0, +) + 2 * widths.count))
    var cell = 0
    for number in -1..<rows.count {
      let row = number < 0 ? header : rows[number]
      if number >= 0 { out.append(UInt8(ascii: "\n")) }
      let start = out.count
      for index in row.indices where index < widths.count {
        if index > 0 { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
        out.append(contentsOf: cells[cell].utf8)
        if index != row.count - 1 {
          out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[index] - cellWidths[cell]))
        }
        cell += 1
      }
      while out.count > start, out.last == UInt8(ascii: " ") { out.removeLast() }
    }
    return out
  }
}
