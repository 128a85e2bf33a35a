import CourseModel
import Foundation
import Testing

@testable import CourseXML

@Test func crossFileRulesCheckCoursesAcrossTheFolder() {
  let folder = Paths.fixture("cross-file").path
  let report = makeLoader().validate(paths: [folder])
  #expect(report.files.map(\.path) == ["accueil.xml", "certifications.xml", "copie.xml"].map { "\(folder)/\($0)" })
  #expect(report.unusablePaths == [])
  let summary = report.findings.map {
    "\($0.path.dropFirst(folder.count + 1)):\($0.location) \($0.severity.rawValue) \($0.code): \($0.message.en)"
  }
  #expect(
    summary == [
      "accueil.xml:4:3 error unknown-course: required course 'ecoute' does not exist; known courses: accueil",
      "certifications.xml:7:7 error unknown-course: certification 'entraidant' names course 'referer', "
        + "which does not exist; known courses: accueil",
      "copie.xml:2:1 warning id-filename: course id 'accueil' does not match file name 'copie.xml'; "
        + "rename the file accueil.xml",
      "copie.xml:2:1 error duplicate-id: course 'accueil' is already defined in '\(folder)/accueil.xml'; "
        + "give each course its own id",
    ])
  #expect(report.errorCount == 3)
  #expect(report.warningCount == 1)
}

@Test func aCourseBesideTheReferringFileCountsAsKnown() throws {
  // Validated alone, accueil.xml's `requires course="ecoute"` is an error; with an ecoute.xml beside it, it is not.
  let folder = try temporaryFolder("sibling")
  defer { try? FileManager.default.removeItem(at: folder) }
  let accueil = folder.appendingPathComponent("accueil.xml")
  try Data(contentsOf: Paths.fixture("cross-file/accueil.xml")).write(to: accueil)
  #expect(makeLoader().validate(paths: [accueil.path]).findings.map(\.code) == ["unknown-course"])
  try Data().write(to: folder.appendingPathComponent("ecoute.xml"))
  #expect(makeLoader().validate(paths: [accueil.path]).findings == [])
}

@Test func oneBadFileDoesNotHideTheOthers() {
  let paths = ["valid-minimal.xml", "truncated.xml", "missing.xml", "unknown-skill.xml"].map { Paths.fixture($0).path }
  let report = makeLoader().validate(paths: paths)
  #expect(report.files.map(\.path) == paths)
  #expect(report.findings.map(\.code) == ["syntax", "missing-file", "unknown-skill"])
  #expect(report.findings.map(\.path) == [paths[1], paths[2], paths[3]])
  #expect(report.unusablePaths == [paths[2]])
  #expect(report.files[0].course?.id == "valid-minimal")
}

@Test func folderTakesOnlyItsXMLFilesInNameOrder() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entraide-folder-\(UUID().uuidString)")
  try FileManager.default.createDirectory(
    at: folder.appendingPathComponent("schema"), withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  for name in ["b.xml", "a.xml"] {
    try Data(contentsOf: Paths.fixture("valid-minimal.xml")).write(to: folder.appendingPathComponent(name))
  }
  try Data("notes".utf8).write(to: folder.appendingPathComponent("README.txt"))
  try Data("<x/>".utf8).write(to: folder.appendingPathComponent("schema/ignored.xml"))
  let report = makeLoader().validate(paths: [folder.path])
  #expect(report.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.xml", "b.xml"])
  // Both files say id="valid-minimal": the file names do not match, and the second is a duplicate.
  #expect(report.findings.map(\.code) == ["id-filename", "id-filename", "duplicate-id"])
}

@Test func findingsFormatForEditors() {
  let finding = Finding(
    path: "Courses/x.xml", location: SourceLocation(line: 40, column: 7), code: "unknown-scene",
    message: Message(fr: "la scène « fin » n'est pas définie", en: "scene 'fin' is not defined"))
  #expect(finding.formatted(.en) == "Courses/x.xml:40:7: error: scene 'fin' is not defined")
  #expect(finding.formatted(.fr) == "Courses/x.xml:40:7: error: la scène « fin » n'est pas définie")
  var whole = finding
  whole.location = .unknown
  whole.severity = .warning
  #expect(whole.formatted(.en) == "Courses/x.xml: warning: scene 'fin' is not defined")
  var hostile = finding
  hostile.message = Message(fr: "a\u{1B}[31mb", en: "a\u{1B}[31mb\nc")
  #expect(hostile.formatted(.en) == "Courses/x.xml:40:7: error: ab c")
}

@Test func aBrokenSchemaIsReportedOnceWithItsLine() throws {
  let folder = try temporaryFolder("badxsd")
  defer { try? FileManager.default.removeItem(at: folder) }
  let schema = folder.appendingPathComponent("course.xsd")
  try Data(
    "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element/>\n</xs:schema>\n"
      .utf8
  )
  .write(to: schema)
  let loader = CourseLoader(schemaDirectory: folder)
  let report = loader.validate(paths: ["valid-minimal.xml", "unknown-skill.xml"].map { Paths.fixture($0).path })
  #expect(report.findings.map(\.code) == ["schema-invalid"])
  #expect(report.findings.first?.path == schema.path)
  #expect(report.findings.first?.location.line == 3)
  #expect(report.files.allSatisfy { $0.file == nil })
}

@Test func aFileNamedTwiceIsReadOnce() throws {
  let loader = CourseLoader(schemaDirectory: Paths.schemas)
  let tour = Paths.courses.appendingPathComponent("format-tour.xml").path
  let report = loader.validate(paths: [tour, Paths.courses.path + "/./format-tour.xml", tour])
  #expect(report.files.map(\.path) == [tour])
  #expect(report.findings == [])
}

@Test func aFileInMemoryLoadsAsTheSameFileOnDisk() throws {
  let url = Paths.courses.appendingPathComponent("format-tour.xml")
  let bytes = [UInt8](try Data(contentsOf: url))
  let loader = CourseLoader(schemaDirectory: Paths.schemas)
  let fromMemory = loader.load(bytes: bytes, from: url)
  #expect(fromMemory == loader.load(at: url))
  #expect(fromMemory.course?.id == "format-tour")
  let broken = loader.load(bytes: Array(bytes.prefix(200)), from: url)
  #expect(broken.course == nil)
  #expect(broken.findings.map(\.code) == ["syntax"])
}
