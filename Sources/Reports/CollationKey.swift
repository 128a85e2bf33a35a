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
    literal = Array(string.utf16)
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

extension CollationKey {
  /// Each string's rank in collation order (0 first); strings with the same code units share a rank.
  ///
  /// Each distinct string is folded once and the distinct strings sorted once, so that rows can then be
  /// sorted by integers: a roster repeats its regions and locals on every row.
  static func ranks(_ strings: [String]) -> [Int] {
    // Distinct by their bytes: Swift's string equality takes `é` and `e` + U+0301 for one string, whose literal
    // orders differ (and hashing bytes skips the normalization that String's hashing does for accents).
    var firstIndex: [UTF8Bytes: Int] = [:]
    // Room for as many distinct strings as the first rows suggest, so the table is rarely rebuilt.
    firstIndex.reserveCapacity(min(strings.count, 1024))
    var distinct: [String] = []
    var ids: [Int] = []
    ids.reserveCapacity(strings.count)
    for string in strings {
      // A helper's rows are next to each other: the same name, local and region again.
      if let last = ids.last, distinct[last].hasSameBytes(as: string) {
        ids.append(last)
        continue
      }
      // A lookup, then an insertion for a new string (the `default:` subscript's in-place access allocated
      // twice per string).
      let key = UTF8Bytes(string)
      if let id = firstIndex[key] {
        ids.append(id)
      } else {
        firstIndex[key] = distinct.count
        ids.append(distinct.count)
        distinct.append(string)
      }
    }
    let keys = distinct.map(CollationKey.init)
    var rank = [Int](repeating: 0, count: distinct.count)
    for (position, id) in distinct.indices.sorted(by: { keys[$0] < keys[$1] }).enumerated() {
      rank[id] = position
    }
    return ids.map { rank[$0] }
  }
}

/// A string compared and hashed by its UTF-8 bytes, not by Unicode canonical equivalence (which costs a
/// normalization of accented text at every hash).
struct UTF8Bytes: Hashable {
  let string: String

  init(_ string: String) {
    self.string = string
  }

  static func == (a: UTF8Bytes, b: UTF8Bytes) -> Bool {
    a.string.hasSameBytes(as: b.string)
  }

  func hash(into hasher: inout Hasher) {
    if string.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
      for byte in string.utf8 { hasher.combine(byte) }
    }
  }
}

extension String {
  /// Whether both strings are the same UTF-8 bytes (`==` compares by canonical equivalence instead), compared
  /// at once rather than byte by byte.
  func hasSameBytes(as other: String) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    let same = utf8.withContiguousStorageIfAvailable { left in
      other.utf8.withContiguousStorageIfAvailable { right in
        left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
      }
    }
    return (same ?? nil) ?? utf8.elementsEqual(other.utf8)
  }
}
