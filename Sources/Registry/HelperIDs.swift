import Foundation

/// Helper ids: made from names, checked, and suggested when mistyped.
package enum HelperIDs {
  static let maximumLength = 64

  /// Whether `id` is 1–64 ASCII letters, digits, `.`, `_`, `-`, starting with a letter or digit.
  static func isValid(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= maximumLength,
      isAlphanumeric(first)
    else { return false }
    return id.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
  }

  /// The base id for a name: first initial and last word, lowercase ASCII (`Marie Tremblay` → `mtremblay`).
  ///
  /// A one-word name gives the word; accents are dropped; nil when nothing usable is left.
  package static func base(forName name: String) -> String? {
    let words = name.split(whereSeparator: { $0.isWhitespace }).map { asciiLetters(String($0)) }.filter {
      !$0.isEmpty
    }
    guard let last = words.last else { return nil }
    let base = words.count == 1 ? last : String(words[0].prefix(1)) + last
    return String(base.prefix(maximumLength - 4))
  }

  /// `base`, else `base2`, `base3`… the first not in `taken` (compared ignoring case).
  package static func unique(_ base: String, taken: Set<String>) -> String {
    if !taken.contains(base.lowercased()) { return base }
    var suffix = 2
    while taken.contains("\(base)\(suffix)".lowercased()) { suffix += 1 }
    return "\(base)\(suffix)"
  }

  private static func asciiLetters(_ word: String) -> String {
    let folded = word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
      .replacingOccurrences(of: "ß", with: "ss")
    return String(String.UnicodeScalarView(folded.unicodeScalars.filter { isAlphanumeric($0) })).lowercased()
  }

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
  }
}

/// Every one of `candidates`, closest to `text` first (edit distance ignoring case, then alphabetical).
public func closestFirst(to text: String, among candidates: [String]) -> [String] {
  let target = Array(text.lowercased())
  return candidates.map { ($0, editDistance(target, Array($0.lowercased()))) }
    .sorted { left, right in left.1 != right.1 ? left.1 < right.1 : left.0 < right.0 }
    .map(\.0)
}

/// Up to three of `candidates` closest to `text` by edit distance (ignoring case), closest first.
package func closestMatches(to text: String, among candidates: [String], limit: Int = 3) -> [String] {
  let target = Array(text.lowercased())
  let threshold = max(2, target.count / 3)
  let scored: [(id: String, distance: Int)] = candidates.map { candidate in
    (candidate, editDistance(target, Array(candidate.lowercased())))
  }
  let close = scored.filter { $0.distance <= threshold }
  let sorted = close.sorted { left, right in
    left.distance != right.distance ? left.distance < right.distance : left.id < right.id
  }
  return sorted.prefix(limit).map(\.id)
}

/// The Levenshtein distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
