import CourseModel
import Reports

/// Courses, certifications, a helper's status and record for the tests of the command reports.
enum CommandSample {
  static func text(_ fr: String, _ en: String) -> LocalizedText { LocalizedText(["fr": fr, "en": en]) }

  static func lesson(_ id: String, _ fr: String, _ en: String, pages: Int = 1) -> Activity {
    .lesson(Lesson(id: id, title: text(fr, en), pages: Array(repeating: Page(), count: pages)))
  }

  static let catalog = CertificationCatalog(certifications: [
    Certification(
      id: "entraidant", title: Sample.peerHelper, validity: DateDuration(years: 1), window: DateDuration(days: 90),
      lapse: DateDuration(years: 1), initial: [.init(courseID: "accueil"), .init(courseID: "ecoute-active")],
      renewal: [.init(courseID: "ecoute-active")]),
    Certification(
      id: "sentinelle", title: text("Sentinelle", "Sentinel"), validity: DateDuration(years: 2),
      window: DateDuration(days: 60), lapse: DateDuration(years: 1), initial: [.init(courseID: "accueil")]),
  ])

  /// Every kind of activity, prerequisites, sources, an accented title.
  static let listening = Course(
    id: "ecoute-active", version: "2", languages: ["fr", "en"], duration: "PT1H30M",
    title: text("Écoute active", "Active listening"),
    summary: text("Accueillir, écouter, reformuler.", "Welcome, listen, reflect."),
    sources: ["Guide de l’entraide, 2024", "CSN\u{1B}[31m, 2023"],
    requires: [.init(courseID: "accueil")],
    activities: [
      lesson("bienvenue", "Bienvenue", "Welcome", pages: 2),
      .pool(
        Pool(
          id: "situations",
          activities: [lesson("casino", "Casino", "Casino"), lesson("deuil", "Deuil", "Grief")])),
      .roleplay(
        Roleplay(
          id: "pause", title: text("La pause café", "The coffee break"), start: "a", pass: 4,
          scenes: [Scene(id: "a"), Scene(id: "b"), Scene(id: "c")])),
      .quiz(
        Quiz(
          id: "verification", title: text("Vérification", "Check"), passPercent: 80, draw: 3,
          questions: ["q1", "q2", "q3", "q4", "q5"].map { Question(id: $0, kind: .truefalse(answer: true)) })),
    ])

  /// One lesson of one page, a wide-character title, counts for one certification's initial path.
  static let welcome = Course(
    id: "accueil", version: "1", languages: ["fr", "en"], duration: "PT45M", title: text("同伴支持 accueil", "同伴 welcome"),
    summary: text("Premier pas.", "First step."), activities: [lesson("l", "Leçon", "Lesson")])

  /// The authors' tour: counts for nothing, a duration that is not hours and minutes.
  static let tour = Course(
    id: "format-tour", version: "1", languages: ["fr", "en"], duration: "P1D", audience: .authors,
    title: text("Visite du format", "Format tour"), activities: [lesson("l", "Leçon", "Lesson")])

  /// A deactivated helper with accents, whose status shows every kind of standing.
  static let zoe = Helper(
    id: "zcote", name: "Zoë Côté", local: "CSN 123", region: "Québec", email: "zoe@example.org", active: false,
    createdAt: "2026-01-05T14:03:00Z")

  static let status = StatusReport(
    helper: zoe, today: Sample.today,
    standings: [
      .init(
        certification: "entraidant", title: Sample.peerHelper, status: .certified,
        certifiedOn: Sample.day("2026-11-01"), validThrough: Sample.day("2027-10-31"),
        windowOpens: Sample.day("2027-08-02"), daysLeft: 343, initialPassed: ["accueil", "ecoute-active"],
        initialRequired: ["accueil", "ecoute-active"]),
      .init(
        certification: "sentinelle", title: text("Sentinelle", "Sentinel"), status: .inTraining, certifiedOn: nil,
        validThrough: nil, windowOpens: nil, daysLeft: nil, initialPassed: ["accueil"],
        initialRequired: ["accueil", "referer"]),
      .init(
        certification: "soutien", title: text("同伴支持", "同伴 support"), status: .lapsed,
        certifiedOn: Sample.day("2024-01-10"), validThrough: Sample.day("2025-01-09"),
        windowOpens: Sample.day("2024-10-11"), daysLeft: -682, initialPassed: ["accueil"],
        initialRequired: ["accueil", "ecoute-active"]),
    ],
    passed: [
      .init(course: "accueil", title: welcome.title, passedOn: Sample.day("2026-10-20"), how: "recorded"),
      .init(course: "ecoute-active", title: listening.title, passedOn: Sample.day("2026-11-01"), how: "passed"),
      .init(course: "retire", title: LocalizedText(), passedOn: Sample.day("2026-11-02"), how: "passed"),
    ],
    history: HistoryReport(
      attempts: [
        .init(
          id: 2, course: "ecoute-active", courseTitle: listening.title, startedOn: "2026-11-01",
          finishedOn: "2026-11-01", result: "passed", score: 92.5)
      ],
      inPerson: [
        .init(id: 1, course: "accueil", courseTitle: welcome.title, date: Sample.day("2026-10-20"), note: nil)
      ],
      cycles: [
        .init(
          id: 1, certification: "entraidant", certificationTitle: Sample.peerHelper, kind: "initial",
          certifiedOn: Sample.day("2026-11-01"), validThrough: Sample.day("2027-10-31"),
          windowOpens: Sample.day("2027-08-02"), sourceCourse: "ecoute-active")
      ]),
    practice: PracticeReport(entries: [
      .init(
        courseID: "ecoute-active", course: nil,
        history: CourseHistory(attempts: [PastAttempt(started: "2026-11-01T10:00:00Z", activities: ["casino"])]))
    ]))

  static let record = HelperRecord(
    helper: zoe,
    events: [
      .init(at: "2026-01-05T14:03:00Z", by: "coordo", action: "helper-added", reason: nil),
      .init(at: "2026-11-30T09:00:00Z", by: "coordo", action: "helper-deactivated", reason: "Départ à la retraite"),
    ],
    attempts: [
      .init(
        id: 1, course: "accueil", version: "1", startedAt: "2026-10-20T00:00:00Z", state: "recorded",
        passedOn: Sample.day("2026-10-20"), score: nil),
      .init(
        id: 2, course: "ecoute-active", version: "2", startedAt: "2026-11-01T10:00:00Z", state: "passed",
        passedOn: Sample.day("2026-11-01"), score: 92.5),
      .init(
        id: 3, course: "ecoute-active", version: "2", startedAt: "2026-11-22T10:00:00Z", state: "in-progress",
        passedOn: nil, score: nil),
    ])
}
