import CourseModel

/// What `entraide test` prints: one block per course file, then the count of courses passed and failed.
public struct TestReport: Sendable {
  /// One course file's outcome.
  public enum Entry: Sendable {
    /// The engine checked the course: its verdict and its report (`CourseCheck.report(language:)`).
    case checked(passed: Bool, lines: [String])
    /// The file did not load: its course id (or its path when it has none) and its errors, each formatted.
    case refused(name: String, errors: [String])

    var passed: Bool {
      if case .checked(let passed, _) = self { return passed }
      return false
    }
  }

  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries
  }

  public var passed: Int { entries.filter(\.passed).count }
  public var failed: Int { entries.count - passed }

  /// The whole text, one line each, control characters removed, ending with a newline.
  public func render(language: Language) -> String {
    var lines: [String] = []
    for entry in entries {
      switch entry {
      case .checked(_, let report):
        lines += report
      case .refused(let name, let errors):
        let reason = Message(
          fr: "ne passe pas la validation : corrigez les erreurs ci-dessous",
          en: "does not validate: fix the errors below")
        lines.append("FAIL \(name) (\(reason.text(language)))")
        lines += errors.map { "  " + $0 }
      }
    }
    lines += Self.closing(passed: passed, failed: failed, language: language)
    return lines.map { $0.strippingControlCharacters() }.joined(separator: "\n") + "\n"
  }

  /// `N passed, N failed`, after its French form when the interface is French (scripts read the last line).
  static func closing(passed: Int, failed: Int, language: Language) -> [String] {
    let english = "\(passed) passed, \(failed) failed"
    guard language == .fr else { return [english] }
    let french = "\(passed) cours réussi\(passed > 1 ? "s" : ""), \(failed) échoué\(failed > 1 ? "s" : "")"
    return [french, english]
  }
}
