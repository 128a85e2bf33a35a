import CourseModel

extension CourseCheck {
  /// Why the course fails `entraide test`: no passing run, dead ends, unreached parts, quiz problems.
  public func failures(language: Language) -> [String] {
    failureMessages.map { $0.text(language) }
  }

  /// Informational lines: the choices after which no passing run exists, saturated scores.
  public func notes(language: Language) -> [String] {
    noteMessages.map { $0.text(language) }
  }

  /// `PASS id (summary)` or `FAIL id (summary)`, then failures and notes indented by two spaces.
  public func report(language: Language) -> [String] {
    let status = passed ? "PASS" : "FAIL"
    return ["\(status) \(courseID) (\(summary.text(language)))"]
      + (failures(language: language) + notes(language: language)).map { "  " + $0 }
  }

  /// `1 role-play: 2 endings reached, best 4, worst -1; 1 quiz: 200 seeds`.
  public var summary: Message {
    var french: [String] = []
    var english: [String] = []
    if !roleplays.isEmpty {
      let details = roleplays.map { exploration -> Message in
        let reached = exploration.endingsReached.count
        let scores: Message =
          if let best = exploration.bestTotal, let worst = exploration.worstTotal {
            Message(fr: ", meilleur \(best), pire \(worst)", en: ", best \(best), worst \(worst)")
          } else {
            Message(fr: "", en: "")
          }
        let prefix = roleplays.count > 1 ? exploration.roleplayID + " " : ""
        return Message(
          fr: "\(prefix)\(reached) fin\(reached > 1 ? "s" : "") atteinte\(reached > 1 ? "s" : "")\(scores.fr)",
          en: "\(prefix)\(reached) ending\(reached == 1 ? "" : "s") reached\(scores.en)")
      }
      let count = roleplays.count
      french.append(
        "\(count) mise\(count > 1 ? "s" : "") en situation : " + details.map(\.fr).joined(separator: " ; "))
      english.append("\(count) role-play\(count > 1 ? "s" : ""): " + details.map(\.en).joined(separator: "; "))
    }
    if !quizzes.isEmpty {
      let count = quizzes.count
      let seeds = quizzes.map(\.seeds).max() ?? 0
      french.append(
        "\(count) questionnaire\(count > 1 ? "s" : "") : \(seeds) graine\(seeds > 1 ? "s" : "")\(count > 1 ? " chacun" : "")"
      )
      english.append(
        "\(count) quiz\(count > 1 ? "zes" : ""): \(seeds) seed\(seeds == 1 ? "" : "s")\(count > 1 ? " each" : "")")
    }
    if french.isEmpty {
      return Message(fr: "rien à mettre à l'épreuve", en: "nothing to test")
    }
    return Message(fr: french.joined(separator: " ; "), en: english.joined(separator: "; "))
  }

  var failureMessages: [Message] {
    var messages: [Message] = []
    for exploration in roleplays {
      let id = exploration.roleplayID
      if !exploration.complete {
        messages.append(
          Message(
            fr: "\(id) : exploration arrêtée après \(exploration.stateCount) états",
            en: "\(id): exploration stopped after \(exploration.stateCount) states"))
      }
      if !exploration.passingRunExists {
        messages.append(Message(fr: "\(id) : aucun parcours ne réussit", en: "\(id): no run passes"))
      }
      for deadEnd in exploration.deadEnds {
        let values = Self.describe(deadEnd.variables)
        switch deadEnd.kind {
        case .noWayOut:
          messages.append(
            Message(
              fr: "\(id) : la scène « \(deadEnd.sceneID) » n'a aucune issue\(values.isEmpty ? "" : " (\(values))")",
              en: "\(id): scene '\(deadEnd.sceneID)' has no way out\(values.isEmpty ? "" : " (\(values))")"))
        case .gotoLoop:
          messages.append(
            Message(
              fr:
                "\(id) : les renvois automatiques tournent en rond à la scène « \(deadEnd.sceneID) »\(values.isEmpty ? "" : " (\(values))")",
              en: "\(id): automatic jumps loop at scene '\(deadEnd.sceneID)'\(values.isEmpty ? "" : " (\(values))")"))
        case .missingTarget:
          messages.append(
            Message(
              fr: "\(id) : « \(deadEnd.sceneID) » n'est ni une scène ni une fin",
              en: "\(id): '\(deadEnd.sceneID)' is neither a scene nor an ending"))
        }
      }
      for scene in exploration.scenesNeverReached {
        messages.append(
          Message(
            fr: "\(id) : la scène « \(scene) » n'est jamais atteinte", en: "\(id): scene '\(scene)' is never reached"))
      }
      for choice in exploration.choicesNeverReached {
        messages.append(
          Message(
            fr:
              "\(id) : le choix \(choice.index + 1) de la scène « \(choice.sceneID) » n'est jamais offert\(Self.quote(choice, .fr))",
            en:
              "\(id): choice \(choice.index + 1) of scene '\(choice.sceneID)' is never offered\(Self.quote(choice, .en))"
          ))
      }
      for ending in exploration.endingsNeverReached {
        messages.append(
          Message(
            fr: "\(id) : la fin « \(ending) » n'est jamais atteinte", en: "\(id): ending '\(ending)' is never reached"))
      }
    }
    for quiz in quizzes {
      for problem in quiz.problems {
        let text = problem.message
        messages.append(Message(fr: "\(quiz.quizID) : \(text.fr)", en: "\(quiz.quizID): \(text.en)"))
      }
    }
    return messages
  }

  var noteMessages: [Message] {
    var messages: [Message] = []
    for exploration in roleplays where exploration.passingRunExists {
      let id = exploration.roleplayID
      for choice in exploration.failingChoices {
        let critical = choice.critical ? Message(fr: ", un choix critique", en: ", a critical choice") : nil
        messages.append(
          Message(
            fr:
              "\(id) : aucun parcours ne réussit après le choix \(choice.index + 1) de la scène « \(choice.sceneID) »\(Self.quote(choice, .fr))\(critical?.fr ?? "")",
            en:
              "\(id): no passing run after choice \(choice.index + 1) of scene '\(choice.sceneID)'\(Self.quote(choice, .en))\(critical?.en ?? "")"
          ))
      }
    }
    for exploration in roleplays where exploration.saturated {
      messages.append(
        Message(
          fr:
            "\(exploration.roleplayID) : une boucle fait croître un score ou une variable sans limite ; les totaux sont bornés",
          en: "\(exploration.roleplayID): a loop grows a score or variable without limit; totals are bounded"))
    }
    return messages
  }

  static func quote(_ choice: ChoiceReference, _ language: Language) -> String {
    guard let say = choice.say.text(language.rawValue)?.strippingControlCharacters(), !say.isEmpty else { return "" }
    return language == .fr ? " (« \(say) »)" : " (\"\(say)\")"
  }

  static func describe(_ variables: [String: Int]) -> String {
    variables.keys.sorted().map { "\($0) = \(variables[$0] ?? 0)" }.joined(separator: ", ")
  }
}
