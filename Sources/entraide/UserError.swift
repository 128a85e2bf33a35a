import ArgumentParser
import CourseModel
import Foundation

/// A failure to tell the user in their language, with the exit status it gives.
struct UserError: Error {
  var message: Message
  var exitCode: Int32

  init(_ message: Message, exitCode: Int32 = 1) {
    self.message = message
    self.exitCode = exitCode
  }
}

/// Writes one line to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension GlobalOptions {
  /// Runs `body`; a `UserError` is printed in the interface language and becomes its exit status.
  func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as UserError {
      Self.report(error, in: language)
      throw ExitCode(error.exitCode)
    }
  }

  /// Prints `error` on standard error, in `language`, after the program's name.
  static func report(_ error: UserError, in language: Language) {
    let prefix = language == .fr ? "entraide : erreur : " : "entraide: error: "
    printError(prefix + error.message.text(language).strippingControlCharacters(keepNewlines: true))
  }
}
