import CourseEngine
import CourseModel
import Testing

/// Expects `answer` to be refused with `error`, leaving the session exactly as it was.
func expectRefused(
  _ session: CourseSession, _ answer: Answer, _ error: AnswerError,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  var copy = session
  #expect(throws: error, sourceLocation: sourceLocation) { try copy.answer(answer) }
  #expect(copy == session, sourceLocation: sourceLocation)
}

func expectRefused(
  _ session: CourseSession, line: String, _ error: AnswerError,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  var copy = session
  #expect(throws: error, sourceLocation: sourceLocation) { try copy.answer(line: line) }
  #expect(copy == session, sourceLocation: sourceLocation)
}

/// A session at the first question of the tour's quiz in file order, after `skip` questions answered rightly.
func orderedQuizSession(skip: Int) throws -> CourseSession {
  var session = CourseSession.start(course: quizCourse(orderedTourQuiz), seed: 5, language: .en)
  for _ in 0..<skip {
    try session.answer(try #require(session.rightAnswer))
    try session.answer(.continue)
  }
  return session
}

@Suite struct BadInputTests {
  @Test func outOfRangeChoiceAndOption() throws {
    let scene = try tourAtRoleplay()
    expectRefused(scene, .choice(3), .outOfRange(value: 3, upperBound: 2))
    expectRefused(scene, .choice(0), .outOfRange(value: 0, upperBound: 2))
    expectRefused(scene, line: "7", .outOfRange(value: 7, upperBound: 2))
    let single = try orderedQuizSession(skip: 0)
    expectRefused(single, .single(3), .outOfRange(value: 3, upperBound: 2))
    #expect(
      AnswerError.outOfRange(value: 3, upperBound: 2).message
        == Message(
          fr: "Le numéro 3 n'existe pas : tape un numéro de 1 à 2.",
          en: "There is no number 3: type a number from 1 to 2."))
  }

  @Test func emptyAnswers() throws {
    let scene = try tourAtRoleplay()
    expectRefused(scene, line: "", .empty(expected: .choice(count: 2)))
    expectRefused(scene, line: "   ", .empty(expected: .choice(count: 2)))
    let multiple = try orderedQuizSession(skip: 1)
    expectRefused(multiple, .multiple([]), .empty(expected: .multiple(count: 3)))
    expectRefused(multiple, line: " , ", .empty(expected: .multiple(count: 3)))
    let short = try orderedQuizSession(skip: 5)
    expectRefused(short, .text("  "), .empty(expected: .text))
    expectRefused(short, line: "", .empty(expected: .text))
    #expect(
      AnswerError.empty(expected: .text).message
        == Message(fr: "Réponse vide : tape ta réponse.", en: "Empty answer: type your answer."))
  }

  @Test func malformedListsForMultipleOrderAndMatch() throws {
    let multiple = try orderedQuizSession(skip: 1)
    expectRefused(multiple, line: "1 1", .duplicate(value: 1, expected: .multiple(count: 3)))
    expectRefused(multiple, line: "1 deux", .notANumber(token: "deux", expected: .multiple(count: 3)))
    expectRefused(multiple, line: "1 4", .outOfRange(value: 4, upperBound: 3))
    let order = try orderedQuizSession(skip: 3)
    expectRefused(order, line: "2 1", .wrongCount(given: 2, expected: 3, of: .order(count: 3)))
    expectRefused(order, .order([1, 2, 3, 1]), .duplicate(value: 1, expected: .order(count: 3)))
    expectRefused(order, line: "2 2 1", .duplicate(value: 2, expected: .order(count: 3)))
    expectRefused(order, line: "a b c", .notANumber(token: "a", expected: .order(count: 3)))
    expectRefused(order, line: "1.5 2 3", .notANumber(token: "1.5", expected: .order(count: 3)))
    let match = try orderedQuizSession(skip: 4)
    expectRefused(match, line: "1", .wrongCount(given: 1, expected: 2, of: .match(left: 2, right: 2)))
    expectRefused(match, .match([1, 1]), .duplicate(value: 1, expected: .match(left: 2, right: 2)))
    expectRefused(match, line: "1 3", .outOfRange(value: 3, upperBound: 2))
    #expect(
      AnswerError.wrongCount(given: 2, expected: 3, of: .order(count: 3)).message
        == Message(
          fr:
            "2 numéros donnés, il en faut 3 : tape les 3 numéros dans l'ordre choisi, chacun une fois (ex. : 2 1 3).",
          en: "2 numbers given, 3 needed: type the 3 numbers in your order, each once (e.g. 2 1 3)."))
    #expect(
      AnswerError.duplicate(value: 1, expected: .multiple(count: 3)).message.fr
        == "Le numéro 1 est donné deux fois : tape un ou plusieurs numéros de 1 à 3, séparés par des espaces ou des virgules (ex. : 1 3)."
    )
  }

  @Test func trueFalseWords() throws {
    let session = try orderedQuizSession(skip: 2)
    expectRefused(session, line: "peut-être", .notTrueOrFalse(token: "peut-être"))
    expectRefused(session, line: "3", .outOfRange(value: 3, upperBound: 2))
    expectRefused(session, line: "", .empty(expected: .truefalse))
  }

  @Test func answersOfTheWrongFormAndAfterTheEnd() throws {
    let page = CourseSession.start(course: FormatTour.course, seed: 0, language: .en)
    expectRefused(page, .choice(1), .wrongKind(expected: .anyLine))
    let scene = try tourAtRoleplay()
    expectRefused(scene, .continue, .wrongKind(expected: .choice(count: 2)))
    expectRefused(scene, .retry, .wrongKind(expected: .choice(count: 2)))
    let single = try orderedQuizSession(skip: 0)
    expectRefused(single, .truefalse(true), .wrongKind(expected: .single(count: 2)))
    expectRefused(single, .continue, .wrongKind(expected: .single(count: 2)))
    var feedback = single
    try feedback.answer(.single(1))
    expectRefused(feedback, .single(1), .wrongKind(expected: .anyLine))
    let finished = try #require(try playTour(seed: 1).last)
    #expect(finished.isFinished)
    #expect(finished.current.courseResult != nil)
    expectRefused(finished, .continue, .notWaiting)
    expectRefused(finished, line: "", .notWaiting)
    #expect(
      AnswerError.notWaiting.message
        == Message(
          fr: "Le cours est terminé : aucune réponse n'est attendue.",
          en: "The course is finished: no answer is expected."))
  }
}

@Suite struct AnswerParserTests {
  @Test func readsNumbersListsAndWords() throws {
    #expect(try AnswerParser.parse("2 1 3", expecting: .order(count: 3)) == .order([2, 1, 3]))
    #expect(try AnswerParser.parse("1, 3", expecting: .multiple(count: 3)) == .multiple([1, 3]))
    #expect(try AnswerParser.parse("3,1", expecting: .multiple(count: 3)) == .multiple([3, 1]))
    #expect(try AnswerParser.parse(" 2 ", expecting: .choice(count: 2)) == .choice(2))
    #expect(try AnswerParser.parse("2 1", expecting: .match(left: 2, right: 2)) == .match([2, 1]))
    #expect(try AnswerParser.parse("1", expecting: .single(count: 4)) == .single(1))
    for word in ["v", "V", "vrai", "t", "true", "1", "oui", "yes"] {
      #expect(try AnswerParser.parse(word, expecting: .truefalse) == .truefalse(true), "\(word)")
    }
    for word in ["f", "faux", "false", "2", "non", "no", "FAUX"] {
      #expect(try AnswerParser.parse(word, expecting: .truefalse) == .truefalse(false), "\(word)")
    }
    #expect(try AnswerParser.parse("  9-8-8 ", expecting: .text) == .text("9-8-8"))
    #expect(try AnswerParser.parse("", expecting: .anyLine) == .continue)
    #expect(try AnswerParser.parse("n'importe quoi", expecting: .anyLine) == .continue)
    #expect(try AnswerParser.parse("1", expecting: .retryOrContinue) == .retry)
    #expect(try AnswerParser.parse("2", expecting: .retryOrContinue) == .continue)
    #expect(try AnswerParser.parse("", expecting: .retryOrContinue) == .continue)
    #expect(throws: AnswerError.wrongCount(given: 2, expected: 1, of: .choice(count: 3))) {
      try AnswerParser.parse("1 2", expecting: .choice(count: 3))
    }
    #expect(throws: AnswerError.notANumber(token: "oui", expected: .retryOrContinue)) {
      try AnswerParser.parse("oui", expecting: .retryOrContinue)
    }
  }

  @Test func answerLineGoesThroughTheParser() throws {
    var session = try tourAtRoleplay()
    try session.answer(line: "2")
    #expect(session.current.choiceFeedback?.choiceIndex == 1)
    try session.answer(line: "")
    #expect(session.current.scene?.sceneID == "ouverture")
  }
}

@Suite struct RandomInputTests {
  /// Random typed lines through the whole tour: each is taken or refused with the session unchanged; never a crash.
  @Test func randomLinesNeverBreakASession() throws {
    let tokens = [
      "", " ", "1", "2", "3", "7", "0", "-1", "1 2", "2 1", "1,2,3", "3 2 1", "1 1", "v", "f", "vrai",
      "x", "9-8-8", "988", "1.5", "２", "\u{1B}[31m", "99999999999999999999", ",", "2, 1",
    ]
    var random = SplitMix64(seed: 77)
    for round in 0..<20 {
      var session = CourseSession.start(course: FormatTour.course, seed: UInt64(round), language: .fr)
      var steps = 0
      while !session.isFinished, steps < 400 {
        steps += 1
        let line = tokens[random.below(tokens.count)]
        let before = session
        do {
          try session.answer(line: line)
        } catch {
          #expect(session == before)
          #expect(!error.message.fr.isEmpty && !error.message.en.isEmpty)
        }
      }
    }
  }
}
