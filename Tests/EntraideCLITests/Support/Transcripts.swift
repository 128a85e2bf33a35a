import Foundation
import Testing

/// Exact expected transcripts of end-to-end runs, kept in `Fixtures/transcripts/NAME.txt`.
///
/// A transcript is compared whole. Only what cannot be the same from one run to the next is replaced before
/// comparing: the temporary folder's path by `{ROOT}`, the package's by `{PACKAGE}` and registry timestamps (`2026-12-02T10:11:12Z`) by
/// `{TIME}`. `ENTRAIDE_UPDATE_TRANSCRIPTS=1 swift test --skip-build --filter X` writes the fixtures anew
/// (then read the diff with `git diff` before committing them).
enum Transcript {
  static let directory = Entraide.packageRoot.appendingPathComponent("Tests/EntraideCLITests/Fixtures/transcripts")

  /// `text` with the parts that vary between runs replaced by their placeholders (`replacing` first: pairs of a
  /// value of this run, such as a process id, and its placeholder).
  static func normalized(_ text: String, root: URL? = nil, replacing: [(String, String)] = []) -> String {
    var result = text
    for (value, placeholder) in replacing { result = result.replacingOccurrences(of: value, with: placeholder) }
    if let root {
      // `/tmp/…` and the `/private/tmp/…` it may resolve to.
      result = result.replacingOccurrences(of: root.resolvingSymlinksInPath().path, with: "{ROOT}")
      result = result.replacingOccurrences(of: root.path, with: "{ROOT}")
    }
    result = result.replacingOccurrences(of: Entraide.packageRoot.path, with: "{PACKAGE}")
    return result.replacingOccurrences(
      of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, with: "{TIME}", options: .regularExpression)
  }

  /// Expects `actual` (normalized) to equal the fixture `name` exactly; on a difference, records a unified diff.
  static func expect(
    _ actual: String, equals name: String, root: URL? = nil, replacing: [(String, String)] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let text = normalized(actual, root: root, replacing: replacing)
    let file = directory.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["ENTRAIDE_UPDATE_TRANSCRIPTS"] == "1" {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? text.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record("No transcript fixture \(file.path)", sourceLocation: sourceLocation)
      return
    }
    if text != expected {
      Issue.record(
        "The transcript differs from \(name).txt (- expected, + actual):\n\(diff(expected, text))",
        sourceLocation: sourceLocation)
    }
  }

  /// Expects `actual` (normalized) to equal `expected` exactly; on a difference, records a unified diff.
  static func expect(
    _ actual: String, equalsText expected: String, root: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let text = normalized(actual, root: root)
    if text != expected {
      Issue.record(
        "The output differs (- expected, + actual):\n\(diff(expected, text))", sourceLocation: sourceLocation)
    }
  }

  /// A line diff of `expected` and `actual` from `diff -u`, or the first differing line without it.
  static func diff(_ expected: String, _ actual: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transcript-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let left = folder.appendingPathComponent("expected")
    let right = folder.appendingPathComponent("actual")
    if (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
      (try? expected.write(to: left, atomically: true, encoding: .utf8)) != nil,
      (try? actual.write(to: right, atomically: true, encoding: .utf8)) != nil,
      let result = try? Entraide.run(
        ["diff", "-u", "--label", "expected", "--label", "actual", left.path, right.path],
        executable: URL(fileURLWithPath: "/usr/bin/env")), result.status == 1
    {
      return result.stdout
    }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let index =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    return "line \(index + 1):\n- \(index < expectedLines.count ? expectedLines[index] : "(end)")\n+ "
      + (index < actualLines.count ? actualLines[index] : "(end)")
  }
}
