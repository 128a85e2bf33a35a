/// Where an element starts in its source file (1-based line and column).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int = 1) {
    self.line = line
    self.column = column
  }

  public static let unknown = SourceLocation(line: 0, column: 0)

  public var description: String { "\(line):\(column)" }
}
