import CourseModel

/// What `entraide record` prints: the course recorded, or the attendance sheet's summary, then each
/// certification it granted or renewed.
public enum RecordReport {
  /// « Cours « referer » enregistré pour mtremblay, réussi le 2026-11-21. », then one line per effect.
  public static func single(
    helperID: String, courseID: String, on day: CalendarDate, effects: [Message], language: Language
  ) -> String {
    let helper = helperID.strippingControlCharacters()
    let course = courseID.strippingControlCharacters()
    let head = Message(
      fr: "Cours « \(course) » enregistré pour \(helper), réussi le \(day).",
      en: "Course “\(course)” recorded for \(helper), passed on \(day).")
    return ([head] + effects).map { $0.text(language).strippingControlCharacters() }.joined(separator: "\n")
  }

  /// The sheet's summary (`summary`), then `  helper — effect` for each certification granted or renewed.
  public static func sheet(
    recorded rows: Int, helpers: Int, file: String, effects: [(helperID: String, message: Message)],
    language: Language
  ) -> String {
    let head = summary(recorded: rows, helpers: helpers, cycles: effects.count, file: file).text(language)
    let lines = effects.map { "  \($0.helperID) — \($0.message.text(language))" }
    return ([head] + lines).map { $0.strippingControlCharacters() }.joined(separator: "\n")
  }

  /// « 12 cours enregistrés pour 5 entraidant·es (« journee.csv ») ; 3 certifications accordées ou
  /// renouvelées : »
  static func summary(recorded rows: Int, helpers: Int, cycles: Int, file: String) -> Message {
    let s = { (count: Int) in count > 1 ? "s" : "" }
    guard rows > 0 else {
      return Message(
        fr: "Aucune ligne dans « \(file) » : rien n’a été enregistré.",
        en: "No rows in “\(file)”: nothing was recorded.")
    }
    let fr =
      "\(rows) cours enregistré\(s(rows)) pour \(helpers) entraidant·e\(s(helpers)) (« \(file) »)"
      + (cycles == 0
        ? " ; aucune certification accordée ni renouvelée."
        : " ; \(cycles) certification\(s(cycles)) accordée\(s(cycles)) ou renouvelée\(s(cycles)) :")
    let en =
      "\(rows) course\(s(rows)) recorded for \(helpers) helper\(s(helpers)) (“\(file)”)"
      + (cycles == 0
        ? "; no certification granted or renewed." : "; \(cycles) certification\(s(cycles)) granted or renewed:")
    return Message(fr: fr, en: en)
  }
}

/// What `entraide check` prints: the registry sound with its counts, or each problem found.
public enum CheckReport {
  /// The report on the registry at `path`; `problems` empty means sound.
  public static func render(
    path: String, helpers: Int, attempts: Int, cycles: Int, problems: [Message], language: Language
  ) -> String {
    guard problems.isEmpty else {
      let count = problems.count
      let heading = Message(
        fr: "Registre « \(path) » : \(count) problème\(count > 1 ? "s" : "") trouvé\(count > 1 ? "s" : "") :",
        en: "Registry “\(path)”: \(count) problem\(count > 1 ? "s" : "") found:")
      return ([heading.text(language)] + problems.map { "  - " + $0.text(language) })
        .map { $0.strippingControlCharacters() }.joined(separator: "\n")
    }
    let fr = [
      plural(helpers, "entraidant·e", "entraidant·es"), plural(attempts, "tentative", "tentatives"),
      plural(cycles, "cycle", "cycles"),
    ].joined(separator: ", ")
    let en = [
      plural(helpers, "helper", "helpers"), plural(attempts, "attempt", "attempts"), plural(cycles, "cycle", "cycles"),
    ].joined(separator: ", ")
    return Message(
      fr: "Registre « \(path) » vérifié : fichier intact, renvois, cycles et tentatives en ordre (\(fr)).",
      en: "Registry “\(path)” checked: file intact, references, cycles and attempts in order (\(en))."
    ).text(language).strippingControlCharacters()
  }

  /// `1 cycle`, `2 cycles`.
  static func plural(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
  }
}
