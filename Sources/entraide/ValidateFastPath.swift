import CourseModel
import Foundation

/// `entraide validate …` read without ArgumentParser, for the plain command lines editors and CI run.
///
/// ArgumentParser's first parse costs about 6 ms (reflection and generic metadata over the whole command
/// tree), a third of a validation run: issue 2 holds `validate` to 1.5 times `xmllint --schema`. This reader
/// accepts only the unambiguous forms below and answers nil for anything else (help, a short or unknown
/// option, a repeated option, a missing or bad value, `--`), which then goes through ArgumentParser as
/// before, with its messages and exit statuses. A test checks that every line it accepts parses the same
/// through ArgumentParser.
struct ValidateInvocation: Equatable {
  var db: String?
  var courses: String?
  var lang: Language?
  var noColor = false
  var by: String?
  var format: ValidateCommand.Format = .text
  var paths: [String] = []
}

extension ValidateInvocation {
  /// Reads `arguments` (without the program name); nil when ArgumentParser must read them.
  init?(arguments: [String]) {
    guard arguments.first == "validate" else { return nil }
    var seen: Set<String> = []
    var index = arguments.index(after: arguments.startIndex)
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("-") else {
        // "help" is also ArgumentParser's word for help; an empty argument is left to it too.
        guard !argument.isEmpty, argument != "help" else { return nil }
        paths.append(argument)
        continue
      }
      var name = argument
      var value: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
      }
      guard seen.insert(name).inserted else { return nil }
      if name == "--no-color" {
        guard value == nil else { return nil }
        noColor = true
        continue
      }
      guard ["--db", "--courses", "--lang", "--by", "--format"].contains(name) else { return nil }
      if value == nil {
        guard index < arguments.endIndex else { return nil }
        value = arguments[index]
        index += 1
      }
      guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
      switch name {
      case "--db": db = value
      case "--courses": courses = value
      case "--by": by = value
      case "--lang":
        guard let language = Language(argument: value) else { return nil }
        lang = language
      default:
        guard let format = ValidateCommand.Format(rawValue: value) else { return nil }
        self.format = format
      }
    }
  }

  /// Runs the validation and exits with its status, as `ValidateCommand.run()` does.
  func run() -> Never {
    let language = GlobalOptions.language(lang)
    do {
      try ValidateCommand.execute(courses: courses, language: language, format: format, paths: paths)
    } catch let error as UserError {
      GlobalOptions.report(error, in: language)
      Foundation.exit(error.exitCode)
    } catch {
      printError("entraide: \(error)")
      Foundation.exit(1)
    }
  }
}
