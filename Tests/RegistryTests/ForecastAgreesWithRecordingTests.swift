import CourseModel
import Foundation
import Testing

@testable import Registry

/// One case: what the helper did before, then one course passed on one day, and what it must do.
struct DecisionCase: CustomTestStringConvertible, Sendable {
  var name: String
  /// Courses recorded before, oldest first.
  var before: [(course: String, on: String)]
  var course: String
  var day: String
  var expected: [CertificationDecision]

  var testDescription: String { name }
}

/// Entraidant·e: validity P1Y, window P90D, lapse P1Y; initial ecoute-active + referer, completed 2026-11-22
/// (valid through 2027-11-21, window from 2027-08-24) unless the case says otherwise.
private let certified = [(course: "ecoute-active", on: "2026-11-20"), (course: "referer", on: "2026-11-22")]

let decisionCases: [DecisionCase] = [
  DecisionCase(
    name: "initial path incomplete", before: [], course: "ecoute-active", day: "2026-11-20",
    expected: [.nothing(.initialProgress(passed: 1, required: 2))]),
  DecisionCase(
    name: "initial path complete", before: [(course: "ecoute-active", on: "2026-11-20")], course: "referer",
    day: "2026-11-22", expected: [.initialCycle(dates("2026-11-22", "2027-11-21", "2027-08-24"))]),
  DecisionCase(
    name: "renewal before the window", before: certified, course: "ressourcement-annuel", day: "2027-05-01",
    expected: [.renewal(dates("2027-05-01", "2028-04-30", "2028-02-01"), timing: .early)]),
  DecisionCase(
    name: "renewal in the window", before: certified, course: "ressourcement-annuel", day: "2027-09-01",
    expected: [.renewal(dates("2027-09-01", "2028-11-21", "2028-08-24"), timing: .onTime)]),
  DecisionCase(
    name: "renewal once expired", before: certified, course: "ressourcement-annuel", day: "2027-12-15",
    expected: [.renewal(dates("2027-12-15", "2028-12-14", "2028-09-16"), timing: .late)]),
  DecisionCase(
    name: "renewal once lapsed", before: certified, course: "ressourcement-annuel", day: "2028-11-22",
    expected: [.nothing(.lapsed)]),
  DecisionCase(
    name: "renewal with nothing to renew", before: [], course: "ressourcement-annuel", day: "2026-11-22",
    expected: [.nothing(.notCertified)]),
  DecisionCase(
    name: "an initial course while certified", before: certified, course: "ecoute-active", day: "2027-01-10",
    expected: [.nothing(.alreadyCertified(validThrough: day("2027-11-21")))]),
  DecisionCase(
    name: "issue 9: certified through 2027-02-28, renewal on 2026-10-01",
    before: [(course: "ecoute-active", on: "2026-02-20"), (course: "referer", on: "2026-03-01")],
    course: "ressourcement-annuel", day: "2026-10-01",
    expected: [.renewal(dates("2026-10-01", "2027-09-30", "2027-07-03"), timing: .early)]),
  DecisionCase(
    name: "a course that counts for nothing", before: certified, course: "format-tour", day: "2027-01-10",
    expected: []),
]

/// The menu's forecast (`CertificationRules.decisions` on the stored history) and what the registry stores
/// when the course is then passed are the same answer, with the same dates.
@Test(arguments: decisionCases)
func theForecastAndTheRecordingAgree(_ example: DecisionCase) throws {
  let registry = try registryWithMarie()
  for earlier in example.before {
    _ = try registry.record(
      helperID: "mtremblay", courseID: earlier.course, on: day(earlier.on), today: day(earlier.on),
      courses: courseIndex)
  }
  let forecast = CertificationRules.decisions(
    passing: example.course, on: day(example.day), catalog: catalog,
    history: try registry.certificationHistory(helperID: "mtremblay"))
  #expect(forecast.map(\.decision) == example.expected)

  // Passed through a run (a course that counts for nothing cannot be recorded in person).
  let started = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course(example.course), seed: 1, language: "fr")
  let outcome = try registry.finishAttempt(
    attemptID: started.attempt.id, passed: true, score: 1, detailJSON: nil, today: day(example.day),
    certifications: catalog)
  #expect(outcome.effects.map(\.decision) == example.expected)
  #expect(outcome.effects.map(\.certificationID) == forecast.map(\.certification.id))
  let stored = try registry.cycles(helperID: "mtremblay").filter { $0.sourceAttemptID == started.attempt.id }
  #expect(stored.map(\.dates) == example.expected.compactMap { $0.newCycle?.dates })
  #expect(outcome.effects.compactMap(\.cycle) == stored)
}

/// Recording in person decides as a run does (the same function, reached through `record`).
@Test func recordingInPersonStoresTheSameDecision() throws {
  let registry = try registryWithMarie()
  for earlier in [(course: "ecoute-active", on: "2026-02-20"), (course: "referer", on: "2026-03-01")] {
    _ = try registry.record(
      helperID: "mtremblay", courseID: earlier.course, on: day(earlier.on), today: day(earlier.on),
      courses: courseIndex)
  }
  let outcome = try registry.record(
    helperID: "mtremblay", courseID: "ressourcement-annuel", on: day("2026-10-01"), today: day("2026-10-01"),
    courses: courseIndex)
  #expect(
    outcome.effects.map(\.decision) == [.renewal(dates("2026-10-01", "2027-09-30", "2027-07-03"), timing: .early)])
}
