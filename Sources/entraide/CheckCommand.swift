import ArgumentParser
import CourseModel
import Registry
import Reports

/// `entraide check`: verifies the registry and says what is wrong, in plain words.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: Message(fr: "Vérifier le registre.", en: "Verify the registry.").help,
    discussion: Message(
      fr: """
        Vérifie le fichier (integrity_check de SQLite), les renvois entre lignes, que chaque cycle de \
        certification s’explique par une tentative réussie ou un cours enregistré en personne, et qu’aucune \
        personne n’a deux tentatives en cours d’un même cours. Code de sortie 0 si tout va bien, 1 sinon.
        """,
      en: """
        Checks the file (SQLite integrity_check), the references between rows, that every certification cycle \
        is explained by a passed attempt or a course recorded in person, and that no helper has two attempts \
        of one course in progress. Exit status 0 when all is well, 1 when something is wrong.
        """
    ).help)

  @OptionGroup var global: GlobalOptions

  func run() async throws {
    let healthy = try await global.reportingErrors { () async throws -> Bool in
      let registry = try global.openRegistry()
      let path = global.databasePath
      let result = try mappingRegistryErrors { try registry.check() }
      print(
        CheckReport.render(
          path: path, helpers: result.helpers, attempts: result.attempts, cycles: result.cycles,
          problems: result.problems.map(\.message), language: global.language))
      return result.problems.isEmpty
    }
    if !healthy { throw ExitCode(1) }
  }
}
