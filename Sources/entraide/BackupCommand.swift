import ArgumentParser
import CourseModel
import Registry

/// `entraide backup FILE`: a consistent copy of the registry in a new file.
struct BackupCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: Message(fr: "Copier le registre dans un nouveau fichier.", en: "Copy the registry to a new file.").help)

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Le nouveau fichier (jamais remplacé).", en: "The new file (never overwritten)."))
  var file: String

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
