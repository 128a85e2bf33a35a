import CourseModel
import Crypto
import Foundation
import Testing

@testable import CourseXML

private func tour() throws -> Course {
  let (course, findings) = makeLoader().loadCourse(at: Paths.courses.appendingPathComponent("format-tour.xml"))
  #expect(findings == [])
  return try #require(course)
}

@Test func courseMetadataIsRead() throws {
  let course = try tour()
  #expect(course.version == "1.0")
  #expect(course.duration == "PT15M")
  #expect(course.title.values == ["fr": "Visite du format", "en": "Format tour"])
  #expect(
    course.summary.text("en")
      == "The format tour, for course authors: a small course that shows every element of the format. It is not a training course and counts for no certification. Like every Entraide course, it supports your union's own training; it does not replace it."
  )
  #expect(course.sources == ["https://www.csn.qc.ca/reseau-entraide/"])
  #expect(course.requires == [])
  #expect(course.audience == .authors)
}

@Test func aCourseIsForHelpersUnlessItSaysOtherwise() throws {
  let (course, findings) = makeLoader().loadCourse(at: Paths.courses.appendingPathComponent("referer.xml"))
  #expect(findings.filter { $0.severity == .error } == [])
  #expect(try #require(course).audience == .helpers)
}

@Test func digestIsTheSHA256OfTheFileBytes() throws {
  let data = try Data(contentsOf: Paths.courses.appendingPathComponent("format-tour.xml"))
  let expected = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  #expect(try tour().digest == expected)
  #expect(expected.count == 64)
}

@Test func lessonKeepsInlineMarkupAndLanguages() throws {
  guard case .lesson(let lesson) = try tour().activities[0] else {
    Issue.record("expected a lesson first")
    return
  }
  #expect(lesson.location == SourceLocation(line: 15, column: 3))
  #expect(lesson.pages.count == 2)
  let page = lesson.pages[0]
  #expect(page.location == SourceLocation(line: 18, column: 5))
  #expect(page.blocks.map(\.language) == ["fr", "en", "fr", "en"])
  #expect(page.blocks[0].location == SourceLocation(line: 19, column: 7))
  #expect(
    page.blocks(in: "en")
      == [
        .paragraph([
          .text("The peer helper "), .emphasis([.text("welcomes")]), .text(", "), .strong([.text("listens")]),
          .text(", accompanies and refers."),
        ]),
        .list([[.text("Welcome")], [.text("Listen")]]),
      ])
}

@Test func roleplayIsReadWithEveryLocation() throws {
  guard case .roleplay(let roleplay) = try tour().activities[1] else {
    Issue.record("expected a role-play second")
    return
  }
  #expect(roleplay.id == "pause-cafe")
  #expect(roleplay.start == "accueil")
  #expect(roleplay.pass == 3)
  #expect(roleplay.retries == 1)
  #expect(roleplay.location == SourceLocation(line: 30, column: 3))
  #expect(roleplay.characters == [Persona(id: "luc", name: "Luc", location: SourceLocation(line: 35, column: 5))])
  #expect(roleplay.skills.map(\.id) == ["ecoute", "reference"])
  #expect(roleplay.skills.map(\.min) == [1, nil])
  #expect(
    roleplay.variables == [Variable(name: "confiance", initial: 0, location: SourceLocation(line: 44, column: 5))])
  #expect(roleplay.scenes.map(\.id) == ["accueil", "conseil", "ouverture"])
  #expect(roleplay.endings.map(\.result) == [.pass, .fail])

  let accueil = try #require(roleplay.scene("accueil"))
  #expect(accueil.lines.map(\.language) == ["fr", "en"])
  #expect(accueil.lines[1].text == "I'm fine… just tired.")
  let open = accueil.choices[0]
  #expect(open.location == SourceLocation(line: 49, column: 7))
  #expect(open.say.text("fr") == "Tu as l'air épuisé ces temps-ci. Qu'est-ce qui se passe pour toi ?")
  #expect(open.scores == [ScoreEffect(skill: "ecoute", points: 2, location: SourceLocation(line: 54, column: 9))])
  #expect(
    open.sets == [SetEffect(variable: "confiance", operation: .add(1), location: SourceLocation(line: 55, column: 9))])

  let ouverture = try #require(roleplay.scene("ouverture"))
  #expect(
    ouverture.gotos == [
      Goto(
        to: "fin-reference", condition: .compare(variable: "confiance", .greaterOrEqual, 2),
        location: SourceLocation(line: 75, column: 7))
    ])
  #expect(ouverture.choices[0].once)
  #expect(ouverture.choices[0].condition == .compare(variable: "confiance", .less, 2))
  #expect(ouverture.choices[1].critical)
  #expect(!ouverture.choices[2].critical)
}

@Test func quizIsReadWithEveryQuestionKind() throws {
  guard case .quiz(let quiz) = try tour().activities[2] else {
    Issue.record("expected a quiz third")
    return
  }
  #expect(quiz.passPercent == 75)
  #expect(quiz.shuffle)
  #expect(quiz.draw == 5)
  #expect(quiz.retries == 1)
  #expect(quiz.questions.map(\.id) == ["q-ligne", "q-role", "q-demander", "q-etapes", "q-ressources", "q-988"])
  guard case .single(let options) = quiz.questions[0].kind else {
    Issue.record("expected a single question")
    return
  }
  #expect(options.map(\.correct) == [true, false])
  #expect(options[1].feedback.text("en") == "211 points to community resources; its hours vary by region.")
  #expect(
    quiz.questions[0].explain.text("fr")
      == "1 866 APPELLE répond 24 heures sur 24 ; en cas de danger imminent, c'est le 911.")
  #expect(quiz.questions[2].kind == .truefalse(answer: false))
  guard case .order(let items) = quiz.questions[3].kind, case .match(let pairs) = quiz.questions[4].kind else {
    Issue.record("expected order then match")
    return
  }
  #expect(items.map { $0.text("en") } == ["Welcome", "Listen", "Refer"])
  #expect(pairs.map { $0.right.text("fr") } == ["911", "811, option 2"])
  #expect(quiz.questions[5].kind == .short(accept: ["988", "9-8-8"]))
}

@Test func certificationsAreReadWithDurationsAndPaths() throws {
  let (catalog, findings) = makeLoader().loadCertifications(
    at: Paths.courses.appendingPathComponent("certifications.xml"))
  #expect(findings == [])
  let sentinel = try #require(catalog?.certification("sentinelle"))
  #expect(sentinel.validity == DateDuration(years: 1))
  #expect(sentinel.window == DateDuration(days: 60))
  #expect(sentinel.lapse == DateDuration(months: 6))
  #expect(sentinel.title.text("fr") == "Sentinelle en prévention du suicide")
  #expect(
    sentinel.initial == [CourseReference(courseID: "prevention-suicide", location: SourceLocation(line: 19, column: 7))]
  )
  #expect(sentinel.location == SourceLocation(line: 15, column: 3))
  #expect(catalog?.certifications(grantedBy: "referer").map(\.id) == ["entraidant"])
}

@Test func columnsCountCharactersAndFollowEachElementOnALine() throws {
  // Line 133: `<option correct="true"><text xml:lang="fr">Écouter</text><text xml:lang="en">Listen</text></option>`
  guard case .quiz(let quiz) = try tour().activities[2], case .multiple(let options) = quiz.questions[1].kind else {
    Issue.record("expected the multiple question")
    return
  }
  #expect(options[0].location == SourceLocation(line: 133, column: 7))
  let source = SourceText(bytes: Array("<a>\n  <é/><b/><b/>\n</a>".utf8))
  #expect(
    source.startTagOffsets().map(source.location(ofOffset:)) == [
      SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 3), SourceLocation(line: 2, column: 7),
      SourceLocation(line: 2, column: 11),
    ])
}

@Test func startTagScanSkipsCommentsCDATAAndInstructions() {
  let text = "<?xml version=\"1.0\"?>\n<!-- <x> -->\n<a><![CDATA[<y>]]><?pi <z>?><b/></a>"
  let source = SourceText(bytes: Array(text.utf8))
  #expect(
    source.startTagOffsets().map(source.location(ofOffset:)) == [
      SourceLocation(line: 3, column: 1), SourceLocation(line: 3, column: 29),
    ])
}

@Test func startTagScanStopsCleanlyAtTheEnd() {
  // An unterminated comment hides the rest; a `<` as the last byte is no tag.
  let open = SourceText(bytes: Array("<a>\n<!-- <b>\n<c/>".utf8))
  #expect(open.startTagOffsets() == [0])
  #expect(open.lineStarts == [0, 4, 13])
  let trailing = SourceText(bytes: Array("<a/>\r\n<b/><".utf8))
  #expect(trailing.startTagOffsets() == [0, 6])
  #expect(trailing.location(ofOffset: 6) == SourceLocation(line: 2, column: 1))
  #expect(SourceText(bytes: []).startTagOffsets() == [])
  #expect(SourceText(bytes: []).lineStarts == [0])
  #expect(SourceText(bytes: Array("\n\n".utf8)).lineStarts == [0, 1, 2])
}

@Test func locationsInOnePassMatchLocationsOneByOne() throws {
  let text = try String(contentsOf: Paths.courses.appendingPathComponent("ecoute-active.xml"), encoding: .utf8)
  let source = SourceText(bytes: Array(text.utf8))
  let offsets = source.startTagOffsets()
  #expect(offsets.count > 300)
  #expect(source.locations(ofAscendingOffsets: offsets) == offsets.map(source.location(ofOffset:)))
  let small = SourceText(bytes: Array("é<a>\n\n  <b><c/>\nxé<d/>".utf8))
  let some = [2, 9, 12, 20]
  #expect(
    small.locations(ofAscendingOffsets: some) == [
      SourceLocation(line: 1, column: 2), SourceLocation(line: 3, column: 3), SourceLocation(line: 3, column: 6),
      SourceLocation(line: 4, column: 3),
    ])
  #expect(small.locations(ofAscendingOffsets: some) == some.map(small.location(ofOffset:)))
}
