import Foundation
import Testing

/// The shipped courses through the built binary: the build fails as soon as one stops validating or passing.
@Suite struct ShippedCoursesCommandTests {
  @Test func everyShippedCourseValidatesCleanly() throws {
    let result = try Entraide.run(["validate", "Courses"], currentDirectory: Entraide.packageRoot)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasSuffix(" 0 errors, 0 warnings\n"), "\(result.stdout)")
    #expect(result.stderr == "")
  }

  @Test func everyShippedCoursePassesTheTestCommand() throws {
    let result = try Entraide.run(["test", "--seeds", "50"], currentDirectory: Entraide.packageRoot)
    #expect(result.status == 0, "\(result.stdout)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let verdicts = lines.filter { $0.hasPrefix("PASS ") || $0.hasPrefix("FAIL ") }
    #expect(verdicts.filter { $0.hasPrefix("FAIL ") } == [])
    for id in ["ecoute-active", "referer", "prevention-suicide"] {
      #expect(verdicts.contains { $0.hasPrefix("PASS \(id) (2 role-plays") }, "\(id) in \(verdicts)")
    }
    #expect(lines.last == "\(verdicts.count) passed, 0 failed")
  }
}
