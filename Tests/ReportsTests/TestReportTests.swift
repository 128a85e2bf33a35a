import CourseModel
import Reports
import Testing

@Suite struct TestReportTests {
  static let report = TestReport(entries: [
    .checked(passed: true, lines: ["PASS ecoute (1 quiz: 200 seeds)"]),
    .refused(name: "Courses/casse.xml", errors: ["Courses/casse.xml:4: error [xsd] bad\u{1B}[31m element"]),
    .checked(passed: false, lines: ["FAIL referer (1 role-play: 0 endings reached)", "  jeu: no run passes"]),
  ])

  @Test func englishBlocksThenTheCountLine() {
    #expect(Self.report.passed == 1 && Self.report.failed == 2)
    #expect(
      Self.report.render(language: .en) == """
        PASS ecoute (1 quiz: 200 seeds)
        FAIL Courses/casse.xml (does not validate: fix the errors below)
          Courses/casse.xml:4: error [xsd] bad element
        FAIL referer (1 role-play: 0 endings reached)
          jeu: no run passes
        1 passed, 2 failed

        """)
  }

  @Test func frenchCountLineComesBeforeTheEnglishOneScriptsRead() {
    #expect(
      Self.report.render(language: .fr).hasSuffix(
        """
        FAIL Courses/casse.xml (ne passe pas la validation : corrigez les erreurs ci-dessous)
          Courses/casse.xml:4: error [xsd] bad element
        FAIL referer (1 role-play: 0 endings reached)
          jeu: no run passes
        1 cours réussi, 2 échoués
        1 passed, 2 failed

        """))
    #expect(
      TestReport(entries: [
        .checked(passed: true, lines: ["PASS a (x)"]), .checked(passed: true, lines: ["PASS b (y)"]),
      ])
      .render(language: .fr) == "PASS a (x)\nPASS b (y)\n2 cours réussis, 0 échoué\n2 passed, 0 failed\n")
  }
}
