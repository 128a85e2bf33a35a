import CourseModel

/// A course in words: one line of `courses` and the outline of `courses show` (activities, prerequisites,
/// certifications, sources).
public enum CourseOutline {
  /// The text in `language`, else in one of the course's languages, stripped of control characters.
  public static func text(_ text: LocalizedText, _ language: Language, course: Course) -> String {
    (text.text(language.rawValue, fallbacks: course.languages) ?? "").strippingControlCharacters()
  }

  /// `PT1H30M` as "1 h 30 min"; the text as written when it is not hours and minutes only.
  public static func duration(_ iso: String, _ language: Language) -> String {
    guard let parsed = ISODuration(iso: iso), parsed.hasTime, parsed.years + parsed.months + parsed.days == 0,
      parsed.seconds == 0, parsed.hours + parsed.minutes > 0
    else { return iso.strippingControlCharacters() }
    switch (parsed.hours, parsed.minutes) {
    case (0, let minutes): return "\(minutes) min"
    case (let hours, 0): return "\(hours) h"
    case (let hours, let minutes): return language == .fr ? "\(hours) h \(minutes)" : "\(hours) h \(minutes) min"
    }
  }

  /// Said of the format tour when it counts for no certification (the menu says it too).
  public static let authorsTour = Message(
    fr: "visite du format pour les autrices et auteurs de cours (pas une formation)",
    en: "format tour for course authors (not a training course)")

  /// What the course counts for; for the authors' tour that counts for nothing, that it is one.
  public static func countsFor(_ course: Course, catalog: CertificationCatalog, language: Language) -> String {
    course.audience == .authors && catalog.certifications(grantedBy: course.id).isEmpty
      ? authorsTour.text(language) : countsFor(course.id, catalog: catalog, language: language)
  }

  /// "Entraidant·e (initiale)" style list of the certifications the course grants or renews.
  public static func countsFor(_ courseID: String, catalog: CertificationCatalog, language: Language) -> String {
    var parts: [String] = []
    for certification in catalog.certifications {
      let title =
        (certification.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? certification.id)
        .strippingControlCharacters()
      if certification.initial.contains(where: { $0.courseID == courseID }) {
        parts.append(
          Message(fr: "\(title) (formation initiale)", en: "\(title) (initial training)").text(language))
      }
      if certification.renewal.contains(where: { $0.courseID == courseID }) {
        parts.append(Message(fr: "\(title) (renouvellement)", en: "\(title) (renewal)").text(language))
      }
    }
    return parts.isEmpty ? "—" : parts.joined(separator: language == .fr ? " ; " : "; ")
  }

  /// The table of `entraide courses`: one line per course, with what it counts for.
  public static func list(_ courses: [Course], catalog: CertificationCatalog, language: Language) -> String {
    var table = TextTable(
      header: language == .fr
        ? ["Cours", "Titre", "Durée", "Compte pour"] : ["Course", "Title", "Duration", "Counts for"])
    for course in courses {
      table.append([
        course.id, text(course.title, language, course: course), duration(course.duration, language),
        countsFor(course, catalog: catalog, language: language),
      ])
    }
    return table.render()
  }

  /// The outline of `entraide courses show`.
  public static func render(_ course: Course, catalog: CertificationCatalog, language: Language) -> String {
    let french = language == .fr
    var lines = [
      "\(text(course.title, language, course: course)) (\(course.id), version \(course.version.strippingControlCharacters()))"
    ]
    let summary = text(course.summary, language, course: course)
    if !summary.isEmpty { lines.append(summary) }
    lines += [
      "",
      Message(
        fr: "Durée : \(duration(course.duration, language))", en: "Duration: \(duration(course.duration, language))"
      )
      .text(language),
      Message(
        fr: "Compte pour : \(countsFor(course, catalog: catalog, language: language))",
        en: "Counts for: \(countsFor(course, catalog: catalog, language: language))"
      ).text(language),
    ]
    if !course.requires.isEmpty {
      let ids = course.requires.map(\.courseID).joined(separator: ", ").strippingControlCharacters()
      lines.append(Message(fr: "Préalables : \(ids)", en: "Prerequisites: \(ids)").text(language))
    }
    lines.append("")
    lines.append(french ? "Activités :" : "Activities:")
    for (index, activity) in course.activities.enumerated() {
      let title = text(activity.title, language, course: course)
      let detail: Message
      switch activity {
      case .lesson(let lesson):
        detail = Message(
          fr: "leçon, \(lesson.pages.count) page\(lesson.pages.count > 1 ? "s" : "")",
          en: "lesson, \(lesson.pages.count) page\(lesson.pages.count > 1 ? "s" : "")")
      case .roleplay(let roleplay):
        let pass = roleplay.pass.map { " ; \($0) points pour réussir" } ?? ""
        let passEN = roleplay.pass.map { "; \($0) points to pass" } ?? ""
        detail = Message(
          fr: "mise en situation, \(roleplay.scenes.count) scènes\(pass)",
          en: "role-play, \(roleplay.scenes.count) scenes\(passEN)")
      case .quiz(let quiz):
        let asked = quiz.draw.map { min($0, quiz.questions.count) } ?? quiz.questions.count
        detail = Message(
          fr: "questionnaire, \(asked) questions ; \(quiz.passPercent) % pour réussir",
          en: "quiz, \(asked) questions; \(quiz.passPercent)% to pass")
      case .pool(let pool):
        let titles = pool.activities.map { text($0.title, language, course: course) }.joined(separator: " · ")
        detail = Message(
          fr: "\(pool.draw) parmi \(pool.activities.count), selon ce que la personne a déjà fait : \(titles)",
          en: "\(pool.draw) of \(pool.activities.count), by what the person has already taken: \(titles)")
        lines.append("  \(index + 1). \(pool.id.strippingControlCharacters()) (\(detail.text(language)))")
        continue
      }
      lines.append("  \(index + 1). \(title) (\(detail.text(language)))")
    }
    if !course.sources.isEmpty {
      lines.append("")
      lines.append(french ? "Sources :" : "Sources:")
      lines += course.sources.map { "  \($0.strippingControlCharacters())" }
    }
    return lines.joined(separator: "\n")
  }
}
