import CourseModel
import Foundation

@testable import CourseXML

/// Paths of the package, the shipped schemas and the fixtures.
enum Paths {
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  static var courses: URL { packageRoot.appendingPathComponent("Courses") }
  static var schemas: URL { courses.appendingPathComponent("schema") }
  static var fixtures: URL { packageRoot.appendingPathComponent("Tests/CourseXMLTests/Fixtures") }

  static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }
}

/// A loader on the built-in schemas (the same bytes as `Courses/schema`: `BuiltInSchemaTests`).
func makeLoader() -> CourseLoader { CourseLoader() }

/// Loads a fixture and gives its findings.
func findings(_ fixture: String) -> [Finding] {
  makeLoader().load(at: Paths.fixture(fixture)).findings
}

/// A new empty folder under the system's temporary folder, named `entraide-<name>-<UUID>`; the caller removes it.
func temporaryFolder(_ name: String) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entraide-\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}
