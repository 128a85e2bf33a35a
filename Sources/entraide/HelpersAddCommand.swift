import ArgumentParser
import CourseModel
import Registry

/// `entraide helpers add --name N --local L --region R [--id ID] [--email E]`.
struct HelpersAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: Message(fr: "Ajouter un·e entraidant·e.", en: "Add a helper.").help)

  @OptionGroup var global: GlobalOptions

  @Option(help: .local(fr: "Nom complet.", en: "Full name.")) var name: String
  @Option(help: .local(fr: "Syndicat.", en: "Union local.")) var local: String
  @Option(help: .local(fr: "Région.", en: "Region.")) var region: String
  @Option(
    help: .local(
      fr: "Identifiant (par défaut : tiré du nom, p. ex. mtremblay).",
      en: "Id (default: made from the name, e.g. mtremblay).")) var id: String?
  @Option(help: .local(fr: "Courriel.", en: "Email.")) var email: String?

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
