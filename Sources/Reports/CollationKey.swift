import Foundation

/// A string's place in the roster's order, computed once per string instead of once per comparison.
///
/// Ordered first by the string folded for case and accents (Foundation's `.caseInsensitive` and
/// `.diacriticInsensitive`, without a locale: `Émile` sorts with `emile`), then, between strings equal
/// when folded, by their UTF-16 code units (`.literal`). The same order as
/// `a.compare(b, options: [.caseInsensitive, .diacriticInsensitive])` followed by
/// `a.compare(b, options: .literal)` (folded strings compare by code point, as Foundation does: an emoji
/// after U+FFFD), which costs a locale-aware fold of both strings at every comparison.
public struct CollationKey: Comparable, Sendable {
  /// The folded string's code points.
  let folded: [UInt32]
  /// The string's own UTF-16 code units.
  let literal: [UInt16]

  public init(_ string: String) {
    self.init(string, literal: Array(string.utf16))
  }

  init(_ string: String, literal: [UInt16]) {
    self.literal = literal
    if literal.allSatisfy({ $0 < 0x80 }) {
      // ASCII: folding is lower-casing A–Z (what Foundation's fold gives, much faster).
      folded = literal.map { UInt32($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) }
    } else {
      folded = string.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars.map(
        \.value)
    }
  }

  public static func < (a: CollationKey, b: CollationKey) -> Bool {
    if a.folded != b.folded { return a.folded.lexicographicallyPrecedes(b.folded) }
    return a.literal.lexicographicallyPrecedes(b.literal)
  }

  public static func == (a: CollationKey, b: CollationKey) -> Bool {
    a.literal == b.literal
  }
}

/// Collation keys of many strings, each distinct string folded once (regions and locals repeat on every row).
///
/// Looked up by code units, not by `String`: Swift's string equality would take `é` and `e` + U+0301 for
/// one string, whose literal orders differ.
struct CollationKeys {
  private var cache: [[UInt16]: CollationKey] = [:]

  mutating func key(_ string: String) -> CollationKey {
    let literal = Array(string.utf16)
    if let known = cache[literal] { return known }
    let key = CollationKey(string, literal: literal)
    cache[literal] = key
    return key
  }
}
