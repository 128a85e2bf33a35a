import CLibXML2
import CourseModel
import Foundation
import Testing

@testable import CourseXML

/// The one finding a fixture gives, in English.
private func onlyFinding(_ fixture: String) throws -> Finding {
  let all = findings(fixture)
  #expect(all.count == 1, "\(all)")
  return try #require(all.first)
}

@Test func notXMLIsOneClearFinding() throws {
  let finding = try onlyFinding("not-xml.xml")
  #expect(finding.code == "syntax")
  #expect(finding.location == SourceLocation(line: 1, column: 1))
  #expect(finding.message.en == "the file is not XML; a course starts with <course xmlns=\"urn:entraide:course:1\">")
  #expect(
    finding.message.fr == "le fichier n'est pas du XML ; un cours commence par <course xmlns=\"urn:entraide:course:1\">"
  )
}

@Test func emptyFileIsOneClearFinding() throws {
  let finding = try onlyFinding("empty.xml")
  #expect(finding.code == "empty")
  #expect(finding.location == SourceLocation(line: 1, column: 1))
  #expect(finding.message.en == "the file is empty; a course starts with <course xmlns=\"urn:entraide:course:1\">")
}

@Test func truncatedFileNamesTheUnclosedElement() throws {
  let finding = try onlyFinding("truncated.xml")
  #expect(finding.code == "syntax")
  #expect(finding.location == SourceLocation(line: 61, column: 1))
  #expect(finding.message.en == "the file ends before element <choice> is closed; is it truncated?")
  #expect(finding.message.fr == "le fichier se termine avant la fermeture de l'élément <choice> ; est-il tronqué ?")
}

@Test func mismatchedTagsPointAtTheEndTag() throws {
  let finding = try onlyFinding("mismatched-tags.xml")
  #expect(finding.location == SourceLocation(line: 3, column: 19))
  #expect(finding.message.en == "end tag </titre> does not match start tag <title> of line 3; close <title> first")
}

@Test func wrongRootIsNamed() throws {
  let finding = try onlyFinding("wrong-root.xml")
  #expect(finding.code == "wrong-root")
  #expect(finding.location == SourceLocation(line: 2, column: 1))
  #expect(
    finding.message.en
      == "the root element is <cours xmlns=\"urn:entraide:course:1\">; expected <course xmlns=\"urn:entraide:course:1\"> "
      + "or <certifications xmlns=\"urn:entraide:certification:1\">")
}

@Test func wrongNamespaceIsNamed() throws {
  let finding = try onlyFinding("wrong-namespace.xml")
  #expect(finding.code == "wrong-root")
  #expect(finding.location == SourceLocation(line: 2, column: 1))
  #expect(finding.message.en.hasPrefix("the root element is <course xmlns=\"urn:entraide:course:2\">; expected"))
  let missing = try onlyFinding("no-namespace.xml")
  #expect(missing.message.en.hasPrefix("the root element is <course> (no namespace); expected"))
  #expect(missing.message.fr.hasPrefix("l'élément racine est <course> (sans espace de noms) ; attendu"))
}

@Test func aCourseLoaderRefusesACertificationsFile() {
  let (course, found) = makeLoader().loadCourse(at: Paths.courses.appendingPathComponent("certifications.xml"))
  #expect(course == nil)
  #expect(found.map(\.code) == ["wrong-root"])
  #expect(
    found.first?.message.en
      == "the root element is <certifications xmlns=\"urn:entraide:certification:1\">; "
      + "a course starts with <course xmlns=\"urn:entraide:course:1\">")
}

@Test func notUTF8PointsAtTheFirstBadByte() throws {
  let finding = try onlyFinding("not-utf8.xml")
  #expect(finding.code == "not-utf8")
  #expect(finding.location == SourceLocation(line: 3, column: 12))
  #expect(finding.message.en == "the file is not UTF-8 (invalid byte 0xE7); save it as UTF-8")
  #expect(finding.message.fr == "le fichier n'est pas en UTF-8 (octet 0xE7 invalide) ; enregistrez-le en UTF-8")
}

@Test func externalEntityIsRefusedAndNeverRead() throws {
  // The fixture names this file through an external entity; its marker must never come out.
  let marker = "MARKER-\(UUID().uuidString)"
  let target = URL(fileURLWithPath: "/tmp/entraide-xxe-marker.txt")
  try Data(marker.utf8).write(to: target)
  defer { try? FileManager.default.removeItem(at: target) }

  let result = makeLoader().load(at: Paths.fixture("doctype-external-entity.xml"))
  #expect(result.file == nil)
  #expect(result.findings.map(\.code) == ["doctype"])
  #expect(result.findings.first?.location == SourceLocation(line: 2, column: 1))
  #expect(
    result.findings.first?.message.en
      == "course files may not contain a <!DOCTYPE> declaration or entities; remove it")
  #expect(!"\(result)".contains(marker))

  // Below the DOCTYPE refusal, libxml2 itself must not read the file with our options either.
  let bytes = try [UInt8](Data(contentsOf: Paths.fixture("doctype-external-entity.xml")))
  let (tree, _) = XMLTree.parse(bytes, path: "doctype-external-entity.xml")
  let parsed = try #require(tree)
  let root = try #require(parsed.root)
  #expect(!root.rawText.contains(marker))

  // The fixture is a real attack: with entity substitution (NOENT) libxml2 would read the file.
  let (unsafeTree, _) = XMLTree.parse(
    bytes, path: "doctype-external-entity.xml", options: Int32(XML_PARSE_NOENT.rawValue))
  #expect(try #require(unsafeTree?.root).rawText.contains(marker))
}

@Test func billionLaughsIsRefusedFast() throws {
  let clock = ContinuousClock()
  var result: LoadResult?
  let elapsed = clock.measure { result = makeLoader().load(at: Paths.fixture("billion-laughs.xml")) }
  #expect(result?.findings.map(\.code) == ["doctype"])
  #expect(result?.findings.first?.location == SourceLocation(line: 2, column: 1))
  #expect(elapsed < .seconds(1))

  // Without the DOCTYPE refusal, libxml2's guard (no NOENT, no HUGE) stops the expansion.
  let bytes = try [UInt8](Data(contentsOf: Paths.fixture("billion-laughs.xml")))
  var errors: [RawXMLError] = []
  let parseTime = clock.measure { errors = XMLTree.parse(bytes, path: "billion-laughs.xml").1 }
  #expect(errors.contains { $0.message.contains("entity reference loop") })
  #expect(Messages.syntax(try #require(errors.first)).en.hasPrefix("an entity refers to itself"))
  #expect(parseTime < .seconds(1))
}

@Test func missingPathIsAFindingWithoutLocation() {
  let path = Paths.fixture("does-not-exist.xml").path
  let result = makeLoader().load(at: URL(fileURLWithPath: path))
  #expect(
    result.findings == [
      Finding(
        path: path, location: .unknown, code: "missing-file",
        message: Message(
          fr: "le fichier « \(path) » n'existe pas ; vérifiez le chemin",
          en: "file '\(path)' does not exist; check the path"))
    ])
}

@Test func directoryPathIsAFinding() {
  let result = makeLoader().load(at: Paths.fixtures)
  #expect(result.findings.map(\.code) == ["directory"])
  #expect(
    result.findings.first?.message.en == "'\(Paths.fixtures.path)' is a folder, not a course file; name an .xml file")
}

@Test func pipeIsRefusedWithoutBlocking() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entraide-fifo-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let fifo = folder.appendingPathComponent("course.xml")
  #expect(mkfifo(fifo.path, 0o600) == 0)
  let result = makeLoader().load(at: fifo)
  #expect(result.findings.map(\.code) == ["unreadable"])
  #expect(
    result.findings.first?.message.en
      == "'\(fifo.path)' is not a regular file (a pipe, socket or device); name an .xml file")
}

@Test(.enabled(if: getuid() != 0, "root reads every file"))
func unreadableFileIsAFinding() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entraide-unreadable-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("course.xml")
  try Data(contentsOf: Paths.fixture("valid-minimal.xml")).write(to: file)
  try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
  let result = makeLoader().load(at: file)
  #expect(result.findings.map(\.code) == ["unreadable"])
  #expect(result.findings.first?.message.en == "file '\(file.path)' cannot be read; check its permissions")
}

@Test func schemaErrorsCarryTheElementLineAndColumn() throws {
  let missing = try onlyFinding("schema-missing-attribute.xml")
  #expect(missing.code == "schema")
  #expect(missing.location == SourceLocation(line: 4, column: 3))
  #expect(
    missing.message.en
      == "does not follow the schema: Element 'roleplay': The attribute 'start' is required but missing.")
  #expect(
    missing.message.fr
      == "non conforme au schéma : Element 'roleplay': The attribute 'start' is required but missing.")
  let order = try onlyFinding("schema-element-order.xml")
  #expect(order.location == SourceLocation(line: 3, column: 3))
  let percentage = try onlyFinding("schema-pass-not-percentage.xml")
  #expect(percentage.location == SourceLocation(line: 4, column: 3))
  let duration = try onlyFinding("certifications-bad-duration.xml")
  #expect(duration.location == SourceLocation(line: 3, column: 3))
  #expect(duration.message.en.contains("attribute 'window': '90 jours' is not a valid value"))
}

@Test func missingSchemaIsAFinding() {
  let loader = CourseLoader(schemaDirectory: URL(fileURLWithPath: "/nonexistent/schema"))
  let result = loader.load(at: Paths.fixture("valid-minimal.xml"))
  #expect(result.file == nil)
  #expect(result.findings.map(\.code) == ["schema-missing"])
}
