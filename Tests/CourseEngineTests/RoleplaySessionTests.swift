import CourseEngine
import CourseModel
import Testing

/// A course with one role-play only.
func roleplayCourse(_ roleplay: Roleplay, digest: String = "d") -> Course {
  Course(id: "c", version: "1", languages: ["fr", "en"], activities: [.roleplay(roleplay)], digest: digest)
}

extension Step {
  var scene: SceneStep? {
    if case .scene(let scene) = content { return scene }
    return nil
  }
  var choiceFeedback: ChoiceFeedbackStep? {
    if case .choiceFeedback(let feedback) = content { return feedback }
    return nil
  }
  var activityResult: ActivityResultStep? {
    if case .activityResult(let result) = content { return result }
    return nil
  }
  var question: QuestionStep? {
    if case .question(let question) = content { return question }
    return nil
  }
  var questionFeedback: QuestionFeedbackStep? {
    if case .questionFeedback(let feedback) = content { return feedback }
    return nil
  }
  var page: PageStep? {
    if case .page(let page) = content { return page }
    return nil
  }
  var courseResult: CourseResult? {
    if case .courseResult(let result) = content { return result }
    return nil
  }
}

/// A session at the tour's role-play (lesson pages read).
func tourAtRoleplay(language: Language = .fr, seed: UInt64 = 7) throws -> CourseSession {
  var session = CourseSession.start(course: FormatTour.course, seed: seed, language: language)
  try session.answer(.continue)
  try session.answer(.continue)
  return session
}

/// Takes the choice numbered `number` among those offered, then goes on past its feedback.
func choose(_ session: inout CourseSession, _ number: Int) throws {
  try session.answer(.choice(number))
  try session.answer(.continue)
}

@Suite struct RoleplaySessionTests {
  @Test func lessonPagesThenTheFirstSceneWithItsSetting() throws {
    var session = CourseSession.start(course: FormatTour.course, seed: 1, language: .fr)
    let first = try #require(session.current.page)
    #expect(first.number == 1)
    #expect(first.count == 2)
    #expect(first.blocks.count == 2)
    #expect(session.current.context?.activityID == "intro")
    #expect(session.expectation == .anyLine)
    try session.answer(.continue)
    #expect(session.current.page?.blocks == [.paragraph([.text("On n'est pas thérapeute.")])])
    try session.answer(.continue)
    let scene = try #require(session.current.scene)
    #expect(scene.sceneID == "accueil")
    #expect(scene.setting == "Pendant la pause, Luc, un collègue, a l'air épuisé.")
    #expect(
      scene.lines == [
        SpokenLine(sceneID: "accueil", speakerID: "luc", speaker: "Luc", text: "Ça va… je suis juste fatigué.")
      ])
    #expect(scene.choices.map(\.number) == [1, 2])
    #expect(scene.choices.map(\.index) == [0, 1])
    #expect(scene.choices[1].say == "Tu devrais prendre des vacances.")
    #expect(session.expectation == .choice(count: 2))
    #expect(session.current.context?.run == 1)
    #expect(session.current.context?.maxRuns == 2)
  }

  @Test func choiceFeedbackShowsEffectsAndGotoChainsCarryTheirLines() throws {
    var session = try tourAtRoleplay(language: .en)
    try session.answer(.choice(2))
    let feedback = try #require(session.current.choiceFeedback)
    #expect(feedback.say == "You should take a vacation.")
    #expect(feedback.feedback == "Unasked-for advice closes the conversation.")
    #expect(feedback.points == [SkillPoints(skillID: "ecoute", skill: "Listening", points: -1)])
    #expect(!feedback.critical)
    try session.answer(.continue)
    let scene = try #require(session.current.scene)
    #expect(scene.sceneID == "ouverture")
    #expect(scene.setting == nil)
    #expect(scene.lines.map(\.sceneID) == ["conseil", "ouverture"])
    #expect(scene.lines.map(\.text) == ["Yeah… maybe.", "It's home. My daughter is sick and I can't sleep anymore."])
    #expect(scene.choices.map(\.index) == [0, 1, 2])
  }

  @Test func onceChoiceIsOfferedUntilTaken() throws {
    var session = try tourAtRoleplay()
    try choose(&session, 2)  // advice: confiance 0
    try choose(&session, 1)  // reflect (once): confiance 1, back to ouverture
    let scene = try #require(session.current.scene)
    #expect(scene.sceneID == "ouverture")
    #expect(scene.choices.map(\.index) == [1, 2])
    #expect(scene.choices.map(\.number) == [1, 2])
  }

  @Test func firstGotoWhoseConditionHoldsWinsOverChoices() throws {
    var session = try tourAtRoleplay()
    try choose(&session, 1)  // open question: confiance 1, ecoute 2
    try choose(&session, 1)  // reflect: confiance 2 → goto fin-reference before any choice
    let result = try #require(session.current.activityResult)
    let run = try #require(result.outcome.roleplay)
    #expect(run.endingID == "fin-reference")
    #expect(run.total == 3)
    #expect(run.passed)
    #expect(run.closingLines.map(\.sceneID) == ["ouverture"])
    #expect(run.debrief == "Luc se sent écouté et sait où trouver de l'aide.")
    #expect(run.skills.map(\.points) == [3, 0])
    #expect(run.path.map(\.choiceIndex) == [0, 0])
    #expect(session.expectation == .anyLine)
  }

  @Test func gotoOrderTakesTheFirstThatHolds() throws {
    let roleplay = Roleplay(
      id: "r", start: "a", variables: [Variable(name: "x", initial: 5)],
      scenes: [
        Scene(
          id: "a",
          gotos: [
            Goto(to: "low", condition: .compare(variable: "x", .less, 3)),
            Goto(to: "mid", condition: .compare(variable: "x", .greaterOrEqual, 3)),
            Goto(to: "high"),
          ])
      ],
      endings: [Ending(id: "low", result: .fail), Ending(id: "mid", result: .pass), Ending(id: "high", result: .fail)])
    let session = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    #expect(session.current.activityResult?.outcome.roleplay?.endingID == "mid")
  }

  @Test func setValueAndConditionsOnChoices() throws {
    let roleplay = Roleplay(
      id: "r", start: "a", variables: [Variable(name: "x", initial: 1)],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(say: bi("fixer", "set"), sets: [SetEffect(variable: "x", operation: .value(7))], to: "b"),
            Choice(say: bi("rien", "nothing"), to: "b"),
          ]),
        Scene(
          id: "b",
          choices: [
            Choice(say: bi("sept", "seven"), to: "win", condition: .compare(variable: "x", .equal, 7)),
            Choice(
              say: bi("pas sept", "not seven"), to: "lose",
              condition: .not(.compare(variable: "x", .equal, 7))),
          ]),
      ],
      endings: [Ending(id: "win", result: .pass), Ending(id: "lose", result: .fail)])
    var session = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    try choose(&session, 1)
    #expect(session.current.scene?.choices.map(\.say) == ["seven"])
    var other = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    try choose(&other, 2)
    #expect(other.current.scene?.choices.map(\.say) == ["not seven"])
  }

  @Test func criticalChoiceFailsEvenAtAPassingEnding() throws {
    let roleplay = Roleplay(
      id: "r", start: "a", pass: 1,
      skills: [Skill(id: "s")],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(say: bi("grave", "grave"), scores: [ScoreEffect(skill: "s", points: 5)], to: "ok", critical: true)
          ])
      ],
      endings: [Ending(id: "ok", result: .pass)])
    var session = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    try session.answer(.choice(1))
    #expect(session.current.choiceFeedback?.critical == true)
    try session.answer(.continue)
    let run = try #require(session.current.activityResult?.outcome.roleplay)
    #expect(run.endingID == "ok")
    #expect(run.failures == [.criticalChoice(sceneID: "a", choiceIndex: 0)])
    #expect(!run.passed)
  }

  @Test func tourSecretPromiseFailsWithEndingAndCritical() throws {
    var session = try tourAtRoleplay()
    try choose(&session, 1)
    try choose(&session, 2)  // the secret promise (index 1)
    let run = try #require(session.current.activityResult?.outcome.roleplay)
    #expect(run.endingID == "fin-secret")
    #expect(
      run.failures == [
        .failingEnding(endingID: "fin-secret"), .criticalChoice(sceneID: "ouverture", choiceIndex: 1),
        .belowPass(total: 2, pass: 3),
      ])
    #expect(run.total == 2)
  }

  @Test func minimumPerSkillAndPassTotal() throws {
    // The advice path: ecoute -1 + 1 = 0 (< min 1), reference 2: total 2 (< pass 3).
    var session = try tourAtRoleplay()
    try choose(&session, 2)
    try choose(&session, 1)
    try choose(&session, 2)
    let run = try #require(session.current.activityResult?.outcome.roleplay)
    #expect(run.endingID == "fin-reference")
    #expect(
      run.failures == [
        .belowPass(total: 2, pass: 3),
        .belowMinimum(skillID: "ecoute", skill: "Écoute", points: 0, min: 1),
      ])
    #expect(
      run.failures.map(\.message.fr) == [
        "Total de 2 points, il en faut 3.", "« Écoute » : 0 point, il en faut au moins 1.",
      ])
  }

  @Test func minimumAloneFailsARunThatMeetsThePassTotal() throws {
    let roleplay = Roleplay(
      id: "r", start: "a", pass: 2,
      skills: [Skill(id: "s", min: 1), Skill(id: "t")],
      scenes: [Scene(id: "a", choices: [Choice(scores: [ScoreEffect(skill: "t", points: 3)], to: "end")])],
      endings: [Ending(id: "end", result: .pass)])
    var session = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    try choose(&session, 1)
    let run = try #require(session.current.activityResult?.outcome.roleplay)
    #expect(run.total == 3)
    #expect(run.failures == [.belowMinimum(skillID: "s", skill: "", points: 0, min: 1)])
  }

  @Test func retryReplaysAFailedRunAndTheLastRunCounts() throws {
    var session = try tourAtRoleplay()
    try choose(&session, 1)
    try choose(&session, 2)  // secret: fail
    let first = try #require(session.current.activityResult)
    #expect(first.canRetry)
    #expect(first.retriesLeft == 1)
    #expect(session.expectation == .retryOrContinue)
    try session.answer(.retry)
    let scene = try #require(session.current.scene)
    #expect(scene.sceneID == "accueil")
    #expect(scene.setting != nil)
    #expect(session.current.context?.run == 2)
    try choose(&session, 1)
    try choose(&session, 3)  // reference: pass with 4
    let second = try #require(session.current.activityResult)
    #expect(second.outcome.passed == true)
    #expect(second.outcome.runs == 2)
    #expect(!second.canRetry)
    try session.answer(.continue)
    #expect(session.finishedOutcomes.last?.activityID == "pause-cafe")
    #expect(session.finishedOutcomes.last?.passed == true)
    #expect(session.finishedOutcomes.last?.roleplay?.total == 4)
  }

  @Test func noRetryLeftAfterTheLastRunAndAFailedRunDoesNotStopTheCourse() throws {
    var session = try tourAtRoleplay()
    try choose(&session, 1)
    try choose(&session, 2)
    try session.answer(.retry)
    try choose(&session, 1)
    try choose(&session, 2)
    let last = try #require(session.current.activityResult)
    #expect(!last.canRetry)
    #expect(session.expectation == .anyLine)
    #expect(throws: AnswerError.wrongKind(expected: .anyLine)) { try session.answer(.retry) }
    try session.answer(.continue)
    #expect(session.current.context?.activityID == "verification")
    #expect(session.finishedOutcomes.last?.passed == false)
    #expect(session.finishedOutcomes.last?.runs == 2)
  }

  @Test func continueAfterAFailedRunGivesUpTheRetry() throws {
    var session = try tourAtRoleplay()
    try choose(&session, 1)
    try choose(&session, 2)
    try session.answer(.continue)
    #expect(session.finishedOutcomes.last?.passed == false)
    #expect(session.finishedOutcomes.last?.runs == 1)
    #expect(session.current.question != nil)
  }

  @Test func gotoLoopEndsTheRunAsStuckInsteadOfHanging() throws {
    let roleplay = Roleplay(
      id: "r", start: "a",
      scenes: [Scene(id: "a", gotos: [Goto(to: "b")]), Scene(id: "b", gotos: [Goto(to: "a")])],
      endings: [Ending(id: "end", result: .pass)])
    let session = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    let run = try #require(session.current.activityResult?.outcome.roleplay)
    #expect(run.endingID == nil)
    #expect(run.failures == [.gotoLoop(sceneID: "a")])
    #expect(session.current.activityResult?.canRetry == true)
  }

  @Test func sceneWithNoWayOutEndsTheRunAsADeadEnd() throws {
    let roleplay = Roleplay(
      id: "r", start: "a", retries: 0, variables: [Variable(name: "x")],
      scenes: [
        Scene(id: "a", choices: [Choice(to: "b")]),
        Scene(id: "b", choices: [Choice(to: "end", condition: .compare(variable: "x", .greater, 0))]),
      ],
      endings: [Ending(id: "end", result: .pass)])
    var session = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    try choose(&session, 1)
    let run = try #require(session.current.activityResult?.outcome.roleplay)
    #expect(run.failures == [.deadEnd(sceneID: "b")])
    #expect(session.expectation == .anyLine)
  }

  @Test func aChoiceLoopCanBeWalkedRoundAndLeft() throws {
    let roleplay = Roleplay(
      id: "r", start: "a", skills: [Skill(id: "s")],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(say: bi("encore", "again"), scores: [ScoreEffect(skill: "s", points: 1)], to: "a"),
            Choice(say: bi("fin", "end"), to: "end"),
          ])
      ],
      endings: [Ending(id: "end", result: .pass)])
    var session = CourseSession.start(course: roleplayCourse(roleplay), seed: 0, language: .en)
    for _ in 0..<5 { try choose(&session, 1) }
    try choose(&session, 2)
    #expect(session.current.activityResult?.outcome.roleplay?.total == 5)
    #expect(session.current.activityResult?.outcome.roleplay?.path.count == 6)
  }
}
