import ArgumentParser

/// `entraide validate [PATH…]`: schema and lint findings for course files.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check course files against the schema and the lint rules. / Vérifier les fichiers de cours."
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Course files or folders (default: the courses folder).")
  var paths: [String] = []

  func run() async throws {
    // Filled in by the CourseXML work (issue 2).
    throw ExitCode(2)
  }
}
