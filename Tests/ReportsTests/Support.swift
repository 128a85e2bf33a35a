import CourseModel
import Reports

/// Rows that exercise quoting, formula injection, control characters, nulls and sorting.
enum Sample {
  static let today = CalendarDate(year: 2026, month: 11, day: 22)!

  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

  static let peerHelper = LocalizedText(["fr": "Entraidant·e", "en": "Peer helper"])
  static let sentinel = LocalizedText(["fr": "Sentinelle", "en": "Sentinel"])

  static let marie = RosterRow(
    helperID: "mtremblay", name: "Marie Tremblay", local: "CSN 123", region: "Estrie", certification: "entraidant",
    certificationTitle: peerHelper, status: .certified, certifiedOn: day("2026-11-01"),
    validThrough: day("2027-10-31"), windowOpens: day("2027-08-02"), daysLeft: 343)
  static let jean = RosterRow(
    helperID: "jcote", name: "Jean \"Ti-Jean\" Côté, fils", local: "=1+1", region: "Laval",
    certification: "entraidant", certificationTitle: peerHelper, status: .expired, certifiedOn: day("2025-01-10"),
    validThrough: day("2026-01-09"), windowOpens: day("2025-10-12"), daysLeft: -317)
  static let zoe = RosterRow(
    helperID: "zoe", name: "Zoë\u{1B}[31m Roy\n", local: "-FTQ", region: "Abitibi", certification: "sentinelle",
    certificationTitle: sentinel, status: .never)
  static let ana = RosterRow(
    helperID: "aa", name: "+Ana <b>&", local: "@local", region: "Laval", certification: "entraidant",
    certificationTitle: peerHelper, status: .inTraining)

  static let all = [marie, jean, zoe, ana]
}
