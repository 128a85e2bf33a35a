import CourseModel
import Foundation
import PostgresRegistry
import Registry

extension GlobalOptions {
  /// The author of audit events: `--by`, else `$USER`, else `unknown`.
  var auditAuthor: String {
    if let by, !by.trimmingCharacters(in: .whitespaces).isEmpty { return by }
    let user = ProcessInfo.processInfo.environment["USER"] ?? ""
    return user.isEmpty ? "unknown" : user
  }

  /// Today: `ENTRAIDE_TODAY=YYYY-MM-DD` when set, else the system date in the local time zone.
  func today() throws -> CalendarDate {
    if let text = ProcessInfo.processInfo.environment["ENTRAIDE_TODAY"], !text.isEmpty {
      guard let day = CalendarDate(iso: text) else {
        throw UserError(
          Message(
            fr: "ENTRAIDE_TODAY=« \(text) » n’est pas une date valide (AAAA-MM-JJ).",
            en: "ENTRAIDE_TODAY=“\(text)” is not a valid date (YYYY-MM-DD)."),
          exitCode: 2)
      }
      return day
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    guard let year = parts.year, let month = parts.month, let day = parts.day,
      let date = CalendarDate(year: year, month: month, day: day)
    else {
      throw UserError(Message(fr: "Date du système illisible.", en: "Unreadable system date."), exitCode: 1)
    }
    return date
  }

  /// Opens the registry at `databasePath`, as `auditAuthor`. Only the commands that add helpers (and the
  /// menu, where a new user starts) create it: the others refuse a missing file, so that a mistyped `--db`
  /// is not answered with an empty roster as if nobody were certified.
  ///
  /// A `postgresql://` (or `postgres://`) URL opens the shared registry on that server instead of a file.
  func openRegistry(creating: Bool = false) throws -> any RegistryStore {
    let path = databasePath
    guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw UserError(
        Message(fr: "Le chemin du registre (--db) est vide.", en: "The registry path (--db) is empty."), exitCode: 2)
    }
    if PostgresURL.isURL(path) {
      return try mappingRegistryErrors {
        let url = try PostgresURL(
          parsing: path, environmentPassword: GlobalOptions.environmentVariable("PGPASSWORD"))
        return try PostgresRegistry.open(url: url, actor: auditAuthor, creating: creating, clock: RecordingClock.now)
      }
    }
    if !creating, access(path, F_OK) != 0, errno == ENOENT {
      throw UserError(
        Message(
          fr: "Aucun registre à « \(path) » : vérifiez --db ou $ENTRAIDE_DB. Un registre se crée en ajoutant "
            + "un·e entraidant·e (entraide helpers add) ou depuis le menu (entraide).",
          en: "No registry at “\(path)”: check --db or $ENTRAIDE_DB. A registry is created by adding a helper "
            + "(entraide helpers add) or from the menu (entraide)."),
        exitCode: 2)
    }
    let registry = try mappingRegistryErrors {
      try Registry.open(path: path, actor: auditAuthor, clock: RecordingClock.now)
    }
    // A full disk, for tests: the file may grow by this many pages only.
    if let spare = ProcessInfo.processInfo.environment["ENTRAIDE_TEST_SPARE_PAGES"].flatMap({ Int($0) }) {
      try mappingRegistryErrors { try registry.limitGrowth(sparePages: spare) }
    }
    return registry
  }
}

/// Runs `body`, turning a `RegistryError` or `ServerRegistryError` into a `UserError` (status 2 for bad input, 1 otherwise).
func mappingRegistryErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as RegistryError {
    switch error {
    case .attemptOpenElsewhere, .claimLost: throw UserError(error.message, exitCode: CourseRunner.Status.elsewhere)
    case .registryFull, .registryNotWritable: throw UserError(error.message, exitCode: CourseRunner.Status.notWritable)
    default: throw UserError(error.message, exitCode: error.isInputError ? 2 : 1)
    }
  } catch let error as ServerRegistryError {
    throw UserError(error.message, exitCode: error.isInputError ? 2 : 1)
  }
}

/// Reads a `YYYY-MM-DD` date given on the command line, or a clear error.
func parseDate(_ text: String, option: String) throws -> CalendarDate {
  guard let date = CalendarDate(iso: text) else {
    throw UserError(
      Message(
        fr: "\(option) « \(text) » n’est pas une date valide : attendu AAAA-MM-JJ, un jour qui existe.",
        en: "\(option) “\(text)” is not a valid date: expected YYYY-MM-DD, a day that exists."),
      exitCode: 2)
  }
  return date
}

/// The clock of the registry's timestamps and of attempt claims: the system's, moved to `ENTRAIDE_TODAY` when it
/// is set (the same time of day, UTC), so that attempts and audit entries fall on the day the run counts as.
///
/// One constant shift per process: timestamps keep their order and claim ages stay true.
enum RecordingClock {
  static let shift: TimeInterval = {
    guard let text = ProcessInfo.processInfo.environment["ENTRAIDE_TODAY"], let day = CalendarDate(iso: text)
    else { return 0 }
    let epoch = CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber
    let todayUTC = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)) + epoch
    return TimeInterval(day.dayNumber - todayUTC) * 86_400
  }()

  @Sendable static func now() -> Date { Date().addingTimeInterval(shift) }
}
