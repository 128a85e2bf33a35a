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

@Test func bidirectionalControlsAreRemoved() {
  let trojan = "Marie\u{202E}gnirts\u{202C} \u{2066}x\u{2069}\u{200E}\u{200F}\u{061C}"
  #expect(trojan.strippingControlCharacters() == "Mariegnirts x")
  #expect("\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}ok".strippingControlCharacters() == "ok")
  // Letters of right-to-left scripts are text, not controls: they stay.
  #expect("سلام".strippingControlCharacters() == "سلام")
}

@Test func firstControlOrBidiNamesTheCharacter() {
  #expect("Marie Tremblay".firstControlOrBidi == nil)
  #expect("Éloïse Côté-Ng".firstControlOrBidi == nil)
  #expect("Marie\u{202E}x".firstControlOrBidi == "\u{202E}")
  #expect("a\tb".firstControlOrBidi == "\t")
  #expect("a\u{1B}[2J".firstControlOrBidi == "\u{1B}")
  #expect("a\u{85}".firstControlOrBidi == "\u{85}")
  #expect("x\u{2069}".firstControlOrBidi == "\u{2069}")
}

@Test func theWidthOfATextIsTheSumOfItsCharactersWidths() {
  for text in [
    "", "abc", "Zoë Côté", "e\u{301}", "a\r\nb", "\u{AD}x", "\u{85}", "\u{7F}", "日本", "😀x", "👩‍👩‍👧", "\u{600} ", "ǅ",
    "Œuvre", "\t", "ÿ\u{300}",
  ] {
    #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
  }
  #expect(DisplayWidth.of("Zoë Côté") == 8)
  #expect(DisplayWidth.of("a\r\nb\u{85}") == 2)
  #expect(DisplayWidth.of("e\u{301}té") == 3)
  #expect(DisplayWidth.of("日本") == 4)
}
