import CourseModel
import Testing

@testable import TerminalUI

@Test func aLessonPageShowsParagraphsListsAndEmphasisMarkers() {
  let (console, out) = makeConsole(width: 40)
  let renderer = CourseRenderer(console: console)
  renderer.lessonPage(
    [
      .paragraph([
        .text("L'entraidant·e "), .emphasis([.text("accueille")]), .text(", "), .strong([.text("écoute")]),
        .text(", accompagne et réfère vers les bonnes ressources."),
      ]),
      .list([[.text("Accueillir")], [.text("Écouter sans juger, même quand la personne hésite longtemps")]]),
    ], index: 1, count: 2)
  #expect(
    out.text == """

      Page 1 sur 2

      L'entraidant·e _accueille_, *écoute*,
      accompagne et réfère vers les bonnes
      ressources.

        • Accueillir
        • Écouter sans juger, même quand la
          personne hésite longtemps

      """)
}

@Test func plainModeUsesAsciiBulletsAndNoMarks() {
  let (console, out) = makeConsole(width: 40, plain: true, language: .en)
  let renderer = CourseRenderer(console: console)
  renderer.blocks([.list([[.text("Welcome")], [.text("Listen")]])])
  renderer.feedback(.right, text: "An open question leaves Luc free to answer.")
  renderer.feedback(.wrong, text: nil)
  #expect(
    out.text == """

        - Welcome
        - Listen

      Right answer.
        An open question leaves Luc free to
        answer.

      Wrong answer.

      """)
}

@Test func feedbackCarriesAWordAndAMarkWithOrWithoutColour() {
  let (bare, bareOut) = makeConsole()
  CourseRenderer(console: bare).feedback(.right, text: nil)
  #expect(bareOut.text == "\n✔ Bonne réponse.\n")
  let (coloured, colouredOut) = makeConsole(colour: true)
  CourseRenderer(console: coloured).feedback(.wrong, text: nil)
  #expect(colouredOut.text == "\n\u{1B}[31m✘ Mauvaise réponse.\u{1B}[0m\n")
  let (partial, partialOut) = makeConsole()
  CourseRenderer(console: partial).feedback(.partial(0.5), text: nil)
  #expect(partialOut.text == "\n◐ Réponse en partie juste : 0,5 point sur 1.\n")
}

@Test func aSceneShowsTheSettingAndQuotedLinesInEachLanguage() {
  let (fr, frOut) = makeConsole(width: 40)
  let renderer = CourseRenderer(console: fr)
  renderer.scene(
    setting: "Pendant la pause, Luc, un collègue, a l'air épuisé.",
    lines: [DialogueLine(speaker: "Luc", text: "C'est la maison. Ma fille est malade et je ne dors plus.")])
  renderer.choices([
    "Tu portes beaucoup en ce moment.", "Le PAE offre un soutien confidentiel. Veux-tu qu'on regarde ensemble ?",
  ])
  #expect(
    frOut.text == """

      Pendant la pause, Luc, un collègue, a
      l'air épuisé.

      Luc : « C'est la maison. Ma fille est
        malade et je ne dors plus. »

        1. Tu portes beaucoup en ce moment.
        2. Le PAE offre un soutien
           confidentiel. Veux-tu qu'on regarde
           ensemble ?

      """)

  let (en, enOut) = makeConsole(width: 80, plain: true, language: .en)
  CourseRenderer(console: en).scene(setting: nil, lines: [DialogueLine(speaker: "Luc", text: "I'm fine… just tired.")])
  #expect(enOut.text == "\nLuc: \"I'm fine… just tired.\"\n")
}

@Test func courseTextEscapeSequencesArePrintedWithoutThem() {
  let (console, out) = makeConsole(colour: true)
  let renderer = CourseRenderer(console: console)
  renderer.scene(setting: nil, lines: [DialogueLine(speaker: "Luc\u{1B}[8m", text: "Salut\u{1B}[2J\u{1B}[H !")])
  renderer.choices(["Choix\u{1B}]0;titre\u{07} un"])
  #expect(out.text == "\n\u{1B}[1;36mLuc\u{1B}[0m : « Salut ! »\n\n  1. Choix un\n")
}

@Test func eachQuestionKindShowsItsForm() {
  let (console, out) = makeConsole(width: 60)
  let renderer = CourseRenderer(console: console)
  renderer.question(
    index: 4, count: 5, prompt: "Associe chaque situation à une ressource.",
    form: .match(left: ["Danger immédiat", "Détresse la nuit"], right: ["811, option 2", "911"]))
  renderer.prompt(PromptKind(.match(left: ["a", "b"], right: ["1", "2"])))
  #expect(
    out.text == """

      Question 4 sur 5
      Associe chaque situation à une ressource.

      À gauche :
        A. Danger immédiat
        B. Détresse la nuit
      À droite :
        1. 811, option 2
        2. 911

      Pour chaque élément de gauche, dans l'ordre, tape le numéro
      (de 1 à 2) de l'élément de droite qui lui correspond, par
      exemple 2 1 (? aide, r répéter, q quitter)
      > 
      """)

  let (tf, tfOut) = makeConsole(width: 80, language: .en)
  CourseRenderer(console: tf).question(index: 1, count: 1, prompt: "Asking increases the risk.", form: .trueFalse)
  #expect(tfOut.text == "\nQuestion 1 of 1\nAsking increases the risk.\n\n  1. True\n  2. False\n")

  #expect(
    PromptKind(.order(["x", "y", "z"])).message.fr
      == "Tape les numéros des 3 éléments dans le bon ordre, par exemple 2 1 3 (? aide, r répéter, q quitter)")
  #expect(
    PromptKind(.multiple(["x", "y", "z", "w"])).message.en
      == "Type the numbers of all the right choices, 1 to 4, separated by spaces or commas (? help, r repeat, q quit)")
  #expect(PromptKind(.short).message.fr == "Tape ta réponse, puis Entrée (? aide, r répéter, q quitter)")
  #expect(PromptKind(.trueFalse).message.fr.hasPrefix("Tape 1 pour vrai ou 2 pour faux"))
}

@Test func tenOrMoreChoicesAlignTheirNumbers() {
  let (console, out) = makeConsole()
  CourseRenderer(console: console).numbered((1...10).map { "c\($0)" })
  #expect(out.text.hasPrefix("   1. c1\n   2. c2\n"))
  #expect(out.text.hasSuffix("   9. c9\n  10. c10\n"))
  #expect(CourseRenderer.letter(0) == "A")
  #expect(CourseRenderer.letter(25) == "Z")
  #expect(CourseRenderer.letter(26) == "AA")
}

@Test func aRoleplaySummaryShowsScoreSkillsAndPathWithFeedback() {
  let (console, out) = makeConsole(width: 60)
  CourseRenderer(console: console).activitySummary(
    ActivitySummary(
      title: "La pause café", passed: false,
      detail: .roleplay(
        points: 2, passMark: 3,
        skills: [SkillLine(title: "Écoute", points: 2, minimum: 1), SkillLine(title: "Référence", points: 0)],
        ending: "La promesse de secret absolu peut t'empêcher d'agir.", reasons: [InterfaceText.criticalChoiceTaken],
        path: [
          PathStep(said: "Tu as l'air épuisé ces temps-ci.", feedback: "Une question ouverte laisse Luc libre."),
          PathStep(said: "Je te promets le secret.", feedback: "On ne promet jamais un secret absolu.", critical: true),
        ])))
  #expect(
    out.text == """

      La pause café
      ✘ Activité échouée.
      Points : 2 ; il en faut au moins 3.
      Profil de compétences :
        • Écoute : 2 (minimum 1)
        • Référence : 0
      Dénouement : La promesse de secret absolu peut t'empêcher
      d'agir.
      ✘ Un choix critique a été fait : la mise en situation est
        échouée, peu importe le dénouement.
      Ton parcours :
        1. « Tu as l'air épuisé ces temps-ci. »
           Une question ouverte laisse Luc libre.
        2. « Je te promets le secret. »
           On ne promet jamais un secret absolu.
           ✘ Choix critique : ce choix fait échouer la mise en
           situation.

      """)
}

@Test func aCourseSummaryEndsWithTheCertificationEffect() {
  let (console, out) = makeConsole(width: 80, plain: true, language: .en)
  CourseRenderer(console: console).courseSummary(
    passed: true,
    activities: [
      ActivitySummary(title: "Introduction", passed: nil, detail: .lesson),
      ActivitySummary(title: "Check", passed: true, detail: .quiz(score: 3.5, questionCount: 4, passPercent: 75)),
    ],
    certificationLines: [
      Message(fr: "Entraidant·e : valide jusqu'au 2027-11-21", en: "Peer helper: valid through 2027-11-21")
    ])
  #expect(
    out.text == """

      Course summary

      Check
      Activity passed.
      Score: 3.5 out of 4 (87.5%); pass mark: 75%.

      Course passed.

      Certification:
        Peer helper: valid through 2027-11-21

      """)
}

@Test func aQuizSummaryListsTheQuestionsToReview() {
  let (console, out) = makeConsole(width: 60, plain: true, language: .fr)
  CourseRenderer(console: console).activitySummary(
    ActivitySummary(
      title: "Vérification", passed: false,
      detail: .quiz(
        score: 1, questionCount: 2, passPercent: 75,
        review: [
          QuestionReview(
            prompt: "Quel numéro joint la ligne québécoise de prévention du suicide ?", answerGiven: "211",
            rightAnswer: "1 866 APPELLE (1 866 277-3553)", explanation: "1 866 APPELLE répond 24 h sur 24.")
        ])))
  #expect(
    out.text == """

      Vérification
      Activité échouée.
      Score : 1 sur 2 (50 %) ; note de passage : 75 %.
      Questions à revoir :
        1. Quel numéro joint la ligne québécoise de prévention du
           suicide ?
           Ta réponse : 211
           La bonne réponse : 1 866 APPELLE (1 866 277-3553)
           Explication : 1 866 APPELLE répond 24 h sur 24.

      """)
}
