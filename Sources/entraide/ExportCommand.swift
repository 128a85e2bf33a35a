import ArgumentParser
import CourseModel
import Foundation
import Registry
import Reports

/// `entraide export json|xapi [-o FILE]`: the registry for another machine, or for a learning-record store.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: Message(
      fr: "Exporter le registre (json) ou ses résultats (xapi).",
      en: "Export the registry (json) or its results (xapi)."
    ).help
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json
    case xapi
  }

  @OptionGroup var global: GlobalOptions
  @OptionGroup var out: OutputOptions

  @Argument(
    help: .local(
      fr: "json (tout le registre) ou xapi.", en: "json (the whole registry) or xapi (xAPI 1.0.3 statements)."))
  var format: Format

  @Option(
    name: .customLong("home-page"),
    help: .local(
      fr: "xapi : l’adresse web de votre organisation.",
      en:
        "xapi: the web address of your organisation, in each actor’s account (default: $ENTRAIDE_XAPI_HOME_PAGE, else https://entraide.invalid/).",
      valueName: "url"))
  var homePage: String?

  func run() async throws {
    try await global.reportingErrors {
      let home = homePage ?? GlobalOptions.environmentVariable("ENTRAIDE_XAPI_HOME_PAGE")
      if let home, format == .xapi, !XAPIStatements.isHomePage(home) {
        throw UserError(
          Message(
            fr: "--home-page « \(home) » n’est pas une adresse web valide (attendu : https://…).",
            en: "--home-page “\(home)” is not a valid web address (expected https://…)."),
          exitCode: 2)
      }
      let registry = try global.openRegistry()
      let data: Data
      let summary: Message
      switch format {
      case .json:
        let snapshot = try mappingRegistryErrors { try registry.snapshot() }
        data = try snapshot.encoded()
        summary = ExportText.json(snapshot)
      case .xapi:
        let snapshot = try mappingRegistryErrors { try registry.snapshot() }
        let records = LearningRecord.records(snapshot, courses: global.loadCatalogue(computesDigests: false).courses)
        data = Data(
          try XAPIStatements.render(records, homePage: home ?? XAPIStatements.defaultHomePage).utf8)
        summary = Message(
          fr: "\(records.count) déclaration\(records.count > 1 ? "s" : "") xAPI",
          en: "\(records.count) xAPI statement\(records.count > 1 ? "s" : "")")
      }
      if try out.write(data), let output = out.output {
        printError(ExportText.written(output, summary).text(global.language))
      }
    }
  }
}

extension LearningRecord {
  /// One record per finished attempt (passed or failed) and per in-person record, in the registry's order.
  /// A course recorded in person happened on its day: its timestamp is noon of that day in this machine's zone.
  static func records(_ snapshot: RegistrySnapshot, courses: [Course]) -> [LearningRecord] {
    let names = Dictionary(snapshot.helpers.map { ($0.id.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
    let titles = Dictionary(courses.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    return snapshot.attempts.compactMap { attempt in
      let outcome: Outcome
      let timestamp: String
      switch attempt.state {
      case "passed", "failed":
        guard let finished = attempt.finishedAt else { return nil }
        outcome = attempt.state == "passed" ? .passed : .failed
        timestamp = finished
      case "recorded":
        guard let day = attempt.passedOn.flatMap(CalendarDate.init(iso:)) else { return nil }
        outcome = .completedInPerson
        timestamp = Self.noon(day)
      default:
        return nil
      }
      return LearningRecord(
        attemptID: attempt.id, helperID: attempt.helperID, helperName: names[attempt.helperID.lowercased()] ?? "",
        courseID: attempt.courseID, courseTitle: titles[attempt.courseID] ?? LocalizedText(), outcome: outcome,
        score: attempt.score, startedAt: attempt.startedAt, finishedAt: attempt.finishedAt, timestamp: timestamp,
        language: attempt.language.isEmpty ? nil : attempt.language)
    }
  }

  /// `2026-11-21T12:00:00-05:00`: noon of `day` in this machine's time zone.
  static func noon(_ day: CalendarDate) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    let date =
      calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone.current
    return formatter.string(from: date)
  }
}

/// The words of `export` and `import`.
enum ExportText {
  static func json(_ snapshot: RegistrySnapshot) -> Message {
    let (h, a, c, e) = (snapshot.helpers.count, snapshot.attempts.count, snapshot.cycles.count, snapshot.events.count)
    let s = { (count: Int) in count > 1 ? "s" : "" }
    return Message(
      fr: "\(h) entraidant·e\(s(h)), \(a) tentative\(s(a)), \(c) cycle\(s(c)), \(e) événement\(s(e))",
      en: "\(h) helper\(s(h)), \(a) attempt\(s(a)), \(c) cycle\(s(c)), \(e) event\(s(e))")
  }

  static func written(_ path: String, _ summary: Message) -> Message {
    Message(fr: "Écrit dans « \(path) » : \(summary.fr).", en: "Written to “\(path)”: \(summary.en).")
  }
}

/// `entraide import json FILE`: a registry exported with `export json`, every record or none.
struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: Message(
      fr: "Importer un registre exporté, tout ou rien.",
      en: "Import a registry exported with export json, all or nothing."
    ).help)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json
  }

  @OptionGroup var global: GlobalOptions

  @Argument(help: "json") var format: Format
  @Argument(help: .local(fr: "Le fichier écrit par export json.", en: "The file written by export json.")) var file:
    String

  func run() async throws {
    try await global.reportingErrors {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw UserError(
          Message(fr: "Impossible de lire le fichier « \(file) ».", en: "Cannot read the file “\(file)”."),
          exitCode: 2)
      }
      let snapshot = try mappingRegistryErrors { try RegistrySnapshot.decode(data) }
      let registry = try global.openRegistry(creating: true)
      try mappingRegistryErrors { try registry.importSnapshot(snapshot) }
      print(
        Message(fr: "Importé : \(ExportText.json(snapshot).fr).", en: "Imported: \(ExportText.json(snapshot).en).")
          .text(global.language))
    }
  }
}
