/// Graph algorithms shared by the lint (scene graphs) and the engine's explorer (state graphs).
public enum Graph {
  /// Strongly connected components (Tarjan, iterative), in reverse topological order: a component's
  /// successors come before it. Edges are grouped by source: node `n`'s targets are
  /// `edgeTo[edgeStart[n]..<edgeStart[n + 1]]`; a negative target is no node and is skipped.
  public static func stronglyConnectedComponents<Target: BinaryInteger>(
    nodeCount: Int, edgeStart: [Int], edgeTo: [Target]
  ) -> (components: [[Int]], componentOf: [Int]) {
    var components: [[Int]] = []
    var componentOf = [Int](repeating: -1, count: nodeCount)
    var order = [Int](repeating: -1, count: nodeCount)
    var low = [Int](repeating: 0, count: nodeCount)
    var onStack = [Bool](repeating: false, count: nodeCount)
    var stack: [Int] = []
    var counter = 0
    for root in 0..<nodeCount where order[root] < 0 {
      var frames: [(node: Int, edge: Int)] = [(root, edgeStart[root])]
      order[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let frame = frames.last {
        let node = frame.node
        if frame.edge < edgeStart[node + 1] {
          frames[frames.count - 1].edge += 1
          let to = Int(edgeTo[frame.edge])
          guard to >= 0 else { continue }
          if order[to] < 0 {
            order[to] = counter
            low[to] = counter
            counter += 1
            stack.append(to)
            onStack[to] = true
            frames.append((to, edgeStart[to]))
          } else if onStack[to] {
            low[node] = Swift.min(low[node], order[to])
          }
          continue
        }
        frames.removeLast()
        if let caller = frames.last { low[caller.node] = Swift.min(low[caller.node], low[node]) }
        if low[node] == order[node] {
          var component: [Int] = []
          while let member = stack.popLast() {
            onStack[member] = false
            componentOf[member] = components.count
            component.append(member)
            if member == node { break }
          }
          components.append(component)
        }
      }
    }
    return (components, componentOf)
  }
}

extension Roleplay {
  /// Scenes and endings on some path from `start`, conditions ignored (the static view of the graph).
  public var reachableFromStart: Set<String> {
    let scenes = Dictionary(self.scenes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var reached: Set<String> = []
    var queue = [start]
    while let id = queue.popLast() {
      guard reached.insert(id).inserted, let scene = scenes[id] else { continue }
      queue += scene.gotos.map(\.to) + scene.choices.map(\.to)
    }
    return reached
  }
}
