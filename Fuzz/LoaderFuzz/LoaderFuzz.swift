import CourseEngine
import CourseModel
import CourseXML
import Foundation
import Registry

// Fuzzing the course loader: arbitrary bytes must give findings, never a crash or a hang (issue 2); with
// FUZZ_TARGET=answers, conditions, csv or json, the answer parser, the conditions parser, the CSV imports
// (helpers and attendance sheets) or the JSON import instead: an answer or a refusal, never a crash
// (issue 13).
// `make fuzz` builds this target with libFuzzer and AddressSanitizer (`-DFUZZING`); a plain build makes a
// replay tool instead: `EntraideFuzz FILE…` loads each file as the fuzzer does, to reproduce a crash.

/// The shipped schemas, from the folder `make fuzz` runs in (the package root).
let loader = CourseLoader(schemaDirectory: URL(fileURLWithPath: "Courses/schema"))
let explorer = Explorer()

/// What this run fuzzes: `FUZZ_TARGET` (loader, answers, conditions, csv, json), the loader by default.
let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "loader"

/// Every question form the answer parser knows, with small and odd counts.
let expectations: [Expected] = [
  .anyLine, .choice(count: 3), .single(count: 1), .single(count: 4), .truefalse, .multiple(count: 5),
  .order(count: 4), .order(count: 1), .match(left: 3, right: 5), .match(left: 2, right: 1), .text, .retryOrContinue,
]

/// Feeds one input to the part under test; returns a count so nothing is optimised away.
func exercise(_ bytes: [UInt8]) -> Int {
  switch target {
  case "answers":
    let line = String(decoding: bytes, as: UTF8.self)
    return expectations.reduce(0) { count, expected in
      count + ((try? AnswerParser.parse(line, expecting: expected)) == nil ? 0 : 1)
    }
  case "conditions":
    return (try? Condition.parse(String(decoding: bytes, as: UTF8.self))) == nil ? 0 : 1
  case "csv":
    let data = Data(bytes)
    let helpers = (try? HelperCSV.parse(data))?.count ?? 0
    let sheet = (try? AttendanceCSV.parse(data))?.count ?? 0
    return helpers + sheet
  case "json":
    return exerciseImport(bytes)
  default:
    return exerciseLoader(bytes)
  }
}

/// Loads one input as a course or certifications file, then plays and checks a course that loads cleanly.
func exerciseLoader(_ bytes: [UInt8]) -> Int {
  let result = loader.load(bytes: bytes, from: URL(fileURLWithPath: "fuzz.xml"))
  var count = result.findings.count
  if let course = result.course, !result.findings.contains(where: { $0.severity == .error }) {
    count += explorer.check(course, quizSeeds: 2).roleplays.count
  }
  return count
}

/// Imports one input as `entraide import json` does, into an empty registry in memory: refused whole, or
/// imported so that exporting it gives back the same records (registry-json.md's promise; an export lists
/// them by id, a file may not).
func exerciseImport(_ bytes: [UInt8]) -> Int {
  guard let snapshot = try? RegistrySnapshot.decode(Data(bytes)),
    let registry = try? Registry.inMemory(actor: "fuzz", clock: { Date(timeIntervalSince1970: 0) })
  else { return 0 }
  guard (try? registry.importSnapshot(snapshot)) != nil else {
    let empty = try? registry.snapshot()
    precondition(
      empty.map { $0.helpers.isEmpty && $0.attempts.isEmpty && $0.cycles.isEmpty && $0.events.isEmpty } ?? false,
      "a refused import left records behind")
    return 1
  }
  guard let exported = try? registry.snapshot() else { preconditionFailure("an imported registry cannot be exported") }
  precondition(Set(exported.helpers) == Set(snapshot.helpers), "the helpers exported differ from the file's")
  precondition(Set(exported.attempts) == Set(snapshot.attempts), "the attempts exported differ from the file's")
  precondition(Set(exported.cycles) == Set(snapshot.cycles), "the cycles exported differ from the file's")
  precondition(Set(exported.events) == Set(snapshot.events), "the events exported differ from the file's")
  return 2 + snapshot.helpers.count
}

#if FUZZING
  /// One input: libFuzzer calls it for every input it makes.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = exercise(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }

  /// libFuzzer's entry for a program that has its own `main` (SwiftPM names an executable's main
  /// `EntraideFuzz_main`, so libFuzzer's `main` is not used).
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  @_cdecl("EntraideFuzz_main")
  public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
  }
#else
  @main
  enum Replay {
    static func main() {
      let paths = CommandLine.arguments.dropFirst()
      guard !paths.isEmpty else {
        FileHandle.standardError.write(Data("usage: EntraideFuzz FILE…\n".utf8))
        exit(2)
      }
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
          exit(2)
        }
        print("\(path): \(exercise([UInt8](data))) findings and role-plays")
      }
    }
  }
#endif
