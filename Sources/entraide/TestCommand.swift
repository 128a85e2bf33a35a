import ArgumentParser
import CourseEngine
import CourseModel
import CourseXML
import Foundation
import Reports

/// `entraide test [COURSE…]`: plays every role-play path and runs each quiz under many seeds.
struct TestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: Message(
      fr: "Jouer tous les chemins des mises en situation et des tirages de questionnaires.",
      en: "Auto-play every role-play path and seeded quiz runs."
    ).help,
    discussion: Message(
      fr: """
        Une ligne par cours, PASS ou FAIL, avec les raisons et les remarques en retrait ; la dernière ligne \
        est toujours `N passed, N failed`, précédée de sa forme française. Code de sortie : 0 tous réussis, \
        1 un cours impossible à réussir, une impasse ou une partie inatteignable, 2 mauvais usage ou aucun cours. \
        Voir docs/engine.md.
        """,
      en: """
        One line per course, PASS or FAIL, with indented reasons and notes; the last line is always \
        `N passed, N failed` (in French, a French line comes just before it). Exit status: 0 every course \
        passed, 1 a course cannot be passed, has a dead end or an unreachable part, 2 bad usage or no course. \
        See docs/engine.md.
        """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(
    name: .long,
    help: .local(fr: "Nombre de tirages par quiz (200 par défaut).", en: "Seeds to run each quiz under (default: 200).")
  )
  var seeds: Int = 200

  @Argument(
    help: .local(
      fr: "Fichiers, dossiers ou identifiants de cours (par défaut : tous les cours du dossier des cours).",
      en: "Course files, folders or course ids (default: every course in the courses folder).", valueName: "course"))
  var courseNames: [String] = []

  func run() async throws {
    try await global.reportingErrors {
      let language = global.language
      guard seeds >= 1 else {
        throw UserError(
          Message(fr: "--seeds doit valoir au moins 1", en: "--seeds must be at least 1"), exitCode: 2)
      }
      let coursesDirectory = global.coursesDirectory
      let files = try Self.courseFiles(courseNames, coursesDirectory: coursesDirectory)
      // The courses folder is read as every command reads it (rules across files included); named files alone.
      let loaded: [Catalogue.File] =
        courseNames.isEmpty
        ? Catalogue.load(folder: coursesDirectory).files
        : files.map { url in
          let result = CourseLoader().load(at: url)
          return Catalogue.File(path: result.path, content: result.file, findings: result.findings)
        }
      let explorer = Explorer()
      let report = TestReport(
        entries: loaded.compactMap { file in
          if case .certifications = file.content { return nil }  // certifications.xml: nothing to play
          return Self.entry(file, explorer: explorer, seeds: seeds, language: language)
        })
      guard !report.entries.isEmpty else {
        throw UserError(
          Message(
            fr: "aucun fichier de cours dans « \(coursesDirectory.path) » ; donnez des fichiers ou --courses",
            en: "no course file in '\(coursesDirectory.path)'; name files or use --courses"),
          exitCode: 2)
      }
      try StandardOutput.write(Data(report.render(language: language).utf8))
      if report.failed > 0 { throw ExitCode(1) }
    }
  }

  /// The files named (a folder stands for its `*.xml`; a name that is not a path, for `<courses>/<name>.xml`),
  /// or every `*.xml` of the courses folder.
  static func courseFiles(_ names: [String], coursesDirectory: URL) throws -> [URL] {
    let manager = FileManager.default
    func xmlFiles(in folder: URL) throws -> [URL] {
      guard let entries = try? manager.contentsOfDirectory(atPath: folder.path) else {
        throw UserError(
          Message(
            fr: "le dossier « \(folder.path) » est illisible", en: "the folder '\(folder.path)' cannot be read"),
          exitCode: 2)
      }
      return entries.filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted().map {
        folder.appendingPathComponent($0)
      }
    }
    if names.isEmpty {
      if let problem = Catalogue.folderProblem(coursesDirectory) {
        throw UserError(problem.message, exitCode: 2)
      }
      return try xmlFiles(in: coursesDirectory)
    }
    var files: [URL] = []
    for name in names {
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: name, isDirectory: &isDirectory) {
        files += isDirectory.boolValue ? try xmlFiles(in: URL(fileURLWithPath: name)) : [URL(fileURLWithPath: name)]
        continue
      }
      let byID = coursesDirectory.appendingPathComponent("\(name).xml")
      guard !name.contains("/"), manager.fileExists(atPath: byID.path) else {
        throw UserError(
          Message(
            fr: "« \(name) » n'est ni un fichier ni un cours de « \(coursesDirectory.path) »",
            en: "'\(name)' is neither a file nor a course in '\(coursesDirectory.path)'"),
          exitCode: 2)
      }
      files.append(byID)
    }
    return files
  }

  /// One file's entry: the engine's verdict and report, or the errors that keep the course from loading.
  static func entry(_ result: Catalogue.File, explorer: Explorer, seeds: Int, language: Language) -> TestReport.Entry {
    let errors = result.findings.filter { $0.severity == .error }
    guard let course = result.course, errors.isEmpty else {
      return .refused(name: result.course?.id ?? result.path, errors: errors.map { $0.formatted(language) })
    }
    let check = explorer.check(course, quizSeeds: seeds)
    return .checked(passed: check.passed, lines: check.report(language: language))
  }
}
