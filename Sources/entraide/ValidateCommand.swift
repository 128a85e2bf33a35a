import ArgumentParser
import CourseEngine
import CourseModel
import CourseXML
import Foundation
import Reports

/// `entraide validate [PATH…]`: schema and lint findings for course files.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: Message(
      fr: "Vérifier les fichiers de cours selon le schéma et les règles de contrôle.",
      en: "Check course files against the schema and the lint rules."
    ).help,
    discussion: Message(
      fr: """
        Une ligne par constat, `chemin:ligne:col: error|warning: message`, puis un résumé. Code de sortie : \
        0 aucune erreur, 1 des erreurs, 2 mauvais usage ou chemin illisible. Voir docs/validate.md.
        """,
      en: """
        One line per finding, `path:line:col: error|warning: message`, then a summary. Exit status: 0 no error, \
        1 errors, 2 bad usage or an unreadable path. See docs/validate.md.
        """
    ).help
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @OptionGroup var global: GlobalOptions

  @Option(name: .long, help: .local(fr: "Format de sortie : text ou json.", en: "Output format: text or json."))
  var format: Format = .text

  @Argument(
    help: .local(
      fr: "Fichiers ou dossiers de cours (par défaut : le dossier des cours).",
      en: "Course files or folders (default: the courses folder)."))
  var paths: [String] = []

  func run() async throws {
    try await global.reportingErrors { () throws -> Void in
      try Self.execute(courses: global.courses, language: global.language, format: format, paths: paths)
    }
  }

  /// Validates `paths` (default: the courses folder), prints the report and exits: 0 no error, 1 errors,
  /// 2 an unusable path. Throws a `UserError` when there is nothing to validate.
  static func execute(courses: String?, language: Language, format: Format, paths: [String]) throws -> Never {
    let coursesDirectory = GlobalOptions.coursesDirectory(courses)
    var targets = paths
    if targets.isEmpty {
      if let problem = Catalogue.folderProblem(coursesDirectory) {
        throw UserError(problem.message, exitCode: 2)
      }
      targets = [displayPath(coursesDirectory)]
    }
    let loader = CourseLoader(computesDigests: false)
    let report =
      paths.isEmpty
      ? Catalogue.load(
        folder: URL(fileURLWithPath: targets[0]), loader: loader, courseChecks: GlobalOptions.courseChecks()
      ).report
      : loader.validate(paths: targets, courseChecks: GlobalOptions.courseChecks())
    let output = render(report, format: format, language: language)
    try StandardOutput.write(Data(output.utf8))
    let status: Int32 = !report.unusablePaths.isEmpty ? 2 : report.errorCount > 0 ? 1 : 0
    // The process ends here: freeing every course model first would only add to the run's time.
    withExtendedLifetime(report) { Foundation.exit(status) }
  }

  /// A path relative to the current folder when inside it, for short, clickable finding lines.
  static func displayPath(_ url: URL) -> String {
    let current = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    if path == current { return "." }
    if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
    return path
  }

  static func render(_ report: ValidationReport, format: Format, language: Language) -> String {
    switch format {
    case .text:
      var lines = report.findings.map { $0.formatted(language) }
      lines.append(
        summary(files: report.files.count, errors: report.errorCount, warnings: report.warningCount).text(language))
      return lines.joined(separator: "\n") + "\n"
    case .json:
      let document = JSONReport(report, language: language)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
      return RosterJSON.inert(String(decoding: data, as: UTF8.self)) + "\n"
    }
  }

  /// "3 files checked: 2 errors, 1 warning" / « 3 fichiers vérifiés : 2 erreurs, 1 avertissement ».
  static func summary(files: Int, errors: Int, warnings: Int) -> Message {
    let filesEN = files == 1 ? "1 file checked" : "\(files) files checked"
    let errorsEN = errors == 1 ? "1 error" : "\(errors) errors"
    let warningsEN = warnings == 1 ? "1 warning" : "\(warnings) warnings"
    // French: 0 and 1 take the singular.
    let filesFR = files <= 1 ? "\(files) fichier vérifié" : "\(files) fichiers vérifiés"
    let errorsFR = errors <= 1 ? "\(errors) erreur" : "\(errors) erreurs"
    let warningsFR = warnings <= 1 ? "\(warnings) avertissement" : "\(warnings) avertissements"
    return Message(fr: "\(filesFR) : \(errorsFR), \(warningsFR)", en: "\(filesEN): \(errorsEN), \(warningsEN)")
  }
}

/// The JSON form of a report (field names are a contract: see docs/validate.md).
struct JSONReport: Encodable {
  struct Item: Encodable {
    var path: String
    var line: Int
    var column: Int
    var severity: String
    var code: String
    var message: String
    var messages: [String: String]
  }

  var files: [String]
  var errors: Int
  var warnings: Int
  var findings: [Item]

  init(_ report: ValidationReport, language: Language) {
    files = report.files.map(\.path)
    errors = report.errorCount
    warnings = report.warningCount
    findings = report.findings.map { finding in
      Item(
        path: finding.path, line: finding.location.line, column: finding.location.column,
        severity: finding.severity.rawValue, code: finding.code, message: finding.message.text(language),
        messages: ["fr": finding.message.fr, "en": finding.message.en])
    }
  }
}
