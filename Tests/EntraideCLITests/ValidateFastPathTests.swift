import ArgumentParser
import CourseModel
import Foundation
import Testing

@testable import entraide

/// The lines `validate` reads itself must mean what they mean to ArgumentParser.
@Suite struct ValidateFastPathTests {
  /// Lines the fast path reads, with what it must find.
  static let accepted: [([String], ValidateInvocation)] = [
    (["validate"], ValidateInvocation()),
    (["validate", "Courses"], ValidateInvocation(paths: ["Courses"])),
    (["validate", "a.xml", "b dir/", "c.xml"], ValidateInvocation(paths: ["a.xml", "b dir/", "c.xml"])),
    (["validate", "--format", "json", "x.xml"], ValidateInvocation(format: .json, paths: ["x.xml"])),
    (["validate", "--format=json", "x.xml"], ValidateInvocation(format: .json, paths: ["x.xml"])),
    (["validate", "--format", "text"], ValidateInvocation(format: .text)),
    (["validate", "--lang", "fr", "x.xml"], ValidateInvocation(lang: .fr, paths: ["x.xml"])),
    (["validate", "--lang=EN"], ValidateInvocation(lang: .en)),
    (
      ["validate", "x.xml", "--courses", "/opt/c", "y.xml"],
      ValidateInvocation(courses: "/opt/c", paths: ["x.xml", "y.xml"])
    ),
    (["validate", "--courses=c d"], ValidateInvocation(courses: "c d")),
    (["validate", "--no-color", "x.xml"], ValidateInvocation(noColor: true, paths: ["x.xml"])),
    (["validate", "--db", "r.sqlite", "--by", "marie"], ValidateInvocation(db: "r.sqlite", by: "marie")),
    (
      ["validate", "--lang", "en", "--format", "json", "--courses", "C", "--no-color", "--db", "d", "--by", "b", "p"],
      ValidateInvocation(
        db: "d", courses: "C", lang: .en, noColor: true, by: "b", format: .json, paths: ["p"])
    ),
  ]

  /// Lines left to ArgumentParser: help, unknown or short options, bad or missing values, repeats, `--`.
  static let declined: [[String]] = [
    [], ["courses"], ["--lang", "fr", "validate"], ["validate", "--help"], ["validate", "-h"], ["validate", "help"],
    ["validate", "--version"], ["validate", "--format", "xml"], ["validate", "--format"], ["validate", "--lang", "de"],
    ["validate", "--lang", "fr", "--lang", "en"], ["validate", "--no-color=1"], ["validate", "--courses", "--lang"],
    ["validate", "--courses="], ["validate", "--", "-odd.xml"], ["validate", "-"], ["validate", ""],
    ["validate", "--plain"], ["validate", "--unknown", "x"],
  ]

  @Test(arguments: accepted)
  func readsAPlainLine(_ arguments: [String], _ expected: ValidateInvocation) throws {
    #expect(ValidateInvocation(arguments: arguments) == expected)
  }

  @Test(arguments: accepted.map(\.0))
  func agreesWithArgumentParser(_ arguments: [String]) throws {
    let fast = try #require(ValidateInvocation(arguments: arguments))
    let parsed = try #require(try entraide.Entraide.parseAsRoot(arguments) as? ValidateCommand)
    #expect(fast.db == parsed.global.db)
    #expect(fast.courses == parsed.global.courses)
    #expect(fast.lang == parsed.global.lang)
    #expect(fast.noColor == parsed.global.noColor)
    #expect(fast.by == parsed.global.by)
    #expect(fast.format == parsed.format)
    #expect(fast.paths == parsed.paths)
  }

  @Test(arguments: declined)
  func leavesTheRestToArgumentParser(_ arguments: [String]) {
    #expect(ValidateInvocation(arguments: arguments) == nil)
  }
}

/// The same validation read by the fast path and by ArgumentParser (`--` sends it there) prints the same.
@Test func theFastPathAndArgumentParserPrintTheSame() throws {
  let path = ValidateFixtures.path("unknown-scene-choice.xml")
  for language in ["en", "fr"] {
    for format in ["text", "json"] {
      let fast = try Entraide.run(
        ["validate", "--lang", language, "--format", format, path], currentDirectory: Entraide.packageRoot)
      let parsed = try Entraide.run(
        ["validate", "--lang", language, "--format", format, "--", path], currentDirectory: Entraide.packageRoot)
      #expect(fast.stdout == parsed.stdout)
      #expect(fast.stderr == parsed.stderr)
      #expect(fast.status == 1)
      #expect(parsed.status == 1)
    }
  }
  let missing = try Entraide.run(["validate", "--courses", "/nonexistent/courses"])
  let missingParsed = try Entraide.run(["validate", "--courses=/nonexistent/courses", "--"])
  #expect(
    missing.stderr
      == "entraide: error: The courses folder “/nonexistent/courses” does not exist; give it with --courses.\n")
  #expect(missing.stderr == missingParsed.stderr)
  #expect(missing.status == 2)
  #expect(missingParsed.status == 2)
}
