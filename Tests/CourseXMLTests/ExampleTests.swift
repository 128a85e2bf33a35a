import CourseModel
import Foundation
import Testing

@testable import CourseXML

@Test func formatTourLoadsWithoutFindings() throws {
  let (course, findings) = makeLoader().loadCourse(at: Paths.courses.appendingPathComponent("format-tour.xml"))
  #expect(findings == [])
  let tour = try #require(course)
  #expect(tour.id == "format-tour")
  #expect(tour.languages == ["fr", "en"])
  #expect(tour.activities.map(\.id) == ["intro", "pause-cafe", "verification", "rappels"])
  #expect(
    tour.allActivities.map(\.id) == ["intro", "pause-cafe", "verification", "rappel-ressources", "rappel-limites"])
  #expect(tour.location == SourceLocation(line: 7, column: 1))
}

@Test func certificationsLoadWithoutFindings() throws {
  let (catalog, findings) = makeLoader().loadCertifications(
    at: Paths.courses.appendingPathComponent("certifications.xml"))
  #expect(findings == [])
  let certifications = try #require(catalog).certifications
  #expect(certifications.map(\.id) == ["entraidant", "sentinelle"])
}
