import Foundation
import Testing

/// A sandbox with courses and Marie Tremblay (mtremblay) registered.
func recordSandbox() throws -> (RegistrySandbox, [String]) {
  let sandbox = try RegistrySandbox()
  let courses = try sandbox.makeCourses()
  try sandbox.addHelpers(["Marie Tremblay"])
  return (sandbox, ["--courses", courses.path])
}

@Test func theGeneratedCoursesAreValid() throws {
  let sandbox = try RegistrySandbox()
  let courses = try sandbox.makeCourses()
  let result = try sandbox.run(["validate", courses.path])
  #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
}

@Test func recordingTheInitialPathCertifiesAndStatusShowsIt() throws {
  let (sandbox, courses) = try recordSandbox()
  var result = try sandbox.run(["record", "mtremblay", "ecoute-active", "--date", "2026-11-01"] + courses)
  #expect(result.status == 0)
  #expect(
    result.stdout == """
      Course “ecoute-active” recorded for mtremblay, passed on 2026-11-01.
      Peer helper: initial path, 1 of 2 courses passed.

      """)
  result = try sandbox.run(
    ["record", "mtremblay", "referer", "--date", "2026-11-21", "--note", "Sherbrooke"] + courses,
    language: "fr_CA.UTF-8")
  #expect(result.status == 0)
  #expect(
    result.stdout == """
      Cours « referer » enregistré pour mtremblay, réussi le 2026-11-21.
      Entraidant·e : valide jusqu’au 2027-11-20

      """)

  result = try sandbox.run(["status", "mtremblay"] + courses, language: "fr_CA.UTF-8")
  #expect(result.status == 0)
  #expect(
    result.stdout == """
      Marie Tremblay (mtremblay) — CSN 123, Estrie
      Au 2026-11-22

      Certification  Statut      Certifié·e le  Valide jusqu’au  Fenêtre dès  Jours restants
      Entraidant·e   certifié·e  2026-11-21     2027-11-20       2027-08-23   363
      Sentinelle     jamais      —              —                —            —

      Cours réussis :
      Date        Cours          Titre                Comment
      2026-11-01  ecoute-active  Cours ecoute-active  en personne
      2026-11-21  referer        Cours referer        en personne

      Aucune tentative dans Entraide.

      Cours suivis en personne :
      Date        Cours          Titre                Note
      2026-11-01  ecoute-active  Cours ecoute-active  —
      2026-11-21  referer        Cours referer        Sherbrooke

      Cycles de certification :
      Certification  Type      Certifié·e le  Valide jusqu’au  Fenêtre dès  Par le cours
      Entraidant·e   initiale  2026-11-21     2027-11-20       2027-08-23   referer

      """)

  result = try sandbox.run(["status", "mtremblay", "--certification", "entraidant"] + courses, today: "2027-09-01")
  #expect(result.stdout.contains("Peer helper    due     2026-11-21    2027-11-20     2027-08-23    80\n"))

  result = try sandbox.run(["status", "mtremblay", "--format", "json"] + courses)
  let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  let certifications = try #require(json["certifications"] as? [[String: Any]])
  #expect(certifications.count == 2)
  #expect(certifications[0]["certification"] as? String == "entraidant")
  #expect(certifications[0]["status"] as? String == "certified")
  #expect(certifications[0]["certified_on"] as? String == "2026-11-21")
  #expect(certifications[0]["valid_through"] as? String == "2027-11-20")
  #expect(certifications[0]["window_opens"] as? String == "2027-08-23")
  #expect(certifications[0]["days_left"] as? Int == 363)
  #expect(certifications[1]["status"] as? String == "never")
  #expect(certifications[1]["valid_through"] is NSNull)
  let passed = try #require(json["courses_passed"] as? [[String: Any]])
  #expect(passed.map { $0["course"] as? String } == ["ecoute-active", "referer"])
  #expect(passed.map { $0["how"] as? String } == ["recorded", "recorded"])
  #expect(json["today"] as? String == "2026-11-22")
  let history = try #require(json["history"] as? [String: Any])
  #expect((history["attempts"] as? [Any])?.isEmpty == true)
  let inPerson = try #require(history["in_person"] as? [[String: Any]])
  #expect(inPerson.map { $0["course"] as? String } == ["ecoute-active", "referer"])
  #expect(inPerson.map { $0["note"] as? String } == [nil, "Sherbrooke"])
  let cycles = try #require(history["cycles"] as? [[String: Any]])
  #expect(cycles.map { $0["certification"] as? String } == ["entraidant"])
  #expect(cycles.map { $0["valid_through"] as? String } == ["2027-11-20"])
  #expect(cycles.map { $0["source_course"] as? String } == ["referer"])

  result = try sandbox.run(["helpers", "show", "mtremblay"])
  #expect(result.stdout.contains("recorded (in person)  2026-11-21"))
}

@Test(arguments: [
  ("2026-02-30", "entraide: error: --date “2026-02-30” is not a valid date: expected YYYY-MM-DD, a day that exists.\n"),
  ("2026-2-3", "entraide: error: --date “2026-2-3” is not a valid date: expected YYYY-MM-DD, a day that exists.\n"),
  ("hier", "entraide: error: --date “hier” is not a valid date: expected YYYY-MM-DD, a day that exists.\n"),
])
func anInvalidDateIsRefused(_ example: (date: String, message: String)) throws {
  let (sandbox, courses) = try recordSandbox()
  let result = try sandbox.run(["record", "mtremblay", "ecoute-active", "--date", example.date] + courses)
  #expect(result.status == 2)
  #expect(result.stderr == example.message)
  #expect(try sandbox.run(["helpers", "show", "mtremblay"]).stdout.hasSuffix("No attempts.\n"))
}

@Test func anInvalidTodayIsRefused() throws {
  let (sandbox, courses) = try recordSandbox()
  let result = try sandbox.run(
    ["record", "mtremblay", "ecoute-active", "--date", "2026-11-01"] + courses, today: "2026-13-01",
    language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(
    result.stderr == "entraide : erreur : ENTRAIDE_TODAY=« 2026-13-01 » n’est pas une date valide (AAAA-MM-JJ).\n")
}

@Test func recordRefusals() throws {
  let (sandbox, courses) = try recordSandbox()
  let cases: [([String], String)] = [
    (
      ["record", "mtremblay", "ecoute-active", "--date", "2026-11-23"],
      "entraide: error: The date 2026-11-23 is in the future (today is 2026-11-22).\n"
    ),
    (
      ["record", "mtremblay", "ecoute-activ", "--date", "2026-11-01"],
      "entraide: error: No course has the id “ecoute-activ”. Did you mean: ecoute-active?\n"
    ),
    (
      ["record", "mtremblay", "format-tour", "--date", "2026-11-01"],
      "entraide: error: The course “format-tour” neither grants nor renews any certification: there is nothing to record for certification.\n"
    ),
    (
      ["record", "mtremblay", "referer", "--date", "2026-11-01"],
      "entraide: error: The course “referer” requires passing first: ecoute-active.\n"
    ),
    (
      ["record", "mtremblai", "ecoute-active", "--date", "2026-11-01"],
      "entraide: error: No helper has the id “mtremblai”. Did you mean: mtremblay?\n"
    ),
    (
      ["status", "mtremblay", "--certification", "sentinel"],
      "entraide: error: No certification has the id “sentinel”. Did you mean: sentinelle?\n"
    ),
  ]
  for (arguments, message) in cases {
    let result = try sandbox.run(arguments + courses)
    #expect(result.status == 2, "\(arguments)")
    #expect(result.stderr == message)
    #expect(result.stdout == "")
  }
  #expect(try sandbox.run(["helpers", "show", "mtremblay"]).stdout.hasSuffix("No attempts.\n"))
}

@Test func recordRefusalsInFrench() throws {
  let (sandbox, courses) = try recordSandbox()
  var result = try sandbox.run(
    ["record", "mtremblay", "format-tour", "--date", "2026-11-01"] + courses, language: "fr_CA.UTF-8")
  #expect(
    result.stderr
      == "entraide : erreur : Le cours « format-tour » n’accorde ni ne renouvelle aucune certification : il n’y a rien à enregistrer pour la certification.\n"
  )
  result = try sandbox.run(
    ["record", "mtremblay", "referer", "--date", "2026-11-01"] + courses, language: "fr_CA.UTF-8")
  #expect(result.stderr == "entraide : erreur : Le cours « referer » exige d’avoir réussi avant : ecoute-active.\n")
}

/// Two `entraide` processes record for two helpers on one file at the same time, 40 times each.
@Test func twoProcessesRecordingAtOnceBothSucceed() async throws {
  let (sandbox, courses) = try recordSandbox()
  try sandbox.addHelpers(["Jean Côté"])
  let rounds = 40
  func recordMany(_ helper: String) async throws -> [RunResult] {
    var results: [RunResult] = []
    for index in 0..<rounds {
      let course = index == 0 ? "ecoute-active" : (index == 1 ? "referer" : "ressourcement-annuel")
      let date = CalendarDay(2026, 1, 1).adding(index * 5)
      results.append(try sandbox.run(["record", helper, course, "--date", date] + courses))
    }
    return results
  }
  async let first = Task.detached { try await recordMany("mtremblay") }.value
  async let second = Task.detached { try await recordMany("jcote") }.value
  let all = try await first + second
  #expect(all.count == 2 * rounds)
  #expect(all.filter { $0.status != 0 }.map(\.stderr) == [])
  #expect(all.filter { $0.stderr.lowercased().contains("locked") }.isEmpty)
  for helper in ["mtremblay", "jcote"] {
    let show = try sandbox.run(["helpers", "show", helper]).stdout
    #expect(show.components(separatedBy: "recorded (in person)").count - 1 == rounds)
  }
}

/// Plain `YYYY-MM-DD` arithmetic for test dates (the tests do not import CourseModel).
struct CalendarDay {
  var date: Date

  init(_ year: Int, _ month: Int, _ day: Int) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
  }

  func adding(_ days: Int) -> String {
    let formatter = DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date.addingTimeInterval(Double(days) * 86_400))
  }
}

@Test func aYearBeforeAnyNetworkIsRefusedAndNothingIsRecorded() throws {
  let (sandbox, courses) = try recordSandbox()
  let refused = try sandbox.run(
    ["record", "mtremblay", "ecoute-active", "--date", "1926-11-01"] + courses, language: "fr_CA.UTF-8")
  #expect(refused.status == 2)
  #expect(
    refused.stderr
      == "entraide : erreur : La date 1926-11-01 précède les premiers réseaux d’entraide (1980) : vérifiez l’année.\n")
  let status = try sandbox.run(["status", "mtremblay", "--format", "json"] + courses)
  #expect(!status.stdout.contains("1926"))
  let first = try sandbox.run(["record", "mtremblay", "ecoute-active", "--date", "1980-01-01"] + courses)
  #expect(first.status == 0)
  #expect(first.stdout.hasPrefix("Course “ecoute-active” recorded for mtremblay, passed on 1980-01-01.\n"))
}

@Test func anInvalidDateIsRefusedInFrenchBeforeTheRegistryIsOpened() throws {
  let (sandbox, courses) = try recordSandbox()
  let result = try sandbox.run(
    ["record", "mtremblay", "ecoute-active", "--date", "2026-02-30", "--db", "/nonexistent/registre.sqlite"]
      + courses, language: "fr_CA.UTF-8")
  #expect(result.status == 2)
  #expect(
    result.stderr
      == "entraide : erreur : --date « 2026-02-30 » n’est pas une date valide : attendu AAAA-MM-JJ, un jour qui existe.\n"
  )
}
