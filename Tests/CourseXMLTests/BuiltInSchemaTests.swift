import Foundation
import Testing

@testable import CourseXML

/// The XSDs built into the program are `Courses/schema/*.xsd`, byte for byte: after editing one, run
/// `make schemas` (Scripts/generate-schemas).
@Test func theBuiltInSchemasAreTheShippedOnes() throws {
  let names = try FileManager.default.contentsOfDirectory(atPath: Paths.schemas.path).filter { $0.hasSuffix(".xsd") }
  #expect(Set(BuiltInSchemas.files.keys) == Set(names))
  for name in names {
    let shipped = try Data(contentsOf: Paths.schemas.appendingPathComponent(name))
    #expect(Data(BuiltInSchemas.files[name, default: ""].utf8) == shipped, "\(name): run `make schemas`")
  }
}

/// A course validates with the built-in schemas from a folder that has no `schema/`, and an invalid one is
/// refused by the built-in schema with its line.
@Test func theBuiltInSchemasValidateWithoutASchemaFolder() throws {
  let folder = try temporaryFolder("built-in")
  defer { try? FileManager.default.removeItem(at: folder) }
  let copy = folder.appendingPathComponent("format-tour.xml")
  try FileManager.default.copyItem(at: Paths.courses.appendingPathComponent("format-tour.xml"), to: copy)
  let (course, findings) = CourseLoader().loadCourse(at: copy)
  #expect(course?.id == "format-tour")
  #expect(findings.errorCount == 0)
  let (_, missing) = CourseLoader().loadCourse(at: Paths.fixture("schema-missing-attribute.xml"))
  #expect(missing.map(\.code).contains("schema"))
}
