import CourseModel
import Foundation
import Reports
import Testing

/// The comparison the roster used before collation keys: Foundation's fold at every comparison.
private func reference(_ a: String, _ b: String) -> ComparisonResult {
  let folded = a.compare(b, options: [.caseInsensitive, .diacriticInsensitive])
  return folded != .orderedSame ? folded : a.compare(b, options: .literal)
}

/// Names, regions and ids that French collation and ASCII punctuation can trip over.
private let corpus = [
  "", "a", "A", "à", "À", "b", "é", "É", "e", "E", "è", "ê", "ë", "e\u{301}", "Émile", "emile", "Emile", "Éric",
  "Eric", "Ève", "Côté", "Cote", "Coté", "côte", "CÔTÉ", "cotes", "Œuvre", "oeuvre", "Ouellet", "Ça", "ça", "ca", "Cb",
  "ß", "ss", "Strasse", "Straße", "ﬁn", "fin", "_x", "x_", "[a", "Z", "z", "^", "`", "{", "~", "0", "9", "10", "-FTQ",
  "=1+1", "@local", "+Ana", "Zoë Roy", "Zoe Roy", "Zoé", "Montérégie", "Monteregie", "Mauricie",
  "Abitibi-Témiscamingue",
  "Abitibi", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie", "Îles", "Iles", "Ñandú", "nandu", "Ø", "o", "Łódź", "Lodz",
  "日本", "😀", "\u{FFFD}", "Ǆ", "ǆ", "İ", "i", "ı", "I", "a b", "a-b", "ab", "a\u{0}b",
]

@Test func collationKeysOrderEveryPairAsFoundationDoes() {
  var disagreements: [String] = []
  for a in corpus {
    for b in corpus {
      let expected = reference(a, b)
      let keyA = CollationKey(a)
      let keyB = CollationKey(b)
      let actual: ComparisonResult = keyA < keyB ? .orderedAscending : keyB < keyA ? .orderedDescending : .orderedSame
      if actual != expected { disagreements.append("\(a.debugDescription) vs \(b.debugDescription)") }
    }
  }
  #expect(disagreements == [])
}

@Test func rosterSortsAsTheFoundationComparisonDoes() {
  // 37 and 400 are coprime: every index once, in a scrambled order.
  let rows = (0..<400).map { ($0 * 37) % 400 }.map { index in
    RosterRow(
      helperID: corpus[(index * 7) % corpus.count] + "\(index % 3)", name: corpus[(index * 11) % corpus.count],
      local: corpus[index % 5], region: corpus[(index * 3) % 4 + 20],
      certification: index % 2 == 0 ? "entraidant" : "sentinelle",
      status: .never)
  }
  let expected = rows.sorted { a, b in
    for (left, right) in [
      (a.region, b.region), (a.local, b.local), (a.name, b.name), (a.certification, b.certification),
      (a.helperID, b.helperID),
    ] {
      let order = reference(left, right)
      if order != .orderedSame { return order == .orderedAscending }
    }
    return false
  }
  #expect(Roster.sorted(rows).map(\.helperID) == expected.map(\.helperID))
  #expect(Roster.sorted(rows).map(\.name) == expected.map(\.name))
}
