import CourseModel
import Foundation
import SwiftCSV

/// Reads the helpers file a coordinator exports from a spreadsheet.
///
/// UTF-8 with or without BOM; comma, semicolon or tab, guessed from the header line. The header names
/// `name`, `local`, `region` and optionally `id`, `email`, in any order and case, or in French `nom`,
/// `syndicat`, `région` (or `region`), `identifiant`, `courriel`. Other columns are ignored; blank lines
/// are skipped.
public enum HelperCSV {
  /// The helpers of the file with their line numbers (quoted line breaks counted), or the first problem.
  public static func parse(_ data: Data) throws -> [(line: Int, helper: NewHelper)] {
    guard var text = String(data: data, encoding: .utf8) else {
      throw RegistryError.unreadableCSV(reason: notUTF8)
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let csv: EnumeratedCSV
    do {
      csv = try EnumeratedCSV(string: text, delimiter: CSVDelimiter.guessed(string: text), loadColumns: false)
    } catch {
      // SwiftCSV only throws on quotes.
      throw RegistryError.unreadableCSV(reason: misplacedQuotes)
    }
    var rows: [(line: Int, fields: [String])] = []
    var line = 1
    do {
      try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
        rows.append((line, fields))
        line += 1 + fields.reduce(0) { $0 + $1.filter(\.isNewline).count }
      }
    } catch {
      // SwiftCSV only throws on quotes.
      throw RegistryError.unreadableCSV(reason: misplacedQuotes)
    }
    while let first = rows.first, isBlank(first.fields) { rows.removeFirst() }
    guard let header = rows.first else { throw RegistryError.badHeader(missing: ["name", "local", "region"]) }
    var columns: [String: Int] = [:]
    for (index, title) in header.fields.enumerated() {
      if let field = field(forHeader: title), columns[field] == nil { columns[field] = index }
    }
    let missing = ["name", "local", "region"].filter { columns[$0] == nil }
    guard missing.isEmpty else { throw RegistryError.badHeader(missing: missing) }

    var result: [(line: Int, helper: NewHelper)] = []
    for row in rows.dropFirst() where !isBlank(row.fields) {
      func value(_ field: String) -> String {
        guard let index = columns[field], index < row.fields.count else { return "" }
        return row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
      }
      let id = value("id")
      let email = value("email")
      result.append(
        (
          row.line,
          NewHelper(
            id: id.isEmpty ? nil : id, name: value("name"), local: value("local"), region: value("region"),
            email: email.isEmpty ? nil : email)
        ))
    }
    return result
  }

  /// The field a header names (`nom` → `name`), or nil for a column to ignore.
  static func field(forHeader title: String) -> String? {
    let key = title.trimmingCharacters(in: .whitespacesAndNewlines)
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    switch key {
    case "name", "nom": return "name"
    case "local", "syndicat": return "local"
    case "region": return "region"
    case "id", "identifiant": return "id"
    case "email", "e-mail", "courriel": return "email"
    default: return nil
    }
  }

  private static func isBlank(_ fields: [String]) -> Bool {
    fields.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
  }

  static let notUTF8 = Message(
    fr: "le fichier n’est pas en UTF-8 (enregistrez-le au format « CSV UTF-8 »)",
    en: "the file is not UTF-8 (save it as “CSV UTF-8”)")

  static let misplacedQuotes = Message(
    fr: "des guillemets sont mal placés (un champ entre guillemets doit l’être en entier)",
    en: "some quotes are misplaced (a quoted field must be quoted whole)")
}
