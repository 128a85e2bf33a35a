import CourseModel
import Foundation
import Testing

@Test func helpersAddListShowEditDeactivate() throws {
  let sandbox = try RegistrySandbox()
  var result = try sandbox.run([
    "helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 123", "--region", "Estrie",
  ])
  #expect(result.status == 0)
  #expect(result.stdout == "Helper added: Marie Tremblay (mtremblay).\n")
  result = try sandbox.run(
    [
      "helpers", "add", "--name", "Jean Côté", "--local", "FTQ 1", "--region", "Laval", "--id", "jcote", "--email",
      "j@x.ca",
    ],
    language: "fr_CA.UTF-8")
  #expect(result.stdout == "Entraidant·e ajouté·e : Jean Côté (jcote).\n")

  result = try sandbox.run(["helpers", "list"])
  #expect(result.status == 0)
  #expect(
    result.stdout == """
      ID         Name            Local    Region  Email
      jcote      Jean Côté       FTQ 1    Laval   j@x.ca
      mtremblay  Marie Tremblay  CSN 123  Estrie

      """)

  result = try sandbox.run(["helpers", "edit", "mtremblay", "--region", "Montérégie", "--reason", "moved"])
  #expect(result.stdout == "Helper updated: Marie Tremblay (mtremblay).\n")
  result = try sandbox.run(["helpers", "deactivate", "jcote", "--reason", "left"], language: "fr_CA.UTF-8")
  #expect(result.stdout == "Entraidant·e désactivé·e : Jean Côté (jcote) ; son historique est conservé.\n")

  result = try sandbox.run(["helpers", "list"], language: "fr_CA.UTF-8")
  #expect(
    result.stdout == """
      ID         Nom             Syndicat  Région      Courriel
      mtremblay  Marie Tremblay  CSN 123   Montérégie

      """)
  result = try sandbox.run(["helpers", "list", "--all"])
  #expect(result.stdout.contains("jcote      Jean Côté       FTQ 1    Laval       j@x.ca  no\n"))

  result = try sandbox.run(["helpers", "show", "mtremblay"])
  #expect(result.status == 0)
  #expect(result.stdout.hasPrefix("Id      mtremblay\nName    Marie Tremblay\nLocal   CSN 123\nRegion  Montérégie\n"))
  #expect(result.stdout.hasSuffix("\nNo attempts.\n"))
}

@Test func controlAndBidiCharactersAreRefusedNamingTheField() throws {
  let sandbox = try RegistrySandbox()
  var result = try sandbox.run(
    ["helpers", "add", "--name", "Evil\u{1B}[31mRed", "--local", "L", "--region", "R", "--id", "evil"])
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide: error: The name holds an invisible control or text-direction character (U+001B); remove it.\n")
  result = try sandbox.run(
    ["helpers", "add", "--name", "Ann Lee", "--local", "L", "--region", "\u{202E}eirtsE"], language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide : erreur : La région contient un caractère invisible de contrôle ou de direction du texte (U+202E) ; retirez-le.\n"
  )
  try sandbox.addHelpers(["Ann Lee"])
  result = try sandbox.run(["helpers", "edit", "alee", "--local", "CSN\u{2066}1"])
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide: error: The union local holds an invisible control or text-direction character (U+2066); remove it.\n"
  )
  let csv = sandbox.folder.appendingPathComponent("h.csv")
  try Data("nom;syndicat;région\nBob Ray;L;R\nZoé Roy;L\u{200F};R\n".utf8).write(to: csv)
  result = try sandbox.run(["helpers", "import", csv.path], language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide : erreur : Ligne 3 : Le syndicat (local) contient un caractère invisible de contrôle ou de direction du texte (U+200F) ; retirez-le. Rien n’a été importé.\n"
  )
  result = try sandbox.run(["helpers", "list"])
  #expect(result.stdout == "ID    Name     Local    Region  Email\nalee  Ann Lee  CSN 123  Estrie\n")
}

@Test func whatAnOlderRegistryHoldsIsShownCleaned() throws {
  let sandbox = try RegistrySandbox()
  try sandbox.addHelpers(["Ann Lee"])
  // A registry written before the refusal: the values are put there directly.
  let sql = """
    UPDATE helpers SET name = 'Ann' || char(8238) || 'eeL' || char(8236) || char(27) || '[2J',
      local = 'CSN' || char(7) || ' 1', region = char(8294) || 'Estrie' || char(8297) WHERE id = 'alee';
    """
  let sqlite = Process()
  sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
  sqlite.arguments = [sandbox.database, sql]
  try sqlite.run()
  sqlite.waitUntilExit()
  #expect(sqlite.terminationStatus == 0)

  var result = try sandbox.run(["helpers", "list"])
  #expect(result.stdout == "ID    Name    Local  Region  Email\nalee  AnneeL  CSN 1  Estrie\n")
  result = try sandbox.run(["helpers", "show", "alee"])
  #expect(result.stdout.hasPrefix("Id      alee\nName    AnneeL\nLocal   CSN 1\nRegion  Estrie\n"))
  let courses = ["--courses", try sandbox.makeCourses().path]
  result = try sandbox.run(["status", "alee"] + courses)
  #expect(result.stdout.hasPrefix("AnneeL (alee) — CSN 1, Estrie\nAs of 2026-11-22\n"))
  for format in ["table", "csv", "html", "json"] {
    result = try sandbox.run(["roster", "--format", format] + courses)
    #expect(result.status == 0)
    let scalars = result.stdout.unicodeScalars
    #expect(!scalars.contains { $0.isControlOrBidi && $0 != "\n" && $0 != "\r" }, "\(format)")
  }
  // JSON keeps the data, escaped.
  result = try sandbox.run(["roster", "--format", "json"] + courses)
  #expect(result.stdout.contains(#""name": "Ann\u202eeeL\u202c\u001b[2J","#))
}

@Test func anUnknownHelperSuggestsTheClosestIDs() throws {
  let sandbox = try RegistrySandbox()
  try sandbox.addHelpers(["Marie Tremblay", "Marc Tremblay", "Ann Lee"])
  var result = try sandbox.run(["helpers", "show", "mtrembley"])
  #expect(result.status == 2)
  #expect(result.stdout == "")
  #expect(result.stderr == "entraide: error: No helper has the id “mtrembley”. Did you mean: mtremblay, mtremblay2?\n")
  result = try sandbox.run(["helpers", "deactivate", "ale"], language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(
    result.stderr == "entraide : erreur : Aucun·e entraidant·e n’a l’identifiant « ale ». Vouliez-vous dire : alee ?\n")
  #expect(try sandbox.run(["helpers", "list"]).stdout.contains("alee"))
}

@Test func aDuplicateIDIsRefused() throws {
  let sandbox = try RegistrySandbox()
  try sandbox.addHelpers(["Marie Tremblay"])
  let result = try sandbox.run(
    ["helpers", "add", "--name", "Other", "--local", "L", "--region", "R", "--id", "MTREMBLAY"])
  #expect(result.status == 2)
  #expect(result.stderr == "entraide: error: The id “MTREMBLAY” is already taken; choose another with --id.\n")
  #expect(try sandbox.run(["helpers", "list"]).stdout.components(separatedBy: "\n").count == 3)
}

@Test func anEmptyNameIsRefused() throws {
  let sandbox = try RegistrySandbox()
  let result = try sandbox.run(
    ["helpers", "add", "--name", "  ", "--local", "L", "--region", "R"], language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(result.stderr == "entraide : erreur : Le nom ne peut pas être vide.\n")
  #expect(try sandbox.run(["helpers", "list"]).stdout == "No helpers.\n")
}

@Test func importAcceptsASpreadsheetExportAllOrNothing() throws {
  let sandbox = try RegistrySandbox()
  let good = sandbox.folder.appendingPathComponent("good.csv")
  try
    (Data([0xEF, 0xBB, 0xBF])
    + Data("nom;syndicat;région;courriel\r\nMarie Tremblay;CSN 123;Estrie;m@x.ca\r\nJean Côté;FTQ 1;Laval;\r\n".utf8))
    .write(to: good)
  var result = try sandbox.run(["helpers", "import", good.path], language: "fr_CA.UTF-8")
  #expect(result.status == 0)
  #expect(result.stdout == "2 entraidant·es importé·es :\n  mtremblay  Marie Tremblay\n  jcote      Jean Côté\n")

  let bad = sandbox.folder.appendingPathComponent("bad.csv")
  try Data("name,local,region,id\nAnn Lee,FTQ 2,Laval,alee\nBob Roy,FTQ 2,Laval,\nDup,FTQ 2,Laval,jcote\n".utf8).write(
    to: bad)
  result = try sandbox.run(["helpers", "import", bad.path])
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide: error: Line 4: The id “jcote” is already taken; choose another with --id. Nothing was imported.\n")
  result = try sandbox.run(["helpers", "list"])
  #expect(!result.stdout.contains("alee"))
  #expect(!result.stdout.contains("Bob"))

  let header = sandbox.folder.appendingPathComponent("header.csv")
  try Data("name;region\nAnn;Laval\n".utf8).write(to: header)
  result = try sandbox.run(["helpers", "import", header.path])
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide: error: The CSV header must name the columns name, local, region (or nom, syndicat, région); missing: local. Nothing was imported.\n"
  )
}

@Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
  let sandbox = try RegistrySandbox()
  let path = sandbox.folder.appendingPathComponent("notes.txt").path
  let bytes = Data("Ceci n'est pas une base.\n".utf8)
  try bytes.write(to: URL(fileURLWithPath: path))
  let result = try sandbox.run(["helpers", "list", "--db", path], language: "fr_CA.UTF-8")
  #expect(result.status == 1)
  #expect(
    result.stderr
      == "entraide : erreur : « \(path) » n’est pas une base de données SQLite ; le fichier n’a pas été modifié.\n")
  #expect(sandbox.contents(path) == bytes)
  #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder.path) == ["notes.txt"])
}

/// Whether python3 (with its sqlite3 module) can stand in for a newer Entraide writing the file.
let hasPython = ["/usr/bin/python3", "/usr/local/bin/python3"].contains {
  FileManager.default.isExecutableFile(atPath: $0)
}

// The same refusal is tested without python3 in RegistryTests (StorageTests).
@Test(.enabled(if: hasPython)) func aRegistryFromANewerEntraideIsRefusedUntouched() throws {
  let sandbox = try RegistrySandbox()
  try sandbox.addHelpers(["Marie Tremblay"])
  // What a newer Entraide would leave: a migration this one does not know.
  let sqlite = Process()
  sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  sqlite.arguments = [
    "python3", "-c",
    """
    import sqlite3, sys
    c = sqlite3.connect(sys.argv[1])
    c.execute("INSERT INTO grdb_migrations VALUES ('v2-future')")
    c.commit()
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    """, sandbox.database,
  ]
  try sqlite.run()
  sqlite.waitUntilExit()
  try #require(sqlite.terminationStatus == 0)
  let before = sandbox.contents(sandbox.database)
  let result = try sandbox.run(["helpers", "list"])
  #expect(result.status == 1)
  #expect(
    result.stderr
      == "entraide: error: The registry “\(sandbox.database)” was written by a newer version of Entraide; please update Entraide. The file was left untouched.\n"
  )
  #expect(sandbox.contents(sandbox.database) == before)
}

@Test func anEmptyDatabasePathIsRefused() throws {
  let sandbox = try RegistrySandbox()
  let result = try sandbox.run(["helpers", "list", "--db", ""])
  #expect(result.status == 2)
  #expect(result.stderr == "entraide: error: The registry path (--db) is empty.\n")
  #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder.path).isEmpty)
}

@Test func aFolderThatCannotBeCreatedIsReported() throws {
  let sandbox = try RegistrySandbox()
  let file = sandbox.folder.appendingPathComponent("plain")
  try Data().write(to: file)
  let result = try sandbox.run(["helpers", "list", "--db", file.path + "/registry.sqlite"])
  #expect(result.status == 1)
  #expect(
    result.stderr
      == "entraide: error: Cannot create the folder “\(file.path)” for the registry (missing or protected folder).\n")
}

#if os(Linux)
  @Test func aReadOnlyFolderIsReported() throws {
    let sandbox = try RegistrySandbox()
    let result = try sandbox.run(
      ["helpers", "add", "--name", "Ann Lee", "--local", "L", "--region", "R", "--db", "/proc/registry.sqlite"],
      language: "fr_CA.UTF-8")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "entraide : erreur : Le dossier « /proc » est en lecture seule : impossible d’y créer le registre.\n"
    )
  }
#endif

@Test func theDefaultRegistryIsUnderXDGDataHomeOwnerOnly() throws {
  let sandbox = try RegistrySandbox()
  let dataHome = sandbox.folder.appendingPathComponent("xdg").path
  let result = try Entraide.run(
    ["helpers", "add", "--name", "Marie Tremblay", "--local", "L", "--region", "R"],
    environment: ["XDG_DATA_HOME": dataHome, "USER": "coord"])
  #expect(result.status == 0)
  let path = dataHome + "/entraide/registry.sqlite"
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  let folder = try FileManager.default.attributesOfItem(atPath: dataHome + "/entraide")
  #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
}

@Test func theAuditHistoryNamesWhoAndWhy() throws {
  let sandbox = try RegistrySandbox()
  _ = try sandbox.run(["helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 123", "--region", "Estrie"])
  _ = try sandbox.run(["helpers", "edit", "mtremblay", "--local", "CSN 456", "--reason", "typo", "--by", "lucie"])
  _ = try sandbox.run(
    ["helpers", "deactivate", "mtremblay", "--reason", "left the network"], environment: ["USER": "marc"])
  let result = try sandbox.run(["helpers", "show", "mtremblay"])
  #expect(result.status == 0)
  let lines = result.stdout.components(separatedBy: "\n")
  let start = try #require(lines.firstIndex(of: "History:"))
  let history = lines[(start + 1)...(start + 4)].map {
    $0.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "<time>", options: .regularExpression)
  }
  #expect(
    history == [
      "When                  By     Action              Reason",
      "<time>  coord  helper-added",
      "<time>  lucie  helper-edited       typo",
      "<time>  marc   helper-deactivated  left the network",
    ])
}

/// Two processes creating one new registry at once: one may apply a migration between the other's reading of
/// what is applied and its applying it (seen 3 times in 60 rounds before `Registry.migrate` read again).
@Test func twoProcessesCreatingOneNewRegistryBothSucceed() async throws {
  for round in 0..<12 {
    let sandbox = try RegistrySandbox()
    async let first = Task.detached {
      try sandbox.run([
        "helpers", "add", "--name", "Marie Tremblay", "--local", "L", "--region", "R", "--id", "a\(round)",
      ])
    }.value
    async let second = Task.detached {
      try sandbox.run(["helpers", "add", "--name", "Jean Côté", "--local", "L", "--region", "R", "--id", "b\(round)"])
    }.value
    let results = try await [first, second]
    #expect(results.map(\.status) == [0, 0], "\(results.map(\.stderr))")
    #expect(try sandbox.run(["helpers", "list"]).stdout.components(separatedBy: "\n").count == 4)
  }
}

/// Only adding helpers (and the menu) creates a registry: a read command on a mistyped path says so instead of
/// answering from an empty registry, and leaves no file behind.
@Test(arguments: [
  ["roster"], ["status", "mtremblay"], ["helpers", "list"], ["helpers", "show", "mtremblay"],
  ["record", "mtremblay", "ecoute-active", "--date", "2026-11-01"], ["run", "ecoute-active", "--helper", "mtremblay"],
  ["backup", "copie.sqlite"],
])
func aMissingRegistryIsNotCreatedByReading(_ arguments: [String]) throws {
  let sandbox = try RegistrySandbox()
  let missing = sandbox.folder.appendingPathComponent("registre.sqlite").path
  let result = try sandbox.run(
    arguments + ["--db", missing], language: "fr_CA.UTF-8",
    environment: ["ENTRAIDE_COURSES": Entraide.coursesDirectory.path])
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide : erreur : Aucun registre à « \(missing) » : vérifiez --db ou $ENTRAIDE_DB. Un registre se crée "
      + "en ajoutant un·e entraidant·e (entraide helpers add) ou depuis le menu (entraide).\n")
  #expect(!FileManager.default.fileExists(atPath: missing))
}

/// Reading never writes: the registry file is byte-identical after `status`, `roster`, `helpers list`,
/// `helpers show` and `courses`, and no `-wal` file is left beside it.
@Test func readCommandsLeaveTheRegistryFileByteIdentical() throws {
  let sandbox = try RegistrySandbox()
  let ids = try sandbox.addHelpers(["Marie Tremblay"])
  let courses = ["--courses", try sandbox.makeCourses().path]
  let recorded = try sandbox.run(
    ["record", ids[0], "ecoute-active", "--date", "2026-03-01"] + courses, today: "2026-11-02")
  #expect(recorded.status == 0, "\(recorded.stderr)")
  let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.database))
  for arguments in [
    ["status", ids[0]], ["roster"], ["roster", "--format", "csv"], ["helpers", "list"], ["helpers", "show", ids[0]],
    ["courses"],
  ] {
    let result = try sandbox.run(arguments + courses, today: "2026-11-02")
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.database)) == before, "\(arguments)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.database + "-wal"), "\(arguments)")
  }
}
