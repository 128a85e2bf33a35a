import CourseModel

/// The lint rules of DESIGN §3 that need only the model: ids, references, the scene graph, answers,
/// draws and pass marks. Pure: a course in, findings out.
public enum Lint {
  /// Every single-file rule on a course.
  public static func course(_ course: Course, path: String) -> [Finding] {
    var findings = Findings(path: path)
    // Activity ids are unique across the course, pools and their activities included; scene, character and
    // skill ids stay scoped to their role-play.
    var ids: [(String, SourceLocation)] = []
    for activity in course.activities {
      ids.append((activity.id, activity.location))
      if case .pool(let pool) = activity {
        ids += pool.activities.map { ($0.id, $0.location) }
        findings.pool(pool)
      }
    }
    findings.duplicates(ids, kind: .activity)
    for activity in course.allActivities {
      switch activity {
      case .lesson, .pool: break
      case .roleplay(let roleplay): findings.roleplay(roleplay)
      case .quiz(let quiz): findings.quiz(quiz)
      }
    }
    return findings.all
  }

  /// Every single-file rule on a certifications file.
  public static func catalog(_ catalog: CertificationCatalog, path: String) -> [Finding] {
    var findings = Findings(path: path)
    findings.duplicates(catalog.certifications.map { ($0.id, $0.location) }, kind: .certification)
    for certification in catalog.certifications {
      findings.duplicates(
        certification.initial.map { ($0.courseID, $0.location) }, kind: .pathCourse(certification.id, initial: true))
      findings.duplicates(
        certification.renewal.map { ($0.courseID, $0.location) }, kind: .pathCourse(certification.id, initial: false))
    }
    return findings.all
  }

  /// Rules across files: course ids unique, `requires` and certification paths naming known courses.
  /// `knownCourse` answers for ids not among `courses` (e.g. a `<id>.xml` beside the file).
  public static func crossFile(
    courses: [(path: String, course: Course)], catalogs: [(path: String, catalog: CertificationCatalog)],
    knownCourse: (String, String) -> Bool = { _, _ in false }
  ) -> [Finding] {
    var result: [Finding] = []
    var firstByID: [String: (path: String, course: Course)] = [:]
    for entry in courses {
      if let first = firstByID[entry.course.id] {
        result.append(
          Finding(
            path: entry.path, location: entry.course.location, code: "duplicate-id",
            message: Messages.duplicateCourse(entry.course.id, otherPath: first.path)))
      } else {
        firstByID[entry.course.id] = entry
      }
    }
    let ids = courses.map(\.course.id)
    let sortedIDs = Array(Set(ids)).sorted()
    for entry in courses {
      for requirement in entry.course.requires {
        if requirement.courseID == entry.course.id {
          result.append(
            Finding(
              path: entry.path, location: requirement.location, code: "unknown-course",
              message: Messages.requiresItself(requirement.courseID)))
        } else if !ids.contains(requirement.courseID), !knownCourse(requirement.courseID, entry.path) {
          result.append(
            Finding(
              path: entry.path, location: requirement.location, code: "unknown-course",
              message: Messages.unknownCourse(requirement.courseID, by: .requires, known: sortedIDs)))
        }
      }
    }
    for entry in catalogs {
      for certification in entry.catalog.certifications {
        for reference in certification.initial + certification.renewal
        where !ids.contains(reference.courseID) && !knownCourse(reference.courseID, entry.path) {
          result.append(
            Finding(
              path: entry.path, location: reference.location, code: "unknown-course",
              message: Messages.unknownCourse(
                reference.courseID, by: .certification(certification.id), known: sortedIDs)))
        }
      }
    }
    if catalogs.count > 1 {
      var seen: [String: String] = [:]
      for entry in catalogs {
        for certification in entry.catalog.certifications {
          if let other = seen[certification.id], other != entry.path {
            result.append(
              Finding(
                path: entry.path, location: certification.location, code: "duplicate-id",
                message: Messages.duplicateCertification(certification.id, otherPath: other)))
          } else {
            seen[certification.id] = entry.path
          }
        }
      }
    }
    return result
  }
}

/// What a duplicate id is the id of (for messages).
enum IDKind {
  case activity
  case sceneOrEnding
  case question
  case skill
  case character
  case variable
  case certification
  case pathCourse(String, initial: Bool)
}

/// Findings of one file, gathered rule by rule.
struct Findings {
  let path: String
  var all: [Finding] = []

  mutating func add(
    _ code: String, _ message: Message, at location: SourceLocation, severity: Finding.Severity = .error
  ) {
    all.append(Finding(path: path, location: location, severity: severity, code: code, message: message))
  }

  mutating func duplicates(_ entries: [(String, SourceLocation)], kind: IDKind) {
    var first: [String: SourceLocation] = [:]
    for (id, location) in entries {
      if let previous = first[id] {
        add("duplicate-id", Messages.duplicateID(id, kind: kind, firstLine: previous.line), at: location)
      } else {
        first[id] = location
      }
    }
  }

  // MARK: Pool

  /// `draw` between 1 and the pool's size (the schema keeps it above 0 and the pool at two or more).
  mutating func pool(_ pool: Pool) {
    if pool.draw > pool.activities.count {
      add(
        "draw-too-large", Messages.poolDrawTooLarge(pool.id, draw: pool.draw, activities: pool.activities.count),
        at: pool.location)
    }
  }

  // MARK: Role-play

  mutating func roleplay(_ roleplay: Roleplay) {
    duplicates(
      roleplay.scenes.map { ($0.id, $0.location) } + roleplay.endings.map { ($0.id, $0.location) },
      kind: .sceneOrEnding)
    duplicates(roleplay.skills.map { ($0.id, $0.location) }, kind: .skill)
    duplicates(roleplay.characters.map { ($0.id, $0.location) }, kind: .character)
    duplicates(roleplay.variables.map { ($0.name, $0.location) }, kind: .variable)

    let sceneIDs = roleplay.scenes.map(\.id)
    let endingIDs = roleplay.endings.map(\.id)
    let targets = Set(sceneIDs + endingIDs)
    let skillIDs = roleplay.skills.map(\.id)
    let variableNames = roleplay.variables.map(\.name)
    let characterIDs = roleplay.characters.map(\.id)

    if !targets.contains(roleplay.start) {
      add(
        "unknown-scene",
        Messages.unknownTarget(
          roleplay.start, by: .start(roleplay.id), line: roleplay.location.line, scenes: sceneIDs, endings: endingIDs),
        at: roleplay.location)
    }
    for scene in roleplay.scenes {
      for line in scene.lines where !characterIDs.contains(line.by) {
        add(
          "unknown-character", Messages.unknownCharacter(line.by, line: line.location.line, known: characterIDs),
          at: line.location)
      }
      for jump in scene.gotos {
        if !targets.contains(jump.to) {
          add(
            "unknown-scene",
            Messages.unknownTarget(jump.to, by: .goto, line: jump.location.line, scenes: sceneIDs, endings: endingIDs),
            at: jump.location)
        }
        conditionVariables(jump.condition, at: jump.location, declared: variableNames)
      }
      for choice in scene.choices {
        if !targets.contains(choice.to) {
          add(
            "unknown-scene",
            Messages.unknownTarget(
              choice.to, by: .choice, line: choice.location.line, scenes: sceneIDs, endings: endingIDs),
            at: choice.location)
        }
        conditionVariables(choice.condition, at: choice.location, declared: variableNames)
        for score in choice.scores where !skillIDs.contains(score.skill) {
          add(
            "unknown-skill", Messages.unknownSkill(score.skill, line: score.location.line, known: skillIDs),
            at: score.location)
        }
        for set in choice.sets where !variableNames.contains(set.variable) {
          add(
            "unknown-variable",
            Messages.unknownVariable(set.variable, usage: .set, line: set.location.line, known: variableNames),
            at: set.location)
        }
      }
      if scene.gotos.isEmpty && scene.choices.isEmpty {
        add("dead-end", Messages.deadEnd(scene.id), at: scene.location)
      }
    }
    reachability(roleplay)
    passMarks(roleplay)
  }

  mutating func conditionVariables(_ condition: Condition?, at location: SourceLocation, declared: [String]) {
    guard let condition else { return }
    for name in condition.variables.sorted() where !declared.contains(name) {
      add(
        "unknown-variable", Messages.unknownVariable(name, usage: .condition, line: location.line, known: declared),
        at: location)
    }
  }

  /// Scenes and endings that no path from `start` reaches (conditions ignored).
  mutating func reachability(_ roleplay: Roleplay) {
    guard roleplay.scenes.contains(where: { $0.id == roleplay.start }) else { return }
    let reached = roleplay.reachableFromStart
    for scene in roleplay.scenes where !reached.contains(scene.id) {
      add("unreachable", Messages.unreachableScene(scene.id, start: roleplay.start), at: scene.location)
    }
    for ending in roleplay.endings where !reached.contains(ending.id) {
      add(
        "unreachable", Messages.unreachableEnding(ending.id, start: roleplay.start), at: ending.location,
        severity: .warning)
    }
  }

  /// `pass` and each skill's `min` against the most points a run ending at a passing ending can get.
  mutating func passMarks(_ roleplay: Roleplay) {
    let bound = PointsBound(roleplay)
    if let pass = roleplay.pass, let best = bound.best(points: { $0.scores.reduce(0) { $0 + max(0, $1.points) } }),
      pass > best
    {
      add("pass-too-high", Messages.roleplayPassTooHigh(pass: pass, best: best), at: roleplay.location)
    }
    for skill in roleplay.skills {
      guard let min = skill.min,
        let best = bound.best(points: { choice in
          choice.scores.filter { $0.skill == skill.id }.reduce(0) { $0 + max(0, $1.points) }
        }), min > best
      else { continue }
      add("pass-too-high", Messages.skillMinTooHigh(skill: skill.id, min: min, best: best), at: skill.location)
    }
  }

  // MARK: Quiz

  mutating func quiz(_ quiz: Quiz) {
    duplicates(quiz.questions.map { ($0.id, $0.location) }, kind: .question)
    if quiz.passPercent > 100 {
      add("pass-too-high", Messages.quizPassTooHigh(quiz.passPercent), at: quiz.location)
    }
    if let draw = quiz.draw, draw > quiz.questions.count {
      add("draw-too-large", Messages.drawTooLarge(draw: draw, questions: quiz.questions.count), at: quiz.location)
    }
    for question in quiz.questions {
      if let problem = NoRightAnswer(question.kind) {
        add("no-right-answer", Messages.noRightAnswer(question.id, problem), at: question.location)
      }
    }
  }
}

/// Why a question cannot be answered right.
enum NoRightAnswer {
  case singleCorrectCount(Int)
  case multipleNoneCorrect
  case shortNoAccept
  case orderTooFew(Int)
  case matchTooFew(Int)

  init?(_ kind: Question.Kind) {
    switch kind {
    case .single(let options):
      let correct = options.count { $0.correct }
      guard correct != 1 else { return nil }
      self = .singleCorrectCount(correct)
    case .multiple(let options):
      guard !options.contains(where: \.correct) else { return nil }
      self = .multipleNoneCorrect
    case .truefalse: return nil
    case .order(let items):
      guard items.count < 2 else { return nil }
      self = .orderTooFew(items.count)
    case .match(let pairs):
      guard pairs.count < 2 else { return nil }
      self = .matchTooFew(pairs.count)
    case .short(let accept):
      guard accept.allSatisfy({ $0.isEmpty }) else { return nil }
      self = .shortNoAccept
    }
  }
}

/// An upper bound of the points a run can gather before a passing ending, from the scene graph.
///
/// Strongly connected parts of the graph are collapsed: inside one, every `once` choice counts once (and a
/// choice that is not `once` and scores inside a cycle makes the bound unknown); between them, the best path.
struct PointsBound {
  let roleplay: Roleplay
  private var component: [String: Int] = [:]
  private var components: [[String]] = []

  init(_ roleplay: Roleplay) {
    self.roleplay = roleplay
    let nodes = roleplay.scenes.map(\.id) + roleplay.endings.map(\.id)
    let number = Dictionary(nodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var edgeStart = [0]
    var edgeTo: [Int] = []
    for scene in roleplay.scenes {
      edgeTo += (scene.gotos.map(\.to) + scene.choices.map(\.to)).map { number[$0] ?? -1 }
      edgeStart.append(edgeTo.count)
    }
    edgeStart += Array(repeating: edgeTo.count, count: roleplay.endings.count)
    // Components in reverse topological order, as node names.
    let found = Graph.stronglyConnectedComponents(nodeCount: nodes.count, edgeStart: edgeStart, edgeTo: edgeTo)
      .components.map { $0.map { nodes[$0] } }
    components = found
    for (number, members) in found.enumerated() {
      for member in members { component[member] = number }
    }
  }

  /// The most points (by `points`) on a path from `start` to an ending with `result="pass"`; nil when
  /// unbounded or when no passing ending is reached.
  func best(points: (Choice) -> Int) -> Int? {
    guard let startComponent = component[roleplay.start] else { return nil }
    let scenes = Dictionary(roleplay.scenes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let passing = Set(roleplay.endings.filter { $0.result == .pass }.map(\.id))
    // Tarjan gives components in reverse topological order: successors come first.
    var best: [Int?] = Array(repeating: nil, count: components.count)
    for (number, members) in components.enumerated() {
      var inside = 0
      var outgoing: Int? = nil
      var cyclic = members.count > 1
      for member in members {
        if passing.contains(member) { outgoing = max(outgoing ?? 0, 0) }
        guard let scene = scenes[member] else { continue }
        if scene.gotos.contains(where: { $0.to == member }) || scene.choices.contains(where: { $0.to == member }) {
          cyclic = true
        }
      }
      for member in members {
        guard let scene = scenes[member] else { continue }
        for jump in scene.gotos {
          guard let target = component[jump.to], target != number, let after = best[target] else { continue }
          outgoing = max(outgoing ?? after, after)
        }
        for choice in scene.choices {
          let gained = points(choice)
          guard let target = component[choice.to] else { continue }
          if target == number {
            if gained > 0, !choice.once, cyclic { return nil }
            inside += gained
          } else if let after = best[target] {
            outgoing = max(outgoing ?? (gained + after), gained + after)
          }
        }
      }
      best[number] = outgoing.map { $0 + inside }
    }
    return best[startComponent]
  }
}
