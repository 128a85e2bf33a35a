import CourseModel
import Foundation

/// A courses folder, loaded once: every file's verdict, the courses that may be used, the certifications,
/// and what keeps the folder from being used.
///
/// The one policy of every command: a folder with a problem (`problems` not empty) is refused whole, with the
/// same message, by `run`, `record`, `status`, `roster`, `courses` and the menu; `validate` and `test`
/// report it. The schemas are the built-in ones (see `BuiltInSchemas`).
public struct Catalogue: Sendable {
  /// One file of the folder and its verdict.
  public struct File: Sendable, Hashable {
    public var path: String
    /// The course or certifications the file holds, when it could be read at all.
    public var content: CourseFile?
    /// The file's own findings, those of the rules across files, and the course checks, in line order.
    public var findings: [Finding]

    public init(path: String, content: CourseFile?, findings: [Finding]) {
      self.path = path
      self.content = content
      self.findings = findings
    }

    /// Loaded: readable, and no error in `findings`.
    public var isLoaded: Bool { content != nil && !findings.hasErrors }
    public var course: Course? { if case .course(let course) = content { course } else { nil } }
  }

  /// What keeps the folder from being used.
  public enum Problem: Sendable, Hashable {
    case missingFolder(String)
    case missingCertifications(String)
    case brokenCertifications(String)
    case refusedCourse(String)
    case duplicateCourse(id: String, paths: [String])
    case noCourse(String)
  }

  public var folder: URL
  /// Every `*.xml` of the folder, by name.
  public var files: [File]
  /// The findings of every file, as `entraide validate` prints them.
  public var report: ValidationReport
  /// The loaded courses, by id.
  public var courses: [Course]
  /// The loaded certifications (empty when `certifications.xml` is missing or refused).
  public var certifications: CertificationCatalog
  public var problems: [Problem]

  /// The name of the certifications file in a courses folder.
  public static let certificationsFileName = "certifications.xml"

  /// Loads `folder` with `loader` (built-in schemas by default); `courseChecks` adds findings for each course
  /// with no error of its own (the engine's explorer, which this module cannot import). `verdicts` (with
  /// `courseChecks`) spares checking again the files it knows: the catalogue is the same with or without it.
  public static func load(
    folder: URL, loader: CourseLoader = CourseLoader(),
    courseChecks: (@Sendable (Course, String) -> [Finding])? = nil, verdicts: VerdictCache? = nil
  ) -> Catalogue {
    // Paths as the user gave them (a relative folder stays relative), in messages and findings alike.
    let shown = folder.relativePath
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      return Catalogue(
        folder: folder, files: [], report: ValidationReport(files: [], findings: [], unusablePaths: [shown]),
        courses: [], certifications: CertificationCatalog(), problems: [.missingFolder(shown)])
    }
    let report = loader.validate(paths: [shown], courseChecks: courseChecks, verdicts: verdicts)
    let files = report.files.map { result in
      File(path: result.path, content: result.file, findings: report.findings.filter { $0.path == result.path })
    }
    var problems: [Problem] = []
    let certificationsPath = folder.appendingPathComponent(certificationsFileName).relativePath
    let certificationsFile = files.first { $0.path == certificationsPath }
    var certifications = CertificationCatalog()
    if let certificationsFile {
      if certificationsFile.isLoaded, case .certifications(let catalog) = certificationsFile.content {
        certifications = catalog
      } else {
        problems.append(.brokenCertifications(certificationsPath))
      }
    } else {
      problems.append(.missingCertifications(certificationsPath))
    }
    let courseFiles = files.filter { $0.path != certificationsPath }
    let byID = Dictionary(grouping: courseFiles.filter { $0.course != nil }, by: { $0.course!.id })
    let duplicated = Set(byID.filter { $0.value.count > 1 }.keys)
    for file in courseFiles where !file.isLoaded {
      // A file refused only for sharing its id is named by the duplicate problem.
      let errors = file.findings.filter { $0.severity == .error }
      if let id = file.course?.id, duplicated.contains(id), errors.allSatisfy({ $0.code == "duplicate-id" }) {
        continue
      }
      problems.append(.refusedCourse(file.path))
    }
    for id in duplicated.sorted() {
      problems.append(.duplicateCourse(id: id, paths: byID[id]!.map(\.path)))
    }
    // With no course at all, what the certifications file names is missing too: one problem says it all.
    if courseFiles.isEmpty { problems = [.noCourse(shown)] }
    let courses = courseFiles.filter { $0.isLoaded }.compactMap(\.course).sorted { $0.id < $1.id }
    return Catalogue(
      folder: folder, files: files, report: report, courses: courses, certifications: certifications,
      problems: problems)
  }

  /// The loaded course with this id.
  public func course(_ id: String) -> Course? { courses.first { $0.id == id } }

  /// The file a course id comes from, loaded or not.
  public func file(forCourse id: String) -> File? { files.first { $0.course?.id == id } }
}

extension Catalogue.Problem {
  /// One sentence naming the file, the same from every command.
  public var message: Message {
    switch self {
    case .missingFolder(let path):
      Message(
        fr: "Le dossier des cours « \(path) » n’existe pas ; indiquez-le avec --courses.",
        en: "The courses folder “\(path)” does not exist; give it with --courses.")
    case .missingCertifications(let path):
      Message(
        fr: "Le fichier des certifications « \(path) » est introuvable ; il dit ce que chaque cours certifie.",
        en: "The certifications file “\(path)” is missing; it says what each course certifies.")
    case .brokenCertifications(let path):
      Message(
        fr: "Le fichier des certifications « \(path) » ne passe pas la validation ; entraide validate dit pourquoi.",
        en: "The certifications file “\(path)” fails validation; entraide validate shows why.")
    case .refusedCourse(let path):
      Message(
        fr: "Le cours « \(path) » ne passe pas la validation ; entraide validate dit pourquoi.",
        en: "The course “\(path)” fails validation; entraide validate shows why.")
    case .duplicateCourse(let id, let paths):
      Message(
        fr:
          "Le cours « \(id) » est défini dans plusieurs fichiers : \(paths.map { "« \($0) »" }.joined(separator: ", ")) ; "
          + "donnez un identifiant distinct à chaque cours.",
        en: "The course “\(id)” is defined in several files: \(paths.map { "“\($0)”" }.joined(separator: ", ")); "
          + "give each course its own id.")
    case .noCourse(let path):
      Message(
        fr: "Le dossier des cours « \(path) » ne contient aucun fichier de cours.",
        en: "The courses folder “\(path)” holds no course file.")
    }
  }
}
