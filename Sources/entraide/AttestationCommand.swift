import ArgumentParser
import CourseModel
import Foundation
import Registry
import Reports

/// `entraide attestation HELPER CERTIFICATION [-o FILE]`: a printable HTML proof of certification.
struct AttestationCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attestation",
    abstract: Message(
      fr: "Une attestation de certification à imprimer (HTML).",
      en: "A printable HTML attestation of a valid certification."
    ).help)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var out: OutputOptions

  @Argument(help: .local(fr: "Identifiant de l’entraidant·e.", en: "Helper id.")) var helper: String
  @Argument(help: .local(fr: "Identifiant de la certification.", en: "Certification id.")) var certification: String

  func run() async throws {
    try await global.reportingErrors {
      let language = global.language
      let today = try global.today()
      let courses = try global.usableCatalogue().courseIndex
      let certification = try mappingRegistryErrors { try courses.certification(self.certification) }
      let registry = try global.openRegistry()
      let (status, passes): (HelperStatus, [Attempt]) = try mappingRegistryErrors {
        let status = try registry.status(
          helperID: helper, today: today, certifications: CertificationCatalog(certifications: [certification]))
        var passes: [Attempt] = []
        if let cycle = status.certifications.first?.cycle {
          passes = try registry.passesBehind(cycle, certification: certification)
        }
        return (status, passes)
      }
      let person = status.helper
      guard let standing = status.certifications.first, let cycle = standing.cycle,
        standing.status.isValid
      else {
        let title = certification.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? certification.id
        let state = status.certifications.first?.status.label ?? CertificationStatus.never.label
        throw UserError(
          Message(
            fr:
              "Pas d’attestation : \(person.displayName) n’a pas de certification « \(title) » valide au \(today) (statut : \(state.fr)).",
            en:
              "No attestation: \(person.displayName) holds no valid “\(title)” certification on \(today) (status: \(state.en))."
          ),
          exitCode: 1)
      }
      let attestation = Attestation(
        helperName: person.name, helperID: person.id, local: person.local, region: person.region,
        certificationID: certification.id, certificationTitle: certification.title,
        certifiedOn: cycle.dates.certifiedOn, validThrough: cycle.dates.validThrough,
        courses: passes.compactMap { attempt in
          attempt.passedOn.map { day in
            Attestation.CourseLine(
              id: attempt.courseID, title: courses.courses[attempt.courseID]?.title ?? LocalizedText(), passedOn: day,
              inPerson: attempt.state == .recorded)
          }
        },
        registry: registry.location, issuedOn: today)
      if try out.write(Data(AttestationHTML.render(attestation, language: language).utf8)), let output = out.output {
        printError(
          Message(fr: "Attestation écrite dans « \(output) ».", en: "Attestation written to “\(output)”.").text(
            language))
      }
    }
  }
}
