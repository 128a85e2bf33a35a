import CourseModel
import Foundation

/// Finding and loading course files for the runner and the menu.
enum CourseFiles {
  /// The course named by `argument` (a path to a file, or a course id in the courses folder), validated:
  /// a file that fails validation is refused with its findings (exit 2).
  static func loadForRun(_ argument: String, global: GlobalOptions) throws -> Course {
    throw UserError(Message(fr: "Chargeur de cours indisponible.", en: "Course loader unavailable."), exitCode: 2)
  }

  /// Every course of the courses folder that loads and validates, by id.
  static func all(global: GlobalOptions) -> [Course] {
    []
  }

  /// The certifications of the courses folder (`certifications.xml`); none when the file is missing.
  static func certifications(global: GlobalOptions) throws -> CertificationCatalog {
    CertificationCatalog()
  }
}
