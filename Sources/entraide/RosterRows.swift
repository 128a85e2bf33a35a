import CourseModel
import Registry
import Reports

extension RosterRow {
  /// One row per helper and certification, in the registry's order (the renderers sort).
  static func rows(_ lines: [RosterLine], certifications: CertificationCatalog) -> [RosterRow] {
    let catalogue = certifications.certifications
    var rows: [RosterRow] = []
    rows.reserveCapacity(lines.count * catalogue.count)
    for line in lines {
      for (certification, standing) in zip(catalogue, line.standings) {
        let dates = standing.dates
        rows.append(
          RosterRow(
            helperID: line.helperID, name: line.name, local: line.local, region: line.region,
            certification: certification.id, certificationTitle: certification.title, status: standing.status,
            certifiedOn: dates?.certifiedOn, validThrough: dates?.validThrough, windowOpens: dates?.windowOpens,
            daysLeft: standing.daysLeft))
      }
    }
    return rows
  }
}
