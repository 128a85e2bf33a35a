import CourseModel
import Testing

@testable import Registry

/// The dates of a cycle from three ISO strings.
func dates(_ certifiedOn: String, _ validThrough: String, _ windowOpens: String) -> CycleDates {
  CycleDates(certifiedOn: day(certifiedOn), validThrough: day(validThrough), windowOpens: day(windowOpens))
}

struct InitialCase: Sendable, CustomTestStringConvertible {
  var completedOn: String
  var expected: CycleDates
  var certification: Certification = entraidant
  var testDescription: String { "initial on \(completedOn)" }
}

@Test(
  "An initial cycle: validThrough = c + validity − 1 day, windowOpens = validThrough − window + 1 day",
  arguments: [
    InitialCase(completedOn: "2026-11-22", expected: dates("2026-11-22", "2027-11-21", "2027-08-24")),
    // Year ends.
    InitialCase(completedOn: "2026-01-01", expected: dates("2026-01-01", "2026-12-31", "2026-10-03")),
    InitialCase(completedOn: "2026-12-31", expected: dates("2026-12-31", "2027-12-30", "2027-10-02")),
    // 29 February: + 1 year is 28 February (the model's rule), then − 1 day.
    InitialCase(completedOn: "2028-02-29", expected: dates("2028-02-29", "2029-02-27", "2028-11-30")),
    // Ending on 29 February of a leap year.
    InitialCase(completedOn: "2027-03-01", expected: dates("2027-03-01", "2028-02-29", "2027-12-02")),
    // A window across a leap day (60 days back from 2028-03-31).
    InitialCase(
      completedOn: "2027-04-01", expected: dates("2027-04-01", "2028-03-31", "2028-02-01"), certification: sentinelle
    ),
  ])
func initialCycle(_ example: InitialCase) {
  #expect(
    CertificationRules.cycleAfterInitial(completedOn: day(example.completedOn), certification: example.certification)
      == example.expected)
}

struct StatusCase: Sendable, CustomTestStringConvertible {
  var day: String
  var expected: CertificationStatus
  var testDescription: String { "\(day) → \(expected.rawValue)" }
}

/// The cycle of an initial path completed on 2026-11-22: window opens 2027-08-24, valid through
/// 2027-11-21, lapse (P1Y) ends 2028-11-21.
let firstCycle = dates("2026-11-22", "2027-11-21", "2027-08-24")

@Test(
  "Status around the window, expiry and lapse boundaries",
  arguments: [
    StatusCase(day: "2026-11-22", expected: .certified),
    StatusCase(day: "2027-08-23", expected: .certified),
    StatusCase(day: "2027-08-24", expected: .due),
    StatusCase(day: "2027-08-25", expected: .due),
    StatusCase(day: "2027-11-20", expected: .due),
    StatusCase(day: "2027-11-21", expected: .due),
    StatusCase(day: "2027-11-22", expected: .expired),
    StatusCase(day: "2028-11-20", expected: .expired),
    StatusCase(day: "2028-11-21", expected: .expired),
    StatusCase(day: "2028-11-22", expected: .lapsed),
    StatusCase(day: "2031-01-01", expected: .lapsed),
  ])
func statusBoundaries(_ example: StatusCase) {
  #expect(
    CertificationRules.status(
      on: day(example.day), latestCycle: firstCycle, initialPathStarted: true, certification: entraidant)
      == example.expected)
}

@Test func statusWithoutACycleIsNeverOrInTraining() {
  #expect(
    CertificationRules.status(
      on: day("2026-11-22"), cycles: [], initialPathStarted: false, certification: entraidant) == .never)
  #expect(
    CertificationRules.status(
      on: day("2026-11-22"), cycles: [], initialPathStarted: true, certification: entraidant) == .inTraining)
}

@Test func statusUsesTheLatestCycle() {
  let renewed = dates("2027-09-01", "2028-11-21", "2028-08-24")
  #expect(
    CertificationRules.status(
      on: day("2027-12-01"), cycles: [firstCycle, renewed], initialPathStarted: true, certification: entraidant)
      == .certified)
  #expect(
    CertificationRules.status(
      on: day("2027-12-01"), cycles: [renewed, firstCycle], initialPathStarted: true, certification: entraidant)
      == .certified)
}

@Test func statusWithTheSentinelLapseOfSixMonths() {
  let cycle = CertificationRules.cycleAfterInitial(completedOn: day("2026-08-31"), certification: sentinelle)
  #expect(cycle == dates("2026-08-31", "2027-08-30", "2027-07-02"))
  // Lapse ends 2027-08-30 + 6 months = 2028-02-29 (a leap year).
  #expect(CertificationRules.lapseEnds(cycle, certification: sentinelle) == day("2028-02-29"))
  #expect(
    CertificationRules.status(
      on: day("2028-02-29"), latestCycle: cycle, initialPathStarted: true, certification: sentinelle)
      == .expired)
  #expect(
    CertificationRules.status(
      on: day("2028-03-01"), latestCycle: cycle, initialPathStarted: true, certification: sentinelle)
      == .lapsed)
}

struct RenewalCase: Sendable, CustomTestStringConvertible {
  var name: String
  var passedOn: String
  var expected: RenewalOutcome
  var testDescription: String { "\(name): \(passedOn)" }
}

@Test(
  "Renewal early, in the window, late, after the lapse (boundaries on both sides)",
  arguments: [
    RenewalCase(
      name: "early, well before the window", passedOn: "2027-01-15",
      expected: .renewed(dates("2027-01-15", "2028-01-14", "2027-10-17"))),
    RenewalCase(
      name: "early, the day before the window", passedOn: "2027-08-23",
      expected: .renewed(dates("2027-08-23", "2028-08-22", "2028-05-25"))),
    RenewalCase(
      name: "on time, the day the window opens", passedOn: "2027-08-24",
      expected: .renewed(dates("2027-08-24", "2028-11-21", "2028-08-24"))),
    RenewalCase(
      name: "on time, the day after the window opens", passedOn: "2027-08-25",
      expected: .renewed(dates("2027-08-25", "2028-11-21", "2028-08-24"))),
    RenewalCase(
      name: "on time, the last valid day", passedOn: "2027-11-21",
      expected: .renewed(dates("2027-11-21", "2028-11-21", "2028-08-24"))),
    RenewalCase(
      name: "late, the day after expiry", passedOn: "2027-11-22",
      expected: .renewed(dates("2027-11-22", "2028-11-21", "2028-08-24"))),
    RenewalCase(
      name: "late, two months after expiry", passedOn: "2028-01-20",
      expected: .renewed(dates("2028-01-20", "2029-01-19", "2028-10-22"))),
    RenewalCase(
      name: "late, the day before the lapse ends", passedOn: "2028-11-20",
      expected: .renewed(dates("2028-11-20", "2029-11-19", "2029-08-22"))),
    RenewalCase(
      name: "late, the last day of the lapse", passedOn: "2028-11-21",
      expected: .renewed(dates("2028-11-21", "2029-11-20", "2029-08-23"))),
    RenewalCase(name: "after the lapse, the day after", passedOn: "2028-11-22", expected: .lapsed),
    RenewalCase(name: "after the lapse, years later", passedOn: "2030-06-01", expected: .lapsed),
    RenewalCase(name: "before the cycle began", passedOn: "2026-11-21", expected: .predatesCycle),
  ])
func renewal(_ example: RenewalCase) {
  #expect(
    CertificationRules.cycleAfterRenewal(
      passedOn: day(example.passedOn), previous: firstCycle, certification: entraidant)
      == example.expected)
}

@Test func renewalInTheWindowKeepsTheDayAcrossALeapYear() {
  // Valid through 2028-02-29: an on-time renewal gives 2029-02-28, not a day more or less.
  let cycle = CertificationRules.cycleAfterInitial(completedOn: day("2027-03-01"), certification: entraidant)
  #expect(cycle.validThrough == day("2028-02-29"))
  #expect(
    CertificationRules.cycleAfterRenewal(passedOn: day("2028-01-10"), previous: cycle, certification: entraidant)
      == .renewed(dates("2028-01-10", "2029-02-28", "2028-12-01")))
}

@Test func renewalAtTheYearEnd() {
  let cycle = CertificationRules.cycleAfterInitial(completedOn: day("2026-01-01"), certification: entraidant)
  #expect(cycle.validThrough == day("2026-12-31"))
  #expect(
    CertificationRules.cycleAfterRenewal(passedOn: day("2026-12-31"), previous: cycle, certification: entraidant)
      == .renewed(dates("2026-12-31", "2027-12-31", "2027-10-03")))
  #expect(
    CertificationRules.cycleAfterRenewal(passedOn: day("2027-01-01"), previous: cycle, certification: entraidant)
      == .renewed(dates("2027-01-01", "2027-12-31", "2027-10-03")))
}

@Test func twoRenewalsInARowOnTimeNeverDrift() throws {
  var cycle = firstCycle
  for (passedOn, validThrough) in [
    ("2027-10-01", "2028-11-21"), ("2028-09-15", "2029-11-21"), ("2029-11-21", "2030-11-21"),
  ] {
    guard
      case .renewed(let next) = CertificationRules.cycleAfterRenewal(
        passedOn: day(passedOn), previous: cycle, certification: entraidant)
    else {
      Issue.record("\(passedOn) did not renew")
      return
    }
    #expect(next.certifiedOn == day(passedOn))
    #expect(next.validThrough == day(validThrough))
    cycle = next
  }
}

@Test func aChangeOfSettingsAppliesToNewCyclesOnly() {
  var changed = entraidant
  changed.validity = DateDuration(years: 2)
  changed.window = DateDuration(days: 30)
  // The stored cycle keeps its dates: status reads its windowOpens, not one recomputed with 30 days.
  #expect(
    CertificationRules.status(
      on: day("2027-09-01"), latestCycle: firstCycle, initialPathStarted: true, certification: changed)
      == .due)
  // A renewal in the old window adds the new validity to the stored validThrough.
  #expect(
    CertificationRules.cycleAfterRenewal(passedOn: day("2027-09-01"), previous: firstCycle, certification: changed)
      == .renewed(dates("2027-09-01", "2029-11-21", "2029-10-23")))
}

@Test func initialPathCompletionTakesTheDayTheLastCoursePassed() {
  let passes = ["ecoute-active": [day("2026-10-01")], "referer": [day("2026-09-15"), day("2026-11-02")]]
  #expect(
    CertificationRules.cycleAfterInitialCourse(
      passedOn: day("2026-10-01"), passes: passes, latestCycle: nil, certification: entraidant)
      == dates("2026-10-01", "2027-09-30", "2027-07-03"))
  #expect(
    CertificationRules.cycleAfterInitialCourse(
      passedOn: day("2026-10-01"), passes: ["ecoute-active": [day("2026-10-01")]], latestCycle: nil,
      certification: entraidant) == nil)
}

@Test func afterTheLapseOnlyNewPassesCountTowardAFreshInitialCycle() {
  // firstCycle's lapse ends 2028-11-21: passes from 2028-11-22 count.
  let old = ["ecoute-active": [day("2026-10-01")], "referer": [day("2026-11-22")]]
  #expect(
    CertificationRules.cycleAfterInitialCourse(
      passedOn: day("2029-01-10"), passes: old.merging(["referer": [day("2026-11-22"), day("2029-01-10")]]) { $1 },
      latestCycle: firstCycle, certification: entraidant) == nil)
  let redone = [
    "ecoute-active": [day("2026-10-01"), day("2028-11-22")], "referer": [day("2026-11-22"), day("2029-01-10")],
  ]
  #expect(
    CertificationRules.cycleAfterInitialCourse(
      passedOn: day("2029-01-10"), passes: redone, latestCycle: firstCycle, certification: entraidant)
      == dates("2029-01-10", "2030-01-09", "2029-10-12"))
  // Still within the lapse: the initial path does not make a new cycle.
  #expect(
    CertificationRules.cycleAfterInitialCourse(
      passedOn: day("2028-11-21"), passes: redone, latestCycle: firstCycle, certification: entraidant) == nil)
}

struct PrerequisiteCase: Sendable, CustomTestStringConvertible {
  var on: String
  var expected: [String]
  var testDescription: String { "on \(on)" }
}

@Test(
  "Prerequisites must be passed on or before the day",
  arguments: [
    PrerequisiteCase(on: "2026-10-31", expected: ["ecoute-active", "referer"]),
    PrerequisiteCase(on: "2026-11-01", expected: ["referer"]),
    PrerequisiteCase(on: "2026-11-05", expected: []),
  ])
func prerequisites(_ example: PrerequisiteCase) {
  let passes = ["ecoute-active": [day("2026-11-01")], "referer": [day("2026-11-05")]]
  #expect(
    CertificationRules.missingPrerequisites(
      requires: ["ecoute-active", "referer"], passes: passes, on: day(example.on))
      == example.expected)
}
