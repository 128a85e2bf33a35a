import CourseModel
import Crypto
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
    /// The file's own findings, those of the rules across files, and the course checks, in line order.
    public var findings: [Finding]
    /// The course the file holds, known without building its model (nil: not a course, or unreadable).
    public var entry: CourseEntry?
    /// Whether the file's model was built, or can be (readable, valid against its schema).
    let isReadable: Bool
    let model: Model

    public init(path: String, content: CourseFile?, findings: [Finding]) {
      self.init(path: path, findings: findings, entry: content?.course.map(CourseEntry.init), model: Model(content))
    }

    init(path: String, findings: [Finding], entry: CourseEntry?, model: Model) {
      self.path = path
      self.findings = findings
      self.entry = entry
      self.model = model
      isReadable = model.isReadable
    }

    /// The course or certifications the file holds, when it could be read at all (built when first asked).
    public var content: CourseFile? { model.content }
    /// Loaded: readable, and no error in `findings`.
    public var isLoaded: Bool { isReadable && !findings.hasErrors }
    public var course: Course? { content?.course }

    public static func == (lhs: File, rhs: File) -> Bool {
      lhs.path == rhs.path && lhs.findings == rhs.findings && lhs.entry == rhs.entry && lhs.content == rhs.content
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(path)
      hasher.combine(findings)
      hasher.combine(entry)
    }
  }

  /// A file's model, built when first asked for when the file's verdict was kept.
  final class Model: @unchecked Sendable {
    private let lock = NSLock()
    private var built: CourseFile??
    private let build: @Sendable () -> CourseFile?
    let isReadable: Bool
    /// The file's own findings (its `LoadResult`'s).
    let own: [Finding]?

    init(_ content: CourseFile?, own: [Finding]? = nil) {
      built = .some(content)
      build = { content }
      isReadable = content != nil
      self.own = own
    }

    init(own: [Finding], build: @escaping @Sendable () -> CourseFile?) {
      built = nil
      self.build = build
      isReadable = true
      self.own = own
    }

    /// Whether `content` was built (or given).
    var isBuilt: Bool {
      lock.lock()
      defer { lock.unlock() }
      return built != nil
    }

    var content: CourseFile? {
      lock.lock()
      defer { lock.unlock() }
      if let built { return built }
      let content = build()
      built = .some(content)
      return content
    }
  }

  /// What keeps the folder from being used.
  public enum Problem: Sendable, Hashable {
    case missingFolder(String)
    case notAFolder(String)
    case missingCertifications(String)
    case brokenCertifications(String)
    case refusedCourse(String)
    case duplicateCourse(id: String, paths: [String])
    case noCourse(String)
  }

  public var folder: URL
  /// Every `*.xml` of the folder, by name.
  public var files: [File]
  /// Paths that could not be used, and the findings not about one file (an unreadable folder).
  private var unusablePaths: [String]
  private var folderFindings: [Finding]
  /// The loaded certifications (empty when `certifications.xml` is missing or refused).
  public var certifications: CertificationCatalog
  public var problems: [Problem]

  /// The name of the certifications file in a courses folder.
  public static let certificationsFileName = "certifications.xml"

  /// The findings of every file, as `entraide validate` prints them (every model built).
  public var report: ValidationReport {
    ValidationReport(
      files: files.map { LoadResult(path: $0.path, file: $0.content, findings: $0.model.own ?? $0.findings) },
      findings: folderFindings + files.flatMap(\.findings), unusablePaths: unusablePaths)
  }

  /// The loaded courses, known without their models, by id.
  public var entries: [CourseEntry] {
    files.filter(\.isLoaded).compactMap(\.entry).sorted { $0.id < $1.id }
  }

  /// The loaded courses, by id (every model built, on every processor when some are not yet).
  public var courses: [Course] {
    let loaded = files.filter(\.isLoaded)
    let courses =
      loaded.allSatisfy(\.model.isBuilt)
      ? loaded.map(\.course) : concurrentMap(loaded.count) { loaded[$0].course }
    return courses.compactMap { $0 }.sorted { $0.id < $1.id }
  }

  /// Loads `folder` with `loader` (built-in schemas by default); `courseChecks` adds findings for each course
  /// with no error of its own (the engine's explorer, which this module cannot import). `verdicts` (with
  /// `courseChecks`) spares checking again the files it knows, and building the models of a folder it knows
  /// until they are asked for: the catalogue is the same with or without it.
  public static func load(
    folder: URL, loader: CourseLoader = CourseLoader(),
    courseChecks: (@Sendable (Course, String) -> [Finding])? = nil, verdicts: VerdictCache? = nil
  ) -> Catalogue {
    // Paths as the user gave them (a relative folder stays relative), in messages and findings alike.
    let shown = folder.relativePath
    if let problem = folderProblem(folder) {
      return Catalogue(
        folder: folder, files: [], unusablePaths: [shown], folderFindings: [], certifications: CertificationCatalog(),
        problems: [problem])
    }
    guard let verdicts, courseChecks != nil, loader.schemaDirectory == nil else {
      return assembled(folder, loader.validate(paths: [shown], courseChecks: courseChecks))
    }
    let known = KnownFolder(shown, loader: loader, verdicts: verdicts)
    if let known, let files = known.files() {
      return assembled(folder, files: files, unusablePaths: [], folderFindings: [])
    }
    let catalogue = assembled(folder, loader.validate(paths: [shown], courseChecks: courseChecks, verdicts: verdicts))
    known?.keep(catalogue)
    return catalogue
  }

  /// What keeps `folder` from being a courses folder at all: missing, or not a folder; nil when it is one.
  public static func folderProblem(_ folder: URL) -> Problem? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
      return .missingFolder(folder.relativePath)
    }
    return isFolder.boolValue ? nil : .notAFolder(folder.relativePath)
  }

  /// The catalogue of a folder's validation report.
  private static func assembled(_ folder: URL, _ report: ValidationReport) -> Catalogue {
    let paths = Set(report.files.map(\.path))
    let files = report.files.map { result in
      File(
        path: result.path, findings: report.findings.filter { $0.path == result.path },
        entry: result.course.map(CourseEntry.init), model: Model(result.file, own: result.findings))
    }
    return assembled(
      folder, files: files, unusablePaths: report.unusablePaths,
      folderFindings: report.findings.filter { !paths.contains($0.path) })
  }

  /// The catalogue of a folder's files: its certifications and what keeps it from being used.
  private static func assembled(
    _ folder: URL, files: [File], unusablePaths: [String], folderFindings: [Finding]
  ) -> Catalogue {
    let shown = folder.relativePath
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
    let byID = Dictionary(grouping: courseFiles.filter { $0.entry != nil }, by: { $0.entry!.id })
    let duplicated = Set(byID.filter { $0.value.count > 1 }.keys)
    for file in courseFiles where !file.isLoaded {
      // A file refused only for sharing its id is named by the duplicate problem.
      let errors = file.findings.filter { $0.severity == .error }
      if let id = file.entry?.id, duplicated.contains(id), errors.allSatisfy({ $0.code == "duplicate-id" }) {
        continue
      }
      problems.append(.refusedCourse(file.path))
    }
    for id in duplicated.sorted() {
      problems.append(.duplicateCourse(id: id, paths: byID[id]!.map(\.path)))
    }
    // With no course at all, what the certifications file names is missing too: one problem says it all.
    if courseFiles.isEmpty { problems = [.noCourse(shown)] }
    return Catalogue(
      folder: folder, files: files, unusablePaths: unusablePaths, folderFindings: folderFindings,
      certifications: certifications, problems: problems)
  }

  /// The loaded course with this id (its model built when first asked for).
  public func course(_ id: String) -> Course? { files.first { $0.isLoaded && $0.entry?.id == id }?.course }

  /// The file a course id comes from, loaded or not.
  public func file(forCourse id: String) -> File? { files.first { $0.entry?.id == id } }
}

/// A courses folder read through the kept verdicts: its files' bytes and digests, and the key of its verdict.
private struct KnownFolder {
  struct Read {
    var url: URL
    var bytes: [UInt8]
    var digest: String
  }

  let loader: CourseLoader
  let verdicts: VerdictCache
  let reads: [Read]
  let key: String

  /// The folder's files read; nil when one cannot be (the whole validation says why).
  init?(_ shown: String, loader: CourseLoader, verdicts: VerdictCache) {
    guard let entries = CourseLoader.xmlEntries(ofFolder: shown) else { return nil }
    let files = entries.filter { !$0.isFolder }.map(\.url)
    let reads: [Read?] = concurrentMap(files.count) { index in
      guard case .success(let bytes) = loader.read(files[index]) else { return nil }
      return Read(url: files[index], bytes: bytes, digest: hexadecimal(SHA256.hash(data: bytes)))
    }
    guard reads.allSatisfy({ $0 != nil }) else { return nil }
    self.loader = loader
    self.verdicts = verdicts
    self.reads = reads.compactMap { $0 }
    var digests: [String: String] = [:]
    for read in self.reads { digests[read.url.lastPathComponent] = read.digest }
    key = verdicts.folderKey(entries.map { ($0.url.lastPathComponent, digests[$0.url.lastPathComponent]) })
  }

  /// The folder's files from its kept verdict, their models built when asked for; nil when none is kept.
  func files() -> [Catalogue.File]? {
    guard let verdict = verdicts.folderVerdict(key), verdict.files.map(\.name) == reads.map(\.url.lastPathComponent)
    else { return nil }
    let loader = loader
    return zip(verdict.files, reads).map { kept, read in
      // The verdicts of the files themselves stay kept for when one of them changes.
      _ = verdicts.verdict(verdicts.key(fileName: kept.name, digest: read.digest))
      let path = read.url.relativePath
      let digest = loader.computesDigests ? read.digest : ""
      var entry = kept.course
      entry?.digest = digest
      return Catalogue.File(
        path: path, findings: VerdictCache.Verdict.restoring(kept.findings, path: path), entry: entry,
        model: Catalogue.Model(own: VerdictCache.Verdict.restoring(kept.own, path: path)) {
          loader.buildChecked(bytes: read.bytes, from: read.url, digest: digest)
            ?? loader.load(bytes: read.bytes, from: read.url, expecting: nil, digest: digest).file
        })
    }
  }

  /// Keeps the verdict of `catalogue`, loaded from the files as read here, when it has no error.
  func keep(_ catalogue: Catalogue) {
    guard catalogue.problems.isEmpty, catalogue.files.count == reads.count else { return }
    var kept: [VerdictCache.FolderVerdict.File] = []
    for (file, read) in zip(catalogue.files, reads) {
      // The files validated must be the very bytes read here: a file changed meanwhile keeps nothing.
      let digest: String?
      switch file.content {
      case .course(let course): digest = course.digest
      case .certifications(let catalog): digest = catalog.digest
      case nil: digest = nil
      }
      guard file.path == read.url.relativePath, digest == read.digest, !file.findings.hasErrors,
        let own = VerdictCache.Verdict.stripping(file.model.own ?? [], path: file.path),
        let findings = VerdictCache.Verdict.stripping(file.findings, path: file.path)
      else { return }
      var entry = file.entry
      entry?.digest = ""
      kept.append(.init(name: read.url.lastPathComponent, own: own, findings: findings, course: entry))
    }
    verdicts.record(VerdictCache.FolderVerdict(files: kept), folderKey: key)
  }
}

extension Catalogue.Problem {
  /// One sentence naming the file, the same from every command.
  public var message: Message {
    switch self {
    case .missingFolder(let path):
      Message(
        fr: "Le dossier des cours « \(path) » n’existe pas ; indiquez-le avec --courses.",
        en: "The courses folder “\(path)” does not exist; give it with --courses.")
    case .notAFolder(let path):
      Message(
        fr: "« \(path) » n’est pas un dossier ; indiquez le dossier des cours avec --courses.",
        en: "“\(path)” is not a folder; give the courses folder with --courses.")
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
