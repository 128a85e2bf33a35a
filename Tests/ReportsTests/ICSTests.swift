import CourseModel
import Reports
import Testing

@Test func theCalendarHasTwoAllDayEventsPerCycleFoldedAndEscaped() {
  let expected = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Entraide//Roster//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Registre des entraidant·es au 2026-11-22",
    "BEGIN:VEVENT",
    "UID:entraide-jcote-entraidant-window-2025-10-12@entraide",
    "DTSTAMP:20261122T000000Z",
    "DTSTART;VALUE=DATE:20251012",
    "DTEND;VALUE=DATE:20251013",
    "SUMMARY:Renouvellement possible : Jean \"Ti-Jean\" Côté\\, fils\\, Entraidant",
    " ·e",
    "DESCRIPTION:La fenêtre de renouvellement de la certification Entraidant·e",
    "  de Jean \"Ti-Jean\" Côté\\, fils (jcote\\, =1+1\\, Laval) s’ouvre \\; valid",
    " e jusqu’au 2026-01-09.",
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:entraide-jcote-entraidant-expires-2026-01-09@entraide",
    "DTSTAMP:20261122T000000Z",
    "DTSTART;VALUE=DATE:20260109",
    "DTEND;VALUE=DATE:20260110",
    "SUMMARY:Dernier jour de validité : Jean \"Ti-Jean\" Côté\\, fils\\, Entraida",
    " nt·e",
    "DESCRIPTION:La certification Entraidant·e de Jean \"Ti-Jean\" Côté\\, fils ",
    " (jcote\\, =1+1\\, Laval) est valide jusqu’à ce jour inclusivement.",
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
    "END:VCALENDAR",
  ]
  #expect(
    RosterICS.render([Sample.zoe, Sample.jean], today: Sample.today, language: .fr)
      == expected.map { $0 + "\r\n" }.joined())
}

@Test func everyCalendarLineFitsIn75OctetsAndUnfoldsToTheText() {
  var row = Sample.marie
  row.name = String(repeating: "é", count: 80) + "; \\ fin"
  let text = RosterICS.render([row], today: Sample.today, language: .en)
  #expect(text.hasSuffix("END:VCALENDAR\r\n"))
  let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
  #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
  let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
  #expect(
    unfolded.contains(
      "SUMMARY:Last valid day: " + String(repeating: "é", count: 80) + "\\; \\\\ fin\\, Peer helper\r\n"))
  #expect(unfolded.contains("UID:entraide-mtremblay-entraidant-window-2027-08-02@entraide\r\n"))
  #expect(unfolded.contains("DTSTART;VALUE=DATE:20271031\r\nDTEND;VALUE=DATE:20271101\r\n"))
  #expect(unfolded.contains("PRODID:-//Entraide//Roster//EN\r\n"))
}

@Test func aLineBreakInAValueBecomesBackslashN() {
  var row = Sample.marie
  row.name = "Marie\nTremblay"
  let unfolded = RosterICS.render([row], today: Sample.today, language: .en).replacingOccurrences(of: "\r\n ", with: "")
  #expect(unfolded.contains("SUMMARY:Renewal window opens: Marie\\nTremblay\\, Peer helper\r\n"))
}

@Test func aCalendarWithoutCyclesHasNoEvent() {
  #expect(
    RosterICS.render([Sample.zoe, Sample.ana], today: Sample.today, language: .en)
      == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Entraide//Roster//EN\r\nCALSCALE:GREGORIAN\r\n"
      + "METHOD:PUBLISH\r\nX-WR-CALNAME:Peer-helper roster as of 2026-11-22\r\nEND:VCALENDAR\r\n")
}

@Test func theCalendarReadBackByAnRFC5545ReaderHasTheRowsDates() throws {
  var hostile = Sample.marie
  hostile.name = "=HYPERLINK(\"http://x\"); <script>\u{1B}[31m, " + String(repeating: "é", count: 40)
  let text = RosterICS.render([hostile, Sample.jean, Sample.zoe], today: Sample.today, language: .en)
  let calendar = try ICalendarReader.read(text)
  #expect(calendar.name == "VCALENDAR")
  #expect(calendar.text("VERSION") == "2.0")
  #expect(calendar.components.map(\.name) == Array(repeating: "VEVENT", count: 4))
  #expect(
    calendar.components.map { $0.text("DTSTART") } == ["20270802", "20271031", "20251012", "20260109"])
  #expect(calendar.components.allSatisfy { $0.parameters("DTSTART") == ["VALUE": "DATE"] })
  #expect(
    calendar.components.map { $0.text("UID") } == [
      "entraide-mtremblay-entraidant-window-2027-08-02@entraide",
      "entraide-mtremblay-entraidant-expires-2027-10-31@entraide",
      "entraide-jcote-entraidant-window-2025-10-12@entraide", "entraide-jcote-entraidant-expires-2026-01-09@entraide",
    ])
  #expect(
    calendar.components[1].text("SUMMARY")
      == "Last valid day: =HYPERLINK(\"http://x\"); <script>, " + String(repeating: "é", count: 40) + ", Peer helper")
  #expect(!text.contains("\u{1B}"))
  #expect(throws: ICalendarReader.Failure(reason: "END:VEVENT unmatched")) {
    try ICalendarReader.read("BEGIN:VCALENDAR\r\nEND:VEVENT\r\n")
  }
}
