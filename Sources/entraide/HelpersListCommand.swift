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
      print(HelperList.render(helpers, showActive: all, language: global.language))
    }
  }
}
