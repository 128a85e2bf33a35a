import ArgumentParser
import CourseModel
import Registry

/// `entraide record HELPER COURSE --date YYYY-MM-DD [--note T]`: a course passed in person.
struct RecordCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record a course passed in person. / Enregistrer un cours suivi en personne.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Helper id. / Identifiant de l’entraidant·e.") var helper: String
  @Argument(help: "Course id. / Identifiant du cours.") var course: String
  @Option(help: "The day it was passed, YYYY-MM-DD. / Le jour de la réussite, AAAA-MM-JJ.") var date: String
  @Option(help: "A note for the record (e.g. where). / Une note (p. ex. le lieu).") var note: String?

  func run() async throws {
    try await global.reportingErrors {
      let day = try parseDate(date, option: "--date")
      let today = try global.today()
      let courses = try global.usableCatalogue().courseIndex
      let registry = try global.openRegistry()
      let outcome = try mappingRegistryErrors {
        try registry.record(helperID: helper, courseID: course, on: day, note: note, today: today, courses: courses)
      }
      let language = global.language
      let helperID = outcome.attempt.helperID.strippingControlCharacters()
      let courseID = outcome.attempt.courseID.strippingControlCharacters()
      print(
        Message(
          fr: "Cours « \(courseID) » enregistré pour \(helperID), réussi le \(day).",
          en: "Course “\(courseID)” recorded for \(helperID), passed on \(day)."
        ).text(language))
      for effect in outcome.effects {
        print(effect.message.text(language).strippingControlCharacters())
      }
    }
  }
}
