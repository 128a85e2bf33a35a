import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A running `entraide` whose prompts a test answers one at a time.
final class InteractiveRun: @unchecked Sendable {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errors = Pipe()
  private let lock = NSLock()
  private var outBuffer = Data()
  private var errBuffer = Data()
  /// Output consumed by `nextPrompt` so far (in bytes).
  private var consumed = 0
  /// How many of stdout and stderr reached their end.
  private var closedStreams = 0

  init(_ arguments: [String], environment: [String: String], executable: URL = Entraide.binary) throws {
    process.executableURL = executable
    process.arguments = arguments
    var base = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
      "LANG": "C",
    ]
    base.merge(environment) { _, new in new }
    process.environment = base
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    output.fileHandleForReading.readabilityHandler = { [weak self] handle in
      self?.take(handle.availableData, from: handle, error: false)
    }
    errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
      self?.take(handle.availableData, from: handle, error: true)
    }
    try process.run()
  }

  private func take(_ data: Data, from handle: FileHandle, error: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if data.isEmpty {
      handle.readabilityHandler = nil
      closedStreams += 1
    } else if error {
      errBuffer.append(data)
    } else {
      outBuffer.append(data)
    }
  }

  var stdout: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: outBuffer, as: UTF8.self)
  }

  var stderr: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: errBuffer, as: UTF8.self)
  }

  /// Waits until the output ends with a prompt (`> `) after what was already consumed; returns the new
  /// output, or nil when the process ended or `timeout` passed first.
  func nextPrompt(timeout: TimeInterval = 20) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      lock.lock()
      let data = outBuffer
      lock.unlock()
      if data.count > consumed, data.suffix(2) == Data("> ".utf8) {
        let chunk = String(decoding: data[consumed...], as: UTF8.self)
        consumed = data.count
        return chunk
      }
      if !process.isRunning {
        return nil
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return nil
  }

  /// Types a line.
  func send(_ line: String) {
    Glibc.signal(SIGPIPE, SIG_IGN)
    try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
  }

  func sendBytes(_ bytes: [UInt8]) {
    Glibc.signal(SIGPIPE, SIG_IGN)
    try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
  }

  func closeInput() {
    try? input.fileHandleForWriting.close()
  }

  func signal(_ number: Int32) {
    kill(process.processIdentifier, number)
  }

  /// Waits for the end (at most `timeout`); returns the exit status, or nil if it is still running
  /// (then it is killed).
  func wait(timeout: TimeInterval = 30) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning {
      process.terminate()
      return nil
    }
    // Let the readability handlers take the last bytes, up to the end of both streams.
    let drained = Date().addingTimeInterval(5)
    while Date() < drained {
      lock.lock()
      let closed = closedStreams
      lock.unlock()
      if closed >= 2 { break }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
  }
}

/// Answers for the format tour, chosen from what the screen shows (quiz order and options are seeded).
enum TourOracle {
  /// How to play the role-play.
  enum Play {
    /// Open question, then the reflection: reaches the passing ending.
    case pass
    /// Open question, then the promise of absolute secrecy: a critical choice.
    case critical
  }

  /// The line to type for the prompt ending `chunk`.
  static func answer(to chunk: String, play: Play) -> String {
    let options = numberedLines(chunk)
    func number(of texts: [String]) -> String? {
      for text in texts {
        if let match = options.first(where: { $0.text.hasPrefix(text) }) { return String(match.number) }
      }
      return nil
    }
    // The last prompt line tells what is expected.
    if chunk.contains("Tape 1 pour refaire") || chunk.contains("Type 1 to do the activity again") { return "2" }
    if chunk.contains("Appuyez sur Entrée") || chunk.contains("Press Enter") { return "" }
    // Role-play scenes.
    if chunk.contains("Tu as l'air épuisé") || chunk.contains("You've looked worn out") {
      return number(of: ["Tu as l'air épuisé", "You've looked worn out"]) ?? "1"
    }
    if chunk.contains("Je te promets") || chunk.contains("I promise I'll never") {
      switch play {
      case .pass: return number(of: ["Tu portes beaucoup", "You're carrying a lot", "Le PAE", "The EAP"]) ?? "1"
      case .critical: return number(of: ["Je te promets", "I promise"]) ?? "1"
      }
    }
    // Quiz questions.
    if chunk.contains("1 866 APPELLE") { return number(of: ["1 866 APPELLE"]) ?? "1" }
    if chunk.contains("Poser un diagnostic") || chunk.contains("Diagnose") {
      return [number(of: ["Écouter", "Listen"]), number(of: ["Référer", "Refer"])].compactMap { $0 }.joined(
        separator: " ")
    }
    if chunk.contains("pour vrai ou 2 pour faux") || chunk.contains("for true or 2 for false") { return "2" }
    if chunk.contains("Place les étapes") || chunk.contains("Put the steps") {
      return [
        number(of: ["Accueillir", "Welcome"]), number(of: ["Écouter", "Listen"]), number(of: ["Référer", "Refer"]),
      ].compactMap { $0 }.joined(separator: " ")
    }
    if chunk.contains("Associe chaque") || chunk.contains("Match each") {
      // Left items A, B are in file order (danger, distress); right items are numbered.
      return [number(of: ["911"]), number(of: ["811, option 2"])].compactMap { $0 }.joined(separator: " ")
    }
    if chunk.contains("trois chiffres") || chunk.contains("three-digit") { return "988" }
    return ""
  }

  /// `  3. text` lines of the chunk.
  static func numberedLines(_ chunk: String) -> [(number: Int, text: String)] {
    chunk.split(separator: "\n").compactMap { line in
      let trimmed = line.drop { $0 == " " }
      guard let dot = trimmed.firstIndex(of: "."), let number = Int(trimmed[..<dot]) else { return nil }
      let rest = trimmed[trimmed.index(after: dot)...].drop { $0 == " " }
      return (number, String(rest))
    }
  }
}
