import CourseModel
import Crypto
import Foundation

/// One finished attempt or in-person record, as `export xapi` turns it into a statement.
public struct LearningRecord: Sendable, Hashable {
  public enum Outcome: String, Sendable, Hashable {
    /// A run in Entraide that passed.
    case passed
    /// A run in Entraide that failed.
    case failed
    /// A course taken in person (`record`): completed and passed, no score.
    case completedInPerson
  }

  /// The attempt's id in the registry; with `startedAt` and `helperID`, it makes the statement's id.
  public var attemptID: Int64
  public var helperID: String
  public var helperName: String
  public var courseID: String
  public var courseTitle: LocalizedText
  public var outcome: Outcome
  /// The score in percent, when graded.
  public var score: Double?
  /// When it started and ended (ISO 8601 with zone); the duration is the time between, when both are known.
  public var startedAt: String
  public var finishedAt: String?
  /// When it happened, ISO 8601 with its zone.
  public var timestamp: String
  /// The language it was taken in (`fr`, `en`), when known.
  public var language: String?

  public init(
    attemptID: Int64, helperID: String, helperName: String, courseID: String, courseTitle: LocalizedText,
    outcome: Outcome, score: Double?, startedAt: String, finishedAt: String?, timestamp: String, language: String?
  ) {
    self.attemptID = attemptID
    self.helperID = helperID
    self.helperName = helperName
    self.courseID = courseID
    self.courseTitle = courseTitle
    self.outcome = outcome
    self.score = score
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.timestamp = timestamp
    self.language = language
  }
}

/// xAPI 1.0.3 statements (a JSON array, as an LRS takes them in one POST): docs/xapi.md.
public enum XAPIStatements {
  /// The account home page when none is given: a valid IRL that says it must be replaced.
  public static let defaultHomePage = "https://entraide.invalid/"
  /// The ADL course activity type.
  public static let courseType = "http://adlnet.gov/expapi/activities/course"
  /// The namespace of the statements' name-based (version 5) UUIDs.
  static let namespace: [UInt8] = [
    0x6b, 0x2e, 0x9c, 0x41, 0x3f, 0x0d, 0x4e, 0x6a, 0x9b, 0x57, 0x1c, 0x8e, 0x21, 0xd4, 0x70, 0x3a,
  ]

  /// Whether `text` can be an account home page: an absolute `http` or `https` URL with a host, no spaces.
  public static func isHomePage(_ text: String) -> Bool {
    guard !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }),
      let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = url.host, !host.isEmpty
    else { return false }
    return true
  }

  /// The statements, one per record, in the records' order; pretty-printed JSON, keys sorted.
  public static func render(_ records: [LearningRecord], homePage: String) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(records.map { statement($0, homePage: homePage) }), as: UTF8.self)
      + "\n"
  }

  /// The statement of one record.
  static func statement(_ record: LearningRecord, homePage: String) -> Statement {
    let verb: Verb
    let result: Result
    switch record.outcome {
    case .passed:
      verb = Verb(id: "http://adlnet.gov/expapi/verbs/passed", display: ["fr": "a réussi", "en": "passed"])
      result = Result(success: true, completion: true)
    case .failed:
      verb = Verb(id: "http://adlnet.gov/expapi/verbs/failed", display: ["fr": "a échoué", "en": "failed"])
      result = Result(success: false, completion: true)
    case .completedInPerson:
      verb = Verb(id: "http://adlnet.gov/expapi/verbs/completed", display: ["fr": "a terminé", "en": "completed"])
      result = Result(success: true, completion: true)
    }
    var graded = result
    if let score = record.score {
      let raw = min(max(score, 0), 100)
      graded.score = Score(scaled: raw / 100, raw: raw, min: 0, max: 100)
    }
    if record.outcome != .completedInPerson, let finished = record.finishedAt {
      graded.duration = duration(from: record.startedAt, to: finished)
    }
    var names: [String: String] = [:]
    for language in ["fr", "en"] {
      if let text = record.courseTitle.text(language, fallbacks: []) { names[language] = text }
    }
    if names.isEmpty { names["en"] = record.courseID }
    return Statement(
      id: uuid(for: record),
      actor: Actor(name: record.helperName, account: Account(homePage: homePage, name: record.helperID)),
      verb: verb,
      object: Activity(
        id: activityID(record.courseID), definition: Definition(name: names, type: courseType)),
      result: graded,
      context: Context(platform: "Entraide", language: record.language?.isEmpty == false ? record.language : nil),
      timestamp: record.timestamp)
  }

  /// The activity IRI of a course: `urn:entraide:course:ID` (the course files' namespace is `urn:entraide:course:1`).
  public static func activityID(_ courseID: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(0x80)))
    allowed.insert(charactersIn: "-._~")
    return "urn:entraide:course:" + (courseID.addingPercentEncoding(withAllowedCharacters: allowed) ?? courseID)
  }

  /// A version 5 UUID named by the attempt's id, start and helper: the same on every export of the registry.
  static func uuid(for record: LearningRecord) -> String {
    let name = "entraide-attempt:\(record.attemptID):\(record.startedAt):\(record.helperID.lowercased())"
    var bytes = Array(Insecure.SHA1.hash(data: namespace + Array(name.utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { String(format: "%02x", $0) }.joined()
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(
        hex[
          hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)]
      )
    }
    return parts.joined(separator: "-")
  }

  /// `PT1H2M3S` between two ISO 8601 timestamps, or nil when either is unreadable or the end comes first.
  static func duration(from start: String, to end: String) -> String? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let from = formatter.date(from: start), let to = formatter.date(from: end), to >= from else { return nil }
    let seconds = Int(to.timeIntervalSince(from).rounded())
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60)
    return "PT" + (h > 0 ? "\(h)H" : "") + (m > 0 ? "\(m)M" : "") + (s > 0 || seconds == 0 ? "\(s)S" : "")
  }

  // MARK: - The statement's JSON shape (no nulls: absent values are left out)

  struct Statement: Encodable {
    var id: String
    var actor: Actor
    var verb: Verb
    var object: Activity
    var result: Result
    var context: Context
    var timestamp: String
  }

  struct Actor: Encodable {
    var objectType = "Agent"
    var name: String
    var account: Account
  }

  struct Account: Encodable {
    var homePage: String
    var name: String
  }

  struct Verb: Encodable {
    var id: String
    var display: [String: String]
  }

  struct Activity: Encodable {
    var objectType = "Activity"
    var id: String
    var definition: Definition
  }

  struct Definition: Encodable {
    var name: [String: String]
    var type: String
  }

  struct Result: Encodable {
    var score: Score?
    var success: Bool
    var completion: Bool
    var duration: String?
  }

  struct Score: Encodable {
    var scaled: Double
    var raw: Double
    var min: Double
    var max: Double
  }

  struct Context: Encodable {
    var platform: String
    var language: String?
  }
}
