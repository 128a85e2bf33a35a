import CourseModel
import Foundation
import Testing
import XAPIValidation

@testable import Reports

let xapiRecords = [
  LearningRecord(
    attemptID: 1, helperID: "mtremblay", helperName: "Marie Tremblay", courseID: "ecoute-active",
    courseTitle: LocalizedText(["fr": "Écoute active", "en": "Active listening"]), outcome: .passed, score: 87.5,
    startedAt: "2026-11-01T13:00:00Z", finishedAt: "2026-11-01T14:02:05Z", timestamp: "2026-11-01T14:02:05Z",
    language: "fr"),
  LearningRecord(
    attemptID: 2, helperID: "jcote", helperName: "Jean \"Ti-Jean\" Côté <script>", courseID: "referer",
    courseTitle: LocalizedText(["fr": "Référer"]), outcome: .failed, score: 40, startedAt: "2026-11-02T13:00:00Z",
    finishedAt: "2026-11-02T13:00:30Z", timestamp: "2026-11-02T13:00:30Z", language: "en"),
  LearningRecord(
    attemptID: 3, helperID: "mtremblay", helperName: "Marie Tremblay", courseID: "referer",
    courseTitle: LocalizedText(), outcome: .completedInPerson, score: nil, startedAt: "2026-11-22T12:00:00Z",
    finishedAt: "2026-11-22T12:00:00Z", timestamp: "2026-11-21T12:00:00-05:00", language: nil),
]

func statements(_ text: String) throws -> [Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
}

@Test func everyXAPIStatementPassesTheValidator() throws {
  let all = try statements(try XAPIStatements.render(xapiRecords, homePage: "https://csn.example/entraide"))
  #expect(all.count == 3)
  for statement in all {
    #expect(XAPIValidator.problems(statement) == [])
  }
}

@Test func aPassedRunAsAStatement() throws {
  let text = try XAPIStatements.render([xapiRecords[0]], homePage: XAPIStatements.defaultHomePage)
  let id = XAPIStatements.uuid(for: xapiRecords[0])
  #expect(
    text == """
      [
        {
          "actor" : {
            "account" : {
              "homePage" : "https://entraide.invalid/",
              "name" : "mtremblay"
            },
            "name" : "Marie Tremblay",
            "objectType" : "Agent"
          },
          "context" : {
            "language" : "fr",
            "platform" : "Entraide"
          },
          "id" : "\(id)",
          "object" : {
            "definition" : {
              "name" : {
                "en" : "Active listening",
                "fr" : "Écoute active"
              },
              "type" : "http://adlnet.gov/expapi/activities/course"
            },
            "id" : "urn:entraide:course:ecoute-active",
            "objectType" : "Activity"
          },
          "result" : {
            "completion" : true,
            "duration" : "PT1H2M5S",
            "score" : {
              "max" : 100,
              "min" : 0,
              "raw" : 87.5,
              "scaled" : 0.875
            },
            "success" : true
          },
          "timestamp" : "2026-11-01T14:02:05Z",
          "verb" : {
            "display" : {
              "en" : "passed",
              "fr" : "a réussi"
            },
            "id" : "http://adlnet.gov/expapi/verbs/passed"
          }
        }
      ]

      """)
}

@Test func statementIdsAreStableVersion5UUIDs() throws {
  let first = xapiRecords.map(XAPIStatements.uuid(for:))
  #expect(first == xapiRecords.map(XAPIStatements.uuid(for:)))
  #expect(Set(first).count == 3)
  for id in first {
    #expect(XAPIValidator.isUUID(id))
    #expect(Array(id)[14] == "5")
  }
  // The same attempt in another export (another home page) keeps its id.
  let other = try statements(try XAPIStatements.render(xapiRecords, homePage: "https://ftq.example/"))
  #expect(other.compactMap { ($0 as? [String: Any])?["id"] as? String } == first)
}

@Test func failedAndInPersonStatements() throws {
  let all = try statements(try XAPIStatements.render(xapiRecords, homePage: XAPIStatements.defaultHomePage))
  let failed = try #require(all[1] as? [String: Any])
  #expect((failed["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/failed")
  let result = try #require(failed["result"] as? [String: Any])
  #expect(result["success"] as? Bool == false)
  #expect(result["duration"] as? String == "PT30S")
  #expect((result["score"] as? [String: Any])?["scaled"] as? Double == 0.4)
  #expect((failed["actor"] as? [String: Any])?["name"] as? String == "Jean \"Ti-Jean\" Côté <script>")
  let inPerson = try #require(all[2] as? [String: Any])
  #expect((inPerson["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/completed")
  let inPersonResult = try #require(inPerson["result"] as? [String: Any])
  #expect(inPersonResult.keys.sorted() == ["completion", "success"])
  #expect(inPerson["timestamp"] as? String == "2026-11-21T12:00:00-05:00")
  #expect((inPerson["context"] as? [String: Any])?.keys.sorted() == ["platform"])
  let names = ((inPerson["object"] as? [String: Any])?["definition"] as? [String: Any])?["name"] as? [String: String]
  #expect(names == ["en": "referer"])
}

@Test func theValidatorRefusesWhatAnLRSRefuses() throws {
  let valid = try #require(
    try statements(try XAPIStatements.render([xapiRecords[0]], homePage: "https://csn.example/")).first
      as? [String: Any])
  func broken(_ change: (inout [String: Any]) -> Void) -> [String] {
    var copy = valid
    change(&copy)
    return XAPIValidator.problems(copy)
  }
  #expect(broken { $0["id"] = "not-a-uuid" } == ["id is not a UUID"])
  #expect(broken { $0["verb"] = nil } == ["verb is missing"])
  #expect(broken { $0["color"] = "red" } == ["color is not an xAPI property here"])
  #expect(
    broken { $0["timestamp"] = "2026-11-01 14:02" } == ["timestamp is not an ISO 8601 date-time with its time zone"])
  #expect(
    broken { $0["timestamp"] = "2026-11-01T14:02:05" } == ["timestamp is not an ISO 8601 date-time with its time zone"])
  #expect(broken { $0["context"] = ["language": "français"] } == ["context.language is not an RFC 5646 tag"])
  #expect(broken { $0["result"] = ["score": ["scaled": 1.5]] } == ["result.score.scaled is outside [-1, 1]"])
  #expect(
    broken { $0["result"] = ["score": ["raw": 120, "min": 0, "max": 100], "success": "yes"] }
      == ["result.success is not a boolean", "result.score.raw is above max"])
  #expect(broken { $0["result"] = ["duration": "1 hour"] } == ["result.duration is not an ISO 8601 duration"])
  #expect(
    broken { $0["actor"] = ["account": ["homePage": "entraide", "name": "x"]] }
      == ["actor.account.homePage is not an IRL"])
  #expect(
    broken { $0["actor"] = ["mbox": "mailto:a@b.c", "account": ["homePage": "https://x.ca", "name": "x"]] }
      == ["actor has 2 inverse functional identifiers"])
  #expect(broken { $0["object"] = ["id": "ecoute active"] } == ["object.id is not an IRI"])
  #expect(
    broken { $0["verb"] = ["id": "http://adlnet.gov/expapi/verbs/passed", "display": ["english": "passed"]] }
      == ["verb.display has a key that is not an RFC 5646 tag: english"])
  #expect(broken { $0["context"] = NSNull() } == [".context is null", "context is not an object"])
}

@Test func aHomePageMustBeAWebAddress() {
  #expect(XAPIStatements.isHomePage("https://csn.example/entraide"))
  #expect(XAPIStatements.isHomePage(XAPIStatements.defaultHomePage))
  for bad in [
    "csn.example", "urn:entraide", "https://", "https://csn example", "ftp://x.ca", "https://x.ca/\u{1B}[31m",
  ] {
    #expect(!XAPIStatements.isHomePage(bad), "\(bad)")
  }
}
