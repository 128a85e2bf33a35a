import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// This machine's name, as the claim records it.
private func hostName() -> String {
  var buffer = [CChar](repeating: 0, count: 256)
  gethostname(&buffer, 255)
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The registry's rows, through the sqlite3 shell.
private func query(_ db: String, _ sql: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
  process.arguments = [db, sql]
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

@Test func oneAttemptOneTerminalWithTakeOverAndStaleClaims() throws {
  let fixture = try RunFixture()
  let helper = try fixture.addHelper()
  let host = hostName()

  // The first terminal answers three prompts and waits at the fourth.
  let (first, transcript) = try fixture.play(helper: helper, lang: "en", play: .pass, answers: 3)
  #expect(transcript.count == 3)
  #expect(first.nextPrompt() != nil)  // the third answer is saved
  let pid = first.process.processIdentifier
  let saved = try query(fixture.db, "SELECT resume_state FROM attempts")
  let events = try query(fixture.db, "SELECT count(*) FROM events")

  // A second terminal is told where and since when, and touches nothing.
  let second = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "fr", seed: 7), stdin: "1\n", environment: fixture.environment)
  #expect(second.status == 4)
  #expect(second.stdout == "")
  let since = try query(fixture.db, "SELECT replace(replace(claimed_at, 'T', ' '), 'Z', ' UTC') FROM attempt_claims")
    .trimmingCharacters(in: .newlines)
  #expect(
    second.stderr
      == "entraide : erreur : Ce cours est déjà ouvert pour cette personne sur « \(host) » (processus \(pid)) depuis \(since) ; rien n’a été modifié. Terminez-le là-bas, ou relancez avec --take-over pour le continuer ici.\n"
  )
  #expect(try query(fixture.db, "SELECT resume_state FROM attempts") == saved)
  #expect(try query(fixture.db, "SELECT count(*) FROM events") == events)

  // --take-over continues it here (and pauses at the end of input).
  let third = try Entraide.run(
    fixture.runArguments(helper: helper, lang: "en", extra: ["--take-over"]), stdin: "",
    environment: fixture.environment)
  #expect(third.status == 3, "\(third.stderr)")
  // "Attempt taken over from “HOST” (process PID): the other terminal will save nothing more.", wrapped where
  // this machine's name and the process id put it, then scene 2 of the coffee break and the pause at the end
  // of input. The sentence is compared on one line, with placeholders.
  let sentence =
    "Attempt taken over from “\(host)” (process \(pid)): the other terminal will save nothing more."
  let wrapped = sentence.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }
    .joined(separator: "[ \\n]")
  let unwrapped = third.stdout.replacingOccurrences(
    of: wrapped, with: "Attempt taken over from “{HOST}” (process {PID}): the other terminal will save nothing more.",
    options: .regularExpression)
  #expect(unwrapped != third.stdout)
  #expect(third.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
  Transcript.expect(unwrapped, equals: "claim-taken-over-en", root: fixture.root)
  #expect(third.stderr == "")
  let afterTakeOver = try query(fixture.db, "SELECT resume_state FROM attempts")

  // The first terminal's next answer is refused: it says so and saves nothing.
  first.send("")
  #expect(first.wait() == 4)
  #expect(first.stderr == "entraide: error: This attempt was taken over elsewhere; nothing more is saved here.\n")
  #expect(try query(fixture.db, "SELECT resume_state FROM attempts") == afterTakeOver)
  #expect(try query(fixture.db, "SELECT count(*) FROM attempts") == "1\n")

  // A killed terminal's claim is stale: the next run resumes without a flag, and finishes the course.
  let (killed, _) = try fixture.play(helper: helper, lang: "en", play: .pass, answers: 1)
  #expect(killed.nextPrompt() != nil)
  killed.signal(SIGKILL)
  #expect(killed.wait() == 128 + SIGKILL)
  #expect(try query(fixture.db, "SELECT count(*) FROM attempt_claims") == "1\n")
  let (resumed, after) = try fixture.play(helper: helper, lang: "en", play: .pass)
  #expect(resumed.wait() == 0, "\(resumed.stderr)")
  #expect(after.count == 15)
  fixture.expect(resumed, stdout: "claim-resumed-en")
  #expect(try query(fixture.db, "SELECT count(*) FROM attempt_claims") == "0\n")
  #expect(try query(fixture.db, "SELECT state FROM attempts") == "passed\n")
}
