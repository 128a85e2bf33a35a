import CourseModel
import Foundation
import Testing

@testable import Registry

private let first = Claimant(host: "poste-1", pid: 100, token: "t1")
private let second = Claimant(host: "poste-2", pid: 200, token: "t2")
private let tour = CourseEntry(id: "format-tour", version: "1", digest: "d-tour")

private func request(_ claimant: Claimant, takeOver: Bool = false, stale: Bool = false) -> ClaimRequest {
  ClaimRequest(claimant: claimant, takeOver: takeOver) { _ in stale }
}

@Test func aLiveClaimRefusesASecondTerminalWithoutTouchingTheAttempt() throws {
  let registry = try memoryRegistry()
  let helper = try registry.addHelper(NewHelper(name: "Ann Lee", local: "L", region: "R"))
  let start = try registry.startOrResumeAttempt(
    helperID: helper.id, course: tour, seed: 1, language: "fr", claim: request(first))
  try registry.saveResumeState(attemptID: start.attempt.id, json: "{\"a\":1}", claimant: first)
  let events = try registry.events().count
  let claim = AttemptClaim(
    attemptID: start.attempt.id, holder: first, claimedAt: "2026-11-22T12:00:00Z", renewedAt: "2026-11-22T12:00:00Z")
  #expect(try registry.claim(attemptID: start.attempt.id) == claim)
  #expect(throws: RegistryError.attemptOpenElsewhere(claim)) {
    try registry.startOrResumeAttempt(
      helperID: helper.id, course: tour, seed: 2, language: "en", claim: request(second))
  }
  #expect(throws: RegistryError.attemptOpenElsewhere(claim)) {
    try registry.abandonAttempt(attemptID: start.attempt.id, claim: request(second))
  }
  #expect(try registry.events().count == events)
  #expect(try registry.inProgressAttempt(helperID: helper.id, courseID: "format-tour")?.resumeStateJSON == "{\"a\":1}")
  #expect(
    RegistryError.attemptOpenElsewhere(claim).message.en
      == "This course is already open for this helper on “poste-1” (process 100) since 2026-11-22 12:00:00 UTC; nothing was changed. Finish it there, or run again with --take-over to continue it here."
  )
}

@Test func takingOverEndsTheFirstClaimWhichThenSavesNothing() throws {
  let registry = try memoryRegistry()
  let helper = try registry.addHelper(NewHelper(name: "Ann Lee", local: "L", region: "R"))
  let start = try registry.startOrResumeAttempt(
    helperID: helper.id, course: tour, seed: 1, language: "fr", claim: request(first))
  let taken = try registry.startOrResumeAttempt(
    helperID: helper.id, course: tour, seed: 2, language: "en", claim: request(second, takeOver: true))
  #expect(taken.resumed)
  #expect(taken.tookOver?.holder == first)
  #expect(try registry.events().last?.action == .attemptTakenOver)
  try registry.saveResumeState(attemptID: start.attempt.id, json: "{\"by\":2}", claimant: second)
  let lost = try #require(try registry.claim(attemptID: start.attempt.id))
  #expect(throws: RegistryError.claimLost(lost)) {
    try registry.saveResumeState(attemptID: start.attempt.id, json: "{\"by\":1}", claimant: first)
  }
  #expect(throws: RegistryError.claimLost(lost)) {
    try registry.renewClaim(attemptID: start.attempt.id, claimant: first)
  }
  #expect(throws: RegistryError.claimLost(lost)) {
    try registry.finishAttempt(
      attemptID: start.attempt.id, passed: true, score: 100, detailJSON: nil, today: day("2026-11-22"),
      certifications: catalog, claimant: first)
  }
  // Releasing a claim one no longer holds leaves the holder's alone.
  try registry.releaseClaim(attemptID: start.attempt.id, claimant: first)
  #expect(try registry.claim(attemptID: start.attempt.id)?.holder == second)
  let attempt = try #require(try registry.inProgressAttempt(helperID: helper.id, courseID: "format-tour"))
  #expect(attempt.resumeStateJSON == "{\"by\":2}")
  #expect(
    RegistryError.claimLost(lost).message.fr
      == "Cette tentative a été reprise sur « poste-2 » (processus 200) à 2026-11-22 12:00:00 UTC ; rien de plus n’est enregistré ici."
  )
  // Finishing removes the claim.
  _ = try registry.finishAttempt(
    attemptID: start.attempt.id, passed: false, score: 0, detailJSON: nil, today: day("2026-11-22"),
    certifications: catalog, claimant: second)
  #expect(try registry.claim(attemptID: start.attempt.id) == nil)
}

@Test func aStaleClaimIsTakenSilentlyAndAReleasedOneIsFree() throws {
  let registry = try memoryRegistry()
  let helper = try registry.addHelper(NewHelper(name: "Ann Lee", local: "L", region: "R"))
  let start = try registry.startOrResumeAttempt(
    helperID: helper.id, course: tour, seed: 1, language: "fr", claim: request(first))
  let silent = try registry.startOrResumeAttempt(
    helperID: helper.id, course: tour, seed: 2, language: "en", claim: request(second, stale: true))
  #expect(silent.tookOver == nil)
  #expect(try registry.events().last?.action == .attemptStarted)
  try registry.releaseClaim(attemptID: start.attempt.id, claimant: second)
  #expect(try registry.claim(attemptID: start.attempt.id) == nil)
  #expect(
    try registry.startOrResumeAttempt(helperID: helper.id, course: tour, seed: 3, language: "en", claim: request(first))
      .tookOver == nil)
}

@Test func stalenessIsAGoneProcessHereOrNoRenewalAnywhere() {
  let claim = AttemptClaim(
    attemptID: 1, holder: first, claimedAt: "2026-11-22T11:00:00Z", renewedAt: "2026-11-22T11:59:00Z")
  let now = fixedInstant  // 12:00:00
  #expect(!claim.isStale(now: now, host: "poste-1", processExists: { _ in true }, staleAfter: 120))
  #expect(claim.isStale(now: now, host: "poste-1", processExists: { _ in false }, staleAfter: 120))
  // Another host's process cannot be looked at: only the renewal counts.
  #expect(!claim.isStale(now: now, host: "poste-9", processExists: { _ in false }, staleAfter: 120))
  #expect(claim.isStale(now: now, host: "poste-9", processExists: { _ in true }, staleAfter: 59))
}
