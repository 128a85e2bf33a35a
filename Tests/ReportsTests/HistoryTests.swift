import CourseModel
import Foundation
import Reports
import Testing

/// Marie's history: a passed run, a failed one, one in progress, two courses in person, two cycles.
let marieHistory = HistoryReport(
  attempts: [
    .init(
      id: 1, course: "ecoute-active", courseTitle: LocalizedText(["fr": "Écoute active", "en": "Active listening"]),
      startedOn: "2026-10-30", finishedOn: "2026-11-01", result: "passed", score: 87.5),
    .init(id: 2, course: "referer", startedOn: "2026-11-02", finishedOn: "2026-11-02", result: "failed", score: 40),
    .init(
      id: 4, course: "ressourcement-annuel", startedOn: "2026-11-22", finishedOn: nil, result: "in-progress", score: nil
    ),
  ],
  inPerson: [
    .init(id: 3, course: "referer", date: Sample.day("2026-11-21"), note: "Sherbrooke <b>\u{1B}[31m"),
    .init(id: 5, course: "prevention-suicide", date: Sample.day("2026-11-21"), note: nil),
  ],
  cycles: [
    .init(
      id: 1, certification: "entraidant", certificationTitle: Sample.peerHelper, kind: "initial",
      certifiedOn: Sample.day("2026-11-21"), validThrough: Sample.day("2027-11-20"),
      windowOpens: Sample.day("2027-08-23"), sourceCourse: "referer"),
    .init(
      id: 2, certification: "sentinelle", certificationTitle: Sample.sentinel, kind: "renewal",
      certifiedOn: Sample.day("2026-11-21"), validThrough: Sample.day("2027-11-20"),
      windowOpens: Sample.day("2027-09-22"), sourceCourse: nil),
  ])

@Test func theHistoryInEnglish() {
  #expect(
    marieHistory.render(language: .en) == """
      Attempts in Entraide:
      Date        Course                Title                 Result       Score
      2026-11-01  ecoute-active         Active listening      passed       87.5%
      2026-11-02  referer               referer               failed       40%
      2026-11-22  ressourcement-annuel  ressourcement-annuel  in progress  —

      Courses taken in person:
      Date        Course              Title               Note
      2026-11-21  referer             referer             Sherbrooke <b>
      2026-11-21  prevention-suicide  prevention-suicide  —

      Certification cycles:
      Certification  Kind     Certified on  Valid through  Window opens  By the course
      Peer helper    initial  2026-11-21    2027-11-20     2027-08-23    referer
      Sentinel       renewal  2026-11-21    2027-11-20     2027-09-22    —
      """)
}

@Test func theHistoryInFrench() {
  #expect(
    marieHistory.render(language: .fr) == """
      Tentatives dans Entraide :
      Date        Cours                 Titre                 Résultat  Score
      2026-11-01  ecoute-active         Écoute active         réussi    87,5 %
      2026-11-02  referer               referer               échoué    40 %
      2026-11-22  ressourcement-annuel  ressourcement-annuel  en cours  —

      Cours suivis en personne :
      Date        Cours               Titre               Note
      2026-11-21  referer             referer             Sherbrooke <b>
      2026-11-21  prevention-suicide  prevention-suicide  —

      Cycles de certification :
      Certification  Type            Certifié·e le  Valide jusqu’au  Fenêtre dès  Par le cours
      Entraidant·e   initiale        2026-11-21     2027-11-20       2027-08-23   referer
      Sentinelle     renouvellement  2026-11-21     2027-11-20       2027-09-22   —
      """)
}

@Test func anEmptyHistorySaysSoInEachSection() {
  #expect(
    HistoryReport(attempts: [], inPerson: [], cycles: []).render(language: .fr) == """
      Aucune tentative dans Entraide.

      Aucun cours suivi en personne.

      Aucun cycle de certification.
      """)
}

@Test func theHistoryAsJSONHasEveryField() throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let json = String(decoding: try encoder.encode(marieHistory), as: UTF8.self)
  #expect(
    json
      == #"{"attempts":[{"course":"ecoute-active","finished_on":"2026-11-01","id":1,"result":"passed","score":87.5,"started_on":"2026-10-30"},"#
      + #"{"course":"referer","finished_on":"2026-11-02","id":2,"result":"failed","score":40,"started_on":"2026-11-02"},"#
      + #"{"course":"ressourcement-annuel","finished_on":null,"id":4,"result":"in-progress","score":null,"started_on":"2026-11-22"}],"#
      + #""cycles":[{"certification":"entraidant","certified_on":"2026-11-21","id":1,"kind":"initial","source_course":"referer","valid_through":"2027-11-20","window_opens":"2027-08-23"},"#
      + #"{"certification":"sentinelle","certified_on":"2026-11-21","id":2,"kind":"renewal","source_course":null,"valid_through":"2027-11-20","window_opens":"2027-09-22"}],"#
      + #""in_person":[{"course":"referer","date":"2026-11-21","id":3,"note":"Sherbrooke <b>\u001b[31m"},{"course":"prevention-suicide","date":"2026-11-21","id":5,"note":null}]}"#
  )
}
