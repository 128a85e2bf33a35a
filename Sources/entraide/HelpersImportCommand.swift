import ArgumentParser
import CourseModel
import Foundation
import Registry

/// `entraide helpers import FILE.csv`: adds every helper of the file, or none.
struct HelpersImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: Message(
      fr: "Importer des entraidant·es d’un fichier CSV.", en: "Import helpers from a CSV file, all or nothing."
    ).help)

  @OptionGroup var global: GlobalOptions

  @Argument(
    help: .local(
      fr: "Fichier CSV : nom,syndicat,région[,identifiant,courriel].", en: "CSV file: name,local,region[,id,email]"))
  var file: String

  func run() async throws {
    try await global.reportingErrors {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw UserError(
          Message(fr: "Impossible de lire le fichier « \(file) ».", en: "Cannot read the file “\(file)”."),
          exitCode: 2)
      }
      let rows = try mappingRegistryErrors { try HelperCSV.parse(data) }
      let registry = try global.openRegistry(creating: true)
      let helpers = try mappingRegistryErrors {
        try registry.importHelpers(rows, source: URL(fileURLWithPath: file).lastPathComponent)
      }
      // One line per helper: the id each was given, which `record` and `run` need.
      let width = helpers.map(\.id.count).max() ?? 0
      let lines = helpers.map { helper in
        "  " + helper.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + helper.name
      }.joined(separator: "\n").strippingControlCharacters(keepNewlines: true)
      let count = helpers.count
      print(
        Message(
          fr: count == 0
            ? "Aucun·e entraidant·e dans le fichier."
            : "\(count) entraidant·e\(count > 1 ? "s" : "") importé·e\(count > 1 ? "s" : "") :\n\(lines)",
          en: count == 0 ? "No helpers in the file." : "\(count) helper\(count > 1 ? "s" : "") imported:\n\(lines)"
        ).text(global.language))
    }
  }
}
