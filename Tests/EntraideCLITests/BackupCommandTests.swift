import Foundation
import Testing

@Suite struct BackupCommandTests {
  @Test func theCopyHoldsTheHelpersAndIsOwnerOnly() throws {
    let folder = try Entraide.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("registry.sqlite").path
    let copy = folder.appendingPathComponent("copy.sqlite").path
    let add = try Entraide.run([
      "helpers", "add", "--db", db, "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie",
    ])
    #expect(add.status == 0)
    let backup = try Entraide.run(["backup", copy, "--db", db, "--lang", "fr"])
    #expect(backup.status == 0)
    #expect(backup.stdout == "Registre copié dans « \(copy) ».\n")
    let permissions = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
    let list = try Entraide.run(["helpers", "list", "--db", copy])
    #expect(list.status == 0)
    #expect(list.stdout.contains("mtremblay  Marie Tremblay"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func anExistingFileIsNeverOverwritten() throws {
    let folder = try Entraide.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("registry.sqlite").path
    let existing = folder.appendingPathComponent("notes.txt")
    try Data("mes notes\n".utf8).write(to: existing)
    let add = try Entraide.run(["helpers", "add", "--name", "Ann Lee", "--local", "L", "--region", "R", "--db", db])
    #expect(add.status == 0)
    let result = try Entraide.run(["backup", existing.path, "--db", db])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "entraide: error: The file “\(existing.path)” already exists; a backup never replaces a file. Choose another name.\n"
    )
    #expect(try String(contentsOf: existing, encoding: .utf8) == "mes notes\n")
  }
}
