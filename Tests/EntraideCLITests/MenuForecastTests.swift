import Foundation
import Testing

/// Issue 9's example: certified through 2027-02-28, the menu on 2026-10-01 forecasts what recording the
/// renewal that day then does (an early renewal, valid through 2027-09-30).
@Test func theMenuForecastsWhatRecordingThenDoes() throws {
  let folder = try Entraide.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: folder) }
  let environment = [
    "ENTRAIDE_DB": folder.appendingPathComponent("registry.sqlite").path,
    "ENTRAIDE_COURSES": Entraide.coursesDirectory.path,
    "ENTRAIDE_TODAY": "2026-10-01",
  ]
  let setUp: [[String]] = [
    ["helpers", "add", "--name", "Marie Tremblay", "--local", "CSN 1", "--region", "Estrie"],
    ["record", "mtremblay", "ecoute-active", "--date", "2026-02-20"],
    ["record", "mtremblay", "referer", "--date", "2026-03-01"],
  ]
  for arguments in setUp {
    let result = try Entraide.run(arguments, environment: environment)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
  }
  let menu = try Entraide.run(["--lang", "en"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(menu.status == 0, "stderr: \(menu.stderr)")
  // "6. Annual refresher — early renewal: Peer helper then valid through 2027-09-30"; "1. Active listening: the
  // peer helper's role — changes nothing: already valid through 2027-02-28 (Peer helper)".
  Transcript.expect(menu.stdout, equals: "menu-forecast-en", root: folder)
  let french = try Entraide.run(["--lang", "fr"], stdin: "1\n1\nq\nq\nq\n", environment: environment)
  #expect(french.status == 0, "stderr: \(french.stderr)")
  // « 6. Ressourcement annuel — renouvellement anticipé : Entraidant·e valide ensuite jusqu'au 2027-09-30 ».
  Transcript.expect(french.stdout, equals: "menu-forecast-fr", root: folder)

  let record = try Entraide.run(
    ["--lang", "en", "record", "mtremblay", "ressourcement-annuel", "--date", "2026-10-01"],
    environment: environment)
  #expect(record.status == 0, "stderr: \(record.stderr)")
  #expect(
    record.stdout
      == "Course “ressourcement-annuel” recorded for mtremblay, passed on 2026-10-01.\n"
      + "Peer helper: valid through 2027-09-30\n")
}
