import CourseEngine
import CourseModel

/// Why a session stopped before its end; progress up to the last answer is saved.
public enum PauseReason: Sendable, Hashable {
  /// The helper typed `q`.
  case quit
  /// The input closed (Ctrl-D, end of a pipe).
  case endOfInput
  /// SIGINT, SIGTERM…: the signal's number.
  case signal(Int32)
}

/// How driving a session ended.
public enum DriveOutcome: Sendable, Hashable {
  case finished(CourseResult)
  case paused(PauseReason)
}

/// Drives a `CourseSession` with typed lines: shows each step, reads, answers, saves; the engine never
/// sees the terminal.
///
/// At any prompt `?` shows the help, `r` shows the step again, `q` stops (progress saved); these three
/// are commands even where text is expected. A line that is not an answer (empty, out of range,
/// letters, overlong, invalid UTF-8) gets a message and the same prompt, and the session is unchanged.
public struct SessionDriver {
  public let renderer: CourseRenderer
  public let reader: LineReader
  /// Writes each line read after the prompt, so the output of a piped session reads like a transcript
  /// (a terminal echoes what is typed by itself).
  public let echoInput: Bool

  public init(renderer: CourseRenderer, reader: LineReader, echoInput: Bool = false) {
    self.renderer = renderer
    self.reader = reader
    self.echoInput = echoInput
  }

  private var console: Console { renderer.console }
  private var language: Language { console.language }

  /// Runs until the course result or a pause; `save` is called after every accepted answer, before the
  /// next step is shown (an error from `save` stops the run and is rethrown).
  public func drive(
    _ session: inout CourseSession, save: (CourseSession) throws -> Void
  ) throws -> DriveOutcome {
    var shown: (activity: Int, run: Int)?
    var showStep = true
    while true {
      let step = session.current
      if case .courseResult(let result) = step.content { return .finished(result) }
      if showStep {
        if let context = step.context, shown.map({ $0 != (context.activityIndex, context.run) }) ?? true {
          showHeading(context, firstShown: shown == nil)
          shown = (context.activityIndex, context.run)
        }
        show(step, in: session)
      }
      renderer.prompt(promptKind(step.expectation))
      let event = reader.readLine()
      if echoInput {
        if case .line(let line) = event { console.write(line) }
        console.blankLine()
      }
      switch event {
      case .endOfInput:
        if !echoInput { console.blankLine() }
        return .paused(.endOfInput)
      case .interrupted(let signal):
        if !echoInput { console.blankLine() }
        return .paused(.signal(signal))
      case .invalidEncoding:
        renderer.inputProblem(InterfaceText.invalidEncoding)
        showStep = false
      case .tooLong(let limit):
        renderer.inputProblem(InterfaceText.lineTooLong(limit: limit))
        showStep = false
      case .line(let line):
        let command = line.trimmingCharacters(in: " \t").lowercased()
        if command == "?" {
          renderer.help()
          showStep = false
          continue
        }
        if command == "r" {
          showStep = true
          continue
        }
        if command == "q" { return .paused(.quit) }
        do {
          try session.answer(line: line)
        } catch {
          renderer.inputProblem(error.message)
          showStep = false
          continue
        }
        try save(session)
        showStep = true
      }
    }
  }

  // MARK: Showing steps.

  private func showHeading(_ context: StepContext, firstShown: Bool) {
    renderer.activityHeading(
      index: context.activityIndex + 1, count: context.activityCount, title: context.activityTitle)
    if let pool = context.drawnFrom {
      console.say(InterfaceText.drawnFromPool(draw: pool.draw, size: pool.size), style: .dim)
    }
    if context.run > 1 {
      console.say(InterfaceText.retryHeading(attempt: context.run - 1, of: context.maxRuns - 1), style: .notice)
    }
  }

  /// Shows one step as the helper sees it.
  public func show(_ step: Step, in session: CourseSession) {
    switch step.content {
    case .page(let page):
      renderer.lessonPage(page.blocks, index: page.number, count: page.count)
    case .scene(let scene):
      renderer.scene(
        setting: scene.setting, lines: scene.lines.map { DialogueLine(speaker: $0.speaker, text: $0.text) })
      renderer.choices(scene.choices.map(\.say))
    case .choiceFeedback(let feedback):
      renderer.choiceFeedback(feedback.feedback, critical: feedback.critical)
      for points in feedback.points where points.points != 0 {
        console.say(InterfaceText.skillPoints(skill: points.skill, points: points.points), prefix: "  ")
      }
    case .question(let question):
      renderer.question(
        index: question.number, count: question.count, prompt: question.prompt, form: form(question.presentation))
    case .questionFeedback(let feedback):
      let record = feedback.record
      let verdict: AnswerVerdict =
        switch record.verdict {
        case .right: .right
        case .wrong: .wrong
        case .partial: .partial(record.credit.value)
        }
      renderer.feedback(verdict, text: record.optionFeedback.joined(separator: " "))
      if record.verdict != .right { renderer.correctAnswer(record.rightAnswer) }
      if let explanation = record.explanation { renderer.explanation(explanation) }
    case .activityResult(let result):
      renderer.activitySummary(Self.summary(result.outcome, course: session.course))
      if result.canRetry { console.say(InterfaceText.retriesLeft(result.retriesLeft)) }
    case .courseResult:
      break
    }
  }

  private func form(_ presentation: QuestionPresentation) -> QuestionForm {
    switch presentation {
    case .single(let options): .single(options)
    case .multiple(let options): .multiple(options)
    case .truefalse: .trueFalse
    case .order(let items): .order(items)
    case .match(let left, let right): .match(left: left, right: right)
    case .short: .short
    }
  }

  /// The prompt for what the step waits for.
  public func promptKind(_ expectation: Expected) -> PromptKind {
    switch expectation {
    case .anyLine, .nothing: .page
    case .choice(let count), .single(let count): .one(count: count)
    case .truefalse: .trueFalse
    case .multiple(let count): .several(count: count)
    case .order(let count): .order(count: count)
    case .match(let left, let right): .match(leftCount: left, rightCount: right)
    case .text: .short
    case .retryOrContinue: .retryOrContinue
    }
  }

  /// What the attempt practised, one line per activity finished (lessons too), for the end summary.
  public static func practised(_ result: CourseResult, course: Course) -> [Message] {
    result.activities.map { outcome in
      InterfaceText.practised(
        title: outcome.title, drawnFrom: course.pool(holding: outcome.activityID)?.activities.count,
        questions: outcome.quiz?.questions.count)
    }
  }

  /// What the end of an activity shows, from the engine's outcome.
  public static func summary(_ outcome: ActivityOutcome, course: Course) -> ActivitySummary {
    if let run = outcome.roleplay {
      var passMark: Int?
      if case .roleplay(let roleplay) = course.allActivities.first(where: { $0.id == outcome.activityID }) {
        passMark = roleplay.pass
      }
      let reasons: [Message] = run.failures.compactMap { failure in
        switch failure {
        case .failingEnding: nil
        case .criticalChoice: InterfaceText.criticalChoiceTaken
        default: failure.message
        }
      }
      return ActivitySummary(
        title: outcome.title, passed: outcome.passed,
        detail: .roleplay(
          points: run.total, passMark: passMark,
          skills: run.skills.map { SkillLine(title: $0.title, points: $0.points, minimum: $0.min) },
          ending: run.debrief.isEmpty ? nil : run.debrief, reasons: reasons,
          path: run.path.map { PathStep(said: $0.say, feedback: $0.feedback, critical: $0.critical) }))
    }
    if let run = outcome.quiz {
      return ActivitySummary(
        title: outcome.title, passed: outcome.passed,
        detail: .quiz(
          score: run.points.value, questionCount: run.questions.count, passPercent: run.passPercent,
          review: run.questions.filter { $0.verdict != .right }.map {
            QuestionReview(
              prompt: $0.prompt, answerGiven: $0.answerGiven, rightAnswer: $0.rightAnswer,
              explanation: $0.explanation)
          }))
    }
    return ActivitySummary(title: outcome.title, passed: outcome.passed, detail: .lesson)
  }

  /// Where a resumed session stands, said in one sentence ("Reprise de « La pause café », scène 2…").
  public static func resumeMessage(_ session: CourseSession) -> Message? {
    let step = session.current
    guard let context = step.context else { return nil }
    let title = context.activityTitle
    let state = session.state
    switch state.position.phase {
    case .page:
      return InterfaceText.resumeAtPage(activity: title, page: (state.position.page ?? 0) + 1)
    case .scene, .choiceFeedback:
      return InterfaceText.resumeAtScene(activity: title, scene: (state.roleplay?.path.count ?? 0) + 1)
    case .question, .questionFeedback:
      return InterfaceText.resumeAtQuestion(activity: title, question: (state.quiz?.current ?? 0) + 1)
    case .activityResult, .finished:
      return InterfaceText.resumeAtResult(activity: title)
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text = text.dropFirst() }
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return String(text)
  }
}
