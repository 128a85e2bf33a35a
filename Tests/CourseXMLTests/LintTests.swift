import CourseModel
import Foundation
import Testing

@testable import CourseXML

/// One lint fixture and the one finding it must give (exact line, column and message).
struct LintCase: Sendable, CustomTestStringConvertible {
  var fixture: String
  var code: String
  var line: Int
  var column: Int
  var english: String
  var severity: Finding.Severity = .error

  var testDescription: String { fixture }
}

let lintCases: [LintCase] = [
  LintCase(
    fixture: "duplicate-activity-id", code: "duplicate-id", line: 13, column: 3,
    english: "activity id 'r' is already defined at line 4; give each lesson, role-play and quiz its own id"),
  LintCase(
    fixture: "duplicate-scene-id", code: "duplicate-id", line: 15, column: 5,
    english: "id 'fin' is already defined at line 11; give each scene and ending its own id"),
  LintCase(
    fixture: "duplicate-question-id", code: "duplicate-id", line: 7, column: 5,
    english: "question id 't1' is already defined at line 6; give each question its own id"),
  LintCase(
    fixture: "duplicate-skill-id", code: "duplicate-id", line: 8, column: 5,
    english: "skill 'ecoute' is already defined at line 7; remove the duplicate or rename it"),
  LintCase(
    fixture: "duplicate-character-id", code: "duplicate-id", line: 7, column: 5,
    english: "character 'luc' is already defined at line 6; remove the duplicate or rename it"),
  LintCase(
    fixture: "duplicate-var", code: "duplicate-id", line: 8, column: 5,
    english: "variable 'confiance' is already defined at line 7; remove the duplicate or rename it"),
  LintCase(
    fixture: "unknown-scene-choice", code: "unknown-scene", line: 9, column: 7,
    english: "scene 'fni' is referenced by a choice at line 9 but not defined; defined scenes: a; defined endings: fin"),
  LintCase(
    fixture: "unknown-scene-goto", code: "unknown-scene", line: 9, column: 7,
    english:
      "scene 'ailleurs' is referenced by a goto at line 9 but not defined; defined scenes: a; defined endings: fin"),
  LintCase(
    fixture: "unknown-start", code: "unknown-scene", line: 4, column: 3,
    english:
      "scene 'debut' is the start of role-play 'r' at line 4 but is not defined; defined scenes: a; defined endings: fin"
  ),
  LintCase(
    fixture: "unknown-skill", code: "unknown-skill", line: 10, column: 41,
    english: "skill 'empathie' is scored at line 10 but not defined; defined skills: ecoute"),
  LintCase(
    fixture: "unknown-variable-set", code: "unknown-variable", line: 10, column: 41,
    english:
      "variable 'confience' is set at line 10 but not declared; add <var name=\"confience\"/> (declared variables: confiance)"
  ),
  LintCase(
    fixture: "unknown-variable-condition", code: "unknown-variable", line: 10, column: 7,
    english:
      "variable 'colere' is read by a condition at line 10 but not declared; add <var name=\"colere\"/> "
      + "(declared variables: confiance)"),
  LintCase(
    fixture: "unknown-character", code: "unknown-character", line: 8, column: 7,
    english: "character 'marie' speaks at line 8 but is not defined; defined characters: luc"),
  LintCase(
    fixture: "bad-condition", code: "bad-condition", line: 10, column: 7,
    english:
      "unreadable condition: integer expected after 'confiance >=' in condition 'confiance >='; "
      + "write for example 'confiance >= 2 and not (colere > 1)'"),
  LintCase(
    fixture: "unreachable-scene", code: "unreachable", line: 11, column: 5,
    english: "scene 'oubliee' cannot be reached from 'a'; add a choice or goto that leads to it, or remove it"),
  LintCase(
    fixture: "unreachable-ending", code: "unreachable", line: 12, column: 5,
    english: "ending 'jamais' cannot be reached from 'a'; add a choice or goto that leads to it, or remove it",
    severity: .warning),
  LintCase(
    fixture: "dead-end-scene", code: "dead-end", line: 12, column: 5,
    english: "scene 'impasse' has no way out (no goto and no choice); add a <goto> or a <choice>"),
  LintCase(
    fixture: "no-right-answer-single", code: "no-right-answer", line: 6, column: 5,
    english: "question 's' (single) has 2 right answer(s); mark exactly one option correct=\"true\""),
  LintCase(
    fixture: "no-right-answer-multiple", code: "no-right-answer", line: 6, column: 5,
    english: "question 'm' (multiple) has no right answer; mark at least one option correct=\"true\""),
  LintCase(
    fixture: "no-right-answer-short", code: "no-right-answer", line: 6, column: 5,
    english: "question 'c' (short) accepts no answer; add an <accept>"),
  LintCase(
    fixture: "no-right-answer-order", code: "no-right-answer", line: 6, column: 5,
    english: "question 'o' (order) has 1 item(s); it needs at least 2 to put in order"),
  LintCase(
    fixture: "no-right-answer-match", code: "no-right-answer", line: 6, column: 5,
    english: "question 'a' (match) has 1 pair(s); it needs at least 2 to match"),
  LintCase(
    fixture: "draw-too-large", code: "draw-too-large", line: 4, column: 3,
    english: "draw=\"3\" draws more questions than the quiz has (2); lower draw or add questions"),
  LintCase(
    fixture: "quiz-pass-above-100", code: "pass-too-high", line: 4, column: 3,
    english: "pass=\"120%\" is above 100%; give a percentage from 0 to 100"),
  LintCase(
    fixture: "roleplay-pass-too-high", code: "pass-too-high", line: 4, column: 3,
    english:
      "pass=\"4\" is above the most points a run can score before a passing ending (3); lower it or add points"),
  LintCase(
    fixture: "skill-min-too-high", code: "pass-too-high", line: 7, column: 5,
    english:
      "min=\"3\" of skill 'ecoute' is above the most points a run can score in it before a passing ending (2); "
      + "lower it or add points"),
  LintCase(
    fixture: "id-filename-mismatch", code: "id-filename", line: 2, column: 1,
    english: "course id 'autre-nom' does not match file name 'id-filename-mismatch.xml'; rename the file autre-nom.xml",
    severity: .warning),
  LintCase(
    fixture: "set-operation", code: "set-operation", line: 10, column: 41,
    english: "<set var=\"confiance\"> needs either add or value (exactly one of them)"),
  LintCase(
    fixture: "missing-translation-title", code: "missing-translation", line: 3, column: 3,
    english:
      "<title> has no text in English in course 'missing-translation-title'; add <title xml:lang=\"en\">"),
  LintCase(
    fixture: "missing-translation-say", code: "missing-translation", line: 13, column: 9,
    english: "<say> has no text in English in the choice at line 12 (scene 'a'); add <say xml:lang=\"en\">"),
  LintCase(
    fixture: "missing-translation-feedback", code: "missing-translation", line: 15, column: 9,
    english:
      "<feedback> has no text in French in the choice at line 12 (scene 'a'); add <feedback xml:lang=\"fr\">"),
  LintCase(
    fixture: "missing-translation-prompt", code: "missing-translation", line: 9, column: 7,
    english: "<prompt> has no text in English in question 't'; add <prompt xml:lang=\"en\">"),
  LintCase(
    fixture: "missing-translation-option", code: "missing-translation", line: 12, column: 15,
    english: "<text> has no text in English in option 2 of question 's'; add <text xml:lang=\"en\">"),
  LintCase(
    fixture: "missing-translation-line", code: "missing-translation", line: 9, column: 5,
    english: "scene 'a' has 1 line(s) in English but 2 in another language; translate every <line>"),
  LintCase(
    fixture: "missing-translation-page", code: "missing-translation", line: 8, column: 5,
    english:
      "page 1 of lesson 'l' has 1 block(s) in English but 2 in another language; translate every <p> and <list>"),
  LintCase(
    fixture: "undeclared-language", code: "undeclared-language", line: 8, column: 5,
    english:
      "<title> is in language 'es', which the course does not declare (languages=\"fr en\"); "
      + "fix xml:lang or add the language"),
  LintCase(
    fixture: "duplicate-text", code: "duplicate-text", line: 7, column: 5,
    english: "<title> in French is already given at line 6 in lesson 'l'; keep only one"),
  LintCase(
    fixture: "unknown-required-course", code: "unknown-course", line: 4, column: 3,
    english: "required course 'ecoute-active' does not exist; known courses: unknown-required-course"),
  // Pools (DESIGN §3): the schema's grammar said plainly, then lint.
  LintCase(
    fixture: "pool-one-activity", code: "schema", line: 4, column: 3,
    english:
      "a <pool> holds two or more activities (<lesson>, <roleplay> or <quiz>); "
      + "add some, or remove the <pool> and keep its activity on its own"),
  LintCase(
    fixture: "pool-empty", code: "schema", line: 4, column: 3,
    english:
      "a <pool> holds two or more activities (<lesson>, <roleplay> or <quiz>); "
      + "add some, or remove the <pool> and keep its activity on its own"),
  LintCase(
    fixture: "pool-draw-zero", code: "schema", line: 4, column: 3,
    english: "attribute draw of <pool> is '0', which is not a whole number above 0"),
  LintCase(
    fixture: "pool-draw-too-large", code: "draw-too-large", line: 4, column: 3,
    english:
      "draw=\"3\" of pool 'situations' is more than its 2 activities; set draw between 1 and 2, "
      + "or add activities to the pool"),
  LintCase(
    fixture: "pool-inside-pool", code: "schema", line: 23, column: 5,
    english:
      "a <pool> cannot hold another <pool>; put its activities directly in the outer <pool>, "
      + "or place it after that one"),
  LintCase(
    fixture: "pool-duplicate-activity-id", code: "duplicate-id", line: 14, column: 5,
    english: "activity id 'casino' is already defined at line 5; give each lesson, role-play and quiz its own id"),
  LintCase(
    fixture: "pool-duplicate-across-course", code: "duplicate-id", line: 23, column: 5,
    english: "activity id 'deuil' is already defined at line 4; give each lesson, role-play and quiz its own id"),
  LintCase(
    fixture: "pool-unknown-character", code: "unknown-character", line: 18, column: 9,
    english: "character 'lea' speaks at line 18 but is not defined; defined characters: luc"),
]

@Test(arguments: lintCases)
func lintRuleGivesOneFinding(_ lintCase: LintCase) {
  let path = Paths.fixture("\(lintCase.fixture).xml").path
  let report = makeLoader().validate(paths: [path])
  #expect(
    report.findings == [
      Finding(
        path: path, location: SourceLocation(line: lintCase.line, column: lintCase.column),
        severity: lintCase.severity, code: lintCase.code,
        message: report.findings.first?.message ?? Message(fr: "", en: ""))
    ])
  #expect(report.findings.first?.message.en == lintCase.english)
  #expect(report.findings.first?.message.fr.isEmpty == false)
}

@Test func referenceMessagesReadNaturallyInFrench() throws {
  let choice = try #require(findings("unknown-scene-choice.xml").first)
  #expect(
    choice.message.fr
      == "la scène « fni » est visée par un choix à la ligne 9 mais n'est pas définie ; "
      + "scènes définies : a ; fins définies : fin")
  let title = try #require(findings("missing-translation-title.xml").first)
  #expect(
    title.message.fr
      == "<title> n'a pas de texte en anglais dans le cours « missing-translation-title » ; "
      + "ajoutez <title xml:lang=\"en\">")
}

@Test func aValidMinimalCourseHasNoFinding() {
  #expect(findings("valid-minimal.xml") == [])
}

@Test func passBoundFollowsPathsNotTheSumOfAllChoices() throws {
  // a→b scores 2 then 1: the best is 3, though every positive choice together would give 4.
  let (course, _) = makeLoader().loadCourse(at: Paths.fixture("roleplay-pass-too-high.xml"))
  guard case .roleplay(let roleplay)? = try #require(course).activities.first else {
    Issue.record("expected a role-play")
    return
  }
  let bound = PointsBound(roleplay)
  #expect(bound.best(points: { $0.scores.reduce(0) { $0 + max(0, $1.points) } }) == 3)
}

@Test func passBoundIsUnknownWhenARepeatableChoiceScoresInACycle() {
  let roleplay = Roleplay(
    id: "r", start: "a",
    scenes: [
      Scene(
        id: "a",
        choices: [
          Choice(scores: [ScoreEffect(skill: "s", points: 1)], to: "a"),
          Choice(to: "fin"),
        ])
    ],
    endings: [Ending(id: "fin", result: .pass)])
  #expect(PointsBound(roleplay).best(points: { $0.scores.reduce(0) { $0 + $1.points } }) == nil)
  var once = roleplay
  once.scenes[0].choices[0].once = true
  #expect(PointsBound(once).best(points: { $0.scores.reduce(0) { $0 + $1.points } }) == 1)
}

@Test func formatTourPassMarkIsReachable() throws {
  let (course, _) = makeLoader().loadCourse(at: Paths.courses.appendingPathComponent("format-tour.xml"))
  guard case .roleplay(let roleplay)? = try #require(course).activities.dropFirst().first else {
    Issue.record("expected the role-play second")
    return
  }
  // accueil → ouverture (+2), the once reflection (+1), then the referral (+2).
  #expect(PointsBound(roleplay).best(points: { $0.scores.reduce(0) { $0 + max(0, $1.points) } }) == 5)
}
