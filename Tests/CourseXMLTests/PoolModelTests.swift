import CourseModel
import Foundation
import Testing

@testable import CourseXML

@Test func poolIsReadWithItsDrawActivitiesAndSourceLines() throws {
  let (loaded, findings) = makeLoader().loadCourse(at: Paths.fixture("pool-valid.xml"))
  #expect(findings == [])
  let course = try #require(loaded)
  guard case .pool(let pool) = try #require(course.activities.first) else {
    Issue.record("expected a pool")
    return
  }
  #expect(pool.id == "situations")
  #expect(pool.draw == 2)
  #expect(pool.location == SourceLocation(line: 4, column: 3))
  #expect(pool.activities.map(\.id) == ["casino", "deuil", "conflit"])
  #expect(pool.activities.map(\.location.line) == [5, 14, 23])
  #expect(course.activities.count == 1)
  #expect(course.allActivities.map(\.id) == ["casino", "deuil", "conflit"])
  #expect(course.pool(holding: "deuil")?.id == "situations")
  #expect(course.pool(holding: "situations") == nil)
  #expect(Activity.pool(pool).isGraded)
}

@Test func poolDrawsOneByDefault() throws {
  // The file has a lint error (a duplicate id) but is schema-valid: its model is built.
  let course = try #require(makeLoader().loadCourse(at: Paths.fixture("pool-duplicate-activity-id.xml")).course)
  guard case .pool(let pool) = try #require(course.activities.first) else {
    Issue.record("expected a pool")
    return
  }
  #expect(pool.draw == 1)
}

@Test func sceneCharacterAndSkillIdsStayScopedToTheirRoleplayInsideAPool() {
  // The three role-plays of the pool each have scene `a`, ending `fin` and character `luc`.
  #expect(findings("pool-valid.xml") == [])
}
