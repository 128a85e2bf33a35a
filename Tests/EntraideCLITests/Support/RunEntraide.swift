import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What one run of the built `entraide` binary printed and returned.
struct RunResult: Sendable {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Paths and runners for end-to-end tests of the built binary.
enum Entraide {
  /// The package root (the folder holding Package.swift).
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// The shipped courses folder.
  static var coursesDirectory: URL { packageRoot.appendingPathComponent("Courses") }

  /// The built executable, next to the test bundle.
  static let binary: URL = {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent(),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL,
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent("entraide")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return packageRoot.appendingPathComponent(".build/debug/entraide")
  }()

  /// Where the runs of the tests keep course verdicts (docs/validate.md, "Kept verdicts").
  static let testCacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("entraide-tests-cache").path

  /// A fresh temporary folder, removed by the caller (or left in /tmp).
  static func temporaryDirectory(_ name: String = "entraide-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `entraide` with `arguments`, feeding `stdin`; `environment` adds to a clean base
  /// (PATH, HOME, LANG=C, NO_COLOR unset), so the host's settings never leak into a test.
  /// `executable` stands for the built binary (e.g. `/usr/bin/env`, to find `entraide` through `PATH`).
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    currentDirectory: URL? = nil, executable: URL = binary
  ) throws -> RunResult {
    try run(
      arguments, stdinData: stdin.map { Data($0.utf8) }, environment: environment, currentDirectory: currentDirectory,
      executable: executable)
  }

  static func run(
    _ arguments: [String], stdinData: Data?, environment: [String: String] = [:], currentDirectory: URL? = nil,
    executable: URL = binary
  ) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var base = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
      "LANG": "C",
      // The read commands' kept course verdicts: not in the user's ~/.cache (one file per test folder).
      "XDG_CACHE_HOME": testCacheHome,
    ]
    base.merge(environment) { _, new in new }
    process.environment = base
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes concurrently so a chatty child never blocks on a full pipe.
    let outBox = DataBox()
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      outBox.set(output.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      errBox.set(errors.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    // A child that exits without reading (a refusal, `--help`) closes the pipe: the write then fails with
    // EPIPE instead of killing the whole test process with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    if let stdinData { try? input.fileHandleForWriting.write(contentsOf: stdinData) }
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    return RunResult(
      status: process.terminationStatus,
      stdout: String(decoding: outBox.get(), as: UTF8.self),
      stderr: String(decoding: errBox.get(), as: UTF8.self))
  }
}

/// A lock-protected Data slot for pipe readers.
final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  func set(_ value: Data) {
    lock.lock()
    data = value
    lock.unlock()
  }

  func get() -> Data {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}
