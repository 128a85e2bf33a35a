import CourseModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output, written whole or failing in words (Foundation's `FileHandle.write` stops the program
/// with a crash report when the reader has gone).
///
/// What `print` buffered is written first, so the order of the lines is kept. A reader that
/// went away (`entraide roster | head`) ends the program as SIGPIPE does when it is not ignored (the
/// PostgreSQL client ignores it): quietly, status 141 in the shell. Any other failure (a full disk) is a
/// `UserError`.
enum StandardOutput {
  /// Writes `data` whole, after what `print` buffered.
  static func write(_ data: Data) throws {
    try finish()
    try data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = writeStandardOutput(buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw failure(errno)
        }
        offset += written
      }
    }
  }

  /// Writes out what `print` buffered; a failure is reported as `write`'s.
  static func finish() throws {
    if fflush(nil) != 0 { throw failure(errno) }
  }

  /// The error for `code`; for EPIPE, the end of the program by SIGPIPE.
  private static func failure(_ code: Int32) -> UserError {
    if code == EPIPE {
      signal(SIGPIPE, SIG_DFL)
      raise(SIGPIPE)
      exit(141)
    }
    let reason = systemErrorReason(code)
    return UserError(
      Message(
        fr: "La sortie n’a pas pu être écrite en entier : \(reason.fr).",
        en: "The output could not be written in full: \(reason.en)."),
      exitCode: 1)
  }
}

/// write(2) on standard output (outside `StandardOutput`, whose `write` would hide it).
private func writeStandardOutput(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(STDOUT_FILENO, bytes, count)
}
