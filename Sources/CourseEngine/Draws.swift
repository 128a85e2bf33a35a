import CourseModel

/// History-aware draws (DESIGN §3): which activities of each pool an attempt takes, and which questions a quiz
/// asks. Pure functions of the course, the helper's history and the attempt's seed.
public enum Draws {
  /// The ids of the activities an attempt takes, in order: the course's activities, each pool replaced by
  /// the ones drawn from it (in the pool's order).
  ///
  /// `keeping` names activities an earlier plan of the same attempt took (a changed course file): those still
  /// in their pool are taken again first, so finished results stay in place.
  public static func plan(_ course: Course, history: CourseHistory, seed: UInt64, keeping: [String] = []) -> [String] {
    var result: [String] = []
    for (position, activity) in course.activities.enumerated() {
      guard case .pool(let pool) = activity else {
        result.append(activity.id)
        continue
      }
      let kept = pool.activities.indices.filter { keeping.contains(pool.activities[$0].id) }.prefix(pool.draw)
      let others = order(pool, position: position, history: history, seed: seed).filter { !kept.contains($0) }
      let taken = (Array(kept) + others.prefix(Swift.max(pool.draw - kept.count, 0))).sorted()
      result += taken.map { pool.activities[$0].id }
    }
    return result
  }

  /// Every activity of `pool` (0-based indices), in the order a draw takes them: never taken first, then
  /// least recently taken; ties in an order shuffled by the seed and the pool's position in the course.
  public static func order(_ pool: Pool, position: Int, history: CourseHistory, seed: UInt64) -> [Int] {
    var indices = Array(pool.activities.indices)
    var random = SplitMix64.derived(seed, -1 - position)
    random.shuffle(&indices)
    let lastTaken = pool.activities.map { history.lastTaken(activity: $0.id) ?? -1 }
    return stableSorted(indices) { lastTaken[$0] < lastTaken[$1] }
  }

  /// Every question of `quiz` (0-based indices), in the order run `run` of the quiz, activity `activity` of
  /// the attempt's plan, takes them: never seen first, then those missed in the latest attempt, then the least
  /// recently seen; ties in an order shuffled by the seed, the activity and the run.
  public static func questionOrder(
    _ quiz: Quiz, history: CourseHistory, seed: UInt64, activity: Int, run: Int
  ) -> [Int] {
    var random = SplitMix64.derived(seed, activity, run)
    return questionOrder(quiz, history: history, random: &random)
  }

  static func questionOrder(_ quiz: Quiz, history: CourseHistory, random: inout SplitMix64) -> [Int] {
    var indices = Array(quiz.questions.indices)
    random.shuffle(&indices)
    let keys: [(Int, Int)] = quiz.questions.map { question in
      guard let seen = history.lastSeen(quiz: quiz.id, question: question.id) else { return (0, -1) }
      if history.missedLastTime(quiz: quiz.id, question: question.id) { return (1, seen) }
      return (2, seen)
    }
    return stableSorted(indices) { keys[$0] < keys[$1] }
  }

  /// `values` sorted by `less`, equal ones kept in their order (the standard sort promises no stability).
  static func stableSorted(_ values: [Int], by less: (Int, Int) -> Bool) -> [Int] {
    values.enumerated().sorted { lhs, rhs in
      if less(lhs.element, rhs.element) { return true }
      if less(rhs.element, lhs.element) { return false }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}

extension PastAttempt {
  /// What a finished attempt took and showed, from its result: every activity finished, and the questions of
  /// each quiz's last run (the run the result keeps).
  public init(result: CourseResult, started: String) {
    self.init(
      started: started, activities: result.activities.map(\.activityID),
      questions: result.activities.flatMap { outcome in
        (outcome.quiz?.questions ?? []).map {
          SeenQuestion(quizID: outcome.activityID, questionID: $0.questionID, missed: $0.verdict != .right)
        }
      })
  }
}
