import CourseModel
import Reports
import Testing

/// The text of `entraide record`, `record --from` and `check`, whole.
@Suite struct RecordCheckReportTests {
  static let renewed = Message(
    fr: "Entraidant·e : valide jusqu’au 2027-11-20", en: "Peer helper: valid through 2027-11-20")

  @Test func aCourseRecordedWithItsEffectsInBothLanguages() {
    let day = Sample.day("2026-11-21")
    #expect(
      RecordReport.single(
        helperID: "mtremblay", courseID: "referer\u{1B}[2J", on: day, effects: [Self.renewed], language: .fr) == """
          Cours « referer » enregistré pour mtremblay, réussi le 2026-11-21.
          Entraidant·e : valide jusqu’au 2027-11-20
          """)
    #expect(
      RecordReport.single(helperID: "mtremblay", courseID: "referer", on: day, effects: [], language: .en)
        == "Course “referer” recorded for mtremblay, passed on 2026-11-21.")
  }

  @Test func anAttendanceSheetCountsRowsHelpersAndCertifications() {
    let effects = [(helperID: "mtremblay", message: Self.renewed), (helperID: "zcote", message: Self.renewed)]
    #expect(
      RecordReport.sheet(recorded: 3, helpers: 2, file: "journée.csv", effects: effects, language: .fr) == """
        3 cours enregistrés pour 2 entraidant·es (« journée.csv ») ; 2 certifications accordées ou renouvelées :
          mtremblay — Entraidant·e : valide jusqu’au 2027-11-20
          zcote — Entraidant·e : valide jusqu’au 2027-11-20
        """)
    #expect(
      RecordReport.sheet(recorded: 1, helpers: 1, file: "day.csv", effects: [], language: .en)
        == "1 course recorded for 1 helper (“day.csv”); no certification granted or renewed.")
    #expect(
      RecordReport.sheet(recorded: 1, helpers: 1, file: "jour.csv", effects: [], language: .fr)
        == "1 cours enregistré pour 1 entraidant·e (« jour.csv ») ; aucune certification accordée ni renouvelée.")
    #expect(
      RecordReport.sheet(recorded: 0, helpers: 0, file: "vide.csv", effects: [], language: .fr)
        == "Aucune ligne dans « vide.csv » : rien n’a été enregistré.")
  }

  @Test func aSoundRegistryWithItsCounts() {
    #expect(
      CheckReport.render(path: "/srv/registre.sqlite", helpers: 1, attempts: 2, cycles: 1, problems: [], language: .fr)
        == "Registre « /srv/registre.sqlite » vérifié : fichier intact, renvois, cycles et tentatives en ordre "
        + "(1 entraidant·e, 2 tentatives, 1 cycle).")
    #expect(
      CheckReport.render(path: "r.sqlite", helpers: 2, attempts: 1, cycles: 0, problems: [], language: .en)
        == "Registry “r.sqlite” checked: file intact, references, cycles and attempts in order "
        + "(2 helpers, 1 attempt, 0 cycles).")
  }

  @Test func eachProblemOnItsLine() {
    let problems = [
      Message(fr: "Le cycle 3 ne s’explique par aucune tentative.", en: "Cycle 3 is explained by no attempt."),
      Message(fr: "Tentative\u{1B}[31m 4 : deux en cours.", en: "Attempt 4: two in progress."),
    ]
    #expect(
      CheckReport.render(path: "r.sqlite", helpers: 0, attempts: 0, cycles: 0, problems: problems, language: .fr)
        == """
        Registre « r.sqlite » : 2 problèmes trouvés :
          - Le cycle 3 ne s’explique par aucune tentative.
          - Tentative 4 : deux en cours.
        """)
    #expect(
      CheckReport.render(path: "r.sqlite", helpers: 0, attempts: 0, cycles: 0, problems: [problems[1]], language: .en)
        == """
        Registry “r.sqlite”: 1 problem found:
          - Attempt 4: two in progress.
        """)
  }
}
