import CourseEngine
import CourseModel
import Testing

@Suite struct GeneratedRoleplayTests {
  /// Random runs through real sessions never contradict the explorer, and its best passing path really passes.
  @Test(arguments: [(12, 1), (30, 2), (60, 3)] as [(Int, UInt64)])
  func explorerAgreesWithRandomRuns(scenes: Int, seed: UInt64) throws {
    let roleplay = GeneratedRoleplay.make(scenes: scenes, seed: seed)
    let exploration = Explorer().explore(roleplay)
    #expect(exploration.complete)
    #expect(exploration.deadEnds == [])
    #expect(exploration.scenesNeverReached == [])
    let best = try #require(exploration.bestTotal)
    let worst = try #require(exploration.worstTotal)
    let course = roleplayCourse(roleplay)
    var random = SplitMix64(seed: seed)
    var endings: Set<String> = []
    for _ in 0..<200 {
      var session = CourseSession.start(course: course, seed: 0, language: .en)
      var steps = 0
      while case .choice(let count) = session.expectation, steps < 10_000 {
        try choose(&session, 1 + random.below(count))
        steps += 1
      }
      let run = try #require(session.current.activityResult?.outcome.roleplay)
      let ending = try #require(run.endingID)
      endings.insert(ending)
      #expect(run.total <= best)
      #expect(run.total >= worst)
      if run.passed { #expect(exploration.passingRunExists) }
    }
    #expect(endings.isSubset(of: Set(exploration.endingsReached)))
    // Replay the best passing path in a session.
    #expect(exploration.passingRunExists)
    var session = CourseSession.start(course: course, seed: 0, language: .en)
    for step in exploration.bestPassingPath {
      let scene = try #require(session.current.scene)
      #expect(scene.sceneID == step.sceneID)
      let offered = try #require(scene.choices.first { $0.index == step.choiceIndex })
      try choose(&session, offered.number)
    }
    let run = try #require(session.current.activityResult?.outcome.roleplay)
    #expect(run.passed)
    #expect(run.total == exploration.bestPassingTotal)
  }

  @Test func generationIsDeterministic() {
    #expect(GeneratedRoleplay.make(scenes: 40, seed: 9) == GeneratedRoleplay.make(scenes: 40, seed: 9))
    #expect(GeneratedRoleplay.make(scenes: 40, seed: 9).scenes.count == 40)
  }
}
