import CourseEngine
import CourseModel
import CourseXML
import Foundation
import Testing

@Suite struct LoadedTourTests {
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// The shipped tour, read by the real loader.
  static func loadTour() throws -> Course {
    let courses = packageRoot.appendingPathComponent("Courses")
    let loader = CourseLoader(schemaDirectory: courses.appendingPathComponent("schema"))
    let (course, findings) = loader.loadCourse(at: courses.appendingPathComponent("format-tour.xml"))
    #expect(findings.filter { $0.severity == .error } == [])
    return try #require(course)
  }

  @Test func theShippedTourPlaysExactlyLikeItsSwiftCopy() throws {
    var loaded = try Self.loadTour()
    #expect(!loaded.digest.isEmpty)
    #expect(loaded.digest != FormatTour.course.digest)
    loaded.digest = FormatTour.course.digest
    for seed: UInt64 in [0, 1, 2024] {
      for language in [Language.fr, .en] {
        var fromFile = CourseSession.start(course: loaded, seed: seed, language: language)
        var fromSwift = CourseSession.start(course: FormatTour.course, seed: seed, language: language)
        let straight = try playTour(seed: seed, language: language)
        // Drive the loaded course with the same answers, checking each step and state against the Swift copy.
        for next in straight.dropFirst() {
          let answer = try StateTests().answerBetween(fromSwift, next)
          #expect(fromFile.current == fromSwift.current)
          try fromFile.answer(answer)
          try fromSwift.answer(answer)
          #expect(fromFile.stateJSON() == fromSwift.stateJSON())
        }
        #expect(fromFile.result == straight.last?.result)
      }
    }
  }

  @Test func theShippedTourExploresLikeItsSwiftCopy() throws {
    let loaded = try Self.loadTour()
    let check = Explorer().check(loaded, quizSeeds: 50)
    #expect(check.passed)
    #expect(check.report(language: .en) == Explorer().check(FormatTour.course, quizSeeds: 50).report(language: .en))
  }
}
