import CourseEngine
import CourseModel
import Foundation
import Testing

@testable import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// A three-activity course built in code: a one-page lesson, a one-scene role-play, a true/false quiz.
private let smallCourse = Course(
  id: "petit", version: "1", languages: ["fr", "en"],
  title: LocalizedText(["fr": "Petit cours", "en": "Small course"]),
  activities: [
    .lesson(
      Lesson(
        id: "lecon", title: LocalizedText(["fr": "Leçon", "en": "Lesson"]),
        pages: [
          Page(blocks: [
            LanguageBlock(language: "fr", block: .paragraph([.text("On écoute.")]), location: .unknown),
            LanguageBlock(language: "en", block: .paragraph([.text("We listen.")]), location: .unknown),
          ])
        ])),
    .roleplay(
      Roleplay(
        id: "jeu", title: LocalizedText(["fr": "La pause", "en": "The break"]), start: "a", pass: 1, retries: 0,
        characters: [Persona(id: "luc", name: "Luc")],
        skills: [Skill(id: "ecoute", title: LocalizedText(["fr": "Écoute", "en": "Listening"]))],
        scenes: [
          Scene(
            id: "a", lines: [Line(by: "luc", language: nil, text: "Ça va\u{1B}[31m…")],
            choices: [
              Choice(
                say: LocalizedText(["fr": "Veux-tu en parler ?", "en": "Want to talk?"]),
                feedback: LocalizedText(["fr": "Question ouverte.", "en": "Open question."]),
                scores: [ScoreEffect(skill: "ecoute", points: 2)], to: "bien"),
              Choice(
                say: LocalizedText(["fr": "Je garderai le secret.", "en": "I'll keep it secret."]),
                feedback: LocalizedText(["fr": "Jamais de secret absolu.", "en": "Never absolute secrecy."]),
                to: "mal", critical: true),
            ])
        ],
        endings: [
          Ending(
            id: "bien", result: .pass, debrief: LocalizedText(["fr": "Luc se sent écouté.", "en": "Luc feels heard."])),
          Ending(id: "mal", result: .fail),
        ])),
    .quiz(
      Quiz(
        id: "quiz", title: LocalizedText(["fr": "Vérification", "en": "Check"]), passPercent: 100,
        questions: [
          Question(
            id: "q1", prompt: LocalizedText(["fr": "Demander augmente le risque.", "en": "Asking raises the risk."]),
            explain: LocalizedText(["fr": "Non : aucune hausse.", "en": "No: no increase."]),
            kind: .truefalse(answer: false))
        ])),
  ], digest: "d1")

/// Drives `course` with `input` as typed lines; returns the outcome, the output and how many saves happened.
private func drive(
  _ input: [UInt8], language: Language = .fr, course: Course = smallCourse
) throws -> (DriveOutcome, String, Int, CourseSession) {
  var fds: [Int32] = [-1, -1]
  #expect(pipe(&fds) == 0)
  _ = input.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
  close(fds[1])
  defer { close(fds[0]) }
  let (console, out) = makeConsole(width: 60, language: language)
  let driver = SessionDriver(
    renderer: CourseRenderer(console: console), reader: LineReader(fd: fds[0]), echoInput: true)
  var session = CourseSession.start(course: course, seed: 7, language: language)
  var saves = 0
  let outcome = try driver.drive(&session) { _ in saves += 1 }
  return (outcome, out.text, saves, session)
}

@Test func aWholeCourseWithBadAnswersOnTheWay() throws {
  let input = Array("\nabc\n5\n1\n\n\n".utf8) + [0xFF, 0x0A] + Array("?\n2\n\n\n".utf8)
  let (outcome, text, saves, _) = try drive(input)
  guard case .finished(let result) = outcome else {
    Issue.record("not finished: \(outcome)")
    return
  }
  #expect(result.passed)
  #expect(saves == 7)
  #expect(text.contains("Activité 1 sur 3 : Leçon\n────"))
  #expect(text.contains("« abc » n'est pas un numéro"))
  #expect(text.contains("! Le numéro 5 n'existe pas : tape un numéro de 1 à 2.\n"))
  // After a bad answer, the same prompt comes back without the scene shown again.
  #expect(
    text.contains(
      "> 5\n! Le numéro 5 n'existe pas : tape un numéro de 1 à 2.\n\nTape le numéro d'un choix, de 1 à 2 (? aide, r répéter, q\nquitter)\n> 1\n"
    ))
  #expect(text.components(separatedBy: "Luc : « Ça va… »").count == 2)
  #expect(!text.contains("\u{1B}"))
  #expect(text.contains("Question ouverte.\n  Écoute : +2\n"))
  #expect(text.contains("! Cette ligne n'est pas du texte UTF-8 valide"))
  #expect(
    text.contains(
      "Aide :\n- Une page de leçon attend Entrée (n'importe quelle ligne).\n- Un choix ou une question à une réponse : tape un numéro,\n  par exemple 2.\n"
    ))
  #expect(text.contains("✔ Bonne réponse.\n  Explication : Non : aucune hausse.\n"))
  #expect(text.contains("La pause\n✔ Activité réussie.\nPoints : 2 ; il en faut au moins 1.\n"))
}

@Test func qPausesAfterTheLastSavedAnswerAndRepeatShowsTheStepAgain() throws {
  let (outcome, text, saves, session) = try drive(Array("\nr\nq\n1\n".utf8), language: .en)
  #expect(outcome == .paused(.quit))
  #expect(saves == 1)
  #expect(text.components(separatedBy: "Luc: \"Ça va…\"").count == 3)
  #expect(SessionDriver.resumeMessage(session) == InterfaceText.resumeAtScene(activity: "The break", scene: 1))
}

@Test func aSessionLeftAtAnActivitysResultResumesThere() throws {
  let (outcome, _, _, session) = try drive(Array("\n1\n\nq\n".utf8), language: .en)
  #expect(outcome == .paused(.quit))
  guard case .activityResult = session.current.content else {
    Issue.record("not at the result: \(session.current.content)")
    return
  }
  #expect(SessionDriver.resumeMessage(session)?.en == "Resuming at the result of “The break”…")
  #expect(SessionDriver.resumeMessage(session)?.fr == "Reprise au résultat de « The break »…")
}

@Test func endOfInputPausesWithoutTakingAnAnswer() throws {
  let (outcome, _, saves, session) = try drive(Array("\n1".utf8))
  // "1" without a newline is still a whole line at the end of input.
  #expect(outcome == .paused(.endOfInput))
  #expect(saves == 2)
  #expect(SessionDriver.resumeMessage(session)?.fr == "Reprise de « La pause », scène 2…")
}

@Test func aCriticalChoiceFailsTheRoleplayAndSaysWhy() throws {
  let (outcome, text, _, _) = try drive(Array("\n2\n\n\n2\n\n\n".utf8))
  guard case .finished(let result) = outcome else {
    Issue.record("not finished: \(outcome)")
    return
  }
  #expect(!result.passed)
  #expect(
    text.contains("Jamais de secret absolu.\n✘ Choix critique : ce choix fait échouer la mise en\n  situation.\n"))
  #expect(text.contains("✘ Activité échouée."))
  #expect(text.contains("✘ Un choix critique a été fait"))
}

/// A quiz alone, with one retry: a true/false question whose answer is false.
private let retryQuiz = Course(
  id: "reprise", version: "1", languages: ["fr", "en"],
  title: LocalizedText(["fr": "Quiz", "en": "Quiz"]),
  activities: [
    .quiz(
      Quiz(
        id: "quiz", title: LocalizedText(["fr": "Vérification", "en": "Check"]), passPercent: 100, retries: 1,
        questions: [
          Question(
            id: "q1", prompt: LocalizedText(["fr": "Demander augmente le risque.", "en": "Asking raises the risk."]),
            kind: .truefalse(answer: false))
        ]))
  ], digest: "d2")

@Test func aFailedQuizOffersARetryThatStartsItOver() throws {
  // Wrong (vrai), Enter, then 1 to retry; q at the retried question.
  let (outcome, text, saves, session) = try drive(Array("v\n\n1\nq\n".utf8), course: retryQuiz)
  #expect(outcome == .paused(.quit))
  #expect(saves == 3)
  #expect(text.contains("✘ Mauvaise réponse.\n  La bonne réponse : Faux\n"))
  #expect(text.contains("✘ Activité échouée.\nScore : 0 sur 1 (0 %) ; note de passage : 100 %.\n"))
  #expect(text.contains("Il te reste un essai pour réussir cette activité.\n"))
  #expect(
    text.contains(
      "Tape 1 pour refaire l'activité ou 2 (ou Entrée) pour\ncontinuer (? aide, r répéter, q quitter)\n> 1\n"))
  #expect(text.contains("Activité 1 sur 1 : Vérification\n───"))
  #expect(text.contains("Nouvel essai 1 sur 1 : l'activité recommence.\n"))
  #expect(SessionDriver.resumeMessage(session)?.fr == "Reprise de « Vérification », question 1…")
}
