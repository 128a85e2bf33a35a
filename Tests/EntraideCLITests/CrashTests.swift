import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

// Crash tests: `entraide run` over the shipped courses killed with SIGKILL at random moments, and
// `helpers import` and `record --from` killed mid-way. `make test` runs 25 kills; `make crash` runs
// CRASH_KILLS (200) and prints the figures for docs/RELIABILITY.md. CRASH_SEED replays a run.

/// How many kills the session test makes: `CRASH_KILLS`, else 25.
private let killTarget = Int(ProcessInfo.processInfo.environment["CRASH_KILLS"] ?? "") ?? 25

/// The seed of the random kill moments: `CRASH_SEED`, else drawn (and printed, to replay a failure).
private let crashSeed =
  UInt64(ProcessInfo.processInfo.environment["CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...999_999)

/// SplitMix64: the kill moments from one seed.
private struct Moments {
  var state: UInt64
  mutating func next(_ range: ClosedRange<Int>) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return range.lowerBound + Int(z % UInt64(range.count))
  }
}

/// A registry in a temporary folder, the shipped courses, and the sqlite3 shell to look behind the program.
struct CrashBench {
  let root: URL
  let db: String
  let environment: [String: String]

  init() throws {
    root = try Entraide.temporaryDirectory("entraide-crash")
    db = root.appendingPathComponent("registry.sqlite").path
    environment = [
      "ENTRAIDE_TODAY": "2026-11-22", "ENTRAIDE_COURSES": Entraide.coursesDirectory.path, "ENTRAIDE_DB": db,
      "COLUMNS": "200", "USER": "crash",
    ]
  }

  private init(root: URL, db: String, environment: [String: String]) {
    self.root = root
    self.db = db
    self.environment = environment
  }

  /// The same bench on another registry file.
  func onDatabase(_ path: String) -> CrashBench {
    CrashBench(root: root, db: path, environment: environment.merging(["ENTRAIDE_DB": path]) { _, new in new })
  }

  func run(_ arguments: [String], stdin: String = "") throws -> RunResult {
    try Entraide.run(arguments, stdin: stdin, environment: environment)
  }

  /// `sqlite3 DB SQL`, trimmed.
  func sql(_ statement: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [db, statement]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Records an `integrity_check` or foreign-key failure as an issue; returns whether both were clean.
  @discardableResult
  func expectIntact(_ context: String) throws -> Bool {
    let integrity = try sql("PRAGMA integrity_check;")
    let keys = try sql("PRAGMA foreign_key_check;")
    #expect(integrity == "ok", "\(context)")
    #expect(keys == "", "\(context)")
    return integrity == "ok" && keys == ""
  }

  /// Adds a helper; returns the id.
  func addHelper(_ name: String) throws -> String {
    let result = try run(["helpers", "add", "--name", name, "--local", "L", "--region", "R"])
    guard result.status == 0, let open = result.stdout.lastIndex(of: "("), let close = result.stdout.lastIndex(of: ")")
    else { throw SandboxError.failed(result.stderr) }
    return String(result.stdout[result.stdout.index(after: open)..<close])
  }

  /// Records in person the courses `course` requires, and theirs first (read from `<requires course="…"/>`).
  func recordPrerequisites(helper: String, course: String, done: inout Set<String>) throws {
    let text = try String(
      contentsOf: Entraide.coursesDirectory.appendingPathComponent("\(course).xml"), encoding: .utf8)
    for match in text.matches(of: /<requires course="([^"]+)"/) {
      let required = String(match.output.1)
      guard !done.contains(required) else { continue }
      try recordPrerequisites(helper: helper, course: required, done: &done)
      let result = try run(["record", helper, required, "--date", "2026-11-01"])
      #expect(result.status == 0, "\(result.stderr)")
      done.insert(required)
    }
  }

  func recordPrerequisites(helper: String, course: String) throws {
    var done: Set<String> = []
    try recordPrerequisites(helper: helper, course: course, done: &done)
  }
}

/// Answers for any course, chosen from what the prompt shows: the same screen always gets the same answer,
/// so a resumed session is answered as the uninterrupted one was.
enum CrashOracle {
  static func answer(to chunk: String) -> String {
    let flat = chunk.replacingOccurrences(of: "\n", with: " ")
    let options = TourOracle.numberedLines(chunk).map(\.text)
    let pick = Int(fnv(options.joined(separator: "|")) % 1000)
    if flat.contains("Type 1 to do the activity again") { return "2" }
    if flat.contains("Press Enter to continue") { return "" }
    if flat.contains("Type 1 for true or 2 for false") { return pick % 2 == 0 ? "1" : "2" }
    if let match = flat.firstMatch(of: /Type a choice number, 1 to (\d+)/), let count = Int(match.output.1) {
      return String(pick % count + 1)
    }
    if let match = flat.firstMatch(of: /all the right choices, 1 to (\d+)/), let count = Int(match.output.1) {
      return count > 1 && pick % 3 == 0 ? "1 2" : String(pick % count + 1)
    }
    if let match = flat.firstMatch(of: /Type the numbers of the (\d+) items in the right order/),
      let count = Int(match.output.1)
    {
      let first = pick % count
      return (0..<count).map { String((first + $0) % count + 1) }.joined(separator: " ")
    }
    if let match = flat.firstMatch(of: /right item that goes with it, for example ([\d ]+)/) {
      return match.output.1.trimmingCharacters(in: .whitespaces)
    }
    if flat.contains("Type your answer, then Enter") { return pick % 2 == 0 ? "988" : "je ne sais pas" }
    return ""
  }

  /// What identifies a screen, before or after a resumption: its last two non-empty lines.
  static func key(_ chunk: String) -> String {
    chunk.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != ">" }
      .suffix(2).joined(separator: "\n")
  }

  static func fnv(_ text: String) -> UInt64 {
    text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }
}

/// What one `entraide run` did.
struct Played {
  /// The screen keys of the prompts seen, in order.
  var keys: [String]
  /// Killed (after `answers` lines were sent), or the exit status.
  var killed: Bool
  var status: Int32?
  var answers: Int
  var stderr = ""
}

/// Runs the course for the helper, answering with the oracle; kills it `delay` µs after the `killAfter`-th
/// line (0: after start-up) when given.
func play(
  _ bench: CrashBench, helper: String, course: String, seed: Int, kill: (after: Int, delay: Int)? = nil,
  environment: [String: String] = [:]
) throws -> Played {
  let run = try InteractiveRun(
    ["run", course, "--helper", helper, "--seed", String(seed), "--lang", "en", "--plain"],
    environment: bench.environment.merging(environment) { _, new in new })
  var played = Played(keys: [], killed: false, status: nil, answers: 0)
  if let kill, kill.after == 0 {
    usleep(useconds_t(kill.delay))
    run.signal(SIGKILL)
    _ = run.wait()
    played.killed = true
    return played
  }
  while let chunk = run.nextPrompt(timeout: 30) {
    played.keys.append(CrashOracle.key(chunk))
    guard played.answers < 2_000 else { break }
    run.send(CrashOracle.answer(to: chunk))
    played.answers += 1
    if let kill, played.answers == kill.after {
      usleep(useconds_t(kill.delay))
      run.signal(SIGKILL)
      _ = run.wait()
      played.killed = true
      return played
    }
  }
  played.status = run.wait(timeout: 30)
  played.stderr = run.stderr
  return played
}

/// The finished attempt of the helper: state, score and per-item detail.
func result(_ bench: CrashBench, helper: String) throws -> String {
  try bench.sql(
    "SELECT state || '|' || ifnull(score, '') || '|' || ifnull(passed_on, '') || '|' || ifnull(detail, '') FROM attempts WHERE helper_id = '\(helper)' AND state IN ('passed', 'failed');"
  )
}

@Test func killedSessionsLoseNoAcknowledgedAnswerAndResumeToTheSameResult() throws {
  let bench = try CrashBench()
  var moments = Moments(state: crashSeed)
  let courses = try FileManager.default.contentsOfDirectory(atPath: Entraide.coursesDirectory.path)
    .filter { $0.hasSuffix(".xml") && $0 != "certifications.xml" }.map { String($0.dropLast(4)) }.sorted()
  var kills = 0
  var chains = 0
  var checks = 0
  var resumedAfterSave = 0
  let started = Date()
  while kills < killTarget {
    let course = courses[chains % courses.count]
    let seed = 1_000 + chains
    chains += 1
    // The uninterrupted run: the screens and the result every interrupted one must reach.
    let reference = try bench.addHelper("Reference \(chains)")
    try bench.recordPrerequisites(helper: reference, course: course)
    let whole = try play(bench, helper: reference, course: course, seed: seed)
    #expect(
      whole.status == 0 || whole.status == 1, "\(course) seed \(seed): status \(String(describing: whole.status))")
    let expected = try result(bench, helper: reference)
    #expect(!expected.isEmpty, "\(course) seed \(seed)")

    let helper = try bench.addHelper("Crash \(chains)")
    try bench.recordPrerequisites(helper: helper, course: course)
    // Where the next run may start, as positions in the reference's screens (more than one when screens
    // look alike): the screen where the last run stopped, or the next one if its answer was saved.
    var next: Set<Int> = [0]
    var stoppedAt: Set<Int> = []
    var chainKills = 0
    while true {
      let context = "course \(course), seed \(seed), kill \(kills + 1), CRASH_SEED=\(crashSeed)"
      let remaining = max(0, whole.keys.count - (next.min() ?? 0))
      let kill: (after: Int, delay: Int)? =
        chainKills < 4 && kills < killTarget
        ? (after: moments.next(0...min(remaining, 40)), delay: moments.next(0...15_000)) : nil
      let played = try play(bench, helper: helper, course: course, seed: seed, kill: kill)
      // Each screen shown must be the uninterrupted run's at a position reachable from where the last run
      // stopped: every acknowledged answer is there, and at most the one being saved is added.
      var current: Set<Int> = []
      for (index, key) in played.keys.enumerated() {
        let candidates = index == 0 ? next : Set(current.map { $0 + 1 })
        let matching = candidates.filter { $0 < whole.keys.count && whole.keys[$0] == key }
        #expect(!matching.isEmpty, "\(context): screen \(index) is not the reference's: \(key)")
        if matching.isEmpty { return }
        if index == 0, !stoppedAt.isEmpty, matching.isDisjoint(with: stoppedAt) { resumedAfterSave += 1 }
        current = matching
      }
      if played.killed {
        kills += 1
        chainKills += 1
        checks += 1
        guard try bench.expectIntact(context) else { return }
        // A kill after the last answer may leave the attempt finished (the transaction committed) or not.
        if try !result(bench, helper: helper).isEmpty { break }
        if !played.keys.isEmpty {
          stoppedAt = current
          next = current.union(current.map { $0 + 1 })
        }
        continue
      }
      #expect(played.status == whole.status, "\(context)")
      break
    }
    #expect(try result(bench, helper: helper) == expected, "course \(course), seed \(seed), CRASH_SEED=\(crashSeed)")
    #expect(
      try bench.sql("SELECT count(*) FROM attempts WHERE helper_id = '\(helper)' AND state <> 'recorded';") == "1")
  }
  let seconds = Int(Date().timeIntervalSince(started))
  print(
    "crash: \(kills) kills over \(chains) course runs (\(courses.count) courses), \(checks) integrity checks ok, "
      + "\(resumedAfterSave) resumed one answer past the last acknowledged, \(seconds) s, CRASH_SEED=\(crashSeed)")
}

/// How many kills each all-or-nothing test makes: `CRASH_IMPORT_KILLS`, else 5.
private let importKills = Int(ProcessInfo.processInfo.environment["CRASH_IMPORT_KILLS"] ?? "") ?? 5

/// Starts `entraide ARGUMENTS`, kills it after `delay` µs; returns whether it had already ended.
private func killed(_ bench: CrashBench, _ arguments: [String], after delay: Int) throws -> Bool {
  let process = Process()
  process.executableURL = Entraide.binary
  process.arguments = arguments
  process.environment = bench.environment.merging(["PATH": "/usr/bin:/bin", "LANG": "C"]) { a, _ in a }
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  usleep(useconds_t(delay))
  let ended = !process.isRunning
  kill(process.processIdentifier, SIGKILL)
  process.waitUntilExit()
  return ended
}

@Test func aKilledHelpersImportAddsEveryoneOrNoOne() throws {
  let bench = try CrashBench()
  var moments = Moments(state: crashSeed &+ 1)
  let rows = 4_000
  let csv = bench.root.appendingPathComponent("helpers.csv")
  _ = try bench.addHelper("Ann Lee")  // the registry exists: only the import is at stake
  var committed = 0
  for round in 0..<importKills {
    let text = "name,local,region\n" + (0..<rows).map { "Personne \(round)x\($0),CSN \($0 % 50),Estrie\n" }.joined()
    try Data(text.utf8).write(to: csv)
    let before = Int(try bench.sql("SELECT count(*) FROM helpers;")) ?? -1
    let ended = try killed(bench, ["helpers", "import", csv.path], after: moments.next(0...2_000_000))
    let context = "import kill \(round + 1), CRASH_SEED=\(crashSeed)"
    try bench.expectIntact(context)
    let after = Int(try bench.sql("SELECT count(*) FROM helpers;")) ?? -1
    let events = Int(try bench.sql("SELECT count(*) FROM events WHERE action = 'helper-imported';")) ?? -1
    #expect(after == before || after == before + rows, "\(context): \(after - before) of \(rows) helpers")
    #expect(events == after - 1, "\(context)")  // Ann Lee was added, not imported
    if after != before { committed += 1 }
    if ended { #expect(after == before + rows, "\(context): ended before the kill") }
  }
  print("crash: \(importKills) helpers imports of \(rows) rows killed, \(committed) had committed, none partly")
}

@Test func aKilledAttendanceSheetRecordsEveryRowOrNone() throws {
  let bench = try CrashBench()
  var moments = Moments(state: crashSeed &+ 2)
  let rows = 3_000
  let helpers = bench.root.appendingPathComponent("helpers.csv")
  try Data(("id,name,local,region\n" + (0..<rows).map { "p\($0),Personne \($0),CSN,Estrie\n" }.joined()).utf8)
    .write(to: helpers)
  #expect(try bench.run(["helpers", "import", helpers.path]).status == 0)
  let sheet = bench.root.appendingPathComponent("sheet.csv")
  var committed = 0
  for round in 0..<importKills {
    // One day per round (up to 280 rounds), all before ENTRAIDE_TODAY.
    let date = String(format: "2026-%02d-%02d", round / 28 + 1, round % 28 + 1)
    try Data(("helper_id,course,date\n" + (0..<rows).map { "p\($0),ecoute-active,\(date)\n" }.joined()).utf8)
      .write(to: sheet)
    let before = Int(try bench.sql("SELECT count(*) FROM attempts;")) ?? -1
    let ended = try killed(bench, ["record", "--from", sheet.path], after: moments.next(0...2_000_000))
    let context = "record --from kill \(round + 1), CRASH_SEED=\(crashSeed)"
    try bench.expectIntact(context)
    let after = Int(try bench.sql("SELECT count(*) FROM attempts;")) ?? -1
    let recorded = Int(try bench.sql("SELECT count(*) FROM events WHERE action = 'course-recorded';")) ?? -1
    #expect(after == before || after == before + rows, "\(context): \(after - before) of \(rows) rows")
    #expect(recorded == after, "\(context)")
    if after != before { committed += 1 }
    if ended { #expect(after == before + rows, "\(context): ended before the kill") }
  }
  print("crash: \(importKills) attendance sheets of \(rows) rows killed, \(committed) had committed, none partly")
}
