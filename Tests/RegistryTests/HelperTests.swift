import CourseModel
import Foundation
import Testing

@testable import Registry

@Test func idsAreMadeFromNamesAndSuffixedOnCollision() throws {
  let registry = try memoryRegistry()
  let names = ["Marie Tremblay", "Maxime Tremblay", "Éloïse Côté-Bérubé", "Zoë", "  Jean   de la Fontaine "]
  let ids = try names.map { try registry.addHelper(NewHelper(name: $0, local: "CSN 1", region: "Estrie")).id }
  #expect(ids == ["mtremblay", "mtremblay2", "ecoteberube", "zoe", "jfontaine"])
  #expect(try registry.helper("MTREMBLAY")?.name == "Marie Tremblay")
  #expect(try registry.proposedID(forName: "Marie Tremblay") == "mtremblay3")
}

@Test func anIDThatCannotBeMadeAsksForOne() throws {
  let registry = try memoryRegistry()
  #expect(throws: RegistryError.cannotMakeID("李")) {
    try registry.addHelper(NewHelper(name: "李", local: "L", region: "R"))
  }
  #expect(try registry.addHelper(NewHelper(id: "li", name: "李", local: "L", region: "R")).id == "li")
}

@Test func aDuplicateIDIsRefusedIgnoringCase() throws {
  let registry = try memoryRegistry()
  try registry.addHelper(NewHelper(id: "mtremblay", name: "Marie Tremblay", local: "L", region: "R"))
  #expect(throws: RegistryError.duplicateHelperID("MTremblay")) {
    try registry.addHelper(NewHelper(id: "MTremblay", name: "Other", local: "L", region: "R"))
  }
  #expect(try registry.helpers().count == 1)
  #expect(try registry.events().count == 1)
}

@Test func emptyFieldsAndBadIDsAreRefused() throws {
  let registry = try memoryRegistry()
  #expect(throws: RegistryError.emptyName) { try registry.addHelper(NewHelper(name: "  ", local: "L", region: "R")) }
  #expect(throws: RegistryError.emptyField("local")) {
    try registry.addHelper(NewHelper(name: "A B", local: "", region: "R"))
  }
  #expect(throws: RegistryError.emptyField("region")) {
    try registry.addHelper(NewHelper(name: "A B", local: "L", region: "\t"))
  }
  #expect(throws: RegistryError.invalidHelperID("marie tremblay")) {
    try registry.addHelper(NewHelper(id: "marie tremblay", name: "A B", local: "L", region: "R"))
  }
  #expect(throws: RegistryError.invalidHelperID("-x")) {
    try registry.addHelper(NewHelper(id: "-x", name: "A B", local: "L", region: "R"))
  }
  #expect(try registry.helpers(includeInactive: true).isEmpty)
  #expect(try registry.events().isEmpty)
}

@Test func anUnknownHelperSuggestsTheClosestIDs() throws {
  let registry = try memoryRegistry()
  for name in ["Marie Tremblay", "Marc Tremblay", "Jean Côté", "Ann Lee"] {
    try registry.addHelper(NewHelper(name: name, local: "L", region: "R"))
  }
  #expect(throws: RegistryError.unknownHelper("mtrembley", suggestions: ["mtremblay", "mtremblay2"])) {
    try registry.requireHelper("mtrembley")
  }
  #expect(throws: RegistryError.unknownHelper("zzzzzz", suggestions: [])) { try registry.requireHelper("zzzzzz") }
  let message = RegistryError.unknownHelper("mtrembley", suggestions: ["mtremblay", "mtremblay2"]).message
  #expect(
    message.fr == "Aucun·e entraidant·e n’a l’identifiant « mtrembley ». Vouliez-vous dire : mtremblay, mtremblay2 ?")
  #expect(message.en == "No helper has the id “mtrembley”. Did you mean: mtremblay, mtremblay2?")
}

@Test func everyHelperChangeIsInTheAuditLog() throws {
  let registry = try Registry.inMemory(actor: "lucie", clock: { fixedInstant })
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 1", region: "Estrie", email: "m@x.ca"))
  let edited = try registry.editHelper(
    "mtremblay", changes: HelperChanges(region: "Montérégie", email: ""), reason: "moved")
  #expect(edited.region == "Montérégie")
  #expect(edited.email == nil)
  let deactivated = try registry.deactivateHelper("mtremblay", reason: "left the network")
  #expect(!deactivated.active)
  #expect(try registry.helpers().isEmpty)
  #expect(try registry.helpers(includeInactive: true).map(\.id) == ["mtremblay"])

  let events = try registry.events(helperID: "mtremblay")
  #expect(events.map(\.action) == [.helperAdded, .helperEdited, .helperDeactivated])
  #expect(events.allSatisfy { $0.by == "lucie" && $0.at == "2026-11-22T12:00:00Z" })
  #expect(
    events[0].detail == ["name": "Marie Tremblay", "local": "CSN 1", "region": "Estrie", "email": "m@x.ca"])
  #expect(
    events[1].detail == ["region": "Montérégie", "old_region": "Estrie", "email": "", "old_email": "m@x.ca"])
  #expect(events[1].reason == "moved")
  #expect(events[2].reason == "left the network")
}

@Test func anEditThatChangesNothingWritesNothing() throws {
  let registry = try memoryRegistry()
  try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "CSN 1", region: "Estrie"))
  #expect(throws: RegistryError.nothingToChange) { try registry.editHelper("mtremblay", changes: HelperChanges()) }
  #expect(throws: RegistryError.emptyName) {
    try registry.editHelper("mtremblay", changes: HelperChanges(name: " "))
  }
  _ = try registry.editHelper("mtremblay", changes: HelperChanges(region: "Estrie"))
  #expect(try registry.events().map(\.action) == [.helperAdded])
}

@Test func importIsAllOrNothing() throws {
  let registry = try memoryRegistry()
  try registry.addHelper(NewHelper(id: "taken", name: "Already There", local: "L", region: "R"))
  let rows: [(line: Int, helper: NewHelper)] = [
    (2, NewHelper(name: "Marie Tremblay", local: "L", region: "R")),
    (3, NewHelper(id: "taken", name: "Jean Côté", local: "L", region: "R")),
  ]
  #expect(
    throws: RegistryError.badRow(line: 3, problem: RegistryError.duplicateHelperID("taken").message)
  ) { try registry.importHelpers(rows, source: "h.csv") }
  #expect(try registry.helpers().map(\.id) == ["taken"])
  #expect(try registry.events().count == 1)

  let good = try registry.importHelpers(
    [
      (2, NewHelper(name: "Marie Tremblay", local: "L", region: "R")),
      (3, NewHelper(name: "Maxime Tremblay", local: "L", region: "R")),
    ], source: "h.csv")
  #expect(good.map(\.id) == ["mtremblay", "mtremblay2"])
  let imported = try registry.events().filter { $0.action == .helperImported }
  #expect(imported.map { $0.detail["line"] } == ["2", "3"])
  #expect(imported.map { $0.detail["source"] } == ["h.csv", "h.csv"])
}

@Test func duplicateIDsWithinOneImportAreABadRow() throws {
  let registry = try memoryRegistry()
  let rows: [(line: Int, helper: NewHelper)] = [
    (2, NewHelper(id: "mt", name: "Marie Tremblay", local: "L", region: "R")),
    (4, NewHelper(id: "MT", name: "Maxime Tremblay", local: "L", region: "R")),
  ]
  #expect(throws: RegistryError.badRow(line: 4, problem: RegistryError.duplicateHelperID("MT").message)) {
    try registry.importHelpers(rows, source: "h.csv")
  }
  #expect(try registry.helpers().isEmpty)
}
