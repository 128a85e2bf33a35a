import CourseModel
import Reports
import Testing

/// The menu's words for each certification decision and each standing, in both languages.
@Suite struct ForecastTextTests {
  static let dates = CycleDates(
    certifiedOn: Sample.day("2026-11-22"), validThrough: Sample.day("2027-11-21"),
    windowOpens: Sample.day("2027-08-24"))

  static let marks: [(CertificationDecision, Bool, String, String)] = [
    (
      .initialCycle(dates), false,
      "complète la formation initiale : Entraidant·e valide jusqu'au 2027-11-21",
      "completes the initial training: Entraidant·e valid through 2027-11-21"
    ),
    (
      .renewal(dates, timing: .onTime), false,
      "renouvellement dû : Entraidant·e valide ensuite jusqu'au 2027-11-21",
      "renewal due: Entraidant·e then valid through 2027-11-21"
    ),
    (
      .renewal(dates, timing: .early), false,
      "renouvellement anticipé : Entraidant·e valide ensuite jusqu'au 2027-11-21",
      "early renewal: Entraidant·e then valid through 2027-11-21"
    ),
    (
      .renewal(dates, timing: .late), false,
      "renouvellement en retard : Entraidant·e valide ensuite jusqu'au 2027-11-21",
      "late renewal: Entraidant·e then valid through 2027-11-21"
    ),
    (
      .nothing(.initialProgress(passed: 1, required: 2)), false, "formation initiale (Entraidant·e)",
      "initial training (Entraidant·e)"
    ),
    (
      .nothing(.initialProgress(passed: 1, required: 2)), true,
      "déjà réussi pour la formation initiale (Entraidant·e)", "already passed for the initial training (Entraidant·e)"
    ),
    (
      .nothing(.alreadyCertified(validThrough: Sample.day("2027-02-28"))), false,
      "ne change rien : déjà valide jusqu'au 2027-02-28 (Entraidant·e)",
      "changes nothing: already valid through 2027-02-28 (Entraidant·e)"
    ),
    (
      .nothing(.lapsed), false,
      "renouvellement, mais Entraidant·e est périmée : le parcours initial est à refaire",
      "renewal, but Entraidant·e has lapsed: the initial path is required again"
    ),
    (
      .nothing(.notCertified), false, "renouvellement, mais aucune certification à renouveler (Entraidant·e)",
      "renewal, but there is no certification to renew (Entraidant·e)"
    ),
    (
      .nothing(.predatesCycle), false, "ne change rien : la date précède le cycle en cours (Entraidant·e)",
      "changes nothing: the day predates the current cycle (Entraidant·e)"
    ),
  ]

  @Test func eachDecisionInAFewWords() {
    for (decision, alreadyPassed, fr, en) in Self.marks {
      let mark = ForecastText.mark(decision, certification: "Entraidant·e", alreadyPassed: alreadyPassed)
      #expect(mark.fr == fr)
      #expect(mark.en == en)
    }
    #expect(
      ForecastText.courseLine(title: "Visite du format", mark: ForecastText.inProgress)
        == Message(
          fr: "Visite du format — en cours : reprise là où vous étiez",
          en: "Visite du format — in progress: resumes where you were"))
    #expect(
      ForecastText.needsPrerequisites([
        Message(fr: "Écoute", en: "Listening"), Message(fr: "Référer", en: "Referral"),
      ]) == Message(fr: "à suivre après « Écoute », « Référer »", en: "to take after “Listening”, “Referral”"))
  }

  @Test func eachStandingInALine() {
    func line(_ status: CertificationStatus, cycle: Bool = true) -> Message {
      ForecastText.standing(
        StatusReport.Standing(
          certification: "entraidant", title: Sample.peerHelper, status: status,
          certifiedOn: cycle ? Sample.day("2026-11-22") : nil, validThrough: cycle ? Sample.day("2027-11-21") : nil,
          windowOpens: cycle ? Sample.day("2027-08-24") : nil, daysLeft: cycle ? 364 : nil,
          initialPassed: ["a"], initialRequired: ["a", "b"]),
        language: .fr)
    }
    #expect(line(.never, cycle: false).fr == "Entraidant·e : jamais certifié·e")
    #expect(
      line(.inTraining, cycle: false).fr == "Entraidant·e : en formation initiale (1 cours réussi sur 2)")
    #expect(line(.certified).fr == "Entraidant·e : valide jusqu'au 2027-11-21")
    #expect(line(.due).fr == "Entraidant·e : à renouveler, valide jusqu'au 2027-11-21")
    #expect(line(.expired).fr == "Entraidant·e : expirée depuis le 2027-11-21, un renouvellement est encore possible")
    #expect(line(.lapsed).fr == "Entraidant·e : périmée, le parcours initial est à refaire")
    #expect(
      ForecastText.standing(
        StatusReport.Standing(
          certification: "entraidant", title: Sample.peerHelper, status: .inTraining, certifiedOn: nil,
          validThrough: nil, windowOpens: nil, daysLeft: nil, initialPassed: ["a"], initialRequired: ["a", "b"]),
        language: .en
      ).en == "Peer helper: in initial training (1 of 2 courses passed)")
  }
}
