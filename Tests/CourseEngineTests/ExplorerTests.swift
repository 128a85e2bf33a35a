import CourseEngine
import CourseModel
import Testing

@Suite struct ExplorerTests {
  @Test func formatTourExploration() {
    let exploration = Explorer().explore(FormatTour.roleplay)
    #expect(exploration.complete)
    #expect(!exploration.saturated)
    #expect(exploration.endingsReached == ["fin-reference", "fin-secret"])
    #expect(exploration.endingsNeverReached == [])
    #expect(exploration.passingRunExists)
    #expect(exploration.bestTotal == 4)
    #expect(exploration.worstTotal == -1)
    #expect(exploration.scenesNeverReached == [])
    #expect(exploration.choicesNeverReached == [])
    #expect(exploration.deadEnds == [])
    #expect(exploration.failingChoices.map { "\($0.sceneID)#\($0.index)" } == ["accueil#1", "ouverture#1"])
    #expect(exploration.failingChoices.map(\.critical) == [false, true])
    #expect(
      exploration.bestPassingPath == [
        PathStep(sceneID: "accueil", choiceIndex: 0), PathStep(sceneID: "ouverture", choiceIndex: 2),
      ])
    #expect(exploration.bestPassingTotal == 4)
    // accueil; ouverture after the open question; after advice; after advice and reflection.
    #expect(exploration.stateCount == 4)
  }

  @Test func formatTourReport() {
    let check = Explorer().check(FormatTour.course)
    #expect(check.passed)
    #expect(
      check.report(language: .en) == [
        "PASS format-tour (1 role-play: 2 endings reached, best 4, worst -1; 1 quiz: 200 seeds)",
        "  pause-cafe: no passing run after choice 2 of scene 'accueil' (\"You should take a vacation.\")",
        "  pause-cafe: no passing run after choice 2 of scene 'ouverture' (\"I promise I'll never tell anyone, whatever happens.\"), a critical choice",
      ])
    #expect(
      check.report(language: .fr) == [
        "PASS format-tour (1 mise en situation : 2 fins atteintes, meilleur 4, pire -1 ; 1 questionnaire : 200 graines)",
        "  pause-cafe : aucun parcours ne réussit après le choix 2 de la scène « accueil » (« Tu devrais prendre des vacances. »)",
        "  pause-cafe : aucun parcours ne réussit après le choix 2 de la scène « ouverture » (« Je te promets que je n'en parlerai jamais à personne, quoi qu'il arrive. »), un choix critique",
      ])
  }

  @Test func deadEndsLoopsAndUnreachedParts() {
    let roleplay = Roleplay(
      id: "r", start: "a", pass: 1, skills: [Skill(id: "s")], variables: [Variable(name: "x")],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(say: bi("vers b", "to b"), sets: [SetEffect(variable: "x", operation: .value(1))], to: "b"),
            Choice(say: bi("vers c", "to c"), to: "c"),
            Choice(say: bi("jamais", "never"), to: "end", condition: .compare(variable: "x", .greater, 5)),
          ]),
        Scene(id: "b", choices: [Choice(to: "end", condition: .compare(variable: "x", .equal, 0))]),
        Scene(id: "c", gotos: [Goto(to: "d")]),
        Scene(id: "d", gotos: [Goto(to: "c")]),
        Scene(id: "orphan", choices: [Choice(to: "end")]),
      ],
      endings: [Ending(id: "end", result: .pass), Ending(id: "unused", result: .fail)])
    let exploration = Explorer().explore(roleplay)
    #expect(!exploration.passingRunExists)
    #expect(exploration.endingsReached == [])
    #expect(exploration.endingsNeverReached == ["end", "unused"])
    #expect(exploration.bestTotal == nil)
    #expect(
      exploration.deadEnds == [
        DeadEnd(sceneID: "b", kind: .noWayOut, variables: ["x": 1]),
        DeadEnd(sceneID: "c", kind: .gotoLoop, variables: ["x": 0]),
      ])
    #expect(exploration.scenesNeverReached == ["orphan"])
    #expect(exploration.choicesNeverReached.map { "\($0.sceneID)#\($0.index)" } == ["a#2", "b#0"])
    let check = CourseCheck(courseID: "c", roleplays: [exploration], quizzes: [])
    #expect(!check.passed)
    #expect(
      check.failures(language: .en) == [
        "r: no run passes",
        "r: scene 'b' has no way out (x = 1)",
        "r: automatic jumps loop at scene 'c' (x = 0)",
        "r: scene 'orphan' is never reached",
        "r: choice 3 of scene 'a' is never offered (\"never\")",
        "r: choice 1 of scene 'b' is never offered",
        "r: ending 'end' is never reached",
        "r: ending 'unused' is never reached",
      ])
    #expect(check.failures(language: .fr)[1] == "r : la scène « b » n'a aucune issue (x = 1)")
  }

  @Test func loopsThatKeepAddingTerminateBySaturation() {
    let roleplay = Roleplay(
      id: "r", start: "a", pass: 3, skills: [Skill(id: "s")], variables: [Variable(name: "n")],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(
              say: bi("encore", "again"), scores: [ScoreEffect(skill: "s", points: 1)],
              sets: [SetEffect(variable: "n", operation: .add(1))], to: "a"),
            Choice(say: bi("fin", "end"), to: "end", condition: .compare(variable: "n", .greaterOrEqual, 2)),
          ])
      ],
      endings: [Ending(id: "end", result: .pass)])
    let exploration = Explorer().explore(roleplay)
    #expect(exploration.complete)
    #expect(exploration.saturated)
    #expect(exploration.passingRunExists)
    #expect(exploration.worstTotal == 2)
    // Scores saturate at Σ|points| (1) + the largest threshold (pass 3) + the margin (4) = 8; the loop is pumped
    // to that bound, so the path is a representative one (n reaches its bound 6, then once more, then the end).
    #expect(exploration.bestTotal == 8)
    #expect(exploration.bestPassingPath.count == 8)
    #expect(exploration.bestPassingTotal == exploration.bestTotal)
  }

  @Test func aChoiceThatFailsOnlyInSomeStatesIsNotNamed() {
    let roleplay = Roleplay(
      id: "r", start: "a", variables: [Variable(name: "v")],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(say: bi("bien", "good"), to: "b"),
            Choice(say: bi("bof", "meh"), sets: [SetEffect(variable: "v", operation: .value(1))], to: "b"),
          ]),
        Scene(
          id: "b",
          choices: [
            Choice(say: bi("x", "x"), to: "c"),
            Choice(say: bi("y", "y"), to: "win"),
            Choice(say: bi("z", "z"), to: "lose"),
          ]),
        Scene(id: "c", gotos: [Goto(to: "lose", condition: .compare(variable: "v", .equal, 1)), Goto(to: "win")]),
      ],
      endings: [Ending(id: "win", result: .pass), Ending(id: "lose", result: .fail)])
    let exploration = Explorer().explore(roleplay)
    #expect(exploration.passingRunExists)
    // x fails only after "meh"; z always fails.
    #expect(exploration.failingChoices.map { "\($0.sceneID)#\($0.index)" } == ["b#2"])
  }

  @Test func loopsWithHugePointsAreBoundedAtOnce() {
    let roleplay = Roleplay(
      id: "r", start: "a", pass: 1, skills: [Skill(id: "s")],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(scores: [ScoreEffect(skill: "s", points: 1)], to: "a"),
            Choice(scores: [ScoreEffect(skill: "s", points: -1)], to: "a"),
            Choice(scores: [ScoreEffect(skill: "s", points: 1_000_000)], to: "end"),
          ])
      ],
      endings: [Ending(id: "end", result: .pass)])
    let exploration = Explorer().explore(roleplay)
    #expect(exploration.complete)
    #expect(exploration.saturated)
    #expect(exploration.passingRunExists)
    // ±(Σ|points| 1,000,002 + pass 1 + margin 4).
    #expect(exploration.bestTotal == 1_000_007)
    #expect(exploration.worstTotal == -1_000_007 + 1_000_000)
  }

  @Test func skillMinimumAndCriticalDecidePassing() {
    let roleplay = Roleplay(
      id: "r", start: "a", skills: [Skill(id: "s", min: 2)],
      scenes: [
        Scene(
          id: "a",
          choices: [
            Choice(scores: [ScoreEffect(skill: "s", points: 1)], to: "end"),
            Choice(scores: [ScoreEffect(skill: "s", points: 3)], to: "end", critical: true),
          ])
      ],
      endings: [Ending(id: "end", result: .pass)])
    let exploration = Explorer().explore(roleplay)
    #expect(!exploration.passingRunExists)
    #expect(exploration.bestTotal == 3)
    #expect(exploration.worstTotal == 1)
    #expect(exploration.failingChoices == [])
  }

  @Test func stateLimitMakesExplorationIncomplete() {
    let exploration = Explorer(limits: ExplorationLimits(saturationMargin: 4, maxStates: 2)).explore(
      FormatTour.roleplay)
    #expect(!exploration.complete)
    #expect(exploration.stateCount == 2)
  }

  @Test func quizCheckRunsSeedsAndFindsProblems() {
    let tour = Explorer().checkQuiz(FormatTour.quiz, activityIndex: 2, seeds: 200)
    #expect(tour.problems == [])
    #expect(tour.seeds == 200)
    let broken = Quiz(
      id: "b", passPercent: 60, draw: 2,
      questions: [
        Question(id: "ok", kind: .truefalse(answer: true)),
        Question(id: "none", kind: .multiple([AnswerOption(text: bi("x", "x"))])),
        Question(id: "blank", kind: .short(accept: ["?!"])),
      ])
    let check = Explorer().checkQuiz(broken, seeds: 50)
    #expect(check.problems.contains { $0.isPassMarkProblem })
    #expect(Set(check.problems.compactMap(\.questionID)) == ["none", "blank"])
    #expect(Explorer().checkQuiz(Quiz(id: "e", passPercent: 50), seeds: 5).problems == [.noQuestion])
  }
}

extension QuizCheck.Problem {
  var questionID: String? {
    if case .cannotBeAnsweredFully(let id, _) = self { return id }
    return nil
  }

  var isPassMarkProblem: Bool {
    if case .passMarkUnreachable(_, let pass, _) = self { return pass == 60 }
    return false
  }
}
