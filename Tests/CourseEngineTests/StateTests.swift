import CourseEngine
import CourseModel
import Foundation
import Testing

/// Plays the tour to the end with a fixed strategy: open question, the secret promise (fail), retry,
/// advice path, then the quiz half right; returns every intermediate session.
func playTour(seed: UInt64, language: Language = .fr) throws -> [CourseSession] {
  var session = CourseSession.start(course: FormatTour.course, seed: seed, language: language)
  var sessions = [session]
  var questionNumber = 0
  var roleplayChoices = [1, 2, 2, 1, 2]
  while !session.isFinished {
    let answer: Answer
    switch session.expectation {
    case .anyLine: answer = .continue
    case .retryOrContinue: answer = .retry
    case .choice: answer = .choice(roleplayChoices.isEmpty ? 1 : roleplayChoices.removeFirst())
    default:
      questionNumber += 1
      answer = questionNumber.isMultiple(of: 2) ? try #require(session.rightAnswer) : try halfAnswer(session)
    }
    try session.answer(answer)
    sessions.append(session)
  }
  return sessions
}

func halfAnswer(_ session: CourseSession) throws -> Answer {
  switch session.expectation {
  case .single(let count): return .single(count)
  case .multiple: return .multiple([1])
  case .truefalse: return .truefalse(true)
  case .order(let count): return .order(Array((1...count).reversed()))
  case .match(let left, _): return .match(Array(1...left))
  default: return .text("911")
  }
}

@Suite struct StateTests {
  @Test func aSessionResumedInTheOtherLanguageShowsItsStepInThatLanguage() throws {
    let french = try playTour(seed: 2024, language: .fr)
    let english = try playTour(seed: 2024, language: .en)
    #expect(french.count == english.count)
    var feedbacks = 0
    var results = 0
    for (index, session) in french.enumerated() {
      // The saved state with its language switched, as `entraide run --lang en` resumes it.
      var state = try CourseSession.decodeState(session.stateJSON())
      state.language = .en
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      let json = String(decoding: try encoder.encode(state), as: UTF8.self)
      let resumed = try CourseSession.resume(course: FormatTour.course, stateJSON: json)
      switch resumed.current.content {
      case .courseResult:
        // The course's result keeps the words of the runs as they were made (the record of what was shown).
        continue
      case .choiceFeedback, .questionFeedback:
        feedbacks += 1
      case .activityResult:
        results += 1
      default:
        break
      }
      #expect(resumed.current.content == english[index].current.content, "step \(index)")
    }
    #expect(feedbacks >= 8)
    // Two runs of the role-play and two of the quiz (a lesson has no result screen).
    #expect(results == 4)
  }

  @Test func resumingAfterEveryStepGivesTheSameResultAsAnUninterruptedRun() throws {
    for language in [Language.fr, .en] {
      let straight = try playTour(seed: 2024, language: language)
      let final = try #require(straight.last?.result)
      #expect(straight.count > 20)
      for (index, session) in straight.enumerated() {
        let json = session.stateJSON()
        var resumed = try CourseSession.resume(course: FormatTour.course, stateJSON: json)
        #expect(resumed == session, "step \(index)")
        #expect(resumed.current == session.current, "step \(index)")
        // Replay the rest with the answers the straight run gave.
        for later in straight.dropFirst(index + 1) {
          try resumed.answer(answerBetween(resumed, later))
          #expect(resumed.stateJSON() == later.stateJSON())
        }
        #expect(resumed.result == final)
      }
    }
  }

  @Test func theCourseResultCarriesWhatTheDebriefAndTheRegistryNeed() throws {
    let result = try #require(try playTour(seed: 2024, language: .en).last?.result)
    #expect(result.courseID == "format-tour")
    #expect(result.version == "1.0")
    #expect(result.digest == "tour-digest-1")
    #expect(result.seed == 2024)
    #expect(!result.passed)
    // Seed 2024 draws the first lesson of the tour's pool.
    #expect(result.activities.map(\.activityID) == ["intro", "pause-cafe", "verification", "rappel-ressources"])
    #expect(result.activities.map(\.passed) == [nil, false, false, nil])
    #expect(result.activities.map(\.runs) == [1, 2, 2, 1])
    let run = try #require(result.activities[1].roleplay)
    #expect(
      run.path.map(\.say) == [
        "You should take a vacation.", "You're carrying a lot right now.",
        "The EAP offers confidential support. Shall we look at it together?",
      ])
    #expect(run.path.map(\.feedback).first == "Unasked-for advice closes the conversation.")
    #expect(run.endingID == "fin-reference")
    #expect(run.debrief == "Luc feels heard and knows where to find help.")
    #expect(result.roleplayPoints == 2)
    #expect(result.skills.map(\.points) == [0, 2])
    let quiz = try #require(result.activities[2].quiz)
    #expect(quiz.questions.count == 5)
    #expect(quiz.questions.allSatisfy { !$0.rightAnswer.isEmpty && !$0.answerGiven.isEmpty })
    #expect(result.scorePercent == Int(quiz.percent))
  }

  /// Finds the answer that takes `session` to `next` (the one the straight run gave).
  func answerBetween(_ session: CourseSession, _ next: CourseSession) throws -> Answer {
    var candidates: [Answer] = [.continue, .retry]
    candidates += (1...6).flatMap { [Answer.choice($0), .single($0)] }
    candidates += [.truefalse(true), .truefalse(false), .text("911")]
    if let right = session.rightAnswer { candidates.append(right) }
    if let half = try? halfAnswer(session) { candidates.append(half) }
    for candidate in candidates {
      var copy = session
      if (try? copy.answer(candidate)) != nil, copy == next { return candidate }
    }
    throw AnswerError.notWaiting
  }

  @Test func stateJSONIsVersionedAndCarriesTheAttempt() throws {
    var session = try tourAtRoleplay(seed: 18_446_744_073_709_551_615)
    try session.answer(.choice(1))
    let json = session.stateJSON()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["formatVersion"] as? Int == 1)
    #expect(object["courseID"] as? String == "format-tour")
    #expect(object["version"] as? String == "1.0")
    #expect(object["digest"] as? String == "tour-digest-1")
    #expect(object["seed"] as? String == "18446744073709551615")
    #expect(object["language"] as? String == "fr")
    let position = try #require(object["position"] as? [String: Any])
    #expect(position["activity"] as? Int == 1)
    #expect(position["phase"] as? String == "choiceFeedback")
    let roleplay = try #require(object["roleplay"] as? [String: Any])
    #expect(roleplay["variables"] as? [String: Int] == ["confiance": 1])
    #expect(roleplay["skills"] as? [String: Int] == ["ecoute": 2, "reference": 0])
    #expect((object["finished"] as? [Any])?.count == 1)
    #expect(session.seed == UInt64.max)
    // Stable: the same state always encodes to the same text.
    #expect(try CourseSession.resume(course: FormatTour.course, stateJSON: json).stateJSON() == json)
  }

  @Test func resumeRefusesAnotherDigestAnotherCourseAndBadJSON() throws {
    let session = try tourAtRoleplay()
    let json = session.stateJSON()
    var changed = FormatTour.course
    changed.digest = "tour-digest-2"
    changed.version = "1.1"
    #expect(
      throws: ResumeError.courseChanged(
        savedVersion: "1.0", savedDigest: "tour-digest-1", currentVersion: "1.1", currentDigest: "tour-digest-2")
    ) { try CourseSession.resume(course: changed, stateJSON: json) }
    #expect(throws: ResumeError.otherCourse(expected: "c", found: "format-tour")) {
      try CourseSession.resume(course: roleplayCourse(FormatTour.roleplay), stateJSON: json)
    }
    #expect(throws: ResumeError.malformed(detail: "formatVersion")) {
      try CourseSession.resume(course: FormatTour.course, stateJSON: "{not json")
    }
    let future = json.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":2")
    #expect(throws: ResumeError.unsupportedFormat(version: 2)) {
      try CourseSession.resume(course: FormatTour.course, stateJSON: future)
    }
    let badScene = json.replacingOccurrences(of: "\"sceneID\":\"accueil\"", with: "\"sceneID\":\"nowhere\"")
    #expect(throws: ResumeError.inconsistent(detail: "roleplay.sceneID")) {
      try CourseSession.resume(course: FormatTour.course, stateJSON: badScene)
    }
    #expect(
      ResumeError.courseChanged(savedVersion: "1.0", savedDigest: "a", currentVersion: "1.1", currentDigest: "b")
        .message.fr == "Le fichier du cours a changé depuis le début de la tentative (version 1.0 → 1.1).")
  }

  @Test func resumeAfterChangeKeepsFinishedActivitiesAndRestartsTheOneInProgress() throws {
    var session = try tourAtRoleplay(language: .en)
    try choose(&session, 1)
    try choose(&session, 3)
    try session.answer(.continue)
    try session.answer(try #require(session.rightAnswer))
    try session.answer(.continue)
    #expect(session.current.question?.number == 2)
    let json = session.stateJSON()
    var changed = FormatTour.course
    changed.digest = "tour-digest-2"
    guard case .quiz(var quiz) = changed.activities[2] else { return }
    quiz.questions.removeLast()
    changed.activities[2] = .quiz(quiz)
    let (resumed, report) = try CourseSession.resumeAfterChange(course: changed, stateJSON: json)
    #expect(report.keptActivityIDs == ["intro", "pause-cafe"])
    #expect(report.restartedActivityID == "verification")
    #expect(report.droppedActivityIDs == [])
    #expect(
      report.message.en
        == "The course file changed since the attempt began. Activity 'verification' starts over; the results of 2 finished activities are kept."
    )
    #expect(resumed.finishedOutcomes == Array(session.finishedOutcomes))
    #expect(resumed.current.question?.number == 1)
    #expect(resumed.current.context?.run == 1)
    #expect(resumed.state.digest == "tour-digest-2")
    #expect(resumed.seed == session.seed)
    // The new state resumes normally on the changed course.
    #expect(try CourseSession.resume(course: changed, stateJSON: resumed.stateJSON()) == resumed)
  }

  @Test func resumeAfterChangeDropsResultsAfterANewActivity() throws {
    var session = try tourAtRoleplay()
    try choose(&session, 1)
    try choose(&session, 3)
    try session.answer(.continue)
    var changed = FormatTour.course
    changed.digest = "x"
    changed.activities.insert(.lesson(Lesson(id: "nouvelle", pages: [Page()])), at: 1)
    let (resumed, report) = try CourseSession.resumeAfterChange(course: changed, stateJSON: session.stateJSON())
    #expect(report.keptActivityIDs == ["intro"])
    #expect(report.restartedActivityID == "nouvelle")
    #expect(report.droppedActivityIDs == ["pause-cafe"])
    #expect(resumed.current.page?.number == 1)
  }
}
