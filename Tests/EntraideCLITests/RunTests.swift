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

  /// The states of the helper's attempts, oldest first, as `helpers show` lists them (English labels).
  func attemptLines(_ helper: String) throws -> [String] {
    let result = try Entraide.run(
      ["helpers", "show", helper, "--db", db, "--lang", "en"], stdin: "", environment: environment)
    return result.stdout.split(separator: "\n").map(String.init).filter { $0.contains("format-tour") }
  }

  /// The roster as the menu shows it.
  func roster(lang: String = "en") throws -> String {
    try Entraide.run(["--db", db, "--lang", lang], stdin: "3\nq\n", environment: environment).stdout
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
  let output = run.stdout
  #expect(transcript.count > 15)
  #expect(output.contains("Cours : Visite du format"))
  // The tour's pool of two lessons puts one more activity in each attempt.
  #expect(output.contains("Activité 2 sur 4 : La pause café"))
  #expect(output.contains("Choisie parmi 2 : chaque tentative en présente une autre"))
  #expect(output.contains("Luc : « Ça va… je suis juste fatigué. »"))
  #expect(output.contains("L'entraidante ou l'entraidant _accueille_, *écoute*, accompagne et réfère."))
  #expect(output.contains("Tape le numéro d'un choix, de 1 à 2 (? aide, r répéter, q quitter)"))
  #expect(output.contains("✔ Cours réussi."))
  #expect(output.contains("  Entraidant·e : valide jusqu’au 2027-11-21"))
  #expect(!output.contains("\u{1B}"))
  let roster = try fixture.roster()
  #expect(
    roster.contains(
      "\nMontréal  SCFP 1234  Marie Tremblay  \(helper)  Peer helper    certified  2026-11-22    2027-11-21     364\n"))
  #expect(roster.contains("\nRows: 1 (peer helpers: 1). Certified: 1; due: 0; expired: 0; lapsed: 0; in training: 0;"))
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
  let output = run.stdout
  #expect(output.contains("Never promise absolute secrecy: a life may be at stake."))
  #expect(output.contains("✘ Critical choice: this choice fails the role-play."))
  #expect(output.contains("You have one more try to pass this activity."))
  #expect(output.contains("✘ A critical choice was made: the role-play fails whatever the outcome."))
  #expect(output.contains("✘ Course failed."))
  #expect(output.contains("This course changes no certification."))
  #expect(!output.contains("\u{1B}"))
  #expect(
    try fixture.roster().contains(
      "\nMontréal  SCFP 1234  Marie Tremblay  \(helper)  Peer helper    in training  —             —              —\n"))
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
  #expect(first.stdout.contains("Progression enregistrée. Relance la même commande pour reprendre."))

  let (second, transcript) = try fixture.play(helper: helper, lang: "fr", play: .pass)
  #expect(second.wait() == 0, "stderr: \(second.stderr)")
  #expect(transcript.first?.contains("Reprise de « La pause café », scène 2…") == true)
  #expect(transcript.first?.contains("Page 1 sur 2") == false)
  #expect(summary(second.stdout, lang: "fr") == summary(whole.stdout, lang: "fr"))
  #expect(summary(second.stdout, lang: "fr").contains("Ton parcours :"))
  // One attempt, paused then finished: not two.
  #expect(try fixture.attemptLines(helper).count == 1)
  #expect(try fixture.standing(helper)["valid_through"] as? String == "2027-11-21")
}

@Test func cutOffByEndOfInputThenResumedInEnglish() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  // Both pages, then the first choice of the role-play; then the input ends.
  let cut = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "en"), stdin: "\n\n1\n", environment: fixture.environment)
  #expect(cut.status == 3, "stderr: \(cut.stderr)")
  #expect(cut.stdout.hasSuffix("End of input: progress saved. Run the same command again to resume.\n"))

  let (resumed, transcript) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(resumed.wait() == 0, "stderr: \(resumed.stderr)")
  // The choice made before the cut is there: its feedback comes first.
  #expect(transcript.first?.contains("Resuming “The coffee break”, scene 2…") == true)
  #expect(transcript.first?.contains("An open question leaves Luc free to answer.") == true)
  #expect(resumed.stdout.contains("✔ Course passed."))
  #expect(resumed.stdout.contains("Peer helper: valid through 2027-11-21"))
}

@Test func aKilledSessionLosesNothingBeforeItsLastAnswer() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (run, transcript) = try fixture.play(helper: helper, lang: "fr", play: .pass, answers: 3)
  // The third answer (the first choice) is saved before its feedback's prompt is shown.
  let next = try #require(run.nextPrompt())
  #expect(next.contains("Une question ouverte laisse Luc libre de répondre."))
  #expect(transcript.count == 3)
  run.signal(SIGKILL)
  #expect(run.wait() == 128 + SIGKILL)

  let (resumed, after) = try fixture.play(helper: helper, lang: "fr", play: .pass)
  #expect(resumed.wait() == 0, "stderr: \(resumed.stderr)")
  #expect(after.first?.contains("Reprise de « La pause café », scène 2…") == true)
  #expect(after.first?.contains("Une question ouverte laisse Luc libre de répondre.") == true)
  #expect(
    summary(resumed.stdout, lang: "fr").contains(
      "1. « Tu as l'air épuisé ces temps-ci. Qu'est-ce qui se passe pour toi ? »"))
}

@Test func ctrlCAndSigtermSaveAndExitWithTheirStatus() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (interrupted, _) = try fixture.play(helper: helper, lang: "fr", play: .pass, answers: 2)
  #expect(interrupted.nextPrompt() != nil)
  interrupted.signal(SIGINT)
  #expect(interrupted.wait() == 130)
  #expect(interrupted.stdout.contains("Interruption (Ctrl-C) : progression enregistrée."))

  let (terminated, transcript) = try fixture.play(helper: helper, lang: "en", play: .pass, answers: 1)
  #expect(transcript.first?.contains("Resuming “The coffee break”, scene 1…") == true, "\(transcript)")
  #expect(terminated.nextPrompt() != nil)
  terminated.signal(SIGTERM)
  #expect(terminated.wait() == 143)
  #expect(terminated.stdout.contains("Stop requested (SIGTERM): progress saved."))
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
  #expect(result.status == 3, "stderr: \(result.stderr)")
  let output = result.stdout
  let prompt = "Tape le numéro d'un choix, de 1 à 2 (? aide, r répéter, q quitter)\n> "
  #expect(output.contains("! Réponse vide : tape un numéro de 1 à 2."))
  #expect(output.contains("! « abc » n'est pas un numéro : tape un numéro de 1 à 2."))
  #expect(output.contains("! Le numéro 9 n'existe pas : tape un numéro de 1 à 2."))
  #expect(output.contains("! Cette ligne dépasse 4096 octets ; elle a été ignorée."))
  #expect(output.contains("! Cette ligne n'est pas du texte UTF-8 valide ; elle a été ignorée."))
  // The scene was shown once; its prompt came back after each of the six bad lines.
  #expect(output.components(separatedBy: "Ça va… je suis juste fatigué.").count == 2)
  #expect(output.components(separatedBy: prompt).count == 8)
  #expect(output.contains("Une question ouverte laisse Luc libre de répondre."))
}

@Test func restartAbandonsTheAttemptInProgress() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let cut = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "fr"), stdin: "\n\n1\n", environment: fixture.environment)
  #expect(cut.status == 3)
  let restarted = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "fr", extra: ["--restart"]), stdin: "\n",
    environment: fixture.environment)
  #expect(restarted.status == 3)
  #expect(restarted.stdout.contains("La tentative en cours a été abandonnée (elle reste dans l'historique)"))
  #expect(restarted.stdout.contains("Page 1 sur 2"))
  #expect(!restarted.stdout.contains("Reprise de"))
  let states = try fixture.attemptLines(helper)
  #expect(states.count == 2)
  #expect(states.first?.contains("abandoned") == true)
  #expect(states.last?.contains("in progress") == true)
}

@Test func aChangedCourseFileRestartsTheActivityInProgressAndKeepsFinishedOnes() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  // Lesson and role-play done; stop at the quiz's first question.
  let (first, _) = try fixture.play(helper: helper, lang: "en", play: .pass, stopAt: "Question 1 of 5")
  first.send("q")
  #expect(first.wait() == 3)

  let file = fixture.courses.appendingPathComponent("format-tour.xml")
  let handle = try FileHandle(forWritingTo: file)
  try handle.seekToEnd()
  try handle.write(contentsOf: Data("<!-- edited -->\n".utf8))
  try handle.close()

  let (resumed, transcript) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(resumed.wait() == 0, "stderr: \(resumed.stderr)")
  let start = try #require(transcript.first)
  #expect(
    start.contains(
      "The course file has changed since this attempt began. Finished activities are\nkept; “Check” starts over from the beginning."
    ))
  #expect(start.contains("Question 1 of 5"))
  #expect(!resumed.stdout.contains("Page 1 of 2"))
  // The role-play finished before the change is in the summary.
  #expect(summary(resumed.stdout, lang: "en").contains("The coffee break\n✔ Activity passed."))
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
  #expect(result.stderr.contains("bad.xml:4:"))
  #expect(result.stdout.isEmpty)
}

@Test func anUnknownHelperIsRefusedWithExitTwo() throws {
  let fixture = try RunFixture()
  _ = try fixture.addHelper()
  let result = try Entraide.run(
    fixture.runArguments(helper: "personne", lang: "fr"), stdin: "", environment: fixture.environment)
  #expect(result.status == 2)
  #expect(result.stderr.hasPrefix("entraide : erreur : "))
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
  #expect(result.status == 0, "stderr: \(result.stderr)")
  #expect(result.stdout.contains("Cours : Contr2Jôle"))
  #expect(result.stdout.contains("Activité 1 sur 1 : Leçon31m"))
  #expect(result.stdout.contains("Texte 2JHpropre."))
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
  #expect(try run([:]).contains("\u{1B}["))
  #expect(!(try run(["NO_COLOR": "1"])).contains("\u{1B}["))
  #expect(!(try run(["TERM": "dumb"])).contains("\u{1B}["))
}

@Test func plainModeHasNoBoxDrawingNoMarksAndAsciiBullets() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let (run, _) = try fixture.play(helper: helper, lang: "fr", play: .pass, extra: ["--plain"])
  #expect(run.wait() == 0, "stderr: \(run.stderr)")
  let output = run.stdout
  #expect(output.contains("\nCours réussi.\n"))
  #expect(output.contains("\nActivité réussie.\n"))
  #expect(output.contains("  - Accueillir\n"))
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
  #expect(before.status == 0, "stderr: \(before.stderr)")
  #expect(before.stdout.contains("  1. Marie Tremblay (\(helper))\n"))
  #expect(before.stdout.contains("  • Peer helper: never certified\n"))
  #expect(
    before.stdout.contains(
      "  1. Format tour — completes the initial training: Peer helper valid through\n     2027-11-21\n"))
  #expect(before.stdout.contains("Progress saved. Run the same command again to resume."))
  #expect(before.stdout.contains("  1. Format tour — in progress: resumes where you were\n"))

  let (run, _) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(run.wait() == 0)
  let after = try Entraide.run(
    ["--db", fixture.db, "--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: fixture.environment)
  #expect(after.stdout.contains("  • Entraidant·e : valide jusqu'au 2027-11-21\n"))
  // Taken again the same day, the course renews early (what `record` would then store).
  #expect(
    after.stdout.contains(
      "  1. Visite du format — renouvellement anticipé : Entraidant·e valide ensuite\n     jusqu'au 2027-11-21\n"))

  // A year later, inside the renewal window.
  let due = try Entraide.run(
    ["--db", fixture.db, "--lang", "en"], stdin: "1\n1\nq\nq\nq\n",
    environment: fixture.environment.merging(["ENTRAIDE_TODAY": "2027-10-01"]) { $1 })
  #expect(due.stdout.contains("  1. Format tour — renewal due: Peer helper then valid through 2028-11-21\n"))
}

@Test func theMenuRefusesWhatIsNotAChoiceAndEndsAtTheEndOfInput() throws {
  let fixture = try RunFixture()
  let result = try Entraide.run(
    ["--db", fixture.db, "--lang", "fr"], stdin: "7\nabc\n", environment: fixture.environment)
  #expect(result.status == 0)
  #expect(result.stdout.contains("! « 7 » n'est pas un choix : tapez un numéro de 1 à 3, ou q."))
  #expect(result.stdout.contains("! « abc » n'est pas un choix : tapez un numéro de 1 à 3, ou q."))
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
  #expect(allowed.status == 0, "stderr: \(allowed.stderr)")
  #expect(allowed.stdout.contains("Après la visite."))
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
  #expect(result.stderr.contains("impossible.xml:4:"))
  #expect(result.stderr.contains("impossible.xml:4:3: error: pass=\"5\" is above the most points a run can score"))
  #expect(
    result.stderr.hasSuffix("error: The course “\(course.path)” fails validation; entraide validate shows why.\n"))
  #expect(result.stdout.isEmpty)
}

@Test func badUsageExitsWithTwo() throws {
  let fixture = try RunFixture()
  let missing = try Entraide.run(
    ["run", "format-tour", "--db", fixture.db], stdin: "", environment: fixture.environment)
  #expect(missing.status == 2)
  #expect(missing.stderr.hasPrefix("Error: Missing expected argument '--helper <helper>'"))
  let badSeed = try Entraide.run(
    ["run", "format-tour", "--helper", "x", "--seed", "abc", "--db", fixture.db], stdin: "",
    environment: fixture.environment)
  #expect(badSeed.status == 2)
  #expect(badSeed.stderr.contains("abc"))
}
