import CourseModel
import Foundation
import Reports
import Testing

@Test func jsonKeepsTheKeyOrderAndWritesNulls() {
  #expect(
    RosterJSON.render([Sample.jean, Sample.zoe]) == """
      [
        {
          "helper_id": "zoe",
          "name": "Zoë\\u001b[31m Roy\\n",
          "local": "-FTQ",
          "region": "Abitibi",
          "certification": "sentinelle",
          "status": "never",
          "certified_on": null,
          "valid_through": null,
          "days_left": null
        },
        {
          "helper_id": "jcote",
          "name": "Jean \\"Ti-Jean\\" Côté, fils",
          "local": "=1+1",
          "region": "Laval",
          "certification": "entraidant",
          "status": "expired",
          "certified_on": "2025-01-10",
          "valid_through": "2026-01-09",
          "days_left": -317
        }
      ]

      """)
}

@Test func jsonWithoutRowsIsAnEmptyArray() {
  #expect(RosterJSON.render([]) == "[]\n")
}

@Test func jsonParsesBackToTheSameValues() throws {
  let data = Data(RosterJSON.render(Sample.all).utf8)
  let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
  #expect(objects.map { $0["helper_id"] as? String } == ["zoe", "mtremblay", "jcote", "aa"])
  #expect(objects[0]["name"] as? String == "Zoë\u{1B}[31m Roy\n")
  #expect(objects[1]["days_left"] as? Int == 343)
  #expect(objects[3]["valid_through"] is NSNull)
}
