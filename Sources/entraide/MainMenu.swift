import CourseModel
import Foundation
import PostgresRegistry
import Registry
import Reports
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// `entraide` with no arguments: pick or add a helper, see their status, run a course, see the roster.
///
/// Every choice is a numbered list read with the same line reader as `run`; `q` goes back (or quits at
/// the top), the end of input quits, Ctrl-C exits 130 (a course in progress is saved first).
struct MainMenu {
  var console: Console
  var reader: LineReader
  var registry: any RegistryStore
  var courses: [Course]
  var certifications: CertificationCatalog
  var today: CalendarDate
  var echoInput: Bool

  private var language: Language { console.language }
  private var renderer: CourseRenderer { CourseRenderer(console: console) }

  /// What one menu read gave.
  private enum Reply {
    case line(String)
    case back
    case stop(Int32)
  }

  /// Runs the menu until the helper quits; returns the exit status.
  func run() throws -> Int32 {
    while true {
      renderer.heading("Entraide")
      let helpers = try mappingRegistryErrors { try registry.helpers(includeInactive: false) }
      renderer.numbered([
        MenuText.pickHelper(count: helpers.count).text(language), MenuText.addHelper.text(language),
        MenuText.roster.text(language),
      ])
      switch pick(count: 3, prompt: MenuText.mainPrompt) {
      case .stop(let status): return status
      case .back: return 0
      case .line(let choice):
        let status: Int32?
        switch choice {
        case "1": status = try chooseHelper(helpers)
        case "2": status = try addHelper()
        default: status = try showRoster(helpers)
        }
        if let status { return status }
      }
    }
  }

  // MARK: Reading.

  /// A number from 1 to `count`, `q` (back), or a stop; other lines get a message and the prompt again.
  private func pick(count: Int, prompt: Message) -> Reply {
    while true {
      switch ask(prompt) {
      case .line(let line):
        if let number = Int(line), (1...count).contains(number) { return .line(String(number)) }
        renderer.inputProblem(MenuText.notAChoice(line, count: count))
      case let other: return other
      }
    }
  }

  /// One line (trimmed), `q` as `.back`, `?` shows the menu help.
  private func ask(_ prompt: Message) -> Reply {
    while true {
      console.blankLine()
      console.prompt(prompt)
      let event = reader.readLine()
      if echoInput {
        if case .line(let line) = event { console.write(line) }
        console.blankLine()
      }
      switch event {
      case .line(let line):
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "q" { return .back }
        if trimmed == "?" {
          console.say(MenuText.help)
          continue
        }
        return .line(trimmed)
      case .endOfInput: return .stop(0)
      case .interrupted(let signal): return .stop(signal == SIGTERM ? 143 : 130)
      case .invalidEncoding: renderer.inputProblem(InterfaceText.invalidEncoding)
      case .tooLong(let limit): renderer.inputProblem(InterfaceText.lineTooLong(limit: limit))
      }
    }
  }

  // MARK: Helpers.

  private func chooseHelper(_ helpers: [Helper]) throws -> Int32? {
    guard !helpers.isEmpty else {
      console.say(MenuText.noHelpers)
      return nil
    }
    renderer.heading(MenuText.pickHelperHeading.text(language))
    renderer.numbered(helpers.map { "\($0.name) (\($0.id))" })
    switch pick(count: helpers.count, prompt: MenuText.helperPrompt(count: helpers.count)) {
    case .stop(let status): return status
    case .back: return nil
    case .line(let choice):
      guard let index = Int(choice) else { return nil }
      return try helperMenu(helpers[index - 1])
    }
  }

  private func helperMenu(_ helper: Helper) throws -> Int32? {
    while true {
      let status = try mappingRegistryErrors {
        try registry.status(helperID: helper.id, today: today, certifications: certifications)
      }
      renderer.heading("\(helper.name) (\(helper.id))")
      for standing in status.certifications {
        console.say(
          ForecastText.standing(StatusReport.Standing(standing), language: language), prefix: "  \(console.bullet) ")
      }
      if courses.isEmpty {
        console.say(MenuText.noCourses)
        return nil
      }
      console.blankLine()
      console.say(MenuText.pickCourseHeading)
      var labels: [String] = []
      for course in courses {
        let mark = try courseMark(course, helper: helper, standings: status.certifications)
        let title = course.title.text(language.rawValue, fallbacks: course.languages) ?? course.id
        labels.append(ForecastText.courseLine(title: title, mark: mark).text(language))
      }
      renderer.numbered(labels)
      switch pick(count: courses.count, prompt: MenuText.coursePrompt(count: courses.count)) {
      case .stop(let status): return status
      case .back: return nil
      case .line(let choice):
        guard let index = Int(choice) else { continue }
        let runner = CourseRunner(
          console: console, reader: reader, registry: registry, certifications: certifications, today: today,
          echoInput: echoInput)
        do {
          let result = try runner.run(course: courses[index - 1], helperID: helper.id, seed: nil, restart: false)
          if result == CourseRunner.Status.interrupted || result == CourseRunner.Status.terminated { return result }
        } catch let error as UserError {
          renderer.inputProblem(error.message)
        }
      }
    }
  }

  /// What running `course` would do for the helper, in a few words.
  private func courseMark(_ course: Course, helper: Helper, standings: [CertificationStanding]) throws -> Message {
    if try mappingRegistryErrors({ try registry.inProgressAttempt(helperID: helper.id, courseID: course.id) }) != nil {
      return ForecastText.inProgress
    }
    let missing = try mappingRegistryErrors {
      try registry.missingPrerequisites(helperID: helper.id, course: CourseEntry(course), on: today)
    }
    if !missing.isEmpty {
      // Each prerequisite by its title, as the helper sees it in this list (its id when not shipped).
      let titles = missing.map { id in
        let course = courses.first { $0.id == id }
        return Message(
          fr: course?.title.text("fr", fallbacks: course?.languages ?? []) ?? id,
          en: course?.title.text("en", fallbacks: course?.languages ?? []) ?? id)
      }
      return ForecastText.needsPrerequisites(titles)
    }
    let history = try mappingRegistryErrors { try registry.certificationHistory(helperID: helper.id) }
    let forecast = CertificationRules.decisions(
      passing: course.id, on: today, catalog: certifications, history: history)
    guard let (certification, decision) = forecast.first else {
      return course.audience == .authors ? CourseOutline.authorsTour : ForecastText.countsForNothing
    }
    let title = certification.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? certification.id
    let alreadyPassed = standings.first { $0.certificationID == certification.id }?.initialPassed.contains(course.id)
    return ForecastText.mark(decision, certification: title, alreadyPassed: alreadyPassed ?? false)
  }

  private func addHelper() throws -> Int32? {
    var answers: [String] = []
    for (index, question) in [MenuText.askName, MenuText.askLocal, MenuText.askRegion, MenuText.askEmail].enumerated() {
      switch ask(question) {
      case .stop(let status): return status
      case .back: return nil
      case .line(let line): answers.append(index == 3 && line.isEmpty ? "" : line)
      }
    }
    do {
      let helper = try registry.addHelper(
        NewHelper(
          name: answers[0], local: answers[1], region: answers[2], email: answers[3].isEmpty ? nil : answers[3]),
        reason: nil)
      console.say(MenuText.helperAdded(name: helper.name, id: helper.id), style: .success)
    } catch let error as RegistryError {
      renderer.inputProblem(error.message)
    } catch let error as ServerRegistryError {
      renderer.inputProblem(error.message)
    }
    return nil
  }

  /// The same table as `entraide roster` (Reports' `RosterTable`), for every active helper.
  private func showRoster(_ helpers: [Helper]) throws -> Int32? {
    renderer.heading(MenuText.roster.text(language))
    guard !helpers.isEmpty else {
      console.say(MenuText.noHelpers)
      return nil
    }
    let lines = try mappingRegistryErrors {
      try registry.rosterLines(today: today, certifications: certifications, includeInactive: false)
    }
    console.write(
      RosterTable.render(RosterRow.rows(lines, certifications: certifications), language: language) + "\n")
    return nil
  }
}

/// Sentences of the menu, whole in each language.
enum MenuText {
  static let mainPrompt = Message(
    fr: "Tapez un numéro de 1 à 3, ou q pour quitter (? aide)",
    en: "Type a number from 1 to 3, or q to quit (? help)")

  static let help = Message(
    fr: "Tapez le numéro d'une ligne, puis Entrée. q revient en arrière (ou quitte au menu principal).",
    en: "Type the number of a line, then Enter. q goes back (or quits at the main menu).")

  static func pickHelper(count: Int) -> Message {
    Message(
      fr: "Choisir un·e entraidant·e (\(count) inscrit·e\(count > 1 ? "s" : ""))",
      en: "Pick a peer helper (\(count) registered)")
  }

  static let addHelper = Message(fr: "Ajouter un·e entraidant·e", en: "Add a peer helper")
  static let roster = Message(
    fr: "Registre : les entraidant·es et leurs statuts", en: "Roster: the peer helpers and their status")
  static let pickHelperHeading = Message(fr: "Entraidant·es", en: "Peer helpers")
  static let noHelpers = Message(
    fr: "Aucun·e entraidant·e n'est inscrit·e. Choisissez « Ajouter un·e entraidant·e ».",
    en: "No peer helper is registered yet. Choose “Add a peer helper”.")
  static let noCourses = Message(
    fr: "Aucun cours valide n'a été trouvé dans le dossier des cours.",
    en: "No valid course was found in the courses folder.")
  static let pickCourseHeading = Message(fr: "Cours :", en: "Courses:")

  static func helperPrompt(count: Int) -> Message {
    Message(
      fr: "Tapez le numéro d'un·e entraidant·e, de 1 à \(count), ou q pour revenir (? aide)",
      en: "Type a helper's number, 1 to \(count), or q to go back (? help)")
  }

  static func coursePrompt(count: Int) -> Message {
    Message(
      fr: "Tapez le numéro du cours à suivre, de 1 à \(count), ou q pour revenir (? aide)",
      en: "Type the number of the course to take, 1 to \(count), or q to go back (? help)")
  }

  static func notAChoice(_ line: String, count: Int) -> Message {
    Message(
      fr: "« \(line) » n'est pas un choix : tapez un numéro de 1 à \(count), ou q.",
      en: "“\(line)” is not a choice: type a number from 1 to \(count), or q.")
  }

  static let askName = Message(
    fr: "Nom de l'entraidant·e (q pour annuler)", en: "The peer helper's name (q to cancel)")
  static let askLocal = Message(fr: "Syndicat local (q pour annuler)", en: "Union local (q to cancel)")
  static let askRegion = Message(fr: "Région (q pour annuler)", en: "Region (q to cancel)")
  static let askEmail = Message(
    fr: "Courriel (facultatif : Entrée pour passer ; q pour annuler)",
    en: "Email (optional: Enter to skip; q to cancel)")

  static func helperAdded(name: String, id: String) -> Message {
    Message(fr: "\(name) est inscrit·e avec l'identifiant \(id).", en: "\(name) is registered with the id \(id).")
  }
}
