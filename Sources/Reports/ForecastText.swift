import CourseModel

/// What the menu says of each course for a helper (what taking it today would do) and of each certification.
public enum ForecastText {
  /// « Visite du format — renouvellement anticipé : … »: a course and its mark.
  public static func courseLine(title: String, mark: Message) -> Message {
    Message(fr: "\(title) — \(mark.fr)", en: "\(title) — \(mark.en)")
  }

  /// An attempt of the course is in progress.
  public static let inProgress = Message(
    fr: "en cours : reprise là où vous étiez", en: "in progress: resumes where you were")
  /// The course is in no certification's paths.
  public static let countsForNothing = Message(
    fr: "ne compte pour aucune certification", en: "counts for no certification")

  /// The prerequisites still to pass, by their titles.
  public static func needsPrerequisites(_ titles: [Message]) -> Message {
    Message(
      fr: "à suivre après « \(titles.map(\.fr).joined(separator: " », « ")) »",
      en: "to take after “\(titles.map(\.en).joined(separator: "”, “"))”")
  }

  /// The forecast of `CertificationRules.decision` for running a course today, in a few words.
  public static func mark(_ decision: CertificationDecision, certification: String, alreadyPassed: Bool) -> Message {
    switch decision {
    case .initialCycle(let dates):
      return Message(
        fr: "complète la formation initiale : \(certification) valide jusqu'au \(dates.validThrough)",
        en: "completes the initial training: \(certification) valid through \(dates.validThrough)")
    case .renewal(let dates, .onTime):
      return Message(
        fr: "renouvellement dû : \(certification) valide ensuite jusqu'au \(dates.validThrough)",
        en: "renewal due: \(certification) then valid through \(dates.validThrough)")
    case .renewal(let dates, .early):
      return Message(
        fr: "renouvellement anticipé : \(certification) valide ensuite jusqu'au \(dates.validThrough)",
        en: "early renewal: \(certification) then valid through \(dates.validThrough)")
    case .renewal(let dates, .late):
      return Message(
        fr: "renouvellement en retard : \(certification) valide ensuite jusqu'au \(dates.validThrough)",
        en: "late renewal: \(certification) then valid through \(dates.validThrough)")
    case .nothing(.initialProgress):
      return alreadyPassed
        ? Message(
          fr: "déjà réussi pour la formation initiale (\(certification))",
          en: "already passed for the initial training (\(certification))")
        : Message(fr: "formation initiale (\(certification))", en: "initial training (\(certification))")
    case .nothing(.alreadyCertified(let validThrough)):
      return Message(
        fr: "ne change rien : déjà valide jusqu'au \(validThrough) (\(certification))",
        en: "changes nothing: already valid through \(validThrough) (\(certification))")
    case .nothing(.lapsed):
      return Message(
        fr: "renouvellement, mais \(certification) est périmée : le parcours initial est à refaire",
        en: "renewal, but \(certification) has lapsed: the initial path is required again")
    case .nothing(.notCertified):
      return Message(
        fr: "renouvellement, mais aucune certification à renouveler (\(certification))",
        en: "renewal, but there is no certification to renew (\(certification))")
    case .nothing(.predatesCycle):
      return Message(
        fr: "ne change rien : la date précède le cycle en cours (\(certification))",
        en: "changes nothing: the day predates the current cycle (\(certification))")
    }
  }

  /// Where the helper stands with one certification, in a line.
  public static func standing(_ standing: StatusReport.Standing, language: Language) -> Message {
    let title = standing.title.text(language.rawValue, fallbacks: ["fr", "en"]) ?? standing.certification
    let validThrough = standing.validThrough?.description ?? "?"
    switch standing.status {
    case .never:
      return Message(fr: "\(title) : jamais certifié·e", en: "\(title): never certified")
    case .inTraining:
      let done = standing.initialPassed.count
      let required = standing.initialRequired.count
      return Message(
        fr: "\(title) : en formation initiale (\(done) cours réussi\(done > 1 ? "s" : "") sur \(required))",
        en: "\(title): in initial training (\(done) of \(required) courses passed)")
    case .certified:
      return Message(fr: "\(title) : valide jusqu'au \(validThrough)", en: "\(title): valid through \(validThrough)")
    case .due:
      return Message(
        fr: "\(title) : à renouveler, valide jusqu'au \(validThrough)",
        en: "\(title): renewal due, valid through \(validThrough)")
    case .expired:
      return Message(
        fr: "\(title) : expirée depuis le \(validThrough), un renouvellement est encore possible",
        en: "\(title): expired after \(validThrough), a renewal still counts")
    case .lapsed:
      return Message(
        fr: "\(title) : périmée, le parcours initial est à refaire",
        en: "\(title): lapsed, the initial path is required again")
    }
  }
}
