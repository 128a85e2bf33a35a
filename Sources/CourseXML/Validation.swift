import CThreads
import CourseModel
import Crypto
import Foundation

/// The outcome of validating files and folders: each file read, and every finding in path order.
public struct ValidationReport: Sendable, Hashable {
  /// Every file read, in the order given (folders expanded in name order).
  public var files: [LoadResult]
  /// Findings of every file and of the cross-file rules, grouped by file, in line order.
  public var findings: [Finding]
  /// Paths named that could not be used (missing, unreadable): bad usage for a command.
  public var unusablePaths: [String]

  public var errorCount: Int { findings.errorCount }
  public var warningCount: Int { findings.warningCount }
}

extension CourseLoader {
  /// Validates files and folders: a folder stands for every `*.xml` in it (not in subfolders). Each file is
  /// read on its own (one bad file never hides the others), once even when named twice; then the rules
  /// across files run.
  /// `courseChecks` adds findings for each course with no error of its own or across files (the engine's
  /// explorer, which this module cannot import); it gets the course and its path, on any thread.
  /// Files are read in parallel (one per processor); the report's order does not depend on it.
  /// `verdicts`, with `courseChecks` only: files whose verdict it holds are not checked again (their model is
  /// built), and the verdicts of the others are added to it.
  public func validate(
    paths: [String], courseChecks: (@Sendable (Course, String) -> [Finding])? = nil, verdicts: VerdictCache? = nil
  ) -> ValidationReport {
    var targets: [URL] = []
    var unusable: [String] = []
    var extra: [Finding] = []
    for path in paths {
      let url = URL(fileURLWithPath: path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        guard let entries = Self.xmlEntries(ofFolder: path) else {
          unusable.append(path)
          extra.append(
            Finding(path: path, location: .unknown, code: "unreadable", message: Messages.unreadable(path)))
          continue
        }
        targets += entries.filter { !$0.isFolder }.map(\.url)
      } else {
        targets.append(url)
      }
    }
    // A file named twice (itself and through its folder, or through a link) is read once, under its first name.
    var seen: Set<String> = []
    let urls = targets.filter { url in
      guard let resolved = realpath(url.path, nil) else { return true }
      defer { free(resolved) }
      return seen.insert(String(cString: resolved)).inserted
    }
    // Largest files first, so that no thread is left with a long file once the others are done.
    let sizes = urls.map { fileSize($0.path) }
    let order = urls.indices.sorted { sizes[$0] > sizes[$1] }
    // Each file is read, then (a course with no error) explored, on one of the threads.
    let loadedInOrder: [(LoadResult, [Finding])] = concurrentMap(order.count) { position in
      self.check(urls[order[position]], courseChecks: courseChecks, verdicts: verdicts)
    }
    var loaded = loadedInOrder
    for (position, index) in order.enumerated() { loaded[index] = loadedInOrder[position] }
    let files = loaded.map(\.0)
    for file in files where file.findings.contains(where: { ["missing-file", "unreadable"].contains($0.code) }) {
      unusable.append(file.path)
    }
    let courses = files.compactMap { result in result.course.map { (path: result.path, course: $0) } }
    let catalogs = files.compactMap { result in result.catalog.map { (path: result.path, catalog: $0) } }
    let cross = Lint.crossFile(courses: courses, catalogs: catalogs) { id, referrer in
      // A course not validated in this run still counts when `<id>.xml` sits beside the referring file.
      let sibling = URL(fileURLWithPath: referrer).deletingLastPathComponent().appendingPathComponent("\(id).xml")
      return FileManager.default.fileExists(atPath: sibling.path)
    }
    // The explorer's findings count only for files that the rules across files found no error in.
    let dynamic = loaded.map { result, found in
      cross.contains { $0.path == result.path && $0.severity == .error } ? [] : found
    }
    var findings: [Finding] = extra
    // A broken schema is reported once, not for every file that needed it.
    var reported: Set<Finding> = []
    for (index, file) in files.enumerated() {
      let mine = file.findings + cross.filter { $0.path == file.path } + dynamic[index]
      // Stable: at one place, the file's own findings come before the cross-file ones.
      findings += mine.enumerated().sorted { lhs, rhs in
        Finding.fileOrder(lhs.element, rhs.element)
          || (!Finding.fileOrder(rhs.element, lhs.element) && lhs.offset < rhs.offset)
      }.map(\.element).filter { $0.code != "schema-invalid" || reported.insert($0).inserted }
    }
    return ValidationReport(files: files, findings: findings, unusablePaths: unusable)
  }
}

extension CourseLoader {
  /// The `*.xml` entries of a folder in name order (hidden ones left out): the files the folder stands for,
  /// and the folders so named, which are not read; nil when the folder cannot be listed.
  static func xmlEntries(ofFolder path: String) -> [(url: URL, isFolder: Bool)]? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
    return names.sorted().filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }.map { name in
      let url = URL(fileURLWithPath: path).appendingPathComponent(name)
      var isFolder: ObjCBool = false
      return (url, FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue)
    }
  }

  /// One file read and checked, and the course checks' findings (a course with no error only); through
  /// `verdicts` when given with `courseChecks`.
  func check(
    _ url: URL, courseChecks: (@Sendable (Course, String) -> [Finding])?, verdicts: VerdictCache?
  ) -> (LoadResult, [Finding]) {
    func checked(_ result: LoadResult) -> (LoadResult, [Finding]) {
      guard let courseChecks, let course = result.course, !result.findings.hasErrors else { return (result, []) }
      return (result, courseChecks(course, result.path))
    }
    // Verdicts are for the built-in schemas and the caller's course checks only.
    guard let verdicts, courseChecks != nil, schemaDirectory == nil else { return checked(load(at: url)) }
    let bytes: [UInt8]
    switch read(url) {
    case .success(let read): bytes = read
    case .failure(let failed): return checked(failed.result)
    }
    let path = url.relativePath
    let digest = hexadecimal(SHA256.hash(data: bytes))
    let key = verdicts.key(fileName: url.lastPathComponent, digest: digest)
    if let verdict = verdicts.verdict(key) {
      let findings = VerdictCache.Verdict.restoring(verdict.findings, path: path)
      let checks = VerdictCache.Verdict.restoring(verdict.checks, path: path)
      if !verdict.built { return (LoadResult(path: path, file: nil, findings: findings), checks) }
      if let file = buildChecked(bytes: bytes, from: url, digest: computesDigests ? digest : "") {
        return (LoadResult(path: path, file: file, findings: findings), checks)
      }
    }
    let (result, checks) = checked(load(bytes: bytes, from: url, expecting: nil, digest: computesDigests ? digest : ""))
    // Only a file with no error is kept: a refusal may come from this run rather than from the file (libxml2
    // out of memory), and is checked again at every start (the command refuses the folder anyway).
    if !result.findings.hasErrors, !checks.hasErrors,
      let findings = VerdictCache.Verdict.stripping(result.findings, path: path),
      let checkFindings = VerdictCache.Verdict.stripping(checks, path: path)
    {
      verdicts.record(VerdictCache.Verdict(built: result.file != nil, findings: findings, checks: checkFindings), key)
    }
    return (result, checks)
  }
}

/// The size of a file in bytes, 0 when it cannot be read.
private func fileSize(_ path: String) -> Int {
  var status = stat()
  return stat(path, &status) == 0 ? Int(status.st_size) : 0
}

/// `body(0..<count)` on up to one thread per processor (the calling thread and started ones), results in
/// index order.
///
/// Plain threads rather than `DispatchQueue.concurrentPerform`, started on another processor than the
/// caller's: on Linux a new thread is first queued on its creator's processor, so while the caller works it
/// waited 1 to 4 ms (measured on the project's 2-core machine) for the scheduler to move it, a fifth of a
/// whole validation. Each thread is let free on every allowed processor as soon as it runs.
func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let threads = min(count, Int(entraide_allowed_processor_count()))
  guard threads > 1 else { return (0..<count).map(body) }
  return withoutActuallyEscaping(body) { body in
    let box = ResultsBox<T>(count: count)
    let work = ThreadWork {
      while let index = box.claim() { box.set(index, body(index)) }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    // Best effort: without it the threads still run, only later.
    _ = entraide_start_elsewhere(&attributes)
    var started: [pthread_t] = []
    for _ in 1..<threads {
      let context = Unmanaged.passRetained(work).toOpaque()
      var thread = pthread_t()
      if pthread_create(&thread, &attributes, runThreadWork, context) == 0 {
        started.append(thread)
      } else {
        Unmanaged<ThreadWork>.fromOpaque(context).release()
      }
    }
    work.run()
    for thread in started { pthread_join(thread, nil) }
    return box.values()
  }
}

/// What a started thread runs.
private final class ThreadWork: @unchecked Sendable {
  let run: () -> Void

  init(_ run: @escaping () -> Void) {
    self.run = run
  }
}

/// The threads' entry point: runs the `ThreadWork` passed, retained, as context.
private func runThreadWork(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
  guard let context else { return nil }
  let work = Unmanaged<ThreadWork>.fromOpaque(context).takeRetainedValue()
  _ = entraide_release_processor()
  work.run()
  return nil
}

/// Results written by index from several threads, and the next index to work on.
private final class ResultsBox<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [T?]
  private var next = 0

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  /// The next index nobody works on yet, nil when every one is taken.
  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
