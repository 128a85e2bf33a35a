import ArgumentParser
import CourseModel
import Registry
import Reports

/// `entraide helpers list [--all]`: a table of the helpers.
struct HelpersListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: Message(fr: "Lister les entraidant·es actifs.", en: "List the active helpers.").help)

  @OptionGroup var global: GlobalOptions

  @Flag(help: .local(fr: "Inclure les personnes désactivées.", en: "Include deactivated helpers.")) var all = false

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry()
      let helpers = try mappingRegistryErrors { try registry.helpers(includeInactive: all) }
      let french = global.language == .fr
      if helpers.isEmpty {
        print(Message(fr: "Aucun·e entraidant·e.", en: "No helpers.").text(global.language))
        return
      }
      var header =
        french
        ? ["ID", "Nom", "Syndicat", "Région", "Courriel"] : ["ID", "Name", "Local", "Region", "Email"]
      if all { header.append(french ? "Actif" : "Active") }
      var table = TextTable(header: header)
      for helper in helpers {
        var row = [helper.id, helper.name, helper.local, helper.region, helper.email ?? ""]
        if all { row.append(helper.active ? (french ? "oui" : "yes") : (french ? "non" : "no")) }
        table.append(row)
      }
      print(table.render())
    }
  }
}
