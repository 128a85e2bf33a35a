import Foundation
import Testing

/// A registry with two helpers, one certified by courses recorded in person, then `sql` run behind the
/// program's back with the sqlite3 shell.
private func brokenRegistry(_ sql: String) throws -> (RegistrySandbox, [String]) {
  let sandbox = try RegistrySandbox()
  let courses = ["--courses", try sandbox.makeCourses().path]
  try sandbox.addHelpers(["Ann Lee", "Bob Ray"])
  for course in ["ecoute-active", "referer"] {
    let result = try sandbox.run(["record", "alee", course, "--date", "2026-11-01"] + courses)
    #expect(result.status == 0, "\(result.stderr)")
  }
  if !sql.isEmpty {
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    sqlite.arguments = [sandbox.database, sql]
    try sqlite.run()
    sqlite.waitUntilExit()
    #expect(sqlite.terminationStatus == 0)
  }
  return (sandbox, courses)
}

@Test func aSoundRegistryIsCheckedInPlainWords() throws {
  let (sandbox, _) = try brokenRegistry("")
  var result = try sandbox.run(["check"])
  #expect(result.status == 0)
  #expect(
    result.stdout
      == "Registry “\(sandbox.database)” checked: file intact, references, cycles and attempts in order (2 helpers, 2 attempts, 1 cycle).\n"
  )
  result = try sandbox.run(["check"], language: "fr_CA.UTF-8")
  #expect(
    result.stdout
      == "Registre « \(sandbox.database) » vérifié : fichier intact, renvois, cycles et tentatives en ordre (2 entraidant·es, 2 tentatives, 1 cycle).\n"
  )
}

@Test func aDamagedFileIsReported() throws {
  // The index no longer matches its definition: what a torn write or a bad disk leaves.
  let (sandbox, _) = try brokenRegistry(
    "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX events_by_helper ON events(by)' WHERE name = 'events_by_helper';"
  )
  let result = try sandbox.run(["check"])
  #expect(result.status == 1)
  #expect(
    result.stdout.hasPrefix(
      "Registry “\(sandbox.database)”: 1 problem found:\n  - The file is damaged: SQLite reports “row "))
  #expect(
    result.stdout.hasSuffix(
      " missing from index events_by_helper”. Put back the latest backup copy (entraide backup).\n"))
}

@Test func aRowPointingNowhereIsReported() throws {
  let (sandbox, _) = try brokenRegistry(
    """
    PRAGMA foreign_keys = OFF;
    INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at,
      finished_at, state) VALUES ('ghost', 'referer', '1', 'd', '1', 'fr', 'x', 'y', 'abandoned');
    """)
  let result = try sandbox.run(["check"], language: "fr_CA.UTF-8")
  #expect(result.status == 1)
  #expect(
    result.stdout == """
      Registre « \(sandbox.database) » : 1 problème trouvé :
        - La ligne 3 de la table « attempts » renvoie à une ligne de « helpers » qui n’existe pas.

      """)
}

@Test func aCycleNothingExplainsIsReported() throws {
  // A cycle whose source is the event that added the helper, not a course.
  let (sandbox, _) = try brokenRegistry(
    """
    INSERT INTO cycles (helper_id, certification_id, kind, certified_on, valid_through, window_opens,
      source_event_id, created_at) VALUES ('bray', 'sentinelle', 'initial', '2026-06-01', '2027-05-31', '2027-04-01',
      (SELECT id FROM events WHERE helper_id = 'bray'), '2026-06-01T00:00:00Z');
    """)
  let result = try sandbox.run(["check"])
  #expect(result.status == 1)
  #expect(
    result.stdout == """
      Registry “\(sandbox.database)”: 1 problem found:
        - Cycle 2 (bray, sentinelle, certified on 2026-06-01) is explained by no passed attempt and no course recorded in person.

      """)
}

@Test func twoAttemptsInProgressOfOneCourseAreReported() throws {
  let (sandbox, _) = try brokenRegistry(
    """
    DROP INDEX attempts_one_in_progress;
    INSERT INTO attempts (helper_id, course_id, course_version, content_digest, seed, language, started_at, state)
      VALUES ('bray', 'ecoute-active', '1', 'd', '1', 'fr', 'x', 'in-progress'),
             ('bray', 'ecoute-active', '1', 'd', '2', 'fr', 'x', 'in-progress'),
             ('bray', 'referer', '1', 'd', '2', 'fr', 'x', 'in-progress');
    INSERT INTO attempt_claims VALUES (1, 't', 'poste', 1, 'x', 'x');
    """)
  let result = try sandbox.run(["check"])
  #expect(result.status == 1)
  #expect(
    result.stdout == """
      Registry “\(sandbox.database)”: 2 problems found:
        - bray has 2 attempts in progress of the course “ecoute-active” (3, 4); there must be one at most.
        - Attempt 1 is finished but still claimed by a terminal.

      """)
}

@Test func checkingAMissingRegistryIsRefused() throws {
  let sandbox = try RegistrySandbox()
  let result = try sandbox.run(["check"])
  #expect(result.status == 2)
  #expect(result.stderr.hasPrefix("entraide: error: No registry at “\(sandbox.database)”"))
}
