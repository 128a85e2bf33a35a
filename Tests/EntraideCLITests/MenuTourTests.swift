import Foundation
import Testing

@Test func theMenuMarksTheFormatTourAsTheAuthorsTour() throws {
  let folder = try Entraide.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: folder) }
  let environment = [
    "ENTRAIDE_DB": folder.appendingPathComponent("registry.sqlite").path,
    "ENTRAIDE_COURSES": Entraide.coursesDirectory.path,
    "ENTRAIDE_TODAY": "2026-11-22",
  ]
  let add = try Entraide.run(
    ["helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie"],
    environment: environment)
  #expect(add.status == 0)
  let english = try Entraide.run(["--lang", "en"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(english.status == 0, "stderr: \(english.stderr)")
  // "2. Format tour — format tour for course authors (not a training course)".
  Transcript.expect(english.stdout, equals: "menu-tour-en", root: folder)
  let french = try Entraide.run(["--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(french.status == 0, "stderr: \(french.stderr)")
  // « 2. Visite du format — visite du format pour les autrices et auteurs de cours (pas une formation) ».
  Transcript.expect(french.stdout, equals: "menu-tour-fr", root: folder)
}
