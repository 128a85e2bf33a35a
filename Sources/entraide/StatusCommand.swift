import ArgumentParser
import CourseModel
import Registry
import Reports

/// `entraide status HELPER [--format table|json] [--certification C]`: a helper's certifications and courses.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: Message(
      fr: "Les certifications d'un·e entraidant·e et ses cours réussis.",
      en: "A helper's certifications and courses passed."
    ).help)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
  }

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant de l'entraidant·e (voir « entraide helpers list »).", en: "Helper id."))
  var helper: String
  @Option(help: .local(fr: "table ou json.", en: "table or json.")) var format: Format = .table
  @Option(help: .local(fr: "Seulement cette certification (son identifiant).", en: "Only this certification."))
  var certification: String?

  func run() async throws {
    try await global.reportingErrors {
      let today = try global.today()
      let catalogue = try global.usableCatalogue()
      let courses = catalogue.courseIndex
      var catalog = courses.certifications
      if let certification {
        let only = try mappingRegistryErrors { try courses.certification(certification) }
        catalog.certifications = [only]
      }
      let registry = try global.openRegistry()
      let (status, attempts, cycles) = try mappingRegistryErrors {
        let status = try registry.status(helperID: helper, today: today, certifications: catalog)
        return (
          status, try registry.attempts(helperID: status.helper.id), try registry.cycles(helperID: status.helper.id)
        )
      }
      let report = StatusReport(
        status: status, attempts: attempts, cycles: cycles, catalog: catalog, catalogue: catalogue)
      switch format {
      case .table: print(report.render(language: global.language))
      case .json: print(try report.json())
      }
    }
  }
}
