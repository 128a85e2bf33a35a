/// A branching conversation with a character, scored by skill.
public struct Roleplay: Sendable, Hashable, Codable {
  public var id: String
  public var title: LocalizedText
  public var setting: LocalizedText
  /// The id of the first scene.
  public var start: String
  /// Total points needed to pass (nil: no total required).
  public var pass: Int?
  /// How many times a failed run may be replayed (default 1).
  public var retries: Int
  public var characters: [Persona]
  public var skills: [Skill]
  public var variables: [Variable]
  public var scenes: [Scene]
  public var endings: [Ending]
  public var location: SourceLocation

  public init(
    id: String, title: LocalizedText = LocalizedText(), setting: LocalizedText = LocalizedText(),
    start: String, pass: Int? = nil, retries: Int = 1, characters: [Persona] = [],
    skills: [Skill] = [], variables: [Variable] = [], scenes: [Scene] = [], endings: [Ending] = [],
    location: SourceLocation = .unknown
  ) {
    self.id = id
    self.title = title
    self.setting = setting
    self.start = start
    self.pass = pass
    self.retries = retries
    self.characters = characters
    self.skills = skills
    self.variables = variables
    self.scenes = scenes
    self.endings = endings
    self.location = location
  }

  public func scene(_ id: String) -> Scene? { scenes.first { $0.id == id } }
  public func ending(_ id: String) -> Ending? { endings.first { $0.id == id } }
  public func character(_ id: String) -> Persona? { characters.first { $0.id == id } }
}

/// A `<character>` of a role-play: who speaks the lines.
public struct Persona: Sendable, Hashable, Codable {
  public var id: String
  public var name: String
  public var location: SourceLocation

  public init(id: String, name: String, location: SourceLocation = .unknown) {
    self.id = id
    self.name = name
    self.location = location
  }
}

/// A scored skill; `min` is the least total a passing run needs in it.
public struct Skill: Sendable, Hashable, Codable {
  public var id: String
  public var title: LocalizedText
  public var min: Int?
  public var location: SourceLocation

  public init(id: String, title: LocalizedText = LocalizedText(), min: Int? = nil, location: SourceLocation = .unknown)
  {
    self.id = id
    self.title = title
    self.min = min
    self.location = location
  }
}

/// An integer variable with its starting value.
public struct Variable: Sendable, Hashable, Codable {
  public var name: String
  public var initial: Int
  public var location: SourceLocation

  public init(name: String, initial: Int = 0, location: SourceLocation = .unknown) {
    self.name = name
    self.initial = initial
    self.location = location
  }
}

/// A scene: the character's lines, then the first `goto` whose condition holds, else the choices.
public struct Scene: Sendable, Hashable, Codable {
  public var id: String
  public var lines: [Line]
  public var gotos: [Goto]
  public var choices: [Choice]
  public var location: SourceLocation

  public init(
    id: String, lines: [Line] = [], gotos: [Goto] = [], choices: [Choice] = [], location: SourceLocation = .unknown
  ) {
    self.id = id
    self.lines = lines
    self.gotos = gotos
    self.choices = choices
    self.location = location
  }
}

/// A line spoken by a character, in one language or all (`language` nil).
public struct Line: Sendable, Hashable, Codable {
  public var by: String
  public var language: String?
  public var text: String
  public var location: SourceLocation

  public init(by: String, language: String?, text: String, location: SourceLocation = .unknown) {
    self.by = by
    self.language = language
    self.text = text
    self.location = location
  }
}

/// An automatic jump to another scene or ending.
public struct Goto: Sendable, Hashable, Codable {
  public var to: String
  public var condition: Condition?
  public var location: SourceLocation

  public init(to: String, condition: Condition? = nil, location: SourceLocation = .unknown) {
    self.to = to
    self.condition = condition
    self.location = location
  }
}

/// What the helper may say in a scene, with its feedback and effects.
public struct Choice: Sendable, Hashable, Codable {
  public var say: LocalizedText
  public var feedback: LocalizedText
  public var scores: [ScoreEffect]
  public var sets: [SetEffect]
  /// The id of the next scene or ending.
  public var to: String
  public var condition: Condition?
  /// Offered only until it has been taken once.
  public var once: Bool
  /// A grave mistake: the role-play fails whatever ending follows.
  public var critical: Bool
  public var location: SourceLocation

  public init(
    say: LocalizedText = LocalizedText(), feedback: LocalizedText = LocalizedText(), scores: [ScoreEffect] = [],
    sets: [SetEffect] = [], to: String, condition: Condition? = nil, once: Bool = false, critical: Bool = false,
    location: SourceLocation = .unknown
  ) {
    self.say = say
    self.feedback = feedback
    self.scores = scores
    self.sets = sets
    self.to = to
    self.condition = condition
    self.once = once
    self.critical = critical
    self.location = location
  }
}

public struct ScoreEffect: Sendable, Hashable, Codable {
  public var skill: String
  public var points: Int
  public var location: SourceLocation

  public init(skill: String, points: Int, location: SourceLocation = .unknown) {
    self.skill = skill
    self.points = points
    self.location = location
  }
}

public struct SetEffect: Sendable, Hashable, Codable {
  public enum Operation: Sendable, Hashable, Codable {
    case add(Int)
    case value(Int)
  }

  public var variable: String
  public var operation: Operation
  public var location: SourceLocation

  public init(variable: String, operation: Operation, location: SourceLocation = .unknown) {
    self.variable = variable
    self.operation = operation
    self.location = location
  }

  /// The variable's value after this effect.
  public func apply(to current: Int) -> Int {
    switch operation {
    case .add(let amount): current &+ amount
    case .value(let value): value
    }
  }
}

/// Where a role-play ends, passing or failing.
public struct Ending: Sendable, Hashable, Codable {
  public enum Result: String, Sendable, Hashable, Codable {
    case pass
    case fail
  }

  public var id: String
  public var result: Result
  public var debrief: LocalizedText
  public var location: SourceLocation

  public init(id: String, result: Result, debrief: LocalizedText = LocalizedText(), location: SourceLocation = .unknown)
  {
    self.id = id
    self.result = result
    self.debrief = debrief
    self.location = location
  }
}
