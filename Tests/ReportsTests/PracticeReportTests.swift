import CourseModel
import Reports
import Testing

@Suite struct PracticeReportTests {
  static func lesson(_ id: String, _ fr: String, _ en: String) -> Activity {
    .lesson(Lesson(id: id, title: LocalizedText(["fr": fr, "en": en])))
  }

  static let course = Course(
    id: "rappel", version: "1", languages: ["fr", "en"], title: LocalizedText(["fr": "Rappel", "en": "Refresher"]),
    activities: [
      .pool(
        Pool(
          id: "situations",
          activities: [
            lesson("casino", "Casino", "Casino"), lesson("deuil", "Deuil", "Grief"),
            lesson("conflit", "Conflit", "Conflict"),
          ])),
      .quiz(
        Quiz(
          id: "verification", title: LocalizedText(["fr": "Vérification", "en": "Check"]), passPercent: 50, draw: 1,
          questions: ["q1", "q2", "q3"].map { Question(id: $0, kind: .truefalse(answer: true)) })),
    ])

  static let history = CourseHistory(attempts: [
    PastAttempt(
      started: "2024-11-02T10:00:00Z", activities: ["casino", "verification"],
      questions: [SeenQuestion(quizID: "verification", questionID: "q1", missed: false)]),
    PastAttempt(
      started: "2025-11-03T10:00:00Z", activities: ["deuil", "verification"],
      questions: [SeenQuestion(quizID: "verification", questionID: "q2", missed: true)]),
  ])

  @Test func listsPerCourseTheSituationsTakenAndTheQuestionsSeen() {
    let report = PracticeReport(entries: [.init(courseID: "rappel", course: Self.course, history: Self.history)])
    #expect(
      report.lines(.fr) == [
        "Pratiqué jusqu’ici :",
        "  rappel — Rappel (2 tentatives)",
        "    Groupe « situations », 2 sur 3 faites : Casino (2024-11-02), Deuil (2025-11-03) ; pas encore : Conflit",
        "    Questionnaire « Vérification », 2 questions vues sur 3 ; manquée la dernière fois : 1",
      ])
    #expect(
      report.lines(.en) == [
        "Practised so far:",
        "  rappel — Refresher (2 attempts)",
        "    Pool 'situations', 2 of 3 taken: Casino (2024-11-02), Grief (2025-11-03); not yet: Conflict",
        "    Quiz 'Check', 2 of 3 questions seen; missed last time: 1",
      ])
  }

  @Test func aCourseNoLongerInTheFolderShowsTheActivityIds() {
    let report = PracticeReport(entries: [.init(courseID: "ancien", course: nil, history: Self.history)])
    #expect(
      report.lines(.en) == [
        "Practised so far:", "  ancien (2 attempts)", "    Activities: casino, verification, deuil",
      ])
  }

  @Test func nothingWhenNoCourseWasTakenInEntraide() {
    #expect(PracticeReport(entries: [.init(courseID: "rappel", course: Self.course, history: .empty)]).lines(.fr) == [])
  }
}
