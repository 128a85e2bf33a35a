import ArgumentParser
import CourseModel
import Foundation
import Registry

/// `entraide export json|xapi [-o FILE]`: the registry for another machine, or for a learning-record store.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the registry (json) or its results (xapi). / Exporter le registre (json) ou ses résultats (xapi)."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json
  }

  @OptionGroup var global: GlobalOptions
  @OptionGroup var out: OutputOptions

  @Argument(help: "json (the whole registry). / json (tout le registre).")
  var format: Format

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry()
      let data: Data
      let summary: Message
      switch format {
      case .json:
        let snapshot = try mappingRegistryErrors { try registry.snapshot() }
        data = try snapshot.encoded()
        summary = ExportText.json(snapshot)
      }
      if try out.write(data), let output = out.output {
        printError(ExportText.written(output, summary).text(global.language))
      }
    }
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
    abstract:
      "Import a registry exported with export json, all or nothing. / Importer un registre exporté, tout ou rien.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json
  }

  @OptionGroup var global: GlobalOptions

  @Argument(help: "json") var format: Format
  @Argument(help: "The file written by export json. / Le fichier écrit par export json.") var file: String

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
