import CourseEngine
import CourseModel
import CourseXML

/// The dynamic lint rules of `entraide validate`: what the engine's explorer finds by playing every
/// role-play (no passing run, states with no way out, parts that conditions never let through).
enum ValidateExploration {
  /// Findings for every role-play of `course`; parts the static rules already report are left out.
  static func findings(for course: Course, path: String, explorer: Explorer = Explorer()) -> [Finding] {
    var result: [Finding] = []
    for activity in course.allActivities {
      guard case .roleplay(let roleplay) = activity else { continue }
      let exploration = explorer.explore(roleplay)
      result += findings(roleplay, exploration, path: path)
    }
    return result
  }

  static func findings(_ roleplay: Roleplay, _ exploration: RoleplayExploration, path: String) -> [Finding] {
    var result: [Finding] = []
    func add(_ code: String, _ message: Message, _ location: SourceLocation, _ severity: Finding.Severity = .error) {
      result.append(Finding(path: path, location: location, severity: severity, code: code, message: message))
    }
    let id = roleplay.id
    if !exploration.complete {
      add(
        "exploration-incomplete",
        Message(
          fr: "l'exploration du jeu de rôle « \(id) » s'est arrêtée après \(exploration.stateCount) états ; "
            + "les vérifications dynamiques sont incomplètes",
          en: "exploring role-play '\(id)' stopped after \(exploration.stateCount) states; "
            + "the dynamic checks are incomplete"),
        roleplay.location, .warning)
    }
    if !exploration.passingRunExists {
      add(
        "no-passing-run",
        Message(
          fr: "aucun parcours du jeu de rôle « \(id) » ne réussit : chaque chemin finit sur une fin échouée, "
            + "passe par un choix critique ou manque pass ou le min d'une compétence ; vérifiez result, pass et min",
          en: "no run of role-play '\(id)' passes: every path ends at a failing ending, takes a critical choice "
            + "or misses pass or a skill's min; check result, pass and min"),
        roleplay.location)
    }
    for deadEnd in exploration.deadEnds {
      guard let scene = roleplay.scene(deadEnd.sceneID) else { continue }
      let values = deadEnd.variables.keys.sorted().map { "\($0) = \(deadEnd.variables[$0] ?? 0)" }
        .joined(separator: ", ")
      let state = values.isEmpty ? "" : " (\(values))"
      switch deadEnd.kind {
      case .noWayOut:
        // A scene without any goto or choice is already a static finding.
        if scene.gotos.isEmpty && scene.choices.isEmpty { continue }
        add(
          "stuck",
          Message(
            fr: "la scène « \(scene.id) » peut être atteinte dans un état\(state) où aucun goto ne s'applique "
              + "et aucun choix n'est offert ; ajoutez un choix sans condition ou un goto",
            en: "scene '\(scene.id)' can be reached in a state\(state) where no goto holds and no choice is offered; "
              + "add a choice without a condition or a goto"),
          scene.location)
      case .gotoLoop:
        add(
          "goto-loop",
          Message(
            fr: "les goto automatiques reviennent à la scène « \(scene.id) »\(state) sans choix entre-temps ; "
              + "ajoutez une condition qui termine la boucle",
            en: "automatic gotos come back to scene '\(scene.id)'\(state) with no choice in between; "
              + "add a condition that ends the loop"),
          scene.location)
      case .missingTarget:
        continue  // a static finding (unknown-scene)
      }
    }
    let staticallyReachable = roleplay.reachableFromStart
    for sceneID in exploration.scenesNeverReached where staticallyReachable.contains(sceneID) {
      guard let scene = roleplay.scene(sceneID) else { continue }
      add(
        "never-reached",
        Message(
          fr: "la scène « \(sceneID) » n'est jamais montrée : les conditions qui y mènent ne sont jamais vraies ; "
            + "vérifiez les if",
          en: "scene '\(sceneID)' is never shown: the conditions leading to it never hold; check the if conditions"),
        scene.location, .warning)
    }
    for choice in exploration.choicesNeverReached {
      guard let scene = roleplay.scene(choice.sceneID), scene.choices.indices.contains(choice.index) else { continue }
      add(
        "never-reached",
        Message(
          fr: "le choix \(choice.index + 1) de la scène « \(scene.id) » n'est jamais offert : sa condition n'est "
            + "jamais vraie quand la scène est montrée, ou un goto part toujours avant ; vérifiez son if",
          en: "choice \(choice.index + 1) of scene '\(scene.id)' is never offered: its condition never holds when "
            + "the scene is shown, or a goto always leaves first; check its if"),
        scene.choices[choice.index].location, .warning)
    }
    for endingID in exploration.endingsNeverReached where staticallyReachable.contains(endingID) {
      guard let ending = roleplay.ending(endingID) else { continue }
      add(
        "never-reached",
        Message(
          fr: "la fin « \(endingID) » n'est jamais atteinte : les conditions qui y mènent ne sont jamais vraies ; "
            + "vérifiez les if",
          en: "ending '\(endingID)' is never reached: the conditions leading to it never hold; check the if conditions"
        ),
        ending.location, .warning)
    }
    return result
  }
}
