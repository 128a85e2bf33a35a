import Foundation
import PostgresTestCluster
import Testing

// End-to-end: the built binary on the test cluster's databases (`--db` / `ENTRAIDE_DB` as a URL).

extension RegistrySandbox {
  /// A sandbox whose registry is `database` on the test cluster, reached as `role`.
  init(
    server database: TestCluster.Database, role: String = TestCluster.ownerRole,
    password: String = TestCluster.ownerPassword
  ) throws {
    folder = try Entraide.temporaryDirectory("entraide-pg")
    self.database = database.url(role: role, password: password)
  }
}

/// The same commands, on SQLite and on PostgreSQL: helpers added, imported, edited, deactivated; courses
/// recorded; each store's `roster --format csv` returned.
@Test func theRosterCSVIsByteIdenticalOnSQLiteAndPostgreSQL() throws {
  let cluster = try TestCluster.shared()
  var outputs: [String] = []
  for sandbox in [try RegistrySandbox(), try RegistrySandbox(server: try cluster.makeDatabase())] {
    let courses = try sandbox.makeCourses()
    func run(_ arguments: [String]) throws -> RunResult {
      let result = try sandbox.run(arguments + ["--courses", courses.path])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }
    try sandbox.addHelpers(["Marie Tremblay", "Zoé Gagnon"], region: "Estrie")
    try sandbox.addHelpers(["marc Tremblay", "Éric Côté"], local: "FTQ 1", region: "Montréal")
    let csv = sandbox.folder.appendingPathComponent("people.csv")
    try Data("nom,syndicat,région\nAnne Roy,CSN 9,Laval\nMarie Tremblay,CSN 9,Laval\n".utf8).write(to: csv)
    _ = try run(["helpers", "import", csv.path])
    _ = try run(["helpers", "edit", "ecote", "--region", "Laval"])
    _ = try run(["helpers", "deactivate", "zgagnon"])
    for (helper, course, date) in [
      ("mtremblay", "ecoute-active", "2025-10-01"), ("mtremblay", "referer", "2025-10-02"),
      ("mtremblay", "ressourcement-annuel", "2026-09-01"), ("mtremblay2", "prevention-suicide", "2024-01-01"),
      ("mtremblay3", "ecoute-active", "2026-11-01"), ("aroy", "prevention-suicide", "2026-11-20"),
    ] {
      _ = try run(["record", helper, course, "--date", date])
    }
    outputs.append(try run(["roster", "--format", "csv"]).stdout)
  }
  #expect(outputs[0] == outputs[1])
  #expect(outputs[0].split(separator: "\r\n").count == 11)
  #expect(outputs[0].contains("mtremblay,Marie Tremblay,CSN 123,Estrie,entraidant,certified,2026-09-01,2027-10-01,"))
}

@Test func twoProcessesAddingAndRecordingAtOnceLoseNothing() throws {
  let database = try TestCluster.shared().makeDatabase()
  let sandbox = try RegistrySandbox(server: database)
  let courses = try sandbox.makeCourses()
  let failures = LockedList()
  DispatchQueue.concurrentPerform(iterations: 2) { worker in
    for index in 0..<4 {
      do {
        let id = "w\(worker)h\(index)"
        for arguments in [
          ["helpers", "add", "--name", "Anne Roy", "--id", id, "--local", "CSN 1", "--region", "Estrie"],
          ["helpers", "add", "--name", "Anne Roy", "--local", "CSN 1", "--region", "Estrie"],
          ["record", id, "prevention-suicide", "--date", "2026-11-0\(index + 1)", "--courses", courses.path],
        ] {
          let result = try sandbox.run(arguments)
          if result.status != 0 || !result.stderr.isEmpty { failures.add("\(arguments): \(result.stderr)") }
        }
      } catch {
        failures.add("\(error)")
      }
    }
  }
  #expect(failures.all.isEmpty)
  let list = try sandbox.run(["helpers", "list"])
  #expect(list.stdout.split(separator: "\n").filter { $0.contains("Estrie") }.count == 16)
  let roster = try sandbox.run(["roster", "--format", "csv", "--courses", courses.path])
  #expect(roster.status == 0, "\(roster.stderr)")
  #expect(roster.stdout.components(separatedBy: ",sentinelle,certified,").count - 1 == 8)
  let ids = Set(roster.stdout.split(separator: "\r\n").dropFirst().map { $0.prefix { $0 != "," } })
  #expect(ids.count == 16)
  #expect(ids.contains("aroy") && ids.contains("aroy8") && !ids.contains("aroy9"))
}

@Test func aRoleGrantedARegionSeesOnlyThatRegion() throws {
  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let role = "estrie_\(database.name.suffix(12))"
  try cluster.createRole(role, password: "pw-estrie")
  let owner = try RegistrySandbox(server: database)
  let courses = try owner.makeCourses()
  try owner.addHelpers(["Marie Tremblay"], region: "Estrie")
  try owner.addHelpers(["Paul Roy"], local: "FTQ 1", region: "Montréal")
  let granted = try owner.run(["access", "grant", role, "--region", "Estrie", "--region", "Outaouais"])
  #expect(granted.status == 0, "\(granted.stderr)")
  #expect(
    granted.stdout == """
      The role “\(role)” now sees: region Estrie, region Outaouais (read-write).
      Note: no helper is in the region “Outaouais” yet (scope accepted).

      """)
  let listed = try owner.run(["access", "list"], language: "fr_CA.UTF-8")
  #expect(
    listed.stdout.contains("\(role)  région Estrie, région Outaouais  lecture et écriture"), "\(listed.stdout)")

  let coordinator = try RegistrySandbox(server: database, role: role, password: "pw-estrie")
  let roster = try coordinator.run(["roster", "--format", "csv", "--courses", courses.path])
  #expect(roster.status == 0, "\(roster.stderr)")
  #expect(roster.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("mtremblay,") })
  #expect(roster.stdout.split(separator: "\r\n").count == 3)
  let record = try coordinator.run(
    ["record", "proy", "prevention-suicide", "--date", "2026-11-01", "--courses", courses.path])
  #expect(record.status == 2)
  #expect(record.stderr == "entraide: error: No helper has the id “proy”.\n")
  let add = try coordinator.run(
    ["helpers", "add", "--name", "Jean Roy", "--local", "FTQ 1", "--region", "Montréal"], language: "fr_CA.UTF-8")
  #expect(add.status == 2)
  #expect(
    add.stderr
      == "entraide : erreur : Hors de la portée du rôle « \(role) » (région Estrie, région Outaouais) : rien n’a été modifié.\n"
  )
  let access = try coordinator.run(["access", "list"])
  #expect(access.status == 1)
  #expect(
    access.stderr
      == "entraide: error: Only the registry’s owner role (“entraide_owner”) manages access; “\(role)” cannot.\n")
}

@Test func badServerRegistriesAreRefusedClearlyInBothLanguages() throws {
  let cluster = try TestCluster.shared()
  let sandbox = try RegistrySandbox()
  func run(_ url: String, _ arguments: [String] = ["helpers", "list"], language: String = "C") throws -> RunResult {
    try sandbox.run(arguments, language: language, environment: ["ENTRAIDE_DB": url])
  }
  // A malformed URL: never a folder named `postgresql:`.
  let malformed = try run("postgresql://coord:hunter2@db.example.org:port/registry")
  #expect(malformed.status == 2)
  #expect(
    malformed.stderr
      == "entraide: error: The registry URL “postgresql://coord:***@db.example.org:port/registry” is malformed: "
      + "the port must be a number from 1 to 65535. Expected: postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].\n"
  )
  let french = try run("postgresql://db.example.org/registry", language: "fr_CA.UTF-8")
  #expect(
    french.stderr
      == "entraide : erreur : L’adresse du registre « postgresql://db.example.org/registry » est mal formée : "
      + "l’utilisateur manque (UTILISATEUR@ avant l’hôte). Forme attendue : "
      + "postgresql://UTILISATEUR[:MOT_DE_PASSE]@HÔTE[:PORT]/BASE[?sslmode=require].\n")
  #expect(!FileManager.default.fileExists(atPath: sandbox.folder.appendingPathComponent("postgresql:").path))

  let unknownHost = try run("postgresql://coord:hunter2@no-such-host.invalid/registry")
  #expect(unknownHost.status == 1)
  #expect(
    unknownHost.stderr
      == "entraide: error: Unknown server: the name “no-such-host.invalid” matches no machine (check the registry URL).\n"
  )

  let refused = try run("postgres://coord:hunter2@127.0.0.1:1/registry", language: "fr_CA.UTF-8")
  #expect(refused.status == 1)
  #expect(
    refused.stderr
      == "entraide : erreur : Impossible de joindre le serveur du registre postgresql://coord@127.0.0.1:1/registry "
      + "(connexion refusée : aucun serveur n’écoute à cette adresse).\n")

  let database = try cluster.makeDatabase()
  let wrong = try run(database.url(password: "hunter2"))
  #expect(wrong.status == 1)
  #expect(
    wrong.stderr
      == "entraide: error: The server postgresql://entraide_owner@127.0.0.1:\(cluster.port)/\(database.name) refused "
      + "the user “entraide_owner” or its password (PGPASSWORD or the URL).\n")
  // The password from PGPASSWORD.
  let fromEnvironment = try sandbox.run(
    ["helpers", "add", "--name", "Anne Roy", "--local", "CSN 1", "--region", "Estrie"],
    environment: ["ENTRAIDE_DB": database.url(password: nil), "PGPASSWORD": TestCluster.ownerPassword])
  #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
  let events = cluster.psql("SELECT by, detail FROM events", database: database.name)
  #expect(events.stdout == "coord|{\"local\":\"CSN 1\",\"name\":\"Anne Roy\",\"region\":\"Estrie\"}\n")

  let foreign = try cluster.makeDatabase()
  _ = cluster.psql(
    "CREATE TABLE invoices (id int)", database: foreign.name, role: TestCluster.ownerRole,
    password: TestCluster.ownerPassword)
  let notRegistry = try run(foreign.url(), ["helpers", "add", "--name", "A B", "--local", "L", "--region", "R"])
  #expect(notRegistry.status == 1)
  #expect(
    notRegistry.stderr
      == "entraide: error: The database postgresql://entraide_owner@127.0.0.1:\(cluster.port)/\(foreign.name) already "
      + "holds tables but is not an Entraide registry; nothing was changed.\n")

  _ = cluster.psql("INSERT INTO entraide_schema VALUES (7, 'v7-future')", database: database.name)
  let newer = try run(database.url(), language: "fr_CA.UTF-8")
  #expect(newer.status == 1)
  #expect(
    newer.stderr
      == "entraide : erreur : Le registre postgresql://entraide_owner@127.0.0.1:\(cluster.port)/\(database.name) a été "
      + "créé par une version plus récente d’Entraide (schéma 7, celle-ci connaît 2) ; mettez Entraide à jour. "
      + "Rien n’a été modifié.\n")

  let empty = try cluster.makeDatabase()
  let noRegistry = try run(empty.url(), ["helpers", "list"])
  #expect(noRegistry.status == 2)
  #expect(
    noRegistry.stderr
      == "entraide: error: The database postgresql://entraide_owner@127.0.0.1:\(cluster.port)/\(empty.name) holds "
      + "no registry yet: check --db or $ENTRAIDE_DB. A registry is created by adding a helper (entraide helpers add) "
      + "or from the menu (entraide).\n")
  #expect(
    cluster.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: empty.name).stdout == "0\n")
}

@Test func accessNeedsAServerAndAScope() throws {
  let sandbox = try RegistrySandbox()
  try sandbox.addHelpers(["Marie Tremblay"])
  let onFile = try sandbox.run(["access", "grant", "estrie", "--region", "Estrie"], language: "fr_CA.UTF-8")
  #expect(onFile.status == 2)
  #expect(
    onFile.stderr
      == "entraide : erreur : Les portées d’accès demandent un registre partagé sur PostgreSQL ; « \(sandbox.database) » "
      + "est un fichier SQLite (un seul poste). Voir docs/federation.md.\n")

  let cluster = try TestCluster.shared()
  let database = try cluster.makeDatabase()
  let role = "lost_\(database.name.suffix(12))"
  try cluster.createRole(role, password: "pw-lost")
  let owner = try RegistrySandbox(server: database)
  try owner.addHelpers(["Marie Tremblay"])
  let noScope = try RegistrySandbox(server: database, role: role, password: "pw-lost").run(["helpers", "list"])
  #expect(noScope.status == 1)
  #expect(
    noScope.stderr
      == "entraide: error: The role “\(role)” has no scope in this registry: the owner role must first run "
      + "“entraide access grant \(role) --region REGION”.\n")
  let bare = try owner.run(["access", "grant", role])
  #expect(bare.status == 2)
  #expect(
    bare.stderr == "entraide: error: Give at least one region (--region) or local (--local) for the role “\(role)”.\n")
  let revoked = try owner.run(["access", "revoke", role])
  #expect(revoked.status == 2)
  #expect(revoked.stderr == "entraide: error: The role “\(role)” has no scope in this registry; nothing to revoke.\n")
}

/// Strings collected from several threads.
final class LockedList: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []

  func add(_ item: String) { lock.withLock { list.append(item) } }
  var all: [String] { lock.withLock { list } }
}

/// A laptop's registry moved to the server and back: `export json` from SQLite, `import json` into a fresh
/// PostgreSQL registry, `export json` again gives the same file; and from PostgreSQL into a new SQLite file.
@Test func exportJSONFromSQLiteImportIntoPostgreSQLExportAgainIsByteIdentical() throws {
  let (laptop, courses) = try RosterFixture.get()
  let folder = try Entraide.temporaryDirectory("entraide-pg-json")
  let first = folder.appendingPathComponent("laptop.json").path
  var result = try laptop.run(["export", "json", "-o", first] + courses)
  #expect(result.status == 0, "\(result.stderr)")
  let server = try RegistrySandbox(server: try TestCluster.shared().makeDatabase())
  result = try server.run(["import", "json", first], language: "fr_CA.UTF-8")
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout == "Importé : 7 entraidant·es, 12 tentatives, 6 cycles, 26 événements.\n")
  let second = folder.appendingPathComponent("server.json").path
  result = try server.run(["export", "json", "-o", second])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stderr == "Written to “\(second)”: 7 helpers, 12 attempts, 6 cycles, 26 events.\n")
  #expect(laptop.contents(second) == laptop.contents(first))
  #expect(
    try server.run(["roster", "--format", "csv"] + courses).stdout
      == laptop.run(["roster", "--format", "csv"] + courses).stdout)
  // A second import into the server is refused, nothing merged.
  result = try server.run(["import", "json", first])
  #expect(result.status == 2)
  #expect(
    result.stderr.hasPrefix(
      "entraide: error: Import refused, nothing was imported (every record must be new to this registry):\n  helpers: id already in this registry: "
    ))

  // PostgreSQL → SQLite.
  let back = folder.appendingPathComponent("back.sqlite").path
  result = try Entraide.run(["import", "json", second, "--db", back])
  #expect(result.status == 0, "\(result.stderr)")
  result = try Entraide.run(["export", "json", "--db", back])
  #expect(Data(result.stdout.utf8) == laptop.contents(first))
}

/// Answers `run`'s prompts with the oracle until it ends (at most `limit` answers); returns the answers sent.
private func answerUntilTheEnd(_ run: InteractiveRun, from chunk: String, limit: Int = 10) -> Int {
  var chunk = chunk
  var sent = 0
  while sent < limit {
    run.send(TourOracle.answer(to: chunk, play: .pass))
    sent += 1
    guard let next = run.nextPrompt() else { break }
    chunk = next
  }
  return sent
}

/// The server restarting in the middle of `run`: the helper is told (in their language), every answer saved
/// before is kept, and the session resumes from there once the server is back. A cluster of its own, since
/// its server stops twice.
@Test func theServerRestartingDuringARunIsToldKeepsTheSavedAnswersAndTheSessionResumes() throws {
  let cluster = try TestCluster.startPrivate()
  defer { cluster.stop() }
  let database = try cluster.makeDatabase()
  let fixture = try RunFixture(db: database.url())
  let helper = try fixture.addHelper()
  let server = "postgresql://entraide_owner@127.0.0.1:\(cluster.port)/\(database.name)"
  func savedState() -> String {
    cluster.psql("SELECT id, state, resume_state FROM attempts ORDER BY id", database: database.name).stdout
  }

  // Two pages and the first choice, each saved before the next prompt shows; then the server restarts.
  let (run, _) = try fixture.play(helper: helper, lang: "fr", play: .pass, answers: 3)
  let next = try #require(run.nextPrompt())
  #expect(next.contains("Une question ouverte laisse Luc libre de répondre."))
  let saved = savedState()
  #expect(saved.hasPrefix("1|in-progress|{"))
  try cluster.stopServer()
  #expect(answerUntilTheEnd(run, from: next) < 10)
  #expect(run.wait() == 1)
  #expect(
    run.stderr
      == "entraide : erreur : La connexion au serveur \(server) a été perdue ; ce qui avait été enregistré avant "
      + "est conservé. Réessayez une fois le serveur revenu.\n")
  try cluster.startServer()
  #expect(savedState() == saved)

  // Back: the session resumes after the saved choice (in English this time); cut again by a restart.
  let (resumed, after) = try fixture.play(helper: helper, lang: "en", play: .pass, answers: 2)
  #expect(after.first?.contains("Resuming “The coffee break”, scene 2…") == true, "\(after)")
  // The saved choice's feedback comes first, in the language of the day (English now).
  #expect(after.first?.contains("An open question leaves Luc free to answer.") == true, "\(after)")
  let prompt = try #require(resumed.nextPrompt())
  let savedAgain = savedState()
  try cluster.stopServer()
  _ = answerUntilTheEnd(resumed, from: prompt)
  #expect(resumed.wait() == 1)
  #expect(
    resumed.stderr
      == "entraide: error: The connection to the server \(server) was lost; everything saved before is kept. "
      + "Try again once the server is back.\n")
  try cluster.startServer()
  #expect(savedState() == savedAgain)

  let (finished, _) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(finished.wait() == 0, "stderr: \(finished.stderr)")
  #expect(finished.stdout.contains("✔ Course passed."))
  #expect(finished.stdout.contains("Peer helper: valid through 2027-11-21"))
  // One attempt, paused twice then finished.
  #expect(cluster.psql("SELECT count(*), min(state) FROM attempts", database: database.name).stdout == "1|passed\n")
  let attempts = try fixture.helpersShow(helper).split(separator: "\n").filter { $0.contains("format-tour") }
  #expect(attempts.count == 1, "\(attempts)")
  #expect(attempts.first?.contains("passed") == true, "\(attempts)")
}
