import CourseModel
import Testing

@testable import TerminalUI

private func wrapped(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
  TextWrapper.wrap([StyledRun(text)], width: width, firstPrefix: first, restPrefix: rest).map(\.plainText)
}

@Test func accentsCountOneColumnPrecomposedOrCombining() {
  #expect(DisplayWidth.of("écoute") == 6)
  #expect(DisplayWidth.of("e\u{301}coute") == 6)
  #expect(DisplayWidth.of("Entraidant·e") == 12)
  #expect(DisplayWidth.of("日本語") == 6)
  #expect(DisplayWidth.of("✔ ok") == 4)
  #expect(DisplayWidth.of("👍") == 2)
}

@Test func wrapsFrenchTextAtForty() {
  // "écoute" and "réfère" with combining accents: still one column per letter.
  let text =
    "Une entraidante e\u{301}coute sans juger, accompagne et re\u{301}fe\u{300}re vers les ressources appropriées."
  #expect(
    wrapped(text, width: 40) == [
      "Une entraidante écoute sans juger,",
      "accompagne et réfère vers les ressources",
      "appropriées.",
    ])
}

@Test func wrapsFrenchTextAtEighty() {
  let text = "Une entraidante écoute sans juger, accompagne et réfère vers les ressources appropriées."
  #expect(
    wrapped(text, width: 80) == [
      "Une entraidante écoute sans juger, accompagne et réfère vers les ressources",
      "appropriées.",
    ])
}

@Test func cutsAWordLongerThanTheLine() {
  #expect(
    wrapped("Voir https://www.example.org/un/tres/long/chemin ici", width: 20) == [
      "Voir",
      "https://www.example.",
      "org/un/tres/long/che",
      "min ici",
    ])
}

@Test func keepsTheHangingIndentOfAListItem() {
  #expect(
    wrapped(
      "Accueillir la personne sans jugement et avec respect", width: 31, first: "  • ", rest: "    ") == [
        "  • Accueillir la personne sans",
        "    jugement et avec respect",
      ])
}

@Test func wideCharactersTakeTwoColumns() {
  #expect(wrapped("日本語 の テキスト です", width: 13) == ["日本語 の", "テキスト です"])
}

@Test func frenchQuotesAndColonsStayWithTheirWords() {
  // Width 14: a break after "Luc" or after "«" would be allowed by plain spaces, but not here.
  #expect(wrapped("Luc : « Ça va bien. »", width: 14) == ["Luc : « Ça va", "bien. »"])
  #expect(wrapped("Vraiment ? Oui !", width: 10) == ["Vraiment ?", "Oui !"])
}

@Test func noBreakSpaceNeverBreaks() {
  #expect(
    wrapped("Appelez 1\u{A0}866\u{A0}APPELLE maintenant", width: 16) == [
      "Appelez", "1\u{A0}866\u{A0}APPELLE", "maintenant",
    ])
}

@Test func emptyTextGivesOneEmptyLine() {
  #expect(wrapped("", width: 40) == [""])
  #expect(wrapped("   ", width: 40, first: "> ") == ["> "])
}
