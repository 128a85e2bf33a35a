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

  /// Runs `quiz` (as activity `activityIndex` of an attempt's plan) under seeds `0..<seeds`, each with a helper
  /// history of its own (none to three earlier attempts), answering every drawn question rightly through a real
  /// session; reports questions that cannot score fully and an unreachable pass mark.
  public func checkQuiz(_ quiz: Quiz, activityIndex: Int = 0, seeds: Int = 200) -> QuizCheck {
    QuizChecker(quiz: quiz, activityIndices: [activityIndex], seeds: seeds).run()
  }

  /// Every role-play explored and every quiz run under `quizSeeds` seeds and as many histories, those inside
  /// pools included (at every place of the plan they can take).
  public func check(_ course: Course, quizSeeds: Int = 200) -> CourseCheck {
    var roleplays: [RoleplayExploration] = []
    var quizzes: [QuizCheck] = []
    // Each pool puts exactly `draw` activities in the plan: a place in the plan is known, or a short range.
    var place = 0
    func check(_ activity: Activity, places: [Int]) {
      switch activity {
      case .lesson, .pool: break
      case .roleplay(let roleplay): roleplays.append(explore(roleplay))
      case .quiz(let quiz):
        quizzes.append(QuizChecker(quiz: quiz, activityIndices: places, seeds: quizSeeds).run())
      }
    }
    for activity in course.activities {
      if case .pool(let pool) = activity {
        for (member, inner) in pool.activities.enumerated() {
          check(inner, places: Array(place...place + Swift.max(Swift.min(member, pool.draw - 1), 0)))
        }
        place += pool.draw
      } else {
        check(activity, places: [place])
        place += 1
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
      return comparison.holds(key[slot], value)
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

/// Pareto-maximal score vectors per node, in one flat buffer (`width` values per vector).
private struct ParetoSets {
  let width: Int
  var values: [Int32] = []
  var node: [Int32] = []
  var parent: [Int32] = []
  var choice: [Int32] = []
  var alive: [Bool] = []
  var byNode: [[Int32]]

  init(width: Int, nodes: Int) {
    self.width = width
    byNode = Array(repeating: [], count: nodes)
  }

  /// Whether stored vector `id` is ≥ `vector` in every component.
  func dominates(_ id: Int, _ vector: [Int32]) -> Bool {
    let base = id * width
    for index in 0..<width where values[base + index] < vector[index] { return false }
    return true
  }

  func isDominated(by vector: [Int32], _ id: Int) -> Bool {
    let base = id * width
    for index in 0..<width where vector[index] < values[base + index] { return false }
    return true
  }

  /// Adds `vector` at `node` unless an existing one dominates it; drops those it dominates. The new id, or nil.
  mutating func insert(_ vector: [Int32], at node: Int, parent: Int, choice: Int) -> Int? {
    var list = byNode[node]
    for id in list where dominates(Int(id), vector) { return nil }
    byNode[node] = []  // keep `list` uniquely referenced while compacting it in place
    var kept = 0
    for position in list.indices {
      let id = list[position]
      if isDominated(by: vector, Int(id)) {
        alive[Int(id)] = false
      } else {
        list[kept] = id
        kept += 1
      }
    }
    list.removeLast(list.count - kept)
    let id = alive.count
    values.append(contentsOf: vector)
    self.node.append(Int32(node))
    self.parent.append(Int32(parent))
    self.choice.append(Int32(choice))
    alive.append(true)
    list.append(Int32(id))
    byNode[node] = list
    return id
  }

  func vector(_ id: Int) -> ArraySlice<Int32> { values[(id * width)..<((id + 1) * width)] }
}

/// The exhaustive walk behind `Explorer.explore`, in two phases.
///
/// 1. Control states — `[scene, critical, variables…, once-bit words…]` as Int32, the scene being the one
///    waiting for a choice after automatic gotos — are interned in a flat table and walked breadth first:
///    reachability, endings, dead ends. Variables saturate (see `ExplorationLimits`) so loops terminate.
/// 2. Scores are path sums over that graph. Pass rules are monotone (more points never hurt), so each state
///    keeps only its Pareto-maximal skill vectors forward (F) and the Pareto-maximal points still reachable
///    on the way to a passing ending backward (B); a passing run exists from a state when some v in F and D in
///    B meet `pass` and every `min`. Best totals come from F, worst totals from a min-sum relaxation. Skill
///    values saturate at Σ|points| + the largest threshold + the margin, so positive loops terminate too.
private struct RoleplayExplorer {
  let roleplay: Roleplay
  let limits: ExplorationLimits
  var scenes: [CompiledScene] = []
  var references: [ChoiceReference] = []
  var variableNames: [String] = []
  var skillIDs: [String] = []
  var variableBounds: ClosedRange<Int32> = 0...0
  var skillBounds: ClosedRange<Int32> = 0...0
  /// Per choice number, its points per skill (`skillIDs.count` values each).
  var deltas: [Int32] = []
  var onceCount = 0
  var width = 2
  let variableBase = 2
  var onceBase: Int { variableBase + variableNames.count }
  /// (skill index, min) of skills with a minimum.
  var minimums: [(skill: Int, min: Int)] = []

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
        for effect in choice.sets { addVariable(effect.variable) }
        for effect in choice.scores { addSkill(effect.skill) }
        if choice.once { onceCount += 1 }
      }
    }
    width = variableBase + variableNames.count + (onceCount + 31) / 32
    let variableBase = self.variableBase
    let onceBase = self.onceBase
    let skillCount = skillIDs.count

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
        var delta = [Int32](repeating: 0, count: skillCount)
        for effect in choice.scores {
          let points = Swift.max(Swift.min(effect.points, 1 << 20), -(1 << 20))
          scoreMagnitude += abs(points)
          let skill = skillIndex[effect.skill] ?? 0
          delta[skill] = Int32(clamping: Int(delta[skill]) + points)
        }
        deltas += delta
        compiled.choices.append(
          CompiledChoice(
            condition: choice.condition.map(compileCondition), onceSlot: onceSlot, onceMask: onceMask,
            critical: choice.critical, sets: sets, target: target(choice.to), number: references.count))
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
      skill.min.flatMap { min in skillIndex[skill.id].map { ($0, min) } }
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

  /// Whether final skill points `vector` meet `pass` and every `min`.
  func meets(_ vector: [Int32]) -> Bool {
    if let pass = roleplay.pass, vector.reduce(0, { $0 + Int($1) }) < pass { return false }
    for (skill, min) in minimums where Int(vector[skill]) < min { return false }
    return true
  }

  func run() -> RoleplayExploration {
    let skillCount = skillIDs.count
    var reached = [Bool](repeating: false, count: scenes.count)
    var visitStamp = [Int](repeating: -1, count: scenes.count)
    var stamp = 0
    var offered = [Bool](repeating: false, count: references.count)
    var endingReached = [Bool](repeating: false, count: roleplay.endings.count)
    var deadEnds: [DeadEnd] = []
    var deadEndSeen = Set<String>()
    var saturated = false
    var complete = true
    var table = StateTable(width: width)
    // Edges, grouped by source node in order. Target: node id, -1 an ending (see edgeEnding), -2 stuck or limit.
    var edgeStart: [Int] = []
    var edgeFrom: [Int32] = []
    var edgeTo: [Int32] = []
    var edgeChoice: [Int32] = []
    var edgeEnding: [Int32] = []
    /// Whether an ending edge may pass: a passing ending with no critical choice on the way.
    var edgeEligible: [Bool] = []

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

    /// (target, ending index, eligible) for an outcome.
    func settle(_ resolution: Resolution, key: inout [Int32]) -> (Int, Int, Bool) {
      switch resolution {
      case .ending(let index):
        endingReached[index] = true
        return (-1, index, roleplay.endings[index].result == .pass && key[1] == 0)
      case .stuck(let kind, let scene, let missing):
        let sceneID = missing ?? scene.map { roleplay.scenes[$0].id } ?? ""
        if deadEndSeen.insert("\(kind.rawValue)|\(sceneID)").inserted {
          deadEnds.append(DeadEnd(sceneID: sceneID, kind: kind, variables: variables(key)))
        }
        return (-2, -1, false)
      case .node(let scene):
        key[0] = Int32(scene)
        guard let (id, _) = table.intern(key, limit: limits.maxStates) else {
          complete = false
          return (-2, -1, false)
        }
        return (id, -1, false)
      }
    }

    // Phase 1: control states.
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
    let (startNode, startEnding, startEligible) = settle(resolve(startTarget, initial), key: &initial)

    var parent = [Int32](repeating: 0, count: width)
    var child = parent
    var next = 0
    while next < table.count {
      let node = next
      next += 1
      edgeStart.append(edgeFrom.count)
      table.load(node, into: &parent)
      for choice in scenes[Int(parent[0])].choices where isOffered(choice, parent) {
        offered[choice.number] = true
        for index in 0..<width { child[index] = parent[index] }
        for effect in choice.sets {
          let value = effect.add ? Int(child[effect.slot]) + effect.amount : effect.amount
          child[effect.slot] = clamp(Int32(clamping: value), variableBounds, &saturated)
        }
        if choice.onceSlot >= 0 { child[choice.onceSlot] |= choice.onceMask }
        if choice.critical { child[1] = 1 }
        let (to, ending, eligible) = settle(resolve(choice.target, child), key: &child)
        edgeFrom.append(Int32(node))
        edgeTo.append(Int32(to))
        edgeChoice.append(Int32(choice.number))
        edgeEnding.append(Int32(ending))
        edgeEligible.append(eligible)
      }
    }
    let nodeCount = table.count
    edgeStart.append(edgeFrom.count)

    // Incoming edges (CSR) for the backward pass.
    var incomingStart = [Int](repeating: 0, count: nodeCount + 1)
    for to in edgeTo where to >= 0 { incomingStart[Int(to) + 1] += 1 }
    for index in 0..<nodeCount { incomingStart[index + 1] += incomingStart[index] }
    var fill = incomingStart
    var incoming = [Int32](repeating: 0, count: incomingStart[nodeCount])
    for edge in edgeFrom.indices where edgeTo[edge] >= 0 {
      let to = Int(edgeTo[edge])
      incoming[fill[to]] = Int32(edge)
      fill[to] += 1
    }

    var vector = [Int32](repeating: 0, count: skillCount)
    func add(_ base: ArraySlice<Int32>, choice: Int, into result: inout [Int32]) {
      let offset = choice * skillCount
      for (index, value) in base.enumerated() {
        result[index] = clamp(Int32(clamping: Int(value) + Int(deltas[offset + index])), skillBounds, &saturated)
      }
    }

    // Strongly connected components, in reverse topological order. Sets then spread component by component:
    // in a loop-free part each node spreads only its final set.
    let (components, componentOf) = Graph.stronglyConnectedComponents(
      nodeCount: nodeCount, edgeStart: edgeStart, edgeTo: edgeTo)

    /// Inside a loop: when `vector`, about to land on `node`, beats an ancestor label on that same node, the
    /// loop can be pumped, so the components it raises jump to the bound at once (no slow climb).
    func pump(_ vector: inout [Int32], at node: Int, from label: Int, in sets: ParetoSets, component: Int) {
      var ancestor = label
      var steps = 0
      while ancestor >= 0, steps < 64, componentOf[Int(sets.node[ancestor])] == component {
        if Int(sets.node[ancestor]) == node {
          let base = ancestor * skillCount
          var below = true
          var raised = false
          for index in 0..<skillCount {
            if sets.values[base + index] > vector[index] { below = false }
            if sets.values[base + index] < vector[index] { raised = true }
          }
          if below, raised {
            for index in 0..<skillCount where sets.values[base + index] < vector[index] {
              vector[index] = skillBounds.upperBound
            }
            saturated = true
          }
          return
        }
        ancestor = Int(sets.parent[ancestor])
        steps += 1
      }
    }

    // Phase 2a: forward Pareto-maximal skill vectors, components in topological order.
    var forward = ParetoSets(width: skillCount, nodes: nodeCount)
    if startNode >= 0 { _ = forward.insert(vector, at: startNode, parent: -1, choice: -1) }
    var pending: [Int32] = []
    for component in components.reversed() {
      let componentID = componentOf[component[0]]
      pending.removeAll(keepingCapacity: true)
      for node in component { pending += forward.byNode[node] }
      var head = 0
      while head < pending.count {
        let label = Int(pending[head])
        head += 1
        guard forward.alive[label] else { continue }
        let node = Int(forward.node[label])
        for edge in edgeStart[node]..<edgeStart[node + 1] where edgeTo[edge] >= 0 {
          let to = Int(edgeTo[edge])
          add(forward.vector(label), choice: Int(edgeChoice[edge]), into: &vector)
          if componentOf[to] == componentID {
            pump(&vector, at: to, from: label, in: forward, component: componentID)
          }
          if let id = forward.insert(vector, at: to, parent: label, choice: Int(edgeChoice[edge])),
            componentOf[to] == componentID
          {
            pending.append(Int32(id))
          }
        }
      }
    }

    // Phase 2b: backward Pareto-maximal points still to gain on the way to a passing ending, components in
    // reverse topological order.
    var backward = ParetoSets(width: skillCount, nodes: nodeCount)
    let zero = [Int32](repeating: 0, count: skillCount)
    for edge in edgeFrom.indices where edgeTo[edge] == -1 && edgeEligible[edge] {
      add(zero[...], choice: Int(edgeChoice[edge]), into: &vector)
      _ = backward.insert(vector, at: Int(edgeFrom[edge]), parent: -1, choice: -1)
    }
    for component in components {
      let componentID = componentOf[component[0]]
      pending.removeAll(keepingCapacity: true)
      for node in component { pending += backward.byNode[node] }
      var head = 0
      while head < pending.count {
        let label = Int(pending[head])
        head += 1
        guard backward.alive[label] else { continue }
        let node = Int(backward.node[label])
        for position in incomingStart[node]..<incomingStart[node + 1] {
          let edge = Int(incoming[position])
          let from = Int(edgeFrom[edge])
          add(backward.vector(label), choice: Int(edgeChoice[edge]), into: &vector)
          if componentOf[from] == componentID {
            pump(&vector, at: from, from: label, in: backward, component: componentID)
          }
          if let id = backward.insert(vector, at: from, parent: label, choice: -1), componentOf[from] == componentID {
            pending.append(Int32(id))
          }
        }
      }
    }

    /// Whether forward vector `label`, plus `choice`'s points (if any), plus backward vector `extra` (if any)
    /// meets the rules. No allocation: this runs for many pairs.
    var sum = [Int32](repeating: 0, count: skillCount)
    func meetsPair(_ label: Int32, choice: Int, extra: Int32) -> Bool {
      let base = Int(label) * skillCount
      let extraBase = Int(extra) * skillCount
      let choiceBase = choice * skillCount
      var total = 0
      for index in 0..<skillCount {
        var value = Int(forward.values[base + index])
        if choice >= 0 { value += Int(deltas[choiceBase + index]) }
        if extra >= 0 { value += Int(backward.values[extraBase + index]) }
        sum[index] = Int32(clamping: value)
        total += value
      }
      if let pass = roleplay.pass, total < pass { return false }
      for (skill, min) in minimums where Int(sum[skill]) < min { return false }
      return true
    }
    /// Whether a passing run exists from `node` (after `choice`, when given, leading to `target`).
    func canPass(from node: Int, choice: Int, target: Int) -> Bool {
      for label in forward.byNode[node] {
        for extra in backward.byNode[target] where meetsPair(label, choice: choice, extra: extra) { return true }
      }
      return false
    }
    var nodeCanPass = [Bool](repeating: false, count: nodeCount)
    for node in 0..<nodeCount { nodeCanPass[node] = canPass(from: node, choice: -1, target: node) }

    // Endings: best and worst totals, the best passing run, failing choices.
    var best: Int?
    var worst: Int?
    var bestPassing: (total: Int, label: Int, choice: Int)?
    // A choice fails when, from every state that offers it and can still pass, no passing run follows it.
    var failing = [Bool](repeating: false, count: references.count)
    var stillPassing = [Bool](repeating: false, count: references.count)
    var totals = [Int](repeating: Int.max, count: nodeCount)
    if startNode >= 0 { totals[startNode] = 0 }
    // Worst totals: min-sum relaxation (saturating), breadth first from the start.
    var queue: [Int] = startNode >= 0 ? [startNode] : []
    var queued = [Bool](repeating: false, count: nodeCount)
    var updates = [Int](repeating: 0, count: nodeCount)
    if startNode >= 0 { queued[startNode] = true }
    while let node = queue.popLast() {
      queued[node] = false
      for edge in edgeStart[node]..<edgeStart[node + 1] where edgeTo[edge] >= 0 {
        let to = Int(edgeTo[edge])
        let choice = Int(edgeChoice[edge])
        var points = 0
        for index in 0..<skillCount { points += Int(deltas[choice * skillCount + index]) }
        let lowest = -Int(skillBounds.upperBound) * Swift.max(skillCount, 1)
        let candidate = Swift.max(totals[node] + points, lowest)
        if candidate == lowest, totals[node] + points < lowest { saturated = true }
        if candidate < totals[to] {
          // Lowered more often than there are states: a loop that keeps losing points; go to the bound.
          updates[to] += 1
          totals[to] = updates[to] > nodeCount + 1 ? lowest : candidate
          if updates[to] > nodeCount + 1 { saturated = true }
          if !queued[to] {
            queued[to] = true
            queue.append(to)
          }
        }
      }
    }
    for edge in edgeFrom.indices {
      let from = Int(edgeFrom[edge])
      let choice = Int(edgeChoice[edge])
      if edgeTo[edge] == -1 {
        var points = 0
        for index in 0..<skillCount { points += Int(deltas[choice * skillCount + index]) }
        if totals[from] != Int.max { worst = Swift.min(worst ?? Int.max, totals[from] + points) }
        for label in forward.byNode[from] {
          add(forward.vector(Int(label)), choice: choice, into: &vector)
          let total = vector.reduce(0) { $0 + Int($1) }
          best = Swift.max(best ?? total, total)
          if edgeEligible[edge], meets(vector), bestPassing == nil || total > bestPassing?.total ?? 0 {
            bestPassing = (total, Int(label), choice)
          }
        }
      }
      guard nodeCanPass[from] else { continue }
      let stillPasses: Bool
      switch Int(edgeTo[edge]) {
      case -1:
        stillPasses = edgeEligible[edge] && forward.byNode[from].contains { meetsPair($0, choice: choice, extra: -1) }
      case -2: stillPasses = false
      case let to: stillPasses = canPass(from: from, choice: choice, target: to)
      }
      if stillPasses { stillPassing[choice] = true } else { failing[choice] = true }
    }
    if startNode == -1, startEnding >= 0 {
      best = 0
      worst = 0
      if startEligible, meets(zero) { bestPassing = (0, -1, -1) }
    }

    var bestPath: [PathStep] = []
    if let bestPassing, bestPassing.choice >= 0 {
      var steps = [
        PathStep(sceneID: references[bestPassing.choice].sceneID, choiceIndex: references[bestPassing.choice].index)
      ]
      var label = bestPassing.label
      while label >= 0, forward.choice[label] >= 0 {
        let choice = Int(forward.choice[label])
        steps.append(PathStep(sceneID: references[choice].sceneID, choiceIndex: references[choice].index))
        label = Int(forward.parent[label])
      }
      bestPath = steps.reversed()
    }

    let passingRunExists = bestPassing != nil
    var choicesNeverReached: [ChoiceReference] = []
    for (sceneNumber, scene) in scenes.enumerated() where reached[sceneNumber] {
      for choice in scene.choices where !offered[choice.number] {
        choicesNeverReached.append(references[choice.number])
      }
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
      failingChoices: references.indices.filter { failing[$0] && !stillPassing[$0] }.map { references[$0] },
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
