import Foundation

/// Fixtures and folders for the `entraide validate` end-to-end tests.
enum ValidateFixtures {
  static var folder: URL { Entraide.packageRoot.appendingPathComponent("Tests/CourseXMLTests/Fixtures") }

  /// A fixture's path relative to the package root (the tests run the binary there).
  static func path(_ name: String) -> String { "Tests/CourseXMLTests/Fixtures/\(name)" }

  /// A temporary `Courses` folder with the shipped schemas and the given files (fixture name → file name).
  static func coursesFolder(_ files: [String: URL]) throws -> URL {
    let root = try Entraide.temporaryDirectory("entraide-validate")
    let courses = root.appendingPathComponent("Courses")
    try FileManager.default.createDirectory(
      at: courses.appendingPathComponent("schema"), withIntermediateDirectories: true)
    for name in ["course.xsd", "certifications.xsd", "xml.xsd"] {
      try FileManager.default.copyItem(
        at: Entraide.coursesDirectory.appendingPathComponent("schema/\(name)"),
        to: courses.appendingPathComponent("schema/\(name)"))
    }
    for (name, source) in files {
      try FileManager.default.copyItem(at: source, to: courses.appendingPathComponent(name))
    }
    return root
  }
}
