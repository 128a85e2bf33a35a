import Foundation
import Testing

/// A courses folder of one's own: `format-tour.xml` and a certifications file naming it, no `schema/`.
private struct OwnFolder {
  let root: URL
  let courses: URL
  let db: URL

  init() throws {
    root = try Entraide.temporaryDirectory("entraide-catalogue")
    courses = root.appendingPathComponent("Courses")
    db = root.appendingPathComponent("registry.sqlite")
    try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Entraide.coursesDirectory.appendingPathComponent("format-tour.xml"),
      to: courses.appendingPathComponent("format-tour.xml"))
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <certifications xmlns="urn:entraide:certification:1">
      <certification id="entraidant" validity="P1Y" window="P90D" lapse="P1Y">
        <title xml:lang="fr">Entraidant·e</title>
        <title xml:lang="en">Peer helper</title>
        <initial><course ref="format-tour"/></initial>
        <renewal><course ref="format-tour"/></renewal>
      </certification>
    </certifications>
    """.write(to: courses.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
  }

  var environment: [String: String] {
    ["ENTRAIDE_DB": db.path, "ENTRAIDE_COURSES": courses.path, "ENTRAIDE_TODAY": "2026-11-22"]
  }

  func run(_ arguments: [String], stdin: String = "") throws -> RunResult {
    try Entraide.run(["--lang", "en"] + arguments, stdin: stdin, environment: environment)
  }
}

/// Every command that reads the courses folder: its arguments and standard input.
private let readers: [(name: String, arguments: [String], stdin: String)] = [
  ("run", ["run", "format-tour", "--helper", "mtremblay"], "q\n"),
  ("record", ["record", "mtremblay", "format-tour", "--date", "2026-11-20"], ""),
  ("status", ["status", "mtremblay"], ""),
  ("roster", ["roster"], ""),
  ("courses", ["courses"], ""),
  ("menu", [], "q\n"),
]

@Test func everyCommandWorksOnAFolderWithoutSchemas() throws {
  let folder = try OwnFolder()
  defer { try? FileManager.default.removeItem(at: folder.root) }
  #expect(!FileManager.default.fileExists(atPath: folder.courses.appendingPathComponent("schema").path))
  let add = try folder.run(["helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie"])
  #expect(add.status == 0, "\(add.stderr)")
  let record = try folder.run(["record", "mtremblay", "format-tour", "--date", "2026-11-20"])
  #expect(record.status == 0, "\(record.stderr)")
  #expect(
    record.stdout
      == "Course “format-tour” recorded for mtremblay, passed on 2026-11-20.\nPeer helper: valid through 2027-11-19\n")
  for reader in readers where reader.name != "record" {
    let result = try folder.run(reader.arguments, stdin: reader.stdin)
    // `run` pauses at `q` (3); the others end normally.
    #expect(result.status == (reader.name == "run" ? 3 : 0), "\(reader.name): \(result.stderr)")
    #expect(result.stderr.isEmpty, "\(reader.name): \(result.stderr)")
  }
}

/// One bad courses folder: how to break it, and the one message every command gives.
private struct BadFolder: CustomTestStringConvertible, Sendable {
  var name: String
  var breakFolder: @Sendable (URL) throws -> Void
  var message: @Sendable (URL) -> String

  var testDescription: String { name }
}

private let badFolders: [BadFolder] = [
  BadFolder(
    name: "no certifications.xml",
    breakFolder: { try FileManager.default.removeItem(at: $0.appendingPathComponent("certifications.xml")) },
    message: {
      "The certifications file “\($0.path)/certifications.xml” is missing; it says what each course certifies."
    }),
  BadFolder(
    name: "a broken certifications.xml",
    breakFolder: {
      try "<certifications xmlns=\"urn:entraide:certification:1\"><oops".write(
        to: $0.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
    },
    message: {
      "The certifications file “\($0.path)/certifications.xml” fails validation; entraide validate shows why."
    }
  ),
  BadFolder(
    name: "a course that fails validation",
    breakFolder: {
      try """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:entraide:course:1" id="bad" version="1" duration="PT5M">
        <title>Mauvais</title>
        <roleplay id="r" start="nulle-part">
          <title>R</title>
          <character id="luc" name="Luc"/>
          <scene id="a"><line by="luc">Allo</line><choice to="fin"><say>Oui</say></choice></scene>
          <ending id="fin" result="pass"/>
        </roleplay>
      </course>
      """.write(to: $0.appendingPathComponent("bad.xml"), atomically: true, encoding: .utf8)
    },
    message: { "The course “\($0.path)/bad.xml” fails validation; entraide validate shows why." }),
  BadFolder(
    name: "two files with the same course id",
    breakFolder: {
      try FileManager.default.copyItem(
        at: $0.appendingPathComponent("format-tour.xml"), to: $0.appendingPathComponent("tour-copy.xml"))
    },
    message: {
      "The course “format-tour” is defined in several files: “\($0.path)/format-tour.xml”, “\($0.path)/tour-copy.xml”; "
        + "give each course its own id."
    }),
  BadFolder(
    name: "no course at all",
    breakFolder: {
      try FileManager.default.removeItem(at: $0.appendingPathComponent("format-tour.xml"))
    },
    message: { "The courses folder “\($0.path)” holds no course file." }),
]

/// Each bad folder: every command refuses it with the same message (exit 2) and the registry is untouched.
@Test(arguments: badFolders)
private func everyCommandRefusesABadFolderAlike(_ bad: BadFolder) throws {
  let folder = try OwnFolder()
  defer { try? FileManager.default.removeItem(at: folder.root) }
  let add = try folder.run(["helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie"])
  #expect(add.status == 0, "\(add.stderr)")
  try bad.breakFolder(folder.courses)
  let before = try Data(contentsOf: folder.db)
  for reader in readers {
    let result = try folder.run(reader.arguments, stdin: reader.stdin)
    #expect(result.status == 2, "\(reader.name)")
    #expect(result.stderr == "entraide: error: \(bad.message(folder.courses))\n", "\(reader.name)")
    #expect(result.stdout.isEmpty, "\(reader.name)")
  }
  #expect(try Data(contentsOf: folder.db) == before)
  let events = try folder.run(["helpers", "show", "mtremblay"])
  #expect(!events.stdout.contains("format-tour"))
}

/// A courses folder that is missing, or a file in its place: every command, `validate` and `test` included,
/// refuses it with the same message (exit 2).
@Test func everyCommandRefusesAMissingFolderOrAFileInItsPlaceAlike() throws {
  let folder = try OwnFolder()
  defer { try? FileManager.default.removeItem(at: folder.root) }
  let add = try folder.run(["helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie"])
  #expect(add.status == 0, "\(add.stderr)")
  let all = readers + [("validate", ["validate"], ""), ("test", ["test"], "")]
  let path = folder.courses.path
  let cases: [(make: () throws -> Void, message: String)] = [
    (
      { try FileManager.default.removeItem(at: folder.courses) },
      "The courses folder “\(path)” does not exist; give it with --courses."
    ),
    (
      { try "not a folder".write(to: folder.courses, atomically: true, encoding: .utf8) },
      "“\(path)” is not a folder; give the courses folder with --courses."
    ),
  ]
  for example in cases {
    try example.make()
    for reader in all {
      let result = try folder.run(reader.arguments, stdin: reader.stdin)
      #expect(result.status == 2, "\(reader.name)")
      #expect(result.stderr == "entraide: error: \(example.message)\n", "\(reader.name)")
    }
  }
  let french = try Entraide.run(["--lang", "fr", "status", "mtremblay"], environment: folder.environment)
  #expect(
    french.stderr
      == "entraide : erreur : « \(folder.courses.path) » n’est pas un dossier ; indiquez le dossier des cours avec --courses.\n"
  )
}

/// The verdicts kept in `$XDG_CACHE_HOME/entraide/` never change what a command answers: a course edited
/// after its verdict was kept is refused with the usual message, a corrupt or unwritable cache is ignored.
@Test func keptVerdictsNeverChangeTheAnswer() throws {
  let folder = try OwnFolder()
  defer { try? FileManager.default.removeItem(at: folder.root) }
  let cache = folder.root.appendingPathComponent("cache")
  func run(_ arguments: [String], cacheHome: URL = cache) throws -> RunResult {
    try Entraide.run(
      ["--lang", "en"] + arguments,
      environment: folder.environment.merging(["XDG_CACHE_HOME": cacheHome.path]) { _, new in new })
  }
  let add = try run(["helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie"])
  #expect(add.status == 0, "\(add.stderr)")
  let courses = try run(["courses"])
  #expect(courses.status == 0, "\(courses.stderr)")
  #expect(courses.stdout.contains("format-tour"))
  let status = try run(["status", "mtremblay"])
  #expect(status.status == 0, "\(status.stderr)")
  let stored = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("entraide").path)
  #expect(stored.count == 1 && stored[0].hasPrefix("verdicts-") && stored[0].hasSuffix(".json"))
  let storedFile = cache.appendingPathComponent("entraide").appendingPathComponent(stored[0])
  let kept = try String(contentsOf: storedFile, encoding: .utf8)
  #expect(kept.contains("\"identity\":\"entraide 0.1.0 executable "))
  // From the kept verdicts: the same answers.
  #expect(try run(["courses"]).stdout == courses.stdout)
  #expect(try run(["status", "mtremblay"]).stdout == status.stdout)
  #expect(try String(contentsOf: storedFile, encoding: .utf8) == kept)

  // A course made invalid after its verdict was kept: refused by every reader, as without a cache.
  let tour = folder.courses.appendingPathComponent("format-tour.xml")
  let original = try String(contentsOf: tour, encoding: .utf8)
  try original.replacingOccurrences(of: "<choice to=\"conseil\">", with: "<choice to=\"nulle-part\">")
    .write(to: tour, atomically: true, encoding: .utf8)
  for reader in readers {
    let result = try Entraide.run(
      ["--lang", "en"] + reader.arguments, stdin: reader.stdin,
      environment: folder.environment.merging(["XDG_CACHE_HOME": cache.path]) { _, new in new })
    #expect(result.status == 2, "\(reader.name)")
    #expect(
      result.stderr == "entraide: error: The course “\(tour.path)” fails validation; entraide validate shows why.\n",
      "\(reader.name)")
  }

  // A corrupt cache file: ignored, the answer is the same, and the file is written again.
  try original.write(to: tour, atomically: true, encoding: .utf8)
  try "{\"identity\": \"entraide".write(to: storedFile, atomically: true, encoding: .utf8)
  let afterCorruption = try run(["courses"])
  #expect(afterCorruption.status == 0)
  #expect(afterCorruption.stdout == courses.stdout)
  #expect(afterCorruption.stderr.isEmpty)
  #expect(try String(contentsOf: storedFile, encoding: .utf8) == kept)

  // A cache folder that cannot be made (a file in its place): the command works without it.
  let blocked = folder.root.appendingPathComponent("not-a-folder")
  try "x".write(to: blocked, atomically: true, encoding: .utf8)
  let withoutCache = try run(["courses"], cacheHome: blocked)
  #expect(withoutCache.status == 0)
  #expect(withoutCache.stdout == courses.stdout)
  #expect(withoutCache.stderr.isEmpty)
}

/// Verdicts of other folders unused for 30 days are removed when verdicts are written; recent ones stay.
@Test func verdictsOfFoldersUnusedFor30DaysAreRemoved() throws {
  let folder = try OwnFolder()
  defer { try? FileManager.default.removeItem(at: folder.root) }
  let cache = folder.root.appendingPathComponent("cache/entraide")
  try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
  let old = cache.appendingPathComponent("verdicts-0000000000000000.json")
  let recent = cache.appendingPathComponent("verdicts-1111111111111111.json")
  let other = cache.appendingPathComponent("notes.json")
  for file in [old, recent, other] { try "{}".write(to: file, atomically: true, encoding: .utf8) }
  let longAgo = Date().addingTimeInterval(-31 * 24 * 3600)
  try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: old.path)
  try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: other.path)
  try FileManager.default.setAttributes(
    [.modificationDate: Date().addingTimeInterval(-29 * 24 * 3600)], ofItemAtPath: recent.path)
  let result = try Entraide.run(
    ["--lang", "en", "courses"],
    environment: folder.environment.merging(["XDG_CACHE_HOME": cache.deletingLastPathComponent().path]) { _, new in
      new
    })
  #expect(result.status == 0, "\(result.stderr)")
  let left = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
  #expect(left.count == 3)
  #expect(!left.contains(old.lastPathComponent))
  #expect(left.contains(recent.lastPathComponent) && left.contains(other.lastPathComponent))
}
