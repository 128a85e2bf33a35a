import CourseModel

/// Every sentence of the terminal interface, written whole in French and English.
///
/// Values from course files or the registry (titles, names) are interpolated as they are; the
/// console strips their control characters when it writes the sentence.
public enum InterfaceText {
  // MARK: Prompts: each says what it expects.

  public static let continuePage = Message(
    fr: "Appuie sur Entrée pour continuer (? aide, r répéter, q quitter)",
    en: "Press Enter to continue (? help, r repeat, q quit)")

  public static func chooseOne(count: Int) -> Message {
    Message(
      fr: "Tape le numéro d'un choix, de 1 à \(count) (? aide, r répéter, q quitter)",
      en: "Type a choice number, 1 to \(count) (? help, r repeat, q quit)")
  }

  public static let trueOrFalse = Message(
    fr: "Tape 1 pour vrai ou 2 pour faux ; v et f sont acceptés aussi (? aide, r répéter, q quitter)",
    en: "Type 1 for true or 2 for false; t and f work too (? help, r repeat, q quit)")

  public static func chooseSeveral(count: Int) -> Message {
    Message(
      fr:
        "Tape les numéros de tous les bons choix, de 1 à \(count), séparés par des espaces ou des virgules (? aide, r répéter, q quitter)",
      en:
        "Type the numbers of all the right choices, 1 to \(count), separated by spaces or commas (? help, r repeat, q quit)"
    )
  }

  public static func order(count: Int) -> Message {
    let example = exampleSequence(count)
    return Message(
      fr:
        "Tape les numéros des \(count) éléments dans le bon ordre, par exemple \(example) (? aide, r répéter, q quitter)",
      en: "Type the numbers of the \(count) items in the right order, for example \(example) (? help, r repeat, q quit)"
    )
  }

  public static func match(leftCount: Int, rightCount: Int) -> Message {
    let example = exampleSequence(leftCount)
    return Message(
      fr:
        "Pour chaque élément de gauche, dans l'ordre, tape le numéro (de 1 à \(rightCount)) de l'élément de droite qui lui correspond, par exemple \(example) (? aide, r répéter, q quitter)",
      en:
        "For each left item, in order, type the number (1 to \(rightCount)) of the right item that goes with it, for example \(example) (? help, r repeat, q quit)"
    )
  }

  public static let shortAnswer = Message(
    fr: "Tape ta réponse, puis Entrée (? aide, r répéter, q quitter)",
    en: "Type your answer, then Enter (? help, r repeat, q quit)")

  /// `2 1 3` for `count` items (at most five numbers): the first two swapped, so it is never the identity.
  static func exampleSequence(_ count: Int) -> String {
    guard count >= 2 else { return "1" }
    let rest = count >= 3 ? Array(3...min(count, 5)) : []
    return ([2, 1] + rest).map(String.init).joined(separator: " ")
  }

  // MARK: Help.

  public static let help = Message(
    fr: """
      Aide :
      - Une page de leçon attend Entrée (n'importe quelle ligne).
      - Un choix ou une question à une réponse : tape un numéro, par exemple 2.
      - Vrai ou faux : 1 (vrai) ou 2 (faux) ; v ou f aussi.
      - Plusieurs réponses : les numéros séparés par des espaces ou des virgules, par exemple 1 3.
      - Ordre : les numéros des éléments dans le bon ordre, par exemple 2 1 3.
      - Associations : pour chaque élément de gauche (A, B…), le numéro de son élément de droite, par exemple 2 1.
      - Réponse courte : tape le texte.
      ? affiche cette aide, r répète la question, q enregistre et quitte. Ta progression est enregistrée après chaque réponse ; relance la même commande pour reprendre.
      """,
    en: """
      Help:
      - A lesson page waits for Enter (any line).
      - A choice or a one-answer question: type a number, for example 2.
      - True or false: 1 (true) or 2 (false); t or f too.
      - Several answers: the numbers separated by spaces or commas, for example 1 3.
      - Order: the item numbers in the right order, for example 2 1 3.
      - Matching: for each left item (A, B…), the number of its right item, for example 2 1.
      - Short answer: type the text.
      ? shows this help, r repeats the question, q saves and quits. Your progress is saved after every answer; run the same command again to resume.
      """)

  // MARK: Input problems: the same prompt follows.

  public static let invalidEncoding = Message(
    fr: "Cette ligne n'est pas du texte UTF-8 valide ; elle a été ignorée. Tape ta réponse de nouveau.",
    en: "That line is not valid UTF-8 text; it was ignored. Please type your answer again.")

  public static func lineTooLong(limit: Int) -> Message {
    Message(
      fr: "Cette ligne dépasse \(limit) octets ; elle a été ignorée. Tape une réponse plus courte.",
      en: "That line is longer than \(limit) bytes; it was ignored. Please type a shorter answer.")
  }

  // MARK: Headings and positions.

  public static func activityHeading(index: Int, count: Int, title: String) -> Message {
    Message(fr: "Activité \(index) sur \(count) : \(title)", en: "Activity \(index) of \(count): \(title)")
  }

  public static func pageHeading(index: Int, count: Int) -> Message {
    Message(fr: "Page \(index) sur \(count)", en: "Page \(index) of \(count)")
  }

  public static func questionHeading(index: Int, count: Int) -> Message {
    Message(fr: "Question \(index) sur \(count)", en: "Question \(index) of \(count)")
  }

  /// Under the heading of an activity drawn from a pool.
  public static func drawnFromPool(draw: Int, size: Int) -> Message {
    draw == 1
      ? Message(
        fr: "Choisie parmi \(size) : chaque tentative en présente une autre, d'abord celle que tu n'as jamais "
          + "faite ou que tu as faite il y a le plus longtemps.",
        en: "Chosen from \(size): each attempt shows another one, first one you have never taken or took longest ago.")
      : Message(
        fr: "Choisies (\(draw) parmi \(size)) : chaque tentative en présente d'autres, d'abord celles que tu "
          + "n'as jamais faites ou que tu as faites il y a le plus longtemps.",
        en:
          "Chosen (\(draw) of \(size)): each attempt shows others, first those you have never taken or took longest ago."
      )
  }

  public static let practisedHeading = Message(fr: "Pratiqué dans cette tentative :", en: "Practised in this attempt:")

  /// One line of what an attempt practised: the activity, whether it was drawn, how many questions it asked.
  public static func practised(title: String, drawnFrom size: Int?, questions: Int?) -> Message {
    var fr = title
    var en = title
    if let size {
      fr += " (choisie parmi \(size))"
      en += " (chosen from \(size))"
    }
    if let questions {
      fr += " — \(questions) question\(questions > 1 ? "s" : "")"
      en += " — \(questions) question\(questions == 1 ? "" : "s")"
    }
    return Message(fr: fr, en: en)
  }

  public static func retryHeading(attempt: Int, of total: Int) -> Message {
    Message(
      fr: "Nouvel essai \(attempt) sur \(total) : l'activité recommence.",
      en: "Retry \(attempt) of \(total): the activity starts over.")
  }

  public static let leftItems = Message(fr: "À gauche :", en: "Left:")
  public static let rightItems = Message(fr: "À droite :", en: "Right:")
  public static let trueLabel = Message(fr: "Vrai", en: "True")
  public static let falseLabel = Message(fr: "Faux", en: "False")

  // MARK: Feedback.

  public static let rightAnswer = Message(fr: "Bonne réponse.", en: "Right answer.")
  public static let wrongAnswer = Message(fr: "Mauvaise réponse.", en: "Wrong answer.")

  public static func partialAnswer(score: String) -> Message {
    Message(fr: "Réponse en partie juste : \(score) point sur 1.", en: "Partly right: \(score) point out of 1.")
  }

  public static let questionsToReview = Message(fr: "Questions à revoir :", en: "Questions to review:")

  public static func yourAnswer(_ answer: String) -> Message {
    Message(fr: "Ta réponse : \(answer)", en: "Your answer: \(answer)")
  }

  public static func correctAnswerWas(_ answer: String) -> Message {
    Message(fr: "La bonne réponse : \(answer)", en: "The right answer: \(answer)")
  }

  public static func explanation(_ text: String) -> Message {
    Message(fr: "Explication : \(text)", en: "Explanation: \(text)")
  }

  public static let criticalChoice = Message(
    fr: "Choix critique : ce choix fait échouer la mise en situation.",
    en: "Critical choice: this choice fails the role-play.")

  // MARK: Results.

  public static let activityPassed = Message(fr: "Activité réussie.", en: "Activity passed.")
  public static let activityFailed = Message(fr: "Activité échouée.", en: "Activity failed.")
  public static let coursePassed = Message(fr: "Cours réussi.", en: "Course passed.")
  public static let courseFailed = Message(fr: "Cours échoué.", en: "Course failed.")

  public static func quizScore(score: String, outOf total: Int, percent: String, passPercent: Int) -> Message {
    Message(
      fr: "Score : \(score) sur \(total) (\(percent) %) ; note de passage : \(passPercent) %.",
      en: "Score: \(score) out of \(total) (\(percent)%); pass mark: \(passPercent)%.")
  }

  public static func roleplayPoints(_ points: Int, passMark: Int?) -> Message {
    if let passMark {
      return Message(
        fr: "Points : \(points) ; il en faut au moins \(passMark).",
        en: "Points: \(points); at least \(passMark) needed.")
    }
    return Message(fr: "Points : \(points).", en: "Points: \(points).")
  }

  public static func skillScore(skill: String, points: Int, minimum: Int?) -> Message {
    if let minimum {
      return Message(
        fr: "\(skill) : \(points) (minimum \(minimum))",
        en: "\(skill): \(points) (minimum \(minimum))")
    }
    return Message(fr: "\(skill) : \(points)", en: "\(skill): \(points)")
  }

  public static func ending(_ debrief: String) -> Message {
    Message(fr: "Dénouement : \(debrief)", en: "Outcome: \(debrief)")
  }

  public static let skillsProfile = Message(fr: "Profil de compétences :", en: "Skills profile:")
  public static let pathTaken = Message(fr: "Ton parcours :", en: "Your path:")
  public static let criticalChoiceTaken = Message(
    fr: "Un choix critique a été fait : la mise en situation est échouée, peu importe le dénouement.",
    en: "A critical choice was made: the role-play fails whatever the outcome.")
  public static let courseSummaryHeading = Message(fr: "Bilan du cours", en: "Course summary")
  public static let certificationHeading = Message(fr: "Certification :", en: "Certification:")
  public static let noCertificationEffect = Message(
    fr: "Ce cours ne change aucune certification.",
    en: "This course changes no certification.")

  // MARK: Sessions: start, resume, stop.

  public static func courseTitle(_ title: String) -> Message {
    Message(fr: "Cours : \(title)", en: "Course: \(title)")
  }

  public static func resumeAtPage(activity: String, page: Int) -> Message {
    Message(fr: "Reprise de « \(activity) », page \(page)…", en: "Resuming “\(activity)”, page \(page)…")
  }

  public static func resumeAtScene(activity: String, scene: Int) -> Message {
    Message(fr: "Reprise de « \(activity) », scène \(scene)…", en: "Resuming “\(activity)”, scene \(scene)…")
  }

  public static func resumeAtQuestion(activity: String, question: Int) -> Message {
    Message(
      fr: "Reprise de « \(activity) », question \(question)…", en: "Resuming “\(activity)”, question \(question)…")
  }

  public static func resumeAtResult(activity: String) -> Message {
    Message(fr: "Reprise au résultat de « \(activity) »…", en: "Resuming at the result of “\(activity)”…")
  }

  /// Activities planned for the attempt (drawn from a pool, or taken) that a changed course file no longer has.
  public static func plannedActivitiesRemoved(_ ids: [String]) -> Message {
    let french = ids.map { "« \($0) »" }.joined(separator: ", ")
    let english = ids.map { "“\($0)”" }.joined(separator: ", ")
    return Message(
      fr: "Prévu pour cette tentative, \(french) n'est plus dans le cours : une autre activité est tirée à sa place.",
      en: "Planned for this attempt, \(english) is no longer in the course: another activity is drawn instead.")
  }

  public static func courseChanged(activity: String) -> Message {
    Message(
      fr:
        "Le fichier du cours a changé depuis le début de cette tentative. Les activités terminées sont conservées ; « \(activity) » recommence au début.",
      en:
        "The course file has changed since this attempt began. Finished activities are kept; “\(activity)” starts over from the beginning."
    )
  }

  public static let attemptAbandoned = Message(
    fr: "La tentative en cours a été abandonnée (elle reste dans l'historique) ; une nouvelle tentative commence.",
    en: "The attempt in progress was abandoned (it stays in the history); a new attempt begins.")

  public static let pausedByRequest = Message(
    fr: "Progression enregistrée. Relance la même commande pour reprendre.",
    en: "Progress saved. Run the same command again to resume.")

  public static let pausedAtEndOfInput = Message(
    fr: "Fin de l'entrée : progression enregistrée. Relance la même commande pour reprendre.",
    en: "End of input: progress saved. Run the same command again to resume.")

  public static let interrupted = Message(
    fr: "Interruption (Ctrl-C) : progression enregistrée. Relance la même commande pour reprendre.",
    en: "Interrupted (Ctrl-C): progress saved. Run the same command again to resume.")

  public static let terminated = Message(
    fr: "Arrêt demandé (SIGTERM) : progression enregistrée. Relance la même commande pour reprendre.",
    en: "Stop requested (SIGTERM): progress saved. Run the same command again to resume.")
}

extension InterfaceText {
  public static let retryOrContinue = Message(
    fr: "Tape 1 pour refaire l'activité ou 2 (ou Entrée) pour continuer (? aide, r répéter, q quitter)",
    en: "Type 1 to do the activity again, or 2 (or Enter) to go on (? help, r repeat, q quit)")

  public static func retriesLeft(_ count: Int) -> Message {
    count == 1
      ? Message(
        fr: "Il te reste un essai pour réussir cette activité.",
        en: "You have one more try to pass this activity.")
      : Message(
        fr: "Il te reste \(count) essais pour réussir cette activité.",
        en: "You have \(count) more tries to pass this activity.")
  }

  public static func skillPoints(skill: String, points: Int) -> Message {
    let signed = points > 0 ? "+\(points)" : "\(points)"
    return Message(fr: "\(skill) : \(signed)", en: "\(skill): \(signed)")
  }

}
