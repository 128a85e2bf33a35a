import ArgumentParser
import CourseModel
import Foundation
import Registry
import Reports

/// `entraide record HELPER COURSE --date YYYY-MM-DD [--note T]`: a course passed in person;
/// `entraide record --from FILE.csv`: a training day's attendance sheet, every row or none.
struct RecordCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: Message(fr: "Enregistrer un cours suivi en personne.", en: "Record a course passed in person.").help)

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant de l'entraidant·e (voir « entraide helpers list »).", en: "Helper id."))
  var helper: String?
  @Argument(help: .local(fr: "Identifiant du cours.", en: "Course id.")) var course: String?
  @Option(help: .local(fr: "Le jour de la réussite, AAAA-MM-JJ.", en: "The day it was passed, YYYY-MM-DD.")) var date:
    DayOption?
  @Option(help: .local(fr: "Une note (p. ex. le lieu).", en: "A note for the record (e.g. where).")) var note: String?
  @Option(
    help: .local(
      fr: "Une feuille de présence (CSV : identifiant,cours,date[,note]) ; toutes les lignes ou aucune.",
      en: "An attendance sheet (CSV: helper_id,course,date[,note]); every row or none.",
      valueName: "file"))
  var from: String?

  func validate() throws {
    if from != nil {
      guard helper == nil, course == nil, date == nil, note == nil else {
        throw ValidationError(
          Message(
            fr: "--from s’emploie seul : la feuille donne l’entraidant·e, le cours, la date et la note.",
            en: "--from takes no HELPER, COURSE, --date or --note: the sheet gives them."
          ).text(global.language))
      }
    } else {
      guard helper != nil, course != nil, date != nil else {
        throw ValidationError(
          Message(
            fr: "Indiquez HELPER COURSE --date AAAA-MM-JJ, ou --from FICHIER.csv.",
            en: "Give HELPER COURSE --date YYYY-MM-DD, or --from FILE.csv."
          ).text(global.language))
      }
      try global.checkingOptions { _ = try date?.checked(option: "--date") }
    }
  }

  func run() async throws {
    if let from {
      try await recordSheet(from)
      return
    }
    guard let helper, let course, let date else { return }
    try await global.reportingErrors {
      let day = try date.checked(option: "--date")
      let today = try global.today()
      let courses = try global.usableCatalogue().courseIndex
      let registry = try global.openRegistry()
      let outcome = try mappingRegistryErrors {
        try registry.record(helperID: helper, courseID: course, on: day, note: note, today: today, courses: courses)
      }
      print(
        RecordReport.single(
          helperID: outcome.attempt.helperID, courseID: outcome.attempt.courseID, on: day,
          effects: outcome.effects.map(\.message), language: global.language))
    }
  }

  /// Records every row of the sheet at `path`, or none.
  func recordSheet(_ path: String) async throws {
    try await global.reportingErrors {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw UserError(
          Message(fr: "Impossible de lire le fichier « \(path) ».", en: "Cannot read the file “\(path)”."),
          exitCode: 2)
      }
      let rows = try mappingRegistryErrors { try AttendanceCSV.parse(data) }
      let today = try global.today()
      let courses = try global.usableCatalogue().courseIndex
      let registry = try global.openRegistry()
      let name = URL(fileURLWithPath: path).lastPathComponent
      let outcome = try mappingRegistryErrors {
        try registry.recordAttendance(rows, source: name, today: today, courses: courses)
      }
      print(
        RecordReport.sheet(
          recorded: outcome.recorded, helpers: outcome.helpers, file: name,
          effects: outcome.cycles.map { (helperID: $0.cycle?.helperID ?? "", message: $0.message) },
          language: global.language))
    }
  }
}
