import CourseModel
import Foundation
import Testing

@testable import Registry

@Test func aRecordedInitialPathMakesACycle() throws {
  let folder = try temporaryFolder()
  let registry = try Registry.open(
    path: folder.appendingPathComponent("r.sqlite").path, actor: "coord", clock: { fixedInstant })
  let helper = try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"))
  #expect(helper.id == "mtremblay")
  _ = try registry.record(
    helperID: "mtremblay", courseID: "ecoute-active", on: day("2026-11-01"), today: day("2026-11-22"),
    courses: courseIndex)
  let outcome = try registry.record(
    helperID: "mtremblay", courseID: "referer", on: day("2026-11-21"), today: day("2026-11-22"), courses: courseIndex)
  #expect(outcome.effects.map(\.message.fr) == ["Entraidant·e : valide jusqu’au 2027-11-20"])
}
