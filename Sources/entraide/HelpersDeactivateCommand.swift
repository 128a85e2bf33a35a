import ArgumentParser
import CourseModel
import Registry

/// `entraide helpers deactivate ID [--reason T]`: the helper leaves the lists; their history stays.
struct HelpersDeactivateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deactivate",
    abstract: Message(
      fr: "Désactiver un·e entraidant·e (historique conservé).", en: "Deactivate a helper (history kept)."
    ).help)

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant de l'entraidant·e.", en: "Helper id.")) var id: String
  @Option(help: .local(fr: "La raison, pour le journal.", en: "Why, for the audit log.")) var reason: String?

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry()
      let helper = try mappingRegistryErrors { try registry.deactivateHelper(id, reason: reason) }
      let shown = helper.displayName
      print(
        Message(
          fr: "Entraidant·e désactivé·e : \(shown) ; son historique est conservé.",
          en: "Helper deactivated: \(shown); their history is kept."
        ).text(global.language))
    }
  }
}
