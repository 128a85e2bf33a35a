import Foundation

/// One registry shared by the roster tests (they only read it), with one helper in each status of
/// `entraidant` on 2026-11-22 and a deactivated one:
///
/// | id | local, region | entraidant |
/// |---|---|---|
/// | ccertifiee | CSN 123, Estrie | certified through 2027-10-01 (313 days) |
/// | ddue | CSN 123, Estrie | due, through 2026-11-30 (8 days) |
/// | eexpiree | FTQ 1, Laval | expired, through 2026-05-31 (-175) |
/// | lperime | FTQ 1, Laval | lapsed, through 2025-05-31 (-540) |
/// | tformation | CSN 123, Montérégie | in training |
/// | njamais | FTQ 1, Montérégie | never |
/// | pparti (deactivated) | CSN 123, Estrie | certified |
///
/// `sentinelle` is `never` for all but ddue (certified through 2027-11-19, 362 days).
enum RosterFixture {
  static let shared: Result<(RegistrySandbox, [String]), any Error> = Result { try build() }

  static func get() throws -> (RegistrySandbox, [String]) { try shared.get() }

  private static func build() throws -> (RegistrySandbox, [String]) {
    let sandbox = try RegistrySandbox()
    let courses = ["--courses", try sandbox.makeCourses().path]
    try sandbox.addHelpers(["Carla Certifiee", "Dany Due", "Paul Parti"], local: "CSN 123", region: "Estrie")
    try sandbox.addHelpers(["Eve Expiree", "Luc Perime"], local: "FTQ 1", region: "Laval")
    try sandbox.addHelpers(["Tom Formation"], local: "CSN 123", region: "Montérégie")
    try sandbox.addHelpers(["Nadia Jamais"], local: "FTQ 1", region: "Montérégie")
    let sessions = [
      ("ccertifiee", "ecoute-active", "2026-10-01"), ("ccertifiee", "referer", "2026-10-02"),
      ("ddue", "ecoute-active", "2025-11-30"), ("ddue", "referer", "2025-12-01"),
      ("ddue", "prevention-suicide", "2026-11-20"),
      ("eexpiree", "ecoute-active", "2025-06-01"), ("eexpiree", "referer", "2025-06-01"),
      ("lperime", "ecoute-active", "2024-06-01"), ("lperime", "referer", "2024-06-01"),
      ("tformation", "ecoute-active", "2026-11-01"),
      ("pparti", "ecoute-active", "2026-10-01"), ("pparti", "referer", "2026-10-02"),
    ]
    for (helper, course, date) in sessions {
      let result = try sandbox.run(["record", helper, course, "--date", date] + courses)
      guard result.status == 0 else { throw SandboxError.failed(result.stderr) }
    }
    let deactivated = try sandbox.run(["helpers", "deactivate", "pparti"])
    guard deactivated.status == 0 else { throw SandboxError.failed(deactivated.stderr) }
    return (sandbox, courses)
  }
}
