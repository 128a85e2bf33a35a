import ArgumentParser
import CourseModel
import Registry

/// `entraide helpers add --name N --local L --region R [--id ID] [--email E]`.
struct HelpersAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a helper. / Ajouter un·e entraidant·e.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "Full name. / Nom complet.") var name: String
  @Option(help: "Union local. / Syndicat.") var local: String
  @Option(help: "Region. / Région.") var region: String
  @Option(help: "Id (default: made from the name, e.g. mtremblay). / Identifiant.") var id: String?
  @Option(help: "Email. / Courriel.") var email: String?

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry(creating: true)
      let helper = try mappingRegistryErrors {
        try registry.addHelper(NewHelper(id: id, name: name, local: local, region: region, email: email), reason: nil)
      }
      let shown = helper.displayName
      print(Message(fr: "Entraidant·e ajouté·e : \(shown).", en: "Helper added: \(shown).").text(global.language))
    }
  }
}
