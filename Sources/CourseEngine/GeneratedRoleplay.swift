import CourseModel

/// Synthetic role-plays for benchmarks and tests: big, looping, deterministic from a seed.
public enum GeneratedRoleplay {
  /// A role-play of `scenes` scenes in a chain, with loops back (bounded by a `detours` variable and
  /// once-choices), side jumps guarded by conditions, automatic gotos, critical choices and two endings.
  public static func make(scenes count: Int, seed: UInt64) -> Roleplay {
    var random = SplitMix64(seed: seed)
    let count = Swift.max(count, 2)
    func id(_ index: Int) -> String { index >= count ? "fin-bonne" : "s\(index)" }
    var scenes: [Scene] = []
    for index in 0..<count {
      var gotos: [Goto] = []
      var choices: [Choice] = []
      if index % 10 == 5 {
        // An automatic shortcut once trust is high.
        gotos.append(Goto(to: id(index + 2), condition: .compare(variable: "confiance", .greaterOrEqual, 4)))
      }
      choices.append(
        Choice(
          say: LocalizedText(["fr": "Je t'écoute (\(index)).", "en": "I'm listening (\(index))."]),
          scores: [ScoreEffect(skill: "ecoute", points: 1)],
          sets: [SetEffect(variable: "confiance", operation: .add(1))], to: id(index + 1)))
      if index >= 3 {
        // A loop back, at most twice per run.
        choices.append(
          Choice(
            say: LocalizedText(["fr": "Revenons en arrière (\(index)).", "en": "Let's go back (\(index))."]),
            scores: [ScoreEffect(skill: "ecoute", points: -1)],
            sets: [
              SetEffect(variable: "detours", operation: .add(1)),
              SetEffect(variable: "confiance", operation: .value(0)),
            ],
            to: id(index - 1 - random.below(3)), condition: .compare(variable: "detours", .less, 2)))
      }
      if index % 4 == 2 {
        choices.append(
          Choice(
            say: LocalizedText(["fr": "Il y a le PAE (\(index)).", "en": "There is the EAP (\(index))."]),
            scores: [ScoreEffect(skill: "reference", points: 1)], to: id(index + 2),
            condition: .compare(variable: "confiance", .greaterOrEqual, 1), once: index % 50 == 2))
      }
      if index % 25 == 24 {
        choices.append(
          Choice(
            say: LocalizedText(["fr": "Je garderai le secret.", "en": "I'll keep it secret."]), to: "fin-secret",
            critical: true))
      }
      scenes.append(
        Scene(
          id: id(index), lines: [Line(by: "luc", language: nil, text: "Scène \(index).")], gotos: gotos,
          choices: choices))
    }
    return Roleplay(
      id: "genere-\(count)", title: LocalizedText(["fr": "Généré", "en": "Generated"]), start: "s0",
      pass: count / 2, retries: 1, characters: [Persona(id: "luc", name: "Luc")],
      skills: [Skill(id: "ecoute", min: count / 4), Skill(id: "reference")],
      variables: [Variable(name: "confiance"), Variable(name: "detours")], scenes: scenes,
      endings: [Ending(id: "fin-bonne", result: .pass), Ending(id: "fin-secret", result: .fail)])
  }
}
