import ArgumentParser
import CourseModel
import Foundation
import Registry
import Reports

/// `entraide status HELPER [--format table|json] [--certification C]`: a helper's certifications and courses.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: Message(
      fr: "Les certifications d'un·e entraidant·e et ses cours réussis.",
      en: "A helper's certifications and courses passed."
    ).help)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
  }

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant de l'entraidant·e (voir « entraide helpers list »).", en: "Helper id."))
  var helper: String
  @Option(help: .local(fr: "table ou json.", en: "table or json.")) var format: Format = .table
  @Option(help: .local(fr: "Seulement cette certification (son identifiant).", en: "Only this certification."))
  var certification: String?

  func run() async throws {
    try await global.reportingErrors {
      let today = try global.today()
      let catalogue = try global.usableCatalogue()
      let courses = catalogue.courseIndex
      var catalog = courses.certifications
      if let certification {
        let only = try mappingRegistryErrors { try courses.certification(certification) }
        catalog.certifications = [only]
      }
      let registry = try global.openRegistry()
      let (status, attempts, cycles) = try mappingRegistryErrors {
        let status = try registry.status(helperID: helper, today: today, certifications: catalog)
        return (
          status, try registry.attempts(helperID: status.helper.id), try registry.cycles(helperID: status.helper.id)
        )
      }
      let shownCycles = cycles.filter { cycle in catalog.certifications.contains { $0.id == cycle.certificationID } }
      let history = HistoryReport(attempts: attempts, cycles: shownCycles, courses: courses)
      switch format {
      case .table:
        let practice = CourseHistories.practiceReport(attempts: attempts, catalogue: catalogue)
          .lines(global.language)
        print(
          renderTable(status, courses: courses) + "\n\n" + history.render(language: global.language)
            + (practice.isEmpty ? "" : "\n\n" + practice.joined(separator: "\n")))
      case .json: print(try renderJSON(status, history: history))
      }
    }
  }

  func renderTable(_ status: HelperStatus, courses: CourseIndex) -> String {
    let language = global.language
    let french = language == .fr
    let helper = status.helper
    var lines = [
      "\(helper.displayName) — \(helper.local), \(helper.region)".strippingControlCharacters()
        + (helper.active ? "" : (french ? " (désactivé·e)" : " (deactivated)")),
      Message(fr: "Au \(status.today)", en: "As of \(status.today)").text(language),
      "",
    ]
    var table = TextTable(
      header: french
        ? ["Certification", "Statut", "Certifié·e le", "Valide jusqu’au", "Fenêtre dès", "Jours restants"]
        : ["Certification", "Status", "Certified on", "Valid through", "Window opens", "Days left"])
    for standing in status.certifications {
      let title = standing.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? standing.certificationID
      var statusText = standing.status.label.text(language)
      if standing.status == .inTraining || (standing.status == .lapsed && !standing.initialPassed.isEmpty) {
        statusText += " (\(standing.initialPassed.count)/\(standing.initialRequired.count))"
      }
      table.append([
        title, statusText, standing.cycle?.dates.certifiedOn.description ?? "—",
        standing.cycle?.dates.validThrough.description ?? "—", standing.cycle?.dates.windowOpens.description ?? "—",
        standing.daysLeft.map(String.init) ?? "—",
      ])
    }
    lines.append(table.render())
    lines.append("")
    if status.passedCourses.isEmpty {
      lines.append(Message(fr: "Aucun cours réussi.", en: "No course passed.").text(language))
    } else {
      lines.append(Message(fr: "Cours réussis :", en: "Courses passed:").text(language))
      var passed = TextTable(
        header: french ? ["Date", "Cours", "Titre", "Comment"] : ["Date", "Course", "Title", "How"])
      for course in status.passedCourses {
        let title = courses.courses[course.courseID]?.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? ""
        let how =
          course.state == .recorded
          ? Message(fr: "en personne", en: "in person") : Message(fr: "dans Entraide", en: "in Entraide")
        passed.append([course.passedOn.description, course.courseID, title, how.text(language)])
      }
      lines.append(passed.render())
    }
    return lines.joined(separator: "\n")
  }

  func renderJSON(_ status: HelperStatus, history: HistoryReport) throws -> String {
    let helper = status.helper
    let document = StatusDocument(
      helper: .init(
        id: helper.id, name: helper.name, local: helper.local, region: helper.region, email: helper.email,
        active: helper.active),
      today: status.today.description,
      certifications: status.certifications.map { standing in
        .init(
          certification: standing.certificationID,
          titleFr: standing.title.text("fr", fallbacks: ["en"]) ?? standing.certificationID,
          titleEn: standing.title.text("en", fallbacks: ["fr"]) ?? standing.certificationID,
          status: standing.status.rawValue, certifiedOn: standing.cycle?.dates.certifiedOn.description,
          validThrough: standing.cycle?.dates.validThrough.description,
          windowOpens: standing.cycle?.dates.windowOpens.description, daysLeft: standing.daysLeft,
          initialPassed: standing.initialPassed, initialRequired: standing.initialRequired)
      },
      coursesPassed: status.passedCourses.map {
        .init(course: $0.courseID, passedOn: $0.passedOn.description, how: $0.state.rawValue)
      }, history: history)
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
