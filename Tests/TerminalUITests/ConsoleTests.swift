import CourseModel
import Testing

@testable import TerminalUI

@Test func widthComesFromColumnsThenTheTerminalThenEighty() {
  let base: [String: String] = ["TERM": "xterm-256color"]
  #expect(
    OutputMode.resolve(
      environment: base.merging(["COLUMNS": "52"]) { $1 }, stdoutIsTerminal: true, terminalColumns: 120,
      noColorFlag: false, plainFlag: false
    ).width == 52)
  #expect(
    OutputMode.resolve(
      environment: base, stdoutIsTerminal: true, terminalColumns: 120, noColorFlag: false, plainFlag: false
    ).width == 120)
  #expect(
    OutputMode.resolve(
      environment: base.merging(["COLUMNS": "abc"]) { $1 }, stdoutIsTerminal: false, terminalColumns: nil,
      noColorFlag: false, plainFlag: false
    ).width == 80)
  #expect(
    OutputMode.resolve(
      environment: base.merging(["COLUMNS": "5"]) { $1 }, stdoutIsTerminal: false, terminalColumns: nil,
      noColorFlag: false, plainFlag: false
    ).width == OutputMode.minimumWidth)
}

@Test func colourOnlyOnATerminalWithoutNoColorDumbTermOrFlags() {
  func colour(_ env: [String: String], tty: Bool = true, noColor: Bool = false, plain: Bool = false) -> Bool {
    OutputMode.resolve(
      environment: env, stdoutIsTerminal: tty, terminalColumns: 80, noColorFlag: noColor, plainFlag: plain
    ).colour
  }
  #expect(colour(["TERM": "xterm"]))
  #expect(!colour(["TERM": "xterm"], tty: false))
  #expect(!colour(["TERM": "xterm", "NO_COLOR": "1"]))
  #expect(!colour(["TERM": "xterm", "NO_COLOR": ""]))
  #expect(!colour(["TERM": "dumb"]))
  #expect(!colour(["TERM": "xterm"], noColor: true))
  #expect(!colour(["TERM": "xterm"], plain: true))
}

@Test func strongTextIsBoldWithColourAndStarredWithout() {
  let (coloured, colouredOut) = makeConsole(colour: true)
  coloured.print([StyledRun("L'entraidant·e "), StyledRun("écoute", .strong), StyledRun(".")])
  #expect(colouredOut.text == "L'entraidant·e \u{1B}[1mécoute\u{1B}[0m.\n")

  let (bare, bareOut) = makeConsole(colour: false)
  bare.print([
    StyledRun("L'entraidant·e "), StyledRun("écoute", .strong), StyledRun(" et "), StyledRun("accueille", .emphasis),
  ])
  #expect(bareOut.text == "L'entraidant·e *écoute* et _accueille_\n")
}

@Test func markersCountInTheWidthWithoutColour() {
  let (console, out) = makeConsole(width: 20)
  console.print([StyledRun("aaaa bbbb cccc "), StyledRun("dddd", .strong)])
  #expect(out.text == "aaaa bbbb cccc\n*dddd*\n")
  let (coloured, colouredOut) = makeConsole(width: 20, colour: true)
  coloured.print([StyledRun("aaaa bbbb cccc "), StyledRun("dddd", .strong)])
  #expect(colouredOut.text == "aaaa bbbb cccc \u{1B}[1mdddd\u{1B}[0m\n")
}

@Test func escapeSequencesInTextAreRemovedBeforeStyling() {
  let (console, out) = makeConsole(colour: true)
  console.print("Titre\u{1B}[2J\u{1B}]0;pirate\u{07} propre", style: .heading)
  #expect(out.text == "\u{1B}[1;36mTitre propre\u{1B}[0m\n")
  let (bare, bareOut) = makeConsole()
  bare.write("a\u{1B}[31mb\u{7F}c\n")
  #expect(bareOut.text == "abc\n")
}

@Test func aPromptSaysWhatItExpectsAndWaitsOnTheSameLine() {
  let (console, out) = makeConsole(language: .fr)
  console.prompt(PromptKind.one(count: 3).message)
  #expect(out.text == "Tape le numéro d'un choix, de 1 à 3 (? aide, r répéter, q quitter)\n> ")
  let (english, englishOut) = makeConsole(language: .en)
  english.prompt(PromptKind.one(count: 3).message)
  #expect(englishOut.text == "Type a choice number, 1 to 3 (? help, r repeat, q quit)\n> ")
}

@Test func multiLineMessagesKeepTheirLinesAndWrapEach() {
  let (console, out) = makeConsole(width: 24)
  console.print("Première ligne courte\nDeuxième ligne un peu plus longue")
  #expect(out.text == "Première ligne courte\nDeuxième ligne un peu\nplus longue\n")
}

@Test func theRuleIsBoxDrawingExceptInPlainMode() {
  let (console, out) = makeConsole()
  console.rule(length: 5)
  #expect(out.text == "─────\n")
  let (plain, plainOut) = makeConsole(plain: true)
  plain.rule(length: 5)
  #expect(plainOut.text == "")
}

@Test func plainModeNeverColours() {
  #expect(OutputMode(width: 80, colour: true, plain: true).colour == false)
}

@Test func aStyledSentenceIsOneSpanEvenAcrossFrenchPunctuation() {
  let (console, out) = makeConsole(colour: true)
  console.print("Cours : « Visite » ; fin", style: .heading)
  #expect(out.text == "\u{1B}[1;36mCours : « Visite » ; fin\u{1B}[0m\n")
}
