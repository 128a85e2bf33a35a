import CourseModel

extension Scoring {
  /// The answer that scores 1 on `question` as drawn (numbers as shown); nil when none does.
  static func rightAnswer(_ question: Question, _ drawn: SessionState.DrawnQuestion) -> Answer? {
    switch question.kind {
    case .single(let options):
      return options.firstIndex(where: \.correct).map { .single($0 + 1) }
    case .multiple(let options):
      let right = options.indices.filter { options[$0].correct }.map { $0 + 1 }
      return right.isEmpty ? nil : .multiple(right)
    case .truefalse(let answer):
      return .truefalse(answer)
    case .order(let items):
      let shown = drawn.shown ?? Array(items.indices)
      let numbers = items.indices.compactMap { index in shown.firstIndex(of: index).map { $0 + 1 } }
      return numbers.isEmpty || numbers.count != items.count ? nil : .order(numbers)
    case .match(let pairs):
      let shown = drawn.shown ?? Array(pairs.indices)
      let numbers = pairs.indices.compactMap { index in shown.firstIndex(of: index).map { $0 + 1 } }
      return numbers.isEmpty || numbers.count != pairs.count ? nil : .match(numbers)
    case .short(let accept):
      return accept.first { !normalize($0).isEmpty }.map { .text($0) }
    }
  }
}

extension CourseSession {
  /// The answer that scores fully on the question asked now (numbers as shown); nil elsewhere
  /// or when the question has none. For auto-play and tests.
  public var rightAnswer: Answer? {
    guard state.position.phase == .question, let quiz = currentQuiz(), let progress = state.quiz,
      progress.current < progress.drawn.count
    else { return nil }
    let drawn = progress.drawn[progress.current]
    return Scoring.rightAnswer(quiz.questions[drawn.index], drawn)
  }
}

/// Runs a quiz's draws under many seeds and histories, answering rightly through the session's scoring.
struct QuizChecker {
  let quiz: Quiz
  /// The places the quiz can take in an attempt's plan (several inside a pool that draws more than one).
  let activityIndices: [Int]
  let seeds: Int

  /// A helper's history of `quiz` for a check under `seed`: `seed % 4` earlier attempts, each showing a
  /// seeded draw of the quiz's questions, each missed or not by the seed.
  static func sampleHistory(_ quiz: Quiz, seed: UInt64) -> CourseHistory {
    var random = SplitMix64.derived(seed, -100)
    var history = CourseHistory.empty
    let count = quiz.questions.count
    let wanted = Swift.min(Swift.max(quiz.draw ?? count, 0), count)
    for year in 0..<Int(seed % 4) {
      var indices = Array(0..<count)
      random.shuffle(&indices)
      history.attempts.append(
        PastAttempt(
          started: "sample \(year)", activities: [quiz.id],
          questions: indices.prefix(wanted).map {
            SeenQuestion(quizID: quiz.id, questionID: quiz.questions[$0].id, missed: random.below(2) == 0)
          }))
    }
    return history
  }

  func run() -> QuizCheck {
    var problems: [QuizCheck.Problem] = []
    var flagged = Set<String>()
    var passFlagged = false
    let course = Course(id: "check", version: "", activities: [.quiz(quiz)])
    if quiz.questions.isEmpty || quiz.draw == 0 {
      return QuizCheck(quizID: quiz.id, seeds: seeds, problems: [.noQuestion])
    }
    for seed in 0..<UInt64(Swift.max(seeds, 0)) {
      let maxRuns = 1 + Swift.max(quiz.retries, 0)
      for activityIndex in activityIndices {
        let sample = Self.sampleHistory(quiz, seed: seed)
        var history = sample
        for run in 1...maxRuns {
          let drawn = CourseSession.draw(quiz, seed: seed, activity: activityIndex, run: run, history: history)
          // A retry counts the run before (failed) as the latest history, as a session does.
          history = sample
          history.attempts.append(
            PastAttempt(
              started: "", activities: [quiz.id],
              questions: drawn.map {
                SeenQuestion(quizID: quiz.id, questionID: quiz.questions[$0.index].id, missed: true)
              }))
          var points = Credit.zero
          for question in drawn {
            let model = quiz.questions[question.index]
            var credit = Credit.zero
            if let answer = Scoring.rightAnswer(model, question) {
              let session = CourseSession(course: course, state: probeState(question))
              let expectation = session.makeExpectation()
              if let record = try? Scoring.record(
                question: model, drawn: question, answer: answer, expectation: expectation,
                text: { $0.text("en") ?? "" },
                language: .en)
              {
                credit = record.credit
              }
            }
            if credit != .one, flagged.insert(model.id).inserted {
              problems.append(.cannotBeAnsweredFully(questionID: model.id, seed: seed))
            }
            points = points + credit
          }
          let count = drawn.count
          if count > 0, points.numerator * 100 < quiz.passPercent * count * points.denominator, !passFlagged {
            passFlagged = true
            problems.append(
              .passMarkUnreachable(percent: points.value * 100 / Double(count), pass: quiz.passPercent, seed: seed))
          }
        }
      }
    }
    return QuizCheck(quizID: quiz.id, seeds: seeds, problems: problems)
  }

  /// A state asking just `question`, so the expectation is computed as in a real run.
  func probeState(_ question: SessionState.DrawnQuestion) -> SessionState {
    SessionState(
      formatVersion: SessionState.currentFormatVersion, courseID: "check", version: "", digest: "", seed: "0",
      language: .en, position: .init(activity: 0, phase: .question, page: nil), finished: [], roleplay: nil,
      quiz: .init(run: 1, drawn: [question], current: 0, records: []), pendingOutcome: nil)
  }
}
