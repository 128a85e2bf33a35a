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
