import CourseModel
import Reports
import Testing

@Test func theTableIsSortedByRegionLocalNameWithTheClosingCount() {
  #expect(
    RosterTable.render(Sample.all, language: .en) == """
      Region   Local    Name                       Id         Certification  Status       Certified on  Valid through  Days left
      Abitibi  -FTQ     Zoë Roy                    zoe        Sentinel       never        —             —              —
      Estrie   CSN 123  Marie Tremblay             mtremblay  Peer helper    certified    2026-11-01    2027-10-31     343
      Laval    =1+1     Jean "Ti-Jean" Côté, fils  jcote      Peer helper    expired      2025-01-10    2026-01-09     -317
      Laval    @local   +Ana <b>&                  aa         Peer helper    in training  —             —              —

      Rows: 4 (peer helpers: 4). Certified: 1; due: 0; expired: 1; lapsed: 0; in training: 1; never trained: 1.
      """)
}

@Test func theTableInFrenchHasFrenchHeadersStatusesAndSentence() {
  #expect(
    RosterTable.render([Sample.jean, Sample.marie], language: .fr) == """
      Région  Syndicat  Nom                        Identifiant  Certification  Statut      Certifié·e le  Valide jusqu’au  Jours restants
      Estrie  CSN 123   Marie Tremblay             mtremblay    Entraidant·e   certifié·e  2026-11-01     2027-10-31       343
      Laval   =1+1      Jean "Ti-Jean" Côté, fils  jcote        Entraidant·e   expiré·e    2025-01-10     2026-01-09       -317

      Lignes : 2 (entraidant·es : 2). Certifié·es : 1 ; à renouveler : 0 ; expiré·es : 1 ; périmé·es : 0 ; en formation : 0 ; jamais formé·es : 0.
      """)
}

@Test func anEmptyTableSaysNoOneMatches() {
  #expect(RosterTable.render([], language: .fr) == "Aucun·e entraidant·e ne correspond à ces critères.")
  #expect(RosterTable.render([], language: .en) == "No peer helper matches these criteria.")
}

@Test func theTableMakesHostileNamesInert() {
  var row = Sample.marie
  row.name = "=HYPERLINK(\"http://x\")"
  row.local = "<script>"
  row.region = "Estrie\u{1B}[2J\u{1B}]0;owned\u{7}"
  let table = RosterTable.render([row], language: .en)
  #expect(!table.contains("\u{1B}"))
  #expect(!table.contains("\u{7}"))
  #expect(
    table.split(separator: "\n")[1]
      == "Estrie  <script>  =HYPERLINK(\"http://x\")  mtremblay  Peer helper    certified  2026-11-01    2027-10-31     343"
  )
  let history = HistoryReport(
    attempts: [], inPerson: [.init(id: 1, course: "referer", date: Sample.today, note: "\u{1B}[31m<script>=1+1")],
    cycles: []
  ).render(language: .en)
  #expect(history.contains("2026-11-22  referer  referer  <script>=1+1"))
  #expect(!history.contains("\u{1B}"))
}

@Test func columnsLineUpByTerminalWidthForAccentsCJKAndEmoji() {
  var table = TextTable(header: ["Name", "Local", "Id"])
  table.append(["Zoë", "CSN", "zoe"])
  table.append(["Zoe\u{308}", "FTQ", "zoe2"])
  table.append(["王小明", "東京", "wang"])
  table.append(["Ana 👍", "CSN", "ana"])
  #expect(
    table.render() == """
      Name    Local  Id
      Zoë     CSN    zoe
      Zoe\u{308}     FTQ    zoe2
      王小明  東京   wang
      Ana 👍  CSN    ana
      """)
}

@Test func aRosterWithWideNamesKeepsItsColumnsAligned() {
  var wide = Sample.marie
  wide.name = "李明"
  var decomposed = Sample.jean
  decomposed.name = "Rene\u{301} Co\u{302}te\u{301}"
  let lines = RosterTable.render([wide, decomposed], language: .en).split(separator: "\n")
  #expect(
    lines[1] == "Estrie  CSN 123  李明       mtremblay  Peer helper    certified  2026-11-01    2027-10-31     343")
  #expect(
    lines[2]
      == "Laval   =1+1     Rene\u{301} Co\u{302}te\u{301}  jcote      Peer helper    expired    2025-01-10    2026-01-09     -317"
  )
}

@Test func aTableWithShortAndLongRowsPadsEveryCellButTheLastOne() {
  var table = TextTable(header: ["A", "Bb", "C"])
  table.append(["x", "", "z "])
  table.append(["e\u{301}e", "y"])
  table.append(["日", "y", "z", "extra"])
  #expect(Array(table.render().utf8) == Array("A   Bb  C\nx       z\ne\u{301}e  y\n日  y   z".utf8))
}

@Test func repeatedCellsAreStrippedAndMeasuredEachTimeAlike() {
  // The same accented text with an escape sequence, a bidi control and a C1 control, on several rows: each
  // row shows it stripped, and `é` written two ways stays two texts (measured 1 column each).
  var table = TextTable(header: ["Région", "N"])
  for _ in 0..<3 { table.append(["Mont\u{E9}r\u{E9}gie\u{1B}[31m\u{202E}", "1"]) }
  table.append(["Mont\u{65}\u{301}r\u{E9}gie\u{85}", "2"])
  table.append(["\u{7F}abc\tdef", "3"])
  #expect(
    Array(table.render().utf8)
      == Array(
        """
        Région      N
        Montérégie  1
        Montérégie  1
        Montérégie  1
        Mont\u{65}\u{301}régie  2
        abc def     3
        """.utf8))
}
