import CourseModel
import Reports
import SwiftCSV
import Testing

@Test func csvHasTheHeaderQuotesAndNeutralizesFormulas() {
  #expect(
    RosterCSV.render(Sample.all)
      == "helper_id,name,local,region,certification,status,certified_on,valid_through,days_left\r\n"
      + "zoe,Zoë Roy ,'-FTQ,Abitibi,sentinelle,never,,,\r\n"
      + "mtremblay,Marie Tremblay,CSN 123,Estrie,entraidant,certified,2026-11-01,2027-10-31,343\r\n"
      + "jcote,\"Jean \"\"Ti-Jean\"\" Côté, fils\",'=1+1,Laval,entraidant,expired,2025-01-10,2026-01-09,-317\r\n"
      + "aa,'+Ana <b>&,'@local,Laval,entraidant,in-training,,,\r\n")
}

@Test func csvWithoutRowsIsTheHeaderAlone() {
  #expect(
    RosterCSV.render([])
      == "helper_id,name,local,region,certification,status,certified_on,valid_through,days_left\r\n")
}

@Test func csvQuotesAnApostropheValueWithACommaAndStripsTabs() {
  var row = Sample.marie
  row.name = "=SUM(A1,A2)"
  row.region = "Bas-\tSaint-Laurent"
  #expect(
    RosterCSV.render([row]).split(separator: "\r\n").last
      == "mtremblay,\"'=SUM(A1,A2)\",CSN 123,Bas- Saint-Laurent,entraidant,certified,2026-11-01,2027-10-31,343")
}

@Test func csvForAFrenchSpreadsheetHasSemicolonsAndAByteOrderMark() {
  #expect(
    RosterCSV.render([Sample.jean, Sample.marie], dialect: CSVDialect(delimiter: ";", byteOrderMark: true))
      == "\u{FEFF}helper_id;name;local;region;certification;status;certified_on;valid_through;days_left\r\n"
      + "mtremblay;Marie Tremblay;CSN 123;Estrie;entraidant;certified;2026-11-01;2027-10-31;343\r\n"
      + "jcote;\"Jean \"\"Ti-Jean\"\" Côté, fils\";'=1+1;Laval;entraidant;expired;2025-01-10;2026-01-09;-317\r\n")
}

@Test func csvReadBackByACSVLibraryGivesTheSameRowsWithEitherDelimiter() throws {
  var tricky = Sample.marie
  tricky.name = "Lee; Ann, \"Annie\"\nSecond line"
  let rows = Sample.all + [tricky]
  let expected =
    [RosterCSV.columns]
    + Roster.sorted(rows).map { row in
      [
        CSVDialect.neutralized(row.helperID), CSVDialect.neutralized(row.name), CSVDialect.neutralized(row.local),
        CSVDialect.neutralized(row.region), row.certification, row.status.rawValue,
        row.certifiedOn?.description ?? "", row.validThrough?.description ?? "", row.daysLeft.map(String.init) ?? "",
      ]
    }
  for dialect in [CSVDialect.rfc4180, CSVDialect(delimiter: ";", byteOrderMark: true)] {
    var text = RosterCSV.render(rows, dialect: dialect)
    if dialect.byteOrderMark {
      #expect(text.hasPrefix("\u{FEFF}"))
      text.removeFirst()
    }
    let csv = try EnumeratedCSV(string: text, delimiter: .character(dialect.delimiter), loadColumns: false)
    var read: [[String]] = []
    try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { read.append($0) }
    #expect(read == expected, "\(dialect)")
  }
}

@Test func csvMakesHostileNamesInert() {
  var row = Sample.marie
  row.name = "=HYPERLINK(\"http://x\")"
  row.local = "<script>alert(1)</script>"
  row.region = "\u{1B}]0;pwned\u{7}Estrie\u{1B}[2J"
  #expect(
    RosterCSV.render([row]).split(separator: "\r\n").last
      == "mtremblay,\"'=HYPERLINK(\"\"http://x\"\")\",<script>alert(1)</script>,Estrie,entraidant,certified,2026-11-01,2027-10-31,343"
  )
}

@Test func csvBytesAreWhatTheFieldFunctionsGiveForAwkwardValues() {
  let values = [
    "Zoë", "a,b", "a,\u{301}b", "=x", "=\u{301}x", "-FTQ", "Côté; fils", "\"q\"", "x\u{202E}y", "\u{85}z", "日本",
    "e\u{301}", "", " lead", "tab\tx", "a\r\nb", "@", "ok", "a-b", "été",
  ]
  let rows = values.indices.map { index in
    RosterRow(
      helperID: "h\(index)", name: values[index], local: values[(index + 1) % values.count],
      region: values[(index + 2) % values.count], certification: index % 3 == 0 ? "sentinelle" : "entraidant",
      status: index % 2 == 0 ? .certified : .never,
      certifiedOn: index % 2 == 0 ? Sample.day("2026-01-0\(index % 9 + 1)") : nil,
      validThrough: index % 2 == 0 ? Sample.day("2027-01-01") : nil, daysLeft: index % 2 == 0 ? 30 - 7 * index : nil)
  }
  for dialect in [
    CSVDialect.rfc4180, CSVDialect(delimiter: ";", byteOrderMark: true), CSVDialect(delimiter: "-"),
    CSVDialect(delimiter: "é"),
  ] {
    let records = Roster.sorted(rows).map { row in
      [row.helperID, row.name, row.local, row.region, row.certification].map(CSVDialect.neutralized) + [
        row.status.rawValue, row.certifiedOn?.description ?? "", row.validThrough?.description ?? "",
        row.daysLeft.map(String.init) ?? "",
      ]
    }
    let expected = dialect.document([RosterCSV.columns] + records)
    #expect(Array(RosterCSV.render(rows, dialect: dialect).utf8) == Array(expected.utf8), "\(dialect)")
  }
}
