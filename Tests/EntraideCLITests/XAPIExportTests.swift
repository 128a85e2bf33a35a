import Foundation
import Testing
import XAPIValidation

@Test func everyStatementOfAnXAPIExportPassesTheValidatorAndKeepsItsId() throws {
  let sandbox = try RegistrySandbox()
  let courses = ["--courses", try sandbox.makeCourses().path]
  try sandbox.addHelpers(["Marie Tremblay", "Jean Côté"])
  // A run in Entraide (the generated courses are one lesson page: Enter passes them) and records in person.
  let run = try Entraide.run(
    ["run", "ecoute-active", "--helper", "mtremblay"] + courses, stdin: "\n\n\n",
    environment: ["ENTRAIDE_DB": sandbox.database, "ENTRAIDE_TODAY": "2026-11-20", "LANG": "fr_CA.UTF-8"])
  #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
  for (helper, course, date) in [("mtremblay", "referer", "2026-11-21"), ("jcote", "prevention-suicide", "2026-11-21")]
  {
    let result = try sandbox.run(["record", helper, course, "--date", date, "--note", "Salle <b>"] + courses)
    #expect(result.status == 0, "\(result.stderr)")
  }
  let first = try sandbox.run(["export", "xapi", "--home-page", "https://csn.example/entraide"] + courses)
  #expect(first.status == 0, "\(first.stderr)")
  let statements = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]])
  #expect(statements.count == 3)
  for statement in statements {
    #expect(XAPIValidator.problems(statement) == [], "\(statement)")
  }
  let verbs = statements.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }
  #expect(
    verbs == [
      "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/completed",
      "http://adlnet.gov/expapi/verbs/completed",
    ])
  let account = (statements[0]["actor"] as? [String: Any])?["account"] as? [String: String]
  #expect(account == ["homePage": "https://csn.example/entraide", "name": "mtremblay"])
  #expect((statements[0]["context"] as? [String: String])?["language"] == "fr")
  #expect((statements[1]["object"] as? [String: Any])?["id"] as? String == "urn:entraide:course:referer")
  // The same ids on every export; the default home page is a valid IRL.
  let second = try sandbox.run(["export", "xapi"] + courses)
  let again = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [[String: Any]])
  #expect(again.map { $0["id"] as? String } == statements.map { $0["id"] as? String })
  for statement in again {
    #expect(XAPIValidator.problems(statement) == [])
  }
  let bad = try sandbox.run(["export", "xapi", "--home-page", "csn.example"] + courses, language: "fr_CA.UTF-8")
  #expect(bad.status == 2)
  #expect(
    bad.stderr
      == "entraide : erreur : --home-page « csn.example » n’est pas une adresse web valide (attendu : https://…).\n")
}
