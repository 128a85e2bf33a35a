/// A course as read from one file: metadata and ordered activities.
public struct Course: Sendable, Hashable, Codable {
  public var id: String
  public var version: String
  /// Declared languages, in the file's order (`languages="fr en"`); empty for a one-language course.
  public var languages: [String]
  /// The ISO 8601 duration as written (`PT15M`).
  public var duration: String
  /// Who the course is for: helpers, or course authors (the format tour, not a training course).
  public var audience: Audience
  public var title: LocalizedText
  public var summary: LocalizedText
  public var sources: [String]
  public var requires: [Prerequisite]
  public var activities: [Activity]
  public var location: SourceLocation
  /// A digest of the file's bytes (hex SHA-256), set by the loader (empty when it was asked not to); tells
  /// whether a file changed.
  public var digest: String

  public init(
    id: String, version: String, languages: [String] = [], duration: String = "", audience: Audience = .helpers,
    title: LocalizedText = LocalizedText(), summary: LocalizedText = LocalizedText(),
    sources: [String] = [], requires: [Prerequisite] = [], activities: [Activity] = [],
    location: SourceLocation = .unknown, digest: String = ""
  ) {
    self.id = id
    self.version = version
    self.languages = languages
    self.duration = duration
    self.audience = audience
    self.title = title
    self.summary = summary
    self.sources = sources
    self.requires = requires
    self.activities = activities
    self.location = location
    self.digest = digest
  }
}

/// Who a course is for (`audience="…"` on `<course>`).
public enum Audience: String, Sendable, Hashable, Codable {
  /// A training course for peer helpers (the default).
  case helpers
  /// The format tour: shows course authors every element; not a training course.
  case authors
}

/// A course that must be passed before this one (`<requires course="…"/>`).
public struct Prerequisite: Sendable, Hashable, Codable {
  public var courseID: String
  public var location: SourceLocation

  public init(courseID: String, location: SourceLocation = .unknown) {
    self.courseID = courseID
    self.location = location
  }
}

extension Course {
  /// Every lesson, role-play and quiz, those inside pools included, in file order (pools themselves left out).
  public var allActivities: [Activity] {
    activities.flatMap { activity -> [Activity] in
      if case .pool(let pool) = activity { return pool.activities }
      return [activity]
    }
  }

  /// The pool that holds the activity `id`, when one does.
  public func pool(holding id: String) -> Pool? {
    for case .pool(let pool) in activities where pool.activities.contains(where: { $0.id == id }) { return pool }
    return nil
  }
}

/// One step of a course, in file order.
public enum Activity: Sendable, Hashable, Codable {
  case lesson(Lesson)
  case roleplay(Roleplay)
  case quiz(Quiz)
  /// Activities of which each attempt takes a few (`Pool.draw`); never holds another pool.
  case pool(Pool)

  public var id: String {
    switch self {
    case .lesson(let lesson): lesson.id
    case .roleplay(let roleplay): roleplay.id
    case .quiz(let quiz): quiz.id
    case .pool(let pool): pool.id
    }
  }

  /// The activity's title; a pool has none (its drawn activities have theirs).
  public var title: LocalizedText {
    switch self {
    case .lesson(let lesson): lesson.title
    case .roleplay(let roleplay): roleplay.title
    case .quiz(let quiz): quiz.title
    case .pool: LocalizedText()
    }
  }

  public var location: SourceLocation {
    switch self {
    case .lesson(let lesson): lesson.location
    case .roleplay(let roleplay): roleplay.location
    case .quiz(let quiz): quiz.location
    case .pool(let pool): pool.location
    }
  }

  /// Whether the activity is scored (role-plays and quizzes, and pools holding one); lessons are not.
  public var isGraded: Bool {
    switch self {
    case .lesson: false
    case .roleplay, .quiz: true
    case .pool(let pool): pool.activities.contains(where: \.isGraded)
    }
  }
}

/// Two or more activities of which each attempt takes `draw`, shown in the pool's order (DESIGN §3).
///
/// Which ones an attempt takes depends on the helper's history and the attempt's seed (`CourseEngine`).
public struct Pool: Sendable, Hashable, Codable {
  public var id: String
  /// How many activities each attempt takes (1 unless the file says otherwise).
  public var draw: Int
  /// Lessons, role-plays and quizzes, in file order.
  public var activities: [Activity]
  public var location: SourceLocation

  public init(id: String, draw: Int = 1, activities: [Activity] = [], location: SourceLocation = .unknown) {
    self.id = id
    self.draw = draw
    self.activities = activities
    self.location = location
  }
}

/// Pages of text to read.
public struct Lesson: Sendable, Hashable, Codable {
  public var id: String
  public var title: LocalizedText
  public var pages: [Page]
  public var location: SourceLocation

  public init(
    id: String, title: LocalizedText = LocalizedText(), pages: [Page] = [], location: SourceLocation = .unknown
  ) {
    self.id = id
    self.title = title
    self.pages = pages
    self.location = location
  }
}

/// One page of a lesson: blocks, each in one language or in all.
public struct Page: Sendable, Hashable, Codable {
  public var blocks: [LanguageBlock]
  public var location: SourceLocation

  public init(blocks: [LanguageBlock] = [], location: SourceLocation = .unknown) {
    self.blocks = blocks
    self.location = location
  }

  /// The blocks to show in `language`: those in that language and those without one.
  /// When the page has none in that language, the blocks of the first language it has.
  public func blocks(in language: String) -> [Block] {
    let matching = blocks.filter { $0.language == nil || $0.language == language }
    if matching.contains(where: { $0.language == language }) || blocks.allSatisfy({ $0.language == nil }) {
      return matching.map(\.block)
    }
    guard let first = blocks.first(where: { $0.language != nil })?.language else { return matching.map(\.block) }
    return blocks.filter { $0.language == nil || $0.language == first }.map(\.block)
  }
}
