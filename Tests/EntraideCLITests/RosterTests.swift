import Foundation
import Testing

/// Runs `entraide roster` on the shared fixture with the courses folder.
private func roster(_ arguments: [String], language: String = "C") throws -> RunResult {
  let (sandbox, courses) = try RosterFixture.get()
  return try sandbox.run(["roster"] + arguments + courses, language: language)
}

/// The ids of the rows of a CSV roster, in order.
private func ids(_ csv: String) -> [String] {
  csv.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
}

private let csvHeader = "helper_id,name,local,region,certification,status,certified_on,valid_through,days_left\r\n"

@Test func theRosterTableListsEveryActiveHelperAndCertification() throws {
  let result = try roster([])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stderr == "")
  #expect(
    result.stdout == """
      Region      Local    Name             Id          Certification  Status       Certified on  Valid through  Days left
      Estrie      CSN 123  Carla Certifiee  ccertifiee  Peer helper    certified    2026-10-02    2027-10-01     313
      Estrie      CSN 123  Carla Certifiee  ccertifiee  Sentinel       never        —             —              —
      Estrie      CSN 123  Dany Due         ddue        Peer helper    due          2025-12-01    2026-11-30     8
      Estrie      CSN 123  Dany Due         ddue        Sentinel       certified    2026-11-20    2027-11-19     362
      Laval       FTQ 1    Eve Expiree      eexpiree    Peer helper    expired      2025-06-01    2026-05-31     -175
      Laval       FTQ 1    Eve Expiree      eexpiree    Sentinel       never        —             —              —
      Laval       FTQ 1    Luc Perime       lperime     Peer helper    lapsed       2024-06-01    2025-05-31     -540
      Laval       FTQ 1    Luc Perime       lperime     Sentinel       never        —             —              —
      Montérégie  CSN 123  Tom Formation    tformation  Peer helper    in training  —             —              —
      Montérégie  CSN 123  Tom Formation    tformation  Sentinel       never        —             —              —
      Montérégie  FTQ 1    Nadia Jamais     njamais     Peer helper    never        —             —              —
      Montérégie  FTQ 1    Nadia Jamais     njamais     Sentinel       never        —             —              —

      Rows: 12 (peer helpers: 6). Certified: 2; due: 1; expired: 1; lapsed: 1; in training: 1; never trained: 6.

      """)
}

@Test func theRosterTableInFrench() throws {
  let result = try roster(["--certification", "entraidant"], language: "fr_CA.UTF-8")
  #expect(result.status == 0, "\(result.stderr)")
  #expect(
    result.stdout == """
      Région      Syndicat  Nom              Identifiant  Certification  Statut        Certifié·e le  Valide jusqu’au  Jours restants
      Estrie      CSN 123   Carla Certifiee  ccertifiee   Entraidant·e   certifié·e    2026-10-02     2027-10-01       313
      Estrie      CSN 123   Dany Due         ddue         Entraidant·e   à renouveler  2025-12-01     2026-11-30       8
      Laval       FTQ 1     Eve Expiree      eexpiree     Entraidant·e   expiré·e      2025-06-01     2026-05-31       -175
      Laval       FTQ 1     Luc Perime       lperime      Entraidant·e   périmé·e      2024-06-01     2025-05-31       -540
      Montérégie  CSN 123   Tom Formation    tformation   Entraidant·e   en formation  —              —                —
      Montérégie  FTQ 1     Nadia Jamais     njamais      Entraidant·e   jamais        —              —                —

      Lignes : 6 (entraidant·es : 6). Certifié·es : 1 ; à renouveler : 1 ; expiré·es : 1 ; périmé·es : 1 ; en formation : 1 ; jamais formé·es : 1.

      """)
}

@Test func theRosterCSVOfOneCertification() throws {
  let result = try roster(["--format", "csv", "--certification", "entraidant"])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(
    result.stdout == csvHeader
      + "ccertifiee,Carla Certifiee,CSN 123,Estrie,entraidant,certified,2026-10-02,2027-10-01,313\r\n"
      + "ddue,Dany Due,CSN 123,Estrie,entraidant,due,2025-12-01,2026-11-30,8\r\n"
      + "eexpiree,Eve Expiree,FTQ 1,Laval,entraidant,expired,2025-06-01,2026-05-31,-175\r\n"
      + "lperime,Luc Perime,FTQ 1,Laval,entraidant,lapsed,2024-06-01,2025-05-31,-540\r\n"
      + "tformation,Tom Formation,CSN 123,Montérégie,entraidant,in-training,,,\r\n"
      + "njamais,Nadia Jamais,FTQ 1,Montérégie,entraidant,never,,,\r\n")
}

@Test func theRosterJSONOfTwoStatuses() throws {
  let result = try roster(["--format", "json", "--status", "due,expired"])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(
    result.stdout == """
      [
        {
          "helper_id": "ddue",
          "name": "Dany Due",
          "local": "CSN 123",
          "region": "Estrie",
          "certification": "entraidant",
          "status": "due",
          "certified_on": "2025-12-01",
          "valid_through": "2026-11-30",
          "days_left": 8
        },
        {
          "helper_id": "eexpiree",
          "name": "Eve Expiree",
          "local": "FTQ 1",
          "region": "Laval",
          "certification": "entraidant",
          "status": "expired",
          "certified_on": "2025-06-01",
          "valid_through": "2026-05-31",
          "days_left": -175
        }
      ]

      """)
}

@Test func theRosterAgreesWithStatusForEveryHelper() throws {
  let (sandbox, courses) = try RosterFixture.get()
  let result = try roster(["--format", "json"])
  let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
  #expect(rows.count == 12)
  for helper in ["ccertifiee", "ddue", "eexpiree", "lperime", "tformation", "njamais"] {
    let status = try sandbox.run(["status", helper, "--format", "json"] + courses)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let standings = try #require(document["certifications"] as? [[String: Any]])
    for standing in standings {
      let row = try #require(
        rows.first {
          $0["helper_id"] as? String == helper && $0["certification"] as? String == standing["certification"] as? String
        })
      for key in ["status", "certified_on", "valid_through", "days_left"] {
        #expect("\(row[key] ?? "absent")" == "\(standing[key] ?? "absent")", "\(helper) \(key)")
      }
    }
  }
}

@Test func localAndRegionFiltersMatchExactlyIgnoringCaseButNotAccents() throws {
  #expect(
    ids(try roster(["--format", "csv", "--local", "csn 123"]).stdout) == [
      "ccertifiee", "ccertifiee", "ddue", "ddue", "tformation", "tformation",
    ])
  #expect(
    ids(try roster(["--format", "csv", "--region", "MONTÉRÉGIE", "--certification", "entraidant"]).stdout) == [
      "tformation", "njamais",
    ])
  #expect(
    ids(
      try roster(["--format", "csv", "--region", "laval", "--local", "FTQ 1", "--certification", "entraidant"]).stdout)
      == ["eexpiree", "lperime"])
  // A value no active helper has is refused (not an empty roster), the closest existing value first.
  let unaccented = try roster(["--region", "Monteregie"])
  #expect(unaccented.status == 2)
  #expect(unaccented.stdout == "")
  #expect(
    unaccented.stderr
      == "entraide: error: No active helper in the region “Monteregie”. Regions in the registry, closest first: Montérégie, Estrie, Laval.\n"
  )
  let partial = try roster(["--format", "json", "--local", "CSN"])
  #expect(partial.status == 2)
  #expect(partial.stdout == "")
  #expect(
    partial.stderr
      == "entraide: error: No active helper belongs to the local “CSN”. Locals in the registry, closest first: CSN 123, FTQ 1.\n"
  )
}

@Test func statusFiltersRepeatOrSeparateWithCommas() throws {
  #expect(
    ids(try roster(["--format", "csv", "--status", "lapsed", "--status", "in-training"]).stdout) == [
      "lperime", "tformation",
    ])
  #expect(
    ids(try roster(["--format", "csv", "--status", "Certified, due"]).stdout) == [
      "ccertifiee", "ddue", "ddue",
    ])
  #expect(
    ids(try roster(["--format", "csv", "--status", "never", "--certification", "entraidant"]).stdout) == ["njamais"])
}

@Test func dueWithinListsWhoMustRenewInTheNextDaysAndTheExpired() throws {
  #expect(ids(try roster(["--format", "csv", "--due-within", "0"]).stdout) == ["eexpiree"])
  #expect(ids(try roster(["--format", "csv", "--due-within", "8"]).stdout) == ["ddue", "eexpiree"])
  #expect(ids(try roster(["--format", "csv", "--due-within", "313"]).stdout) == ["ccertifiee", "ddue", "eexpiree"])
  #expect(
    ids(try roster(["--format", "csv", "--due-within", "362"]).stdout) == ["ccertifiee", "ddue", "ddue", "eexpiree"])
  #expect(ids(try roster(["--format", "csv", "--due-within", "30", "--status", "expired"]).stdout) == ["eexpiree"])
}

@Test func theCalendarHasTheWindowAndTheLastDayOfEachCycle() throws {
  let result = try roster(["--format", "ics", "--status", "due", "--lang", "en"])
  #expect(result.status == 0, "\(result.stderr)")
  let unfolded = result.stdout.replacingOccurrences(of: "\r\n ", with: "")
  let uids = unfolded.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
  #expect(
    uids == [
      "UID:entraide-ddue-entraidant-window-2026-09-02@entraide",
      "UID:entraide-ddue-entraidant-expires-2026-11-30@entraide",
    ])
  #expect(unfolded.contains("DTSTAMP:20261122T000000Z\r\nDTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"))
  #expect(unfolded.contains("SUMMARY:Last valid day: Dany Due\\, Peer helper\r\n"))
  #expect(result.stdout.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
}

@Test func theHTMLPageIsInTheInterfaceLanguage() throws {
  let result = try roster(["--format", "html", "--status", "lapsed"], language: "fr_CA.UTF-8")
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">\n"))
  #expect(result.stdout.contains("<h1>Registre des entraidant·es au 2026-11-22</h1>"))
  #expect(
    result.stdout.contains(
      "<tr class=\"lapsed\"><td>Laval</td><td>FTQ 1</td><td>Luc Perime</td><td>lperime</td><td>Entraidant·e</td>"
        + "<td>périmé·e</td><td>2024-06-01</td><td>2025-05-31</td><td class=\"number\">-540</td></tr>"))
  #expect(!result.stdout.contains("<script"))
}

@Test func outputFileIsWrittenAtomicallyAndReplacedWhole() throws {
  let (sandbox, _) = try RosterFixture.get()
  let folder = try Entraide.temporaryDirectory("entraide-roster-out")
  let path = folder.appendingPathComponent("roster.csv").path
  let old = Data(String(repeating: "old content\n", count: 1000).utf8)
  try old.write(to: URL(fileURLWithPath: path))
  let refused = try roster(["--format", "csv", "-o", path])
  #expect(refused.status == 1)
  #expect(refused.stdout == "")
  #expect(refused.stderr == "entraide: error: The file “\(path)” already exists; add --force to replace it.\n")
  #expect(sandbox.contents(path) == old)
  let result = try roster(
    ["--format", "csv", "--certification", "entraidant", "--status", "due", "-o", path, "--force"])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout == "")
  #expect(result.stderr == "Roster written to “\(path)” (1 row).\n")
  #expect(
    sandbox.contents(path)
      == Data(
        (csvHeader + "ddue,Dany Due,CSN 123,Estrie,entraidant,due,2025-12-01,2026-11-30,8\r\n").utf8))
  #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["roster.csv"])
  let french = try roster(["--format", "json", "-o", path, "--force"], language: "fr_CA.UTF-8")
  #expect(french.stderr == "Registre écrit dans « \(path) » (12 lignes).\n")
  #expect(sandbox.contents(path) == Data(try roster(["--format", "json"]).stdout.utf8))
  let none = try roster(["--local", "CSN 123", "--status", "expired", "--output", path, "--force"])
  #expect(none.stderr == "Roster written to “\(path)” (no rows).\n")
  #expect(sandbox.contents(path) == Data("No peer helper matches these criteria.\n".utf8))
}

@Test func badInputIsRefusedWithTheAcceptedValues() throws {
  let certification = try roster(["--certification", "entraidnat"])
  #expect(certification.status == 2)
  #expect(certification.stdout == "")
  #expect(
    certification.stderr
      == "entraide: error: No certification has the id “entraidnat”. Known certifications, closest first: entraidant, sentinelle.\n"
  )
  let french = try roster(["--certification", "x"], language: "fr_CA.UTF-8")
  #expect(
    french.stderr
      == "entraide : erreur : Aucune certification n’a l’identifiant « x ». Certifications connues, de la plus proche à la plus lointaine : entraidant, sentinelle.\n"
  )
  let status = try roster(["--status", "due,renewed"])
  #expect(status.status == 2)
  #expect(
    status.stderr
      == "entraide: error: --status “renewed” is not a known status. Accepted values, closest first: never, expired, lapsed, certified, due, in-training.\n"
  )
  let empty = try roster(["--status", "due,"])
  #expect(empty.status == 2)
  #expect(empty.stderr.hasPrefix("entraide: error: --status “” is not a known status."))
  for days in ["-5", "ten", "1.5"] {
    let result = try roster(["--due-within", days])
    #expect(result.status == 2)
    #expect(result.stderr == "entraide: error: --due-within “\(days)”: expected a whole number of days, 0 or more.\n")
  }
  let region = try roster(["--region", "Lavl"])
  #expect(region.status == 2)
  #expect(region.stdout == "")
  #expect(
    region.stderr
      == "entraide: error: No active helper in the region “Lavl”. Regions in the registry, closest first: Laval, Estrie, Montérégie.\n"
  )
  let local = try roster(["--local", "csn 12", "--format", "csv"], language: "fr_CA.UTF-8")
  #expect(local.status == 2)
  #expect(local.stdout == "")
  #expect(
    local.stderr
      == "entraide : erreur : Aucun·e entraidant·e actif·ve du syndicat « csn 12 ». Syndicats du registre, du plus proche au plus lointain : CSN 123, FTQ 1.\n"
  )
  // Known values match ignoring case; a known local with no row in a known region is an empty roster, not an error.
  let known = try roster(["--local", "csn 123", "--region", "laval"])
  #expect(known.status == 0)
  #expect(known.stdout == "No peer helper matches these criteria.\n")
  let format = try roster(["--format", "pdf"])
  #expect(format.status == 2)
}

@Test func anUnwritableOutputIsRefusedAndNothingIsLeftBehind() throws {
  let folder = try Entraide.temporaryDirectory("entraide-roster-bad")
  let missing = folder.appendingPathComponent("nope/roster.csv").path
  let result = try roster(["--format", "csv", "-o", missing])
  #expect(result.status == 1)
  #expect(result.stdout == "")
  #expect(result.stderr == "entraide: error: Cannot write “\(missing)”: the folder does not exist.\n")
  let french = try roster(["-o", folder.path], language: "fr_CA.UTF-8")
  #expect(french.status == 1)
  #expect(french.stderr == "entraide : erreur : Impossible d’écrire « \(folder.path) » : c’est un dossier.\n")
  #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
}

@Test func theRosterCSVForAFrenchSpreadsheet() throws {
  let result = try roster(["--format", "csv", "--status", "due", "--delimiter", ";", "--bom"])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(
    result.stdout
      == "\u{FEFF}helper_id;name;local;region;certification;status;certified_on;valid_through;days_left\r\n"
      + "ddue;Dany Due;CSN 123;Estrie;entraidant;due;2025-12-01;2026-11-30;8\r\n")
  let bad = try roster(["--format", "csv", "--delimiter", "|"])
  #expect(bad.status == 2)
  let notCSV = try roster(["--format", "json", "--bom"])
  #expect(notCSV.status == 2)
  #expect(notCSV.stderr == "entraide: error: --delimiter and --bom apply to --format csv only.\n")
}

@Test func anOutputInAMissingFolderIsRefused() throws {
  let folder = try Entraide.temporaryDirectory("entraide-roster-missing")
  let path = folder.appendingPathComponent("missing/roster.html").path
  let result = try roster(["--format", "html", "-o", path, "--force"])
  #expect(result.status == 1)
  #expect(result.stderr == "entraide: error: Cannot write “\(path)”: the folder does not exist.\n")
  #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))
}

@Test func badStatusAndDayCountAreRefusedInFrench() throws {
  let status = try roster(["--status", "certifie"], language: "fr_CA.UTF-8")
  #expect(status.status == 2)
  #expect(status.stdout == "")
  #expect(
    status.stderr
      == "entraide : erreur : --status « certifie » n’est pas un statut connu. Valeurs acceptées, de la plus proche à la plus lointaine : certified, expired, due, never, in-training, lapsed.\n"
  )
  let days = try roster(["--due-within", "-1"], language: "fr_CA.UTF-8")
  #expect(days.status == 2)
  #expect(days.stderr == "entraide : erreur : --due-within « -1 » : attendu un nombre entier de jours, 0 ou plus.\n")
}
