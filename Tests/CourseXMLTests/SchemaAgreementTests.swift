import CourseModel
import Foundation
import Testing

@testable import CourseXML

/// xmllint, when installed.
let xmllint: URL? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
  .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// Codes that mean "the file does not pass the schema" (what xmllint --schema also checks).
let schemaVerdictCodes: Set<String> = ["empty", "not-utf8", "syntax", "wrong-root", "schema"]

/// Every fixture file, folders included, except those refused by policy before the schema: a DOCTYPE
/// (xmllint fails them too, but on entity handling rather than on the grammar).
func schemaFixtures() -> [String] {
  let enumerator = FileManager.default.enumerator(atPath: Paths.fixtures.path)
  var result: [String] = []
  while let name = enumerator?.nextObject() as? String {
    if name.hasSuffix(".xml") { result.append(name) }
  }
  return result.sorted()
}

@Test(.enabled(if: xmllint != nil, "xmllint is not installed"), arguments: schemaFixtures())
func xmllintAgreesWithTheLoaderOnTheSchemaVerdict(_ fixture: String) throws {
  let url = Paths.fixture(fixture)
  let result = makeLoader().load(at: url)
  if result.findings.contains(where: { $0.code == "doctype" }) {
    // Refused before parsing; xmllint must not accept it either.
    #expect(try !xmllintAccepts(url, schema: "course.xsd"))
    return
  }
  let loaderAccepts = !result.findings.contains { schemaVerdictCodes.contains($0.code) }
  let schema =
    fixture.split(separator: "/").last?.hasPrefix("certifications") == true ? "certifications.xsd" : "course.xsd"
  #expect(try xmllintAccepts(url, schema: schema) == loaderAccepts, "\(result.findings)")
}

@Test(.enabled(if: xmllint != nil, "xmllint is not installed"))
func xmllintAcceptsTheExamples() throws {
  #expect(try xmllintAccepts(Paths.courses.appendingPathComponent("format-tour.xml"), schema: "course.xsd"))
  #expect(try xmllintAccepts(Paths.courses.appendingPathComponent("certifications.xml"), schema: "certifications.xsd"))
}

func xmllintAccepts(_ file: URL, schema: String) throws -> Bool {
  let process = Process()
  process.executableURL = try #require(xmllint)
  process.arguments = ["--noout", "--nonet", "--schema", Paths.schemas.appendingPathComponent(schema).path, file.path]
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
  return process.terminationStatus == 0
}
