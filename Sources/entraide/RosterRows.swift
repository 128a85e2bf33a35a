import CourseModel
import Registry
import Reports

extension RosterRow {
  /// The roster row of one helper's standing with one certification.
  init(helper: Helper, standing: CertificationStanding) {
    let dates = standing.cycle?.dates
    self.init(
      helperID: helper.id, name: helper.name, local: helper.local, region: helper.region,
      certification: standing.certificationID, certificationTitle: standing.title,
      status: standing.status, certifiedOn: dates?.certifiedOn, validThrough: dates?.validThrough,
      windowOpens: dates?.windowOpens, daysLeft: standing.daysLeft)
  }

  /// One row per helper and certification, in the registry's order (the renderers sort).
  static func rows(_ roster: [HelperStandings]) -> [RosterRow] {
    roster.flatMap { entry in entry.certifications.map { RosterRow(helper: entry.helper, standing: $0) } }
  }
}
