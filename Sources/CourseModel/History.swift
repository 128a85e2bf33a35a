/// What one helper was shown in earlier attempts of one course: the input of history-aware draws (DESIGN §3).
///
/// Read from the registry by the caller, handed to the session when it starts and kept in the attempt's
/// saved state, so that resuming or replaying the attempt draws exactly the same activities and questions.
public struct CourseHistory: Sendable, Hashable, Codable {
  /// Earlier attempts, oldest first: their order is what "least recently" means.
  public var attempts: [PastAttempt]

  public init(attempts: [PastAttempt] = []) {
    self.attempts = attempts
  }

  public static let empty = CourseHistory()

  /// The position (0 = oldest) of the latest attempt that took activity `id`; nil when none did.
  public func lastTaken(activity id: String) -> Int? {
    attempts.lastIndex { $0.activities.contains(id) }
  }

  /// The position of the latest attempt that showed question `questionID` of quiz `quizID`; nil when none did.
  public func lastSeen(quiz quizID: String, question questionID: String) -> Int? {
    attempts.lastIndex { attempt in
      attempt.questions.contains { $0.quizID == quizID && $0.questionID == questionID }
    }
  }

  /// Whether the latest attempt showed the question and the helper did not get it fully right.
  public func missedLastTime(quiz quizID: String, question questionID: String) -> Bool {
    attempts.last?.questions.contains { $0.quizID == quizID && $0.questionID == questionID && $0.missed } ?? false
  }
}

/// One earlier attempt of a course, as far as draws are concerned.
public struct PastAttempt: Sendable, Hashable, Codable {
  /// When it began, as the registry keeps it (ISO 8601); shown to people, never compared.
  public var started: String
  /// The lessons, role-plays and quizzes it took (pool activities: those drawn), in course order.
  public var activities: [String]
  /// The quiz questions it showed, in the order asked (every run).
  public var questions: [SeenQuestion]

  public init(started: String, activities: [String], questions: [SeenQuestion] = []) {
    self.started = started
    self.activities = activities
    self.questions = questions
  }
}

/// A quiz question shown in an attempt, and whether the helper missed it (anything short of full credit).
public struct SeenQuestion: Sendable, Hashable, Codable {
  public var quizID: String
  public var questionID: String
  public var missed: Bool

  public init(quizID: String, questionID: String, missed: Bool) {
    self.quizID = quizID
    self.questionID = questionID
    self.missed = missed
  }
}
