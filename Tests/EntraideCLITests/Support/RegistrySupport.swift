import Foundation

/// A temporary registry for end-to-end tests of the registry commands.
struct RegistrySandbox {
  let folder: URL
  let database: String

  init() throws {
    folder = try Entraide.temporaryDirectory("entraide-registry")
    database = folder.appendingPathComponent("data/registry.sqlite").path
  }

  /// Runs `entraide` on this registry, as user `coord`, with `ENTRAIDE_TODAY` and the language given.
  func run(
    _ arguments: [String], today: String? = "2026-11-22", language: String = "C", environment: [String: String] = [:]
  ) throws -> RunResult {
    var env = ["ENTRAIDE_DB": database, "USER": "coord", "LANG": language]
    if let today { env["ENTRAIDE_TODAY"] = today }
    env.merge(environment) { _, new in new }
    return try Entraide.run(arguments, environment: env, currentDirectory: folder)
  }

  /// Adds helpers by name with `helpers add`; returns their ids.
  @discardableResult
  func addHelpers(_ names: [String], local: String = "CSN 123", region: String = "Estrie") throws -> [String] {
    try names.map { name in
      let result = try run(["helpers", "add", "--name", name, "--local", local, "--region", region])
      guard result.status == 0, let open = result.stdout.lastIndex(of: "("),
        let close = result.stdout.lastIndex(of: ")")
      else { throw SandboxError.failed(result.stderr) }
      return String(result.stdout[result.stdout.index(after: open)..<close])
    }
  }

  /// A courses folder with the shipped schemas, `certifications.xml` (entraidant: ecoute-active + referer,
  /// renewed by ressourcement-annuel; sentinelle: prevention-suicide, renewed by prevention-suicide-rappel)
  /// and one small course per id (referer requires ecoute-active); `format-tour` grants nothing.
  func makeCourses() throws -> URL {
    let courses = folder.appendingPathComponent("Courses")
    let schema = courses.appendingPathComponent("schema")
    try FileManager.default.createDirectory(at: schema, withIntermediateDirectories: true)
    for file in ["course.xsd", "certifications.xsd", "xml.xsd"] {
      try FileManager.default.copyItem(
        at: Entraide.coursesDirectory.appendingPathComponent("schema/\(file)"), to: schema.appendingPathComponent(file))
    }
    try Data(Self.certifications.utf8).write(to: courses.appendingPathComponent("certifications.xml"))
    let list: [(String, String?)] = [
      ("ecoute-active", nil), ("referer", "ecoute-active"), ("ressourcement-annuel", nil),
      ("prevention-suicide", nil), ("prevention-suicide-rappel", "prevention-suicide"), ("format-tour", nil),
    ]
    for (id, requires) in list {
      try Data(Self.course(id: id, requires: requires).utf8).write(to: courses.appendingPathComponent("\(id).xml"))
    }
    return courses
  }

  static let certifications = """
    <?xml version="1.0" encoding="UTF-8"?>
    <certifications xmlns="urn:entraide:certification:1">
      <certification id="entraidant" validity="P1Y" window="P90D" lapse="P1Y">
        <title xml:lang="fr">Entraidant·e</title>
        <title xml:lang="en">Peer helper</title>
        <initial><course ref="ecoute-active"/><course ref="referer"/></initial>
        <renewal><course ref="ressourcement-annuel"/></renewal>
      </certification>
      <certification id="sentinelle" validity="P1Y" window="P60D" lapse="P6M">
        <title xml:lang="fr">Sentinelle</title>
        <title xml:lang="en">Sentinel</title>
        <initial><course ref="prevention-suicide"/></initial>
        <renewal><course ref="prevention-suicide-rappel"/></renewal>
      </certification>
    </certifications>

    """

  static func course(id: String, requires: String?) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <course xmlns="urn:entraide:course:1" id="\(id)" version="1.0" languages="fr en" duration="PT5M">
      <title xml:lang="fr">Cours \(id)</title>
      <title xml:lang="en">Course \(id)</title>
      \(requires.map { "<requires course=\"\($0)\"/>" } ?? "")
      <lesson id="l">
        <title xml:lang="fr">Leçon</title>
        <title xml:lang="en">Lesson</title>
        <page><p xml:lang="fr">Texte.</p><p xml:lang="en">Text.</p></page>
      </lesson>
    </course>

    """
  }

  /// The bytes of a file, or nil.
  func contents(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
  }
}

enum SandboxError: Error {
  case failed(String)
}
