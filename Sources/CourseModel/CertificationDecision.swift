/// How a renewal stands against the cycle it renews.
public enum RenewalTiming: String, Sendable, Hashable, Codable {
  /// Before the renewal window opens: validThrough = day + validity − 1 day.
  case early
  /// Inside the window: validThrough = the old validThrough + validity.
  case onTime = "on-time"
  /// After validThrough, within the lapse: validThrough = day + validity − 1 day.
  case late
}

/// Why passing a course changes nothing for a certification.
public enum NoChangeReason: Sendable, Hashable {
  /// A renewal course after validThrough + lapse: the initial path is required again.
  case lapsed
  /// A renewal course with no cycle to renew.
  case notCertified
  /// The day is before the current cycle's certifiedOn (an older session recorded late).
  case predatesCycle
  /// One more course of the initial path, which is not complete: `passed` of `required` done.
  case initialProgress(passed: Int, required: Int)
  /// An initial-path course while a cycle is live (certified, due or expired).
  case alreadyCertified(validThrough: CalendarDate)
}

/// What passing one course on one day does to one certification (DESIGN §4).
public enum CertificationDecision: Sendable, Hashable {
  /// The initial path is complete: a first (or fresh) cycle.
  case initialCycle(CycleDates)
  /// A renewal course makes a new cycle.
  case renewal(CycleDates, timing: RenewalTiming)
  /// Nothing changes, and why.
  case nothing(NoChangeReason)

  /// The new cycle's kind and dates, when one is made.
  public var newCycle: (kind: CycleKind, dates: CycleDates)? {
    switch self {
    case .initialCycle(let dates): (.initial, dates)
    case .renewal(let dates, _): (.renewal, dates)
    case .nothing: nil
    }
  }
}

/// What a helper has done so far toward certifications: every day each course was passed, and every
/// cycle already made, by certification id.
public struct CertificationHistory: Sendable, Hashable {
  public var passes: [String: [CalendarDate]]
  public var cycles: [String: [CycleDates]]

  public init(passes: [String: [CalendarDate]] = [:], cycles: [String: [CycleDates]] = [:]) {
    self.passes = passes
    self.cycles = cycles
  }
}

extension CertificationRules {
  /// What passing `courseID` on `day` would do to `certification`, given the helper's history.
  ///
  /// The one place this is decided: the registry stores its answer, the menu words it as a forecast.
  /// `history` may or may not already hold this pass; the answer is the same.
  public static func decision(
    passing courseID: String, on day: CalendarDate, certification: Certification, history: CertificationHistory
  ) -> CertificationDecision {
    var passes = history.passes
    if !(passes[courseID] ?? []).contains(day) { passes[courseID, default: []].append(day) }
    let latest = latest(history.cycles[certification.id] ?? [])
    let inInitial = certification.initial.contains { $0.courseID == courseID }
    let inRenewal = certification.renewal.contains { $0.courseID == courseID }

    var reason: NoChangeReason = .notCertified
    if let latest, inRenewal {
      switch cycleAfterRenewal(passedOn: day, previous: latest, certification: certification) {
      case .renewed(let dates):
        let timing: RenewalTiming =
          day < latest.windowOpens ? .early : day <= latest.validThrough ? .onTime : .late
        return .renewal(dates, timing: timing)
      case .lapsed: reason = .lapsed
      case .predatesCycle: reason = .predatesCycle
      }
    }
    guard inInitial else { return .nothing(reason) }
    if let dates = cycleAfterInitialCourse(
      passedOn: day, passes: passes, latestCycle: latest, certification: certification)
    {
      return .initialCycle(dates)
    }
    if let latest, day <= lapseEnds(latest, certification: certification) {
      return .nothing(
        day < latest.certifiedOn ? .predatesCycle : .alreadyCertified(validThrough: latest.validThrough))
    }
    let done = initialPassed(passes: passes, latestCycle: latest, certification: certification)
    return .nothing(.initialProgress(passed: done.count, required: certification.initial.count))
  }

  /// The decision for every certification `courseID` counts for, in catalogue order (empty: it counts for none).
  public static func decisions(
    passing courseID: String, on day: CalendarDate, catalog: CertificationCatalog, history: CertificationHistory
  ) -> [(certification: Certification, decision: CertificationDecision)] {
    catalog.certifications(grantedBy: courseID).map { certification in
      (certification, decision(passing: courseID, on: day, certification: certification, history: history))
    }
  }
}
