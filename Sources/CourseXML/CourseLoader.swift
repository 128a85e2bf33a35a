import CLibXML2
import CourseModel
import Crypto
import Foundation

/// What a file turned out to hold.
public enum CourseFile: Sendable, Hashable {
  case course(Course)
  case certifications(CertificationCatalog)

  public var course: Course? { if case .course(let course) = self { course } else { nil } }
}

/// One file read: what it holds (nil when it could not be read or broke the schema) and its findings.
public struct LoadResult: Sendable, Hashable {
  /// The file as the user named it.
  public var path: String
  public var file: CourseFile?
  public var findings: [Finding]

  public var course: Course? { file?.course }

  public var catalog: CertificationCatalog? {
    if case .certifications(let catalog) = file { return catalog }
    return nil
  }
}

/// Reads course and certifications files: safe parsing, XSD validation, model building and lint.
///
/// The schemas (`course.xsd`, `certifications.xsd`) are the ones built into the program, or those of
/// `schemaDirectory` when given (an author trying an edited XSD); each is compiled once per loader. Thread-safe: the schema cache is locked, and everything else is per call.
public final class CourseLoader: @unchecked Sendable {
  public static let courseNamespace = "urn:entraide:course:1"
  public static let certificationNamespace = "urn:entraide:certification:1"

  /// Larger files are refused unread (a course is a few hundred kilobytes at most).
  public static let maximumFileSize = 16 * 1024 * 1024

  /// Where the XSDs are read from; nil: the ones built into the program (`BuiltInSchemas`).
  public let schemaDirectory: URL?
  /// Whether each course and catalog gets its `digest` (SHA-256 of the file), which runs and records need;
  /// validation alone does not, and the digest costs half as much as building the model.
  public let computesDigests: Bool
  /// Compiled schemas by XSD path, under `schemasLock`.
  private var schemas: [String: SchemaSlot] = [:]
  private let schemasLock = NSLock()

  public init(schemaDirectory: URL? = nil, computesDigests: Bool = true) {
    _ = libxmlSetUp
    self.schemaDirectory = schemaDirectory
    self.computesDigests = computesDigests
  }

  /// Reads a course file. The course is nil when the file is unreadable, not XML or breaks the schema;
  /// it is given with lint findings otherwise. Never run a course whose findings have errors.
  public func loadCourse(at url: URL) -> (course: Course?, findings: [Finding]) {
    let result = load(at: url, expecting: .course)
    return (result.course, result.findings)
  }

  /// Reads a certifications file (see `loadCourse`).
  public func loadCertifications(at url: URL) -> (catalog: CertificationCatalog?, findings: [Finding]) {
    let result = load(at: url, expecting: .certifications)
    return (result.catalog, result.findings)
  }

  /// Reads a course or certifications file, recognized by its root element and namespace.
  public func load(at url: URL) -> LoadResult { load(at: url, expecting: nil) }

  enum Kind {
    case course
    case certifications

    var schemaFile: String { self == .course ? "course.xsd" : "certifications.xsd" }
  }

  func load(at url: URL, expecting: Kind?) -> LoadResult {
    switch read(url) {
    case .success(let bytes): load(bytes: bytes, from: url, expecting: expecting)
    case .failure(let failed): failed.result
    }
  }

  /// A file that could not be read, and its finding.
  struct Unread: Error {
    var result: LoadResult
  }

  /// The bytes of a regular file, or the finding of a path that cannot be read (missing, a folder, too large…).
  func read(_ url: URL) -> Result<[UInt8], Unread> {
    let path = url.relativePath
    func fail(_ code: String, _ message: Message) -> Result<[UInt8], Unread> {
      .failure(
        Unread(
          result: LoadResult(
            path: path, file: nil,
            findings: [Finding(path: path, location: .unknown, code: code, message: message)])))
    }

    // The path itself: one stat (following links); only regular files are read, since reading a pipe or a
    // device could block or never end.
    var status = stat()
    guard stat(url.path, &status) == 0 else {
      switch errno {
      case EACCES: return fail("unreadable", Messages.unreadable(path))
      case ELOOP: return fail("unreadable", Messages.linkLoop(path))
      default: return fail("missing-file", Messages.missingFile(path))
      }
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return fail("directory", Messages.isDirectory(path))
    default: return fail("unreadable", Messages.notRegularFile(path))
    }
    if status.st_size > Self.maximumFileSize {
      return fail("too-large", Messages.tooLarge(path, limit: Self.maximumFileSize / (1024 * 1024)))
    }
    guard let bytes = readFile(url.path, size: Int(status.st_size)) else {
      return fail("unreadable", Messages.unreadable(path))
    }
    return .success(bytes)
  }

  /// Reads a course or certifications file from memory (an editor's buffer, a fuzzer's input); `url` names it
  /// in findings, locates the schema folder beside it and gives the file name a course id should match.
  public func load(bytes: [UInt8], from url: URL) -> LoadResult { load(bytes: bytes, from: url, expecting: nil) }

  /// `digest`: the bytes' SHA-256 when the caller has it already.
  func load(bytes: [UInt8], from url: URL, expecting: Kind?, digest: String? = nil) -> LoadResult {
    let path = url.relativePath
    let digest = digest ?? (computesDigests ? hexadecimal(SHA256.hash(data: bytes)) : "")
    var result = LoadResult(path: path, file: nil, findings: [])
    func fail(_ code: String, _ message: Message, at location: SourceLocation = .unknown) -> LoadResult {
      result.findings.append(Finding(path: path, location: location, code: code, message: message))
      return result
    }
    if bytes.count > Self.maximumFileSize {
      return fail("too-large", Messages.tooLarge(path, limit: Self.maximumFileSize / (1024 * 1024)))
    }
    let source = SourceText(bytes: bytes)

    // Bytes before XML.
    if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
      return fail("empty", Messages.emptyFile, at: SourceLocation(line: 1, column: 1))
    }
    if let offset = source.firstInvalidUTF8Offset() {
      let byte = String(bytes[offset], radix: 16, uppercase: true)
      return fail(
        "not-utf8", Messages.notUTF8(byte: byte.count == 1 ? "0" + byte : byte), at: source.location(ofOffset: offset))
    }
    if let offset = source.doctypeOffset() {
      return fail("doctype", Messages.doctype, at: source.location(ofOffset: offset))
    }

    // Well-formed XML.
    let (parsed, parseErrors) = XMLTree.parse(bytes, path: path)
    // After the first error libxml2 reads a broken file on and reports what follows from it (an unquoted
    // attribute also gives "start tag not closed" and "content after the root"): only the first error is
    // kept, with the elements the end of the file leaves open, and every warning.
    var errorSeen = false
    let meaningful = parseErrors.filter { error in
      guard error.level != XML_ERR_WARNING else { return true }
      defer { errorSeen = true }
      return !errorSeen || error.code == Int32(XML_ERR_TAG_NOT_FINISHED.rawValue)
    }
    let parseFindings = meaningful.map { error in
      Finding(
        path: path, location: SourceLocation(line: max(error.line, 1), column: max(error.column, 1)),
        severity: error.level == XML_ERR_WARNING ? .warning : .error, code: "syntax",
        message: Messages.syntax(error))
    }
    result.findings += parseFindings
    guard let tree = parsed, !parseFindings.hasErrors else {
      if !result.findings.hasErrors {
        return fail("syntax", Messages.notXML, at: SourceLocation(line: 1, column: 1))
      }
      return result
    }
    digestAndBuild: do {
      guard let root = tree.root else { return fail("syntax", Messages.notXML, at: SourceLocation(line: 1, column: 1)) }
      let locations = ElementLocations(root: root, source: source)
      let rootLocation = locations.location(of: root)

      // The root says what the file is.
      let kind: Kind
      switch (root.localName, root.namespaceURI) {
      case ("course", Self.courseNamespace?): kind = .course
      case ("certifications", Self.certificationNamespace?): kind = .certifications
      default:
        return fail(
          "wrong-root", Messages.wrongRoot(name: root.localName, namespace: root.namespaceURI, expecting: expecting),
          at: rootLocation)
      }
      if let expecting, expecting != kind {
        return fail(
          "wrong-root", Messages.wrongRoot(name: root.localName, namespace: root.namespaceURI, expecting: expecting),
          at: rootLocation)
      }

      // The schema.
      let (schema, schemaFindings) = compiledSchema(kind, for: url)
      result.findings += schemaFindings
      guard let schema else { return result }
      let (validityErrors, unfinished) = schema.validate(tree)
      if unfinished {
        result.findings.append(
          Finding(
            path: path, location: rootLocation, severity: .error, code: "schema-unfinished",
            message: Messages.schemaUnfinished))
      }
      result.findings += validityErrors.map { error in
        var location = SourceLocation(line: max(error.line, 1), column: max(error.column, 1))
        if let node = error.node, node.isElement {
          location = locations.location(of: node)
        }
        return Finding(
          path: path, location: location, severity: error.level == XML_ERR_WARNING ? .warning : .error,
          code: "schema", message: Messages.schema(error))
      }
      guard !result.findings.hasErrors else { break digestAndBuild }

      // The model, then lint.
      let (file, modelFindings) = buildModel(root, kind, locations: locations, path: path, digest: digest)
      result.findings += modelFindings
      switch file {
      case .course(let course):
        result.findings += Lint.course(course, path: path)
        let stem = url.deletingPathExtension().lastPathComponent
        if course.id != stem {
          result.findings.append(
            Finding(
              path: path, location: course.location, severity: .warning, code: "id-filename",
              message: Messages.idFileName(id: course.id, fileName: url.lastPathComponent)))
        }
      case .certifications(let catalog):
        result.findings += Lint.catalog(catalog, path: path)
      }
      result.file = file
    }
    result.findings.sort(by: Finding.fileOrder)
    return result
  }

  /// The model of a parsed file valid against its schema, and the builder's findings.
  func buildModel(_ root: xmlNodePtr, _ kind: Kind, locations: ElementLocations, path: String, digest: String)
    -> (CourseFile, [Finding])
  {
    var builder = ModelBuilder(path: path, locations: locations)
    switch kind {
    case .course:
      var course = builder.buildCourse(root)
      course.digest = digest
      return (.course(course), builder.findings)
    case .certifications:
      var catalog = builder.buildCatalog(root)
      catalog.digest = digest
      return (.certifications(catalog), builder.findings)
    }
  }

  /// The model of a file whose checks are already known to have let it be built: parsed and built, not checked
  /// again; nil when that fails after all (then the file is checked as usual).
  func buildChecked(bytes: [UInt8], from url: URL, digest: String) -> CourseFile? {
    let path = url.relativePath
    let (parsed, _) = XMLTree.parse(bytes, path: path)
    guard let tree = parsed, let root = tree.root else { return nil }
    let kind: Kind
    switch (root.localName, root.namespaceURI) {
    case ("course", Self.courseNamespace?): kind = .course
    case ("certifications", Self.certificationNamespace?): kind = .certifications
    default: return nil
    }
    let locations = ElementLocations(root: root, source: SourceText(bytes: bytes))
    return buildModel(root, kind, locations: locations, path: path, digest: digest).0
  }

  /// The compiled schema for a file: the built-in one, or the one in `schemaDirectory` when given.
  func compiledSchema(_ kind: Kind, for url: URL) -> (CompiledSchema?, [Finding]) {
    guard let schemaDirectory else {
      return compiled(key: builtInSchemaPrefix + kind.schemaFile, shownAs: kind.schemaFile, kind: kind)
    }
    let found = schemaDirectory.appendingPathComponent(kind.schemaFile)
    guard FileManager.default.isReadableFile(atPath: found.path) else {
      return (
        nil,
        [
          Finding(
            path: url.relativePath, location: .unknown, code: "schema-missing",
            message: Messages.schemaMissing(file: kind.schemaFile, searched: [schemaDirectory.relativePath]))
        ]
      )
    }
    return compiled(key: found.standardizedFileURL.path, shownAs: found.relativePath, kind: kind)
  }

  /// The schema at `key` compiled once per loader; its findings name it `shownAs`.
  private func compiled(key: String, shownAs: String, kind: Kind) -> (CompiledSchema?, [Finding]) {
    // One slot per schema: two schemas compile at the same time on two threads, and a file waits only
    // for the schema it needs.
    schemasLock.lock()
    let slot = schemas[key] ?? SchemaSlot()
    schemas[key] = slot
    schemasLock.unlock()
    return slot.value {
      let (schema, errors) = CompiledSchema.load(path: key)
      var findings = errors.filter { $0.level != XML_ERR_WARNING }.map { error in
        Finding(
          path: shownAs, location: SourceLocation(line: max(error.line, 1), column: max(error.column, 1)),
          code: "schema-invalid", message: Messages.schemaInvalid(error))
      }
      if schema == nil, findings.isEmpty {
        findings.append(
          Finding(
            path: shownAs, location: .unknown, code: "schema-invalid",
            message: Messages.schemaMissing(file: kind.schemaFile, searched: [shownAs])))
      }
      return (schema, findings)
    }
  }
}

/// A compiled schema and its findings, computed once by the first thread that asks.
private final class SchemaSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var compiled: (CompiledSchema?, [Finding])?

  func value(compile: () -> (CompiledSchema?, [Finding])) -> (CompiledSchema?, [Finding]) {
    lock.lock()
    defer { lock.unlock() }
    if let compiled { return compiled }
    let result = compile()
    compiled = result
    return result
  }
}

/// The bytes of a file of about `size` bytes (all of them if it grew meanwhile, up to just past the size
/// limit), or nil when it cannot be read. Plain `read(2)` into the array: no `Data`, no copy.
func readFile(_ path: String, size: Int) -> [UInt8]? {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  var result: [UInt8] = []
  // One byte more than expected: a read that fills the chunk means the file may hold more.
  let chunk = max(size, 4095) + 1
  while result.count <= CourseLoader.maximumFileSize {
    var failed = false
    let part = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
      initialized = 0
      while initialized < chunk, let base = buffer.baseAddress {
        let count = read(descriptor, base + initialized, chunk - initialized)
        if count < 0, errno == EINTR { continue }
        if count < 0 { failed = true }
        if count <= 0 { break }
        initialized += count
      }
    }
    if failed { return nil }
    if result.isEmpty { result = part } else { result += part }
    if part.count < chunk { break }
  }
  return result
}

/// Lower-case hexadecimal of bytes.
func hexadecimal<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
  let digits = Array("0123456789abcdef".utf8)
  var result: [UInt8] = []
  for byte in bytes {
    result.append(digits[Int(byte >> 4)])
    result.append(digits[Int(byte & 0x0F)])
  }
  return String(decoding: result, as: UTF8.self)
}
