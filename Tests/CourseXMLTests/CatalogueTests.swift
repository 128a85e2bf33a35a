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

// MARK: - Verdicts kept between runs

/// Course checks that count their calls and give one warning per course (the explorer's place).
private final class CountingChecks: @unchecked Sendable {
  private let lock = NSLock()
  private var calls = 0

  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return calls
  }

  var checks: @Sendable (Course, String) -> [Finding] {
    { course, path in
      self.lock.lock()
      self.calls += 1
      self.lock.unlock()
      return [
        Finding(
          path: path, location: course.location, severity: .warning, code: "checked",
          message: Message(fr: "vérifié : \(course.id)", en: "checked: \(course.id)"))
      ]
    }
  }
}

/// The parts of a catalogue every command reads.
private func expectSame(_ cached: Catalogue, _ fresh: Catalogue) {
  #expect(cached.files == fresh.files)
  #expect(cached.report == fresh.report)
  #expect(cached.courses == fresh.courses)
  #expect(cached.certifications == fresh.certifications)
  #expect(cached.problems == fresh.problems)
}

@Test func aKnownVerdictGivesTheSameCatalogueWithoutCheckingAgain() throws {
  let counter = CountingChecks()
  let fresh = Catalogue.load(folder: Paths.courses, courseChecks: counter.checks)
  #expect(counter.count == 6)
  let first = VerdictCache(data: nil, identity: "test build")
  expectSame(Catalogue.load(folder: Paths.courses, courseChecks: counter.checks, verdicts: first), fresh)
  #expect(counter.count == 12)
  #expect(first.hasChanged)
  let second = VerdictCache(data: first.encoded(), identity: "test build")
  let cached = Catalogue.load(folder: Paths.courses, courseChecks: counter.checks, verdicts: second)
  #expect(counter.count == 12)
  #expect(!second.hasChanged)
  expectSame(cached, fresh)
  #expect(cached.report.findings.filter { $0.code == "checked" }.count == 6)
  #expect(cached.courses.allSatisfy { $0.digest.count == 64 })
}

@Test func aCourseEditedAfterItsVerdictWasKeptIsCheckedAgainAndRefused() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let counter = CountingChecks()
  let cache = VerdictCache(data: nil, identity: "test build")
  #expect(Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: cache).problems == [])
  let tour = folder.appendingPathComponent("format-tour.xml")
  let text = try String(contentsOf: tour, encoding: .utf8)
  try text.replacingOccurrences(of: "<choice to=\"conseil\">", with: "<choice to=\"nulle-part\">")
    .write(to: tour, atomically: true, encoding: .utf8)
  let kept = VerdictCache(data: cache.encoded(), identity: "test build")
  let cached = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: kept)
  expectSame(cached, Catalogue.load(folder: folder, courseChecks: counter.checks))
  #expect(cached.problems == [.refusedCourse(tour.path)])
  #expect(cached.problems[0].message.en == "The course “\(tour.path)” fails validation; entraide validate shows why.")
  #expect(cached.report.findings.contains { $0.code == "unknown-scene" && $0.location.line == 57 })
  // A refusal is never kept: the file is checked again (no course check: it has errors of its own), the same.
  #expect(counter.count == 1)
  let again = VerdictCache(data: kept.encoded(), identity: "test build")
  expectSame(Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: again), cached)
  #expect(!again.hasChanged)
  #expect(!String(decoding: again.encoded(), as: UTF8.self).contains("unknown-scene"))
}

@Test func corruptStoredVerdictsAreIgnoredAndWrittenAgain() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let counter = CountingChecks()
  let fresh = Catalogue.load(folder: folder, courseChecks: counter.checks)
  for corrupt in [Data("{\"identity\": \"test build\", \"verdicts\": {\"x".utf8), Data([0xFF, 0x00, 0x13]), Data()] {
    let cache = VerdictCache(data: corrupt, identity: "test build")
    let before = counter.count
    expectSame(Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: cache), fresh)
    #expect(counter.count == before + 1)
    #expect(cache.hasChanged)
    let rewritten = VerdictCache(data: cache.encoded(), identity: "test build")
    expectSame(Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: rewritten), fresh)
    #expect(counter.count == before + 1)
  }
}

@Test func verdictsOfAnotherBuildAreNotTrusted() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let counter = CountingChecks()
  let old = VerdictCache(data: nil, identity: "build 1")
  _ = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: old)
  #expect(counter.count == 1)
  let new = VerdictCache(data: old.encoded(), identity: "build 2")
  _ = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: new)
  #expect(counter.count == 2)
}

@Test func theSameBytesUnderAnotherNameGetTheirOwnVerdict() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let counter = CountingChecks()
  let cache = VerdictCache(data: nil, identity: "test build")
  _ = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: cache)
  try FileManager.default.moveItem(
    at: folder.appendingPathComponent("format-tour.xml"), to: folder.appendingPathComponent("tour.xml"))
  let kept = VerdictCache(data: cache.encoded(), identity: "test build")
  let cached = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: kept)
  expectSame(cached, Catalogue.load(folder: folder, courseChecks: counter.checks))
  #expect(cached.report.findings.map(\.code) == ["id-filename", "checked"])
}

@Test func aKnownFolderBuildsTheModelsOfTheCoursesAskedForOnly() throws {
  let counter = CountingChecks()
  let fresh = Catalogue.load(folder: Paths.courses, courseChecks: counter.checks)
  let first = VerdictCache(data: nil, identity: "test build")
  _ = Catalogue.load(folder: Paths.courses, courseChecks: counter.checks, verdicts: first)
  let second = VerdictCache(data: first.encoded(), identity: "test build")
  let cached = Catalogue.load(folder: Paths.courses, courseChecks: counter.checks, verdicts: second)
  #expect(counter.count == 12)
  let certifications = Paths.courses.appendingPathComponent("certifications.xml").relativePath
  #expect(cached.files.filter(\.model.isBuilt).map(\.path) == [certifications])
  #expect(cached.entries == fresh.courses.map(CourseEntry.init))
  #expect(
    cached.entries.map(\.id) == [
      "ecoute-active", "format-tour", "prevention-suicide", "prevention-suicide-rappel", "referer",
      "ressourcement-annuel",
    ])
  #expect(cached.problems == [])
  #expect(cached.certifications == fresh.certifications)
  #expect(cached.course("referer") == fresh.course("referer"))
  let referer = Paths.courses.appendingPathComponent("referer.xml").relativePath
  #expect(cached.files.filter(\.model.isBuilt).map(\.path) == [certifications, referer])
  expectSame(cached, fresh)
}

@Test func aFolderChangedInOneFileChecksThatFileOnly() throws {
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let counter = CountingChecks()
  let cache = VerdictCache(data: nil, identity: "test build")
  _ = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: cache)
  let kept = VerdictCache(data: cache.encoded(), identity: "test build")
  _ = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: kept)
  #expect(counter.count == 1)
  // The folder's verdict no longer holds; the course's own verdict, kept through the folder's, does.
  try tourCertifications.replacingOccurrences(of: "Entraidant·e", with: "Aidant·e").write(
    to: folder.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
  let edited = VerdictCache(data: kept.encoded(), identity: "test build")
  let cached = Catalogue.load(folder: folder, courseChecks: counter.checks, verdicts: edited)
  #expect(counter.count == 1)
  expectSame(cached, Catalogue.load(folder: folder, courseChecks: counter.checks))
  #expect(cached.certifications.certifications.map { $0.title.text("fr") } == ["Aidant·e"])
  #expect(edited.hasChanged)
}

@Test func aFolderNamedLikeACourseIsPartOfTheFoldersVerdict() throws {
  // The rules across files accept a course named `<id>.xml` beside the file: a folder so named counts.
  let folder = try tourFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  try tourCertifications.replacingOccurrences(
    of: "<renewal><course ref=\"format-tour\"/>",
    with: "<renewal><course ref=\"format-tour\"/><course ref=\"referer\"/>"
  ).write(to: folder.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
  try FileManager.default.createDirectory(
    at: folder.appendingPathComponent("referer.xml"), withIntermediateDirectories: false)
  let cache = VerdictCache(data: nil, identity: "test build")
  #expect(Catalogue.load(folder: folder, courseChecks: CountingChecks().checks, verdicts: cache).problems == [])
  try FileManager.default.removeItem(at: folder.appendingPathComponent("referer.xml"))
  let kept = VerdictCache(data: cache.encoded(), identity: "test build")
  let after = Catalogue.load(folder: folder, courseChecks: CountingChecks().checks, verdicts: kept)
  let certifications = folder.appendingPathComponent("certifications.xml").relativePath
  #expect(after.problems == [.brokenCertifications(certifications)])
  #expect(after.report.findings.map(\.code) == ["unknown-course", "checked"])
  expectSame(after, Catalogue.load(folder: folder, courseChecks: CountingChecks().checks))
}
