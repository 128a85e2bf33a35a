import CourseEngine
import CourseModel
import CourseXML
import Foundation
import Testing

/// The shipped courses, read from `Courses/` by the real loader and played by the real explorer.
@Suite struct ShippedCoursesTests {
  static let courses = LoadedTourTests.packageRoot.appendingPathComponent("Courses")

  /// Every shipped course file except the certifications.
  static func courseFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: courses, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "xml" && $0.lastPathComponent != "certifications.xml" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  static func load(_ file: URL) throws -> Course {
    let loader = CourseLoader(schemaDirectory: courses.appendingPathComponent("schema"))
    let (course, findings) = loader.loadCourse(at: file)
    #expect(findings.filter { $0.severity == .error } == [], "\(file.lastPathComponent)")
    return try #require(course, "\(file.lastPathComponent) does not load")
  }

  static func load(id: String) throws -> Course { try load(courses.appendingPathComponent("\(id).xml")) }

  /// The role-plays of a course, those inside pools included.
  static func roleplays(_ course: Course) -> [Roleplay] {
    course.allActivities.compactMap { activity in
      if case .roleplay(let roleplay) = activity { return roleplay }
      return nil
    }
  }

  static func quizzes(_ course: Course) -> [Quiz] {
    course.allActivities.compactMap { activity in
      if case .quiz(let quiz) = activity { return quiz }
      return nil
    }
  }

  /// The courses where the 911 rule applies: the sentinel course, its refresher, the annual refresher (which
  /// draws suicide-prevention situations too) and `referer` (its gambling role-play turns to suicidal thoughts).
  static func isSuicidePrevention(_ courseID: String) -> Bool {
    courseID.hasPrefix("prevention-suicide") || courseID.hasPrefix("ressourcement") || courseID == "referer"
  }

  /// A choice that calls 911: its `say`, in any language, names the number.
  static func callsEmergency(_ choice: Choice) -> Bool {
    choice.say.values.values.contains { $0.contains("911") }
  }

  static func points(_ choice: Choice) -> Int { choice.scores.reduce(0) { $0 + $1.points } }

  @Test func everyShippedCourseLoadsWithoutErrorsAndPassesTheExplorer() throws {
    let files = try Self.courseFiles()
    #expect(files.count >= 6)
    for file in files {
      let course = try Self.load(file)
      let check = Explorer().check(course, quizSeeds: 50)
      #expect(check.passed, "\(course.id): \(check.report(language: .en))")
    }
  }

  /// Teaching standard (docs/content-facts.md): a helper who calls 911 believing a life is in danger is never
  /// told they were wrong, and calling 911 never scores below another choice of its scene.
  @Test func callingNineOneOneNeverScoresBelowAnotherChoiceNorFails() throws {
    var seen = 0
    for file in try Self.courseFiles() {
      let course = try Self.load(file)
      guard Self.isSuicidePrevention(course.id) else { continue }
      let check = Explorer().check(course, quizSeeds: 1)
      for roleplay in Self.roleplays(course) {
        let exploration = try #require(check.roleplays.first { $0.roleplayID == roleplay.id })
        let failing = Set(exploration.failingChoices.map { "\($0.sceneID)#\($0.index)" })
        let failEndings = Set(roleplay.endings.filter { $0.result == .fail }.map(\.id))
        for scene in roleplay.scenes {
          let best = scene.choices.map(Self.points).max() ?? 0
          for (index, choice) in scene.choices.enumerated() where Self.callsEmergency(choice) {
            seen += 1
            let place = "\(course.id)/\(roleplay.id)/\(scene.id) choice \(index + 1)"
            #expect(Self.points(choice) == best, "\(place) scores \(Self.points(choice)), another scores \(best)")
            #expect(!choice.critical, "\(place) is critical")
            #expect(!failEndings.contains(choice.to), "\(place) leads straight to a failing end")
            #expect(!failing.contains("\(scene.id)#\(index)"), "\(place): no run passes after it")
          }
        }
      }
    }
    // The rule is checked on real choices: the sentinel course alone offers 911 in both role-plays.
    #expect(seen >= 10)
  }

  @Test(arguments: ["ecoute-active", "referer", "prevention-suicide"])
  func initialCoursesHaveVariedRoleplaysAndQuizzes(_ id: String) throws {
    let course = try Self.load(id: id)
    let roleplays = Self.roleplays(course)
    #expect(roleplays.count >= 2)
    for roleplay in roleplays {
      #expect(roleplay.scenes.count >= 8, "\(roleplay.id): \(roleplay.scenes.count) scenes")
      #expect(roleplay.endings.filter { $0.result == .pass }.count >= 2, "\(roleplay.id): passing endings")
      #expect(roleplay.endings.filter { $0.result == .fail }.count >= 2, "\(roleplay.id): failing endings")
    }
    let check = Explorer().check(course, quizSeeds: 1)
    for exploration in check.roleplays {
      let passEndings = Set(
        roleplays.first { $0.id == exploration.roleplayID }?.endings.filter { $0.result == .pass }.map(\.id) ?? [])
      // Every passing ending is reachable: more than one good way through.
      #expect(passEndings.isSubset(of: Set(exploration.endingsReached)), "\(exploration.roleplayID)")
    }
    let quizzes = Self.quizzes(course)
    #expect(quizzes.count >= 1)
    for quiz in quizzes {
      #expect(quiz.questions.count >= 10, "\(quiz.id): \(quiz.questions.count) questions")
      let kinds = Set(quiz.questions.map { Self.kindName($0.kind) })
      #expect(kinds.count >= 4, "\(quiz.id): kinds \(kinds.sorted())")
    }
  }

  /// Issue 11: each refresher draws one role-play from a pool of at least three (each of eight scenes or more,
  /// with two passing and two failing ends, every passing end reachable) and a quiz that draws at least eight
  /// questions from at least three times as many.
  @Test(arguments: ["ressourcement-annuel", "prevention-suicide-rappel"])
  func refreshersDrawARoleplayFromAPoolAndEightQuestionsOfMany(_ id: String) throws {
    let course = try Self.load(id: id)
    let pools = course.activities.compactMap { activity -> Pool? in
      if case .pool(let pool) = activity { return pool }
      return nil
    }
    #expect(pools.count == 1)
    let pool = try #require(pools.first)
    #expect(pool.draw == 1)
    let roleplays = pool.activities.compactMap { activity -> Roleplay? in
      if case .roleplay(let roleplay) = activity { return roleplay }
      return nil
    }
    #expect(roleplays.count >= 3)
    #expect(roleplays.count == pool.activities.count)
    let check = Explorer().check(course, quizSeeds: 1)
    for roleplay in roleplays {
      #expect(roleplay.scenes.count >= 8, "\(roleplay.id): \(roleplay.scenes.count) scenes")
      let passEndings = Set(roleplay.endings.filter { $0.result == .pass }.map(\.id))
      #expect(passEndings.count >= 2, "\(roleplay.id): passing endings")
      #expect(roleplay.endings.filter { $0.result == .fail }.count >= 2, "\(roleplay.id): failing endings")
      let exploration = try #require(check.roleplays.first { $0.roleplayID == roleplay.id })
      #expect(passEndings.isSubset(of: Set(exploration.endingsReached)), "\(roleplay.id)")
    }
    let quiz = try #require(Self.quizzes(course).first)
    let draw = try #require(quiz.draw)
    #expect(draw >= 8)
    #expect(quiz.questions.count >= 3 * draw, "\(quiz.id): \(quiz.questions.count) questions for a draw of \(draw)")
    #expect(Set(quiz.questions.map { Self.kindName($0.kind) }).count == 6)
  }

  /// The suicide refresher's pool practises imminent danger (911, staying with the person) and the helper's own
  /// values about suicide (AQPS), each in a role-play of its own.
  @Test func theSuicideRefresherPractisesImminentDangerAndTheHelpersOwnValues() throws {
    let course = try Self.load(id: "prevention-suicide-rappel")
    let roleplays = Self.roleplays(course)
    let imminent = try #require(roleplays.first { $0.id == "camionnette" })
    // 911 is offered in most of its scenes, and passing needs points in calling 911 and staying.
    let callingScenes = imminent.scenes.filter { $0.choices.contains(where: Self.callsEmergency) }
    #expect(callingScenes.count >= 6)
    #expect(imminent.skills.contains { $0.id == "agir" && $0.min == 4 })
    let values = try #require(roleplays.first { $0.id == "valeurs" })
    #expect(values.skills.contains { $0.id == "conscience" && ($0.min ?? 0) >= 2 })
  }

  static func kindName(_ kind: Question.Kind) -> String {
    switch kind {
    case .single: "single"
    case .multiple: "multiple"
    case .truefalse: "truefalse"
    case .order: "order"
    case .match: "match"
    case .short: "short"
    }
  }
}
