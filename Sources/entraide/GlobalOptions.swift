import ArgumentParser
import CourseModel
import Foundation

/// Options every command takes: where the registry and the courses are, the language, colour.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: .local(
      fr: "Fichier du registre (par défaut : $ENTRAIDE_DB, sinon $XDG_DATA_HOME/entraide/registry.sqlite).",
      en: "Registry file (default: $ENTRAIDE_DB, else $XDG_DATA_HOME/entraide/registry.sqlite)."))
  var db: String?

  @Option(
    name: .long,
    help:
      .local(
        fr: "Dossier des cours (par défaut : $ENTRAIDE_COURSES, sinon ./Courses, sinon les cours installés).",
        en: "Courses folder (default: $ENTRAIDE_COURSES, else ./Courses, else the installed courses)."))
  var courses: String?

  @Option(
    name: .long,
    help: .local(
      fr: "Langue de l'interface : fr ou en (par défaut : selon LC_ALL, LC_MESSAGES ou LANG, sinon en).",
      en: "Interface language: fr or en (default: from LC_ALL / LANG, else en)."))
  var lang: Language?

  @Flag(name: .long, help: .local(fr: "Sans couleur à l'affichage.", en: "No colour in the output."))
  var noColor = false

  @Option(
    name: .long,
    help: .local(
      fr: "Auteur·e des modifications inscrites au journal (par défaut : $USER).",
      en: "Author of the changes in the audit log (default: $USER)."))
  var by: String?

  /// The interface language: `--lang`, else `LC_ALL`/`LC_MESSAGES`/`LANG` (`fr*` is French), else English.
  var language: Language { Self.language(lang) }

  /// `lang` when given, else the language of the environment.
  static func language(_ lang: Language?) -> Language {
    if let lang { return lang }
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environmentVariable(key) {
        return Language(localeIdentifier: value) ?? .en
      }
    }
    return .en
  }

  /// The courses folder, resolved as the README says.
  var coursesDirectory: URL { Self.coursesDirectory(courses) }

  /// `courses` when given, else `$ENTRAIDE_COURSES`, else `./Courses` when it is a folder, else installed.
  static func coursesDirectory(_ courses: String?) -> URL {
    if let courses { return URL(fileURLWithPath: courses) }
    if let fromEnvironment = environmentVariable("ENTRAIDE_COURSES") {
      return URL(fileURLWithPath: fromEnvironment)
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: "Courses", isDirectory: &isFolder), isFolder.boolValue {
      return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Courses")
    }
    return installedCoursesDirectory
  }

  /// `<prefix>/share/entraide/Courses` next to the installed binary's `<prefix>/bin`.
  static var installedCoursesDirectory: URL {
    let prefix = executablePath.deletingLastPathComponent().deletingLastPathComponent()
    return prefix.appendingPathComponent("share/entraide/Courses")
  }

  /// The running binary, links resolved: `/proc/self/exe`, else `argv[0]` looked up in `PATH` as a shell does.
  static var executablePath: URL {
    if let resolved = realPath("/proc/self/exe") { return URL(fileURLWithPath: resolved) }
    let name = CommandLine.arguments.first ?? "entraide"
    if !name.contains("/") {
      for folder in (environmentVariable("PATH") ?? "").split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if access(candidate, X_OK) == 0 { return URL(fileURLWithPath: realPath(candidate) ?? candidate) }
      }
    }
    return URL(fileURLWithPath: name).resolvingSymlinksInPath()
  }

  /// `path` with every link and `..` resolved, or nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A variable of the environment, nil when unset or empty. (`getenv`: `ProcessInfo.environment` copies the
  /// whole environment into a dictionary, a measurable part of `validate`'s start.)
  static func environmentVariable(_ name: String) -> String? {
    guard let value = getenv(name), value.pointee != 0 else { return nil }
    return String(cString: value)
  }

  /// The registry file: `--db`, else `$ENTRAIDE_DB`, else `$XDG_DATA_HOME/entraide/registry.sqlite`.
  var databasePath: String {
    if let db { return db }
    if let fromEnvironment = Self.environmentVariable("ENTRAIDE_DB") { return fromEnvironment }
    let dataHome: String
    if let xdg = Self.environmentVariable("XDG_DATA_HOME"), xdg.hasPrefix("/") {
      dataHome = xdg
    } else {
      dataHome = (Self.environmentVariable("HOME") ?? NSHomeDirectory()) + "/.local/share"
    }
    return dataHome + "/entraide/registry.sqlite"
  }
}

extension Language: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(rawValue: argument.lowercased())
  }
}
