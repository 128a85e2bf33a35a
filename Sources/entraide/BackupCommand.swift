import ArgumentParser
import CourseModel
import Registry

/// `entraide backup FILE`: a consistent copy of the registry in a new file.
struct BackupCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy the registry to a new file. / Copier le registre dans un nouveau fichier.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The new file (never overwritten). / Le nouveau fichier (jamais remplacé).") var file: String

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry()
      try mappingRegistryErrors { try registry.backup(to: file) }
      print(
        Message(fr: "Registre copié dans « \(file) ».", en: "Registry copied to “\(file)”.").text(global.language)
          .strippingControlCharacters())
    }
  }
}
