import CourseModel
import Foundation

/// Reads the helpers file a coordinator exports from a spreadsheet.
///
/// Read by `SpreadsheetCSV` (UTF-8 with or without BOM; comma, semicolon or tab). The header names
/// `name`, `local`, `region` and optionally `id`, `email`, in any order and case, or in French `nom`,
/// `syndicat`, `région` (or `region`), `identifiant`, `courriel`. Other columns are ignored; blank lines
/// are skipped.
public enum HelperCSV {
  /// The helpers of the file with their line numbers (quoted line breaks counted), or the first problem.
  public static func parse(_ data: Data) throws -> [(line: Int, helper: NewHelper)] {
    let rows = try SpreadsheetCSV.rows(data)
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
    switch SpreadsheetCSV.key(title) {
    case "name", "nom": return "name"
    case "local", "syndicat": return "local"
    case "region": return "region"
    case "id", "identifiant": return "id"
    case "email", "e-mail", "courriel": return "email"
    default: return nil
    }
  }

  private static func isBlank(_ fields: [String]) -> Bool {
    SpreadsheetCSV.isBlank(fields)
  }
}
