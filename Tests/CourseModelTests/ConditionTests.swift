import CourseModel
import Testing

@Test func andBindsTighterThanOr() throws {
  let condition = try Condition.parse("a >= 2 or b = 1 and not c != 0")
  #expect(condition.description == "(a >= 2 or (b = 1 and not c != 0))")
  #expect(condition.holds(["a": 2]))
  #expect(condition.holds(["b": 1, "c": 0]))
  #expect(!condition.holds(["b": 1, "c": 3]))
}

@Test func parenthesesAndNegativeNumbers() throws {
  let condition = try Condition.parse("not (confiance < -1 or colere <= 0)")
  #expect(condition.holds(["confiance": 0, "colere": 1]))
  #expect(!condition.holds(["confiance": -2, "colere": 1]))
  #expect(condition.variables == ["confiance", "colere"])
}

@Test func syntaxErrorsSayWhatWasExpected() {
  #expect(throws: ConditionSyntaxError.self) { try Condition.parse("confiance >=") }
  do {
    _ = try Condition.parse("confiance 2")
    Issue.record("parsed a condition with no operator")
  } catch {
    #expect(error.message.en == "operator expected after 'confiance' (>=, >, =, !=, <, <=) in condition 'confiance 2'")
    #expect(
      error.message.fr
        == "opérateur attendu après « confiance » (>=, >, =, !=, <, <=) dans la condition « confiance 2 »")
  }
}
