import ArgumentParser

/// The `entraide` command: subcommands, or the interactive menu when run with none.
@main
struct Entraide: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entraide",
    abstract: "Peer-helper training: courses, role-plays, quizzes and certifications. / Formation des entraidant·es.",
    version: EntraideVersion.current,
    subcommands: [
      ValidateCommand.self,
      TestCommand.self,
      HelpersCommand.self,
      RecordCommand.self,
      StatusCommand.self,
    ]
  )
}

enum EntraideVersion {
  static let current = "0.1.0"
}
