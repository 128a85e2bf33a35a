import CourseModel
import Foundation
import Testing

@testable import CourseXML

/// A courses folder with `format-tour.xml` and a certifications file naming it (no `schema/` folder).
private func tourFolder() throws -> URL {
  let folder = try temporaryFolder("catalogue")
  try FileManager.default.copyItem(
    at: Paths.courses.appendingPathComponent("format-tour.xml"), to: folder.appendingPathComponent("format-tour.xml"))
  try tourCertifications.write(
    to: folder.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
  return folder
}

private let tourCertifications = """
  <?xml version="1.0" encoding="UTF-8"?>
  <certifications xmlns="urn:entraide:certification:1">
    <certification id="entraidant" validity="P1Y" window="P90D" lapse="P1Y">
      <title xml:lang="fr">Entraidant·e</title>
      <initial><course ref="format-tour"/></initial>
      <renewal><course ref="format-tour"/></renewal>
    </certification>
  </certifications>
  """

@Test func aGoodFolderLoadsEveryFile() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let catalogue = Catalogue.load(folder: folder)
  #expect(catalogue.problems == [])
  #expect(catalogue.courses.map(\.id) == ["format-tour"])
  #expect(catalogue.certifications.certifications.map(\.id) == ["entraidant"])
  #expect(
    catalogue.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == [
      "certifications.xml", "format-tour.xml",
    ])
  #expect(catalogue.files.allSatisfy { $0.isLoaded })
}

@Test func theShippedCoursesFolderLoads() {
  let catalogue = Catalogue.load(folder: Paths.courses)
  #expect(catalogue.problems == [])
  #expect(catalogue.courses.count == 6)
}

@Test func noCertificationsFile() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  try FileManager.default.removeItem(at: folder.appendingPathComponent("certifications.xml"))
  let catalogue = Catalogue.load(folder: folder)
  let path = folder.appendingPathComponent("certifications.xml").path
  #expect(catalogue.problems == [.missingCertifications(path)])
  #expect(
    catalogue.problems[0].message.en
      == "The certifications file “\(path)” is missing; it says what each course certifies.")
}

@Test func aBrokenCertificationsFile() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  try "<certifications xmlns=\"urn:entraide:certification:1\"><oops".write(
    to: folder.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
  let catalogue = Catalogue.load(folder: folder)
  let path = folder.appendingPathComponent("certifications.xml").path
  #expect(catalogue.problems == [.brokenCertifications(path)])
  #expect(catalogue.certifications.certifications.isEmpty)
  #expect(
    catalogue.problems[0].message.fr
      == "Le fichier des certifications « \(path) » ne passe pas la validation ; entraide validate dit pourquoi.")
}

@Test func aCourseThatFailsValidation() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let bad = folder.appendingPathComponent("bad.xml")
  try FileManager.default.copyItem(at: Paths.fixture("dead-end-scene.xml"), to: bad)
  let catalogue = Catalogue.load(folder: folder)
  #expect(catalogue.problems == [.refusedCourse(bad.path)])
  #expect(catalogue.courses.map(\.id) == ["format-tour"])
  #expect(catalogue.files.first { $0.path == bad.path }?.isLoaded == false)
  #expect(catalogue.problems[0].message.en == "The course “\(bad.path)” fails validation; entraide validate shows why.")
}

@Test func twoFilesWithTheSameCourseID() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let copy = folder.appendingPathComponent("tour-copy.xml")
  try FileManager.default.copyItem(at: folder.appendingPathComponent("format-tour.xml"), to: copy)
  let catalogue = Catalogue.load(folder: folder)
  let first = folder.appendingPathComponent("format-tour.xml").path
  #expect(catalogue.problems == [.duplicateCourse(id: "format-tour", paths: [first, copy.path])])
  #expect(
    catalogue.problems[0].message.en
      == "The course “format-tour” is defined in several files: “\(first)”, “\(copy.path)”; give each course its own id."
  )
}

@Test func noCourseAtAll() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  try FileManager.default.removeItem(at: folder.appendingPathComponent("format-tour.xml"))
  let catalogue = Catalogue.load(folder: folder)
  #expect(catalogue.problems == [.noCourse(folder.path)])
  #expect(catalogue.problems[0].message.en == "The courses folder “\(folder.path)” holds no course file.")
}

@Test func aMissingFolder() {
  let catalogue = Catalogue.load(folder: URL(fileURLWithPath: "/nonexistent/courses"))
  #expect(catalogue.problems == [.missingFolder("/nonexistent/courses")])
}
