import CourseModel

/// « oui » or « non », "yes" or "no".
private func yesNo(_ value: Bool, _ language: Language) -> String {
  (value ? Message(fr: "oui", en: "yes") : Message(fr: "non", en: "no")).text(language)
}

/// The table of `entraide helpers list`.
public enum HelperList {
  /// One line per helper in the order given; with `showActive`, a column that says whether each is active.
  public static func render(_ helpers: [Helper], showActive: Bool, language: Language) -> String {
    guard !helpers.isEmpty else { return Message(fr: "Aucun·e entraidant·e.", en: "No helpers.").text(language) }
    let french = language == .fr
    var header = french ? ["ID", "Nom", "Syndicat", "Région", "Courriel"] : ["ID", "Name", "Local", "Region", "Email"]
    if showActive { header.append(french ? "Actif" : "Active") }
    var table = TextTable(header: header)
    for helper in helpers {
      var row = [helper.id, helper.name, helper.local, helper.region, helper.email ?? ""]
      if showActive { row.append(yesNo(helper.active, language)) }
      table.append(row)
    }
    return table.render()
  }
}

/// A helper's record for `entraide helpers show`: their details, the audit log about them and their attempts.
public struct HelperRecord: Sendable, Hashable {
  /// One entry of the audit log.
  public struct Event: Sendable, Hashable {
    /// When (ISO 8601 timestamp, UTC).
    public var at: String
    public var by: String
    /// The action's id (`helper-added`).
    public var action: String
    public var reason: String?

    public init(at: String, by: String, action: String, reason: String?) {
      self.at = at
      self.by = by
      self.action = action
      self.reason = reason
    }
  }

  /// One attempt, in Entraide or recorded in person.
  public struct AttemptLine: Sendable, Hashable {
    public var id: Int64
    public var course: String
    public var version: String
    /// When it started (ISO 8601 timestamp, UTC).
    public var startedAt: String
    /// `in-progress`, `passed`, `failed`, `abandoned` or `recorded`.
    public var state: String
    public var passedOn: CalendarDate?
    /// The score in percent, when graded.
    public var score: Double?

    public init(
      id: Int64, course: String, version: String, startedAt: String, state: String, passedOn: CalendarDate?,
      score: Double?
    ) {
      self.id = id
      self.course = course
      self.version = version
      self.startedAt = startedAt
      self.state = state
      self.passedOn = passedOn
      self.score = score
    }
  }

  public var helper: Helper
  public var events: [Event]
  public var attempts: [AttemptLine]

  public init(helper: Helper, events: [Event], attempts: [AttemptLine]) {
    self.helper = helper
    self.events = events
    self.attempts = attempts
  }

  /// The details, the history and the attempts as text tables in `language`.
  public func render(language: Language) -> String {
    let french = language == .fr
    var details = TextTable(header: [french ? "Identifiant" : "Id", helper.id])
    details.append([french ? "Nom" : "Name", helper.name])
    details.append([french ? "Syndicat" : "Local", helper.local])
    details.append([french ? "Région" : "Region", helper.region])
    details.append([french ? "Courriel" : "Email", helper.email ?? "—"])
    details.append([french ? "Actif" : "Active", yesNo(helper.active, language)])
    details.append([french ? "Ajouté le" : "Added", helper.createdAt])
    var history = TextTable(
      header: french ? ["Quand", "Par", "Action", "Raison"] : ["When", "By", "Action", "Reason"])
    for event in events {
      history.append([event.at, event.by, event.action, event.reason ?? ""])
    }
    var lines = [
      details.render(), "", Message(fr: "Historique :", en: "History:").text(language), history.render(), "",
    ]
    guard !attempts.isEmpty else {
      lines.append(Message(fr: "Aucune tentative.", en: "No attempts.").text(language))
      return lines.joined(separator: "\n")
    }
    var table = TextTable(
      header: french
        ? ["N°", "Cours", "Version", "Commencé", "État", "Réussi le", "Score"]
        : ["No.", "Course", "Version", "Started", "State", "Passed on", "Score"])
    for attempt in attempts {
      table.append([
        String(attempt.id), attempt.course, attempt.version, attempt.startedAt,
        HistoryReport.resultLabel(attempt.state).text(language), attempt.passedOn?.description ?? "",
        attempt.score.map { HistoryReport.percent($0, language) } ?? "",
      ])
    }
    lines.append(table.render())
    return lines.joined(separator: "\n")
  }
}
