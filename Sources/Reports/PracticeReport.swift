import CourseModel

/// What a helper practised in each course so far: the activities drawn from its pools and the quiz questions
/// seen, for `entraide status` (history-aware draws, DESIGN §3).
public struct PracticeReport: Sendable, Hashable {
  /// One course the helper took in Entraide.
  public struct Entry: Sendable, Hashable {
    public var courseID: String
    /// The course as the courses folder has it now; nil when it is no longer there (ids are shown then).
    public var course: Course?
    public var history: CourseHistory

    public init(courseID: String, course: Course?, history: CourseHistory) {
      self.courseID = courseID
      self.course = course
      self.history = history
    }
  }

  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries.filter { !$0.history.attempts.isEmpty }.sorted { $0.courseID < $1.courseID }
  }

  /// The report's lines in `language`; none when the helper took no course in Entraide.
  public func lines(_ language: Language) -> [String] {
    guard !entries.isEmpty else { return [] }
    var lines = [Message(fr: "Pratiqué jusqu’ici :", en: "Practised so far:").text(language)]
    for entry in entries {
      let count = entry.history.attempts.count
      let title = entry.course.flatMap { text($0.title, language, course: $0) }.map { " — \($0)" } ?? ""
      lines.append(
        "  \(entry.courseID)\(title) "
          + Message(
            fr: "(\(count) tentative\(count > 1 ? "s" : ""))", en: "(\(count) attempt\(count > 1 ? "s" : ""))"
          ).text(language))
      lines += details(entry, language).map { "    " + $0 }
    }
    return lines.map { $0.strippingControlCharacters() }
  }

  func details(_ entry: Entry, _ language: Language) -> [String] {
    let history = entry.history
    guard let course = entry.course else {
      let taken = orderedUnique(history.attempts.flatMap(\.activities))
      return [Message(fr: "Activités : ", en: "Activities: ").text(language) + taken.joined(separator: ", ")]
    }
    var lines: [String] = []
    for case .pool(let pool) in course.activities {
      let taken = pool.activities.compactMap { activity -> String? in
        guard let last = history.lastTaken(activity: activity.id) else { return nil }
        let day = String(history.attempts[last].started.prefix(10))
        return "\(text(activity.title, language, course: course) ?? activity.id) (\(day))"
      }
      let waiting = pool.activities.filter { history.lastTaken(activity: $0.id) == nil }
        .map { text($0.title, language, course: course) ?? $0.id }
      var line = Message(
        fr: "Groupe « \(pool.id) », \(taken.count) sur \(pool.activities.count) faites : ",
        en: "Pool '\(pool.id)', \(taken.count) of \(pool.activities.count) taken: "
      ).text(language)
      line += taken.isEmpty ? "—" : taken.joined(separator: ", ")
      if !waiting.isEmpty {
        line += Message(fr: " ; pas encore : ", en: "; not yet: ").text(language) + waiting.joined(separator: ", ")
      }
      lines.append(line)
    }
    for case .quiz(let quiz) in course.allActivities {
      let seen = quiz.questions.filter { history.lastSeen(quiz: quiz.id, question: $0.id) != nil }.count
      guard seen > 0 else { continue }
      let missed = quiz.questions.filter { history.missedLastTime(quiz: quiz.id, question: $0.id) }.count
      let name = text(quiz.title, language, course: course) ?? quiz.id
      lines.append(
        Message(
          fr: "Questionnaire « \(name) », \(seen) question\(seen > 1 ? "s" : "") vue\(seen > 1 ? "s" : "") sur "
            + "\(quiz.questions.count) ; manquée\(missed > 1 ? "s" : "") la dernière fois : \(missed)",
          en: "Quiz '\(name)', \(seen) of \(quiz.questions.count) questions seen; missed last time: \(missed)"
        ).text(language))
    }
    return lines
  }

  func text(_ localized: LocalizedText, _ language: Language, course: Course) -> String? {
    localized.text(language.rawValue, fallbacks: course.languages)
  }

  func orderedUnique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }
}
