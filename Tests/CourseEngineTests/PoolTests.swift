import CourseEngine
import CourseModel
import Foundation
import Testing

/// A small role-play: choice 1 reaches the passing ending, choice 2 the failing one.
func situation(_ id: String) -> Activity {
  .roleplay(
    Roleplay(
      id: id, title: bi("Situation \(id)", "Situation \(id)"), start: "a", retries: 1,
      characters: [Persona(id: "luc", name: "Luc")],
      scenes: [
        Scene(
          id: "a", lines: [Line(by: "luc", language: nil, text: "Bonjour (\(id)).")],
          choices: [
            Choice(say: bi("Je t'écoute.", "I'm listening."), to: "bien"),
            Choice(say: bi("Ce n'est rien.", "It's nothing."), to: "mal"),
          ])
      ],
      endings: [Ending(id: "bien", result: .pass), Ending(id: "mal", result: .fail)]))
}

func trueQuestion(_ id: String) -> Question {
  Question(id: id, prompt: bi("Vrai ? (\(id))", "True? (\(id))"), kind: .truefalse(answer: true))
}

/// A lesson, a pool of three role-plays (draw 1), a quiz of six questions (draw 2) and a pool of a lesson and a
/// quiz (draw 1).
let pooledCourse = Course(
  id: "refresher", version: "1", languages: ["fr", "en"], title: bi("Rappel", "Refresher"),
  activities: [
    .lesson(Lesson(id: "accueil", title: bi("Accueil", "Welcome"), pages: [Page()])),
    .pool(Pool(id: "situations", draw: 1, activities: ["casino", "deuil", "conflit"].map(situation))),
    .quiz(
      Quiz(
        id: "verification", title: bi("Vérification", "Check"), passPercent: 50, draw: 2, retries: 1,
        questions: (1...6).map { trueQuestion("q\($0)") })),
    .pool(
      Pool(
        id: "revision", draw: 1,
        activities: [
          .lesson(Lesson(id: "lecture", title: bi("Lecture", "Reading"), pages: [Page(), Page()])),
          .quiz(
            Quiz(
              id: "mini", title: bi("Mini", "Mini"), passPercent: 100, shuffle: true, draw: 1,
              questions: [trueQuestion("m1"), trueQuestion("m2")])),
        ])),
  ], digest: "refresher-1")

func pool(_ id: String, in course: Course = pooledCourse) throws -> Pool {
  let found = course.activities.compactMap { activity -> Pool? in
    if case .pool(let pool) = activity, pool.id == id { return pool }
    return nil
  }
  return try #require(found.first)
}

func quiz(_ id: String, in course: Course = pooledCourse) throws -> Quiz {
  let found = course.allActivities.compactMap { activity -> Quiz? in
    if case .quiz(let quiz) = activity, quiz.id == id { return quiz }
    return nil
  }
  return try #require(found.first)
}

/// Plays a course to the end: right answers, choice 1 in role-plays, no retry; every intermediate session.
func playThrough(_ start: CourseSession, wrongQuestions: Set<String> = []) throws -> [CourseSession] {
  var session = start
  var sessions = [session]
  while !session.isFinished {
    let answer: Answer
    switch session.expectation {
    case .anyLine, .retryOrContinue: answer = .continue
    case .choice: answer = .choice(1)
    default:
      let id = session.current.question?.questionID ?? ""
      answer = wrongQuestions.contains(id) ? .truefalse(false) : try #require(session.rightAnswer)
    }
    try session.answer(answer)
    sessions.append(session)
  }
  return sessions
}

@Suite struct PoolDrawTests {
  @Test func poolOrderIsNeverTakenThenLeastRecentlyTakenWithTiesBySeed() throws {
    let situations = Pool(id: "p", activities: ["a", "b", "c", "d"].map(situation))
    let history = CourseHistory(attempts: [
      PastAttempt(started: "2024-11-02", activities: ["a", "b"]),
      PastAttempt(started: "2025-11-03", activities: ["c"]),
    ])
    // d was never taken; a and b were taken longest ago (a tie, broken by the seed); c last year.
    #expect(Draws.order(situations, position: 0, history: history, seed: 1) == [3, 0, 1, 2])
    #expect(Draws.order(situations, position: 0, history: history, seed: 3) == [3, 1, 0, 2])
    // Without history every activity ties: the seed alone orders them.
    #expect(Draws.order(situations, position: 0, history: .empty, seed: 1) == [0, 3, 1, 2])
    #expect(Draws.order(situations, position: 0, history: .empty, seed: 2) == [1, 3, 0, 2])
    // Another pool of the course (another position) gets its own seeded order.
    #expect(Draws.order(situations, position: 3, history: .empty, seed: 1) != [0, 3, 1, 2])
  }

  @Test func planTakesDrawActivitiesOfEachPoolInThePoolsOrder() throws {
    let history = CourseHistory(attempts: [
      PastAttempt(started: "2025-11-03", activities: ["accueil", "deuil", "verification", "lecture"])
    ])
    #expect(
      Draws.plan(pooledCourse, history: history, seed: 5) == ["accueil", "conflit", "verification", "mini"])
    var twoOfThree = pooledCourse
    twoOfThree.activities[1] = .pool(Pool(id: "situations", draw: 2, activities: try pool("situations").activities))
    #expect(
      Draws.plan(twoOfThree, history: history, seed: 5) == ["accueil", "casino", "conflit", "verification", "mini"])
  }

  @Test func quizOrderIsUnseenThenMissedLastTimeThenLeastRecentlySeen() throws {
    let verification = try quiz("verification")
    let history = CourseHistory(attempts: [
      PastAttempt(
        started: "2024-11-02", activities: ["verification"],
        questions: [
          SeenQuestion(quizID: "verification", questionID: "q1", missed: false),
          SeenQuestion(quizID: "verification", questionID: "q2", missed: true),
        ]),
      PastAttempt(
        started: "2025-11-03", activities: ["verification"],
        questions: [
          SeenQuestion(quizID: "verification", questionID: "q3", missed: true),
          SeenQuestion(quizID: "verification", questionID: "q4", missed: false),
          // Another quiz's question of the same id is another question.
          SeenQuestion(quizID: "mini", questionID: "q5", missed: true),
        ]),
    ])
    // q5, q6 never seen (tie: seed); q3 missed last time; q1, q2 seen longest ago (tie: seed); q4 seen last time.
    #expect(
      Draws.questionOrder(verification, history: history, seed: 1, activity: 2, run: 1) == [4, 5, 2, 1, 0, 3])
    #expect(
      Draws.questionOrder(verification, history: history, seed: 4, activity: 2, run: 1) == [5, 4, 2, 1, 0, 3])
    // The session asks the first two, in file order (the quiz does not shuffle).
    let session = CourseSession.start(course: pooledCourse, seed: 1, language: .en, history: history)
    #expect(session.state.plan?[2] == "verification")
    var atQuiz = session
    while atQuiz.current.question == nil {
      try atQuiz.answer(atQuiz.expectation == .choice(count: 2) ? .choice(1) : .continue)
    }
    #expect(atQuiz.state.quiz?.drawn.map(\.index) == [4, 5])
  }

  @Test func aRetryAsksFirstTheQuestionsTheFailedRunDidNotShow() throws {
    var session = CourseSession.start(course: pooledCourse, seed: 9, language: .en)
    while session.current.question == nil {
      try session.answer(session.expectation == .choice(count: 2) ? .choice(1) : .continue)
    }
    let first = try #require(session.state.quiz?.drawn.map(\.index))
    #expect(first.count == 2)
    for _ in 0..<2 {
      try session.answer(.truefalse(false))
      try session.answer(.continue)
    }
    #expect(session.expectation == .retryOrContinue)
    try session.answer(.retry)
    let second = try #require(session.state.quiz?.drawn.map(\.index))
    #expect(second.count == 2)
    #expect(Set(first).isDisjoint(with: second))
  }

  @Test func threeAttemptsWithTheirHistoryTakeThreeSituationsAndSixQuestions() throws {
    var history = CourseHistory.empty
    var situations: [String] = []
    var questions: [String] = []
    for (year, seed) in [(2024, UInt64(7)), (2025, 7), (2026, 7)] {
      let start = CourseSession.start(course: pooledCourse, seed: seed, language: .fr, history: history)
      let result = try #require(try playThrough(start).last?.result)
      #expect(result.passed)
      situations += result.activities.map(\.activityID).filter { ["casino", "deuil", "conflit"].contains($0) }
      questions += result.activities.first { $0.activityID == "verification" }?.quiz?.questions.map(\.questionID) ?? []
      history.attempts.append(PastAttempt(result: result, started: "\(year)-11-02"))
    }
    #expect(situations.count == 3)
    #expect(Set(situations).count == 3)
    #expect(questions.count == 6)
    #expect(Set(questions).count == 6)
  }

  @Test func questionsMissedLastTimeComeBackBeforeTheOnesSeenLongAgo() throws {
    // Year 1 shows two questions and year 2 two others; year 3 asks the last two unseen; year 4, with every
    // question seen, asks again the two missed in year 3.
    var history = CourseHistory.empty
    var asked: [[String]] = []
    for year in 0..<4 {
      let start = CourseSession.start(course: pooledCourse, seed: 11, language: .en, history: history)
      let wrong: Set<String> = year == 2 ? ["q1", "q2", "q3", "q4", "q5", "q6"] : []
      let result = try #require(try playThrough(start, wrongQuestions: wrong).last?.result)
      let questions = result.activities.first { $0.activityID == "verification" }?.quiz?.questions.map(\.questionID)
      asked.append(try #require(questions))
      history.attempts.append(PastAttempt(result: result, started: "year \(year)"))
    }
    #expect(Set(asked[0] + asked[1] + asked[2]).count == 6)
    #expect(asked[3] == asked[2])
  }
}

@Suite struct PoolStateTests {
  let history = CourseHistory(attempts: [
    PastAttempt(
      started: "2025-11-03", activities: ["accueil", "casino", "verification", "lecture"],
      questions: [
        SeenQuestion(quizID: "verification", questionID: "q1", missed: true),
        SeenQuestion(quizID: "verification", questionID: "q2", missed: false),
      ])
  ])

  @Test func resumingAfterEveryStepOfAPooledCourseGivesTheSameResultAsAnUninterruptedRun() throws {
    for seed in [UInt64(1), 2, 3] {
      let start = CourseSession.start(course: pooledCourse, seed: seed, language: .fr, history: history)
      let straight = try playThrough(start, wrongQuestions: ["q3", "q4"])
      let final = try #require(straight.last?.result)
      for (index, session) in straight.enumerated() {
        var resumed = try CourseSession.resume(course: pooledCourse, stateJSON: session.stateJSON())
        #expect(resumed == session, "seed \(seed) step \(index)")
        #expect(resumed.current == session.current, "seed \(seed) step \(index)")
        // The rest, from the resumed session, with the same policy.
        let rest = try playThrough(resumed, wrongQuestions: ["q3", "q4"])
        #expect(rest.map { $0.stateJSON() } == straight.dropFirst(index).map { $0.stateJSON() })
        resumed = try #require(rest.last)
        #expect(resumed.result == final)
      }
    }
  }

  @Test func theHistoryAndThePlanAreKeptInTheSavedState() throws {
    let session = CourseSession.start(course: pooledCourse, seed: 4, language: .en, history: history)
    let state = try CourseSession.decodeState(session.stateJSON())
    #expect(state.history == history)
    #expect(state.plan == session.activities.map(\.id))
    #expect(session.activities.map(\.id).first == "accueil")
    #expect(!session.activities.map(\.id).contains("casino"))
    #expect(session.activities.count == 4)
  }

  @Test func aSavedPlanNamingAnActivityTheCourseLacksIsRefused() throws {
    let session = CourseSession.start(course: pooledCourse, seed: 4, language: .en, history: history)
    let json = session.stateJSON().replacingOccurrences(of: "\"plan\":[\"accueil\"", with: "\"plan\":[\"ailleurs\"")
    #expect(json != session.stateJSON())
    #expect(throws: ResumeError.inconsistent(detail: "plan")) {
      try CourseSession.resume(course: pooledCourse, stateJSON: json)
    }
  }

  @Test func aDrawnSituationRemovedFromTheCourseIsToldAndAnotherOneStarts() throws {
    var session = CourseSession.start(course: pooledCourse, seed: 4, language: .en, history: history)
    try session.answer(.continue)
    let drawn = try #require(session.current.context?.activityID)
    #expect(["deuil", "conflit"].contains(drawn))
    try session.answer(.choice(1))
    var changed = pooledCourse
    changed.digest = "refresher-2"
    let situations = try pool("situations")
    changed.activities[1] = .pool(
      Pool(id: "situations", draw: 1, activities: situations.activities.filter { $0.id != drawn }))
    #expect(throws: ResumeError.self) { try CourseSession.resume(course: changed, stateJSON: session.stateJSON()) }
    let (resumed, report) = try CourseSession.resumeAfterChange(course: changed, stateJSON: session.stateJSON())
    #expect(report.keptActivityIDs == ["accueil"])
    #expect(report.removedActivityIDs == [drawn])
    let other = try #require(report.restartedActivityID)
    #expect(other != drawn && ["casino", "deuil", "conflit"].contains(other))
    #expect(resumed.current.context?.activityID == other)
    #expect(resumed.current.scene?.sceneID == "a")
    #expect(
      report.message.en
        == "The course file changed since the attempt began. Planned for this attempt, '\(drawn)' is no longer "
        + "in the course. Activity '\(other)' starts over; the results of 1 finished activity are kept.")
    #expect(
      report.message.fr
        == "Le fichier du cours a changé depuis le début de la tentative. Prévu pour cette tentative, « \(drawn) » "
        + "n'est plus dans le cours. L'activité « \(other) » recommence ; les résultats de 1 activité terminée sont "
        + "conservés.")
    // The history handed in at the start stays with the attempt.
    #expect(resumed.history == history)
  }

  @Test func aChangedCourseKeepsTheSituationAlreadyDrawn() throws {
    var session = CourseSession.start(course: pooledCourse, seed: 4, language: .en, history: history)
    try session.answer(.continue)
    let drawn = try #require(session.current.context?.activityID)
    var changed = pooledCourse
    changed.digest = "refresher-2"
    changed.title = bi("Rappel annuel", "Annual refresher")
    let (resumed, report) = try CourseSession.resumeAfterChange(course: changed, stateJSON: session.stateJSON())
    #expect(report.removedActivityIDs == [])
    #expect(report.restartedActivityID == drawn)
    #expect(resumed.activities.map(\.id) == session.activities.map(\.id))
  }
}

@Suite struct PoolExplorerTests {
  @Test func everyActivityOfEveryPoolIsExploredOrChecked() {
    let check = Explorer().check(pooledCourse, quizSeeds: 40)
    #expect(check.roleplays.map(\.roleplayID) == ["casino", "deuil", "conflit"])
    #expect(check.roleplays.allSatisfy { $0.passingRunExists })
    #expect(check.quizzes.map(\.quizID) == ["verification", "mini"])
    #expect(check.quizzes.allSatisfy { $0.passed })
  }

  @Test func aQuizInsideAPoolThatCannotBeAnsweredIsReported() throws {
    var broken = pooledCourse
    broken.activities[3] = .pool(
      Pool(
        id: "revision", draw: 1,
        activities: [
          .lesson(Lesson(id: "lecture", pages: [Page()])),
          .quiz(
            Quiz(
              id: "mini", passPercent: 100, draw: 1,
              questions: [
                trueQuestion("m1"), Question(id: "vide", kind: .multiple([AnswerOption(text: bi("x", "x"))])),
              ])),
        ]))
    let check = Explorer().check(broken, quizSeeds: 40)
    let mini = try #require(check.quizzes.first { $0.quizID == "mini" })
    #expect(mini.problems.contains(.cannotBeAnsweredFully(questionID: "vide", seed: 0)))
    #expect(mini.problems.contains { if case .passMarkUnreachable = $0 { true } else { false } })
  }
}
