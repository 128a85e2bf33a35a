import CourseModel
import Foundation

/// ArgumentParser's bad-usage messages (English only) in the interface language.
///
/// ArgumentParser has no localization hook, so its message lines are matched by their fixed English forms
/// (swift-argument-parser 1.8, `UsageGenerator.swift` and `MessageInfo.swift`); a line that matches none is
/// kept as it is. Usage synopses and option names are the same in both languages.
enum UsageErrorText {
  /// `message` for `language`: unchanged in English, translated line by line in French.
  static func text(_ message: String, in language: Language) -> String {
    guard language == .fr else { return message }
    return message.split(separator: "\n", omittingEmptySubsequences: false).map { french(String($0)) }
      .joined(separator: "\n")
  }

  /// The language a command line asks for: its `--lang`, else the environment's.
  static func language(of arguments: [String]) -> Language {
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      if argument == "--" { break }
      if argument == "--lang", index + 1 < arguments.endIndex, let language = Language(argument: arguments[index + 1]) {
        return language
      }
      if argument.hasPrefix("--lang="), let language = Language(argument: String(argument.dropFirst(7))) {
        return language
      }
      index += 1
    }
    return GlobalOptions.language(nil)
  }

  /// ArgumentParser's help page with its own words in French (headings, the help and version options,
  /// defaults and values); the command texts are already in the help language.
  static func frenchHelp(_ page: String) -> String {
    var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let line = String(line)
      let headings = [
        "OVERVIEW: ": "DESCRIPTION : ", "USAGE: ": "UTILISATION : ", "ARGUMENTS:": "ARGUMENTS :",
        "OPTIONS:": "OPTIONS :", "SUBCOMMANDS:": "SOUS-COMMANDES :",
      ]
      for (english, french) in headings {
        if let rest = line.dropPrefix(english) { return french + frenchUsage(rest) }
      }
      if let rest = line.dropPrefix("  See '"), let command = rest.dropSuffix(" <subcommand>' for detailed help.") {
        return "  Voir « \(command) <sous-commande> » pour l'aide détaillée."
      }
      return line.replacingOccurrences(of: "Show help information.", with: "Afficher l'aide.")
        .replacingOccurrences(of: "Show the version.", with: "Afficher la version.")
        .replacingOccurrences(of: "(default)", with: "(par défaut)")
    }
    // Defaults and values may wrap onto the next line: replaced across the line break.
    var text = lines.joined(separator: "\n")
    for (english, french) in [
      ("(default:", "(par défaut :"), ("(values:", "(valeurs :"), ("; default:", " ; par défaut :"),
    ] {
      text = text.replacingOccurrences(of: english, with: french)
    }
    lines = []
    return text
  }

  static func french(_ line: String) -> String {
    if let rest = line.dropPrefix("Error: ") { return "Erreur : " + frenchError(rest) }
    if let rest = line.dropPrefix("Help:  ") { return "Aide : " + rest }
    if let rest = line.dropPrefix("Usage: ") { return "Utilisation : " + frenchUsage(rest) }
    if let rest = line.dropPrefix("  See '"), let command = rest.dropSuffix("' for more information.") {
      return "  Voir « \(command) » pour en savoir plus."
    }
    return line
  }

  /// A usage line's own placeholder in French (the command's are already in the help language).
  static func frenchUsage(_ usage: String) -> String {
    usage.replacingOccurrences(of: "<subcommand>", with: "<sous-commande>")
  }

  static func frenchError(_ text: String) -> String {
    if text == "Missing required subcommand." { return "il manque la sous-commande." }
    if let rest = text.dropPrefix("Unknown option '") {
      if let parts = rest.dropSuffix("'?")?.components(separatedBy: "'. Did you mean '"), parts.count == 2 {
        return "option inconnue « \(parts[0]) ». Vouliez-vous dire « \(parts[1]) » ?"
      }
      if let option = rest.dropSuffix("'") { return "option inconnue « \(option) »" }
    }
    if let rest = text.dropPrefix("Missing value for '"), let option = rest.dropSuffix("'") {
      return "valeur manquante pour « \(option) »"
    }
    if let rest = text.dropPrefix("The option '"), let body = rest.dropSuffix("' was specified."),
      case let parts = body.components(separatedBy: "' does not take any value, but '"), parts.count == 2
    {
      return "l'option « \(parts[0]) » ne prend pas de valeur, mais « \(parts[1]) » a été donné."
    }
    if let rest = text.dropPrefix("Unexpected argument '"), let argument = rest.dropSuffix("'") {
      return "argument inattendu « \(argument) »"
    }
    if let rest = text.dropPrefix("Missing expected argument '"), let argument = rest.dropSuffix("'") {
      return "argument manquant « \(argument) »"
    }
    if let rest = text.dropPrefix("Missing one of: '"), let arguments = rest.dropSuffix("'") {
      return "il manque l'un de : « \(arguments.replacingOccurrences(of: "', '", with: " », « ")) »"
    }
    if let rest = text.dropPrefix("The value '"),
      case let parts = rest.components(separatedBy: "' is invalid for '"), parts.count == 2
    {
      let value = parts[0]
      var target = parts[1]
      var detail = ""
      if let range = target.range(of: "'. Please provide one of ") {
        let choices = target[range.upperBound...].dropLast(target.hasSuffix(".") ? 1 : 0)
          .replacingOccurrences(of: "' and '", with: "' et '").replacingOccurrences(of: "' or '", with: "' ou '")
          .replacingOccurrences(of: "'", with: "")
        detail = ". Valeurs possibles : \(choices)."
        target = String(target[..<range.lowerBound])
      } else if let range = target.range(of: "': ") {
        detail = " : " + target[range.upperBound...]
        target = String(target[..<range.lowerBound])
      } else if target.hasSuffix("'") {
        target.removeLast()
      }
      return "la valeur « \(value) » n'est pas valide pour « \(target) »\(detail)"
    }
    return text
  }
}

extension String {
  fileprivate func dropPrefix(_ prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }

  fileprivate func dropSuffix(_ suffix: String) -> String? {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil
  }
}
