import CourseModel
import Foundation
import Testing

@testable import Registry

/// A registry with Marie Tremblay (mtremblay) and Jean Côté (jcote).
func registryWithTwo(_ store: Store = .sqlite) throws -> any RegistryStore {
  let registry = try makeRegistry(store)
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie"))
  try registry.addHelper(NewHelper(name: "Jean Côté", local: "CSN 123", region: "Estrie"))
  return registry
}

func sheet(_ text: String) throws -> [AttendanceRow] {
  try AttendanceCSV.parse(Data(text.utf8))
}

/// Records `text` on 2026-11-22 and returns the refusal's English text (nil when it recorded).
func sheetRefusal(_ registry: any RegistryStore, _ text: String) throws -> String? {
  do {
    try registry.recordAttendance(try sheet(text), source: "day.csv", today: day("2026-11-22"), courses: courseIndex)
    return nil
  } catch let error as RegistryError {
    return error.message.en
  }
}

/// Nothing but the two helpers' `helper-added` events and no attempt: nothing recorded.
func expectNothingRecorded(_ registry: any RegistryStore) throws {
  #expect(try registry.events().map(\.action) == [.helperAdded, .helperAdded])
  #expect(try registry.attempts(helperID: "mtremblay").isEmpty)
  #expect(try registry.attempts(helperID: "jcote").isEmpty)
}

@Test func frenchSheetWithSemicolonsAndBOMIsRead() throws {
  var data = Data([0xEF, 0xBB, 0xBF])
  data.append(
    Data(
      "Identifiant;Cours;Date;Note\r\nmtremblay;ecoute-active;2026-11-20;Sherbrooke\r\n\r\njcote;ecoute-active;2026-11-20;\r\n"
        .utf8))
  #expect(
    try AttendanceCSV.parse(data) == [
      AttendanceRow(line: 2, helperID: "mtremblay", courseID: "ecoute-active", date: "2026-11-20", note: "Sherbrooke"),
      AttendanceRow(line: 4, helperID: "jcote", courseID: "ecoute-active", date: "2026-11-20", note: nil),
    ])
}

@Test func aSheetMissingAColumnIsRefused() throws {
  #expect(throws: RegistryError.badAttendanceHeader(missing: ["course"])) {
    try sheet("helper_id,date,note\nmtremblay,2026-11-20,\n")
  }
  #expect(
    RegistryError.badAttendanceHeader(missing: ["course"]).message.fr
      == "L’en-tête de la feuille de présence doit nommer les colonnes helper_id, course, date (ou identifiant, cours, date) ; il manque : course. Rien n’a été enregistré."
  )
}

@Test(arguments: Store.allCases) func aRowMissingACellIsRefusedByLine(store: Store) throws {
  let registry = try registryWithTwo(store)
  #expect(
    try sheetRefusal(registry, "helper_id,course,date\nmtremblay,ecoute-active,2026-11-20\njcote,ecoute-active\n")
      == "Line 3: The column “date” is empty.\nNothing was recorded.")
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func aWholeSheetIsRecordedInOneGoAndCertifies(store: Store) throws {
  let registry = try registryWithTwo(store)
  // referer is listed before its prerequisite on the same day: rows apply by date, prerequisites first.
  let outcome = try registry.recordAttendance(
    try sheet(
      "helper_id,course,date,note\nmtremblay,referer,2026-11-21,Sherbrooke\nmtremblay,ecoute-active,2026-11-21,\njcote,ecoute-active,2026-11-20,\n"
    ), source: "day.csv", today: day("2026-11-22"), courses: courseIndex)
  #expect(outcome.recorded == 3)
  #expect(outcome.helpers == 2)
  #expect(outcome.cycles.map(\.message.en) == ["Peer helper: valid through 2027-11-20"])
  #expect(outcome.cycles.first?.cycle?.helperID == "mtremblay")
  let attempts = try registry.attempts(helperID: "mtremblay")
  #expect(attempts.map(\.courseID) == ["ecoute-active", "referer"])
  #expect(attempts.map(\.note) == [nil, "Sherbrooke"])
  let recorded = try registry.events(helperID: "mtremblay").filter { $0.action == .courseRecorded }
  #expect(recorded.map { $0.detail["line"] } == ["3", "2"])
  #expect(recorded.map { $0.detail["source"] } == ["day.csv", "day.csv"])
  // The same decision as `record`: the sheet's cycle equals the one `record` makes.
  let other = try registryWithTwo(store)
  _ = try other.record(
    helperID: "mtremblay", courseID: "ecoute-active", on: day("2026-11-21"), today: day("2026-11-22"),
    courses: courseIndex)
  _ = try other.record(
    helperID: "mtremblay", courseID: "referer", on: day("2026-11-21"), today: day("2026-11-22"), courses: courseIndex)
  #expect(try other.cycles(helperID: "mtremblay").map(\.dates) == registry.cycles(helperID: "mtremblay").map(\.dates))
}

@Test(arguments: Store.allCases) func anUnknownHelperIsRefusedByLineWithSuggestions(store: Store) throws {
  let registry = try registryWithTwo(store)
  #expect(
    try sheetRefusal(
      registry, "helper_id,course,date\nmtremblay,ecoute-active,2026-11-20\nmtrembly,ecoute-active,2026-11-20\n")
      == "Line 3: No helper has the id “mtrembly”. Did you mean: mtremblay?\nNothing was recorded.")
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func anUnknownCourseIsRefusedByLine(store: Store) throws {
  let registry = try registryWithTwo(store)
  #expect(
    try sheetRefusal(registry, "helper_id,course,date\nmtremblay,ecoute-activ,2026-11-20\n")
      == "Line 2: No course has the id “ecoute-activ”. Did you mean: ecoute-active?\nNothing was recorded.")
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func anImpossibleDateIsRefusedByLine(store: Store) throws {
  let registry = try registryWithTwo(store)
  #expect(
    try sheetRefusal(
      registry, "helper_id,course,date\nmtremblay,ecoute-active,2026-02-30\njcote,ecoute-active,20/11/2026\n")
        == """
        Line 2: The date “2026-02-30” is not valid: expected YYYY-MM-DD, a day that exists.
        Line 3: The date “20/11/2026” is not valid: expected YYYY-MM-DD, a day that exists.
        Nothing was recorded.
        """)
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func aFutureDateIsRefusedByLine(store: Store) throws {
  let registry = try registryWithTwo(store)
  #expect(
    try sheetRefusal(registry, "helper_id,course,date\nmtremblay,ecoute-active,2026-11-23\n")
      == "Line 2: The date 2026-11-23 is in the future (today is 2026-11-22).\nNothing was recorded.")
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func aHelperListedTwiceForOneCourseAndDayIsRefused(store: Store) throws {
  let registry = try registryWithTwo(store)
  #expect(
    try sheetRefusal(
      registry,
      "helper_id,course,date\nmtremblay,ecoute-active,2026-11-20\njcote,ecoute-active,2026-11-20\nMTremblay,ecoute-active,2026-11-20\n"
    )
      == "Line 4: mtremblay is already listed on line 2 for the course “ecoute-active” on 2026-11-20.\nNothing was recorded."
  )
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func aSheetRecordedTwiceIsRefusedTheSecondTime(store: Store) throws {
  let registry = try registryWithTwo(store)
  let text = "helper_id,course,date\nmtremblay,ecoute-active,2026-11-20\n"
  #expect(try sheetRefusal(registry, text) == nil)
  #expect(
    try sheetRefusal(registry, text)
      == "Line 2: The course “ecoute-active” is already recorded for mtremblay on 2026-11-20 (sheet recorded before?).\nNothing was recorded."
  )
  #expect(try registry.attempts(helperID: "mtremblay").count == 1)
}

@Test(arguments: Store.allCases) func aCourseThatGrantsNothingIsRefusedByLine(store: Store) throws {
  let registry = try registryWithTwo(store)
  #expect(
    try sheetRefusal(
      registry, "helper_id,course,date\nmtremblay,ecoute-active,2026-11-20\njcote,format-tour,2026-11-20\n")
      == "Line 3: The course “format-tour” neither grants nor renews any certification: there is nothing to record for certification.\nNothing was recorded."
  )
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func aMissingPrerequisiteIsRefusedByLine(store: Store) throws {
  let registry = try registryWithTwo(store)
  // ecoute-active on the 21st does not count for referer on the 20th.
  #expect(
    try sheetRefusal(
      registry, "helper_id,course,date\nmtremblay,ecoute-active,2026-11-21\nmtremblay,referer,2026-11-20\n")
      == "Line 3: The course “referer” requires passing first: ecoute-active.\nNothing was recorded.")
  try expectNothingRecorded(registry)
}

@Test(arguments: Store.allCases) func manyBadRowsAreNamedUpToALimitThenCounted(store: Store) throws {
  let registry = try registryWithTwo(store)
  let rows = (1...25).map { "nobody\($0),ecoute-active,2026-11-20" }.joined(separator: "\n")
  let text = try #require(try sheetRefusal(registry, "helper_id,course,date\n" + rows + "\n"))
  let lines = text.split(separator: "\n")
  #expect(lines.count == 22)
  #expect(lines[0] == "Line 2: No helper has the id “nobody1”.")
  #expect(lines[20] == "… and 5 more bad rows.")
  #expect(lines[21] == "Nothing was recorded.")
  try expectNothingRecorded(registry)
}

@Test func theEventDetailIsTheJSONThatJSONEncoderWrites() throws {
  let detail = [
    "note": "Salle \"B\" / 2\\3\n\t\r\u{08}\u{0C}\u{01}\u{1F} é 🙂", "course": "ecoute-active", "a": "", "line": "12",
  ]
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  #expect(Registry.detailJSON(detail) == String(decoding: try encoder.encode(detail), as: UTF8.self))
  #expect(Registry.detailJSON([:]) == "{}")
}
