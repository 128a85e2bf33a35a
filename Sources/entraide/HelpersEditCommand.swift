import ArgumentParser
import CourseModel
import Registry

/// `entraide helpers edit ID [--name N] [--local L] [--region R] [--email E] [--reason T]`.
struct HelpersEditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Change a helper's details. / Modifier un·e entraidant·e.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Helper id. / Identifiant.") var id: String
  @Option(help: "Full name. / Nom complet.") var name: String?
  @Option(help: "Union local. / Syndicat.") var local: String?
  @Option(help: "Region. / Région.") var region: String?
  @Option(help: "Email (empty to remove). / Courriel (vide pour l’effacer).") var email: String?
  @Option(help: "Why, for the audit log. / La raison, pour le journal.") var reason: String?

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
