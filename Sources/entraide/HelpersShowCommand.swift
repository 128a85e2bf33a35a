import ArgumentParser
import CourseModel
import Registry
import Reports

/// `entraide helpers show ID`: one helper's details, audit history and attempts.
struct HelpersShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: Message(fr: "Afficher un·e entraidant·e et ses tentatives.", en: "Show a helper and their attempts.").help
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: .local(fr: "Identifiant de l'entraidant·e.", en: "Helper id.")) var id: String

  func run() async throws {
    try await global.reportingErrors {
      let registry = try global.openRegistry()
      let (helper, attempts, events) = try mappingRegistryErrors {
        let helper = try registry.requireHelper(id)
        return (helper, try registry.attempts(helperID: helper.id), try registry.events(helperID: helper.id))
      }
      let language = global.language
      let french = language == .fr
      var details = TextTable(header: [french ? "Identifiant" : "Id", helper.id])
      details.append([french ? "Nom" : "Name", helper.name])
      details.append([french ? "Syndicat" : "Local", helper.local])
      details.append([french ? "Région" : "Region", helper.region])
      details.append([french ? "Courriel" : "Email", helper.email ?? "—"])
      details.append([french ? "Actif" : "Active", helper.active ? (french ? "oui" : "yes") : (french ? "non" : "no")])
      details.append([french ? "Ajouté le" : "Added", helper.createdAt])
      print(details.render())
      print("")
      print(Message(fr: "Historique :", en: "History:").text(language))
      var history = TextTable(
        header: french ? ["Quand", "Par", "Action", "Raison"] : ["When", "By", "Action", "Reason"])
      for event in events {
        history.append([event.at, event.by, event.action.rawValue, event.reason ?? ""])
      }
      print(history.render())
      print("")
      if attempts.isEmpty {
        print(Message(fr: "Aucune tentative.", en: "No attempts.").text(language))
        return
      }
      var table = TextTable(
        header: french
          ? ["N°", "Cours", "Version", "Commencé", "État", "Réussi le", "Score"]
          : ["No.", "Course", "Version", "Started", "State", "Passed on", "Score"])
      for attempt in attempts {
        table.append([
          String(attempt.id), attempt.courseID, attempt.courseVersion, attempt.startedAt,
          attempt.state.label.text(language), attempt.passedOn?.description ?? "",
          attempt.score.map { "\(Int($0.rounded())) %" } ?? "",
        ])
      }
      print(table.render())
    }
  }
}
