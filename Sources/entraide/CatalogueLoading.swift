import CourseEngine
import CourseModel
import CourseXML
import Foundation
import Registry

extension GlobalOptions {
  /// The courses folder, every file checked as `entraide validate` checks it (schema, lint, rules across
  /// files, the explorer's role-play checks). A file unchanged since a former run keeps the verdict then
  /// given (`VerdictCacheFile`): the catalogue is the same, only the checks are not run again.
  func loadCatalogue(computesDigests: Bool = true) -> Catalogue {
    let folder = coursesDirectory
    let cacheFile = VerdictCacheFile(folder: folder)
    let catalogue = Catalogue.load(
      folder: folder, loader: CourseLoader(computesDigests: computesDigests), courseChecks: Self.courseChecks(),
      verdicts: cacheFile?.cache)
    cacheFile?.save()
    return catalogue
  }

  /// The courses folder, or the refusal every command gives when it has a problem (exit 2).
  func usableCatalogue() throws -> Catalogue {
    let catalogue = loadCatalogue()
    if let refusal = catalogue.refusal { throw refusal }
    return catalogue
  }

  /// The checks beyond schema and lint: the explorer's, on one explorer for the whole folder.
  static func courseChecks() -> @Sendable (Course, String) -> [Finding] {
    let explorer = Explorer()
    return { course, path in ValidateExploration.findings(for: course, path: path, explorer: explorer) }
  }
}

extension Catalogue {
  /// The one refusal for a folder with problems: every problem, one a line; nil when the folder is usable.
  var refusal: UserError? {
    guard !problems.isEmpty else { return nil }
    let messages = problems.map(\.message)
    return UserError(
      Message(fr: messages.map(\.fr).joined(separator: "\n"), en: messages.map(\.en).joined(separator: "\n")),
      exitCode: 2)
  }

  /// What the registry needs of the catalogue (no course model built).
  var courseIndex: CourseIndex { CourseIndex(entries: entries, certifications: certifications) }

  /// The course named by `argument`: a course id of the folder, or the path of a course file (one outside
  /// the folder gets the same checks).
  func course(named argument: String, language: Language) throws -> Course {
    if let course = course(argument) { return course }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
      let url = URL(fileURLWithPath: argument)
      let path = url.standardizedFileURL.resolvingSymlinksInPath().path
      if let file = files.first(where: { URL(fileURLWithPath: $0.path).resolvingSymlinksInPath().path == path }),
        let course = file.course, file.isLoaded
      {
        return course
      }
      let outside = CourseLoader().validate(paths: [argument], courseChecks: GlobalOptions.courseChecks())
      guard let course = outside.files.first?.course, outside.errorCount == 0 else {
        // Outside the folder, `entraide validate` alone would not show why: the errors come first.
        for finding in outside.findings where finding.severity == .error {
          printError(finding.formatted(language))
        }
        throw UserError(Catalogue.Problem.refusedCourse(argument).message, exitCode: 2)
      }
      return course
    }
    if argument.contains("/") || argument.hasSuffix(".xml") {
      throw UserError(
        Message(
          fr: "Le fichier de cours « \(argument) » n'existe pas.", en: "The course file '\(argument)' does not exist."),
        exitCode: 2)
    }
    let known = courses.map(\.id)
    throw UserError(
      Message(
        fr:
          "Aucun cours « \(argument) » dans le dossier des cours « \(folder.path) ». Cours disponibles : \(known.isEmpty ? "aucun" : known.joined(separator: ", ")).",
        en:
          "No course '\(argument)' in the courses folder '\(folder.path)'. Available courses: \(known.isEmpty ? "none" : known.joined(separator: ", "))."
      ),
      exitCode: 2)
  }
}
