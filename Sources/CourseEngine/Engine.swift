import CourseModel

// The session's state machine: entering activities, building steps, taking answers.

extension CourseSession {
  // MARK: Texts in the session's language

  func text(_ localized: LocalizedText) -> String {
    localized.text(state.language.rawValue, fallbacks: course.languages) ?? ""
  }

  func optionalText(_ localized: LocalizedText) -> String? {
    let value = text(localized)
    return value.isEmpty ? nil : value
  }

  /// The scene's lines in the session's language (else the first declared language that has lines).
  func spokenLines(_ scene: Scene, in roleplay: Roleplay) -> [SpokenLine] {
    let language = state.language.rawValue
    let tagged = Set(scene.lines.compactMap(\.language))
    var chosen: String? = language
    if !tagged.isEmpty, !tagged.contains(language) {
      chosen = course.languages.first(where: tagged.contains) ?? scene.lines.compactMap(\.language).first
    }
    return scene.lines.filter { $0.language == nil || $0.language == chosen }.map { line in
      SpokenLine(
        sceneID: scene.id, speakerID: line.by, speaker: roleplay.character(line.by)?.name ?? line.by, text: line.text)
    }
  }

  // MARK: Entering activities and runs

  mutating func enterActivity(_ index: Int) {
    state.roleplay = nil
    state.quiz = nil
    state.pendingOutcome = nil
    guard index < activities.count else {
      state.position = .init(activity: activities.count, phase: .finished, page: nil)
      return
    }
    switch activities[index] {
    case .lesson(let lesson):
      if lesson.pages.isEmpty {
        state.finished.append(lessonOutcome(lesson))
        enterActivity(index + 1)
      } else {
        state.position = .init(activity: index, phase: .page, page: 0)
      }
    case .roleplay(let roleplay):
      startRoleplayRun(roleplay, activity: index, run: 1)
    case .quiz(let quiz):
      startQuizRun(quiz, activity: index, run: 1)
    case .pool:
      // Never in a plan: a pool is replaced by the activities drawn from it.
      state.position = .init(activity: index, phase: .finished, page: nil)
    }
  }

  func lessonOutcome(_ lesson: Lesson) -> ActivityOutcome {
    ActivityOutcome(
      activityID: lesson.id, title: text(lesson.title), kind: .lesson, passed: nil, runs: 1, roleplay: nil, quiz: nil)
  }

  mutating func startRoleplayRun(_ roleplay: Roleplay, activity: Int, run: Int) {
    var variables: [String: Int] = [:]
    for variable in roleplay.variables { variables[variable.name] = variable.initial }
    var skills: [String: Int] = [:]
    for skill in roleplay.skills { skills[skill.id] = 0 }
    state.pendingOutcome = nil
    state.roleplay = SessionState.RoleplayProgress(
      run: run, sceneID: roleplay.start, passedThrough: [], variables: variables, skills: skills, onceUsed: [],
      path: [])
    arrive(at: roleplay.start, in: roleplay, activity: activity)
  }

  /// Follows automatic `goto`s from `target` to a scene offering choices, an ending, or a stuck state.
  mutating func arrive(at target: String, in roleplay: Roleplay, activity: Int) {
    guard var progress = state.roleplay else { return }
    var passed: [String] = []
    var current = target
    while true {
      if let ending = roleplay.ending(current) {
        finishRoleplayRun(roleplay, activity: activity, ending: ending, stuck: nil, passed: passed)
        return
      }
      guard let scene = roleplay.scene(current) else {
        finishRoleplayRun(
          roleplay, activity: activity, ending: nil, stuck: .missingTarget(target: current), passed: passed)
        return
      }
      if passed.contains(current) {
        finishRoleplayRun(roleplay, activity: activity, ending: nil, stuck: .gotoLoop(sceneID: current), passed: passed)
        return
      }
      if let jump = scene.gotos.first(where: { $0.condition?.holds(progress.variables) ?? true }) {
        passed.append(current)
        current = jump.to
        continue
      }
      if offeredChoices(scene, progress: progress).isEmpty {
        passed.append(current)
        finishRoleplayRun(roleplay, activity: activity, ending: nil, stuck: .deadEnd(sceneID: current), passed: passed)
        return
      }
      progress.sceneID = current
      progress.passedThrough = passed
      state.roleplay = progress
      state.position = .init(activity: activity, phase: .scene, page: nil)
      return
    }
  }

  /// The 0-based file indices of the choices offered in `scene` now.
  func offeredChoices(_ scene: Scene, progress: SessionState.RoleplayProgress) -> [Int] {
    scene.choices.indices.filter { index in
      let choice = scene.choices[index]
      if choice.once, progress.onceUsed.contains(Self.onceKey(scene.id, index)) { return false }
      return choice.condition?.holds(progress.variables) ?? true
    }
  }

  static func onceKey(_ sceneID: String, _ index: Int) -> String { "\(sceneID)#\(index)" }

  func skillScores(_ roleplay: Roleplay, _ skills: [String: Int]) -> [SkillScore] {
    var result = roleplay.skills.map {
      SkillScore(skillID: $0.id, title: text($0.title), points: skills[$0.id] ?? 0, min: $0.min)
    }
    let declared = Set(roleplay.skills.map(\.id))
    for id in skills.keys.sorted() where !declared.contains(id) {
      result.append(SkillScore(skillID: id, title: id, points: skills[id] ?? 0, min: nil))
    }
    return result
  }

  mutating func finishRoleplayRun(
    _ roleplay: Roleplay, activity: Int, ending: Ending?, stuck: RoleplayFailure?, passed: [String]
  ) {
    guard let progress = state.roleplay else { return }
    let skills = skillScores(roleplay, progress.skills)
    let total = progress.skills.values.reduce(0, +)
    var failures: [RoleplayFailure] = []
    if let stuck { failures.append(stuck) }
    if let ending, ending.result == .fail { failures.append(.failingEnding(endingID: ending.id)) }
    for entry in progress.path where entry.critical {
      failures.append(.criticalChoice(sceneID: entry.sceneID, choiceIndex: entry.choiceIndex))
    }
    if let pass = roleplay.pass, total < pass { failures.append(.belowPass(total: total, pass: pass)) }
    for skill in skills {
      if let min = skill.min, skill.points < min {
        failures.append(.belowMinimum(skillID: skill.skillID, skill: skill.title, points: skill.points, min: min))
      }
    }
    let closing = passed.compactMap { roleplay.scene($0) }.flatMap { spokenLines($0, in: roleplay) }
    let run = RoleplayRun(
      endingID: ending?.id, endingResult: ending?.result, debrief: ending.map { text($0.debrief) } ?? "",
      closingLines: closing, path: progress.path, total: total, skills: skills, failures: failures)
    state.pendingOutcome = ActivityOutcome(
      activityID: roleplay.id, title: text(roleplay.title), kind: .roleplay, passed: run.passed, runs: progress.run,
      roleplay: run, quiz: nil)
    state.roleplay = nil
    state.position = .init(activity: activity, phase: .activityResult, page: nil)
  }

  /// Starts run `run` of a quiz; `previous` (the run before, in this attempt) counts as the latest history, so
  /// that a retry asks first the questions not seen yet.
  mutating func startQuizRun(_ quiz: Quiz, activity: Int, run: Int, previous: QuizRun? = nil) {
    var history = self.history
    if let previous {
      history.attempts.append(
        PastAttempt(
          started: "", activities: [quiz.id],
          questions: previous.questions.map {
            SeenQuestion(quizID: quiz.id, questionID: $0.questionID, missed: $0.verdict != .right)
          }))
    }
    let drawn = Self.draw(quiz, seed: state.seedValue, activity: activity, run: run, history: history)
    state.pendingOutcome = nil
    state.quiz = SessionState.QuizProgress(run: run, drawn: drawn, current: 0, records: [])
    if drawn.isEmpty {
      finishQuizRun(quiz, activity: activity)
    } else {
      state.position = .init(activity: activity, phase: .question, page: nil)
    }
  }

  /// The questions of a run and their shown orders, from the seed, the activity index, the run and the
  /// helper's history only (`Draws.questionOrder` decides which questions a draw takes).
  static func draw(
    _ quiz: Quiz, seed: UInt64, activity: Int, run: Int, history: CourseHistory = .empty
  ) -> [SessionState.DrawnQuestion] {
    var random = SplitMix64.derived(seed, activity, run)
    let count = quiz.questions.count
    var indices = Array(0..<count)
    let wanted = Swift.min(Swift.max(quiz.draw ?? count, 0), count)
    if quiz.shuffle {
      // The shuffled order is also the order shown.
      var shuffled = random
      shuffled.shuffle(&indices)
      let taken = Set(Draws.questionOrder(quiz, history: history, random: &random).prefix(wanted))
      indices = indices.filter(taken.contains)
    } else if wanted < count {
      indices = Draws.questionOrder(quiz, history: history, random: &random).prefix(wanted).sorted()
    }
    return indices.map { index in
      drawn(quiz.questions[index], at: index, seed: seed, activity: activity, run: run)
    }
  }

  /// Question `index` of a quiz as drawn in a run: for an order or match question, the order its items are
  /// shown in, from the seed, the activity, the run and the question's index only (never the answer itself).
  static func drawn(
    _ question: Question, at index: Int, seed: UInt64, activity: Int, run: Int
  ) -> SessionState.DrawnQuestion {
    let itemCount: Int?
    switch question.kind {
    case .order(let items): itemCount = items.count
    case .match(let pairs): itemCount = pairs.count
    default: itemCount = nil
    }
    guard let itemCount else { return SessionState.DrawnQuestion(index: index, shown: nil) }
    var shown = Array(0..<itemCount)
    var itemRandom = SplitMix64.derived(seed, activity, run, index, 1)
    itemRandom.shuffle(&shown)
    if itemCount > 1, shown == Array(0..<itemCount) {
      // Never show the answer itself: rotate an identity shuffle.
      shown = Array(shown[1...]) + [shown[0]]
    }
    return SessionState.DrawnQuestion(index: index, shown: shown)
  }

  mutating func finishQuizRun(_ quiz: Quiz, activity: Int) {
    guard let progress = state.quiz else { return }
    let points = progress.records.reduce(Credit.zero) { $0 + $1.credit }
    let count = progress.records.count
    let percent = count == 0 ? 100 : points.value * 100 / Double(count)
    let passed = count == 0 || points.numerator * 100 >= quiz.passPercent * count * points.denominator
    let run = QuizRun(
      questions: progress.records, points: points, percent: percent, passPercent: quiz.passPercent, passed: passed)
    state.pendingOutcome = ActivityOutcome(
      activityID: quiz.id, title: text(quiz.title), kind: .quiz, passed: passed, runs: progress.run, roleplay: nil,
      quiz: run)
    state.quiz = nil
    state.position = .init(activity: activity, phase: .activityResult, page: nil)
  }

  // MARK: Steps

  func maxRuns(_ activity: Activity) -> Int {
    switch activity {
    case .lesson: 1
    case .roleplay(let roleplay): 1 + Swift.max(roleplay.retries, 0)
    case .quiz(let quiz): 1 + Swift.max(quiz.retries, 0)
    case .pool: 1
    }
  }

  func context() -> StepContext? {
    let index = state.position.activity
    guard state.position.phase != .finished, index < activities.count else { return nil }
    let activity = activities[index]
    let run = state.roleplay?.run ?? state.quiz?.run ?? state.pendingOutcome?.runs ?? 1
    return StepContext(
      activityIndex: index, activityCount: activities.count, activityID: activity.id,
      activityTitle: text(activity.title), kind: activity.kind, run: run, maxRuns: maxRuns(activity),
      drawnFrom: course.pool(holding: activity.id).map(DrawnFrom.init))
  }

  /// A skill's title in the session's language (its id when the role-play does not name it).
  func skillTitle(_ skillID: String, in roleplay: Roleplay) -> String {
    roleplay.skills.first { $0.id == skillID }.map { text($0.title) } ?? skillID
  }

  /// A choice taken, in the session's language now (the path keeps the words shown then).
  func localized(_ entry: PathEntry, in roleplay: Roleplay) -> PathEntry {
    var shown = entry
    shown.lines = localized(entry.lines, in: roleplay)
    if let choice = roleplay.scene(entry.sceneID)?.choices.dropFirst(entry.choiceIndex).first {
      shown.say = text(choice.say)
      shown.feedback = text(choice.feedback)
    }
    shown.points = entry.points.map { points in
      var shown = points
      shown.skill = skillTitle(points.skillID, in: roleplay)
      return shown
    }
    return shown
  }

  /// Lines heard, scene by scene, in the session's language now.
  func localized(_ lines: [SpokenLine], in roleplay: Roleplay) -> [SpokenLine] {
    var scenes: [String] = []
    for line in lines where scenes.last != line.sceneID { scenes.append(line.sceneID) }
    let scenesFound = scenes.compactMap { roleplay.scene($0) }
    guard scenesFound.count == scenes.count else { return lines }
    return scenesFound.flatMap { spokenLines($0, in: roleplay) }
  }

  /// The outcome of the activity in progress, in the session's language now: a session resumed in the other
  /// language shows the result it was left at in that language. Only what the run showed in words changes.
  func localized(_ outcome: ActivityOutcome) -> ActivityOutcome {
    let index = state.position.activity
    guard index < activities.count, activities[index].id == outcome.activityID else { return outcome }
    var shown = outcome
    shown.title = text(activities[index].title)
    switch activities[index] {
    case .roleplay(let roleplay):
      guard var run = outcome.roleplay else { break }
      if let ending = run.endingID.flatMap(roleplay.ending) { run.debrief = text(ending.debrief) }
      run.closingLines = localized(run.closingLines, in: roleplay)
      run.path = run.path.map { localized($0, in: roleplay) }
      run.skills = run.skills.map { skill in
        var shown = skill
        shown.title = skillTitle(skill.skillID, in: roleplay)
        return shown
      }
      run.failures = run.failures.map { failure in
        guard case .belowMinimum(let skillID, _, let points, let min) = failure else { return failure }
        return .belowMinimum(skillID: skillID, skill: skillTitle(skillID, in: roleplay), points: points, min: min)
      }
      shown.roleplay = run
    case .quiz(let quiz):
      guard var run = outcome.quiz else { break }
      run.questions = run.questions.map { record in
        guard let position = quiz.questions.firstIndex(where: { $0.id == record.questionID }) else { return record }
        let question = quiz.questions[position]
        let drawn = Self.drawn(question, at: position, seed: state.seedValue, activity: index, run: outcome.runs)
        return
          (try? Scoring.record(
            question: question, drawn: drawn, answer: record.answer, expectation: .anyLine, text: { text($0) },
            language: state.language)) ?? record
      }
      shown.quiz = run
    case .lesson, .pool:
      break
    }
    return shown
  }

  func currentRoleplay() -> Roleplay? {
    let index = state.position.activity
    guard index < activities.count, case .roleplay(let roleplay) = activities[index] else { return nil }
    return roleplay
  }

  func currentQuiz() -> Quiz? {
    let index = state.position.activity
    guard index < activities.count, case .quiz(let quiz) = activities[index] else { return nil }
    return quiz
  }

  func currentLesson() -> Lesson? {
    let index = state.position.activity
    guard index < activities.count, case .lesson(let lesson) = activities[index] else { return nil }
    return lesson
  }

  func makeExpectation() -> Expected {
    switch state.position.phase {
    case .page, .choiceFeedback, .questionFeedback:
      return .anyLine
    case .finished:
      return .nothing
    case .activityResult:
      let index = state.position.activity
      guard let outcome = state.pendingOutcome, index < activities.count else { return .anyLine }
      let canRetry = outcome.passed == false && outcome.runs < maxRuns(activities[index])
      return canRetry ? .retryOrContinue : .anyLine
    case .scene:
      guard let roleplay = currentRoleplay(), let progress = state.roleplay,
        let scene = roleplay.scene(progress.sceneID)
      else { return .nothing }
      return .choice(count: offeredChoices(scene, progress: progress).count)
    case .question:
      guard let quiz = currentQuiz(), let progress = state.quiz, progress.current < progress.drawn.count else {
        return .nothing
      }
      let drawn = progress.drawn[progress.current]
      switch quiz.questions[drawn.index].kind {
      case .single(let options): return .single(count: options.count)
      case .multiple(let options): return .multiple(count: options.count)
      case .truefalse: return .truefalse
      case .order(let items): return .order(count: items.count)
      case .match(let pairs): return .match(left: pairs.count, right: pairs.count)
      case .short: return .text
      }
    }
  }

  func makeStep() -> Step {
    let expectation = makeExpectation()
    let context = context()
    switch state.position.phase {
    case .finished:
      return Step(context: nil, content: .courseResult(makeCourseResult()), expectation: .nothing)
    case .page:
      let lesson = currentLesson()
      let pages = lesson?.pages ?? []
      let number = (state.position.page ?? 0)
      let blocks = number < pages.count ? pages[number].blocks(in: state.language.rawValue) : []
      return Step(
        context: context, content: .page(PageStep(number: number + 1, count: pages.count, blocks: blocks)),
        expectation: expectation)
    case .scene:
      guard let roleplay = currentRoleplay(), let progress = state.roleplay,
        let scene = roleplay.scene(progress.sceneID)
      else { return Step(context: context, content: .courseResult(makeCourseResult()), expectation: .nothing) }
      let lines = sceneLines(progress, in: roleplay)
      let offered = offeredChoices(scene, progress: progress).enumerated().map { number, index in
        OfferedChoice(number: number + 1, index: index, say: text(scene.choices[index].say))
      }
      let setting = progress.path.isEmpty ? optionalText(roleplay.setting) : nil
      return Step(
        context: context,
        content: .scene(SceneStep(sceneID: scene.id, setting: setting, lines: lines, choices: offered)),
        expectation: expectation)
    case .choiceFeedback:
      guard let entry = state.roleplay?.path.last else {
        return Step(context: context, content: .courseResult(makeCourseResult()), expectation: .nothing)
      }
      // In the session's language now: a session resumed in the other language shows the choice it was left
      // at in that language (the path keeps the words shown then).
      let shown = currentRoleplay().map { localized(entry, in: $0) } ?? entry
      return Step(
        context: context,
        content: .choiceFeedback(
          ChoiceFeedbackStep(
            sceneID: shown.sceneID, choiceIndex: shown.choiceIndex, say: shown.say, feedback: shown.feedback,
            points: shown.points, critical: shown.critical)),
        expectation: expectation)
    case .question:
      guard let quiz = currentQuiz(), let progress = state.quiz, progress.current < progress.drawn.count else {
        return Step(context: context, content: .courseResult(makeCourseResult()), expectation: .nothing)
      }
      let drawn = progress.drawn[progress.current]
      let question = quiz.questions[drawn.index]
      return Step(
        context: context,
        content: .question(
          QuestionStep(
            number: progress.current + 1, count: progress.drawn.count, questionID: question.id,
            prompt: text(question.prompt), presentation: presentation(question, drawn))),
        expectation: expectation)
    case .questionFeedback:
      guard let record = state.quiz?.records.last else {
        return Step(context: context, content: .courseResult(makeCourseResult()), expectation: .nothing)
      }
      // As for a choice: the answer's record in the session's language now.
      var shown = record
      if let quiz = currentQuiz(), let progress = state.quiz, progress.current < progress.drawn.count {
        let drawn = progress.drawn[progress.current]
        if let again = try? Scoring.record(
          question: quiz.questions[drawn.index], drawn: drawn, answer: record.answer, expectation: expectation,
          text: { text($0) }, language: state.language)
        {
          shown = again
        }
      }
      return Step(
        context: context, content: .questionFeedback(QuestionFeedbackStep(record: shown)), expectation: expectation)
    case .activityResult:
      guard let outcome = state.pendingOutcome else {
        return Step(context: context, content: .courseResult(makeCourseResult()), expectation: .nothing)
      }
      let left = Swift.max((context?.maxRuns ?? 1) - outcome.runs, 0)
      // As for a choice: the result a session was left at, in the session's language now.
      return Step(
        context: context, content: .activityResult(ActivityResultStep(outcome: localized(outcome), retriesLeft: left)),
        expectation: expectation)
    }
  }

  func sceneLines(_ progress: SessionState.RoleplayProgress, in roleplay: Roleplay) -> [SpokenLine] {
    (progress.passedThrough + [progress.sceneID]).compactMap { roleplay.scene($0) }.flatMap {
      spokenLines($0, in: roleplay)
    }
  }

  func presentation(_ question: Question, _ drawn: SessionState.DrawnQuestion) -> QuestionPresentation {
    switch question.kind {
    case .single(let options): return .single(options: options.map { text($0.text) })
    case .multiple(let options): return .multiple(options: options.map { text($0.text) })
    case .truefalse: return .truefalse
    case .order(let items):
      let shown = drawn.shown ?? Array(items.indices)
      return .order(items: shown.map { text(items[$0]) })
    case .match(let pairs):
      let shown = drawn.shown ?? Array(pairs.indices)
      return .match(left: pairs.map { text($0.left) }, right: shown.map { text(pairs[$0].right) })
    case .short: return .short
    }
  }

  // MARK: Taking answers

  mutating func apply(_ answer: Answer) throws(AnswerError) {
    let index = state.position.activity
    switch state.position.phase {
    case .finished:
      throw .notWaiting
    case .page:
      guard answer == .continue else { throw .wrongKind(expected: .anyLine) }
      guard let lesson = currentLesson() else { throw .notWaiting }
      let next = (state.position.page ?? 0) + 1
      if next < lesson.pages.count {
        state.position.page = next
      } else {
        state.finished.append(lessonOutcome(lesson))
        enterActivity(index + 1)
      }
    case .scene:
      try takeChoice(answer)
    case .choiceFeedback:
      guard answer == .continue else { throw .wrongKind(expected: .anyLine) }
      guard let roleplay = currentRoleplay(), let entry = state.roleplay?.path.last,
        let scene = roleplay.scene(entry.sceneID), entry.choiceIndex < scene.choices.count
      else { throw .notWaiting }
      arrive(at: scene.choices[entry.choiceIndex].to, in: roleplay, activity: index)
    case .question:
      try answerQuestion(answer)
    case .questionFeedback:
      guard answer == .continue else { throw .wrongKind(expected: .anyLine) }
      guard let quiz = currentQuiz(), var progress = state.quiz else { throw .notWaiting }
      progress.current += 1
      state.quiz = progress
      if progress.current < progress.drawn.count {
        state.position.phase = .question
      } else {
        finishQuizRun(quiz, activity: index)
      }
    case .activityResult:
      let expectation = makeExpectation()
      guard let outcome = state.pendingOutcome else { throw .notWaiting }
      switch answer {
      case .continue:
        state.finished.append(outcome)
        enterActivity(index + 1)
      case .retry where expectation == .retryOrContinue:
        switch activities[index] {
        case .roleplay(let roleplay): startRoleplayRun(roleplay, activity: index, run: outcome.runs + 1)
        case .quiz(let quiz): startQuizRun(quiz, activity: index, run: outcome.runs + 1, previous: outcome.quiz)
        case .lesson, .pool: throw .wrongKind(expected: expectation)
        }
      default:
        throw .wrongKind(expected: expectation)
      }
    }
  }

  mutating func takeChoice(_ answer: Answer) throws(AnswerError) {
    let expectation = makeExpectation()
    guard case .choice(let number) = answer else { throw .wrongKind(expected: expectation) }
    guard let roleplay = currentRoleplay(), var progress = state.roleplay, let scene = roleplay.scene(progress.sceneID)
    else { throw .notWaiting }
    let offered = offeredChoices(scene, progress: progress)
    guard number >= 1, number <= offered.count else { throw .outOfRange(value: number, upperBound: offered.count) }
    let index = offered[number - 1]
    let choice = scene.choices[index]
    let lines = sceneLines(progress, in: roleplay)
    for effect in choice.sets {
      progress.variables[effect.variable] = effect.apply(to: progress.variables[effect.variable] ?? 0)
    }
    var points: [SkillPoints] = []
    for effect in choice.scores {
      progress.skills[effect.skill, default: 0] &+= effect.points
      points.append(
        SkillPoints(skillID: effect.skill, skill: skillTitle(effect.skill, in: roleplay), points: effect.points))
    }
    if choice.once {
      progress.onceUsed.append(Self.onceKey(scene.id, index))
      progress.onceUsed.sort()
    }
    progress.path.append(
      PathEntry(
        lines: lines, sceneID: scene.id, choiceIndex: index, say: text(choice.say), feedback: text(choice.feedback),
        points: points, critical: choice.critical))
    progress.passedThrough = []
    state.roleplay = progress
    state.position.phase = .choiceFeedback
  }

  mutating func answerQuestion(_ answer: Answer) throws(AnswerError) {
    let expectation = makeExpectation()
    guard let quiz = currentQuiz(), var progress = state.quiz, progress.current < progress.drawn.count else {
      throw .notWaiting
    }
    let drawn = progress.drawn[progress.current]
    let question = quiz.questions[drawn.index]
    let record = try Scoring.record(
      question: question, drawn: drawn, answer: answer, expectation: expectation, text: { text($0) },
      language: state.language)
    progress.records.append(record)
    state.quiz = progress
    state.position.phase = .questionFeedback
  }

  // MARK: Result

  func makeCourseResult() -> CourseResult {
    let outcomes = state.finished
    let graded = outcomes.filter { $0.kind != .lesson }
    let passed = graded.allSatisfy { $0.passed == true }
    let records = graded.compactMap(\.quiz).flatMap(\.questions)
    let quizCount = graded.filter { $0.kind == .quiz }.count
    var scorePercent: Int?
    if quizCount > 0 {
      if records.isEmpty {
        scorePercent = 100
      } else {
        let points = records.reduce(Credit.zero) { $0 + $1.credit }
        scorePercent = points.numerator * 100 / (points.denominator * records.count)
      }
    }
    var skills: [SkillScore] = []
    for run in graded.compactMap(\.roleplay) {
      for skill in run.skills {
        if let existing = skills.firstIndex(where: { $0.skillID == skill.skillID }) {
          skills[existing].points += skill.points
        } else {
          skills.append(SkillScore(skillID: skill.skillID, title: skill.title, points: skill.points, min: nil))
        }
      }
    }
    return CourseResult(
      courseID: course.id, version: course.version, digest: course.digest, seed: state.seedValue,
      language: state.language, passed: passed, activities: outcomes, scorePercent: scorePercent,
      roleplayPoints: graded.compactMap(\.roleplay).map(\.total).reduce(0, +), skills: skills)
  }

  // MARK: Checking a resumed state

  func validate() throws(ResumeError) {
    let position = state.position
    let count = activities.count
    guard UInt64(state.seed) != nil else { throw .inconsistent(detail: "seed") }
    // Every planned activity exists and no pool is left undrawn.
    guard activities.count == (state.plan?.count ?? activities.count),
      !activities.contains(where: { if case .pool = $0 { true } else { false } })
    else { throw .inconsistent(detail: "plan") }
    guard state.finished.count == Swift.min(position.activity, count), position.activity <= count else {
      throw .inconsistent(detail: "position.activity")
    }
    for (outcome, activity) in zip(state.finished, activities) where outcome.activityID != activity.id {
      throw .inconsistent(detail: "finished.\(outcome.activityID)")
    }
    if position.phase == .finished {
      guard position.activity == count else { throw .inconsistent(detail: "position.phase") }
      return
    }
    guard position.activity < count else { throw .inconsistent(detail: "position.activity") }
    switch (position.phase, activities[position.activity]) {
    case (.page, .lesson(let lesson)):
      guard let page = position.page, page >= 0, page < lesson.pages.count else {
        throw .inconsistent(detail: "position.page")
      }
    case (.scene, .roleplay(let roleplay)), (.choiceFeedback, .roleplay(let roleplay)):
      guard let progress = state.roleplay, let scene = roleplay.scene(progress.sceneID) else {
        throw .inconsistent(detail: "roleplay.sceneID")
      }
      guard progress.passedThrough.allSatisfy({ roleplay.scene($0) != nil }) else {
        throw .inconsistent(detail: "roleplay.passedThrough")
      }
      if position.phase == .choiceFeedback {
        guard let last = progress.path.last, last.sceneID == scene.id, last.choiceIndex >= 0,
          last.choiceIndex < scene.choices.count
        else { throw .inconsistent(detail: "roleplay.path") }
      } else if offeredChoices(scene, progress: progress).isEmpty {
        throw .inconsistent(detail: "roleplay.sceneID")
      }
    case (.question, .quiz(let quiz)), (.questionFeedback, .quiz(let quiz)):
      guard let progress = state.quiz, progress.current >= 0, progress.current < progress.drawn.count else {
        throw .inconsistent(detail: "quiz.current")
      }
      for drawn in progress.drawn {
        guard drawn.index >= 0, drawn.index < quiz.questions.count else { throw .inconsistent(detail: "quiz.drawn") }
        let size: Int? =
          switch quiz.questions[drawn.index].kind {
          case .order(let items): items.count
          case .match(let pairs): pairs.count
          default: nil
          }
        if let size {
          guard let shown = drawn.shown, shown.sorted() == Array(0..<size) else {
            throw .inconsistent(detail: "quiz.drawn.shown")
          }
        }
      }
      let expectedRecords = position.phase == .question ? progress.current : progress.current + 1
      guard progress.records.count == expectedRecords else { throw .inconsistent(detail: "quiz.records") }
    case (.activityResult, .roleplay), (.activityResult, .quiz):
      guard let outcome = state.pendingOutcome, outcome.activityID == activities[position.activity].id else {
        throw .inconsistent(detail: "pendingOutcome")
      }
    default:
      throw .inconsistent(detail: "position.phase")
    }
  }
}
