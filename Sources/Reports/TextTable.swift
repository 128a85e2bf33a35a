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
    let all = ([header] + rows).map { row in row.map { $0.strippingControlCharacters() } }
    var widths = [Int](repeating: 0, count: header.count)
    for row in all {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    return all.map { row in
      var line = ""
      for (index, cell) in row.enumerated() where index < widths.count {
        let padded =
          index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
        line += (index == 0 ? "" : "  ") + padded
      }
      while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}
