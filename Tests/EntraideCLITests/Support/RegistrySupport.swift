import Foundation

/// A temporary registry for end-to-end tests of the registry commands.
struct RegistrySandbox {
  let folder: URL
  let database: String

  init() throws {
    folder = try Entraide.temporaryDirectory("entraide-registry")
    database = folder.appendingPathComponent("data/registry.sqlite").path
  }

  /// Runs `entraide` on this registry, as user `coord`, with `ENTRAIDE_TODAY` and the language given.
  func run(
    _ arguments: [String], today: String? = "2026-11-22", language: String = "C", environment: [String: String] = [:]
  ) throws -> RunResult {
    var env = ["ENTRAIDE_DB": database, "USER": "coord", "LANG": language]
    if let today { env["ENTRAIDE_TODAY"] = today }
    env.merge(environment) { _, new in new }
    return try Entraide.run(arguments, environment: env, currentDirectory: folder)
  }

  /// Adds helpers by name with `helpers add`; returns their ids.
  @discardableResult
  func addHelpers(_ names: [String], local: String = "CSN 123", region: String = "Estrie") throws -> [String] {
    try names.map { name in
      let result = try run(["helpers", "add", "--name", name, "--local", local, "--region", region])
      guard result.status == 0, let open = result.stdout.lastIndex(of: "("), let close = result.stdout.lastIndex(of: ")")
      else { throw SandboxError.failed(result.stderr) }
      return String(result.stdout[result.stdout.index(after: open)..<close])
    }
  }

  /// The bytes of a file, or nil.
  func contents(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
  }
}

enum SandboxError: Error {
  case failed(String)
}
