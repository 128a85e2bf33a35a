import ArgumentParser
import CourseModel
import CourseXML
import Foundation
import Reports

/// `entraide courses [show ID]`: the courses of the courses folder, or one course's outline.
struct CoursesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "courses",
    abstract: Message(fr: "Lister les cours, ou en décrire un.", en: "List the courses, or outline one.").help,
    subcommands: [CoursesListCommand.self, CoursesShowCommand.self],
    defaultSubcommand: CoursesListCommand.self)
}

/// `entraide courses list`: one line per course, with what it counts for.
struct CoursesListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: Message(fr: "Lister les cours.", en: "List the courses.").help)

  @OptionGroup var global: GlobalOptions

  func run() async throws {
    try await global.reportingErrors {
      let catalogue = try global.usableCatalogue()
      print(CourseOutline.list(catalogue.courses, catalog: catalogue.certifications, language: global.language))
    }
  }
}

/// `entraide courses show ID`: a course's outline (activities, prerequisites, certifications, sources).
struct CoursesShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: Message(fr: "Décrire un cours.", en: "Outline one course.").help)

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant ou fichier du cours.", en: "Course id or file.")) var course: String

  func run() async throws {
    try await global.reportingErrors {
      let catalogue = try global.usableCatalogue()
      let course = try catalogue.course(named: self.course, language: global.language)
      print(CourseOutline.render(course, catalog: catalogue.certifications, language: global.language))
    }
  }
}
