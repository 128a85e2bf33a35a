/// Where a helper stands with one certification on a given day (DESIGN §4).
public enum CertificationStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// No cycle and nothing of the initial path started.
  case never
  /// The initial path is started but not complete, and there is no cycle yet.
  case inTraining = "in-training"
  /// Certified, before the renewal window opens.
  case certified
  /// Certified, inside the renewal window (windowOpens ≤ t ≤ validThrough).
  case due
  /// Past validThrough but within the lapse: a renewal still renews.
  case expired
  /// Past validThrough + lapse: the initial path is required again.
  case lapsed

  /// Whether the certification is valid that day (certified or due): what an attestation needs.
  public var isValid: Bool { self == .certified || self == .due }

  /// The status as a word for people (`status`, `roster`, the menu).
  public var label: Message {
    switch self {
    case .never: Message(fr: "jamais", en: "never")
    case .inTraining: Message(fr: "en formation", en: "in training")
    case .certified: Message(fr: "certifié·e", en: "certified")
    case .due: Message(fr: "à renouveler", en: "due")
    case .expired: Message(fr: "expiré·e", en: "expired")
    case .lapsed: Message(fr: "périmé·e", en: "lapsed")
    }
  }
}

/// Whether a cycle came from the initial path or from a renewal course.
public enum CycleKind: String, Sendable, Hashable, Codable {
  case initial
  case renewal
}

/// The three dates of a certification cycle, fixed when the cycle is made.
public struct CycleDates: Sendable, Hashable, Codable {
  public var certifiedOn: CalendarDate
  /// The last day the certification is valid (inclusive).
  public var validThrough: CalendarDate
  /// The first day of the renewal window.
  public var windowOpens: CalendarDate

  public init(certifiedOn: CalendarDate, validThrough: CalendarDate, windowOpens: CalendarDate) {
    self.certifiedOn = certifiedOn
    self.validThrough = validThrough
    self.windowOpens = windowOpens
  }
}

/// What passing a renewal course on a day does to a certification.
public enum RenewalOutcome: Sendable, Hashable {
  /// A new cycle with these dates.
  case renewed(CycleDates)
  /// The day is past validThrough + lapse: the course is recorded but renews nothing.
  case lapsed
  /// The day is before the current cycle's certifiedOn (an older session recorded late): nothing changes.
  case predatesCycle
}

/// The certification rules of DESIGN §4, as pure functions over calendar dates.
///
/// Worked example with validity P1Y, window P90D, lapse P1Y and an initial path completed on 2026-11-22:
/// validThrough 2027-11-21, windowOpens 2027-08-24; a renewal on 2027-09-01 (in the window) gives
/// validThrough 2028-11-21; a renewal on 2027-12-15 (expired, within the lapse) gives 2028-12-14;
/// a renewal on 2028-11-22 (lapsed) renews nothing.
public enum CertificationRules {
  /// The cycle dates that follow from `validThrough`: windowOpens = validThrough − window + 1 day.
  public static func cycle(
    certifiedOn: CalendarDate, validThrough: CalendarDate, certification: Certification
  ) -> CycleDates {
    CycleDates(
      certifiedOn: certifiedOn, validThrough: validThrough,
      windowOpens: subtracting(certification.window, from: validThrough).adding(days: 1))
  }

  /// The first cycle, when the initial path is completed on `completedOn` (the day the last course passed).
  ///
  /// validThrough = completedOn + validity − 1 day.
  public static func cycleAfterInitial(completedOn: CalendarDate, certification: Certification) -> CycleDates {
    cycle(
      certifiedOn: completedOn, validThrough: completedOn.adding(certification.validity).adding(days: -1),
      certification: certification)
  }

  /// The cycle a renewal course passed on `passedOn` makes, given the current cycle.
  ///
  /// Inside the window: the old validThrough + validity (on-time renewers lose nothing, nothing drifts).
  /// Before the window, or after expiry up to validThrough + lapse: passedOn + validity − 1 day.
  /// Later: `.lapsed`, the initial path is required again.
  public static func cycleAfterRenewal(
    passedOn: CalendarDate, previous: CycleDates, certification: Certification
  ) -> RenewalOutcome {
    if passedOn < previous.certifiedOn { return .predatesCycle }
    if passedOn > lapseEnds(previous, certification: certification) { return .lapsed }
    let validThrough: CalendarDate
    if passedOn >= previous.windowOpens && passedOn <= previous.validThrough {
      validThrough = previous.validThrough.adding(certification.validity)
    } else {
      validThrough = passedOn.adding(certification.validity).adding(days: -1)
    }
    return .renewed(cycle(certifiedOn: passedOn, validThrough: validThrough, certification: certification))
  }

  /// The last day a renewal still renews: validThrough + lapse (with today's lapse setting).
  public static func lapseEnds(_ cycle: CycleDates, certification: Certification) -> CalendarDate {
    cycle.validThrough.adding(certification.lapse)
  }

  /// The status on `day`, given the latest cycle (nil: none) and whether the initial path is started.
  ///
  /// A lapsed helper stays `lapsed` until completing the initial path again makes a fresh cycle.
  public static func status(
    on day: CalendarDate, latestCycle: CycleDates?, initialPathStarted: Bool, certification: Certification
  ) -> CertificationStatus {
    guard let cycle = latestCycle else { return initialPathStarted ? .inTraining : .never }
    if day < cycle.windowOpens { return .certified }
    if day <= cycle.validThrough { return .due }
    if day <= lapseEnds(cycle, certification: certification) { return .expired }
    return .lapsed
  }

  /// The status on `day` from all of a helper's cycles for the certification (the latest made counts).
  public static func status(
    on day: CalendarDate, cycles: [CycleDates], initialPathStarted: Bool, certification: Certification
  ) -> CertificationStatus {
    status(
      on: day, latestCycle: latest(cycles), initialPathStarted: initialPathStarted, certification: certification)
  }

  /// The cycle that counts: the latest certifiedOn, the last given on a tie.
  public static func latest(_ cycles: [CycleDates]) -> CycleDates? {
    latest(cycles, dates: \.self)
  }

  /// The cycle that counts among stored cycles (any type carrying `CycleDates`): the latest certifiedOn,
  /// the last given on a tie.
  public static func latest<Stored>(_ cycles: [Stored], dates: KeyPath<Stored, CycleDates>) -> Stored? {
    var result: Stored?
    for cycle in cycles where result == nil || cycle[keyPath: dates].certifiedOn >= result![keyPath: dates].certifiedOn
    {
      result = cycle
    }
    return result
  }

  /// The day from which passed courses count toward a (new) initial path: the day after the latest
  /// cycle's lapse ends, or nil (any day) when there is no cycle.
  public static func initialPathCountsFrom(latestCycle: CycleDates?, certification: Certification) -> CalendarDate? {
    latestCycle.map { lapseEnds($0, certification: certification).adding(days: 1) }
  }

  /// The courses of the initial path passed on or after `initialPathCountsFrom`, in the order listed.
  public static func initialPassed(
    passes: [String: [CalendarDate]], latestCycle: CycleDates?, certification: Certification
  ) -> [String] {
    let from = initialPathCountsFrom(latestCycle: latestCycle, certification: certification)
    return certification.initial.map(\.courseID).filter { course in
      (passes[course] ?? []).contains { day in from.map { day >= $0 } ?? true }
    }
  }

  /// The initial cycle made when a course passed on `passedOn` completes the initial path, or nil.
  ///
  /// `passes` maps course ids to the days they were passed (the new pass included); only passes on or
  /// after `initialPathCountsFrom` count, and only when the certification has no live cycle on `passedOn`.
  public static func cycleAfterInitialCourse(
    passedOn: CalendarDate, passes: [String: [CalendarDate]], latestCycle: CycleDates?,
    certification: Certification
  ) -> CycleDates? {
    guard !certification.initial.isEmpty else { return nil }
    let from = initialPathCountsFrom(latestCycle: latestCycle, certification: certification)
    if let from, passedOn < from { return nil }
    var lastDay: CalendarDate?
    for reference in certification.initial {
      let counted = (passes[reference.courseID] ?? []).filter { from == nil || $0 >= from! }
      guard let first = counted.min() else { return nil }
      lastDay = max(lastDay ?? first, first)
    }
    guard let lastDay else { return nil }
    return cycleAfterInitial(completedOn: lastDay, certification: certification)
  }

  /// The prerequisites of a course not passed on or before `day`, in the order they are listed.
  public static func missingPrerequisites(
    requires: [String], passes: [String: [CalendarDate]], on day: CalendarDate
  ) -> [String] {
    requires.filter { required in !(passes[required] ?? []).contains { $0 <= day } }
  }

  /// `date` minus a calendar duration (years and months first, then days; clamped to the month's end).
  static func subtracting(_ duration: DateDuration, from date: CalendarDate) -> CalendarDate {
    date.adding(DateDuration(years: -duration.years, months: -duration.months, days: -duration.days))
  }
}
