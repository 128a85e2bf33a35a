import ArgumentParser
import CourseModel

/// `entraide helpers …`: the helpers of the network.
struct HelpersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "helpers",
    abstract: Message(
      fr: "Ajouter, lister, afficher, modifier, désactiver ou importer des entraidant·es.",
      en: "Add, list, show, edit, deactivate or import helpers."
    ).help,
    subcommands: [
      HelpersAddCommand.self, HelpersListCommand.self, HelpersShowCommand.self, HelpersEditCommand.self,
      HelpersDeactivateCommand.self, HelpersImportCommand.self,
    ]
  )
}
