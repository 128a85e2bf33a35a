import ArgumentParser
import CourseModel
import Foundation

/// The `entraide` command: subcommands, or the interactive menu when run with none.
@main
struct Entraide: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entraide",
    abstract: Message(
      fr: "Formation des entraidant·es : cours, mises en situation, questionnaires et certifications.",
      en: "Peer-helper training: courses, role-plays, quizzes and certifications."
    ).help,
    version: EntraideVersion.current,
    subcommands: [
      CoursesCommand.self,
      ValidateCommand.self,
      TestCommand.self,
      HelpersCommand.self,
      RecordCommand.self,
      StatusCommand.self,
      RosterCommand.self,
      RunCommand.self,
      BackupCommand.self,
      AttestationCommand.self,
      ExportCommand.self,
      ImportCommand.self,
      CheckCommand.self,
      AccessCommand.self,
    ]
  )

  /// Parses and runs like `AsyncParsableCommand.main()`, except that bad usage (an unknown option, a
  /// missing argument, a value that does not parse) exits with status 2, as DESIGN §5 and §7 say,
  /// instead of ArgumentParser's 64, with its message in the interface language.
  static func main() async {
    // `entraide --version` alone answers before ArgumentParser builds the command tree (about 40 % of the
    // run, see docs/PERFORMANCE.md); the words are ArgumentParser's (`versionIsPrinted` checks them).
    if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
      print(EntraideVersion.current)
      Foundation.exit(0)
    }
    // The common `validate` lines skip ArgumentParser's start-up cost (see ValidateInvocation).
    if let validation = ValidateInvocation(arguments: Array(CommandLine.arguments.dropFirst())) {
      validation.run()
    }
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      try StandardOutput.finish()
    } catch let error as UserError {
      GlobalOptions.report(error, in: UsageErrorText.language(of: Array(CommandLine.arguments.dropFirst())))
      Foundation.exit(error.exitCode)
    } catch {
      // Help (`--help`, `help SUBCOMMAND`): ArgumentParser's own words in the help language too.
      if exitCode(for: error) == .success, HelpLanguage.current == .fr {
        print(UsageErrorText.frenchHelp(fullMessage(for: error)))
        Foundation.exit(0)
      }
      if exitCode(for: error) == .validationFailure {
        let arguments = Array(CommandLine.arguments.dropFirst())
        printError(UsageErrorText.text(fullMessage(for: error), in: UsageErrorText.language(of: arguments)))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }

  @OptionGroup var global: GlobalOptions

  @OptionGroup var display: DisplayOptions

  /// With no subcommand: the interactive menu.
  func run() async throws {
    let status = try await global.reportingErrors { () async throws -> Int32 in
      let catalogue = try global.usableCatalogue()
      let menu = MainMenu(
        console: global.console(plain: display.plain), reader: standardInputReader(),
        registry: try global.openRegistry(creating: true),
        courses: catalogue.courses, certifications: catalogue.certifications,
        today: try global.today(), echoInput: isatty(STDIN_FILENO) != 1)
      return try menu.run()
    }
    if status != 0 { throw ExitCode(status) }
  }
}

enum EntraideVersion {
  static let current = "0.1.0"
}
