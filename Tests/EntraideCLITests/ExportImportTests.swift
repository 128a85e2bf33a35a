import Foundation
import Testing

@Test func exportJSONThenImportIntoAnEmptyRegistryThenExportIsByteIdentical() throws {
  let (sandbox, courses) = try RosterFixture.get()
  let folder = try Entraide.temporaryDirectory("entraide-export")
  let first = folder.appendingPathComponent("registry.json").path
  var result = try sandbox.run(["export", "json", "-o", first] + courses)
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout == "")
  #expect(result.stderr == "Written to “\(first)”: 7 helpers, 12 attempts, 6 cycles, 26 events.\n")
  // Another machine: a registry file that does not exist yet.
  let target = folder.appendingPathComponent("other/registry.sqlite").path
  result = try Entraide.run(
    ["import", "json", first, "--db", target], environment: ["LANG": "fr_CA.UTF-8", "USER": "coord"])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout == "Importé : 7 entraidant·es, 12 tentatives, 6 cycles, 26 événements.\n")
  result = try Entraide.run(["export", "json", "--db", target])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(Data(result.stdout.utf8) == sandbox.contents(first))
  // The same roster on both machines.
  let roster = try sandbox.run(["roster", "--format", "csv"] + courses)
  let copied = try Entraide.run(
    ["roster", "--format", "csv", "--db", target] + courses, environment: ["ENTRAIDE_TODAY": "2026-11-22"])
  #expect(copied.stdout == roster.stdout)
  // A second import into the same registry is refused: nothing is merged silently.
  result = try Entraide.run(["import", "json", first, "--db", target])
  #expect(result.status == 2)
  #expect(
    result.stderr.hasPrefix(
      "entraide: error: Import refused, nothing was imported (every record must be new to this registry):\n  helpers: id already in this registry: "
    ))
  // An existing output file is refused without --force.
  result = try sandbox.run(["export", "json", "-o", first] + courses)
  #expect(result.status == 1)
  #expect(result.stderr == "entraide: error: The file “\(first)” already exists; add --force to replace it.\n")
}

@Test func importingABrokenFileImportsNothing() throws {
  let folder = try Entraide.temporaryDirectory("entraide-import-bad")
  let file = folder.appendingPathComponent("broken.json")
  try Data("{\"format\": \"entraide-registry\", \"version\": 1, \"helpers\": [".utf8).write(to: file)
  let target = folder.appendingPathComponent("registry.sqlite").path
  let result = try Entraide.run(["import", "json", file.path, "--db", target], environment: ["LANG": "fr_CA.UTF-8"])
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide : erreur : Fichier de registre illisible : ce n’est pas du JSON valide (fichier tronqué ou abîmé). Rien n’a été importé.\n"
  )
  #expect(!FileManager.default.fileExists(atPath: target))
}
