import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary courses folder (the format tour, the schemas, a certification it grants) and registry.
struct RunFixture {
  let root: URL
  let courses: URL
  let db: String

  /// `today` is the day the runs count as.
  /// `db` is the registry (`--db`): a file of the fixture's folder unless given (a server's URL).
  init(today: String = "2026-11-22", db: String? = nil) throws {
    root = try Entraide.temporaryDirectory("entraide-run")
    courses = root.appendingPathComponent("Courses")
    self.db = db ?? root.appendingPathComponent("registry.sqlite").path
    self.today = today
    let files = FileManager.default
    try files.createDirectory(at: courses, withIntermediateDirectories: true)
    try files.copyItem(
      at: Entraide.coursesDirectory.appendingPathComponent("format-tour.xml"),
      to: courses.appendingPathComponent("format-tour.xml"))
    try files.copyItem(
      at: Entraide.coursesDirectory.appendingPathComponent("schema"), to: courses.appendingPathComponent("schema"))
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <certifications xmlns="urn:entraide:certification:1">
      <certification id="entraidant" validity="P1Y" window="P90D" lapse="P1Y">
        <title xml:lang="fr">Entraidant·e</title>
        <title xml:lang="en">Peer helper</title>
        <initial><course ref="format-tour"/></initial>
        <renewal><course ref="format-tour"/></renewal>
      </certification>
    </certifications>
    """.write(to: courses.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
  }

  let today: String

  var environment: [String: String] { ["ENTRAIDE_TODAY": today, "ENTRAIDE_COURSES": courses.path] }

  /// Adds a helper through the menu; returns the id the registry gave.
  func addHelper(name: String = "Marie Tremblay") throws -> String {
    let result = try Entraide.run(
      ["--db", db, "--lang", "en"], stdin: "2\n\(name)\nSCFP 1234\nMontréal\n\nq\n", environment: environment)
    #expect(result.status == 0, "menu: \(result.stderr)")
    let marker = "is registered with the id "
    guard let range = result.stdout.range(of: marker) else {
      Issue.record("no id in: \(result.stdout)")
      return ""
    }
    return String(result.stdout[range.upperBound...].prefix { $0 != "." && $0 != "\n" })
  }

  func runArguments(helper: String, lang: String, seed: Int = 42, extra: [String] = []) -> [String] {
    ["run", "format-tour", "--helper", helper, "--db", db, "--lang", lang, "--seed", String(seed)] + extra
  }

  /// Starts `entraide run` and answers with the oracle; stops after `answers` lines when given.
  /// Starts `entraide run` and answers with the oracle; stops after `answers` lines, or at the first
  /// prompt whose output contains `stopAt` (not answered), when given.
  func play(
    helper: String, lang: String, play: TourOracle.Play, answers limit: Int? = nil, stopAt: String? = nil,
    extra: [String] = []
  ) throws -> (run: InteractiveRun, transcript: [String]) {
    let run = try InteractiveRun(runArguments(helper: helper, lang: lang, extra: extra), environment: environment)
    var transcript: [String] = []
    // A tour that no longer matches the oracle re-prompts forever: 300 prompts (the tour needs about 30) ends it.
    while transcript.count < (limit ?? 300), let chunk = run.nextPrompt() {
      transcript.append(chunk)
      if let stopAt, chunk.contains(stopAt) { break }
      run.send(TourOracle.answer(to: chunk, play: play))
    }
    return (run, transcript)
  }

  /// `entraide status HELPER --format json`, decoded.
  func status(_ helper: String) throws -> [String: Any] {
    let result = try Entraide.run(
      ["status", helper, "--db", db, "--format", "json"], stdin: "", environment: environment)
    #expect(result.status == 0, "status: \(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return object as? [String: Any] ?? [:]
  }

  /// The helper's standing with the one certification of the fixture.
  func standing(_ helper: String) throws -> [String: Any] {
    (try status(helper)["certifications"] as? [[String: Any]])?.first { $0["certification"] as? String == "entraidant" }
      ?? [:]
  }

  /// `helpers show HELPER` in English: the helper, the audit log, the attempts with their states.
  func helpersShow(_ helper: String) throws -> String {
    let result = try Entraide.run(
      ["helpers", "show", helper, "--db", db, "--lang", "en"], stdin: "", environment: environment)
    #expect(result.status == 0, "helpers show: \(result.stderr)")
    return result.stdout
  }

  /// The attempt lines of `helpers show` (English labels, timestamps as `{TIME}`), oldest first.
  func attemptLines(_ helper: String) throws -> [String] {
    Transcript.normalized(try helpersShow(helper)).split(separator: "\n").map(String.init).filter {
      $0.contains("format-tour")
    }
  }

  /// The roster as the menu shows it.
  func roster(lang: String = "en") throws -> String {
    try Entraide.run(["--db", db, "--lang", lang], stdin: "3\nq\n", environment: environment).stdout
  }

  /// Expects a run's whole output to be the fixture `NAME.txt` (stdout) and its error output to be `stderr`.
  func expect(
    _ result: RunResult, status: Int32, stdout name: String, stderr: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == status, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    Transcript.expect(result.stdout, equals: name, root: root, sourceLocation: sourceLocation)
    Transcript.expect(result.stderr, equalsText: stderr, root: root, sourceLocation: sourceLocation)
  }

  /// Expects an interactive run's whole output to be the fixture `NAME.txt` and nothing on its error output.
  func expect(_ run: InteractiveRun, stdout name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    Transcript.expect(run.stdout, equals: name, root: root, sourceLocation: sourceLocation)
    Transcript.expect(run.stderr, equalsText: "", root: root, sourceLocation: sourceLocation)
  }
}

/// The part of a run's output from the course summary on.
func summary(_ output: String, lang: String) -> String {
  let heading = lang == "fr" ? "Bilan du cours" : "Course summary"
  guard let range = output.range(of: heading, options: .backwards) else { return "" }
  return String(output[range.lowerBound...])
}

@Test func theTourPassedInFrenchCertifiesTheHelper() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (run, transcript) = try fixture.play(helper: helper, lang: "fr", play: .pass)
  #expect(run.wait() == 0, "stderr: \(run.stderr)")
  // The whole tour: a pool of two lessons puts one more activity in each attempt ("Activité 2 sur 4"), marks
  // in course text kept as written, the certification it gives at the end; no escape sequence off a terminal.
  fixture.expect(run, stdout: "tour-passed-fr")
  #expect(transcript.count == 19)
  #expect(!run.stdout.contains("\u{1B}"))
  Transcript.expect(try fixture.roster(), equals: "tour-passed-fr-roster", root: fixture.root)
  let standing = try fixture.standing(helper)
  #expect(standing["status"] as? String == "certified")
  #expect(standing["certified_on"] as? String == "2026-11-22")
  #expect(standing["valid_through"] as? String == "2027-11-21")
  let passed = try fixture.status(helper)["courses_passed"] as? [[String: Any]]
  #expect(passed?.map { $0["course"] as? String } == ["format-tour"])
}

@Test func theTourFailedOnACriticalChoiceInEnglish() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (run, _) = try fixture.play(helper: helper, lang: "en", play: .critical)
  #expect(run.wait() == 1, "stderr: \(run.stderr)")
  // The critical choice's feedback, the one more try, the same choice again, the failed course.
  fixture.expect(run, stdout: "tour-critical-en")
  #expect(!run.stdout.contains("\u{1B}"))
  Transcript.expect(try fixture.roster(), equals: "tour-critical-en-roster", root: fixture.root)
  #expect(try fixture.standing(helper)["status"] as? String == "in-training")
  #expect((try fixture.status(helper)["courses_passed"] as? [Any])?.isEmpty == true)
}

@Test func pausedWithQAndResumedGivesTheSameResult() throws {
  // An uninterrupted run, for comparison.
  let reference = try RunFixture()
  let referenceHelper = try reference.addHelper()
  let (whole, _) = try reference.play(helper: referenceHelper, lang: "fr", play: .pass)
  #expect(whole.wait() == 0)

  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  // Two pages, the first choice, its feedback: then q at the second scene.
  let (first, _) = try fixture.play(helper: helper, lang: "fr", play: .pass, answers: 4)
  #expect(first.nextPrompt() != nil)
  first.send("q")
  #expect(first.wait() == 3)
  fixture.expect(first, stdout: "tour-paused-fr")

  let (second, _) = try fixture.play(helper: helper, lang: "fr", play: .pass)
  #expect(second.wait() == 0, "stderr: \(second.stderr)")
  // Resumed at scene 2 of the role-play, without the lesson's pages again.
  fixture.expect(second, stdout: "tour-resumed-fr")
  #expect(summary(second.stdout, lang: "fr") == summary(whole.stdout, lang: "fr"))
  // One attempt, paused then finished: not two.
  Transcript.expect(try fixture.helpersShow(helper), equals: "tour-paused-resumed-attempts", root: fixture.root)
  #expect(try fixture.standing(helper)["valid_through"] as? String == "2027-11-21")
}

@Test func cutOffByEndOfInputThenResumedInEnglish() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  // Both pages, then the first choice of the role-play; then the input ends.
  let cut = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "en"), stdin: "\n\n1\n", environment: fixture.environment)
  fixture.expect(cut, status: 3, stdout: "tour-cut-en")

  let (resumed, _) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(resumed.wait() == 0, "stderr: \(resumed.stderr)")
  // The choice made before the cut is there: its feedback comes first.
  fixture.expect(resumed, stdout: "tour-cut-resumed-en")
}

@Test func aKilledSessionLosesNothingBeforeItsLastAnswer() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (run, transcript) = try fixture.play(helper: helper, lang: "fr", play: .pass, answers: 3)
  // The third answer (the first choice) is saved before its feedback's prompt is shown.
  #expect(try #require(run.nextPrompt()).isEmpty == false)
  #expect(transcript.count == 3)
  run.signal(SIGKILL)
  #expect(run.wait() == 128 + SIGKILL)
  // Up to the first choice's feedback.
  fixture.expect(run, stdout: "tour-killed-fr")

  let (resumed, _) = try fixture.play(helper: helper, lang: "fr", play: .pass)
  #expect(resumed.wait() == 0, "stderr: \(resumed.stderr)")
  // Resumed with the first choice's feedback; the summary lists that choice first.
  fixture.expect(resumed, stdout: "tour-killed-resumed-fr")
}

@Test func ctrlCAndSigtermSaveAndExitWithTheirStatus() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (interrupted, _) = try fixture.play(helper: helper, lang: "fr", play: .pass, answers: 2)
  #expect(interrupted.nextPrompt() != nil)
  interrupted.signal(SIGINT)
  #expect(interrupted.wait() == 130)
  fixture.expect(interrupted, stdout: "tour-sigint-fr")

  let (terminated, _) = try fixture.play(helper: helper, lang: "en", play: .pass, answers: 1)
  #expect(terminated.nextPrompt() != nil)
  terminated.signal(SIGTERM)
  #expect(terminated.wait() == 143)
  // Resumed at scene 1 of the role-play, then stopped.
  fixture.expect(terminated, stdout: "tour-sigterm-en")
}

@Test func badLinesAtAPromptAreRefusedAndTheSamePromptComesBack() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  var input = Array("\n\n\nabc\n9\n1 2\n".utf8)
  input += [UInt8](repeating: UInt8(ascii: "7"), count: 5000) + [0x0A]
  input += [0x31, 0xC3, 0x28, 0x0A]
  input += Array("1\n".utf8)
  let result = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "fr"), stdinData: Data(input), environment: fixture.environment)
  // The scene shown once; after each of the six bad lines (empty, not a number, out of range, two numbers,
  // too long, not UTF-8) its message and the same prompt; then the first choice and its feedback.
  fixture.expect(result, status: 3, stdout: "tour-bad-lines-fr")
  let prompt = "Tape le numéro d'un choix, de 1 à 2 (? aide, r répéter, q quitter)\n> "
  #expect(result.stdout.components(separatedBy: prompt).count == 8)
}

@Test func restartAbandonsTheAttemptInProgress() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let cut = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "fr"), stdin: "\n\n1\n", environment: fixture.environment)
  fixture.expect(cut, status: 3, stdout: "tour-cut-fr")
  let restarted = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "fr", extra: ["--restart"]), stdin: "\n",
    environment: fixture.environment)
  // The attempt abandoned, a new one from page 1 (no « Reprise de »).
  fixture.expect(restarted, status: 3, stdout: "tour-restarted-fr")
  // The first attempt abandoned, the second in progress.
  Transcript.expect(try fixture.helpersShow(helper), equals: "tour-restarted-attempts", root: fixture.root)
}

@Test func aChangedCourseFileRestartsTheActivityInProgressAndKeepsFinishedOnes() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  // Lesson and role-play done; stop at the quiz's first question.
  let (first, _) = try fixture.play(helper: helper, lang: "en", play: .pass, stopAt: "Question 1 of 5")
  first.send("q")
  #expect(first.wait() == 3)
  fixture.expect(first, stdout: "tour-before-change-en")

  let file = fixture.courses.appendingPathComponent("format-tour.xml")
  let handle = try FileHandle(forWritingTo: file)
  try handle.seekToEnd()
  try handle.write(contentsOf: Data("<!-- edited -->\n".utf8))
  try handle.close()

  let (resumed, _) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(resumed.wait() == 0, "stderr: \(resumed.stderr)")
  // Told that the file changed, the quiz from its first question (no lesson page again); the role-play
  // finished before the change is in the summary.
  fixture.expect(resumed, stdout: "tour-after-change-en")
}

@Test func aCourseThatFailsValidationIsRefusedBeforeStarting() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let bad = fixture.root.appendingPathComponent("bad.xml")
  try """
  <?xml version="1.0" encoding="UTF-8"?>
  <course xmlns="urn:entraide:course:1" id="bad" version="1" duration="PT5M">
    <title>Mauvais</title>
    <roleplay id="r" start="nulle-part">
      <title>R</title>
      <character id="luc" name="Luc"/>
      <scene id="a"><line by="luc">Allo</line><choice to="fin"><say>Oui</say></choice></scene>
      <ending id="fin" result="pass"/>
    </roleplay>
  </course>
  """.write(to: bad, atomically: true, encoding: .utf8)
  let result = try Entraide.run(
    ["run", bad.path, "--helper", helper, "--db", fixture.db, "--lang", "fr"], stdin: "",
    environment: fixture.environment)
  #expect(result.status == 2)
  Transcript.expect(
    result.stderr,
    equalsText: """
      {ROOT}/bad.xml:4:3: error: la scène « nulle-part » est la scène de départ (start) du jeu de rôle « r » à la ligne 4 mais n'est pas définie ; scènes définies : a ; fins définies : fin
      entraide : erreur : Le cours « {ROOT}/bad.xml » ne passe pas la validation ; entraide validate dit pourquoi.

      """, root: fixture.root)
  #expect(result.stdout.isEmpty)
}

@Test func anUnknownHelperIsRefusedWithExitTwo() throws {
  let fixture = try RunFixture()
  _ = try fixture.addHelper()
  let result = try Entraide.run(
    fixture.runArguments(helper: "personne", lang: "fr"), stdin: "", environment: fixture.environment)
  #expect(result.status == 2)
  #expect(result.stderr == "entraide : erreur : Aucun·e entraidant·e n’a l’identifiant « personne ».\n")
  #expect(result.stdout.isEmpty)
}

@Test func courseTextWithAnEscapeSequenceIsPrintedWithoutIt() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let course = fixture.root.appendingPathComponent("controle.xml")
  // XML 1.0 cannot hold ESC itself; the 8-bit CSI (U+009B) is allowed and terminals obey it.
  try """
  <?xml version="1.0" encoding="UTF-8"?>
  <course xmlns="urn:entraide:course:1" id="controle" version="1" duration="PT5M">
    <title>Contr&#x9B;2Jôle</title>
    <summary>Un cours piégé.</summary>
    <lesson id="l">
      <title>Leçon&#x9B;31m</title>
      <page><p>Texte &#x9B;2J&#x9B;Hpropre.</p></page>
    </lesson>
  </course>
  """.write(to: course, atomically: true, encoding: .utf8)
  let result = try Entraide.run(
    ["run", course.path, "--helper", helper, "--db", fixture.db, "--lang", "fr"], stdin: "\n",
    environment: fixture.environment)
  // "Cours : Contr2Jôle", "Activité 1 sur 1 : Leçon31m", "Texte 2JHpropre.".
  fixture.expect(result, status: 0, stdout: "escape-in-course-fr")
  #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x1B })
}

/// Colour needs a terminal: `script` gives the run one, so this checks NO_COLOR and TERM=dumb really matter.
@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
func colourOnlyOnATerminalWithoutNoColor() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  func run(_ extra: [String: String]) throws -> String {
    let command = ([Entraide.binary.path] + fixture.runArguments(helper: helper, lang: "fr", extra: ["--restart"]))
      .map { "'\($0)'" }.joined(separator: " ")
    let session = try InteractiveRun(
      ["-q", "-e", "-c", command, "/dev/null"],
      environment: fixture.environment.merging(["TERM": "xterm"]) { $1 }.merging(extra) { $1 },
      executable: URL(fileURLWithPath: "/usr/bin/script"))
    #expect(session.nextPrompt() != nil)
    session.send("q")
    #expect(session.wait() == 3)
    return session.stdout
  }
  let coloured = try run([:])
  #expect(coloured.contains("\u{1B}["))
  Transcript.expect(coloured, equals: "colour-terminal-fr", root: fixture.root)
  let noColor = try run(["NO_COLOR": "1"])
  #expect(!noColor.contains("\u{1B}["))
  Transcript.expect(noColor, equals: "colour-no-color-fr", root: fixture.root)
  let dumb = try run(["TERM": "dumb"])
  #expect(!dumb.contains("\u{1B}["))
  Transcript.expect(dumb, equals: "colour-no-color-fr", root: fixture.root)
}

@Test func plainModeHasNoBoxDrawingNoMarksAndAsciiBullets() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (run, _) = try fixture.play(helper: helper, lang: "fr", play: .pass, extra: ["--plain"])
  #expect(run.wait() == 0, "stderr: \(run.stderr)")
  fixture.expect(run, stdout: "tour-passed-plain-fr")
  let output = run.stdout
  #expect(!output.contains("─"))
  #expect(!output.contains("✔"))
  #expect(!output.contains("•"))
  #expect(!output.contains("\u{1B}"))
}

@Test func theMenuMarksEachCourseWithWhatItWouldDoAndRunsIt() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  // Pick the helper, then the only course; q at its first page, q back twice.
  let before = try Entraide.run(
    ["--db", fixture.db, "--lang", "en"], stdin: "1\n1\n1\nq\nq\nq\nq\n", environment: fixture.environment)
  // "never certified", the course "completes the initial training", its first page, then "in progress".
  fixture.expect(before, status: 0, stdout: "menu-before-en")

  let (run, _) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(run.wait() == 0)
  let after = try Entraide.run(
    ["--db", fixture.db, "--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: fixture.environment)
  // Valid through 2027-11-21; taken again the same day, the course renews early (what `record` would then store).
  fixture.expect(after, status: 0, stdout: "menu-after-fr")

  // A year later, inside the renewal window.
  let due = try Entraide.run(
    ["--db", fixture.db, "--lang", "en"], stdin: "1\n1\nq\nq\nq\n",
    environment: fixture.environment.merging(["ENTRAIDE_TODAY": "2027-10-01"]) { $1 })
  // Inside the renewal window: "renewal due: Peer helper then valid through 2028-11-21".
  fixture.expect(due, status: 0, stdout: "menu-due-en")
}

@Test func theMenuRefusesWhatIsNotAChoiceAndEndsAtTheEndOfInput() throws {
  let fixture = try RunFixture()
  let result = try Entraide.run(
    ["--db", fixture.db, "--lang", "fr"], stdin: "7\nabc\n", environment: fixture.environment)
  // « 7 » and « abc » refused, the same prompt after each, the end at the end of input.
  fixture.expect(result, status: 0, stdout: "menu-not-a-choice-fr")
}

@Test func aMissingPrerequisiteIsRefusedUntilItIsPassed() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  try """
  <?xml version="1.0" encoding="UTF-8"?>
  <course xmlns="urn:entraide:course:1" id="suite" version="1" duration="PT5M">
    <title>Suite</title>
    <requires course="format-tour"/>
    <lesson id="l">
      <title>Leçon</title>
      <page><p>Après la visite.</p></page>
    </lesson>
  </course>
  """.write(to: fixture.courses.appendingPathComponent("suite.xml"), atomically: true, encoding: .utf8)
  let arguments = ["run", "suite", "--helper", helper, "--db", fixture.db, "--lang", "en"]
  let refused = try Entraide.run(arguments, stdin: "\n", environment: fixture.environment)
  #expect(refused.status == 2, "stderr: \(refused.stderr)")
  #expect(refused.stderr == "entraide: error: The course “suite” requires passing first: format-tour.\n")
  #expect(refused.stdout.isEmpty)

  let (tour, _) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(tour.wait() == 0)
  let allowed = try Entraide.run(arguments, stdin: "\n", environment: fixture.environment)
  fixture.expect(allowed, status: 0, stdout: "prerequisite-passed-en")
}

@Test func aRoleplayNoRunCanPassIsRefusedLikeValidateDoes() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let course = fixture.root.appendingPathComponent("impossible.xml")
  try """
  <?xml version="1.0" encoding="UTF-8"?>
  <course xmlns="urn:entraide:course:1" id="impossible" version="1" duration="PT5M">
    <title>Impossible</title>
    <roleplay id="r" start="a" pass="5">
      <title>R</title>
      <character id="luc" name="Luc"/>
      <skill id="s"><title>S</title></skill>
      <scene id="a">
        <line by="luc">Allo</line>
        <choice to="fin"><say>Oui</say><score skill="s" points="1"/></choice>
      </scene>
      <ending id="fin" result="pass"/>
    </roleplay>
  </course>
  """.write(to: course, atomically: true, encoding: .utf8)
  let result = try Entraide.run(
    ["run", course.path, "--helper", helper, "--db", fixture.db, "--lang", "en"], stdin: "\n",
    environment: fixture.environment)
  #expect(result.status == 2)
  Transcript.expect(result.stderr, equals: "roleplay-no-pass-en-stderr", root: fixture.root)
  #expect(result.stdout.isEmpty)
}

@Test func badUsageExitsWithTwo() throws {
  let fixture = try RunFixture()
  let missing = try Entraide.run(
    ["run", "format-tour", "--db", fixture.db], stdin: "", environment: fixture.environment)
  #expect(missing.status == 2)
  Transcript.expect(missing.stderr, equals: "usage-missing-helper", root: fixture.root)
  #expect(missing.stdout.isEmpty)
  let badSeed = try Entraide.run(
    ["run", "format-tour", "--helper", "x", "--seed", "abc", "--db", fixture.db], stdin: "",
    environment: fixture.environment)
  #expect(badSeed.status == 2)
  Transcript.expect(badSeed.stderr, equals: "usage-bad-seed", root: fixture.root)
  #expect(badSeed.stdout.isEmpty)
}
