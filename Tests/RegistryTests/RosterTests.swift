import CourseModel
import Foundation
import GRDB
import PostgresTestCluster
import Testing

@testable import Registry

/// Helpers in every status on 2026-11-22 for `entraidant`, plus a deactivated one.
private func registryInEveryStatus() throws -> Registry {
  try registryInEveryStatus(.sqlite) as! Registry
}

/// The same helpers on `store`.
private func registryInEveryStatus(_ store: Store) throws -> any RegistryStore {
  let registry = try makeRegistry(store)
  let today = day("2026-11-22")
  func add(_ name: String, _ sessions: [(String, String)]) throws {
    let helper = try registry.addHelper(NewHelper(name: name, local: "CSN 123", region: "Estrie"))
    for (courseID, date) in sessions {
      _ = try registry.record(
        helperID: helper.id, courseID: courseID, on: day(date), note: nil, today: today, courses: courseIndex)
    }
  }
  try add("Nadia Jamais", [])
  try add("Tom Formation", [("ecoute-active", "2026-11-01")])
  try add("Carla Certifiee", [("ecoute-active", "2026-10-01"), ("referer", "2026-10-02")])
  try add(
    "Dany Due", [("ecoute-active", "2025-11-30"), ("referer", "2025-12-01"), ("prevention-suicide", "2026-11-20")])
  try add("Eve Expiree", [("ecoute-active", "2025-06-01"), ("referer", "2025-06-01")])
  try add("Luc Perime", [("ecoute-active", "2024-06-01"), ("referer", "2024-06-01"), ("ecoute-active", "2026-11-02")])
  try add("Paul Parti", [("ecoute-active", "2026-10-01"), ("referer", "2026-10-02")])
  _ = try registry.deactivateHelper("pparti", reason: nil)
  return registry
}

@Test func theRosterGivesEachActiveHelperExactlyTheStandingStatusGives() throws {
  let registry = try registryInEveryStatus()
  let today = day("2026-11-22")
  let roster = try registry.roster(today: today, certifications: catalog)
  #expect(roster.map(\.helper.id) == ["ccertifiee", "ddue", "eexpiree", "lperime", "njamais", "tformation"])
  for entry in roster {
    let status = try registry.status(helperID: entry.helper.id, today: today, certifications: catalog)
    #expect(entry.helper == status.helper)
    #expect(entry.certifications == status.certifications)
  }
  let entraidant = Dictionary(
    uniqueKeysWithValues: roster.map { ($0.helper.id, $0.certifications[0]) })
  #expect(entraidant["njamais"]?.status == .never)
  #expect(entraidant["tformation"]?.status == .inTraining)
  #expect(entraidant["ccertifiee"]?.status == .certified)
  #expect(entraidant["ddue"]?.status == .due)
  #expect(entraidant["eexpiree"]?.status == .expired)
  #expect(entraidant["lperime"]?.status == .lapsed)
  #expect(entraidant["ddue"]?.daysLeft == 8)
  #expect(entraidant["eexpiree"]?.daysLeft == -175)
  #expect(entraidant["lperime"]?.initialPassed == ["ecoute-active"])
  #expect(roster.first { $0.helper.id == "ddue" }?.certifications[1].status == .certified)
}

@Test func theRosterShowsDeactivatedHelpersOnlyWhenAsked() throws {
  let registry = try registryInEveryStatus()
  let today = day("2026-11-22")
  let all = try registry.roster(today: today, certifications: catalog, includeInactive: true)
  let paul = try #require(all.first { $0.helper.id == "pparti" })
  #expect(!paul.helper.active)
  #expect(
    paul.certifications
      == (try registry.status(helperID: "pparti", today: today, certifications: catalog)).certifications)
  #expect(
    try registry.roster(today: today, certifications: CertificationCatalog(certifications: [])).allSatisfy {
      $0.certifications.isEmpty
    })
}

@Test(arguments: Store.allCases)
func theRosterLinesAreTheRosterWithoutItsDetail(store: Store) throws {
  let registry = try registryInEveryStatus(store)
  let today = day("2026-11-22")
  for includeInactive in [false, true] {
    let lines = try registry.rosterLines(today: today, certifications: catalog, includeInactive: includeInactive)
    let full = try registry.roster(today: today, certifications: catalog, includeInactive: includeInactive)
    #expect(lines == full.map(RosterLine.init))
    #expect(lines.count == (includeInactive ? 7 : 6))
  }
  let lines = try registry.rosterLines(today: today, certifications: catalog, includeInactive: false)
  let dany = try #require(lines.first { $0.helperID == "ddue" })
  #expect(dany.name == "Dany Due" && dany.local == "CSN 123" && dany.region == "Estrie")
  #expect(
    dany.standings[0]
      == RosterLine.Standing(
        status: .due,
        dates: CycleDates(
          certifiedOn: day("2025-12-01"), validThrough: day("2026-11-30"), windowOpens: day("2026-09-02")),
        daysLeft: 8))
  #expect(lines.first { $0.helperID == "tformation" }?.standings.map(\.status) == [.inTraining, .never])
  #expect(lines.first { $0.helperID == "njamais" }?.standings.map(\.status) == [.never, .never])
}

@Test func theRosterReadsTheLatestCycleDatesFromTheIndexAlone() throws {
  let registry = try registryInEveryStatus()
  let plan = try registry.writer.read { db in
    try Row.fetchAll(
      db,
      sql: """
        EXPLAIN QUERY PLAN SELECT certified_on || valid_through || window_opens FROM cycles
        WHERE helper_id = 'ddue' AND certification_id = 'entraidant' ORDER BY certified_on DESC, id DESC LIMIT 1
        """
    ).map { $0["detail"] as String }.joined(separator: "\n")
  }
  #expect(plan.contains("USING COVERING INDEX cycles_latest"))
}

@Test(arguments: Store.allCases)
func aMalformedCycleDateIsRefusedByTheRosterLines(store: Store) throws {
  let registry = try registryInEveryStatus(store)
  let damage = "UPDATE cycles SET valid_through = '2026-13-01' WHERE helper_id = 'ccertifiee'"
  if let sqlite = registry as? Registry {
    try sqlite.writer.write { db in
      try db.execute(sql: "DROP TRIGGER cycles_no_update")
      try db.execute(sql: damage)
    }
  } else {
    let database = try #require(registry.location.split(separator: "/").last.map(String.init))
    let damaged = try TestCluster.shared().psql(
      "ALTER TABLE cycles DISABLE TRIGGER cycles_append_only; \(damage)", database: database)
    #expect(damaged.status == 0, "\(damaged.stderr)")
  }
  #expect(throws: RegistryError.database("a cycle of ccertifiee is malformed")) {
    try registry.rosterLines(today: day("2026-11-22"), certifications: catalog, includeInactive: false)
  }
}
