import CourseModel
import Testing

@Test func escapeSequencesAreRemovedWhole() {
  #expect("a\u{1B}[31mred\u{1B}[0m b".strippingControlCharacters() == "ared b")
  #expect("title\u{1B}]0;pwned\u{07}!".strippingControlCharacters() == "title!")
  #expect("bell\u{07}\u{9B}2J".strippingControlCharacters() == "bell2J")
}

@Test func newlinesAreKeptOnlyWhenAsked() {
  #expect("a\nb\tc".strippingControlCharacters() == "a b c")
  #expect("a\nb\tc\r".strippingControlCharacters(keepNewlines: true) == "a\nb\tc")
}

@Test func textWithoutControlCharactersComesBackAsItIs() {
  let plain = "Entraidant·e « Zoë » à l’écoute\u{A0}: 811, option 2 — 😀 \u{2027}\u{202F}"
  #expect(plain.strippingControlCharacters() == plain)
  #expect(plain.strippingControlCharacters(keepNewlines: true) == plain)
}

@Test func eachControlCharacterClassIsRemoved() {
  #expect("a\u{7F}b\u{80}c\u{85}d\u{9F}e".strippingControlCharacters() == "abcde")
  #expect("ligne\u{2028}suite\u{2029}fin".strippingControlCharacters() == "lignesuitefin")
  #expect("\u{0}début\u{1F}".strippingControlCharacters() == "début")
}
