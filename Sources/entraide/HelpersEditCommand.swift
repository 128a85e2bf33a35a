import ArgumentParser
import CourseModel
import Registry

/// `entraide helpers edit ID [--name N] [--local L] [--region R] [--email E] [--reason T]`.
struct HelpersEditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: Message(fr: "Modifier un·e entraidant·e.", en: "Change a helper's details.").help)

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant de l'entraidant·e.", en: "Helper id.")) var id: String
  @Option(help: .local(fr: "Nom complet.", en: "Full name.")) var name: String?
  @Option(help: .local(fr: "Syndicat.", en: "Union local.")) var local: String?
  @Option(help: .local(fr: "Région.", en: "Region.")) var region: String?
  @Option(help: .local(fr: "Courriel (vide pour l’effacer).", en: "Email (empty to remove).")) var email: String?
  @Option(help: .local(fr: "La raison, pour le journal.", en: "Why, for the audit log.")) var reason: String?

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry()
      let helper = try mappingRegistryErrors {
        try registry.editHelper(
          id, changes: HelperChanges(name: name, local: local, region: region, email: email), reason: reason)
      }
      let shown = helper.displayName
      print(Message(fr: "Entraidant·e modifié·e : \(shown).", en: "Helper updated: \(shown).").text(global.language))
    }
  }
}
