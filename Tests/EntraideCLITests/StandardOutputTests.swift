import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

// Standard output that cannot take what a command writes: a reader that went away (`entraide roster | head`)
// and a full disk (/dev/full).

/// Runs `entraide ARGUMENTS` with standard output on `output`, SIGPIPE ignored as the PostgreSQL client
/// ignores it (through bash's `trap '' PIPE`, which the program inherits); its end and standard error.
private func run(
  _ arguments: [String], output: FileHandle, language: String = "C", shell: String = "trap '' PIPE"
) throws -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
  let folder = try Entraide.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: folder) }
  let registry = folder.appendingPathComponent("r.sqlite").path
  let added = try Entraide.run([
    "--db", registry, "helpers", "add", "--name", "Anne Roy", "--local", "CSN 1", "--region", "Estrie",
  ])
  #expect(added.status == 0, "\(added.stderr)")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bash")
  process.arguments =
    [
      "-c", "\(shell); exec \"$0\" \"$@\"", Entraide.binary.path, "--db", registry,
      "--courses", Entraide.coursesDirectory.path,
    ] + arguments
  process.environment = [
    "PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": language, "XDG_CACHE_HOME": Entraide.testCacheHome,
    "ENTRAIDE_TODAY": "2026-12-01",
  ]
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  let stderr = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationReason, process.terminationStatus, String(decoding: stderr, as: UTF8.self))
}

/// Every way a command writes its output: the validate fast path, a report (`-o` or standard output), the
/// test command's report, and `print`.
private let writers: [[String]] = [
  ["validate"], ["roster", "--format", "csv"], ["test", "ecoute-active", "--seeds", "2"], ["courses"],
  ["helpers", "list"],
]

@Test(arguments: writers)
func aReaderThatWentAwayEndsTheCommandQuietlyAsSIGPIPEWould(arguments: [String]) throws {
  let pipe = Pipe()
  try pipe.fileHandleForReading.close()
  let result = try run(arguments, output: pipe.fileHandleForWriting)
  #expect(result.reason == .uncaughtSignal)
  #expect(result.status == SIGPIPE)
  #expect(result.stderr == "")
}

@Test(arguments: writers)
func aFullDiskIsReportedWithStatusOne(arguments: [String]) throws {
  let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
  let english = try run(arguments, output: full)
  #expect(english.reason == .exit)
  #expect(english.status == 1)
  #expect(english.stderr == "entraide: error: The output could not be written in full: the disk is full.\n")
  let french = try run(arguments, output: full, language: "fr_CA.UTF-8")
  #expect(french.status == 1)
  #expect(
    french.stderr == "entraide : erreur : La sortie n’a pas pu être écrite en entier : le disque est plein.\n")
}

/// Output to a file beyond the size the shell allows (`ulimit -f`, SIGXFSZ ignored): write(2) fails with
/// EFBIG, said in the user's language.
@Test func anOutputFileLargerThanAllowedIsReportedInTheUsersLanguage() throws {
  let folder = try Entraide.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: folder) }
  let path = folder.appendingPathComponent("out.txt").path
  #expect(FileManager.default.createFile(atPath: path, contents: nil))
  let output = try #require(FileHandle(forWritingAtPath: path))
  let limited = "trap '' XFSZ; ulimit -f 0"
  let english = try run(["courses"], output: output, shell: limited)
  #expect(english.status == 1)
  #expect(
    english.stderr == "entraide: error: The output could not be written in full: the file is larger than allowed.\n")
  let french = try run(["courses"], output: output, language: "fr_CA.UTF-8", shell: limited)
  #expect(french.status == 1)
  #expect(
    french.stderr
      == "entraide : erreur : La sortie n’a pas pu être écrite en entier : le fichier dépasse la taille permise.\n")
}
