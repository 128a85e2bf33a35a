import CourseEngine
import CourseModel
import Foundation
import Registry
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs one course for one helper in the terminal: start or resume the attempt, drive the session,
/// save after every answer, finish it in the registry. Used by `entraide run` and the menu.
struct CourseRunner {
  var console: Console
  /// Standard input, with the SIGINT/SIGTERM watcher so a signal ends the wait for a line.
  var reader: LineReader
  var registry: any RegistryStore
  var certifications: CertificationCatalog
  var today: CalendarDate
  /// Echo typed lines (input is not a terminal).
  var echoInput: Bool
  /// End another terminal's live claim on the attempt (`run --take-over`).
  var takeOver = false

  /// Exit statuses of `entraide run` (DESIGN §5).
  enum Status {
    static let passed: Int32 = 0
    static let failed: Int32 = 1
    static let paused: Int32 = 3
    /// The attempt is open in another terminal (nothing touched), or was taken over from this one.
    static let elsewhere: Int32 = 4
    /// The registry can no longer be written (disk full, read-only); what was saved before is kept.
    static let notWritable: Int32 = 5
    static let interrupted: Int32 = 130
    static let terminated: Int32 = 143
  }

  private var renderer: CourseRenderer { CourseRenderer(console: console) }
  private var claimant: Claimant { ClaimPolicy.claimant }

  /// Runs `course` for the helper; returns the exit status. Errors are `UserError`s.
  func run(course: Course, helperID: String, seed requestedSeed: UInt64?, restart: Bool) throws -> Int32 {
    let helper = try mappingRegistryErrors { try registry.requireHelper(helperID) }
    let entry = CourseEntry(course)
    let missing = try mappingRegistryErrors {
      try registry.missingPrerequisites(helperID: helper.id, course: entry, on: today)
    }
    guard missing.isEmpty else {
      throw UserError(RegistryError.missingPrerequisites(course: course.id, missing: missing).message, exitCode: 2)
    }
    if restart,
      let inProgress = try mappingRegistryErrors({
        try registry.inProgressAttempt(helperID: helper.id, courseID: course.id)
      })
    {
      try mappingRegistryErrors {
        try registry.abandonAttempt(
          attemptID: inProgress.id, reason: "run --restart", claim: ClaimPolicy.request(takeOver: takeOver))
      }
      console.say(RunText.attemptAbandoned, style: .notice)
    }

    var generator = SystemRandomNumberGenerator()
    let seed = requestedSeed ?? generator.next()
    let history = try CourseHistories.history(of: course.id, helperID: helper.id, registry: registry)
    let fresh = CourseSession.start(course: course, seed: seed, language: console.language, history: history)
    let start = try mappingRegistryErrors {
      try registry.startOrResumeAttempt(
        helperID: helper.id, course: entry, seed: seed, language: console.language.rawValue,
        resumeStateJSON: fresh.stateJSON(), claim: ClaimPolicy.request(takeOver: takeOver))
    }
    let attemptID = start.attempt.id
    let keeper = ClaimKeeper(registry: registry, attemptID: attemptID, claimant: claimant)
    defer { keeper.stop() }

    renderer.courseHeading(title: courseTitle(course), summary: courseSummary(course))
    console.say(RunText.helperLine(name: helper.name, id: helper.id))
    if let ended = start.tookOver {
      console.say(RunText.tookOver(host: ended.holder.host, pid: ended.holder.pid), style: .notice)
    }

    var session = fresh
    if start.resumed {
      session = try resume(course: course, attempt: start.attempt)
      try save(session, attemptID: attemptID)
    }

    let driver = SessionDriver(renderer: renderer, reader: reader, echoInput: echoInput)
    let outcome = try driver.drive(&session) { current in try save(current, attemptID: attemptID) }
    if case .paused = outcome {
      // Given back: the next run resumes it without asking; a lost claim stays the other's.
      keeper.stop()
      try? registry.releaseClaim(attemptID: attemptID, claimant: claimant)
    }

    switch outcome {
    case .paused(.quit):
      console.say(InterfaceText.pausedByRequest)
      return Status.paused
    case .paused(.endOfInput):
      console.say(InterfaceText.pausedAtEndOfInput)
      return Status.paused
    case .paused(.signal(let signal)):
      if signal == SIGTERM {
        console.say(InterfaceText.terminated)
        return Status.terminated
      }
      console.say(InterfaceText.interrupted)
      return Status.interrupted
    case .finished(let result):
      let finished = try mappingRegistryErrors {
        try registry.finishAttempt(
          attemptID: attemptID, passed: result.passed, score: result.scorePercent.map(Double.init),
          detailJSON: Self.detailJSON(result), today: today, certifications: certifications, claimant: claimant)
      }
      renderer.courseSummary(
        passed: result.passed,
        activities: result.activities.map { SessionDriver.summary($0, course: course) },
        certificationLines: finished.effects.map(\.message),
        practised: SessionDriver.practised(result, course: course))
      return result.passed ? Status.passed : Status.failed
    }
  }

  /// The session saved with the attempt, resumed where it stopped; on a changed course file, finished
  /// activities are kept and the one in progress starts over.
  private func resume(course: Course, attempt: Attempt) throws -> CourseSession {
    guard let saved = attempt.resumeStateJSON else {
      let history = try CourseHistories.history(of: course.id, helperID: attempt.helperID, registry: registry)
      return CourseSession.start(course: course, seed: attempt.seed, language: console.language, history: history)
    }
    let json = Self.switchingLanguage(saved, to: console.language)
    do {
      let session = try CourseSession.resume(course: course, stateJSON: json)
      if let message = SessionDriver.resumeMessage(session) { console.say(message, style: .notice) }
      return session
    } catch .courseChanged {
      do {
        let (session, report) = try CourseSession.resumeAfterChange(course: course, stateJSON: json)
        if !report.removedActivityIDs.isEmpty {
          console.say(InterfaceText.plannedActivitiesRemoved(report.removedActivityIDs), style: .notice)
        }
        if let restarted = report.restartedActivityID,
          let activity = course.allActivities.first(where: { $0.id == restarted })
        {
          let title = activity.title.text(session.language.rawValue, fallbacks: course.languages) ?? restarted
          console.say(InterfaceText.courseChanged(activity: title), style: .notice)
        } else {
          console.say(RunText.courseChangedAllFinished, style: .notice)
        }
        return session
      } catch {
        throw UserError(RunText.unreadableProgress(error.message), exitCode: 1)
      }
    } catch {
      throw UserError(RunText.unreadableProgress(error.message), exitCode: 1)
    }
  }

  /// The saved state with its course text language set to `language` (the interface's, which may
  /// differ from the day it began); texts of finished activities stay as they were rendered.
  static func switchingLanguage(_ json: String, to language: Language) -> String {
    guard var state = try? CourseSession.decodeState(json), state.language != language else { return json }
    state.language = language
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(state)).map { String(decoding: $0, as: UTF8.self) } ?? json
  }

  private func save(_ session: CourseSession, attemptID: Int64) throws {
    try mappingRegistryErrors {
      try registry.saveResumeState(attemptID: attemptID, json: session.stateJSON(), claimant: claimant)
    }
  }

  private func courseTitle(_ course: Course) -> String {
    course.title.text(console.language.rawValue, fallbacks: course.languages) ?? course.id
  }

  private func courseSummary(_ course: Course) -> String? {
    course.summary.text(console.language.rawValue, fallbacks: course.languages)
  }

  /// The course result as stable JSON, kept with the attempt (per-item detail).
  static func detailJSON(_ result: CourseResult) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(result)).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// Sentences of `entraide run` and the menu that the terminal layer does not own.
enum RunText {
  static let attemptAbandoned = InterfaceText.attemptAbandoned

  static func helperLine(name: String, id: String) -> Message {
    Message(fr: "Entraidant·e : \(name) (\(id))", en: "Peer helper: \(name) (\(id))")
  }

  static func tookOver(host: String, pid: Int32) -> Message {
    Message(
      fr: "Tentative reprise de « \(host) » (processus \(pid)) : l’autre terminal n’enregistrera plus rien.",
      en: "Attempt taken over from “\(host)” (process \(pid)): the other terminal will save nothing more.")
  }

  static let courseChangedAllFinished = Message(
    fr: "Le fichier du cours a changé depuis le début de cette tentative ; toutes les activités étaient terminées.",
    en: "The course file has changed since this attempt began; every activity was already finished.")

  static func unreadableProgress(_ reason: Message) -> Message {
    Message(
      fr:
        "La progression enregistrée ne peut pas être reprise : \(reason.fr) Relancez avec --restart pour recommencer.",
      en: "The saved progress cannot be resumed: \(reason.en) Run again with --restart to start over.")
  }
}
