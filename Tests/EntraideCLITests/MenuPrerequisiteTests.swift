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
  // Lines wrap at 80 columns when the output is not a terminal.
  #expect(
    before.stdout.contains(
      "  5. Referral and accompaniment — to take after “Active listening: the peer\n     helper's role”\n"))
  #expect(before.stdout.contains("  1. Active listening: the peer helper's role — initial training (Peer helper)\n"))
  // In French, by its French title (the titles hold no-break spaces before the colons).
  let french = try Entraide.run(["--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(
    french.stdout.contains(
      "  3. Prévention du suicide\u{A0}: agir en sentinelle — à suivre après « L'écoute\n"
        + "     active\u{A0}: le rôle des entraidantes et entraidants »\n"))

  let record = try Entraide.run(
    ["record", "mtremblay", "ecoute-active", "--date", "2026-11-20"], environment: environment)
  #expect(record.status == 0, "stderr: \(record.stderr)")
  let after = try Entraide.run(["--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(
    after.stdout.contains(
      "  5. Référer et accompagner — complète la formation initiale : Entraidant·e\n     valide jusqu'au 2027-11-21\n"))
}
