import ArgumentParser
import CourseModel
import Registry

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
      let language = global.language
      if result.problems.isEmpty {
        let fr = [
          plural(result.helpers, "entraidant·e", "entraidant·es"), plural(result.attempts, "tentative", "tentatives"),
          plural(result.cycles, "cycle", "cycles"),
        ].joined(separator: ", ")
        let en = [
          plural(result.helpers, "helper", "helpers"), plural(result.attempts, "attempt", "attempts"),
          plural(result.cycles, "cycle", "cycles"),
        ].joined(separator: ", ")
        print(
          Message(
            fr: "Registre « \(path) » vérifié : fichier intact, renvois, cycles et tentatives en ordre (\(fr)).",
            en: "Registry “\(path)” checked: file intact, references, cycles and attempts in order (\(en))."
          ).text(language).strippingControlCharacters())
        return true
      }
      let count = result.problems.count
      let heading = Message(
        fr: "Registre « \(path) » : \(count) problème\(count > 1 ? "s" : "") trouvé\(count > 1 ? "s" : "") :",
        en: "Registry “\(path)”: \(count) problem\(count > 1 ? "s" : "") found:")
      print(heading.text(language).strippingControlCharacters())
      for problem in result.problems {
        print("  - " + problem.message.text(language).strippingControlCharacters())
      }
      return false
    }
    if !healthy { throw ExitCode(1) }
  }
}

/// `1 cycle`, `2 cycles`.
private func plural(_ count: Int, _ one: String, _ many: String) -> String {
  "\(count) \(count == 1 ? one : many)"
}
