import CourseModel

/// Explores role-plays exhaustively and runs quizzes under many seeds: what `entraide test` and lint use.
public struct Explorer: Sendable {
  public var limits: ExplorationLimits

  public init(limits: ExplorationLimits = .standard) {
    self.limits = limits
  }

  /// Every reachable state of `roleplay` (scene, variables, once-choices used, critical taken, scores).
  public func explore(_ roleplay: Roleplay) -> RoleplayExploration {
    RoleplayExplorer(roleplay: roleplay, limits: limits).run()
  }

  /// Runs `quiz` (as activity `activityIndex` of its course) under seeds `0..<seeds`, answering every drawn
  /// question rightly through a real session; reports questions that cannot score fully and an unreachable pass mark.
  public func checkQuiz(_ quiz: Quiz, activityIndex: Int = 0, seeds: Int = 200) -> QuizCheck {
    QuizChecker(quiz: quiz, activityIndex: activityIndex, seeds: seeds).run()
  }

  /// Every role-play explored and every quiz run under `quizSeeds` seeds.
  public func check(_ course: Course, quizSeeds: Int = 200) -> CourseCheck {
    var roleplays: [RoleplayExploration] = []
    var quizzes: [QuizCheck] = []
    for (index, activity) in course.activities.enumerated() {
      switch activity {
      case .lesson: break
      case .roleplay(let roleplay): roleplays.append(explore(roleplay))
      case .quiz(let quiz): quizzes.append(checkQuiz(quiz, activityIndex: index, seeds: quizSeeds))
      }
    }
    return CourseCheck(courseID: course.id, roleplays: roleplays, quizzes: quizzes)
  }
}

/// A target of a choice or goto, resolved once.
private enum Target {
  case scene(Int)
  case ending(Int)
  case missing(String)
}

/// A condition compiled to variable indices.
private indirect enum CompiledCondition {
  case compare(Int, Condition.Comparison, Int32)
  case and(CompiledCondition, CompiledCondition)
  case or(CompiledCondition, CompiledCondition)
  case not(CompiledCondition)

  func holds(_ key: [Int32], base: Int) -> Bool {
    switch self {
    case .compare(let index, let comparison, let value):
      let current = key[base + index]
      switch comparison {
      case .greaterOrEqual: return current >= value
      case .greater: return current > value
      case .equal: return current == value
      case .notEqual: return current != value
      case .less: return current < value
      case .lessOrEqual: return current <= value
      }
    case .and(let lhs, let rhs): return lhs.holds(key, base: base) && rhs.holds(key, base: base)
    case .or(let lhs, let rhs): return lhs.holds(key, base: base) || rhs.holds(key, base: base)
    case .not(let inner): return !inner.holds(key, base: base)
    }
  }
}

private struct CompiledChoice {
  var condition: CompiledCondition?
  /// Bit index among the role-play's once-choices.
  var onceBit: Int?
  var critical: Bool
  var sets: [(variable: Int, operation: SetEffect.Operation)]
  var scores: [(skill: Int, points: Int)]
  var target: Target
  var reference: ChoiceReference
}

private struct CompiledScene {
  var gotos: [(condition: CompiledCondition?, target: Target)]
  var choices: [CompiledChoice]
}

/// The exhaustive walk behind `Explorer.explore`.
///
/// A state is `[scene, critical, variables…, skills…, once-bit words…]` as Int32, interned in a
/// dictionary; values saturate (see `ExplorationLimits`) so loops that keep adding terminate.
private struct RoleplayExplorer {
  let roleplay: Roleplay
  let limits: ExplorationLimits
  var scenes: [CompiledScene] = []
  var variableNames: [String] = []
  var skillIDs: [String] = []
  var variableBounds: ClosedRange<Int32> = 0...0
  var skillBounds: ClosedRange<Int32> = 0...0
  var onceCount = 0
  var variableBase: Int { 2 }
  var skillBase: Int { 2 + variableNames.count }
  var onceBase: Int { 2 + variableNames.count + skillIDs.count }

  init(roleplay: Roleplay, limits: ExplorationLimits) {
    self.roleplay = roleplay
    self.limits = limits
    compile()
  }

  mutating func compile() {
    var variableIndex: [String: Int] = [:]
    func variable(_ name: String) -> Int {
      if let index = variableIndex[name] { return index }
      variableIndex[name] = variableNames.count
      variableNames.append(name)
      return variableNames.count - 1
    }
    var skillIndex: [String: Int] = [:]
    func skill(_ id: String) -> Int {
      if let index = skillIndex[id] { return index }
      skillIndex[id] = skillIDs.count
      skillIDs.append(id)
      return skillIDs.count - 1
    }
    var constants: [Int] = [0]
    var maxStep = 1
    func compileCondition(_ condition: Condition) -> CompiledCondition {
      switch condition {
      case .compare(let name, let comparison, let value):
        constants.append(value)
        return .compare(variable(name), comparison, Int32(clamping: value))
      case .and(let lhs, let rhs): return .and(compileCondition(lhs), compileCondition(rhs))
      case .or(let lhs, let rhs): return .or(compileCondition(lhs), compileCondition(rhs))
      case .not(let inner): return .not(compileCondition(inner))
      }
    }
    for declared in roleplay.variables {
      _ = variable(declared.name)
      constants.append(declared.initial)
    }
    for declared in roleplay.skills { _ = skill(declared.id) }
    var sceneIndex: [String: Int] = [:]
    for (index, scene) in roleplay.scenes.enumerated() where sceneIndex[scene.id] == nil {
      sceneIndex[scene.id] = index
    }
    var endingIndex: [String: Int] = [:]
    for (index, ending) in roleplay.endings.enumerated() where endingIndex[ending.id] == nil {
      endingIndex[ending.id] = index
    }
    func target(_ id: String) -> Target {
      if let ending = endingIndex[id] { return .ending(ending) }
      if let scene = sceneIndex[id] { return .scene(scene) }
      return .missing(id)
    }
    var scoreMagnitude = 0
    for scene in roleplay.scenes {
      var compiled = CompiledScene(gotos: [], choices: [])
      for jump in scene.gotos {
        compiled.gotos.append((jump.condition.map(compileCondition), target(jump.to)))
      }
      for (index, choice) in scene.choices.enumerated() {
        var onceBit: Int?
        if choice.once {
          onceBit = onceCount
          onceCount += 1
        }
        let sets = choice.sets.map { effect -> (variable: Int, operation: SetEffect.Operation) in
          switch effect.operation {
          case .add(let amount): maxStep = Swift.max(maxStep, Swift.min(abs(amount), 1 << 20))
          case .value(let value): constants.append(value)
          }
          return (variable(effect.variable), effect.operation)
        }
        let scores = choice.scores.map { effect -> (skill: Int, points: Int) in
          scoreMagnitude += Swift.min(abs(effect.points), 1 << 20)
          return (skill(effect.skill), effect.points)
        }
        compiled.choices.append(
          CompiledChoice(
            condition: choice.condition.map(compileCondition), onceBit: onceBit, critical: choice.critical, sets: sets,
            scores: scores, target: target(choice.to),
            reference: ChoiceReference(sceneID: scene.id, index: index, say: choice.say, critical: choice.critical)))
      }
      scenes.append(compiled)
    }
    let clampedConstants = constants.map { Swift.max(Swift.min($0, 1 << 24), -(1 << 24)) }
    let margin = limits.saturationMargin * Swift.max(maxStep, 1)
    variableBounds =
      Int32((clampedConstants.min() ?? 0) - margin)...Int32((clampedConstants.max() ?? 0) + margin)
    var thresholds = [abs(roleplay.pass ?? 0)] + roleplay.skills.compactMap(\.min).map(abs)
    thresholds = thresholds.map { Swift.min($0, 1 << 24) }
    let bound = Int32(Swift.min(scoreMagnitude + (thresholds.max() ?? 0) + limits.saturationMargin, 1 << 26))
    skillBounds = -bound...bound
  }

  enum Resolution {
    case node(Int)
    case ending(Int)
    case stuck(DeadEnd.Kind, scene: Int?, missing: String?)
  }

  /// Follows gotos from `target` with the variables of `key`; marks the scenes shown.
  func resolve(_ target: Target, _ key: [Int32], reached: inout [Bool]) -> Resolution {
    var current = target
    var passed: [Int] = []
    while true {
      switch current {
      case .ending(let index):
        return .ending(index)
      case .missing(let name):
        return .stuck(.missingTarget, scene: passed.last, missing: name)
      case .scene(let index):
        if passed.contains(index) { return .stuck(.gotoLoop, scene: index, missing: nil) }
        reached[index] = true
        let scene = scenes[index]
        if let jump = scene.gotos.first(where: { $0.condition?.holds(key, base: variableBase) ?? true }) {
          passed.append(index)
          current = jump.target
          continue
        }
        if !scene.choices.contains(where: { isOffered($0, key) }) {
          return .stuck(.noWayOut, scene: index, missing: nil)
        }
        return .node(index)
      }
    }
  }

  func isOffered(_ choice: CompiledChoice, _ key: [Int32]) -> Bool {
    if let bit = choice.onceBit, key[onceBase + bit / 32] & Int32(bitPattern: 1 << UInt32(bit % 32)) != 0 {
      return false
    }
    return choice.condition?.holds(key, base: variableBase) ?? true
  }

  func variables(_ key: [Int32]) -> [String: Int] {
    var result: [String: Int] = [:]
    for (index, name) in variableNames.enumerated() { result[name] = Int(key[variableBase + index]) }
    return result
  }

  func total(_ key: [Int32]) -> Int {
    (0..<skillIDs.count).reduce(0) { $0 + Int(key[skillBase + $1]) }
  }

  func passes(_ ending: Ending, _ key: [Int32]) -> Bool {
    guard ending.result == .pass, key[1] == 0 else { return false }
    if let pass = roleplay.pass, total(key) < pass { return false }
    for skill in roleplay.skills {
      if let min = skill.min, let index = skillIDs.firstIndex(of: skill.id), Int(key[skillBase + index]) < min {
        return false
      }
    }
    return true
  }

  func run() -> RoleplayExploration {
    var reached = [Bool](repeating: false, count: scenes.count)
    var offered = Set<Int>()  // choice ids (scene << 16 | index) offered somewhere
    var endingReached = [Bool](repeating: false, count: roleplay.endings.count)
    var deadEnds: [DeadEnd] = []
    var deadEndSeen = Set<String>()
    var best: Int?
    var worst: Int?
    var saturated = false
    var complete = true

    // Nodes and edges; terminals are -1 (passing) and -2 (failing).
    var ids: [[Int32]: Int] = [:]
    var keys: [[Int32]] = []
    var parents: [(node: Int, choice: ChoiceReference?)] = []
    var edgeFrom: [Int] = []
    var edgeTo: [Int] = []
    var edgeChoice: [ChoiceReference] = []
    var bestPassing: (total: Int, node: Int, choice: ChoiceReference?)?

    func recordDeadEnd(_ kind: DeadEnd.Kind, scene: Int?, missing: String?, key: [Int32]) {
      let sceneID = scene.map { roleplay.scenes[$0].id } ?? missing ?? ""
      let tag = "\(kind.rawValue)|\(sceneID)"
      if deadEndSeen.insert(tag).inserted {
        deadEnds.append(DeadEnd(sceneID: sceneID, kind: kind, variables: variables(key)))
      }
    }

    /// The terminal or node id an outcome leads to; -1 passing, -2 failing.
    func settle(_ resolution: Resolution, key: [Int32], from: Int, choice: ChoiceReference?) -> Int {
      switch resolution {
      case .ending(let index):
        endingReached[index] = true
        let ending = roleplay.endings[index]
        let total = total(key)
        best = Swift.max(best ?? total, total)
        worst = Swift.min(worst ?? total, total)
        if passes(ending, key) {
          if bestPassing == nil || total > bestPassing!.total { bestPassing = (total, from, choice) }
          return -1
        }
        return -2
      case .stuck(let kind, let scene, let missing):
        recordDeadEnd(kind, scene: scene, missing: missing, key: key)
        return -2
      case .node(let scene):
        var nodeKey = key
        nodeKey[0] = Int32(scene)
        if let id = ids[nodeKey] { return id }
        if keys.count >= limits.maxStates {
          complete = false
          return -2
        }
        let id = keys.count
        ids[nodeKey] = id
        keys.append(nodeKey)
        parents.append((from, choice))
        return id
      }
    }

    var initial = [Int32](repeating: 0, count: onceBase + (onceCount + 31) / 32)
    for declared in roleplay.variables {
      if let index = variableNames.firstIndex(of: declared.name) {
        initial[variableBase + index] = clamp(Int32(clamping: declared.initial), variableBounds, &saturated)
      }
    }
    let startTarget: Target =
      roleplay.endings.firstIndex(where: { $0.id == roleplay.start }).map(Target.ending)
      ?? roleplay.scenes.firstIndex(where: { $0.id == roleplay.start }).map(Target.scene)
      ?? .missing(roleplay.start)
    let startResolution = resolve(startTarget, initial, reached: &reached)
    let startPasses = settle(startResolution, key: initial, from: -1, choice: nil) == -1

    var next = 0
    while next < keys.count {
      let node = next
      next += 1
      let key = keys[node]
      let scene = scenes[Int(key[0])]
      for choice in scene.choices where isOffered(choice, key) {
        offered.insert(Int(key[0]) << 16 | choice.reference.index)
        var child = key
        for (variable, operation) in choice.sets {
          let slot = variableBase + variable
          let value: Int
          switch operation {
          case .add(let amount): value = Int(child[slot]) + amount
          case .value(let constant): value = constant
          }
          child[slot] = clamp(Int32(clamping: value), variableBounds, &saturated)
        }
        for (skill, points) in choice.scores {
          let slot = skillBase + skill
          child[slot] = clamp(Int32(clamping: Int(child[slot]) + points), skillBounds, &saturated)
        }
        if let bit = choice.onceBit { child[onceBase + bit / 32] |= Int32(bitPattern: 1 << UInt32(bit % 32)) }
        if choice.critical { child[1] = 1 }
        let resolution = resolve(choice.target, child, reached: &reached)
        let to = settle(resolution, key: child, from: node, choice: choice.reference)
        edgeFrom.append(node)
        edgeTo.append(to)
        edgeChoice.append(choice.reference)
      }
    }

    // Backward reachability of a passing ending.
    var canPass = [Bool](repeating: false, count: keys.count)
    var incoming = [[Int]](repeating: [], count: keys.count)
    var work: [Int] = []
    for edge in edgeFrom.indices {
      let to = edgeTo[edge]
      if to >= 0 {
        incoming[to].append(edgeFrom[edge])
      } else if to == -1, !canPass[edgeFrom[edge]] {
        canPass[edgeFrom[edge]] = true
        work.append(edgeFrom[edge])
      }
    }
    while let node = work.popLast() {
      for parent in incoming[node] where !canPass[parent] {
        canPass[parent] = true
        work.append(parent)
      }
    }
    var failing = Set<ChoiceReference>()
    for edge in edgeFrom.indices where canPass[edgeFrom[edge]] {
      let to = edgeTo[edge]
      if to == -2 || (to >= 0 && !canPass[to]) { failing.insert(edgeChoice[edge]) }
    }

    var bestPath: [PathStep] = []
    if let bestPassing {
      var steps: [PathStep] = []
      if let choice = bestPassing.choice { steps.append(PathStep(sceneID: choice.sceneID, choiceIndex: choice.index)) }
      var node = bestPassing.node
      while node >= 0 {
        let parent = parents[node]
        if let choice = parent.choice { steps.append(PathStep(sceneID: choice.sceneID, choiceIndex: choice.index)) }
        node = parent.node
      }
      bestPath = steps.reversed()
    }

    let startNodePasses = keys.isEmpty ? false : canPass[0]
    let sceneOrder = Dictionary(roleplay.scenes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var choicesNeverReached: [ChoiceReference] = []
    for (sceneNumber, scene) in scenes.enumerated() where reached[sceneNumber] {
      for choice in scene.choices where !offered.contains(sceneNumber << 16 | choice.reference.index) {
        choicesNeverReached.append(choice.reference)
      }
    }
    return RoleplayExploration(
      roleplayID: roleplay.id, stateCount: keys.count, complete: complete, saturated: saturated,
      endingsReached: roleplay.endings.indices.filter { endingReached[$0] }.map { roleplay.endings[$0].id },
      endingsNeverReached: roleplay.endings.indices.filter { !endingReached[$0] }.map { roleplay.endings[$0].id },
      passingRunExists: startPasses || startNodePasses, bestTotal: best, worstTotal: worst,
      scenesNeverReached: roleplay.scenes.indices.filter { !reached[$0] }.map { roleplay.scenes[$0].id },
      choicesNeverReached: choicesNeverReached,
      deadEnds: deadEnds.sorted { (sceneOrder[$0.sceneID] ?? Int.max) < (sceneOrder[$1.sceneID] ?? Int.max) },
      failingChoices: failing.sorted { lhs, rhs in
        let left = sceneOrder[lhs.sceneID] ?? Int.max
        let right = sceneOrder[rhs.sceneID] ?? Int.max
        return left != right ? left < right : lhs.index < rhs.index
      },
      bestPassingPath: bestPath, bestPassingTotal: bestPassing?.total)
  }

  func clamp(_ value: Int32, _ bounds: ClosedRange<Int32>, _ saturated: inout Bool) -> Int32 {
    if value < bounds.lowerBound {
      saturated = true
      return bounds.lowerBound
    }
    if value > bounds.upperBound {
      saturated = true
      return bounds.upperBound
    }
    return value
  }
}
