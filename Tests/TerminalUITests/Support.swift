import CourseModel
import Foundation
import TerminalUI

/// A sink that keeps what the console wrote.
final class Capture: TextSink, @unchecked Sendable {
  private let lock = NSLock()
  private var buffer = ""

  func write(_ text: String) {
    lock.lock()
    buffer += text
    lock.unlock()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return buffer
  }
}

/// A console writing to a capture, with the given mode.
func makeConsole(
  width: Int = 80, colour: Bool = false, plain: Bool = false, language: Language = .fr
) -> (Console, Capture) {
  let capture = Capture()
  return (
    Console(mode: OutputMode(width: width, colour: colour, plain: plain), language: language, sink: capture), capture
  )
}
