import ArgumentParser

/// `entraide helpers …`: the helpers of the network.
struct HelpersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "helpers",
    abstract: "Add, list, show, edit, deactivate or import helpers. / Gérer les entraidant·es.",
    subcommands: [
      HelpersAddCommand.self, HelpersListCommand.self, HelpersShowCommand.self, HelpersEditCommand.self,
      HelpersDeactivateCommand.self, HelpersImportCommand.self,
    ]
  )
}
