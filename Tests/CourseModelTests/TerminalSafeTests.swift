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
