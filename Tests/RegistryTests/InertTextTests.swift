import CourseModel
import Foundation
import Testing

@testable import Registry

@Test func controlAndBidiCharactersAreRefusedInEveryHelperField() throws {
  let registry = try memoryRegistry()
  #expect(throws: RegistryError.controlCharacter(field: "name", character: "\u{202E}")) {
    try registry.addHelper(NewHelper(name: "Marie\u{202E}yalbmerT", local: "L", region: "R"))
  }
  #expect(throws: RegistryError.controlCharacter(field: "local", character: "\u{1B}")) {
    try registry.addHelper(NewHelper(name: "A B", local: "CSN\u{1B}[2J", region: "R"))
  }
  #expect(throws: RegistryError.controlCharacter(field: "region", character: "\u{2067}")) {
    try registry.addHelper(NewHelper(name: "A B", local: "L", region: "\u{2067}Estrie"))
  }
  #expect(throws: RegistryError.controlCharacter(field: "email", character: "\u{200F}")) {
    try registry.addHelper(NewHelper(name: "A B", local: "L", region: "R", email: "a\u{200F}@x.ca"))
  }
  #expect(throws: RegistryError.controlCharacter(field: "reason", character: "\u{061C}")) {
    try registry.addHelper(NewHelper(name: "A B", local: "L", region: "R"), reason: "x\u{061C}")
  }
  #expect(try registry.helpers(includeInactive: true).isEmpty)
  #expect(try registry.events().isEmpty)

  let helper = try registry.addHelper(NewHelper(name: "Marie Tremblay", local: "L", region: "R"))
  #expect(throws: RegistryError.controlCharacter(field: "name", character: "\u{9B}")) {
    try registry.editHelper(helper.id, changes: HelperChanges(name: "Marie\u{9B}2J"))
  }
  #expect(throws: RegistryError.controlCharacter(field: "email", character: "\u{7}")) {
    try registry.editHelper(helper.id, changes: HelperChanges(email: "m\u{7}@x.ca"))
  }
  #expect(throws: RegistryError.controlCharacter(field: "reason", character: "\u{202D}")) {
    try registry.deactivateHelper(helper.id, reason: "\u{202D}gone")
  }
  #expect(try registry.helper(helper.id) == helper)
  #expect(try registry.events().count == 1)
}

@Test func aControlCharacterInAnImportNamesTheLineAndTheField() throws {
  let registry = try memoryRegistry()
  let csv = "name,local,region\nAnn Lee,L,R\n\"Bob\u{202E}Ray\",L,R\n"
  let rows = try HelperCSV.parse(Data(csv.utf8))
  let error = RegistryError.badRow(
    line: 3, problem: RegistryError.controlCharacter(field: "name", character: "\u{202E}").message)
  #expect(throws: error) { try registry.importHelpers(rows, source: "h.csv") }
  #expect(
    error.message.fr
      == "Ligne 3 : Le nom contient un caractère invisible de contrôle ou de direction du texte (U+202E) ; retirez-le. Rien n’a été importé."
  )
  #expect(
    error.message.en
      == "Line 3: The name holds an invisible control or text-direction character (U+202E); remove it. Nothing was imported."
  )
  #expect(try registry.helpers(includeInactive: true).isEmpty)
  #expect(
    RegistryError.controlCharacter(field: "region", character: "\u{1B}").message.fr
      == "La région contient un caractère invisible de contrôle ou de direction du texte (U+001B) ; retirez-le.")
}
