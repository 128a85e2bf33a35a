import CourseModel

/// A line a character says in a scene.
public struct DialogueLine: Sendable, Hashable {
  public var speaker: String
  public var text: String

  public init(speaker: String, text: String) {
    self.speaker = speaker
    self.text = text
  }
}

/// How a question is answered, with what the helper needs to see to answer it.
public enum QuestionForm: Sendable, Hashable {
  case single([String])
  case multiple([String])
  case trueFalse
  /// Items in the order shown (already shuffled by the engine).
  case order([String])
  case match(left: [String], right: [String])
  case short
}

/// What a prompt waits for.
public enum PromptKind: Sendable, Hashable {
  case page
  /// A role-play choice or a `single` question among `count`.
  case one(count: Int)
  case trueFalse
  case several(count: Int)
  case order(count: Int)
  case match(leftCount: Int, rightCount: Int)
  case short
  /// After a failed run with tries left: 1 again, 2 go on.
  case retryOrContinue

  public init(_ form: QuestionForm) {
    switch form {
    case .single(let options): self = .one(count: options.count)
    case .multiple(let options): self = .several(count: options.count)
    case .trueFalse: self = .trueFalse
    case .order(let items): self = .order(count: items.count)
    case .match(let left, let right): self = .match(leftCount: left.count, rightCount: right.count)
    case .short: self = .short
    }
  }

  /// The sentence that says what to type.
  public var message: Message {
    switch self {
    case .page: InterfaceText.continuePage
    case .one(let count): InterfaceText.chooseOne(count: count)
    case .trueFalse: InterfaceText.trueOrFalse
    case .several(let count): InterfaceText.chooseSeveral(count: count)
    case .order(let count): InterfaceText.order(count: count)
    case .match(let leftCount, let rightCount): InterfaceText.match(leftCount: leftCount, rightCount: rightCount)
    case .short: InterfaceText.shortAnswer
    case .retryOrContinue: InterfaceText.retryOrContinue
    }
  }
}

/// How right an answer was.
public enum AnswerVerdict: Sendable, Hashable {
  case right
  case wrong
  /// Part of the point (0 < score < 1).
  case partial(Double)
}

/// A scored skill in a role-play summary.
public struct SkillLine: Sendable, Hashable {
  public var title: String
  public var points: Int
  public var minimum: Int?

  public init(title: String, points: Int, minimum: Int? = nil) {
    self.title = title
    self.points = points
    self.minimum = minimum
  }
}

/// One choice on the path through a role-play, with its feedback.
public struct PathStep: Sendable, Hashable {
  public var said: String
  public var feedback: String
  public var critical: Bool

  public init(said: String, feedback: String, critical: Bool = false) {
    self.said = said
    self.feedback = feedback
    self.critical = critical
  }
}

/// What the end of an activity shows.
public struct ActivitySummary: Sendable, Hashable {
  public enum Detail: Sendable, Hashable {
    case lesson
    /// `review`: the questions not fully right, to go over in the debrief.
    case quiz(score: Double, questionCount: Int, passPercent: Int, review: [QuestionReview] = [])
    case roleplay(
      points: Int, passMark: Int?, skills: [SkillLine], ending: String?, reasons: [Message], path: [PathStep])
  }

  public var title: String
  /// nil for a lesson (not graded).
  public var passed: Bool?
  public var detail: Detail

  public init(title: String, passed: Bool?, detail: Detail) {
    self.title = title
    self.passed = passed
    self.detail = detail
  }
}

/// A question to go over in a quiz's debrief: what was answered, what was right, and why.
public struct QuestionReview: Sendable, Hashable {
  public var prompt: String
  public var answerGiven: String
  public var rightAnswer: String
  public var explanation: String?

  public init(prompt: String, answerGiven: String, rightAnswer: String, explanation: String?) {
    self.prompt = prompt
    self.answerGiven = answerGiven
    self.rightAnswer = rightAnswer
    self.explanation = explanation
  }
}

/// Course content and results written to the console: the only place that lays them out.
public struct CourseRenderer: Sendable {
  public let console: Console

  public init(console: Console) {
    self.console = console
  }

  private var language: Language { console.language }
  private var plain: Bool { console.mode.plain }

  // MARK: Headings.

  /// A heading line, underlined with a rule except in plain mode.
  public func heading(_ text: String) {
    console.blankLine()
    console.print(text, style: .heading)
    console.rule(length: DisplayWidth.of(text.strippingControlCharacters()))
  }

  public func courseHeading(title: String, summary: String?) {
    heading(InterfaceText.courseTitle(title).text(language))
    if let summary, !summary.isEmpty { console.print(summary) }
  }

  public func activityHeading(index: Int, count: Int, title: String) {
    heading(InterfaceText.activityHeading(index: index, count: count, title: title).text(language))
  }

  // MARK: Lessons.

  public func lessonPage(_ blocks: [Block], index: Int, count: Int) {
    console.blankLine()
    console.say(InterfaceText.pageHeading(index: index, count: count), style: .dim)
    self.blocks(blocks)
  }

  /// Paragraphs and lists, a blank line between blocks; list items hang under their bullet.
  public func blocks(_ blocks: [Block]) {
    for block in blocks {
      console.blankLine()
      switch block {
      case .paragraph(let inlines):
        console.print(runs(inlines))
      case .list(let items):
        let bullet = "  \(console.bullet) "
        let hanging = String(repeating: " ", count: DisplayWidth.of(bullet))
        for item in items { console.print(runs(item), firstPrefix: bullet, restPrefix: hanging) }
      }
    }
  }

  /// Inline markup as styled runs, whitespace collapsed as in XML text.
  public func runs(_ inlines: [Inline]) -> [StyledRun] {
    var result: [StyledRun] = []
    func walk(_ inline: Inline, _ style: TextStyle) {
      switch inline {
      case .text(let text): result.append(StyledRun(text.strippingControlCharacters(), style))
      case .emphasis(let children): for child in children { walk(child, style == .strong ? .strong : .emphasis) }
      case .strong(let children): for child in children { walk(child, .strong) }
      }
    }
    for inline in inlines { walk(inline, .normal) }
    return result
  }

  // MARK: Role-plays.

  /// The setting (in emphasis), then each line as `Luc : « … »` (French) or `Luc: "…"` (English).
  public func scene(setting: String?, lines: [DialogueLine]) {
    if let setting, !setting.isEmpty {
      console.blankLine()
      console.print(setting, style: .narration)
    }
    if !lines.isEmpty { console.blankLine() }
    for line in lines {
      let speaker = line.speaker.strippingControlCharacters()
      let text = line.text.strippingControlCharacters()
      switch language {
      case .fr:
        console.print([StyledRun(speaker, .heading), StyledRun(" : « \(text) »")], restPrefix: "  ")
      case .en:
        console.print([StyledRun(speaker, .heading), StyledRun(": \"\(text)\"")], restPrefix: "  ")
      }
    }
  }

  /// Role-play choices, numbered from 1, each wrapped under its number.
  public func choices(_ texts: [String]) {
    console.blankLine()
    numbered(texts)
  }

  /// `  1. text` lines with numbers right-aligned and a hanging indent.
  public func numbered(_ texts: [String], labels: [String]? = nil) {
    let labels = labels ?? texts.indices.map { String($0 + 1) }
    let labelWidth = labels.map(\.count).max() ?? 1
    for (label, text) in zip(labels, texts) {
      let padded = String(repeating: " ", count: labelWidth - label.count) + label
      let prefix = "  \(padded). "
      console.print(text, firstPrefix: prefix, restPrefix: String(repeating: " ", count: prefix.count))
    }
  }

  // MARK: Quizzes.

  public func question(index: Int, count: Int, prompt: String, form: QuestionForm) {
    console.blankLine()
    console.say(InterfaceText.questionHeading(index: index, count: count), style: .heading)
    console.print(prompt)
    console.blankLine()
    switch form {
    case .single(let options), .multiple(let options), .order(let options):
      numbered(options)
    case .trueFalse:
      numbered([InterfaceText.trueLabel.text(language), InterfaceText.falseLabel.text(language)])
    case .match(let left, let right):
      console.say(InterfaceText.leftItems)
      numbered(left, labels: left.indices.map { CourseRenderer.letter($0) })
      console.say(InterfaceText.rightItems)
      numbered(right)
    case .short:
      break
    }
  }

  /// `A`, `B`, … `Z`, `AA`, … for left items of a match question.
  public static func letter(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return index < 26 ? String(letters[index]) : letter(index / 26 - 1) + String(letters[index % 26])
  }

  // MARK: Prompts and input problems.

  public func prompt(_ kind: PromptKind) {
    console.blankLine()
    console.prompt(kind.message)
  }

  /// Why the line was not taken; the caller shows the same prompt again.
  public func inputProblem(_ message: Message) {
    console.say(message, style: .notice, prefix: plain ? "" : "! ")
  }

  /// The help text; its `- ` lines hang under their dash.
  public func help() {
    console.blankLine()
    for line in InterfaceText.help.text(language).split(separator: "\n") {
      if line.hasPrefix("- ") {
        console.print(String(line.dropFirst(2)), firstPrefix: "- ", restPrefix: "  ")
      } else {
        console.print(String(line))
      }
    }
  }

  // MARK: Feedback.

  /// The verdict with a word (never colour alone), then the option's feedback if any.
  public func feedback(_ verdict: AnswerVerdict, text: String?) {
    console.blankLine()
    switch verdict {
    case .right: marked(InterfaceText.rightAnswer, mark: "✔", style: .success)
    case .wrong: marked(InterfaceText.wrongAnswer, mark: "✘", style: .failure)
    case .partial(let score):
      marked(InterfaceText.partialAnswer(score: formatNumber(score)), mark: "◐", style: .notice)
    }
    if let text, !text.isEmpty { console.print(text, firstPrefix: "  ", restPrefix: "  ") }
  }

  /// A role-play choice's feedback, with the critical warning in words.
  public func choiceFeedback(_ text: String?, critical: Bool) {
    console.blankLine()
    if let text, !text.isEmpty { console.print(text, style: .narration) }
    if critical { marked(InterfaceText.criticalChoice, mark: "✘", style: .failure) }
  }

  public func correctAnswer(_ text: String) {
    console.say(InterfaceText.correctAnswerWas(text), prefix: "  ")
  }

  public func explanation(_ text: String) {
    guard !text.isEmpty else { return }
    console.say(InterfaceText.explanation(text), prefix: "  ")
  }

  /// A sentence with its mark (`✔`, `✘`) before it; plain mode keeps only the words.
  public func marked(_ message: Message, mark: String, style: TextStyle) {
    let text = message.text(language)
    let prefix = plain ? "" : mark + " "
    console.print(
      [StyledRun(prefix + text, style)], firstPrefix: "",
      restPrefix: String(repeating: " ", count: DisplayWidth.of(prefix)))
  }

  // MARK: Summaries.

  public func activitySummary(_ summary: ActivitySummary) {
    console.blankLine()
    console.print(summary.title, style: .heading)
    if let passed = summary.passed {
      if passed {
        marked(InterfaceText.activityPassed, mark: "✔", style: .success)
      } else {
        marked(InterfaceText.activityFailed, mark: "✘", style: .failure)
      }
    }
    switch summary.detail {
    case .lesson:
      break
    case .quiz(let score, let questionCount, let passPercent, let review):
      let percent = questionCount == 0 ? 0 : score * 100 / Double(questionCount)
      console.say(
        InterfaceText.quizScore(
          score: formatNumber(score), outOf: questionCount, percent: formatNumber(percent), passPercent: passPercent))
      if !review.isEmpty {
        console.say(InterfaceText.questionsToReview)
        let labelWidth = String(review.count).count
        for (index, question) in review.enumerated() {
          let label = String(index + 1)
          let prefix = "  " + String(repeating: " ", count: labelWidth - label.count) + label + ". "
          let hanging = String(repeating: " ", count: prefix.count)
          console.print(question.prompt, firstPrefix: prefix, restPrefix: hanging)
          console.say(InterfaceText.yourAnswer(question.answerGiven), prefix: hanging)
          console.say(InterfaceText.correctAnswerWas(question.rightAnswer), prefix: hanging)
          if let explanation = question.explanation, !explanation.isEmpty {
            console.say(InterfaceText.explanation(explanation), prefix: hanging)
          }
        }
      }
    case .roleplay(let points, let passMark, let skills, let ending, let reasons, let path):
      console.say(InterfaceText.roleplayPoints(points, passMark: passMark))
      if !skills.isEmpty {
        console.say(InterfaceText.skillsProfile)
        for skill in skills {
          console.say(
            InterfaceText.skillScore(skill: skill.title, points: skill.points, minimum: skill.minimum),
            prefix: "  \(console.bullet) ")
        }
      }
      if let ending, !ending.isEmpty { console.say(InterfaceText.ending(ending)) }
      for reason in reasons { marked(reason, mark: "✘", style: .failure) }
      if !path.isEmpty {
        console.say(InterfaceText.pathTaken)
        let labelWidth = String(path.count).count
        for (index, step) in path.enumerated() {
          let label = String(index + 1)
          let prefix = "  " + String(repeating: " ", count: labelWidth - label.count) + label + ". "
          let hanging = String(repeating: " ", count: prefix.count)
          let said = quoted(step.said)
          console.print(said, firstPrefix: prefix, restPrefix: hanging)
          if !step.feedback.isEmpty {
            console.print(step.feedback, style: .narration, firstPrefix: hanging, restPrefix: hanging)
          }
          if step.critical {
            console.print(
              [StyledRun((plain ? "" : "✘ ") + InterfaceText.criticalChoice.text(language), .failure)],
              firstPrefix: hanging, restPrefix: hanging)
          }
        }
      }
    }
  }

  /// The course's result: what was practised, each activity's summary, then the certification lines the
  /// registry gave.
  public func courseSummary(
    passed: Bool, activities: [ActivitySummary], certificationLines: [Message], practised: [Message] = []
  ) {
    heading(InterfaceText.courseSummaryHeading.text(language))
    if !practised.isEmpty {
      console.say(InterfaceText.practisedHeading)
      for line in practised { console.say(line, prefix: "  \(console.bullet) ") }
    }
    for activity in activities where activity.passed != nil { activitySummary(activity) }
    console.blankLine()
    if passed {
      marked(InterfaceText.coursePassed, mark: "✔", style: .success)
    } else {
      marked(InterfaceText.courseFailed, mark: "✘", style: .failure)
    }
    console.blankLine()
    console.say(InterfaceText.certificationHeading, style: .heading)
    if certificationLines.isEmpty {
      console.say(InterfaceText.noCertificationEffect, prefix: "  ")
    }
    for line in certificationLines { console.say(line, prefix: "  ") }
  }

  /// Text in the language's quotation marks.
  public func quoted(_ text: String) -> String {
    switch language {
    case .fr: "« \(text) »"
    case .en: "\"\(text)\""
    }
  }

  /// `3,5` in French, `3.5` in English; whole numbers without decimals; at most one decimal.
  public func formatNumber(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    let text = String(format: rounded)
    return language == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}

extension String {
  fileprivate init(format value: Double) {
    let tenths = Int((abs(value) * 10).rounded())
    self = (value < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
  }

  fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
