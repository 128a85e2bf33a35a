import CourseModel
import Foundation
import Registry

extension GlobalOptions {
  /// The course catalogue `record` and `status` need: the courses of the courses folder and
  /// `<courses>/certifications.xml`.
  func loadCourseIndex() throws -> CourseIndex {
    // Wired to CourseXML's loader once it lands (branch `xml`).
    throw UserError(
      Message(
        fr: "Le catalogue des cours n’est pas encore lisible par cette version.",
        en: "The course catalogue cannot be read by this version yet."),
      exitCode: 1)
  }
}
