import CourseModel
import Foundation

/// A helper's way through one course, as a value: start it, read `current`, give answers.
///
/// Pure: the seed and the language are passed in; nothing reads a file, the clock or the terminal.
/// Every answer either moves the session on or throws an `AnswerError` and leaves it unchanged.
public struct CourseSession: Sendable, Equatable {
  public let course: Course
  /// The activities this attempt takes, in order: the course's, each pool replaced by those drawn from it.
  public let activities: [Activity]
  /// Everything that changes as the helper answers; `stateJSON()` saves it.
  public internal(set) var state: SessionState

  init(course: Course, state: SessionState) {
    self.course = course
    self.state = state
    if let plan = state.plan {
      let byID = Dictionary(course.allActivities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      activities = plan.compactMap { byID[$0] }
    } else {
      activities = course.activities
    }
  }

  /// A fresh session at the course's first step; `history` (the helper's earlier attempts of the course)
  /// decides, with the seed, which pool activities and quiz questions it takes.
  public static func start(
    course: Course, seed: UInt64, language: Language, history: CourseHistory = .empty
  ) -> CourseSession {
    var session = CourseSession(
      course: course,
      state: SessionState(
        formatVersion: SessionState.currentFormatVersion, courseID: course.id, version: course.version,
        digest: course.digest, seed: String(seed), language: language,
        position: .init(activity: 0, phase: .finished, page: nil), finished: [], roleplay: nil, quiz: nil,
        pendingOutcome: nil, history: history, plan: Draws.plan(course, history: history, seed: seed)))
    session.enterActivity(0)
    return session
  }

  /// The helper's history as handed in at the start.
  public var history: CourseHistory { state.history ?? .empty }

  public var seed: UInt64 { state.seedValue }
  public var language: Language { state.language }

  /// What the session shows now and what it waits for.
  public var current: Step { makeStep() }

  /// What `answer(_:)` takes now (`current.expectation`, cheaper).
  public var expectation: Expected { makeExpectation() }

  /// Whether the course result has been reached.
  public var isFinished: Bool { state.position.phase == .finished }

  /// The course result, once finished.
  public var result: CourseResult? { isFinished ? makeCourseResult() : nil }

  /// Outcomes of the activities finished so far (the last run of each), in course order.
  public var finishedOutcomes: [ActivityOutcome] { state.finished }

  /// Takes an answer to the current step; on error the session is unchanged.
  public mutating func answer(_ answer: Answer) throws(AnswerError) {
    var copy = self
    try copy.apply(answer)
    self = copy
  }

  /// Reads `line` as the current step expects (`AnswerParser`), then takes it.
  public mutating func answer(line: String) throws(AnswerError) {
    let parsed = try AnswerParser.parse(line, expecting: expectation)
    try answer(parsed)
  }

  // MARK: Saving and resuming

  /// The state as stable JSON: sorted keys, versioned (`formatVersion`), UTF-8.
  public func stateJSON() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types cannot fail.
    let data = (try? encoder.encode(state)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// Decodes a saved state without checking it against a course.
  public static func decodeState(_ json: String) throws(ResumeError) -> SessionState {
    struct Header: Decodable { var formatVersion: Int }
    let data = Data(json.utf8)
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw .malformed(detail: "formatVersion")
    }
    guard header.formatVersion == SessionState.currentFormatVersion else {
      throw .unsupportedFormat(version: header.formatVersion)
    }
    do {
      return try JSONDecoder().decode(SessionState.self, from: data)
    } catch let DecodingError.keyNotFound(key, _) {
      throw .malformed(detail: key.stringValue)
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
      let DecodingError.dataCorrupted(context)
    {
      throw .malformed(detail: context.codingPath.map(\.stringValue).joined(separator: "."))
    } catch {
      throw .malformed(detail: "JSON")
    }
  }

  /// Resumes a saved session exactly; refuses a state saved from another course or another digest.
  public static func resume(course: Course, stateJSON: String) throws(ResumeError) -> CourseSession {
    let state = try decodeState(stateJSON)
    guard state.courseID == course.id else { throw .otherCourse(expected: course.id, found: state.courseID) }
    guard state.digest == course.digest else {
      throw .courseChanged(
        savedVersion: state.version, savedDigest: state.digest, currentVersion: course.version,
        currentDigest: course.digest)
    }
    let session = CourseSession(course: course, state: state)
    try session.validate()
    return session
  }

  /// Resumes on a changed course file: keeps the results of finished activities whose ids still
  /// exist, in the same order, up to the first activity that is new or was not finished; that
  /// activity starts over (fresh run 1) with the same seed and language. Meant for after `resume` threw
  /// `courseChanged`: on an unchanged course it would still restart the activity in progress.
  public static func resumeAfterChange(
    course: Course, stateJSON: String
  ) throws(ResumeError) -> (session: CourseSession, report: ChangeReport) {
    let old = try decodeState(stateJSON)
    guard old.courseID == course.id else { throw .otherCourse(expected: course.id, found: old.courseID) }
    let history = old.history ?? .empty
    let oldPlan = old.plan ?? old.finished.map(\.activityID)
    // Activities drawn before stay drawn when their pool still has them; the others are drawn anew.
    let plan = Draws.plan(course, history: history, seed: old.seedValue, keeping: oldPlan)
    let known = Set(course.allActivities.map(\.id))
    var state = SessionState(
      formatVersion: SessionState.currentFormatVersion, courseID: course.id, version: course.version,
      digest: course.digest, seed: old.seed, language: old.language,
      position: .init(activity: 0, phase: .finished, page: nil), finished: [], roleplay: nil, quiz: nil,
      pendingOutcome: nil, history: old.history, plan: plan)
    let planned = CourseSession(course: course, state: state).activities
    let finishedByID = Dictionary(old.finished.map { ($0.activityID, $0) }, uniquingKeysWith: { first, _ in first })
    var kept: [ActivityOutcome] = []
    var index = 0
    while index < planned.count, let outcome = finishedByID[planned[index].id], outcome.kind == planned[index].kind {
      kept.append(outcome)
      index += 1
    }
    let keptIDs = Set(kept.map(\.activityID))
    state.position = .init(activity: index, phase: .finished, page: nil)
    state.finished = kept
    var session = CourseSession(course: course, state: state)
    session.enterActivity(index)
    var report = ChangeReport(
      keptActivityIDs: kept.map(\.activityID),
      restartedActivityID: index < planned.count ? planned[index].id : nil,
      droppedActivityIDs: old.finished.map(\.activityID).filter { !keptIDs.contains($0) })
    report.removedActivityIDs = oldPlan.filter { !known.contains($0) }
    return (session, report)
  }
}

extension Activity {
  var kind: ActivityKind {
    switch self {
    case .lesson: .lesson
    case .roleplay: .roleplay
    case .quiz: .quiz
    // Never in a plan: pools are replaced by their drawn activities.
    case .pool: .lesson
    }
  }
}
