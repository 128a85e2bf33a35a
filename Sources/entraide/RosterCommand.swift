import ArgumentParser
import CourseModel
import Foundation
import Registry
import Reports

/// `entraide roster [filters] [--format F] [-o FILE]`: every active helper's standing, for a union executive.
struct RosterCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster",
    abstract: Message(
      fr: "Qui est certifié·e, à renouveler ou périmé·e, par syndicat et par région.",
      en: "Who is certified, due or lapsed, by local and region."
    ).help)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, html, ics
  }

  @OptionGroup var global: GlobalOptions

  @Option(
    help: .local(
      fr: "Seulement ce syndicat local (exact, sans égard à la casse).",
      en: "Only this union local (exact, ignoring case).", valueName: "local"))
  var local: String?
  @Option(
    help: .local(
      fr: "Seulement cette région (exacte, sans égard à la casse).", en: "Only this region (exact, ignoring case).",
      valueName: "region"))
  var region: String?
  @Option(
    help: .local(
      fr: "Seulement cette certification (son identifiant).", en: "Only this certification id.", valueName: "id"))
  var certification: String?
  @Option(
    name: .customLong("status"),
    help: .local(
      fr: "never, in-training, certified, due, expired ou lapsed ; répétez l'option ou séparez par des virgules.",
      en: "never, in-training, certified, due, expired or lapsed; repeat or separate with commas.",
      valueName: "status"))
  var statuses: [StatusOption] = []
  @Option(
    name: .customLong("due-within"), parsing: .unconditional,
    help: .local(
      fr:
        "À renouveler d'ici ce nombre de jours : certifié·e ou à renouveler dont l'échéance tombe dans ces jours, et expiré·e.",
      en: "Rows to renew within DAYS days: certified or due ending within DAYS, and expired.",
      valueName: "days"))
  var dueWithin: DayCountOption?
  @Option(help: .local(fr: "table, csv, json, html ou ics.", en: "table, csv, json, html or ics.")) var format: Format =
    .table
  @OptionGroup var out: OutputOptions
  @OptionGroup var csv: CSVOptions

  func validate() throws {
    try global.checkingOptions {
      _ = try StatusOption.checked(statuses)
      _ = try dueWithin?.checked(option: "--due-within")
    }
  }

  func run() async throws {
    try await global.reportingErrors {
      let language = global.language
      if format != .csv, csv.delimiter != .comma || csv.bom {
        throw UserError(
          Message(
            fr: "--delimiter et --bom ne s’appliquent qu’à --format csv.",
            en: "--delimiter and --bom apply to --format csv only."),
          exitCode: 2)
      }
      let wanted = try StatusOption.checked(statuses)
      let horizon = try dueWithin?.checked(option: "--due-within")
      let today = try global.today()
      var catalog = try global.usableCatalogue().certifications
      if let certification {
        guard let only = catalog.certification(certification.trimmingCharacters(in: .whitespaces)) else {
          throw Self.unknownCertification(
            certification, known: closestFirst(to: certification, among: catalog.certifications.map(\.id)))
        }
        catalog.certifications = [only]
      }
      let registry = try global.openRegistry()
      let lines = try mappingRegistryErrors {
        try registry.rosterLines(today: today, certifications: catalog, includeInactive: false)
      }
      let all = RosterRow.rows(lines, certifications: catalog)
      try Self.requireKnown(local, option: "--local", among: all.map(\.local))
      try Self.requireKnown(region, option: "--region", among: all.map(\.region))
      let rows = RosterFilter(local: local, region: region, statuses: wanted, dueWithin: horizon).apply(all)
      let data: Data
      switch format {
      case .table:
        var bytes = RosterTable.bytes(rows, language: language)
        bytes.append(UInt8(ascii: "\n"))
        data = Data(bytes)
      case .csv: data = Data(RosterCSV.bytes(rows, dialect: csv.dialect))
      case .json: data = Data(RosterJSON.render(rows).utf8)
      case .html: data = Data(RosterHTML.render(rows, today: today, language: language).utf8)
      case .ics: data = Data(RosterICS.render(rows, today: today, language: language).utf8)
      }
      if try out.write(data), let output = out.output {
        printError(Self.written(output, rows: rows.count).text(language))
      }
    }
  }

  /// The most values a refused `--local` or `--region` lists.
  static let valuesListed = 10

  /// Refuses a `--local` or `--region` that no active helper has, naming the values that exist, closest first.
  static func requireKnown(_ filter: String?, option: String, among values: [String]) throws {
    guard let filter, !values.contains(where: { RosterFilter.matches($0, filter) }) else { return }
    var seen = Set<String>()
    let existing = values.filter { seen.insert($0.lowercased()).inserted }
    let sorted = closestFirst(to: filter.trimmingCharacters(in: .whitespaces), among: existing)
    let shown = sorted.prefix(valuesListed).joined(separator: ", ").strippingControlCharacters()
    let more = sorted.count - min(sorted.count, valuesListed)
    let word = filter.strippingControlCharacters()
    let message: Message
    switch (option, sorted.isEmpty) {
    case (_, true):
      message = Message(
        fr: "\(option) « \(word) » : le registre ne compte aucun·e entraidant·e actif·ve.",
        en: "\(option) “\(word)”: the registry has no active helper.")
    case ("--local", false):
      message = Message(
        fr:
          "Aucun·e entraidant·e actif·ve du syndicat « \(word) ». Syndicats du registre, du plus proche au plus lointain : \(shown)\(more > 0 ? " (et \(more) autres)" : "").",
        en:
          "No active helper belongs to the local “\(word)”. Locals in the registry, closest first: \(shown)\(more > 0 ? " (and \(more) more)" : "")."
      )
    default:
      message = Message(
        fr:
          "Aucun·e entraidant·e actif·ve dans la région « \(word) ». Régions du registre, de la plus proche à la plus lointaine : \(shown)\(more > 0 ? " (et \(more) autres)" : "").",
        en:
          "No active helper in the region “\(word)”. Regions in the registry, closest first: \(shown)\(more > 0 ? " (and \(more) more)" : "")."
      )
    }
    throw UserError(message, exitCode: 2)
  }

  static func unknownCertification(_ id: String, known: [String]) -> UserError {
    let list = known.joined(separator: ", ")
    return UserError(
      Message(
        fr:
          "Aucune certification n’a l’identifiant « \(id) ». Certifications connues, de la plus proche à la plus lointaine : \(list).",
        en: "No certification has the id “\(id)”. Known certifications, closest first: \(list)."),
      exitCode: 2)
  }

  /// The confirmation after `-o FILE`.
  static func written(_ path: String, rows: Int) -> Message {
    switch rows {
    case 0:
      Message(fr: "Registre écrit dans « \(path) » (aucune ligne).", en: "Roster written to “\(path)” (no rows).")
    case 1:
      Message(fr: "Registre écrit dans « \(path) » (1 ligne).", en: "Roster written to “\(path)” (1 row).")
    default:
      Message(
        fr: "Registre écrit dans « \(path) » (\(rows) lignes).", en: "Roster written to “\(path)” (\(rows) rows).")
    }
  }
}
