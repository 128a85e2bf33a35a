import CourseModel
import Foundation

/// A helper's whole history for `entraide status`: every attempt in Entraide, every in-person record and
/// every certification cycle, oldest first.
///
/// Plain values (the command maps the registry's records to them), so the renderers stay pure.
public struct HistoryReport: Sendable, Hashable, Encodable {
  /// One attempt at a course in Entraide (the terminal runner).
  public struct AttemptEntry: Sendable, Hashable, Encodable {
    public var id: Int64
    public var course: String
    public var courseTitle: LocalizedText
    /// The day it started (UTC).
    public var startedOn: String
    /// The day it ended (UTC), nil while in progress.
    public var finishedOn: String?
    /// `in-progress`, `passed`, `failed` or `abandoned`.
    public var result: String
    /// The score in percent, when graded.
    public var score: Double?

    public init(
      id: Int64, course: String, courseTitle: LocalizedText = LocalizedText(), startedOn: String,
      finishedOn: String?, result: String, score: Double?
    ) {
      self.id = id
      self.course = course
      self.courseTitle = courseTitle
      self.startedOn = startedOn
      self.finishedOn = finishedOn
      self.result = result
      self.score = score
    }

    enum CodingKeys: String, CodingKey {
      case id, course, result, score
      case startedOn = "started_on"
      case finishedOn = "finished_on"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(course, forKey: .course)
      try container.encode(startedOn, forKey: .startedOn)
      try container.encode(finishedOn, forKey: .finishedOn)
      try container.encode(result, forKey: .result)
      try container.encode(score, forKey: .score)
    }
  }

  /// One course recorded in person (`record`), with its note.
  public struct InPersonEntry: Sendable, Hashable, Encodable {
    public var id: Int64
    public var course: String
    public var courseTitle: LocalizedText
    public var date: CalendarDate
    public var note: String?

    public init(
      id: Int64, course: String, courseTitle: LocalizedText = LocalizedText(), date: CalendarDate, note: String?
    ) {
      self.id = id
      self.course = course
      self.courseTitle = courseTitle
      self.date = date
      self.note = note
    }

    enum CodingKeys: String, CodingKey { case id, course, date, note }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(course, forKey: .course)
      try container.encode(date.description, forKey: .date)
      try container.encode(note, forKey: .note)
    }
  }

  /// One certification cycle, as made.
  public struct CycleEntry: Sendable, Hashable, Encodable {
    public var id: Int64
    public var certification: String
    public var certificationTitle: LocalizedText
    /// `initial` or `renewal`.
    public var kind: String
    public var certifiedOn: CalendarDate
    public var validThrough: CalendarDate
    public var windowOpens: CalendarDate
    /// The course whose pass made it, when known.
    public var sourceCourse: String?

    public init(
      id: Int64, certification: String, certificationTitle: LocalizedText = LocalizedText(), kind: String,
      certifiedOn: CalendarDate, validThrough: CalendarDate, windowOpens: CalendarDate, sourceCourse: String?
    ) {
      self.id = id
      self.certification = certification
      self.certificationTitle = certificationTitle
      self.kind = kind
      self.certifiedOn = certifiedOn
      self.validThrough = validThrough
      self.windowOpens = windowOpens
      self.sourceCourse = sourceCourse
    }

    enum CodingKeys: String, CodingKey {
      case id, certification, kind
      case certifiedOn = "certified_on"
      case validThrough = "valid_through"
      case windowOpens = "window_opens"
      case sourceCourse = "source_course"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(certification, forKey: .certification)
      try container.encode(kind, forKey: .kind)
      try container.encode(certifiedOn.description, forKey: .certifiedOn)
      try container.encode(validThrough.description, forKey: .validThrough)
      try container.encode(windowOpens.description, forKey: .windowOpens)
      try container.encode(sourceCourse, forKey: .sourceCourse)
    }
  }

  public var attempts: [AttemptEntry]
  public var inPerson: [InPersonEntry]
  public var cycles: [CycleEntry]

  public init(attempts: [AttemptEntry], inPerson: [InPersonEntry], cycles: [CycleEntry]) {
    self.attempts = attempts
    self.inPerson = inPerson
    self.cycles = cycles
  }

  enum CodingKeys: String, CodingKey {
    case attempts, cycles
    case inPerson = "in_person"
  }

  /// The three sections as text tables, in `language`; an empty section says so in one line.
  public func render(language: Language) -> String {
    let french = language == .fr
    func title(_ text: LocalizedText, _ id: String) -> String {
      text.text(language.rawValue, fallbacks: ["fr", "en"]) ?? id
    }
    var lines: [String] = []
    if attempts.isEmpty {
      lines.append(Message(fr: "Aucune tentative dans Entraide.", en: "No attempt in Entraide.").text(language))
    } else {
      lines.append(Message(fr: "Tentatives dans Entraide :", en: "Attempts in Entraide:").text(language))
      var table = TextTable(
        header: french
          ? ["Date", "Cours", "Titre", "Résultat", "Score"] : ["Date", "Course", "Title", "Result", "Score"])
      for attempt in attempts {
        table.append([
          attempt.finishedOn ?? attempt.startedOn, attempt.course, title(attempt.courseTitle, attempt.course),
          Self.resultLabel(attempt.result).text(language), attempt.score.map { Self.percent($0, language) } ?? "—",
        ])
      }
      lines.append(table.render())
    }
    lines.append("")
    if inPerson.isEmpty {
      lines.append(Message(fr: "Aucun cours suivi en personne.", en: "No course taken in person.").text(language))
    } else {
      lines.append(Message(fr: "Cours suivis en personne :", en: "Courses taken in person:").text(language))
      var table = TextTable(header: french ? ["Date", "Cours", "Titre", "Note"] : ["Date", "Course", "Title", "Note"])
      for record in inPerson {
        table.append([
          record.date.description, record.course, title(record.courseTitle, record.course), record.note ?? "—",
        ])
      }
      lines.append(table.render())
    }
    lines.append("")
    if cycles.isEmpty {
      lines.append(Message(fr: "Aucun cycle de certification.", en: "No certification cycle.").text(language))
    } else {
      lines.append(Message(fr: "Cycles de certification :", en: "Certification cycles:").text(language))
      var table = TextTable(
        header: french
          ? ["Certification", "Type", "Certifié·e le", "Valide jusqu’au", "Fenêtre dès", "Par le cours"]
          : ["Certification", "Kind", "Certified on", "Valid through", "Window opens", "By the course"])
      for cycle in cycles {
        table.append([
          title(cycle.certificationTitle, cycle.certification), Self.kindLabel(cycle.kind).text(language),
          cycle.certifiedOn.description, cycle.validThrough.description, cycle.windowOpens.description,
          cycle.sourceCourse ?? "—",
        ])
      }
      lines.append(table.render())
    }
    return lines.joined(separator: "\n")
  }

  /// An attempt's state (`in-progress`, `passed`, `failed`, `abandoned`, `recorded`) as words for people.
  public static func resultLabel(_ result: String) -> Message {
    switch result {
    case "in-progress": Message(fr: "en cours", en: "in progress")
    case "passed": Message(fr: "réussi", en: "passed")
    case "failed": Message(fr: "échoué", en: "failed")
    case "abandoned": Message(fr: "abandonné", en: "abandoned")
    case "recorded": Message(fr: "enregistré (en personne)", en: "recorded (in person)")
    default: Message(fr: result, en: result)
    }
  }

  /// A cycle's kind as a word for people.
  static func kindLabel(_ kind: String) -> Message {
    switch kind {
    case "initial": Message(fr: "initiale", en: "initial")
    case "renewal": Message(fr: "renouvellement", en: "renewal")
    default: Message(fr: kind, en: kind)
    }
  }

  /// `85 %` in French, `85%` in English; one decimal when not whole.
  public static func percent(_ value: Double, _ language: Language) -> String {
    let rounded = (value * 10).rounded() / 10
    let number =
      rounded == rounded.rounded()
      ? String(Int(rounded))
      : String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: language == .fr ? "," : ".")
    return language == .fr ? "\(number) %" : "\(number)%"
  }
}
