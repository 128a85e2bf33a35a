import CourseModel
import Foundation
import Testing

@testable import Registry

/// A registry with helpers in every state of their record: runs passed, failed, in progress, abandoned,
/// courses recorded in person with notes, initial and renewal cycles, a deactivated helper.
func richRegistry() throws -> Registry {
  let registry = try memoryRegistry()
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie", email: "m@x.ca"))
  try registry.addHelper(NewHelper(name: "Jean \"Ti-Jean\" Côté", local: "FTQ 1", region: "Laval"))
  try registry.addHelper(NewHelper(name: "Paul Parti", local: "FTQ 1", region: "Laval"))
  try registry.deactivateHelper("pparti", reason: "moved")
  let failed = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("ecoute-active"), seed: UInt64.max, language: "fr")
  _ = try registry.finishAttempt(
    attemptID: failed.attempt.id, passed: false, score: 40.5, detailJSON: #"{"items":[0.5,1]}"#,
    today: day("2025-11-01"), certifications: catalog)
  let passed = try registry.startOrResumeAttempt(
    helperID: "mtremblay", course: course("ecoute-active"), seed: 7, language: "en")
  _ = try registry.finishAttempt(
    attemptID: passed.attempt.id, passed: true, score: 87.5, detailJSON: "{}", today: day("2025-11-02"),
    certifications: catalog)
  _ = try registry.record(
    helperID: "mtremblay", courseID: "referer", on: day("2025-11-20"), note: "Sherbrooke, salle 2",
    today: day("2026-11-22"), courses: courseIndex)
  _ = try registry.record(
    helperID: "mtremblay", courseID: "ressourcement-annuel", on: day("2026-09-01"), today: day("2026-11-22"),
    courses: courseIndex)
  let abandoned = try registry.startOrResumeAttempt(
    helperID: "jcote", course: course("prevention-suicide"), seed: 3, language: "fr")
  try registry.abandonAttempt(attemptID: abandoned.attempt.id, reason: "restart")
  _ = try registry.startOrResumeAttempt(
    helperID: "jcote", course: course("prevention-suicide"), seed: 4, language: "fr",
    resumeStateJSON: #"{"step":2,"answers":["a/b"]}"#)
  return registry
}

@Test func exportImportExportIsByteIdentical() throws {
  let original = try richRegistry()
  let first = try original.snapshot().encoded()
  let copy = try memoryRegistry()
  try copy.importSnapshot(try RegistrySnapshot.decode(first))
  let second = try copy.snapshot().encoded()
  #expect(second == first)
  // And the copy works as a registry: the same standings, and it goes on numbering after the imported ids.
  #expect(
    try copy.status(helperID: "mtremblay", today: day("2026-11-22"), certifications: catalog)
      == original.status(helperID: "mtremblay", today: day("2026-11-22"), certifications: catalog))
  let next = try copy.startOrResumeAttempt(
    helperID: "mtremblay", course: course("prevention-suicide"), seed: 1, language: "fr")
  #expect(next.attempt.id == (try original.snapshot().attempts.map(\.id).max() ?? 0) + 1)
}

@Test func theExportHasEveryRecordWithItsSavedState() throws {
  let snapshot = try richRegistry().snapshot()
  #expect(snapshot.format == "entraide-registry")
  #expect(snapshot.version == 1)
  #expect(snapshot.helpers.map(\.id) == ["jcote", "mtremblay", "pparti"])
  #expect(snapshot.helpers.map(\.active) == [true, true, false])
  #expect(snapshot.attempts.map(\.state) == ["failed", "passed", "recorded", "recorded", "abandoned", "in-progress"])
  #expect(snapshot.attempts[0].seed == "18446744073709551615")
  #expect(snapshot.attempts[0].detail == #"{"items":[0.5,1]}"#)
  #expect(snapshot.attempts[5].resumeState == #"{"step":2,"answers":["a/b"]}"#)
  #expect(snapshot.attempts[2].note == "Sherbrooke, salle 2")
  #expect(snapshot.cycles.map(\.kind) == ["initial", "renewal"])
  #expect(snapshot.events.first?.action == "helper-added")
  let text = String(decoding: try snapshot.encoded(), as: UTF8.self)
  #expect(text.hasPrefix("{\n  \"attempts\" : [\n"))
  #expect(text.hasSuffix("  \"version\" : 1\n}\n"))
}

/// The English reason `import` gives for `data`, checking that nothing was written to `registry`.
func importRefusal(_ data: Data, into registry: Registry) throws -> String {
  let before = try registry.snapshot()
  do {
    try registry.importSnapshot(try RegistrySnapshot.decode(data))
    Issue.record("the import was accepted")
    return ""
  } catch let error as RegistryError {
    #expect(try registry.snapshot() == before)
    return error.message.en
  }
}

@Test func aTruncatedFileImportsNothing() throws {
  let data = try richRegistry().snapshot().encoded()
  #expect(
    try importRefusal(data.prefix(data.count / 2), into: try memoryRegistry())
      == "Unreadable registry file: it is not valid JSON (the file is truncated or damaged). Nothing was imported.")
}

@Test func aMalformedFileImportsNothing() throws {
  #expect(
    try importRefusal(
      Data("{\"format\": \"entraide-registry\", \"version\": 1, \"helpers\": [}".utf8), into: try memoryRegistry())
      == "Unreadable registry file: it is not valid JSON (the file is truncated or damaged). Nothing was imported.")
  #expect(
    try importRefusal(
      Data(
        #"{"format":"entraide-registry","version":1,"helpers":[{"id":"x"}],"attempts":[],"cycles":[],"events":[]}"#.utf8
      ),
      into: try memoryRegistry())
      == "Unreadable registry file: the field “name” is missing (.helpers[0]). Nothing was imported.")
  #expect(
    try importRefusal(Data(#"{"format":"something-else","version":1}"#.utf8), into: try memoryRegistry())
      == "Unreadable registry file: it is not a registry exported by Entraide (“format” is not “entraide-registry”). Nothing was imported."
  )
}

@Test func aNewerVersionImportsNothing() throws {
  var snapshot = try richRegistry().snapshot()
  snapshot.version = 2
  let registry = try memoryRegistry()
  #expect(
    try importRefusal(try snapshot.encoded(), into: registry)
      == "Unreadable registry file: it was written by a newer Entraide (format 2; this one reads format 1): update Entraide. Nothing was imported."
  )
  #expect(try registry.helpers(includeInactive: true).isEmpty)
}

@Test func conflictingIdsImportNothing() throws {
  let data = try richRegistry().snapshot().encoded()
  // Into a registry that already holds records with the same ids: refused, no silent merge.
  let other = try memoryRegistry()
  try other.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 9", region: "Laval"))
  #expect(
    try importRefusal(data, into: other) == """
      Import refused, nothing was imported (every record must be new to this registry):
        helpers: id already in this registry: mtremblay
        events: id already in this registry: 1
      """)
  // The same id twice in the file.
  var snapshot = try RegistrySnapshot.decode(data)
  snapshot.attempts.append(snapshot.attempts[0])
  #expect(
    try importRefusal(try snapshot.encoded(), into: try memoryRegistry()) == """
      Import refused, nothing was imported (every record must be new to this registry):
        attempts: id listed twice in the file: 1
      """)
}

@Test func anImportOfOnlyNewRecordsIntoANonEmptyRegistryIsAccepted() throws {
  let registry = try memoryRegistry()
  try registry.addHelper(NewHelper(name: "Ana Roy", local: "CSN 9", region: "Laval"))
  let snapshot = RegistrySnapshot(
    format: "entraide-registry", version: 1,
    helpers: [
      .init(
        id: "lann", name: "Lee Ann", local: "FTQ 2", region: "Estrie", active: true, createdAt: "2026-01-01T00:00:00Z")
    ],
    attempts: [], cycles: [],
    events: [
      .init(id: 50, at: "2026-01-01T00:00:00Z", by: "coord", action: "helper-added", helperID: "lann", detail: "{}")
    ])
  try registry.importSnapshot(snapshot)
  #expect(try registry.helpers().map(\.id) == ["aroy", "lann"])
  #expect(try registry.events().map(\.id) == [1, 50])
}

/// `make fuzz` (target json) found it: a NUL in a text was imported, and the export gave the text back cut
/// at the NUL.
@Test func aNulCharacterInAnyTextImportsNothing() throws {
  var snapshot = try richRegistry().snapshot()
  snapshot.attempts[1].contentDigest = "03b\u{0}bbafa"
  snapshot.helpers[2].name = "Paul\u{0}Parti"
  snapshot.events[0].reason = "\u{0}"
  #expect(
    try importRefusal(try snapshot.encoded(), into: try memoryRegistry()) == """
      Import refused, nothing was imported (every record must be new to this registry):
        helper “pparti”: a text holds the NUL character (U+0000), which a registry cannot keep
        attempt 2: a text holds the NUL character (U+0000), which a registry cannot keep
        event 1: a text holds the NUL character (U+0000), which a registry cannot keep
      """)
}

/// Timestamps are the registry's own form (`2026-12-02T08:27:19Z`): another one is refused, not kept as text.
@Test func aMalformedTimestampImportsNothing() throws {
  let valid = try richRegistry().snapshot()
  for bad in ["2026-12-T2028:07:20Z", "2026-12-02 08:27:19", "2026-02-30T08:27:19Z", "2026-12-02T24:00:00Z", ""] {
    var snapshot = valid
    snapshot.events[3].at = bad
    snapshot.helpers[0].createdAt = bad
    snapshot.attempts[0].finishedAt = bad
    snapshot.cycles[1].createdAt = bad
    #expect(
      try importRefusal(try snapshot.encoded(), into: try memoryRegistry()) == """
        Import refused, nothing was imported (every record must be new to this registry):
          helper “jcote”: inconsistent values
          attempt 1: inconsistent values
          cycle 2: inconsistent values
          event 4: inconsistent values
        """, "\(bad)")
  }
}
