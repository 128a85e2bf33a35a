import Foundation
import Testing

@Suite struct CoursesCommandTests {
  @Test func listShowsEachShippedCourseWithWhatItCountsFor() throws {
    let result = try Entraide.run(["courses", "--courses", Entraide.coursesDirectory.path, "--lang", "fr"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("Cours ") == true)
    let referral = try #require(lines.first { $0.hasPrefix("referer ") })
    #expect(referral.hasSuffix("Entraidant·e (formation initiale)"))
    let refresher = try #require(lines.first { $0.hasPrefix("prevention-suicide-rappel ") })
    #expect(refresher.hasSuffix("Sentinelle en prévention du suicide (renouvellement)"))
    #expect(result.stderr == "")
  }

  @Test func listMarksTheTourAsTheAuthorsTourInBothLanguages() throws {
    let french = try Entraide.run(["courses", "--courses", Entraide.coursesDirectory.path, "--lang", "fr"])
    let tourFR = try #require(french.stdout.split(separator: "\n").first { $0.hasPrefix("format-tour ") })
    #expect(tourFR.hasSuffix("visite du format pour les autrices et auteurs de cours (pas une formation)"))
    let english = try Entraide.run(["courses", "--courses", Entraide.coursesDirectory.path, "--lang", "en"])
    let tourEN = try #require(english.stdout.split(separator: "\n").first { $0.hasPrefix("format-tour ") })
    #expect(tourEN.hasSuffix("format tour for course authors (not a training course)"))
    // A training course keeps what it counts for.
    let referral = try #require(english.stdout.split(separator: "\n").first { $0.hasPrefix("referer ") })
    #expect(referral.hasSuffix("(initial training)"))
  }

  @Test func showOutlinesTheTourInEnglish() throws {
    let result = try Entraide.run(["courses", "show", "format-tour", "--courses", Entraide.coursesDirectory.path])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Format tour (format-tour, version 1.0)\n"))
    #expect(result.stdout.contains("  2. The coffee break (role-play, 3 scenes; 3 points to pass)\n"))
    #expect(result.stdout.contains("  3. Check (quiz, 5 questions; 75% to pass)\n"))
    #expect(result.stdout.contains("Counts for: format tour for course authors (not a training course)\n"))
  }

  @Test func anUnknownCourseNamesTheAvailableOnes() throws {
    let folder = try Entraide.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    // No schema/ folder: the schemas are built in.
    try FileManager.default.copyItem(
      at: Entraide.coursesDirectory.appendingPathComponent("format-tour.xml"),
      to: folder.appendingPathComponent("format-tour.xml"))
    try """
    <certifications xmlns="urn:entraide:certification:1">
      <certification id="c" validity="P1Y" window="P90D" lapse="P1Y">
        <title xml:lang="fr">C</title>
        <initial><course ref="format-tour"/></initial>
        <renewal><course ref="format-tour"/></renewal>
      </certification>
    </certifications>
    """.write(
      to: folder.appendingPathComponent("certifications.xml"), atomically: true, encoding: .utf8)
    let result = try Entraide.run(["courses", "show", "tour", "--courses", folder.path, "--lang", "fr"])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "entraide : erreur : Aucun cours « tour » dans le dossier des cours « \(folder.path) ». Cours disponibles : format-tour.\n"
    )
  }
}
