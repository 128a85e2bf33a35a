import CourseModel
import Foundation

/// A helper's status for `entraide status`: where they stand with each certification on a day, the courses
/// passed, their whole history and what they practised.
///
/// Plain values (the command maps the registry's records to them), so the renderers stay pure.
public struct StatusReport: Sendable, Hashable {
  /// Where the helper stands with one certification.
  public struct Standing: Sendable, Hashable {
    public var certification: String
    public var title: LocalizedText
    public var status: CertificationStatus
    /// The current cycle's dates; all nil when the helper has no cycle.
    public var certifiedOn: CalendarDate?
    public var validThrough: CalendarDate?
    public var windowOpens: CalendarDate?
    /// Days from today to validThrough (0 on the last valid day, negative once expired); nil without a cycle.
    public var daysLeft: Int?
    /// Initial-path courses passed that count toward a (new) initial cycle, in the path's order.
    public var initialPassed: [String]
    /// The initial path's courses, in order.
    public var initialRequired: [String]

    public init(
      certification: String, title: LocalizedText, status: CertificationStatus, certifiedOn: CalendarDate?,
      validThrough: CalendarDate?, windowOpens: CalendarDate?, daysLeft: Int?, initialPassed: [String],
      initialRequired: [String]
    ) {
      self.certification = certification
      self.title = title
      self.status = status
      self.certifiedOn = certifiedOn
      self.validThrough = validThrough
      self.windowOpens = windowOpens
      self.daysLeft = daysLeft
      self.initialPassed = initialPassed
      self.initialRequired = initialRequired
    }
  }

  /// A course passed (its latest pass).
  public struct Passed: Sendable, Hashable {
    public var course: String
    /// The course's title; empty when the courses folder no longer has it.
    public var title: LocalizedText
    public var passedOn: CalendarDate
    /// `passed` (run in Entraide) or `recorded` (in person).
    public var how: String

    public init(course: String, title: LocalizedText, passedOn: CalendarDate, how: String) {
      self.course = course
      self.title = title
      self.passedOn = passedOn
      self.how = how
    }
  }

  public var helper: Helper
  public var today: CalendarDate
  public var standings: [Standing]
  /// Oldest first.
  public var passed: [Passed]
  public var history: HistoryReport
  public var practice: PracticeReport

  public init(
    helper: Helper, today: CalendarDate, standings: [Standing], passed: [Passed], history: HistoryReport,
    practice: PracticeReport
  ) {
    self.helper = helper
    self.today = today
    self.standings = standings
    self.passed = passed
    self.history = history
    self.practice = practice
  }

  /// The report as text in `language`: the standings, the courses passed, the history, what was practised.
  public func render(language: Language) -> String {
    let practiceLines = practice.lines(language)
    return standingsText(language) + "\n\n" + history.render(language: language)
      + (practiceLines.isEmpty ? "" : "\n\n" + practiceLines.joined(separator: "\n"))
  }

  /// The helper, the day, a table of the standings and a table of the courses passed.
  func standingsText(_ language: Language) -> String {
    let french = language == .fr
    var lines = [
      "\(helper.displayName) — \(helper.local), \(helper.region)".strippingControlCharacters()
        + (helper.active ? "" : Message(fr: " (désactivé·e)", en: " (deactivated)").text(language)),
      Message(fr: "Au \(today)", en: "As of \(today)").text(language),
      "",
    ]
    var table = TextTable(
      header: french
        ? ["Certification", "Statut", "Certifié·e le", "Valide jusqu’au", "Fenêtre dès", "Jours restants"]
        : ["Certification", "Status", "Certified on", "Valid through", "Window opens", "Days left"])
    for standing in standings {
      let title = standing.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? standing.certification
      var statusText = standing.status.label.text(language)
      if standing.status == .inTraining || (standing.status == .lapsed && !standing.initialPassed.isEmpty) {
        statusText += " (\(standing.initialPassed.count)/\(standing.initialRequired.count))"
      }
      table.append([
        title, statusText, standing.certifiedOn?.description ?? "—", standing.validThrough?.description ?? "—",
        standing.windowOpens?.description ?? "—", standing.daysLeft.map(String.init) ?? "—",
      ])
    }
    lines.append(table.render())
    lines.append("")
    if passed.isEmpty {
      lines.append(Message(fr: "Aucun cours réussi.", en: "No course passed.").text(language))
    } else {
      lines.append(Message(fr: "Cours réussis :", en: "Courses passed:").text(language))
      var table = TextTable(
        header: french ? ["Date", "Cours", "Titre", "Comment"] : ["Date", "Course", "Title", "How"])
      for course in passed {
        let how =
          course.how == "recorded"
          ? Message(fr: "en personne", en: "in person") : Message(fr: "dans Entraide", en: "in Entraide")
        table.append([
          course.passedOn.description, course.course,
          course.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? "", how.text(language),
        ])
      }
      lines.append(table.render())
    }
    return lines.joined(separator: "\n")
  }

  /// The report as a JSON document (`status --format json`): snake_case keys, absent dates null, both titles.
  public func json() throws -> String {
    let document = StatusDocument(
      helper: .init(
        id: helper.id, name: helper.name, local: helper.local, region: helper.region, email: helper.email,
        active: helper.active),
      today: today.description,
      certifications: standings.map { standing in
        .init(
          certification: standing.certification,
          titleFr: standing.title.text("fr", fallbacks: ["en"]) ?? standing.certification,
          titleEn: standing.title.text("en", fallbacks: ["fr"]) ?? standing.certification,
          status: standing.status.rawValue, certifiedOn: standing.certifiedOn?.description,
          validThrough: standing.validThrough?.description, windowOpens: standing.windowOpens?.description,
          daysLeft: standing.daysLeft, initialPassed: standing.initialPassed,
          initialRequired: standing.initialRequired)
      },
      coursesPassed: passed.map { .init(course: $0.course, passedOn: $0.passedOn.description, how: $0.how) },
      history: history)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return RosterJSON.inert(String(decoding: try encoder.encode(document), as: UTF8.self))
  }
}

/// The JSON shape of `status --format json` (snake_case keys; absent dates are null).
struct StatusDocument: Encodable {
  struct HelperFields: Encodable {
    var id, name, local, region: String
    var email: String?
    var active: Bool

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(name, forKey: .name)
      try container.encode(local, forKey: .local)
      try container.encode(region, forKey: .region)
      try container.encode(email, forKey: .email)
      try container.encode(active, forKey: .active)
    }

    enum CodingKeys: String, CodingKey { case id, name, local, region, email, active }
  }

  struct Standing: Encodable {
    var certification, titleFr, titleEn, status: String
    var certifiedOn, validThrough, windowOpens: String?
    var daysLeft: Int?
    var initialPassed, initialRequired: [String]

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(certification, forKey: .certification)
      try container.encode(titleFr, forKey: .titleFr)
      try container.encode(titleEn, forKey: .titleEn)
      try container.encode(status, forKey: .status)
      try container.encode(certifiedOn, forKey: .certifiedOn)
      try container.encode(validThrough, forKey: .validThrough)
      try container.encode(windowOpens, forKey: .windowOpens)
      try container.encode(daysLeft, forKey: .daysLeft)
      try container.encode(initialPassed, forKey: .initialPassed)
      try container.encode(initialRequired, forKey: .initialRequired)
    }

    enum CodingKeys: String, CodingKey {
      case certification, status
      case titleFr = "title_fr"
      case titleEn = "title_en"
      case certifiedOn = "certified_on"
      case validThrough = "valid_through"
      case windowOpens = "window_opens"
      case daysLeft = "days_left"
      case initialPassed = "initial_passed"
      case initialRequired = "initial_required"
    }
  }

  struct Passed: Encodable {
    var course, passedOn, how: String

    enum CodingKeys: String, CodingKey {
      case course, how
      case passedOn = "passed_on"
    }
  }

  var helper: HelperFields
  var today: String
  var certifications: [Standing]
  var coursesPassed: [Passed]
  var history: HistoryReport

  enum CodingKeys: String, CodingKey {
    case helper, today, certifications, history
    case coursesPassed = "courses_passed"
  }
}
