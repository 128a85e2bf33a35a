import CourseModel
import Foundation
import GRDB
import Testing

@testable import Registry

func registryWithMarie() throws -> Registry {
  let registry = try memoryRegistry()
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"))
  return registry
}

func course(_ id: String) -> CourseEntry {
  courseIndex.courses[id]!
}

@Test(arguments: Store.allCases) func startingTwiceResumesTheAttemptInProgress(store: Store) throws {
  let registry = try registryWithMarie(store)
  let first = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("ecoute-active"), seed: UInt64.max, language: "fr",
    resumeStateJSON: #"{"step":0}"#)
  #expect(!first.resumed)
  #expect(first.attempt.seed == UInt64.max)
  #expect(first.attempt.contentDigest == "d-ecoute")
  #expect(first.attempt.state == .inProgress)
  try registry.saveResumeState(attemptID: first.attempt.id, json: #"{"step":3}"#)
  let second = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("ecoute-active"), seed: 7, language: "en")
  #expect(second.resumed)
  #expect(second.attempt.id == first.attempt.id)
  #expect(second.attempt.seed == UInt64.max)
  #expect(second.attempt.resumeStateJSON == #"{"step":3}"#)
  #expect(try registry.inProgressAttempt(helperID: "mtremblay", courseID: "ecoute-active")?.id == first.attempt.id)
  #expect(try registry.events().filter { $0.action == .attemptStarted }.count == 1)
}

@Test(arguments: Store.allCases) func abandonKeepsTheAttemptAndAllowsAFreshStart(store: Store) throws {
  let registry = try registryWithMarie(store)
  let first = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("ecoute-active"), seed: 1, language: "fr")
  try registry.abandonAttempt(attemptID: first.attempt.id, reason: "restart")
  #expect(try registry.inProgressAttempt(helperID: "mtremblay", courseID: "ecoute-active") == nil)
  let second = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("ecoute-active"), seed: 2, language: "fr")
  #expect(!second.resumed)
  #expect(second.attempt.id != first.attempt.id)
  #expect(try registry.attempts(helperID: "mtremblay").map(\.state) == [.abandoned, .inProgress])
  let events = try registry.events(helperID: "mtremblay")
  #expect(events.map(\.action) == [.helperAdded, .attemptStarted, .attemptAbandoned, .attemptStarted])
  #expect(events[2].reason == "restart")
  #expect(events[2].detail == ["attempt": String(first.attempt.id), "course": "ecoute-active"])
  #expect(events[3].detail["seed"] == "2")
  #expect(throws: RegistryError.attemptFinished(first.attempt.id)) {
    try registry.abandonAttempt(attemptID: first.attempt.id)
  }
}

@Test(arguments: Store.allCases) func finishingAPassAppliesTheCertificationInTheSameTransaction(store: Store) throws {
  let registry = try registryWithMarie(store)
  _ = try registry.record(
    helperID: "mtremblay", courseID: "ecoute-active", on: day("2026-11-01"), today: day("2026-11-22"),
    courses: courseIndex)
  let start = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("referer"), seed: 42, language: "fr")
  let outcome = try registry.finishAttempt(
    attemptID: start.attempt.id, passed: true, score: 87.5, detailJSON: #"{"q1":1}"#, today: day("2026-11-22"),
    certifications: catalog)
  #expect(outcome.attempt.state == .passed)
  #expect(outcome.attempt.passedOn == day("2026-11-22"))
  #expect(outcome.attempt.score == 87.5)
  #expect(outcome.attempt.resumeStateJSON == nil)
  #expect(outcome.effects.map(\.message.fr) == ["Entraidant·e : valide jusqu’au 2027-11-21"])
  #expect(outcome.effects.map(\.message.en) == ["Peer helper: valid through 2027-11-21"])
  let cycles = try registry.cycles(helperID: "mtremblay")
  #expect(
    cycles.map(\.dates) == [
      CycleDates(certifiedOn: day("2026-11-22"), validThrough: day("2027-11-21"), windowOpens: day("2027-08-24"))
    ])
  #expect(cycles.first?.sourceAttemptID == start.attempt.id)
  #expect(cycles.first?.kind == .initial)
  #expect(
    try registry.events().map(\.action) == [
      .helperAdded, .courseRecorded, .attemptStarted, .attemptFinished, .cycleMade,
    ])

  #expect(throws: RegistryError.attemptFinished(start.attempt.id)) {
    try registry.finishAttempt(
      attemptID: start.attempt.id, passed: false, score: 0, detailJSON: nil, today: day("2026-11-22"),
      certifications: catalog)
  }
  #expect(throws: RegistryError.attemptFinished(start.attempt.id)) {
    try registry.saveResumeState(attemptID: start.attempt.id, json: "{}")
  }
  #expect(throws: RegistryError.unknownAttempt(999)) { try registry.saveResumeState(attemptID: 999, json: "{}") }
}

@Test(arguments: Store.allCases) func aFailedAttemptChangesNoCertification(store: Store) throws {
  let registry = try registryWithMarie(store)
  let start = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("prevention-suicide"), seed: 1, language: "fr")
  let outcome = try registry.finishAttempt(
    attemptID: start.attempt.id, passed: false, score: 0.4, detailJSON: nil, today: day("2026-11-22"),
    certifications: catalog)
  #expect(outcome.effects.isEmpty)
  #expect(outcome.attempt.passedOn == nil)
  let status = try registry.status(helperID: "mtremblay", today: day("2026-11-22"), certifications: catalog)
  #expect(status.certifications.map(\.status) == [.never, .inTraining])
  #expect(status.passedCourses.isEmpty)
}

@Test(arguments: Store.allCases) func recordRefusesBadInputAndWritesNothing(store: Store) throws {
  let registry = try registryWithMarie(store)
  let today = day("2026-11-22")
  #expect(throws: RegistryError.unknownCourse("ecoute-activ", suggestions: ["ecoute-active"])) {
    try registry.record(helperID: "mtremblay", courseID: "ecoute-activ", on: today, today: today, courses: courseIndex)
  }
  #expect(throws: RegistryError.courseGrantsNothing("format-tour")) {
    try registry.record(helperID: "mtremblay", courseID: "format-tour", on: today, today: today, courses: courseIndex)
  }
  #expect(throws: RegistryError.futureDate(date: day("2026-11-23"), today: today)) {
    try registry.record(
      helperID: "mtremblay", courseID: "ecoute-active", on: day("2026-11-23"), today: today, courses: courseIndex)
  }
  #expect(throws: RegistryError.dateBeforeNetworks(date: day("1979-12-31"), earliest: day("1980-01-01"))) {
    try registry.record(
      helperID: "mtremblay", courseID: "ecoute-active", on: day("1979-12-31"), today: today, courses: courseIndex)
  }
  #expect(throws: RegistryError.unknownHelper("mtrembly", suggestions: ["mtremblay"])) {
    try registry.record(helperID: "mtrembly", courseID: "ecoute-active", on: today, today: today, courses: courseIndex)
  }
  #expect(throws: RegistryError.missingPrerequisites(course: "referer", missing: ["ecoute-active"])) {
    try registry.record(helperID: "mtremblay", courseID: "referer", on: today, today: today, courses: courseIndex)
  }
  #expect(try registry.attempts(helperID: "mtremblay").isEmpty)
  #expect(try registry.events().map(\.action) == [.helperAdded])

  // A prerequisite passed after the day of the session does not count.
  _ = try registry.record(
    helperID: "mtremblay", courseID: "ecoute-active", on: day("2026-11-10"), today: today, courses: courseIndex)
  #expect(throws: RegistryError.missingPrerequisites(course: "referer", missing: ["ecoute-active"])) {
    try registry.record(
      helperID: "mtremblay", courseID: "referer", on: day("2026-11-09"), today: today, courses: courseIndex)
  }
  #expect(
    try registry.missingPrerequisites(helperID: "mtremblay", course: course("referer"), on: day("2026-11-10")) == [])
}

@Test(arguments: Store.allCases) func theWholeLifeOfACertification(store: Store) throws {
  let registry = try registryWithMarie(store)
  func record(_ course: String, _ date: String, today: String? = nil) throws -> [String] {
    try registry.record(
      helperID: "mtremblay", courseID: course, on: day(date), today: day(today ?? date), courses: courseIndex
    ).effects.filter { $0.certificationID == "entraidant" }.map(\.message.en)
  }
  func status(_ date: String) throws -> CertificationStanding {
    try registry.status(helperID: "mtremblay", today: day(date), certifications: catalog).certifications[0]
  }
  #expect(try status("2026-01-01").status == .never)
  #expect(
    try record("ressourcement-annuel", "2026-01-05") == [
      "Peer helper: course recorded, but it renews nothing: there is no certification to renew."
    ])
  #expect(try record("ecoute-active", "2026-01-10") == ["Peer helper: initial path, 1 of 2 courses passed."])
  #expect(try status("2026-01-10").status == .inTraining)
  #expect(try status("2026-01-10").initialPassed == ["ecoute-active"])
  #expect(try record("referer", "2026-02-01") == ["Peer helper: valid through 2027-01-31"])
  let certified = try status("2026-06-01")
  #expect(certified.status == .certified)
  #expect(certified.daysLeft == 244)
  #expect(
    certified.cycle?.dates
      == CycleDates(certifiedOn: day("2026-02-01"), validThrough: day("2027-01-31"), windowOpens: day("2026-11-03")))
  #expect(
    try record("ecoute-active", "2026-06-02") == [
      "Peer helper: this course changes nothing (current cycle valid through 2027-01-31)."
    ])
  // On time: from the stored validThrough.
  #expect(try record("ressourcement-annuel", "2026-12-01") == ["Peer helper: valid through 2028-01-31"])
  // Two renewals in a row: late (after expiry, within the lapse).
  #expect(try status("2028-02-10").status == .expired)
  #expect(try status("2028-02-10").daysLeft == -10)
  #expect(try record("ressourcement-annuel", "2028-02-10") == ["Peer helper: valid through 2029-02-09"])
  // A session older than the current cycle, recorded late, changes nothing.
  #expect(
    try record("ressourcement-annuel", "2028-01-15", today: "2028-03-01") == [
      "Peer helper: course recorded; it predates the current cycle and changes nothing."
    ])
  // After the lapse (2029-02-09 + 1 year = 2030-02-09).
  #expect(try status("2030-02-09").status == .expired)
  #expect(try status("2030-02-10").status == .lapsed)
  #expect(
    try record("ressourcement-annuel", "2030-02-10") == [
      "Peer helper: course recorded, but it renews nothing (certification lapsed); the initial path is required again."
    ])
  #expect(try record("referer", "2030-03-01") == ["Peer helper: initial path, 1 of 2 courses passed."])
  #expect(try status("2030-03-01").status == .lapsed)
  #expect(try record("ecoute-active", "2030-03-05") == ["Peer helper: valid through 2031-03-04"])
  #expect(try status("2030-03-05").status == .certified)

  let cycles = try registry.cycles(helperID: "mtremblay")
  #expect(cycles.map(\.kind) == [.initial, .renewal, .renewal, .initial])
  #expect(
    cycles.map(\.dates.validThrough) == [day("2027-01-31"), day("2028-01-31"), day("2029-02-09"), day("2031-03-04")])
  #expect(try registry.events().filter { $0.action == .cycleMade }.count == 4)
  #expect(try registry.events().filter { $0.action == .courseRecorded }.count == 10)
}

@Test(arguments: Store.allCases) func aChangedCertificationKeepsTheStoredDatesOfOldCycles(store: Store) throws {
  let registry = try registryWithMarie(store)
  _ = try registry.record(
    helperID: "mtremblay", courseID: "prevention-suicide", on: day("2026-03-01"), today: day("2026-03-01"),
    courses: courseIndex)
  var changed = sentinelle
  changed.validity = DateDuration(years: 3)
  changed.window = DateDuration(days: 10)
  let newCatalog = CertificationCatalog(certifications: [entraidant, changed])
  let standing = try registry.status(helperID: "mtremblay", today: day("2027-01-15"), certifications: newCatalog)
    .certifications[1]
  #expect(
    standing.cycle?.dates
      == CycleDates(certifiedOn: day("2026-03-01"), validThrough: day("2027-02-28"), windowOpens: day("2026-12-31")))
  #expect(standing.status == .due)
}

@Test(arguments: Store.allCases) func aCourseInTwoCertificationsAffectsBoth(store: Store) throws {
  var both = sentinelle
  both.initial.append(CourseReference(courseID: "ecoute-active"))
  let index = CourseIndex(
    entries: Array(courseIndex.courses.values),
    certifications: CertificationCatalog(certifications: [entraidant, both]))
  let registry = try registryWithMarie(store)
  let outcome = try registry.record(
    helperID: "mtremblay", courseID: "ecoute-active", on: day("2026-03-01"), today: day("2026-03-01"), courses: index)
  #expect(
    outcome.effects.map(\.message.fr) == [
      "Entraidant·e : parcours initial, 1 cours réussi sur 2.", "Sentinelle : parcours initial, 1 cours réussi sur 2.",
    ])
}

@Test(arguments: Store.allCases) func aRecordAndTheCycleItMakesAreInTheAuditLog(store: Store) throws {
  let registry = try makeRegistry(store, actor: "lucie")
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"))
  let outcome = try registry.record(
    helperID: "mtremblay", courseID: "prevention-suicide", on: day("2026-11-01"), note: " Journée à Sherbrooke ",
    today: day("2026-11-22"), courses: courseIndex)
  #expect(outcome.attempt.state == .recorded)
  #expect(outcome.attempt.note == "Journée à Sherbrooke")
  #expect(outcome.attempt.courseVersion == "1")
  #expect(outcome.attempt.contentDigest == "d-ps")
  let cycle = try #require(outcome.effects.first?.cycle)
  let events = try registry.events(helperID: "mtremblay")
  #expect(events.map(\.action) == [.helperAdded, .courseRecorded, .cycleMade])
  #expect(
    events[1].detail == [
      "attempt": String(outcome.attempt.id), "course": "prevention-suicide", "date": "2026-11-01",
      "note": "Journée à Sherbrooke",
    ])
  #expect(events[1].reason == "Journée à Sherbrooke")
  #expect(
    events[2].detail == [
      "cycle": String(cycle.id), "certification": "sentinelle", "kind": "initial", "certified_on": "2026-11-01",
      "valid_through": "2027-10-31", "window_opens": "2027-09-02", "attempt": String(outcome.attempt.id),
    ])
  #expect(events.allSatisfy { $0.by == "lucie" && $0.at == "2026-11-22T12:00:00Z" })
}

@Test(arguments: Store.allCases) func coursesPassedShowTheLatestPassOfEach(store: Store) throws {
  let registry = try registryWithMarie(store)
  for (course, date) in [("ecoute-active", "2024-01-10"), ("referer", "2024-02-01"), ("referer", "2026-11-20")] {
    _ = try registry.record(
      helperID: "mtremblay", courseID: course, on: day(date), today: day("2026-11-22"), courses: courseIndex)
  }
  let passed = try registry.passedCourses(helperID: "mtremblay")
  #expect(passed.map(\.courseID) == ["ecoute-active", "referer"])
  #expect(passed.map(\.passedOn) == [day("2024-01-10"), day("2026-11-20")])
  #expect(passed.map(\.state) == [.recorded, .recorded])
  // The lapsed helper has redone one initial course of two.
  let standing = try registry.status(helperID: "mtremblay", today: day("2026-11-22"), certifications: catalog)
    .certifications[0]
  #expect(standing.status == .lapsed)
  #expect(standing.initialPassed == ["referer"])
  #expect(standing.daysLeft == -660)
}
