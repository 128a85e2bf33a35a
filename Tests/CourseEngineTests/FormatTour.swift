import CourseModel

/// Text in French and English.
func bi(_ fr: String, _ en: String) -> LocalizedText { LocalizedText(["fr": fr, "en": en]) }

/// A paragraph block in one language.
func paragraph(_ language: String, _ text: String) -> LanguageBlock {
  LanguageBlock(language: language, block: .paragraph([.text(text)]), location: .unknown)
}

/// A Swift-value copy of Courses/format-tour.xml (the format tour of DESIGN §3).
enum FormatTour {
  static let roleplay = Roleplay(
    id: "pause-cafe", title: bi("La pause café", "The coffee break"),
    setting: bi(
      "Pendant la pause, Luc, un collègue, a l'air épuisé.", "During the break, Luc, a co-worker, looks exhausted."),
    start: "accueil", pass: 3, retries: 1, characters: [Persona(id: "luc", name: "Luc")],
    skills: [
      Skill(id: "ecoute", title: bi("Écoute", "Listening"), min: 1),
      Skill(id: "reference", title: bi("Référence", "Referral")),
    ],
    variables: [Variable(name: "confiance", initial: 0)],
    scenes: [
      Scene(
        id: "accueil",
        lines: [
          Line(by: "luc", language: "fr", text: "Ça va… je suis juste fatigué."),
          Line(by: "luc", language: "en", text: "I'm fine… just tired."),
        ],
        choices: [
          Choice(
            say: bi(
              "Tu as l'air épuisé ces temps-ci. Qu'est-ce qui se passe pour toi ?",
              "You've looked worn out lately. What's going on for you?"),
            feedback: bi(
              "Une question ouverte laisse Luc libre de répondre.", "An open question leaves Luc free to answer."),
            scores: [ScoreEffect(skill: "ecoute", points: 2)],
            sets: [SetEffect(variable: "confiance", operation: .add(1))], to: "ouverture"),
          Choice(
            say: bi("Tu devrais prendre des vacances.", "You should take a vacation."),
            feedback: bi(
              "Un conseil non demandé ferme la conversation.", "Unasked-for advice closes the conversation."),
            scores: [ScoreEffect(skill: "ecoute", points: -1)], to: "conseil"),
        ]),
      Scene(
        id: "conseil",
        lines: [
          Line(by: "luc", language: "fr", text: "Ouais… peut-être."),
          Line(by: "luc", language: "en", text: "Yeah… maybe."),
        ],
        gotos: [Goto(to: "ouverture")]),
      Scene(
        id: "ouverture",
        lines: [
          Line(by: "luc", language: "fr", text: "C'est la maison. Ma fille est malade et je ne dors plus."),
          Line(by: "luc", language: "en", text: "It's home. My daughter is sick and I can't sleep anymore."),
        ],
        gotos: [Goto(to: "fin-reference", condition: .compare(variable: "confiance", .greaterOrEqual, 2))],
        choices: [
          Choice(
            say: bi("Tu portes beaucoup en ce moment.", "You're carrying a lot right now."),
            feedback: bi("Un reflet montre que tu as compris.", "A reflection shows you understood."),
            scores: [ScoreEffect(skill: "ecoute", points: 1)],
            sets: [SetEffect(variable: "confiance", operation: .add(1))], to: "ouverture",
            condition: .compare(variable: "confiance", .less, 2), once: true),
          Choice(
            say: bi(
              "Je te promets que je n'en parlerai jamais à personne, quoi qu'il arrive.",
              "I promise I'll never tell anyone, whatever happens."),
            feedback: bi(
              "On ne promet jamais un secret absolu : la vie peut être en jeu.",
              "Never promise absolute secrecy: a life may be at stake."),
            to: "fin-secret", critical: true),
          Choice(
            say: bi(
              "Le PAE offre un soutien confidentiel. Veux-tu qu'on regarde ensemble ?",
              "The EAP offers confidential support. Shall we look at it together?"),
            feedback: bi("Tu réfères en accompagnant.", "You refer while staying alongside."),
            scores: [ScoreEffect(skill: "reference", points: 2)], to: "fin-reference"),
        ]),
    ],
    endings: [
      Ending(
        id: "fin-reference", result: .pass,
        debrief: bi(
          "Luc se sent écouté et sait où trouver de l'aide.", "Luc feels heard and knows where to find help.")),
      Ending(
        id: "fin-secret", result: .fail,
        debrief: bi(
          "La promesse de secret absolu peut t'empêcher d'agir si sa vie est en danger.",
          "A promise of absolute secrecy can stop you acting if a life is in danger.")),
    ])

  static let quiz = Quiz(
    id: "verification", title: bi("Vérification", "Check"), passPercent: 75, shuffle: true, draw: 5, retries: 1,
    questions: [
      Question(
        id: "q-ligne",
        prompt: bi(
          "Un collègue te confie qu'il pense au suicide ; il n'est pas en danger immédiat. Quelle ligne lui proposes-tu d'appeler avec lui ?",
          "A co-worker tells you he is thinking about suicide; he is not in immediate danger. Which line do you offer to call with him?"
        ),
        explain: bi(
          "1 866 APPELLE répond 24 heures sur 24 ; en cas de danger imminent, c'est le 911.",
          "1 866 APPELLE answers 24/7; in imminent danger, call 911."),
        kind: .single([
          AnswerOption(text: bi("1 866 APPELLE (1 866 277-3553)", "1 866 APPELLE (1 866 277-3553)"), correct: true),
          AnswerOption(
            text: bi("211", "211"),
            feedback: bi(
              "Le 211 oriente vers les ressources communautaires ; ses heures varient selon la région.",
              "211 points to community resources; its hours vary by region.")),
        ])),
      Question(
        id: "q-role",
        prompt: bi(
          "Que fait une entraidante ou un entraidant ? (plusieurs réponses)",
          "What does a peer helper do? (several answers)"),
        kind: .multiple([
          AnswerOption(text: bi("Écouter", "Listen"), correct: true),
          AnswerOption(text: bi("Référer", "Refer"), correct: true),
          AnswerOption(text: bi("Poser un diagnostic", "Diagnose")),
        ])),
      Question(
        id: "q-demander",
        prompt: bi(
          "Demander directement à une personne si elle pense au suicide augmente le risque.",
          "Asking someone directly whether they think of suicide increases the risk."),
        explain: bi(
          "Les études ne montrent aucune hausse des idées suicidaires.",
          "Studies show no increase in suicidal thoughts."),
        kind: .truefalse(answer: false)),
      Question(
        id: "q-etapes", prompt: bi("Place les étapes dans l'ordre.", "Put the steps in order."),
        kind: .order([bi("Accueillir", "Welcome"), bi("Écouter", "Listen"), bi("Référer", "Refer")])),
      Question(
        id: "q-ressources",
        prompt: bi("Associe chaque situation à une ressource.", "Match each situation with a resource."),
        kind: .match([
          MatchPair(left: bi("Danger immédiat", "Immediate danger"), right: bi("911", "911")),
          MatchPair(
            left: bi("Détresse, besoin de parler la nuit", "Distress, needs to talk at night"),
            right: bi("811, option 2", "811, option 2")),
        ])),
      Question(
        id: "q-988",
        prompt: bi(
          "Quel numéro à trois chiffres joint la ligne d'aide en cas de crise suicidaire au Canada ?",
          "Which three-digit number reaches Canada's suicide crisis helpline?"),
        explain: bi(
          "Le 9-8-8 répond par appel ou texto depuis le 30 novembre 2023.",
          "9-8-8 has answered calls and texts since 30 November 2023."),
        kind: .short(accept: ["988", "9-8-8"])),
    ])

  static let course = Course(
    id: "format-tour", version: "1.0", languages: ["fr", "en"], duration: "PT15M", audience: .authors,
    title: bi("Visite du format", "Format tour"),
    summary: bi(
      "La visite du format, pour les autrices et auteurs de cours : un petit cours qui montre chaque élément du format. Ce n'est pas une formation et il ne compte pour aucune certification. Comme chaque cours d'Entraide, il appuie la formation de ton syndicat ; il ne la remplace pas.",
      "The format tour, for course authors: a small course that shows every element of the format. It is not a training course and counts for no certification. Like every Entraide course, it supports your union's own training; it does not replace it."
    ),
    sources: ["https://www.csn.qc.ca/reseau-entraide/"],
    activities: [
      .lesson(
        Lesson(
          id: "intro", title: bi("Introduction", "Introduction"),
          pages: [
            Page(blocks: [
              LanguageBlock(
                language: "fr",
                block: .paragraph([
                  .text("L'entraidante ou l'entraidant "), .emphasis([.text("accueille")]), .text(", "),
                  .strong([.text("écoute")]), .text(", accompagne et réfère."),
                ]), location: .unknown),
              LanguageBlock(
                language: "en",
                block: .paragraph([
                  .text("The peer helper "), .emphasis([.text("welcomes")]), .text(", "),
                  .strong([.text("listens")]), .text(", accompanies and refers."),
                ]), location: .unknown),
              LanguageBlock(
                language: "fr", block: .list([[.text("Accueillir")], [.text("Écouter")]]), location: .unknown),
              LanguageBlock(language: "en", block: .list([[.text("Welcome")], [.text("Listen")]]), location: .unknown),
            ]),
            Page(blocks: [paragraph("fr", "On n'est pas thérapeute."), paragraph("en", "We are not therapists.")]),
          ])),
      .roleplay(roleplay),
      .quiz(quiz),
      .pool(
        Pool(
          id: "rappels",
          activities: [
            .lesson(
              Lesson(
                id: "rappel-ressources", title: bi("Rappel : les ressources", "Reminder: resources"),
                pages: [
                  Page(blocks: [
                    paragraph("fr", "Le PAE offre un soutien confidentiel."),
                    paragraph("en", "The EAP offers confidential support."),
                  ])
                ])),
            .lesson(
              Lesson(
                id: "rappel-limites", title: bi("Rappel : nos limites", "Reminder: our limits"),
                pages: [
                  Page(blocks: [
                    paragraph("fr", "On accompagne et on réfère ; on ne pose pas de diagnostic."),
                    paragraph("en", "We accompany and refer; we do not diagnose."),
                  ])
                ])),
          ])),
    ],
    digest: "tour-digest-1")
}
