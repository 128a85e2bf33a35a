import CourseModel
import CourseXML
import Foundation

/// Finding and loading course files for the runner and the menu.
enum CourseFiles {
  /// A loader that finds the schemas in the courses folder, else in the installed courses.
  static func loader(global: GlobalOptions) -> CourseLoader {
    CourseLoader(
      schemaDirectory: global.coursesDirectory.appendingPathComponent("schema"),
      fallbackSchemaDirectories: [GlobalOptions.installedCoursesDirectory.appendingPathComponent("schema")])
  }

  /// The course named by `argument` (the path of a file, or a course id in the courses folder), validated:
  /// a file that fails validation is refused with its findings on standard error (exit 2).
  static func loadForRun(_ argument: String, global: GlobalOptions) throws -> Course {
    let loader = loader(global: global)
    let url = try locate(argument, global: global, loader: loader)
    let (course, loadFindings) = loader.loadCourse(at: url)
    // The same checks as `entraide validate`: schema, lint, then the explorer's (a role-play no run can pass).
    let findings = loadFindings + (course.map { ValidateExploration.findings(for: $0, path: url.path) } ?? [])
    guard let course, !findings.hasErrors else {
      for finding in findings { printError(finding.formatted(global.language)) }
      throw UserError(
        Message(
          fr:
            "Le cours « \(url.path) » ne passe pas la validation : corrigez les erreurs ci-dessus avant de le suivre.",
          en: "The course '\(url.path)' fails validation: fix the errors above before running it."),
        exitCode: 2)
    }
    return course
  }

  /// The file for a path or a course id: `<courses>/<id>.xml`, else the file whose course has that id.
  private static func locate(_ argument: String, global: GlobalOptions, loader: CourseLoader) throws -> URL {
    let files = FileManager.default
    var isDirectory: ObjCBool = false
    if files.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
      return URL(fileURLWithPath: argument)
    }
    if argument.contains("/") || argument.hasSuffix(".xml") {
      throw UserError(
        Message(
          fr: "Le fichier de cours « \(argument) » n'existe pas.", en: "The course file '\(argument)' does not exist."),
        exitCode: 2)
    }
    let directory = global.coursesDirectory
    let named = directory.appendingPathComponent("\(argument).xml")
    if files.fileExists(atPath: named.path) { return named }
    let candidates = courseFiles(in: directory)
    for url in candidates where loader.loadCourse(at: url).course?.id == argument { return url }
    let known = candidates.compactMap { loader.loadCourse(at: $0).course?.id }.sorted()
    throw UserError(
      Message(
        fr:
          "Aucun cours « \(argument) » dans le dossier des cours « \(directory.path) ». Cours disponibles : \(known.isEmpty ? "aucun" : known.joined(separator: ", ")).",
        en:
          "No course '\(argument)' in the courses folder '\(directory.path)'. Available courses: \(known.isEmpty ? "none" : known.joined(separator: ", "))."
      ),
      exitCode: 2)
  }

  /// The `.xml` files of a folder except `certifications.xml`, by name.
  private static func courseFiles(in directory: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".xml") && $0 != "certifications.xml" }.sorted().map {
      directory.appendingPathComponent($0)
    }
  }

  /// Every course of the courses folder that loads with no error, by id.
  static func all(global: GlobalOptions) -> [Course] {
    let loader = loader(global: global)
    return courseFiles(in: global.coursesDirectory).compactMap { url in
      let (course, findings) = loader.loadCourse(at: url)
      return findings.hasErrors ? nil : course
    }.sorted { $0.id < $1.id }
  }

  /// The names of the course files of the courses folder that do not load without error.
  static func invalidFiles(global: GlobalOptions) -> [String] {
    let loader = loader(global: global)
    return courseFiles(in: global.coursesDirectory).filter { url in
      let (course, findings) = loader.loadCourse(at: url)
      return course == nil || findings.hasErrors
    }.map(\.lastPathComponent)
  }

  /// The certifications of the courses folder (`certifications.xml`); none when the file is missing.
  static func certifications(global: GlobalOptions) throws -> CertificationCatalog {
    let url = global.coursesDirectory.appendingPathComponent("certifications.xml")
    guard FileManager.default.fileExists(atPath: url.path) else { return CertificationCatalog() }
    let (catalog, findings) = loader(global: global).loadCertifications(at: url)
    guard let catalog, !findings.hasErrors else {
      for finding in findings { printError(finding.formatted(global.language)) }
      throw UserError(
        Message(
          fr: "Le fichier des certifications « \(url.path) » ne passe pas la validation.",
          en: "The certifications file '\(url.path)' fails validation."),
        exitCode: 2)
    }
    return catalog
  }
}
