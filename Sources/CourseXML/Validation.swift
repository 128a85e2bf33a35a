import CourseModel
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
  /// read on its own (one bad file never hides the others); then the rules across files run.
  /// `courseChecks` adds findings for each course that has no error so far (the engine's explorer, which
  /// this module cannot import); it gets the course and its path.
  public func validate(paths: [String], courseChecks: ((Course, String) -> [Finding])? = nil) -> ValidationReport {
    var files: [LoadResult] = []
    var unusable: [String] = []
    var extra: [Finding] = []
    for path in paths {
      let url = URL(fileURLWithPath: path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
          unusable.append(path)
          extra.append(
            Finding(path: path, location: .unknown, code: "unreadable", message: Messages.unreadable(path)))
          continue
        }
        for name in names.sorted() where name.hasSuffix(".xml") && !name.hasPrefix(".") {
          let file = URL(fileURLWithPath: path).appendingPathComponent(name)
          var fileIsDirectory: ObjCBool = false
          if FileManager.default.fileExists(atPath: file.path, isDirectory: &fileIsDirectory),
            fileIsDirectory.boolValue
          {
            continue
          }
          files.append(load(at: file))
        }
      } else {
        let result = load(at: url)
        if result.findings.contains(where: { ["missing-file", "unreadable"].contains($0.code) }) {
          unusable.append(path)
        }
        files.append(result)
      }
    }
    let courses = files.compactMap { result in result.course.map { (path: result.path, course: $0) } }
    let catalogs = files.compactMap { result in result.catalog.map { (path: result.path, catalog: $0) } }
    let cross = Lint.crossFile(courses: courses, catalogs: catalogs) { id, referrer in
      // A course not validated in this run still counts when `<id>.xml` sits beside the referring file.
      let sibling = URL(fileURLWithPath: referrer).deletingLastPathComponent().appendingPathComponent("\(id).xml")
      return FileManager.default.fileExists(atPath: sibling.path)
    }
    var findings: [Finding] = extra
    for file in files {
      var mine = file.findings + cross.filter { $0.path == file.path }
      if let courseChecks, let course = file.course, !mine.hasErrors {
        mine += courseChecks(course, file.path)
      }
      // Stable: at one place, the file's own findings come before the cross-file ones.
      findings += mine.enumerated().sorted { lhs, rhs in
        Finding.fileOrder(lhs.element, rhs.element)
          || (!Finding.fileOrder(rhs.element, lhs.element) && lhs.offset < rhs.offset)
      }.map(\.element)
    }
    return ValidationReport(files: files, findings: findings, unusablePaths: unusable)
  }
}
