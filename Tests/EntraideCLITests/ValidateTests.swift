import Foundation
import Testing

@Test func validateAcceptsTheFormatTour() throws {
  let result = try Entraide.run(["validate", "Courses/format-tour.xml"], currentDirectory: Entraide.packageRoot)
  #expect(result.stdout == "1 file checked: 0 errors, 0 warnings\n")
  #expect(result.stderr == "")
  #expect(result.status == 0)
}

@Test func validateDefaultsToTheCoursesFolderAndSaysItInFrench() throws {
  let root = try ValidateFixtures.coursesFolder([
    "format-tour.xml": Entraide.coursesDirectory.appendingPathComponent("format-tour.xml")
  ])
  defer { try? FileManager.default.removeItem(at: root) }
  let result = try Entraide.run(["validate"], environment: ["LANG": "fr_CA.UTF-8"], currentDirectory: root)
  #expect(result.stdout == "1 fichier vérifié : 0 erreur, 0 avertissement\n")
  #expect(result.status == 0)
}

@Test func validateFindsTheCoursesFolderFromTheEnvironment() throws {
  let root = try ValidateFixtures.coursesFolder([
    "a.xml": ValidateFixtures.folder.appendingPathComponent("unknown-skill.xml")
  ])
  defer { try? FileManager.default.removeItem(at: root) }
  let courses = root.appendingPathComponent("Courses").path
  let result = try Entraide.run(["validate"], environment: ["ENTRAIDE_COURSES": courses])
  #expect(
    result.stdout
      == """
      \(courses)/a.xml:2:1: warning: course id 'unknown-skill' does not match file name 'a.xml'; rename the file unknown-skill.xml
      \(courses)/a.xml:10:41: error: skill 'empathie' is scored at line 10 but not defined; defined skills: ecoute
      1 file checked: 1 error, 1 warning

      """)
  #expect(result.status == 1)
}

@Test func lintErrorGivesEditorLinesAndExitOne() throws {
  let path = ValidateFixtures.path("unknown-scene-choice.xml")
  let english = try Entraide.run(["validate", path], currentDirectory: Entraide.packageRoot)
  #expect(
    english.stdout
      == "\(path):9:7: error: scene 'fni' is referenced by a choice at line 9 but not defined; "
      + "defined scenes: a; defined endings: fin\n1 file checked: 1 error, 0 warnings\n")
  #expect(english.status == 1)
  let french = try Entraide.run(["validate", "--lang", "fr", path], currentDirectory: Entraide.packageRoot)
  #expect(
    french.stdout
      == "\(path):9:7: error: la scène « fni » est visée par un choix à la ligne 9 mais n'est pas définie ; "
      + "scènes définies : a ; fins définies : fin\n1 fichier vérifié : 1 erreur, 0 avertissement\n")
  #expect(french.status == 1)
}

@Test func warningsAloneExitZero() throws {
  let path = ValidateFixtures.path("unreachable-ending.xml")
  let result = try Entraide.run(["validate", path], currentDirectory: Entraide.packageRoot)
  #expect(result.stdout.hasSuffix("1 file checked: 0 errors, 1 warning\n"))
  #expect(result.stdout.hasPrefix("\(path):12:5: warning: ending 'jamais' cannot be reached from 'a';"))
  #expect(result.status == 0)
}

@Test func missingPathExitsTwoAndTheOthersAreStillChecked() throws {
  let good = ValidateFixtures.path("valid-minimal.xml")
  let bad = ValidateFixtures.path("truncated.xml")
  let result = try Entraide.run(["validate", good, "nowhere.xml", bad], currentDirectory: Entraide.packageRoot)
  #expect(
    result.stdout
      == """
      nowhere.xml: error: file 'nowhere.xml' does not exist; check the path
      \(bad):61:1: error: the file ends before element <choice> is closed; is it truncated?
      3 files checked: 2 errors, 0 warnings

      """)
  #expect(result.status == 2)
}

@Test func missingCoursesFolderIsBadUsage() throws {
  let empty = try Entraide.temporaryDirectory("entraide-nocourses")
  defer { try? FileManager.default.removeItem(at: empty) }
  let result = try Entraide.run(
    ["validate", "--courses", empty.appendingPathComponent("none").path], currentDirectory: empty)
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide: error: The courses folder “\(empty.appendingPathComponent("none").path)” does not exist; "
      + "give it with --courses.\n")
}

@Test func jsonGivesTheSameFindingsWithStableFields() throws {
  let path = ValidateFixtures.path("unknown-skill.xml")
  let result = try Entraide.run(
    ["validate", "--format", "json", path, ValidateFixtures.path("valid-minimal.xml")],
    currentDirectory: Entraide.packageRoot)
  #expect(result.status == 1)
  let object = try #require(
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  #expect(object["errors"] as? Int == 1)
  #expect(object["warnings"] as? Int == 0)
  #expect(object["files"] as? [String] == [path, ValidateFixtures.path("valid-minimal.xml")])
  let findings = try #require(object["findings"] as? [[String: Any]])
  #expect(findings.count == 1)
  let finding = try #require(findings.first)
  #expect(finding["path"] as? String == path)
  #expect(finding["line"] as? Int == 10)
  #expect(finding["column"] as? Int == 41)
  #expect(finding["severity"] as? String == "error")
  #expect(finding["code"] as? String == "unknown-skill")
  #expect(
    finding["message"] as? String == "skill 'empathie' is scored at line 10 but not defined; defined skills: ecoute")
  let messages = try #require(finding["messages"] as? [String: String])
  #expect(
    messages["fr"]
      == "la compétence « empathie » est notée à la ligne 10 mais n'est pas définie ; compétences définies : ecoute")
}

/// The explorer's findings (CourseEngine), one fixture each.
@Test(arguments: [
  (
    "explorer/no-passing-run.xml",
    [
      "4:3: error: no run of role-play 'r' passes: every path ends at a failing ending, takes a critical choice "
        + "or misses pass or a skill's min; check result, pass and min"
    ]
  ),
  (
    "explorer/stuck.xml",
    [
      "13:5: error: scene 'b' can be reached in a state (confiance = 0) where no goto holds and no choice is "
        + "offered; add a choice without a condition or a goto"
    ]
  ),
  (
    "explorer/goto-loop.xml",
    [
      "13:5: error: automatic gotos come back to scene 'a' (x = 0) with no choice in between; "
        + "add a condition that ends the loop",
      "16:7: warning: choice 1 of scene 'a' is never offered: its condition never holds when the scene is shown, "
        + "or a goto always leaves first; check its if",
    ]
  ),
  (
    "explorer/never-reached.xml",
    ["13:5: warning: scene 'cachee' is never shown: the conditions leading to it never hold; check the if conditions"]
  ),
])
func explorerFindingsAreReported(_ fixture: String, _ expected: [String]) throws {
  let path = ValidateFixtures.path(fixture)
  let result = try Entraide.run(["validate", path], currentDirectory: Entraide.packageRoot)
  let lines = result.stdout.split(separator: "\n").map(String.init)
  #expect(Array(lines.dropLast()) == expected.map { "\(path):\($0)" })
  #expect(result.status == (expected.contains { $0.contains(": error: ") } ? 1 : 0))
}

@Test func hostileTextInAFileNeverReachesTheTerminalRaw() throws {
  let root = try Entraide.temporaryDirectory("entraide-hostile")
  defer { try? FileManager.default.removeItem(at: root) }
  let file = root.appendingPathComponent("hostile.xml")
  let text = try String(
    contentsOf: ValidateFixtures.folder.appendingPathComponent("unknown-skill.xml"), encoding: .utf8
  )
  .replacingOccurrences(of: "<title>T</title>", with: "<title>T</title>\u{1B}]0;owned\u{7}")
  try Data(text.utf8).write(to: file)
  let result = try Entraide.run(["validate", file.path])
  #expect(!result.stdout.contains("\u{1B}"))
  #expect(!result.stdout.contains("\u{7}"))
  #expect(
    result.stdout.contains(":3:19: error: character U+001B is not allowed in XML (a control character); remove it"))
  #expect(result.status == 1)
}

/// Installed as `make install` does and started by name through `PATH`, from a folder without courses,
/// the binary finds the courses installed beside it (`<prefix>/share/entraide/Courses`).
@Test func anInstalledBinaryStartedThroughPathFindsItsCourses() throws {
  let prefix = try Entraide.temporaryDirectory("entraide-prefix")
  defer { try? FileManager.default.removeItem(at: prefix) }
  let files = FileManager.default
  try files.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
  try files.createDirectory(at: prefix.appendingPathComponent("share/entraide"), withIntermediateDirectories: true)
  // Copied by `cp`, not in this process: a server another test starts at that moment would inherit the open
  // file and keep it, and the copy could then never be started ("Text file busy").
  let copy = try Process.run(
    URL(fileURLWithPath: "/bin/cp"),
    arguments: [Entraide.binary.path, prefix.appendingPathComponent("bin/entraide").path])
  copy.waitUntilExit()
  try #require(copy.terminationStatus == 0)
  try files.copyItem(at: Entraide.coursesDirectory, to: prefix.appendingPathComponent("share/entraide/Courses"))
  let elsewhere = try Entraide.temporaryDirectory("entraide-elsewhere")
  defer { try? files.removeItem(at: elsewhere) }
  let shipped = try files.contentsOfDirectory(atPath: Entraide.coursesDirectory.path).filter { $0.hasSuffix(".xml") }

  let result = try Entraide.run(
    ["entraide", "validate"], environment: ["PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"],
    currentDirectory: elsewhere, executable: URL(fileURLWithPath: "/usr/bin/env"))
  let installed = prefix.appendingPathComponent("share/entraide/Courses").resolvingSymlinksInPath().path
  #expect(result.stdout == "\(shipped.count) files checked: 0 errors, 0 warnings\n")
  #expect(result.stderr == "")
  #expect(result.status == 0)
  // The folder it read is the installed one (named in a finding when a file is bad).
  try Data("<course".utf8).write(to: prefix.appendingPathComponent("share/entraide/Courses/zz-broken.xml"))
  let broken = try Entraide.run(
    ["entraide", "validate"], environment: ["PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"],
    currentDirectory: elsewhere, executable: URL(fileURLWithPath: "/usr/bin/env"))
  #expect(broken.stdout.hasPrefix("\(installed)/zz-broken.xml:1:8: error: "))
  #expect(broken.status == 1)
}
