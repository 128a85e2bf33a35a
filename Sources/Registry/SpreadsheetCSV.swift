import CourseModel
import Foundation
import SwiftCSV

/// Reads a CSV file a coordinator exports from a spreadsheet, for `helpers import` and `record --from`.
///
/// UTF-8 with or without BOM; comma, semicolon or tab, guessed from the header line. Leading blank lines
/// are dropped; the first row left is the header.
public enum SpreadsheetCSV {
  /// Every row with its 1-based line number in the file (quoted line breaks counted), or an unreadable-file error.
  public static func rows(_ data: Data) throws -> [(line: Int, fields: [String])] {
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
      throw RegistryError.unreadableCSV(reason: misplacedQuotes)
    }
    while let first = rows.first, isBlank(first.fields) { rows.removeFirst() }
    return rows
  }

  /// The field without leading and trailing white space (without copying when there is none).
  static func trimmed(_ field: String) -> String {
    guard let first = field.first, let last = field.last else { return field }
    if !first.isWhitespace && !last.isWhitespace { return field }
    return field.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether every field of a row is blank.
  static func isBlank(_ fields: [String]) -> Bool {
    fields.allSatisfy { field in field.allSatisfy(\.isWhitespace) }
  }

  /// A header cell as a key: trimmed, without case or accents (`Région` → `region`).
  static func key(_ title: String) -> String {
    title.trimmingCharacters(in: .whitespacesAndNewlines)
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  static let notUTF8 = Message(
    fr: "le fichier n’est pas en UTF-8 (enregistrez-le au format « CSV UTF-8 »)",
    en: "the file is not UTF-8 (save it as “CSV UTF-8”)")

  static let misplacedQuotes = Message(
    fr: "des guillemets sont mal placés (un champ entre guillemets doit l’être en entier)",
    en: "some quotes are misplaced (a quoted field must be quoted whole)")
}
