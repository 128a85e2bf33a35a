import CourseModel
import Foundation
import Testing

@testable import Registry

func parse(_ text: String, bom: Bool = false) throws -> [(line: Int, helper: NewHelper)] {
  var data = bom ? Data([0xEF, 0xBB, 0xBF]) : Data()
  data.append(Data(text.utf8))
  return try HelperCSV.parse(data)
}

@Test func englishHeaderWithCommas() throws {
  let rows = try parse("name,local,region,id,email\nMarie Tremblay,CSN 123,Estrie,,m@x.ca\nJean Côté,FTQ 1,Laval,jc,\n")
  #expect(rows.map(\.line) == [2, 3])
  #expect(
    rows.map(\.helper) == [
      NewHelper(id: nil, name: "Marie Tremblay", local: "CSN 123", region: "Estrie", email: "m@x.ca"),
      NewHelper(id: "jc", name: "Jean Côté", local: "FTQ 1", region: "Laval", email: nil),
    ])
}

@Test func frenchHeaderWithSemicolonsBOMAndCRLF() throws {
  let text = "Nom;Syndicat;Région;Courriel\r\nMarie Tremblay;CSN 123;Estrie;m@x.ca\r\n\r\n\"Lee; Ann\";FTQ 2;Laval;\r\n"
  let rows = try parse(text, bom: true)
  #expect(rows.map(\.line) == [2, 4])
  #expect(rows.map(\.helper.name) == ["Marie Tremblay", "Lee; Ann"])
  #expect(rows.map(\.helper.region) == ["Estrie", "Laval"])
  #expect(rows.map(\.helper.email) == ["m@x.ca", nil])
}

@Test func regionWithoutAccentAnyCaseAnyOrderExtraColumnsIgnored() throws {
  let rows = try parse("REGION;notes;NOM;SYNDICAT\nEstrie;ignored;Marie Tremblay;CSN 123\n")
  #expect(rows.map(\.helper) == [NewHelper(name: "Marie Tremblay", local: "CSN 123", region: "Estrie")])
}

@Test func lineNumbersCountQuotedLineBreaks() throws {
  let rows = try parse("name,local,region\n\"Marie\nTremblay\",CSN,Estrie\nJean Côté,FTQ,Laval\n")
  #expect(rows.map(\.line) == [2, 4])
}

@Test func aMissingColumnIsReported() throws {
  #expect(throws: RegistryError.badHeader(missing: ["region"])) { try parse("nom;syndicat\nMarie;CSN\n") }
  #expect(throws: RegistryError.badHeader(missing: ["name", "local", "region"])) { try parse("") }
}

@Test func aFileThatIsNotUTF8IsReported() throws {
  // "Côté" in Windows-1252.
  let data = Data("name,local,region\nJean C".utf8) + Data([0xF4, 0x74, 0xE9]) + Data(",FTQ,Laval\n".utf8)
  #expect(throws: RegistryError.unreadableCSV(reason: SpreadsheetCSV.notUTF8)) { try HelperCSV.parse(data) }
  #expect(
    RegistryError.unreadableCSV(reason: SpreadsheetCSV.notUTF8).message.fr
      == "Fichier CSV illisible : le fichier n’est pas en UTF-8 (enregistrez-le au format « CSV UTF-8 »). Rien n’a été importé."
  )
}

@Test func misplacedQuotesAreReported() throws {
  #expect(throws: RegistryError.unreadableCSV(reason: SpreadsheetCSV.misplacedQuotes)) {
    try parse("name,local,region\n\"Marie\" Tremblay,CSN,Estrie\n")
  }
}

@Test func aBadRowOfAFileIsReportedWithItsLine() throws {
  let registry = try memoryRegistry()
  let rows = try parse("nom;syndicat;région\nMarie Tremblay;CSN;Estrie\n;FTQ;Laval\n")
  #expect(throws: RegistryError.badRow(line: 3, problem: RegistryError.emptyName.message)) {
    try registry.importHelpers(rows, source: "h.csv")
  }
  #expect(try registry.helpers().isEmpty)
  #expect(
    RegistryError.badRow(line: 3, problem: RegistryError.emptyName.message).message.fr
      == "Ligne 3 : Le nom ne peut pas être vide. Rien n’a été importé.")
}
