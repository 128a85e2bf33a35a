import Foundation
import Testing

@Test func theMenuMarksACourseWhosePrerequisiteIsMissing() throws {
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
  // Pick the helper, look at the courses, then back out.
  let before = try Entraide.run(["--lang", "en"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(before.status == 0, "stderr: \(before.stderr)")
  // "5. Referral and accompaniment — to take after “Active listening: the peer helper's role”", wrapped at 80
  // columns as the output is not a terminal; "1. Active listening: … — initial training (Peer helper)".
  Transcript.expect(before.stdout, equals: "menu-prerequisite-en", root: folder)
  // In French, by its French title (the titles hold no-break spaces before the colons).
  let french = try Entraide.run(["--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(french.status == 0, "stderr: \(french.stderr)")
  Transcript.expect(french.stdout, equals: "menu-prerequisite-fr", root: folder)
  #expect(french.stdout.contains("Prévention du suicide\u{A0}: agir en sentinelle"))

  let record = try Entraide.run(
    ["record", "mtremblay", "ecoute-active", "--date", "2026-11-20"], environment: environment)
  #expect(record.status == 0, "stderr: \(record.stderr)")
  let after = try Entraide.run(["--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(after.status == 0, "stderr: \(after.stderr)")
  // « 5. Référer et accompagner — complète la formation initiale : Entraidant·e valide jusqu'au 2027-11-21 ».
  Transcript.expect(after.stdout, equals: "menu-prerequisite-after-fr", root: folder)
}
