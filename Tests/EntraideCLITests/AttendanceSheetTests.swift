import Foundation
import Testing

/// A sandbox with courses and five helpers: Marie Tremblay, Jean Côté, Lee Ann, Ana Roy, Paul Fortin.
private func trainingDay() throws -> (RegistrySandbox, [String], [String]) {
  let sandbox = try RegistrySandbox()
  let courses = try sandbox.makeCourses()
  let ids = try sandbox.addHelpers(["Marie Tremblay", "Jean Côté", "Lee Ann", "Ana Roy", "Paul Fortin"])
  return (sandbox, ["--courses", courses.path], ids)
}

/// Writes `text` as a French spreadsheet's CSV export: a byte-order mark, semicolons as the text says, CRLF.
private func writeSheet(_ text: String, in sandbox: RegistrySandbox, name: String = "journee.csv") throws -> String {
  var data = Data([0xEF, 0xBB, 0xBF])
  data.append(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
  let path = sandbox.folder.appendingPathComponent(name).path
  try data.write(to: URL(fileURLWithPath: path))
  return path
}

@Test func aTrainingDayOfFiveHelpersFromAFrenchSpreadsheetShowsInTheRoster() throws {
  let (sandbox, courses, ids) = try trainingDay()
  #expect(ids == ["mtremblay", "jcote", "lann", "aroy", "pfortin"])
  let path = try writeSheet(
    """
    Identifiant;Cours;Date;Note
    mtremblay;ecoute-active;2026-11-20;Sherbrooke
    mtremblay;referer;2026-11-20;Sherbrooke
    jcote;ecoute-active;2026-11-20;
    lann;ecoute-active;2026-11-20;"Salle 2; matin"
    lann;referer;2026-11-21;
    aroy;prevention-suicide;2026-11-21;
    pfortin;ecoute-active;2026-11-21;

    """, in: sandbox)
  var result = try sandbox.run(["record", "--from", path] + courses, language: "fr_CA.UTF-8")
  #expect(result.status == 0, "\(result.stderr)")
  #expect(
    result.stdout == """
      7 cours enregistrés pour 5 entraidant·es (« journee.csv ») ; 3 certifications accordées ou renouvelées :
        mtremblay — Entraidant·e : valide jusqu’au 2027-11-19
        aroy — Sentinelle : valide jusqu’au 2027-11-20
        lann — Entraidant·e : valide jusqu’au 2027-11-20

      """)
  result = try sandbox.run(["roster", "--certification", "entraidant"] + courses, language: "fr_CA.UTF-8")
  #expect(
    result.stdout == """
      Région  Syndicat  Nom             Identifiant  Certification  Statut        Certifié·e le  Valide jusqu’au  Jours restants
      Estrie  CSN 123   Ana Roy         aroy         Entraidant·e   jamais        —              —                —
      Estrie  CSN 123   Jean Côté       jcote        Entraidant·e   en formation  —              —                —
      Estrie  CSN 123   Lee Ann         lann         Entraidant·e   certifié·e    2026-11-21     2027-11-20       363
      Estrie  CSN 123   Marie Tremblay  mtremblay    Entraidant·e   certifié·e    2026-11-20     2027-11-19       362
      Estrie  CSN 123   Paul Fortin     pfortin      Entraidant·e   en formation  —              —                —

      Lignes : 5 (entraidant·es : 5). Certifié·es : 2 ; à renouveler : 0 ; expiré·es : 0 ; périmé·es : 0 ; en formation : 2 ; jamais formé·es : 1.

      """)
}

@Test func aSheetWithOneBadRowRecordsNothing() throws {
  let (sandbox, courses, _) = try trainingDay()
  let path = try writeSheet(
    """
    identifiant;cours;date;note
    mtremblay;ecoute-active;2026-11-20;
    jcote;ecoute-active;2026-11-20;
    lann;ecoute-active;2026-11-31;
    aroy;ecoute-active;2026-11-20;

    """, in: sandbox)
  var result = try sandbox.run(["record", "--from", path] + courses, language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(result.stdout == "")
  #expect(
    result.stderr == """
      entraide : erreur : Ligne 4 : La date « 2026-11-31 » n’est pas valide : attendu AAAA-MM-JJ, un jour qui existe.
      Rien n’a été enregistré.

      """)
  result = try sandbox.run(["roster", "--format", "csv", "--status", "in-training"] + courses)
  #expect(result.stdout == "helper_id,name,local,region,certification,status,certified_on,valid_through,days_left\r\n")
  for id in ["mtremblay", "jcote", "aroy"] {
    result = try sandbox.run(["status", id, "--format", "json"] + courses)
    #expect(result.stdout.contains("\"courses_passed\" : [\n\n  ]"), "\(id)")
  }
}

@Test func recordFromTakesNoOtherArgumentsAndRecordNeedsThem() throws {
  let (sandbox, courses, _) = try trainingDay()
  var result = try sandbox.run(["record", "mtremblay", "--from", "x.csv"] + courses)
  #expect(result.status == 2)
  #expect(result.stderr.hasPrefix("Error: --from takes no HELPER, COURSE, --date or --note: the sheet gives them.\n"))
  result = try sandbox.run(["record", "mtremblay", "ecoute-active"] + courses, language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(result.stderr.hasPrefix("Erreur : Indiquez HELPER COURSE --date AAAA-MM-JJ, ou --from FICHIER.csv.\n"))
}

@Test func aSheetWithABidiControlInANoteRecordsNothingAndNamesTheLine() throws {
  let (sandbox, courses, _) = try trainingDay()
  let path = try writeSheet(
    "helper_id,course,date,note\nmtremblay,ecoute-active,2026-11-20,Salle B\njcote,ecoute-active,2026-11-20,Salle\u{202E}A\n",
    in: sandbox)
  let result = try sandbox.run(["record", "--from", path] + courses)
  #expect(result.status == 2)
  #expect(result.stdout == "")
  #expect(
    result.stderr == """
      entraide: error: Line 3: The note holds an invisible control or text-direction character (U+202E); remove it.
      Nothing was recorded.

      """)
  let status = try sandbox.run(["status", "mtremblay", "--format", "json"] + courses)
  #expect(status.stdout.contains("\"courses_passed\" : [\n\n  ]"))
}
