import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

// A registry that can no longer be written: a full disk (SQLite's max_page_count through
// ENTRAIDE_TEST_SPARE_PAGES everywhere; a real full tmpfs and a read-only one where this machine lets the
// tests mount, as root on Linux).

/// Runs `mount` or `umount` with these arguments; whether it succeeded.
@discardableResult
private func mountCommand(_ tool: String, _ arguments: [String]) -> Bool {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return false }
  process.waitUntilExit()
  return process.terminationStatus == 0
}

/// Whether tests may mount a tmpfs here (root, and a kernel and sandbox that allow it).
private let canMount: Bool = {
  guard getuid() == 0, let folder = try? Entraide.temporaryDirectory("entraide-mount-probe") else { return false }
  guard mountCommand("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) else { return false }
  mountCommand("umount", [folder.path])
  return true
}()

/// The English message of a registry that can no longer be written for lack of space.
private func fullMessage(_ path: String) -> String {
  "entraide: error: The registry “\(path)” can no longer be written: the disk is full. Everything saved before is kept; the last step was not saved. Free some space, then run the same command again to resume.\n"
}

/// Plays `course` to its end for a new helper: the screens and the result a stopped session must reach.
private func reference(_ bench: CrashBench, course: String, seed: Int) throws -> (Played, String) {
  let helper = try bench.addHelper("Reference")
  try bench.recordPrerequisites(helper: helper, course: course)
  let whole = try play(bench, helper: helper, course: course, seed: seed)
  return (whole, try result(bench, helper: helper))
}

/// Resumes the helper's session after it stopped at screen `stoppedAt` of `whole` without saving its answer;
/// expects the same screens from there and the same result.
private func expectResumesWhereItStopped(
  _ bench: CrashBench, helper: String, course: String, seed: Int, whole: Played, stoppedAt: Int, expected: String
) throws {
  let resumed = try play(bench, helper: helper, course: course, seed: seed)
  #expect(resumed.status == whole.status, "\(resumed.stderr)")
  #expect(Array(resumed.keys) == Array(whole.keys[stoppedAt...]))
  #expect(try result(bench, helper: helper) == expected)
  try bench.expectIntact("after the resumption")
}

@Test func aFullRegistryStopsTheSessionKeepsItsAnswersAndResumesOnceSpaceIsBack() throws {
  let bench = try CrashBench()
  let (whole, expected) = try reference(bench, course: "ecoute-active", seed: 5)
  let helper = try bench.addHelper("Ann Lee")
  // Two spare pages: the attempt starts, a few answers are saved, then the disk is full.
  let stopped = try play(
    bench, helper: helper, course: "ecoute-active", seed: 5, environment: ["ENTRAIDE_TEST_SPARE_PAGES": "2"])
  #expect(stopped.status == 5)
  #expect(stopped.stderr == fullMessage(bench.db))
  try #require(stopped.keys.count > 1 && stopped.keys.count < whole.keys.count)
  #expect(Array(stopped.keys) == Array(whole.keys.prefix(stopped.keys.count)))
  try bench.expectIntact("after the full disk")
  #expect(try bench.sql("SELECT state FROM attempts WHERE helper_id = '\(helper)';") == "in-progress")
  // Space is back: the session resumes at the screen whose answer could not be saved.
  try expectResumesWhereItStopped(
    bench, helper: helper, course: "ecoute-active", seed: 5, whole: whole, stoppedAt: stopped.keys.count - 1,
    expected: expected)
}

@Test func aFullRegistryRefusesAnImportWhole() throws {
  let bench = try CrashBench()
  _ = try bench.addHelper("Ann Lee")
  let csv = bench.root.appendingPathComponent("helpers.csv")
  try Data(("name,local,region\n" + (0..<2_000).map { "Personne \($0),CSN,Estrie\n" }.joined()).utf8).write(to: csv)
  let result = try Entraide.run(
    ["helpers", "import", csv.path], stdin: "",
    environment: bench.environment.merging(["ENTRAIDE_TEST_SPARE_PAGES": "3", "LANG": "fr_CA.UTF-8"]) { _, b in b })
  #expect(result.status == 5)
  #expect(
    result.stderr
      == "entraide : erreur : Le registre « \(bench.db) » ne peut plus être écrit : le disque est plein. Tout ce qui était déjà enregistré est conservé ; la dernière opération ne l’a pas été. Libérez de l’espace, puis relancez la même commande pour reprendre.\n"
  )
  #expect(try bench.sql("SELECT count(*) FROM helpers;") == "1")
  try bench.expectIntact("after the refused import")
}

@Test(.enabled(if: canMount)) func aRealFullDiskStopsTheSessionAndResumesOnceSpaceIsBack() throws {
  var bench = try CrashBench()
  let disk = bench.root.appendingPathComponent("disk")
  try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
  #expect(mountCommand("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path]))
  defer { mountCommand("umount", ["-l", disk.path]) }
  let (whole, expected) = try reference(bench, course: "ecoute-active", seed: 6)
  // The same registry, moved to the small disk.
  try FileManager.default.copyItem(atPath: bench.db, toPath: disk.appendingPathComponent("registry.sqlite").path)
  bench = bench.onDatabase(disk.appendingPathComponent("registry.sqlite").path)
  let helper = try bench.addHelper("Ann Lee")
  // Fill the disk but for a few pages.
  let filler = disk.appendingPathComponent("filler")
  var stat = statvfs()
  statvfs(disk.path, &stat)
  let free = Int(stat.f_bavail) * Int(stat.f_bsize)
  FileManager.default.createFile(atPath: filler.path, contents: Data(count: max(0, free - 96 * 1024)))
  let stopped = try play(bench, helper: helper, course: "ecoute-active", seed: 6)
  #expect(stopped.status == 5)
  #expect(stopped.stderr == fullMessage(bench.db))
  #expect(Array(stopped.keys) == Array(whole.keys.prefix(stopped.keys.count)))
  try #require(!stopped.keys.isEmpty)
  try FileManager.default.removeItem(at: filler)
  try bench.expectIntact("after the full disk")
  try expectResumesWhereItStopped(
    bench, helper: helper, course: "ecoute-active", seed: 6, whole: whole, stoppedAt: stopped.keys.count - 1,
    expected: expected)
}

@Test(.enabled(if: canMount)) func aReadOnlyRegistryIsLeftUntouchedAndResumedOnceWritable() throws {
  var bench = try CrashBench()
  let disk = bench.root.appendingPathComponent("disk")
  try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
  #expect(mountCommand("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path]))
  defer { mountCommand("umount", ["-l", disk.path]) }
  let (whole, expected) = try reference(bench, course: "ecoute-active", seed: 7)
  try FileManager.default.copyItem(atPath: bench.db, toPath: disk.appendingPathComponent("registry.sqlite").path)
  bench = bench.onDatabase(disk.appendingPathComponent("registry.sqlite").path)
  let helper = try bench.addHelper("Ann Lee")
  let paused = try play(bench, helper: helper, course: "ecoute-active", seed: 7, kill: (after: 4, delay: 300_000))
  #expect(paused.killed)
  #expect(mountCommand("mount", ["-o", "remount,ro", disk.path]))
  let before = FileManager.default.contents(atPath: bench.db)
  let refused = try Entraide.run(
    ["run", "ecoute-active", "--helper", helper, "--seed", "7", "--lang", "fr"], stdin: "\n",
    environment: bench.environment)
  #expect(refused.status == 5)
  #expect(
    refused.stderr
      == "entraide : erreur : Le registre « \(bench.db) » ne peut plus être écrit : le fichier, son dossier ou le disque n’accepte plus l’écriture (lecture seule, supprimé ou en panne). Tout ce qui était déjà enregistré est conservé ; la dernière opération ne l’a pas été. Rendez-les accessibles en écriture, puis relancez la même commande pour reprendre.\n"
  )
  #expect(FileManager.default.contents(atPath: bench.db) == before)
  #expect(mountCommand("mount", ["-o", "remount,rw", disk.path]))
  try expectResumesWhereItStopped(
    bench, helper: helper, course: "ecoute-active", seed: 7, whole: whole, stoppedAt: 4, expected: expected)
}
