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

/// Found by `make fuzz` (conditions): 3,600 opening parentheses overflowed the stack.
@Test func deepNestingIsRefusedNotOverflowed() throws {
  let allowed = String(repeating: "(", count: 31) + "a = 1" + String(repeating: ")", count: 31)
  #expect(try Condition.parse(allowed).holds(["a": 1]))
  let deep = String(repeating: "(", count: 3600) + "a = 1"
  do {
    _ = try Condition.parse(deep)
    Issue.record("parsed 3,600 nested parentheses")
  } catch {
    #expect(error.offset == 32)
    #expect(
      error.message.en.hasPrefix(
        "more than 32 levels of parentheses or 'not'; simplify the condition in condition '((("))
    #expect(
      error.message.fr.hasPrefix(
        "plus de 32 niveaux de parenthèses ou de « not » ; simplifiez la condition dans la condition « ((("))
  }
}

@Test func tooManyComparisonsAreRefused() throws {
  let many = Array(repeating: "a = 1", count: 201).joined(separator: " and ")
  do {
    _ = try Condition.parse(many)
    Issue.record("parsed 201 comparisons")
  } catch {
    #expect(error.message.en.hasPrefix("more than 200 comparisons; simplify the condition in condition 'a = 1 and"))
  }
  let enough = Array(repeating: "a = 1", count: 200).joined(separator: " and ")
  #expect(try Condition.parse(enough).holds(["a": 1]))
}
