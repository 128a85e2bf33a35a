import ArgumentParser
import CourseModel
import Foundation
import Registry

// Typed command-line values. ArgumentParser reads each into its type; the command's `validate()` calls
// `checked()`, so a bad value is refused before `run()` with the same message and status 2 as any
// other bad input (ArgumentParser's own "invalid value" text could not name the accepted values in
// French). `run()` then reads `value`, which is set once `checked()` has passed.

/// A `YYYY-MM-DD` day given to an option such as `--date`.
struct DayOption: ExpressibleByArgument, Sendable {
  let text: String
  let value: CalendarDate?

  init(argument: String) {
    text = argument
    value = CalendarDate(iso: argument)
  }

  /// The day, or the error naming `option` and the expected form.
  func checked(option: String) throws -> CalendarDate {
    try value ?? parseDate(text, option: option)
  }
}

/// The statuses of one `--status` value: one status or several separated by commas.
struct StatusOption: ExpressibleByArgument, Sendable {
  let words: [String]

  init(argument: String) {
    words = argument.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// The statuses of every `--status` (repeated or comma-separated), or an error naming the accepted ones.
  static func checked(_ options: [StatusOption]) throws -> Set<CertificationStatus> {
    var result = Set<CertificationStatus>()
    for word in options.flatMap(\.words) {
      guard let status = CertificationStatus(rawValue: word.lowercased()) else {
        let accepted = closestFirst(to: word, among: CertificationStatus.allCases.map(\.rawValue)).joined(
          separator: ", ")
        throw UserError(
          Message(
            fr:
              "--status « \(word) » n’est pas un statut connu. Valeurs acceptées, de la plus proche à la plus lointaine : \(accepted).",
            en: "--status “\(word)” is not a known status. Accepted values, closest first: \(accepted)."),
          exitCode: 2)
      }
      result.insert(status)
    }
    return result
  }
}

/// A whole number of days, 0 or more, given to an option such as `--due-within`.
struct DayCountOption: ExpressibleByArgument, Sendable {
  let text: String
  let value: Int?

  init(argument: String) {
    text = argument
    value = Int(argument.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 ? $0 : nil }
  }

  /// The number of days, or the error naming `option`.
  func checked(option: String) throws -> Int {
    guard let value else {
      throw UserError(
        Message(
          fr: "\(option) « \(text) » : attendu un nombre entier de jours, 0 ou plus.",
          en: "\(option) “\(text)”: expected a whole number of days, 0 or more."),
        exitCode: 2)
    }
    return value
  }
}

extension GlobalOptions {
  /// Runs the checks of a command's `validate()`; a `UserError` is printed in the interface language
  /// and becomes its exit status, as in `reportingErrors`.
  func checkingOptions(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as UserError {
      Self.report(error, in: language)
      throw ExitCode(error.exitCode)
    }
  }
}
