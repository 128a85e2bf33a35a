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

/// A condition compiled to slots of the state key.
private indirect enum CompiledCondition {
  case compare(Int, Condition.Comparison, Int32)
  case and(CompiledCondition, CompiledCondition)
  case or(CompiledCondition, CompiledCondition)
  case not(CompiledCondition)

  func holds(_ key: [Int32]) -> Bool {
    switch self {
    case .compare(let slot, let comparison, let value):
      let current = key[slot]
      switch comparison {
      case .greaterOrEqual: return current >= value
      case .greater: return current > value
      case .equal: return current == value
      case .notEqual: return current != value
      case .less: return current < value
      case .lessOrEqual: return current <= value
      }
    case .and(let lhs, let rhs): return lhs.holds(key) && rhs.holds(key)
    case .or(let lhs, let rhs): return lhs.holds(key) || rhs.holds(key)
    case .not(let inner): return !inner.holds(key)
    }
  }
}

private struct CompiledChoice {
  var condition: CompiledCondition?
  /// Slot and bit mask of a once-choice's flag (slot -1: not once).
  var onceSlot: Int
  var onceMask: Int32
  var critical: Bool
  /// Key slot, whether it adds (else sets), amount.
  var sets: [(slot: Int, add: Bool, amount: Int)]
  var scores: [(slot: Int, points: Int)]
  var target: Target
  /// Index into `RoleplayExplorer.references`.
  var number: Int
}

private struct CompiledScene {
  var gotos: [(condition: CompiledCondition?, target: Target)]
  var choices: [CompiledChoice]
}

/// Interned fixed-width state keys in one flat buffer, with an open-addressing index: no allocation per state.
private struct StateTable {
  let width: Int
  var storage: [Int32] = []
  var slots: [Int32] = Array(repeating: -1, count: 1 << 12)
  var count = 0

  init(width: Int) {
    self.width = Swift.max(width, 1)
  }

  static func mix(_ hash: UInt64, _ value: Int32) -> UInt64 {
    var hash = (hash ^ UInt64(UInt32(bitPattern: value))) &* 0x9E37_79B9_7F4A_7C15
    hash ^= hash >> 29
    return hash
  }

  func hash(_ key: [Int32]) -> Int {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for index in 0..<width { hash = Self.mix(hash, key[index]) }
    return Int(truncatingIfNeeded: hash)
  }

  func hashStored(_ id: Int) -> Int {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    let base = id * width
    for index in 0..<width { hash = Self.mix(hash, storage[base + index]) }
    return Int(truncatingIfNeeded: hash)
  }

  func equals(_ id: Int, _ key: [Int32]) -> Bool {
    let base = id * width
    for index in 0..<width where storage[base + index] != key[index] { return false }
    return true
  }

  /// The id of `key`, inserting it when new and `count < limit`; nil when new and full.
  mutating func intern(_ key: [Int32], limit: Int) -> (id: Int, inserted: Bool)? {
    if count * 2 >= slots.count { grow() }
    let mask = slots.count - 1
    var slot = hash(key) & mask
    while true {
      let id = Int(slots[slot])
      if id < 0 {
        guard count < limit else { return nil }
        slots[slot] = Int32(count)
        for index in 0..<width { storage.append(key[index]) }
        count += 1
        return (count - 1, true)
      }
      if equals(id, key) { return (id, false) }
      slot = (slot + 1) & mask
    }
  }

  mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for id in 0..<count {
      var slot = hashStored(id) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }

  func load(_ id: Int, into key: inout [Int32]) {
    let base = id * width
    for index in 0..<width { key[index] = storage[base + index] }
  }
}

/// The exhaustive walk behind `Explorer.explore`.
///
/// A state is the scene waiting for a choice, after automatic gotos, with `[scene, critical, variables…,
/// skills…, once-bit words…]` as Int32; values saturate (see `ExplorationLimits`) so loops that keep adding
/// terminate. States are interned in a flat table and walked breadth first.
private struct RoleplayExplorer {
  let roleplay: Roleplay
  let limits: ExplorationLimits
  var scenes: [CompiledScene] = []
  var references: [ChoiceReference] = []
  var variableNames: [String] = []
  var skillIDs: [String] = []
  var variableBounds: ClosedRange<Int32> = 0...0
  var skillBounds: ClosedRange<Int32> = 0...0
  var onceCount = 0
  var width = 2
  let variableBase = 2
  var skillBase: Int { variableBase + variableNames.count }
  var onceBase: Int { skillBase + skillIDs.count }
  /// (slot, min) of skills with a minimum.
  var minimums: [(slot: Int, min: Int)] = []

  init(roleplay: Roleplay, limits: ExplorationLimits) {
    self.roleplay = roleplay
    self.limits = limits
    compile()
  }

  mutating func compile() {
    var variableIndex: [String: Int] = [:]
    var skillIndex: [String: Int] = [:]
    // Names first, so slots are known before conditions are compiled.
    func addVariable(_ name: String) {
      if variableIndex[name] == nil {
        variableIndex[name] = variableNames.count
        variableNames.append(name)
      }
    }
    func addSkill(_ id: String) {
      if skillIndex[id] == nil {
        skillIndex[id] = skillIDs.count
        skillIDs.append(id)
      }
    }
    for declared in roleplay.variables { addVariable(declared.name) }
    for declared in roleplay.skills { addSkill(declared.id) }
    for scene in roleplay.scenes {
      for jump in scene.gotos { jump.condition?.variables.sorted().forEach(addVariable) }
      for choice in scene.choices {
        choice.condition?.variables.sorted().forEach(addVariable)
        choice.sets.forEach { addVariable($0.variable) }
        choice.scores.forEach { addSkill($0.skill) }
        if choice.once { onceCount += 1 }
      }
    }
    width = variableBase + variableNames.count + skillIDs.count + (onceCount + 31) / 32
    let variableBase = self.variableBase
    let skillBase = self.skillBase
    let onceBase = self.onceBase

    var constants: [Int] = [0]
    var maxStep = 1
    func compileCondition(_ condition: Condition) -> CompiledCondition {
      switch condition {
      case .compare(let name, let comparison, let value):
        constants.append(value)
        return .compare(variableBase + (variableIndex[name] ?? 0), comparison, Int32(clamping: value))
      case .and(let lhs, let rhs): return .and(compileCondition(lhs), compileCondition(rhs))
      case .or(let lhs, let rhs): return .or(compileCondition(lhs), compileCondition(rhs))
      case .not(let inner): return .not(compileCondition(inner))
      }
    }
    constants += roleplay.variables.map(\.initial)
    var sceneIndex: [String: Int] = [:]
    for (index, scene) in roleplay.scenes.enumerated() where sceneIndex[scene.id] == nil { sceneIndex[scene.id] = index }
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
    var onceNumber = 0
    for scene in roleplay.scenes {
      var compiled = CompiledScene(gotos: [], choices: [])
      for jump in scene.gotos {
        compiled.gotos.append((jump.condition.map(compileCondition), target(jump.to)))
      }
      for (index, choice) in scene.choices.enumerated() {
        var onceSlot = -1
        var onceMask: Int32 = 0
        if choice.once {
          onceSlot = onceBase + onceNumber / 32
          onceMask = Int32(bitPattern: 1 << UInt32(onceNumber % 32))
          onceNumber += 1
        }
        let sets = choice.sets.map { effect -> (slot: Int, add: Bool, amount: Int) in
          let slot = variableBase + (variableIndex[effect.variable] ?? 0)
          switch effect.operation {
          case .add(let amount):
            maxStep = Swift.max(maxStep, Swift.min(abs(amount), 1 << 20))
            return (slot, true, amount)
          case .value(let value):
            constants.append(value)
            return (slot, false, value)
          }
        }
        let scores = choice.scores.map { effect -> (slot: Int, points: Int) in
          scoreMagnitude += Swift.min(abs(effect.points), 1 << 20)
          return (skillBase + (skillIndex[effect.skill] ?? 0), effect.points)
        }
        compiled.choices.append(
          CompiledChoice(
            condition: choice.condition.map(compileCondition), onceSlot: onceSlot, onceMask: onceMask,
            critical: choice.critical, sets: sets, scores: scores, target: target(choice.to), number: references.count))
        references.append(ChoiceReference(sceneID: scene.id, index: index, say: choice.say, critical: choice.critical))
      }
      scenes.append(compiled)
    }
    let clampedConstants = constants.map { Swift.max(Swift.min($0, 1 << 24), -(1 << 24)) }
    let margin = limits.saturationMargin * maxStep
    variableBounds =
      Int32((clampedConstants.min() ?? 0) - margin)...Int32((clampedConstants.max() ?? 0) + margin)
    let thresholds = ([roleplay.pass ?? 0] + roleplay.skills.compactMap(\.min)).map { Swift.min(abs($0), 1 << 24) }
    let bound = Int32(Swift.min(scoreMagnitude + (thresholds.max() ?? 0) + limits.saturationMargin, 1 << 26))
    skillBounds = -bound...bound
    minimums = roleplay.skills.compactMap { skill in
      skill.min.flatMap { min in skillIndex[skill.id].map { (skillBase + $0, min) } }
    }
  }

  enum Resolution {
    case node(Int)
    case ending(Int)
    case stuck(DeadEnd.Kind, scene: Int?, missing: String?)
  }

  func isOffered(_ choice: CompiledChoice, _ key: [Int32]) -> Bool {
    if choice.onceSlot >= 0, key[choice.onceSlot] & choice.onceMask != 0 { return false }
    return choice.condition?.holds(key) ?? true
  }

  func variables(_ key: [Int32]) -> [String: Int] {
    var result: [String: Int] = [:]
    for (index, name) in variableNames.enumerated() { result[name] = Int(key[variableBase + index]) }
    return result
  }

  func total(_ key: [Int32]) -> Int {
    var sum = 0
    for slot in skillBase..<onceBase { sum += Int(key[slot]) }
    return sum
  }

  func passes(_ ending: Ending, _ key: [Int32]) -> Bool {
    guard ending.result == .pass, key[1] == 0 else { return false }
    if let pass = roleplay.pass, total(key) < pass { return false }
    for (slot, min) in minimums where Int(key[slot]) < min { return false }
    return true
  }

  func run() -> RoleplayExploration {
    var reached = [Bool](repeating: false, count: scenes.count)
    var visitStamp = [Int](repeating: -1, count: scenes.count)
    var stamp = 0
    var offered = [Bool](repeating: false, count: references.count)
    var endingReached = [Bool](repeating: false, count: roleplay.endings.count)
    var deadEnds: [DeadEnd] = []
    var deadEndSeen = Set<String>()
    var best: Int?
    var worst: Int?
    var saturated = false
    var complete = true
    var table = StateTable(width: width)
    // Per node: the node and choice it was first reached by (-1: the start).
    var parentNode: [Int32] = []
    var parentChoice: [Int32] = []
    // Edges; targets -1 (passing end) and -2 (failing end or stuck).
    var edgeFrom: [Int32] = []
    var edgeTo: [Int32] = []
    var edgeChoice: [Int32] = []
    var bestPassing: (total: Int, node: Int, choice: Int)?

    /// Follows gotos from `target` with the variables of `key`; marks the scenes shown.
    func resolve(_ target: Target, _ key: [Int32]) -> Resolution {
      stamp += 1
      var current = target
      var last: Int?
      while true {
        switch current {
        case .ending(let index):
          return .ending(index)
        case .missing(let name):
          return .stuck(.missingTarget, scene: last, missing: name)
        case .scene(let index):
          if visitStamp[index] == stamp { return .stuck(.gotoLoop, scene: index, missing: nil) }
          visitStamp[index] = stamp
          reached[index] = true
          last = index
          let scene = scenes[index]
          if let jump = scene.gotos.first(where: { $0.condition?.holds(key) ?? true }) {
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

    /// The node an outcome leads to, or -1 (passing end) / -2 (failing end, stuck, or state limit).
    func settle(_ resolution: Resolution, key: inout [Int32], from: Int, choice: Int) -> Int {
      switch resolution {
      case .ending(let index):
        endingReached[index] = true
        let ending = roleplay.endings[index]
        let total = total(key)
        best = Swift.max(best ?? total, total)
        worst = Swift.min(worst ?? total, total)
        if passes(ending, key) {
          if bestPassing == nil || total > bestPassing?.total ?? 0 { bestPassing = (total, from, choice) }
          return -1
        }
        return -2
      case .stuck(let kind, let scene, let missing):
        let sceneID = missing ?? scene.map { roleplay.scenes[$0].id } ?? ""
        if deadEndSeen.insert("\(kind.rawValue)|\(sceneID)").inserted {
          deadEnds.append(DeadEnd(sceneID: sceneID, kind: kind, variables: variables(key)))
        }
        return -2
      case .node(let scene):
        key[0] = Int32(scene)
        guard let (id, inserted) = table.intern(key, limit: limits.maxStates) else {
          complete = false
          return -2
        }
        if inserted {
          parentNode.append(Int32(from))
          parentChoice.append(Int32(choice))
        }
        return id
      }
    }

    var initial = [Int32](repeating: 0, count: width)
    for declared in roleplay.variables {
      if let index = variableNames.firstIndex(of: declared.name) {
        initial[variableBase + index] = clamp(Int32(clamping: declared.initial), variableBounds, &saturated)
      }
    }
    let startTarget: Target =
      roleplay.endings.firstIndex(where: { $0.id == roleplay.start }).map(Target.ending)
      ?? roleplay.scenes.firstIndex(where: { $0.id == roleplay.start }).map(Target.scene)
      ?? .missing(roleplay.start)
    let startOutcome = settle(resolve(startTarget, initial), key: &initial, from: -1, choice: -1)

    var parent = [Int32](repeating: 0, count: width)
    var child = parent
    var next = 0
    while next < table.count {
      let node = next
      next += 1
      table.load(node, into: &parent)
      for choice in scenes[Int(parent[0])].choices where isOffered(choice, parent) {
        offered[choice.number] = true
        for index in 0..<width { child[index] = parent[index] }
        for effect in choice.sets {
          let value = effect.add ? Int(child[effect.slot]) + effect.amount : effect.amount
          child[effect.slot] = clamp(Int32(clamping: value), variableBounds, &saturated)
        }
        for effect in choice.scores {
          child[effect.slot] = clamp(Int32(clamping: Int(child[effect.slot]) + effect.points), skillBounds, &saturated)
        }
        if choice.onceSlot >= 0 { child[choice.onceSlot] |= choice.onceMask }
        if choice.critical { child[1] = 1 }
        let to = settle(resolve(choice.target, child), key: &child, from: node, choice: choice.number)
        edgeFrom.append(Int32(node))
        edgeTo.append(Int32(to))
        edgeChoice.append(Int32(choice.number))
      }
    }

    // Backward reachability of a passing end, over incoming edges in CSR form.
    let nodeCount = table.count
    var canPass = [Bool](repeating: false, count: nodeCount)
    var incomingStart = [Int](repeating: 0, count: nodeCount + 1)
    for to in edgeTo where to >= 0 { incomingStart[Int(to) + 1] += 1 }
    for index in 0..<nodeCount { incomingStart[index + 1] += incomingStart[index] }
    var fill = incomingStart
    var incoming = [Int32](repeating: 0, count: incomingStart[nodeCount])
    var work: [Int] = []
    for edge in edgeFrom.indices {
      let to = Int(edgeTo[edge])
      let from = Int(edgeFrom[edge])
      if to >= 0 {
        incoming[fill[to]] = Int32(from)
        fill[to] += 1
      } else if to == -1, !canPass[from] {
        canPass[from] = true
        work.append(from)
      }
    }
    while let node = work.popLast() {
      for position in incomingStart[node]..<incomingStart[node + 1] {
        let from = Int(incoming[position])
        if !canPass[from] {
          canPass[from] = true
          work.append(from)
        }
      }
    }
    var failing = [Bool](repeating: false, count: references.count)
    for edge in edgeFrom.indices where canPass[Int(edgeFrom[edge])] {
      let to = Int(edgeTo[edge])
      if to == -2 || (to >= 0 && !canPass[to]) { failing[Int(edgeChoice[edge])] = true }
    }

    var bestPath: [PathStep] = []
    if let bestPassing {
      var steps: [PathStep] = []
      var choice = bestPassing.choice
      var node = bestPassing.node
      while choice >= 0 {
        steps.append(PathStep(sceneID: references[choice].sceneID, choiceIndex: references[choice].index))
        guard node >= 0 else { break }
        choice = Int(parentChoice[node])
        node = Int(parentNode[node])
      }
      bestPath = steps.reversed()
    }

    let passingRunExists = startOutcome == -1 || (startOutcome >= 0 && canPass[startOutcome])
    var choicesNeverReached: [ChoiceReference] = []
    for (sceneNumber, scene) in scenes.enumerated() where reached[sceneNumber] {
      for choice in scene.choices where !offered[choice.number] { choicesNeverReached.append(references[choice.number]) }
    }
    let sceneOrder = Dictionary(roleplay.scenes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let orderedDeadEnds = deadEnds.enumerated().sorted { lhs, rhs in
      let left = sceneOrder[lhs.element.sceneID] ?? Int.max
      let right = sceneOrder[rhs.element.sceneID] ?? Int.max
      return left != right ? left < right : lhs.offset < rhs.offset
    }.map(\.element)
    return RoleplayExploration(
      roleplayID: roleplay.id, stateCount: nodeCount, complete: complete, saturated: saturated,
      endingsReached: roleplay.endings.indices.filter { endingReached[$0] }.map { roleplay.endings[$0].id },
      endingsNeverReached: roleplay.endings.indices.filter { !endingReached[$0] }.map { roleplay.endings[$0].id },
      passingRunExists: passingRunExists, bestTotal: best, worstTotal: worst,
      scenesNeverReached: roleplay.scenes.indices.filter { !reached[$0] }.map { roleplay.scenes[$0].id },
      choicesNeverReached: choicesNeverReached, deadEnds: orderedDeadEnds,
      failingChoices: references.indices.filter { failing[$0] }.map { references[$0] },
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
