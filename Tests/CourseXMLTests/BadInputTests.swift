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

/// Refused at the DOCTYPE, before any entity is expanded (what a time limit only hinted at).
@Test func billionLaughsIsRefusedBeforeExpansion() throws {
  let result = makeLoader().load(at: Paths.fixture("billion-laughs.xml"))
  #expect(result.findings.map(\.code) == ["doctype"])
  #expect(result.findings.first?.location == SourceLocation(line: 2, column: 1))
  #expect(result.file == nil)

  // Without the DOCTYPE refusal, libxml2's guard (no NOENT, no HUGE) stops the expansion.
  let bytes = try [UInt8](Data(contentsOf: Paths.fixture("billion-laughs.xml")))
  let (tree, errors) = XMLTree.parse(bytes, path: "billion-laughs.xml")
  #expect(tree == nil)
  #expect(errors.contains { $0.message.contains("entity reference loop") })
  #expect(Messages.syntax(try #require(errors.first)).en.hasPrefix("an entity refers to itself"))
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
  let folder = try temporaryFolder("fifo")
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
  let folder = try temporaryFolder("unreadable")
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
  #expect(missing.message.en == "<roleplay> lacks the required attribute start; add start=\"…\"")
  #expect(missing.message.fr == "<roleplay> n'a pas l'attribut obligatoire start ; ajoutez start=\"…\"")
  let order = try onlyFinding("schema-element-order.xml")
  #expect(order.location == SourceLocation(line: 3, column: 3))
  #expect(order.message.en == "<lesson> is not expected here; expected: <title>")
  let percentage = try onlyFinding("schema-pass-not-percentage.xml")
  #expect(percentage.location == SourceLocation(line: 4, column: 3))
  #expect(percentage.message.en == "attribute pass of <quiz> is '50', which is not a percentage such as 75%")
  let duration = try onlyFinding("certifications-bad-duration.xml")
  #expect(duration.location == SourceLocation(line: 3, column: 3))
  #expect(
    duration.message.en
      == "attribute window of <certification> is '90 jours', which is not a date duration such as P1Y, P6M or P90D")
  #expect(
    duration.message.fr
      == "l'attribut window de <certification> vaut « 90 jours », ce qui n'est pas une durée en dates comme P1Y, "
      + "P6M ou P90D")
}

@Test func anUnknownAudienceNamesTheTwoAllowed() throws {
  let audience = try onlyFinding("schema-bad-audience.xml")
  #expect(audience.code == "schema")
  #expect(audience.location == SourceLocation(line: 2, column: 1))
  #expect(audience.message.en == "attribute audience of <course> is 'everyone'; use one of: helpers, authors")
  #expect(
    audience.message.fr
      == "l'attribut audience de <course> vaut « everyone » ; utilisez l'une des valeurs : helpers, authors")
}

@Test func missingSchemaIsAFinding() {
  let loader = CourseLoader(schemaDirectory: URL(fileURLWithPath: "/nonexistent/schema"))
  let result = loader.load(at: Paths.fixture("valid-minimal.xml"))
  #expect(result.file == nil)
  #expect(result.findings.map(\.code) == ["schema-missing"])
}

@Test func tooLargeFileIsRefusedUnread() throws {
  let folder = try temporaryFolder("large")
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("large.xml")
  #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
  // A sparse file: its size says 17 MB, nothing is written.
  #expect(truncate(file.path, off_t(17 * 1024 * 1024)) == 0)
  let result = makeLoader().load(at: file)
  #expect(result.findings.map(\.code) == ["too-large"])
  #expect(
    result.findings.first?.message.en
      == "file '\(file.path)' is larger than 16 MB; a course is much smaller, check the file")
}

@Test func linesPast65535AreReportedExactly() throws {
  // libxml2 keeps 16-bit line numbers unless XML_PARSE_BIG_LINES; the loader's own scan has no limit.
  let folder = try temporaryFolder("lines")
  defer { try? FileManager.default.removeItem(at: folder) }
  let head = try String(contentsOf: Paths.fixture("unknown-scene-choice.xml"), encoding: .utf8)
  let padded = head.replacingOccurrences(
    of: "  <title>T</title>\n", with: "  <title>T</title>\n" + String(repeating: "\n", count: 70_000))
  let file = folder.appendingPathComponent("unknown-scene-choice.xml")
  try Data(padded.utf8).write(to: file)
  let lint = makeLoader().load(at: file).findings
  #expect(lint.map(\.location) == [SourceLocation(line: 70_009, column: 7)])
  #expect(lint.first?.message.en.contains("referenced by a choice at line 70009") == true)

  let truncated = folder.appendingPathComponent("truncated.xml")
  try Data(padded.utf8.dropLast(40)).write(to: truncated)
  let syntax = makeLoader().load(at: truncated).findings
  #expect(
    syntax.map(\.message.en) == [
      "start tag <ending> is not closed with '>'; is the file truncated?",
      "the file ends before element <roleplay> is closed; is it truncated?",
    ])
  #expect(syntax.map(\.location.line) == [70_012, 70_012])
}

/// A file that opens but whose reading fails (this process's memory file: reading address 0 fails), so the
/// "cannot be read" finding is also checked where tests run as root.
@Test func fileWhoseReadingFailsIsAFinding() {
  let result = makeLoader().load(at: URL(fileURLWithPath: "/proc/self/mem"))
  #expect(result.findings.map(\.code) == ["unreadable"])
  #expect(result.findings.first?.message.en == "file '/proc/self/mem' cannot be read; check its permissions")
  #expect(result.findings.first?.location == .unknown)
}

@Test func symbolicLinkLoopIsAFinding() throws {
  let folder = try temporaryFolder("loop")
  defer { try? FileManager.default.removeItem(at: folder) }
  let link = folder.appendingPathComponent("course.xml")
  #expect(symlink(link.path, link.path) == 0)
  let result = makeLoader().load(at: link)
  #expect(result.findings.map(\.code) == ["unreadable"])
  #expect(
    result.findings.first?.message
      == Message(
        fr: "« \(link.path) » est un lien symbolique qui mène à lui-même (une boucle) ; corrigez le lien",
        en: "'\(link.path)' is a symbolic link that leads back to itself (a loop); fix the link"))
}

/// Common slips in hand-written XML: one finding each, at the slip, saying what to write instead (libxml2's
/// follow-on errors dropped).
@Test(arguments: [
  (
    "<course xmlns=\"urn:entraide:course:1\" id=x>\n</course>\n", 1, 42,
    "an attribute value goes in quotes: name=\"value\""
  ),
  (
    "<course xmlns=\"urn:entraide:course:1\" id>\n</course>\n", 1, 41,
    "attribute 'id' has no value; write id=\"…\""
  ),
  (
    "<course xmlns=\"urn:entraide:course:1\" id=\"a\" id=\"b\">\n</course>\n", 1, 52,
    "attribute 'id' is written twice in the same tag; keep one"
  ),
  (
    "<course xmlns=\"urn:entraide:course:1\" id=\"a\">\n<title>a < b</title>\n</course>\n", 2, 11,
    "'<' must open a tag (a name follows it): for the character itself, write &lt;"
  ),
  (
    "<course xmlns=\"urn:entraide:course:1\" id=\"a\">\n<title>Tom & Jerry</title>\n</course>\n", 2, 13,
    "a bare '&' is not allowed in XML: for the character itself, write &amp;"
  ),
  (
    "<course xmlns=\"urn:entraide:course:1\" id=\"a\"b=\"c\">\n</course>\n", 1, 45,
    "malformed tag: separate attributes with a space, write them name=\"value\" and close the tag with '>'"
  ),
  (
    "<course xmlns=\"urn:entraide:course:1\" id=\"a>\n</course>\n", 2, 1,
    "'<' in an attribute value: write &lt;, or close the quote left open"
  ),
  (
    " <?xml version=\"1.0\"?>\n<course/>\n", 1, 7,
    "the <?xml …?> declaration must come first in the file (nothing before it, not even a space)"
  ),
])
func aSyntaxSlipIsOneFindingThatSaysWhatToWrite(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
  let folder = try temporaryFolder("slip")
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("slip.xml")
  try Data(text.utf8).write(to: file)
  let found = makeLoader().load(at: file).findings
  #expect(found.map(\.code) == ["syntax"])
  #expect(found.first?.location == SourceLocation(line: line, column: column))
  #expect(found.first?.message.en == message)
}

@Test func anUnclosedCommentAlsoNamesTheElementLeftOpen() throws {
  let folder = try temporaryFolder("slip")
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("comment.xml")
  try Data("<course xmlns=\"urn:entraide:course:1\" id=\"a\">\n<!-- oops\n</course>\n".utf8).write(to: file)
  let found = makeLoader().load(at: file).findings
  #expect(
    found.map(\.message.fr) == [
      "un commentaire n'est pas fermé : terminez-le par « --> »",
      "le fichier se termine avant la fermeture de l'élément <course> ; est-il tronqué ?",
    ])
  #expect(found.map(\.location) == [SourceLocation(line: 4, column: 1), SourceLocation(line: 4, column: 1)])
}
