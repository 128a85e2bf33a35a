import CourseEngine
import Foundation

// Explores a generated 200-scene role-play with loops and prints the time it took (best of 5).
// Run in release: `swift run -c release EntraideBenchmarks [SCENES]`.
let sceneCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200
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
