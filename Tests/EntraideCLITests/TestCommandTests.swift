import Foundation
import Testing

@Suite struct TestCommandTests {
  @Test func formatTourPassesAndNamesItsFailingPaths() throws {
    let result = try Entraide.run(["test", "Courses/format-tour.xml"], currentDirectory: Entraide.packageRoot)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        PASS format-tour (1 role-play: 2 endings reached, best 4, worst -1; 1 quiz: 200 seeds)
          pause-cafe: no passing run after choice 2 of scene 'accueil' ("You should take a vacation.")
          pause-cafe: no passing run after choice 2 of scene 'ouverture' ("I promise I'll never tell anyone, whatever happens."), a critical choice
        1 passed, 0 failed

        """)
  }

  @Test func frenchOutputKeepsTheEnglishClosingLineLast() throws {
    let result = try Entraide.run(
      ["test", "--lang", "fr", "--seeds", "20", "Courses/format-tour.xml"], currentDirectory: Entraide.packageRoot)
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        PASS format-tour (1 mise en situation : 2 fins atteintes, meilleur 4, pire -1 ; 1 questionnaire : 20 graines)
          pause-cafe : aucun parcours ne réussit après le choix 2 de la scène « accueil » (« Tu devrais prendre des vacances. »)
          pause-cafe : aucun parcours ne réussit après le choix 2 de la scène « ouverture » (« Je te promets que je n'en parlerai jamais à personne, quoi qu'il arrive. »), un choix critique
        1 cours réussi, 0 échoué
        1 passed, 0 failed

        """)
  }

  @Test func everyCourseOfTheFolderByDefaultAndExitOneOnFailure() throws {
    let folder = try TestCommandFixtures.coursesFolder(withDeadEnd: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Entraide.run(["test", "--seeds", "10"], environment: ["ENTRAIDE_COURSES": folder.path])
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        PASS format-tour (1 role-play: 2 endings reached, best 4, worst -1; 1 quiz: 10 seeds)
          pause-cafe: no passing run after choice 2 of scene 'accueil' ("You should take a vacation.")
          pause-cafe: no passing run after choice 2 of scene 'ouverture' ("I promise I'll never tell anyone, whatever happens."), a critical choice
        FAIL impasse (1 role-play: 0 endings reached)
          couloir: no run passes
          couloir: scene 'milieu' has no way out (x = 0)
          couloir: choice 2 of scene 'debut' is never offered ("Goodbye.")
          couloir: choice 1 of scene 'milieu' is never offered ("Shall we?")
          couloir: ending 'fin-bonne' is never reached
        1 passed, 1 failed

        """)
  }

  @Test func aCourseCanBeNamedByItsID() throws {
    let folder = try TestCommandFixtures.coursesFolder(withDeadEnd: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Entraide.run(["test", "--courses", folder.path, "--lang", "fr", "--seeds", "5", "impasse"])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("FAIL impasse (1 mise en situation : 0 fin atteinte)\n"))
    #expect(result.stdout.contains("  couloir : la scène « milieu » n'a aucune issue (x = 0)\n"))
    #expect(result.stdout.hasSuffix("0 cours réussi, 1 échoué\n0 passed, 1 failed\n"))
  }

  @Test func aCourseThatCannotBeReadFailsWithItsErrors() throws {
    let folder = try Entraide.temporaryDirectory("entraide-test-command")
    defer { try? FileManager.default.removeItem(at: folder) }
    let broken = folder.appendingPathComponent("broken.xml")
    try Data("<course xmlns=\"urn:entraide:course:1\" id=\"x\">".utf8).write(to: broken)
    let result = try Entraide.run(["test", broken.path], currentDirectory: Entraide.packageRoot)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "FAIL \(broken.path) (does not validate: fix the errors below)")
    #expect(lines.count >= 4)
    #expect(lines[1].hasPrefix("  \(broken.path):"))
    #expect(lines.dropLast().last == "0 passed, 1 failed")
  }

  @Test func badUsageExitsTwo() throws {
    let missing = try Entraide.run(["test", "nowhere"], currentDirectory: Entraide.packageRoot)
    #expect(missing.status == 2)
    #expect(missing.stdout == "")
    #expect(missing.stderr.hasPrefix("entraide: error: 'nowhere' is neither a file nor a course in '"))
    let empty = try Entraide.temporaryDirectory("entraide-test-command")
    defer { try? FileManager.default.removeItem(at: empty) }
    let none = try Entraide.run(["test", "--lang", "fr", "--courses", empty.path])
    #expect(none.status == 2)
    #expect(
      none.stderr
        == "entraide : erreur : aucun fichier de cours dans « \(empty.path) » ; donnez des fichiers ou --courses\n")
    let seeds = try Entraide.run(
      ["test", "--seeds", "0", "Courses/format-tour.xml"], currentDirectory: Entraide.packageRoot)
    #expect(seeds.status == 2)
    #expect(seeds.stderr == "entraide: error: --seeds must be at least 1\n")
  }
}
