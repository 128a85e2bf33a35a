import CourseModel

/// One problem found in a course or certifications file, where it is and what to change.
public struct Finding: Sendable, Hashable, Codable {
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
  }

  /// The file as the user named it (or as found in a folder they named).
  public var path: String
  /// Line and column (1-based); `SourceLocation.unknown` (0:0) when the problem is the whole file.
  public var location: SourceLocation
  public var severity: Severity
  /// A stable identifier of the rule (`schema`, `unknown-scene`…), documented in docs/validate.md.
  public var code: String
  public var message: Message

  public init(path: String, location: SourceLocation, severity: Severity = .error, code: String, message: Message) {
    self.path = path
    self.location = location
    self.severity = severity
    self.code = code
    self.message = message
  }

  /// `path:line:col: error: message`, the form editors jump to; `path: error: message` without a location.
  public func formatted(_ language: Language) -> String {
    let text = message.text(language).strippingControlCharacters()
    let safePath = path.strippingControlCharacters()
    if location == .unknown {
      return "\(safePath): \(severity.rawValue): \(text)"
    }
    return "\(safePath):\(location.line):\(location.column): \(severity.rawValue): \(text)"
  }
}

extension Finding {
  /// Findings in file order: by path as given, then line, then column.
  static func fileOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.location.line != rhs.location.line { return lhs.location.line < rhs.location.line }
    if lhs.location.column != rhs.location.column { return lhs.location.column < rhs.location.column }
    return false
  }
}

extension Array where Element == Finding {
  /// Whether any finding is an error (a file with errors must not be run).
  public var hasErrors: Bool { contains { $0.severity == .error } }
  public var errorCount: Int { count { $0.severity == .error } }
  public var warningCount: Int { count { $0.severity == .warning } }
}
