/// SplitMix64 (Steele, Lea, Flood 2014): a tiny PRNG whose output depends only on the seed,
/// identical on every platform, so a seeded quiz draw replays exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  public private(set) var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A generator for one purpose, derived from a seed and small integers (activity, run, question).
  public static func derived(_ seed: UInt64, _ parts: Int...) -> SplitMix64 {
    var mixer = SplitMix64(seed: seed)
    var value = mixer.next()
    for part in parts {
      mixer = SplitMix64(seed: value ^ UInt64(bitPattern: Int64(part)) &* 0x9E37_79B9_7F4A_7C15)
      value = mixer.next()
    }
    return SplitMix64(seed: value)
  }

  /// A number in `0..<bound` without modulo bias (Lemire's method is avoided to keep it obvious: rejection).
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    let range = UInt64(bound)
    let limit = UInt64.max - UInt64.max % range
    while true {
      let value = next()
      if value < limit { return Int(value % range) }
    }
  }

  /// Fisher–Yates shuffle driven by this generator only (never the standard library's algorithm,
  /// which may change between Swift versions).
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = below(i + 1)
      if i != j { array.swapAt(i, j) }
    }
  }
}
