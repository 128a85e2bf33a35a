import ArgumentParser
import CourseModel
import Foundation

/// Options every command takes: where the registry and the courses are, the language, colour.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long, help: "Registry database file (default: $ENTRAIDE_DB, else $XDG_DATA_HOME/entraide/registry.sqlite).")
  var db: String?

  @Option(name: .long, help: "Courses folder (default: $ENTRAIDE_COURSES, else ./Courses, else the installed courses).")
  var courses: String?

  @Option(name: .long, help: "Interface language: fr or en (default: from LC_ALL / LANG, else en).")
  var lang: Language?

  @Flag(name: .long, help: "No colour in the output.")
  var noColor = false

  @Option(name: .long, help: "Author of the changes in the audit log (default: $USER).")
  var by: String?

  /// The interface language: `--lang`, else `LC_ALL`/`LC_MESSAGES`/`LANG` (`fr*` is French), else English.
  var language: Language { Self.language(lang) }

  /// `lang` when given, else the language of the environment.
  static func language(_ lang: Language?) -> Language {
    if let lang { return lang }
    return environmentLanguage(ProcessInfo.processInfo.environment)
  }

  static func environmentLanguage(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return Language(localeIdentifier: value) ?? .en
      }
    }
    return .en
  }

  /// The courses folder, resolved as the README says.
  var coursesDirectory: URL { Self.coursesDirectory(courses) }

  /// `courses` when given, else `$ENTRAIDE_COURSES`, else `./Courses` when it holds the schema, else installed.
  static func coursesDirectory(_ courses: String?) -> URL {
    let environment = ProcessInfo.processInfo.environment
    if let courses { return URL(fileURLWithPath: courses) }
    if let fromEnvironment = environment["ENTRAIDE_COURSES"], !fromEnvironment.isEmpty {
      return URL(fileURLWithPath: fromEnvironment)
    }
    let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Courses")
    if FileManager.default.fileExists(atPath: local.appendingPathComponent("schema/course.xsd").path) {
      return local
    }
    return installedCoursesDirectory
  }

  /// `<prefix>/share/entraide/Courses` next to the installed binary's `<prefix>/bin`.
  static var installedCoursesDirectory: URL {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
    return prefix.appendingPathComponent("share/entraide/Courses")
  }

  /// The registry file: `--db`, else `$ENTRAIDE_DB`, else `$XDG_DATA_HOME/entraide/registry.sqlite`.
  var databasePath: String {
    let environment = ProcessInfo.processInfo.environment
    if let db { return db }
    if let fromEnvironment = environment["ENTRAIDE_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
    let dataHome: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      dataHome = xdg
    } else {
      dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    }
    return dataHome + "/entraide/registry.sqlite"
  }
}

extension Language: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(rawValue: argument.lowercased())
  }
}
