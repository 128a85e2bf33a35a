import CourseModel
import Reports
import Testing

/// A name carrying the "Trojan Source" right-to-left override, an isolate and a C1 control.
private var trojan: RosterRow {
  var row = Sample.marie
  row.name = "Marie\u{202E}yalbmerT\u{202C} \u{2067}x\u{2069}\u{85}"
  row.local = "=HYPERLINK(\"http://x\")\u{200F}"
  return row
}

@Test func csvDropsBidiControlsAndNeutralizesFormulas() {
  #expect(
    RosterCSV.render([trojan]).split(separator: "\r\n").last
      == "mtremblay,MarieyalbmerT x,\"'=HYPERLINK(\"\"http://x\"\")\",Estrie,entraidant,certified,2026-11-01,2027-10-31,343"
  )
}

@Test func htmlDropsBidiControls() {
  let html = RosterHTML.render([trojan], today: Sample.today, language: .en)
  #expect(html.contains("<td>MarieyalbmerT x</td>"))
  #expect(!html.unicodeScalars.contains { $0.isControlOrBidi && $0 != "\n" })
}

@Test func icsDropsBidiControls() {
  let ics = RosterICS.render([trojan], today: Sample.today, language: .en).replacingOccurrences(of: "\r\n ", with: "")
  #expect(ics.contains("SUMMARY:Renewal window opens: MarieyalbmerT x\\, Peer helper\r\n"))
  #expect(!ics.unicodeScalars.contains { $0.isControlOrBidi && $0 != "\r" && $0 != "\n" })
}

@Test func jsonEscapesBidiControlsAndKeepsThem() {
  let json = RosterJSON.render([trojan])
  #expect(json.contains(#""name": "Marie\u202eyalbmerT\u202c \u2067x\u2069\u0085","#))
  #expect(json.contains(#""local": "=HYPERLINK(\"http://x\")\u200f","#))
  #expect(RosterJSON.inert("{\"a\": \"x\u{202E}y\u{9B}\"}\n") == #"{"a": "x\u202ey\u009b"}"# + "\n")
}
