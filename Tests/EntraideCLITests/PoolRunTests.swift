import Foundation
import Testing

/// A courses folder with one refresher: a pool of three role-plays (draw 1) and a quiz of six questions
/// (draw 2); a certification it grants; a registry with one helper.
private struct PoolFixture {
  let root: URL
  let courses: URL
  let db: String
  let environment: [String: String]

  init() throws {
    root = try Entraide.temporaryDirectory("entraide-pool")
    courses = root.appendingPathComponent("Courses")
    db = root.appendingPathComponent("registry.sqlite").path
    environment = ["ENTRAIDE_TODAY": "2026-11-22", "ENTRAIDE_COURSES": courses.path]
    try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Entraide.coursesDirectory.appendingPathComponent("schema"), to: courses.appendingPathComponent("schema"))
    try Self.course.write(to: courses.appendingPathComponent("rappel-pool.xml"), atomically: true, encoding: .utf8)
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <certifications xmlns="urn:entraide:certification:1">
      <certification id="entraidant" validity="P1Y" window="P90D" lapse="P1Y">
        <title xml:lang="fr">Entraidant·e</title>
        <title xml:lang="en">Peer helper</title>
        <initial><course ref="rappel-pool"/></initial>
        <renewal><course ref="rappel-pool"/></renewal>
      </certification>
    </certifications>
    """.write(to: courses.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
  }

  static func roleplay(_ id: String, _ name: String) -> String {
    """
        <roleplay id="\(id)" start="accueil">
          <title>Situation \(name)</title>
          <character id="coll" name="Collègue"/>
          <scene id="accueil">
            <line by="coll">Je voulais te parler (\(name)).</line>
            <choice to="bien"><say>Je t'écoute.</say></choice>
            <choice to="mal"><say>Pas maintenant.</say></choice>
          </scene>
          <ending id="bien" result="pass"/>
          <ending id="mal" result="fail"/>
        </roleplay>

    """
  }

  static let course = """
    <?xml version="1.0" encoding="UTF-8"?>
    <course xmlns="urn:entraide:course:1" id="rappel-pool" version="1" duration="PT10M">
      <title>Rappel avec situations tirées</title>
      <pool id="situations">
    \(roleplay("casino", "Casino"))\(roleplay("deuil", "Deuil"))\(roleplay("conflit", "Conflit"))  </pool>
      <quiz id="verification" pass="50%" draw="2">
        <title>Vérification</title>
    \((1...6).map { "    <truefalse id=\"q\($0)\" answer=\"true\"><prompt>Énoncé Q\($0) : on écoute d'abord.</prompt></truefalse>\n" }.joined())  </quiz>
    </course>
    """

  func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
    try Entraide.run(arguments + ["--db", db, "--lang", "fr"], stdin: stdin, environment: environment)
  }

  /// Expects the run's whole output to be the fixture `NAME.txt` and nothing on its error output.
  func expect(_ result: RunResult, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    Transcript.expect(result.stdout, equals: name, root: root, sourceLocation: sourceLocation)
    Transcript.expect(result.stderr, equalsText: "", root: root, sourceLocation: sourceLocation)
  }

  /// Every match of `pattern`'s first group in `text`, in order.
  static func matches(_ pattern: String, in text: String) throws -> [String] {
    let regex = try NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
      Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}

@Suite struct PoolRunTests {
  @Test func threeRunsForOneHelperShowThreeSituationsAndSixQuestions() throws {
    let fixture = try PoolFixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    let added = try fixture.run([
      "helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie", "--id", "marie",
    ])
    #expect(added.status == 0, "\(added.stderr)")
    var situations: [String] = []
    var questions: [String] = []
    for run in 1...3 {
      // The same seed every time: only the helper's history makes the runs differ. "1" answers every prompt:
      // lesson pages, the passing choice, "true".
      let result = try fixture.run(
        ["run", "rappel-pool", "--helper", "marie", "--seed", "42"], stdin: String(repeating: "1\n", count: 40))
      #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
      // The screens say the situation was drawn ("Choisie parmi 3"); the summary lists what was practised.
      fixture.expect(result, "pool-run-\(run)")
      let drawn = try PoolFixture.matches(#"Activité 1 sur 2 : Situation (\w+)"#, in: result.stdout)
      #expect(drawn.count == 1, "\(result.stdout)")
      situations += drawn
      let asked = try PoolFixture.matches(#"Énoncé (Q\d) :"#, in: result.stdout)
      #expect(asked.count == 2, "\(result.stdout)")
      questions += asked
    }
    #expect(Set(situations).count == 3, "\(situations)")
    #expect(Set(questions).count == 6, "\(questions)")

    // Status shows, per course, the situations and the questions taken so far.
    let status = try fixture.run(["status", "marie"])
    #expect(status.status == 0, "\(status.stderr)")
    fixture.expect(status, "pool-status")

    // A fourth run takes again the situation taken longest ago: the first one.
    let fourth = try fixture.run(
      ["run", "rappel-pool", "--helper", "marie", "--seed", "42"], stdin: String(repeating: "1\n", count: 40))
    fixture.expect(fourth, "pool-run-4")
    #expect(try PoolFixture.matches(#"Activité 1 sur 2 : Situation (\w+)"#, in: fourth.stdout) == [situations[0]])
  }

  @Test func aDrawnSituationRemovedFromTheCourseIsToldAndAnotherOneStarts() throws {
    let fixture = try PoolFixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    _ = try fixture.run([
      "helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie", "--id", "marie",
    ])
    // End of input at the first scene: paused, progress saved.
    let paused = try fixture.run(["run", "rappel-pool", "--helper", "marie", "--seed", "42"], stdin: "")
    #expect(paused.status == 3, "\(paused.stdout)\(paused.stderr)")
    fixture.expect(paused, "pool-paused")
    let drawn = try #require(try PoolFixture.matches(#"Activité 1 sur 2 : Situation (\w+)"#, in: paused.stdout).first)
    // The situation drawn leaves the course.
    let file = fixture.courses.appendingPathComponent("rappel-pool.xml")
    let id = drawn.lowercased()
    let others = [("casino", "Casino"), ("deuil", "Deuil"), ("conflit", "Conflit")].filter { $0.0 != id }
    let changed = PoolFixture.course.replacingOccurrences(
      of: PoolFixture.roleplay("casino", "Casino") + PoolFixture.roleplay("deuil", "Deuil")
        + PoolFixture.roleplay("conflit", "Conflit"),
      with: others.map { PoolFixture.roleplay($0.0, $0.1) }.joined())
    #expect(changed != PoolFixture.course)
    try changed.write(to: file, atomically: true, encoding: .utf8)
    let resumed = try fixture.run(
      ["run", "rappel-pool", "--helper", "marie", "--seed", "42"], stdin: String(repeating: "1\n", count: 40))
    #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
    // Told that the situation drawn is no longer in the course and which one starts over instead.
    fixture.expect(resumed, "pool-redrawn")
    let redrawn = try #require(
      try PoolFixture.matches(#"Activité 1 sur 2 : Situation (\w+)"#, in: resumed.stdout).first)
    #expect(redrawn != drawn)
  }

  @Test func validateAndTestPassOnThePooledCourseAndTheTour() throws {
    let fixture = try PoolFixture()
    defer { try? FileManager.default.removeItem(at: fixture.root) }
    let pooled = fixture.courses.appendingPathComponent("rappel-pool.xml").path
    let tour = Entraide.coursesDirectory.appendingPathComponent("format-tour.xml").path
    let validate = try Entraide.run(["validate", pooled, tour, "--lang", "en"])
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    fixture.expect(validate, "pool-validate")
    let test = try Entraide.run(["test", pooled, tour, "--lang", "en"])
    #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
    // "PASS rappel-pool (3 role-plays: …; 1 quiz: 200 seeds)", "PASS format-tour", "2 passed, 0 failed".
    fixture.expect(test, "pool-test")
  }
}
