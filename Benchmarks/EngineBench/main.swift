import CourseEngine
import Foundation

// `EntraideBenchmarks [SCENES]`: explores a generated role-play with loops and prints the time it took (best
// of 5). `EntraideBenchmarks data FOLDER [HELPERS]`: writes the bench's input files (see BenchData).
// Run in release through `make bench` (Benchmarks/run).
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "data", arguments.count >= 2 {
  let count = arguments.count > 2 ? Int(arguments[2]) ?? 20_000 : 20_000
  do {
    print(try BenchData.write(helpers: count, to: URL(fileURLWithPath: arguments[1])))
  } catch {
    FileHandle.standardError.write(Data("EntraideBenchmarks: \(error)\n".utf8))
    exit(1)
  }
  exit(0)
}
let sceneCount = arguments.first.flatMap(Int.init) ?? 200
let roleplay = GeneratedRoleplay.make(scenes: sceneCount, seed: 1)
var best = Double.infinity
var exploration: RoleplayExploration?
for _ in 0..<5 {
  let start = DispatchTime.now().uptimeNanoseconds
  exploration = Explorer().explore(roleplay)
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  best = min(best, seconds)
}
if let exploration {
  print(
    "explore \(roleplay.id): \(roleplay.scenes.count) scenes, \(exploration.stateCount) states, "
      + "complete \(exploration.complete), passing run \(exploration.passingRunExists), "
      + "best \(exploration.bestTotal.map(String.init) ?? "-"), worst \(exploration.worstTotal.map(String.init) ?? "-"): "
      + String(format: "%.3f s", best))
}
