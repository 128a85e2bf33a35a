import ArgumentParser
import CourseModel
import Registry
import Reports

/// `entraide helpers show ID`: one helper's details, audit history and attempts.
struct HelpersShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: Message(fr: "Afficher un·e entraidant·e et ses tentatives.", en: "Show a helper and their attempts.").help
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant de l'entraidant·e.", en: "Helper id.")) var id: String

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry()
      let (helper, attempts, events) = try mappingRegistryErrors {
        let helper = try registry.requireHelper(id)
        return (helper, try registry.attempts(helperID: helper.id), try registry.events(helperID: helper.id))
      }
      print(HelperRecord(helper: helper, events: events, attempts: attempts).render(language: global.language))
    }
  }
}
